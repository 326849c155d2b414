import { Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '@hexfleet/eventing';
import type { TenantId } from '@hexfleet/kernel';
import { Commands, Streams, TimeAndIds } from '@hexfleet/platform';
import type { StreamTransaction } from '@hexfleet/platform';
import type { hq } from '@hexfleet/schemas';
import { loanDefaultsDecider, pushedDefaultOf, ruleMatrixDecider } from '../domain';
import type { LoanDefaultsCommand, LoanRule, LoanTerms } from '../domain';
import { effectiveLoanRules } from '../domain';

type Policy = { name: string };

/** The tenant's one stream of HQ's pushed loan defaults (loan-defaults.decider.ts). */
export const LOAN_DEFAULTS: readonly [aggregate: string, id: string] = ['loan-defaults', 'group'];

/**
 * HQ's loan-rule defaults noted for the tenant's schools (school-structure.policy.ts, ADR 0045):
 * GroupPolicyPublished's `loanRules` for every school, SchoolPolicySet's for its school (null
 * follows the group again). The school's rule matrix lies over them: what a librarian set wins.
 */
@Injectable()
export class LoanDefaultsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  groupPolicyPublished(policy: Policy, event: ConsumedEvent<hq.GroupPolicyPublished>): Promise<void> {
    const { policyVersion, loanRules } = event.data;
    return this.note(policy, event, { type: 'NoteGroupLoanDefaults', data: { policyVersion, terms: loanRules } });
  }

  schoolPolicySet(policy: Policy, event: ConsumedEvent<hq.SchoolPolicySet>): Promise<void> {
    const { schoolId, loanRules } = event.data;
    return this.note(policy, event, { type: 'NoteSchoolLoanDefaults', data: { schoolId, terms: loanRules } });
  }

  private async note(
    policy: Policy,
    event: ConsumedEvent,
    command: Omit<LoanDefaultsCommand, 'metadata'>,
  ): Promise<void> {
    const metadata = { now: this.time.now() };
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const defaults = await tx.load(loanDefaultsDecider, ...LOAN_DEFAULTS);
        const full = { ...command, metadata } as LoanDefaultsCommand;
        tx.append(defaults, loanDefaultsDecider.decide(full, defaults.state));
      },
      { retries: 5 },
    );
  }
}

/** The default HQ pushed to a school, read in a transaction (null before any). */
export async function pushedDefault(tx: StreamTransaction, schoolId: string): Promise<LoanTerms | null> {
  const defaults = await tx.load(loanDefaultsDecider, ...LOAN_DEFAULTS);
  return pushedDefaultOf(defaults.state, schoolId);
}

/** The school's matrix as checkouts and holds apply it: its own cells over HQ's pushed default. */
export async function schoolLoanRules(tx: StreamTransaction, schoolId: string): Promise<readonly LoanRule[]> {
  const matrix = await tx.load(ruleMatrixDecider, 'rules', schoolId);
  const own = matrix.state.status === 'defined' ? matrix.state.rules : [];
  return effectiveLoanRules(own, await pushedDefault(tx, schoolId));
}

/** The default HQ pushed to a school, read outside a transaction (the desk's matrix edits and reads). */
export async function pushedDefaultNow(
  streams: Streams,
  tenant: TenantId,
  schoolId: string,
): Promise<LoanTerms | null> {
  const { state } = await streams.load(loanDefaultsDecider, tenant, ...LOAN_DEFAULTS);
  return pushedDefaultOf(state, schoolId);
}
