import type { TenantId } from '@hexfleet/kernel';
import type { example } from '@hexfleet/schemas';
import type { PoolClient } from 'pg';
import type { ConsumedEvent, ProjectionContext } from '../src';
import { readModel } from '../src';

type AccountEvent = example.ExampleAccountV1Event;

const context: ProjectionContext = { tx: {} as PoolClient, schema: '"tenant_acme"', tenant: 'acme' as TenantId };
let version = 0;
/** As the runner hands them over: decoded, not yet narrowed to a contract. */
const consumed = (event: AccountEvent): ConsumedEvent =>
  ({
    ...event,
    eventId: `e${++version}`,
    recordName: `hexfleet.example.account.${event.type}`,
    tenant: 'acme',
    streamVersion: version,
    aggregateId: 'a1',
    streamKey: 'acme:a1',
    streamId: 'acme/account/a1',
    origin: { topic: 'example.account.v1', partition: 0, offset: String(version) },
  }) as ConsumedEvent;
const deposit = (amountMinor: number) => consumed({ type: 'Deposited', data: { amountMinor, note: '' } });
const withdrawal = (amountMinor: number) => consumed({ type: 'Withdrawn', data: { amountMinor } });

describe('readModel', () => {
  it('hands each event to the handler of its type, typed by its contract, in order', async () => {
    const seen: string[] = [];
    const model = readModel<AccountEvent>({
      name: 'ledger',
      topics: ['example.account.v1'],
      tables: [],
      migrations: [],
      on: {
        Deposited: async (event) => void seen.push(`+${event.data.amountMinor}`),
        Withdrawn: async (event) => void seen.push(`-${event.data.amountMinor}`),
      },
    });
    await model.apply([deposit(5), withdrawal(2), deposit(1)], context);
    expect(seen).toEqual(['+5', '-2', '+1']);
  });

  it('applies a run of one type with its batch handler, keeping the order across types', async () => {
    const calls: string[] = [];
    const model = readModel<AccountEvent>({
      name: 'ledger',
      topics: ['example.account.v1'],
      tables: [],
      migrations: [],
      on: {
        Deposited: async () => void calls.push('one deposit'),
        Withdrawn: async (event) => void calls.push(`withdrawal ${event.data.amountMinor}`),
      },
      batch: { Deposited: async (events) => void calls.push(`${events.length} deposits`) },
    });
    await model.apply([deposit(1), deposit(2), deposit(3), withdrawal(4), deposit(5)], context);
    expect(calls).toEqual(['3 deposits', 'withdrawal 4', '1 deposits']);
  });

  it('passes over events of its topics that it does not read', async () => {
    const seen: number[] = [];
    const model = readModel<Extract<AccountEvent, { type: 'Withdrawn' }>>({
      name: 'withdrawals',
      topics: ['example.account.v1'],
      tables: [],
      migrations: [],
      on: { Withdrawn: async (event) => void seen.push(event.data.amountMinor) },
    });
    await model.apply([deposit(1), withdrawal(2)], context);
    expect(seen).toEqual([2]);
  });

  it('is exhaustive over the events it claims: a missing handler does not compile', () => {
    const spec = {
      name: 'ledger',
      topics: ['example.account.v1'],
      tables: [],
      migrations: [],
      on: { Deposited: async () => undefined },
    };
    // @ts-expect-error Withdrawn has no handler
    expect(() => readModel<AccountEvent>(spec)).not.toThrow();
  });

  it('runs under another name with named(suffix)', () => {
    const model = readModel<AccountEvent>({
      name: 'ledger',
      topics: ['example.account.v1'],
      tables: ['ledger'],
      migrations: [],
      on: { Deposited: async () => undefined, Withdrawn: async () => undefined },
    });
    expect(model.named('-blue').name).toBe('ledger-blue');
    expect(model.named('-blue').tables).toEqual(['ledger']);
  });
});
