import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConsumedEvent } from '@hexfleet/eventing';
import { DomainError, TenantId } from '@hexfleet/kernel';
import { Commands, type StreamTransaction, TimeAndIds } from '@hexfleet/platform';
import type { admin } from '@hexfleet/schemas';
import { v5 as uuidv5 } from 'uuid';
import { credentialDecider, loginIdDecider, normalizeLoginId, userDecider, type UserCommand } from '../domain';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { inSeconds } from './instants';
import { Mails } from './mails';
import { mintLinkToken } from './opaque-tokens';
import { deactivateAccount, inviteUser } from './registration';
import { decideAll, type KnownTenant, loginIdKey, tenantFacts } from './streams';

const GUARDIAN_USER = 'c4b1e2d8-3f6a-4e59-9b27-5d8a1f0c6e94';

/**
 * A guardian's new account: derived from the tenant and the email, so every enrolment naming
 * that email (two children, a replay) computes the same id, and the login-id stream lets one win.
 */
export const guardianUserId = (tenant: string, email: string) =>
  uuidv5(`${tenant}/${normalizeLoginId(email)}`, GUARDIAN_USER);

type Guardian = admin.StudentEnrolledData['guardians'][number];
type SchoolRole = { role: string; scope: { schoolId: string } };

/** A mail to send once the transaction has committed. */
interface Invitation {
  to: string;
  token: string;
  name: string;
}

/**
 * Student and guardian accounts, as Admin's events change them (admin.policy.ts, ADR 0043):
 * an enrolment invites the student (user id = student id, role `student` at the school) when
 * the student has an email of their own, and every guardian with an email (role `guardian` at
 * the school, or the role granted to the account that email already has), and records on each
 * guardian's account whose guardian it is; a withdrawal deactivates the student's account. One
 * transaction per event, its command id derived from the event: a redelivery appends and
 * mails nothing.
 */
@Injectable()
export class StudentAccountsCommandHandler {
  private readonly logger = new Logger('StudentAccounts');

  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly mails: Mails,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async enrol(policy: { name: string }, event: ConsumedEvent<admin.StudentEnrolled>): Promise<void> {
    const enrolled = event.data;
    const tenant = TenantId.parse(event.tenant);
    const now = this.time.now();
    const guardians = distinctByEmail(enrolled.guardians);
    // An address that is a guardian's too is the family's, not the student's own (ADR 0043).
    const given = enrolled.email ? normalizeLoginId(enrolled.email) : null;
    const ownEmail = given && !guardians.some((g) => g.email === given) ? given : null;
    const outcome = await this.commands.react(
      policy,
      event,
      async (tx) => {
        const facts = await tenantFacts(tx, tenant);
        if (facts.status === 'none') throw new DomainError('tenant-not-found');
        const mails: Invitation[] = [];
        const student = ownEmail ? await this.student(tx, facts, enrolled, ownEmail, now) : null;
        if (student) mails.push(student);
        for (const guardian of guardians) {
          const mail = await this.guardian(tx, facts, enrolled, guardian, now);
          if (mail) mails.push(mail);
        }
        return mails;
      },
      { retries: 3 },
    );
    if (outcome.status !== 'appended') return;
    for (const mail of outcome.result) await this.mails.send('invitation', mail.to, tenant, mail.token, mail.name);
  }

  async withdraw(policy: { name: string }, event: ConsumedEvent<admin.StudentWithdrawn>): Promise<void> {
    const { studentId, reason } = event.data;
    const now = this.time.now();
    // No account (no email of their own) or one already deactivated: nothing to end.
    const why = `withdrawn: ${reason}`.slice(0, 500);
    await this.commands.react(policy, event, (tx) => deactivateAccount(tx, studentId, why, now), { retries: 3 });
  }

  /**
   * The student's account is the student id (ADR 0043). A new email is invited; an account
   * of this student already there (a later enrolment) gets the school's role if it lacks it;
   * an email held by another account gives no account at all, never that other account the
   * student's role: its user id is not the student id.
   */
  private async student(
    tx: StreamTransaction,
    tenant: KnownTenant,
    enrolled: admin.StudentEnrolledData,
    email: string,
    now: string,
  ): Promise<Invitation | null> {
    const { studentId, schoolId } = enrolled;
    const held = await tx.load(loginIdDecider, 'login-id', loginIdKey(email));
    const role = { role: 'student', scope: { schoolId } };
    if (held.state.status === 'reserved' && held.state.userId !== studentId) {
      this.logger.warn(`student ${studentId}: their email belongs to another account; no student account (ADR 0043)`);
      return null;
    }
    if (held.state.status === 'reserved') {
      await this.grant(tx, studentId, role, now);
      return null;
    }
    if (held.state.status === 'free' && (await tx.load(userDecider, 'user', studentId)).state.status !== 'none') {
      // The student's account under an older email (Admin's record changed): it keeps its login.
      this.logger.warn(`student ${studentId}: enrolled with another email than the account's; the account's kept`);
      await this.grant(tx, studentId, role, now);
      return null;
    }
    const name = `${enrolled.firstName} ${enrolled.lastName}`.trim();
    return this.invite(tx, tenant, { userId: studentId, email, displayName: name, studentId }, role, now);
  }

  /**
   * A guardian with an email: the account that email has, else a new one (invited). Either way
   * it gets the `guardian` role at the school, and its stream records whose guardian it is.
   */
  private async guardian(
    tx: StreamTransaction,
    tenant: KnownTenant,
    enrolled: admin.StudentEnrolledData,
    guardian: Guardian & { email: string },
    now: string,
  ): Promise<Invitation | null> {
    const { studentId, schoolId } = enrolled;
    const metadata = { now };
    const role = { role: 'guardian', scope: { schoolId } };
    const held = await tx.load(loginIdDecider, 'login-id', loginIdKey(guardian.email));
    const guardianship: UserCommand = {
      type: 'RecordGuardianship',
      data: { studentId, schoolId, relationship: guardian.relationship, primary: guardian.primary },
      metadata,
    };
    if (held.state.status === 'reserved') {
      const userId = held.state.userId;
      if (userId === studentId) {
        this.logger.warn(`student ${studentId}: a guardian's email is the student's own login; not linked`);
        return null;
      }
      const user = await tx.load(userDecider, 'user', userId);
      if (user.state.status === 'none') return null; // unreachable: a login id always has its user
      // A deactivated account keeps the guardianship (a fact) but gets no role (a right).
      const grant = user.state.status === 'active' && !hasGrant(user.state.grants, 'guardian', schoolId);
      const commands: UserCommand[] = grant
        ? [{ type: 'GrantRole', data: { ...role, grantedBy: null }, metadata }, guardianship]
        : [guardianship];
      tx.append(user, decideAll(userDecider, user.state, commands));
      return null;
    }
    const userId = guardianUserId(tenant.slug, guardian.email);
    const person = { userId, email: guardian.email, displayName: guardian.name };
    return this.invite(tx, tenant, person, role, now, [guardianship]);
  }

  /** A new account invited by the policy with one role; the mail goes out after the commit. */
  private async invite(
    tx: StreamTransaction,
    tenant: KnownTenant,
    person: { userId: string; email: string; displayName: string; studentId?: string },
    role: SchoolRole,
    now: string,
    more: UserCommand[] = [],
  ): Promise<Invitation> {
    const link = mintLinkToken(person.userId);
    const expiresAt = inSeconds(this.time, this.settings.ttl.invitation);
    const invitation = { ...person, invitedBy: null, grants: [role], tokenHash: link.hash, expiresAt };
    await inviteUser(tx, tenant, invitation, now, more);
    return { to: person.email, token: link.token, name: person.displayName };
  }

  /**
   * The student's own account on a later enrolment: the school's role if it lacks it, and,
   * when a withdrawal had deactivated it, reactivated (the same person is back, ADR 0043).
   */
  private async grant(tx: StreamTransaction, userId: string, role: SchoolRole, now: string) {
    const metadata = { now };
    const user = await tx.load(userDecider, 'user', userId);
    if (user.state.status === 'none') return;
    const commands: UserCommand[] = [];
    if (user.state.status === 'deactivated') {
      const credential = await tx.load(credentialDecider, 'credential', userId);
      tx.append(
        credential,
        credentialDecider.decide({ type: 'EnableCredential', data: {}, metadata }, credential.state),
      );
      commands.push({ type: 'ReactivateUser', data: { reactivatedBy: null }, metadata });
    }
    if (!hasGrant(user.state.grants, role.role, role.scope.schoolId))
      commands.push({ type: 'GrantRole', data: { ...role, grantedBy: null }, metadata });
    tx.append(user, decideAll(userDecider, user.state, commands));
  }
}

const hasGrant = (
  grants: ReadonlyArray<{ role: string; scopeType: string; scopeId: string | null }>,
  role: string,
  schoolId: string,
) => grants.some((g) => g.role === role && g.scopeType === 'school' && g.scopeId === schoolId);

/** Guardians with an email, each address once (the first entry wins: Admin lists the primary first). */
function distinctByEmail(guardians: readonly Guardian[]): Array<Guardian & { email: string }> {
  const seen = new Set<string>();
  const out: Array<Guardian & { email: string }> = [];
  for (const guardian of guardians) {
    if (!guardian.email) continue;
    const email = normalizeLoginId(guardian.email);
    if (seen.has(email)) continue;
    seen.add(email);
    out.push({ ...guardian, email });
  }
  return out;
}
