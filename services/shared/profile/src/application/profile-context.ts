import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import type { Actor } from '../domain';

/** DI token of the service's settings (clock, read-model name). */
export const PROFILE_SETTINGS = Symbol('ProfileSettings');

export interface ProfileSettings {
  clock: Clock;
  /** The profiles projection's running name (suffixed): queries wait on it for a consistency token. */
  readModel: string;
}

/** Time and the acting person for commands: the domain reads neither a clock nor a token. */
@Injectable()
export class ProfileContext {
  constructor(@Inject(PROFILE_SETTINGS) readonly settings: ProfileSettings) {}

  now(): string {
    return this.settings.clock.now().toISOString();
  }

  metadata() {
    return { now: this.now() };
  }

  actor(caller: Principal): Actor {
    return { type: 'person', userId: caller.userId, roles: caller.roles };
  }
}
