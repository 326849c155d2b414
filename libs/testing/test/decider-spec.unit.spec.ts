import { Decider, DomainError } from '@hexfleet/kernel';
import { deciderSpec } from '../src';

type Counter = { count: number };
const counter: Decider<{ type: 'Add'; by: number }, { type: 'Added'; by: number }, Counter> = {
  initialState: { count: 0 },
  decide: (command, state) => {
    if (state.count + command.by > 3) throw new DomainError('over-limit', { limit: 3 });
    return [{ type: 'Added', by: command.by }];
  },
  evolve: (state, event) => ({ count: state.count + event.by }),
};
const given = deciderSpec(counter);

describe('deciderSpec', () => {
  it('checks the events a command produces after a history', () => {
    given([{ type: 'Added', by: 1 }])
      .when({ type: 'Add', by: 2 })
      .then([{ type: 'Added', by: 2 }]);
  });

  it('checks the code (and details) of a broken rule', () => {
    given([{ type: 'Added', by: 2 }])
      .when({ type: 'Add', by: 2 })
      .thenThrows('over-limit', { limit: 3 });
  });

  it('fails when the rule is not enforced', () => {
    expect(() => given([]).when({ type: 'Add', by: 1 }).thenThrows('over-limit')).toThrow();
  });
});
