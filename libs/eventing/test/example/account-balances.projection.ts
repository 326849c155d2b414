import type { Pool } from 'pg';
import type { example } from '@hexfleet/schemas';
import type { ConsumedEvent, ProjectionContext, ReadModel } from '../../src';
import { readModel, tenantSchema } from '../../src';
import type { TenantId } from '@hexfleet/kernel';

/**
 * Balances per account: the example read model. Each test gets its own name (so
 * its own consumer group); `broken` lets a test make the handler fail for some accounts.
 */
export function accountBalances(
  topic: string,
  broken: Set<string> = new Set(),
  name = `balances-${topic}`,
): ReadModel<example.ExampleAccountV1Event> {
  const add = async (event: ConsumedEvent<example.ExampleAccountV1Event>, { tx, schema }: ProjectionContext) => {
    if (broken.has(event.aggregateId)) throw new Error(`handler bug for ${event.aggregateId}`);
    const deposit = event.type === 'Deposited';
    const amount = event.data.amountMinor;
    await tx.query(
      `insert into ${schema}.account_balances as b (account_id, balance, deposits, withdrawals) values ($1, $2, $3, $4)
       on conflict (account_id) do update set balance = b.balance + excluded.balance,
         deposits = b.deposits + excluded.deposits, withdrawals = b.withdrawals + excluded.withdrawals`,
      [event.aggregateId, deposit ? amount : -amount, deposit ? 1 : 0, deposit ? 0 : 1],
    );
  };
  return readModel<example.ExampleAccountV1Event>({
    name,
    topics: [topic],
    tables: ['account_balances'],
    migrations: [
      (schema) => `create table ${schema}.account_balances (
        account_id text primary key, balance bigint not null, deposits int not null, withdrawals int not null)`,
    ],
    on: { Deposited: add, Withdrawn: add },
  });
}

/** A checksum of one tenant's read model: equal checksums, equal tables. */
export async function balancesChecksum(pool: Pool, tenant: TenantId): Promise<string> {
  const { rows } = await pool.query<{ sum: string }>(
    `select md5(coalesce(string_agg(format('%s|%s|%s|%s', account_id, balance, deposits, withdrawals), ',' order by account_id), ''))
       as sum from ${tenantSchema(tenant)}.account_balances`,
  );
  return rows[0].sum;
}

export async function balances(pool: Pool, tenant: TenantId): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ account_id: string; balance: string }>(
    `select account_id, balance from ${tenantSchema(tenant)}.account_balances order by account_id`,
  );
  return Object.fromEntries(rows.map((r) => [r.account_id, Number(r.balance)]));
}
