import { example } from '@hexfleet/schemas';
import { assertNever, Decider, DomainError } from '@hexfleet/kernel';

// The example service's domain: a bank account. Not a product module; it exists
// so the platform's tests run a real service end to end.

export type AccountCommand =
  | { type: 'Deposit'; data: { amountMinor: number; note?: string } }
  | { type: 'Withdraw'; data: { amountMinor: number } };

export type AccountState = { balance: number };

const positive = (amountMinor: number) => {
  if (amountMinor <= 0) throw new DomainError('amount-not-positive', { amountMinor });
};

export const accountDecider: Decider<AccountCommand, example.ExampleAccountV1Event, AccountState> = {
  initialState: { balance: 0 },
  decide(command, state) {
    switch (command.type) {
      case 'Deposit':
        positive(command.data.amountMinor);
        return [example.deposited(command.data)];
      case 'Withdraw':
        positive(command.data.amountMinor);
        if (command.data.amountMinor > state.balance)
          throw new DomainError('insufficient-funds', { balance: state.balance });
        return [example.withdrawn(command.data)];
      default:
        return assertNever(command);
    }
  },
  evolve: (state, event) => ({
    balance: state.balance + (event.type === 'Deposited' ? 1 : -1) * event.data.amountMinor,
  }),
};
