import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Commands, Streams, TimeAndIds } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { credentialDecider, userDecider } from '../domain';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { epochMs, inSeconds } from './instants';
import { decryptTotpSecret, encryptTotpSecret, newTotpSecret, otpauthUrl, totpStep } from './totp';
import { TOTP_ENROLMENTS, type TotpEnrolments } from './totp-enrolments.port';

/** How long a shown secret waits for its first code. */
const ENROLMENT_SECONDS = 15 * 60;

/**
 * The optional second factor: enrol (a fresh secret, shown once), confirm
 * with a code from the authenticator (only then is it stored on the
 * credential, encrypted), disable with a code.
 */
@Injectable()
export class TotpCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly streams: Streams,
    @Inject(TOTP_ENROLMENTS) private readonly enrolments: TotpEnrolments,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async enrol(caller: Principal): Promise<views.identity.TotpEnrolment> {
    const credential = await this.streams.load(credentialDecider, caller.tenant, 'credential', caller.userId);
    const user = await this.streams.load(userDecider, caller.tenant, 'user', caller.userId);
    if (credential.state.status !== 'enabled' || user.state.status !== 'active')
      throw new DomainError('credential-not-found');
    if (credential.state.totp !== null) throw new DomainError('totp-already-enabled');
    const secret = newTotpSecret();
    const sealed = encryptTotpSecret(this.settings.totpKey, this.owner(caller), secret);
    await this.enrolments.put(caller.tenant, caller.userId, sealed, inSeconds(this.time, ENROLMENT_SECONDS));
    return { secret, otpauthUrl: otpauthUrl(`${user.state.email} (${caller.tenant})`, secret) };
  }

  async confirm(caller: Principal, code: string): Promise<void> {
    const sealed = await this.enrolments.get(caller.tenant, caller.userId, this.time.now());
    if (!sealed) throw new DomainError('totp-enrolment-not-found');
    const secret = decryptTotpSecret(this.settings.totpKey, this.owner(caller), sealed);
    const codeVerified = secret !== null && totpStep(code, secret, epochMs(this.time)) !== null;
    const data = { secretCiphertext: sealed, codeVerified };
    await this.commands.handle(credentialDecider, {
      caller,
      aggregate: 'credential',
      id: caller.userId,
      command: { type: 'EnableTotp', data, metadata: { now: this.time.now() } },
      retries: 3,
    });
    await this.enrolments.remove(caller.tenant, caller.userId);
  }

  async disable(caller: Principal, code: string): Promise<void> {
    const credential = await this.streams.load(credentialDecider, caller.tenant, 'credential', caller.userId);
    const sealed = credential.state.status === 'none' ? null : credential.state.totp?.secretCiphertext;
    if (!sealed) throw new DomainError('totp-not-enabled');
    const secret = decryptTotpSecret(this.settings.totpKey, this.owner(caller), sealed);
    const codeVerified = secret !== null && totpStep(code, secret, epochMs(this.time)) !== null;
    await this.commands.handle(credentialDecider, {
      caller,
      aggregate: 'credential',
      id: caller.userId,
      command: { type: 'DisableTotp', data: { codeVerified }, metadata: { now: this.time.now() } },
      retries: 3,
    });
  }

  private owner(caller: Principal) {
    return { tenant: caller.tenant, userId: caller.userId };
  }
}
