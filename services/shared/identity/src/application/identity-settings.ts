import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@hexfleet/kernel';
import type { LockoutPolicy } from '../domain';

/** DI token of the service's options. */
export const IDENTITY_SETTINGS = Symbol('IdentitySettings');

export type Product = 'business' | 'school';

export interface IdentitySettings {
  clock: Clock;
  signingKeyJwk: string;
  operatorKey: string | null;
  totpKey: Buffer;
  mailboxDir: string | null;
  mailLinkBaseUrl: string | null;
  /** Lifetimes, in seconds. */
  ttl: { accessToken: number; session: number; invitation: number; passwordReset: number; emailVerification: number };
  lockout: LockoutPolicy;
  /** Per client address: failed logins, and mails triggered, per window. */
  addressLimits: { maxFailures: number; maxMails: number; windowSeconds: number };
  trustedProxies: string[];
  selfRegistration: Product[];
  /** The projections' actual names (suffixed), which queries wait on. */
  readModels: { users: string; loginAudit: string };
}

/** Time for commands: the domain reads no clock. */
@Injectable()
export class IdentityClock {
  constructor(@Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings) {}

  now(): string {
    return this.settings.clock.now().toISOString();
  }

  /** `seconds` from now, as an ISO instant. */
  in(seconds: number): string {
    return new Date(this.settings.clock.now().getTime() + seconds * 1000).toISOString();
  }

  epochMs(): number {
    return this.settings.clock.now().getTime();
  }
}
