import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { TimeAndIds } from '@hexfleet/platform';
import { ADDRESS_GUARD, type AddressGuard } from './address-guard.port';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { epochMs } from './instants';

/** Where a public request came from, as far as the HTTP adapter can tell. */
export interface Client {
  address: string | null;
  userAgent: string | null;
}

/**
 * The per-address half of brute-force protection: failed logins and mails
 * sent, each counted per client address in fixed windows, answered 429 when
 * over. Successful logins do not count, so a school behind one NAT address
 * is not locked out by its own morning rush.
 */
@Injectable()
export class AddressLimits {
  constructor(
    @Inject(ADDRESS_GUARD) private readonly guard: AddressGuard,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    private readonly time: TimeAndIds,
  ) {}

  async assertMayLogIn(client: Client): Promise<void> {
    if (!client.address) return;
    const { maxFailures, windowSeconds } = this.settings.addressLimits;
    const failures = await this.guard.hits('login-failure', client.address, windowSeconds, epochMs(this.time));
    if (failures >= maxFailures) throw tooMany(`failed sign-ins from this address`, windowSeconds);
  }

  async loginFailed(client: Client): Promise<void> {
    if (!client.address) return;
    await this.guard.hit(
      'login-failure',
      client.address,
      this.settings.addressLimits.windowSeconds,
      epochMs(this.time),
    );
  }

  /** Counts a mail this address makes us send (registration, reset); refuses once over the limit. */
  async spendMail(client: Client): Promise<void> {
    if (!client.address) return;
    const { maxMails, windowSeconds } = this.settings.addressLimits;
    const sent = await this.guard.hit('mail', client.address, windowSeconds, epochMs(this.time));
    if (sent > maxMails) throw tooMany('mails requested from this address', windowSeconds);
  }
}

const tooMany = (what: string, windowSeconds: number) =>
  new HttpException(`Too many ${what}; try again within ${windowSeconds} seconds`, HttpStatus.TOO_MANY_REQUESTS);
