import { Decider, DomainError, fold } from '@hexfleet/kernel';

/**
 * Given/when/then for deciders, so a rule's test reads as its specification:
 *
 *   const given = deciderSpec(loanDecider);
 *   given([bookBorrowed({ renewals: 2 })]).when(renewLoan({ maxRenewals: 2 })).thenThrows('no-renewals-left');
 */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>) {
  return (history: readonly E[]) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, fold(decider, history));
      return {
        then(expected: readonly E[]) {
          expect(run()).toEqual(expected);
        },
        thenThrows(code: string, details?: Record<string, unknown>) {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect((thrown as DomainError).code).toBe(code);
          if (details) expect((thrown as DomainError).details).toMatchObject(details);
        },
      };
    },
  });
}
