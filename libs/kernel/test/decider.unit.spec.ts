import { assertNever, Decider, DomainError, fold } from '../src';

type Command = { type: 'Open' } | { type: 'Close'; reason: string };
type Event = { type: 'Opened' } | { type: 'Closed'; reason: string };
type State = { status: 'none' } | { status: 'open' } | { status: 'closed' };

const door: Decider<Command, Event, State> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'Open':
        if (state.status === 'open') throw new DomainError('already-open');
        return [{ type: 'Opened' }];
      case 'Close':
        if (state.status !== 'open') throw new DomainError('not-open');
        return [{ type: 'Closed', reason: command.reason }];
      default:
        return assertNever(command);
    }
  },
  evolve: (_state, event) => (event.type === 'Opened' ? { status: 'open' } : { status: 'closed' }),
};

describe('deciders', () => {
  it('fold replays events from the initial state', () => {
    expect(fold(door, [])).toEqual({ status: 'none' });
    expect(fold(door, [{ type: 'Opened' }, { type: 'Closed', reason: 'night' }])).toEqual({ status: 'closed' });
  });

  it('a broken rule is a typed DomainError with a stable code', () => {
    expect(() => door.decide({ type: 'Close', reason: 'x' }, { status: 'none' })).toThrow(
      expect.objectContaining({ name: 'DomainError', code: 'not-open' }),
    );
  });

  it('codes are kebab-case', () => {
    expect(() => new DomainError('Not Open')).toThrow('kebab-case');
  });
});
