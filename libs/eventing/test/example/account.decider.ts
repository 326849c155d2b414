import { assertNever, Decider, DomainError } from '@hexfleet/kernel';

export type AccountCommand = { type: 'Deposit'; amountMinor: number } | { type: 'Withdraw'; amountMinor: number };
export type AccountEvent =
  | { type: 'Deposited'; data: { amountMinor: number; note: string } }
  | { type: 'Withdrawn'; data: { amountMinor: number } };
export type AccountState = { balance: number };

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState: { balance: 0 },
  decide(command, state) {
    switch (command.type) {
      case 'Deposit':
        return [{ type: 'Deposited', data: { amountMinor: command.amountMinor, note: '' } }];
      case 'Withdraw':
        if (command.amountMinor > state.balance)
          throw new DomainError('insufficient-funds', { balance: state.balance });
        return [{ type: 'Withdrawn', data: { amountMinor: command.amountMinor } }];
      default:
        return assertNever(command);
    }
  },
  evolve: (state, event) => ({
    balance: state.balance + (event.type === 'Deposited' ? 1 : -1) * event.data.amountMinor,
  }),
};
