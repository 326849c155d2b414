import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { tenantSchema } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { idempotentCommandId } from '@hexfleet/platform';
import type { CommandRecord } from './library-load';

/** What the checks after a scenario found. Every count but `republished` must be zero. */
export interface Verdict {
  sent: number;
  accepted: number;
  refused: number;
  unresolved: number;
  /** Accepted commands whose events are missing from the store, Kafka or a read model. */
  lost: number;
  /** Effects applied more than once: a counter past the store's count, a command's events twice. */
  duplicated: number;
  /** Refused commands that left events behind. */
  leftovers: number;
  /** Records of a stream on Kafka out of stream order (duplicates aside). */
  outOfOrder: number;
  /** Business rules broken: a copy lent twice at once, in the store or the read model. */
  violations: number;
  /** Events the relay published more than once (allowed: at least once; consumers deduplicate). */
  republished: number;
  /** Why each non-zero count is non-zero, a line per finding (the first few). */
  findings: string[];
}

interface StoredEvent {
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  command_id: string | null;
}

export interface CheckInput {
  databaseUrl: string;
  brokers: string;
  tenant: string;
  userId: string;
  commands: readonly CommandRecord[];
}

const LIBRARY_TOPICS = { loan: 'libraries.loan.v1', copy: 'libraries.copy.v1' } as const;

/** Reads the store, the topics and the read models, and checks every promise the service made. */
/** The load's tally, before any check has found anything. */
export function tally(commands: ReadonlyArray<Pick<CommandRecord, 'outcome'>>): Verdict {
  return {
    sent: commands.length,
    accepted: commands.filter((c) => c.outcome === 'accepted').length,
    refused: commands.filter((c) => c.outcome === 'refused').length,
    unresolved: commands.filter((c) => c.outcome === 'unresolved').length,
    lost: 0,
    duplicated: 0,
    leftovers: 0,
    outOfOrder: 0,
    violations: 0,
    republished: 0,
    findings: [],
  };
}

export async function checkInvariants(input: CheckInput): Promise<Verdict> {
  const verdict = tally(input.commands);
  const find = (count: keyof Verdict, line: string) => {
    (verdict[count] as number)++;
    if (verdict.findings.length < 20) verdict.findings.push(`${count}: ${line}`);
  };

  const db = new Client({ connectionString: input.databaseUrl });
  await db.connect();
  try {
    const { rows: events } = await db.query<StoredEvent>(
      `select stream_id, stream_version, event_id::text, event_type, payload, metadata->>'commandId' as command_id
         from eventstore.events where tenant = $1 order by stream_id, stream_version`,
      [input.tenant],
    );
    checkStore(input, events, find);
    await checkKafka(input, events, find, (n) => (verdict.republished += n));
    await checkReadModels(db, input, events, find);
  } finally {
    await db.end();
  }
  return verdict;
}

type Find = (count: keyof Verdict, line: string) => void;

function checkStore(input: CheckInput, events: StoredEvent[], find: Find) {
  const byCommand = new Map<string, StoredEvent[]>();
  for (const event of events) {
    if (event.command_id) byCommand.set(event.command_id, [...(byCommand.get(event.command_id) ?? []), event]);
  }
  for (const command of input.commands) {
    const produced = byCommand.get(idempotentCommandId(input.tenant, input.userId, command.key)) ?? [];
    if (command.outcome === 'refused' && produced.length > 0) {
      find('leftovers', `${command.kind} refused with ${command.code} left ${produced.length} events`);
    }
    if (command.outcome !== 'accepted') continue;
    const expected = command.kind === 'borrow' ? 'BookBorrowed' : 'BookReturned';
    const mine = produced.filter((e) => e.event_type === expected);
    if (mine.length === 0) find('lost', `accepted ${command.kind} of loan ${command.loanId}: no ${expected} stored`);
    if (mine.length > 1) find('duplicated', `accepted ${command.kind} stored ${expected} ${mine.length} times`);
  }
  // A copy is lent to one patron at a time: between two CopyLent of a copy, a CopyCheckedIn.
  const lentNow = new Map<string, boolean>();
  for (const event of events) {
    if (event.event_type === 'CopyLent') {
      if (lentNow.get(event.stream_id)) find('violations', `${event.stream_id} lent while lent (store)`);
      lentNow.set(event.stream_id, true);
    } else if (event.event_type === 'CopyCheckedIn') lentNow.set(event.stream_id, false);
  }
}

/** Every stored event of the loan and copy streams is on its topic, in stream order. */
async function checkKafka(input: CheckInput, events: StoredEvent[], find: Find, republished: (n: number) => void) {
  const kafka = new Kafka({ clientId: 'chaos-check', brokers: [input.brokers], logLevel: logLevel.NOTHING });
  const seen = new Map<string, number>();
  const lastVersion = new Map<string, number>();
  await readTopics(kafka, Object.values(LIBRARY_TOPICS), (headers) => {
    if (headers.tenant !== input.tenant) return;
    seen.set(headers.ce_id, (seen.get(headers.ce_id) ?? 0) + 1);
    if ((seen.get(headers.ce_id) ?? 0) > 1) return; // a republished record: consumers skip it by version
    const version = Number(headers.stream_version);
    const last = lastVersion.get(headers.stream_id) ?? 0;
    if (version <= last) find('outOfOrder', `${headers.stream_id} v${version} after v${last}`);
    lastVersion.set(headers.stream_id, Math.max(last, version));
  });
  const onTopics = events.filter((e) => /\/(loan|copy)\//.test(e.stream_id));
  for (const event of onTopics) {
    if (!seen.has(event.event_id))
      find('lost', `${event.event_type} ${event.stream_id} v${event.stream_version}: not on Kafka`);
  }
  republished([...seen.values()].reduce((n, count) => n + count - 1, 0));
}

/** Reads topics from the beginning to their current ends, passing each record's headers. */
async function readTopics(kafka: Kafka, topics: string[], onRecord: (headers: Record<string, string>) => void) {
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > 0n) remaining.set(`${topic}/${partition}`, BigInt(high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  if (remaining.size === 0) return;
  const consumer = kafka.consumer({ groupId: `chaos-check-${Date.now()}-${Math.random()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ topic, partition, message }) => {
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? '']),
          );
          onRecord(headers);
          const key = `${topic}/${partition}`;
          if (BigInt(message.offset) + 1n >= (remaining.get(key) ?? 0n)) remaining.delete(key);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
}

/** Each accepted loan is in the circulation read model as the store says; counters match the store. */
async function checkReadModels(db: Client, input: CheckInput, events: StoredEvent[], find: Find) {
  const schema = tenantSchema(TenantId.parse(input.tenant));
  const { rows: loans } = await db.query<{ loan_id: string; copy_id: string; status: string }>(
    `select loan_id, copy_id, status from ${schema}.loans`,
  );
  const loanRows = new Map(loans.map((l) => [l.loan_id, l]));
  const returned = new Set(
    events.filter((e) => e.event_type === 'BookReturned').map((e) => e.stream_id.split('/').pop()),
  );
  for (const event of events.filter((e) => e.event_type === 'BookBorrowed')) {
    const loanId = event.stream_id.split('/').pop() as string;
    const row = loanRows.get(loanId);
    const status = returned.has(loanId) ? 'returned' : 'active';
    if (!row) find('lost', `loan ${loanId}: not in the circulation read model`);
    else if (row.status !== status) find('lost', `loan ${loanId}: read model says ${row.status}, store ${status}`);
  }
  const activePerCopy = new Map<string, number>();
  for (const loan of loans.filter((l) => l.status === 'active')) {
    activePerCopy.set(loan.copy_id, (activePerCopy.get(loan.copy_id) ?? 0) + 1);
  }
  for (const [copy, count] of activePerCopy) {
    if (count > 1) find('violations', `copy ${copy}: ${count} active loans in the read model`);
  }
  // Times borrowed is a plain counter: an event applied twice shows up here.
  const borrowedPerTitle = new Map<string, number>();
  for (const event of events.filter((e) => e.event_type === 'BookBorrowed')) {
    const title = String(event.payload.titleId);
    borrowedPerTitle.set(title, (borrowedPerTitle.get(title) ?? 0) + 1);
  }
  const { rows: titles } = await db.query<{ title_id: string; times_borrowed: number }>(
    `select title_id, times_borrowed from ${schema}.title_borrowings`,
  );
  for (const title of titles) {
    const expected = borrowedPerTitle.get(title.title_id) ?? 0;
    if (title.times_borrowed > expected)
      find('duplicated', `title ${title.title_id}: borrowed ${title.times_borrowed} times, store says ${expected}`);
    if (title.times_borrowed < expected)
      find('lost', `title ${title.title_id}: borrowed ${title.times_borrowed} times, store says ${expected}`);
  }
}

/** A checksum of each read-model table of a tenant: equal sums mean equal contents. */
export async function readModelChecksums(databaseUrl: string, tenant: string, tables: readonly string[]) {
  const schema = tenantSchema(TenantId.parse(tenant));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const sums: Record<string, string> = {};
    for (const table of tables) {
      const { rows } = await db.query<{ sum: string | null; n: number }>(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum, count(*)::int as n
           from ${schema}.${table} t`,
      );
      sums[table] = `${rows[0].n} rows, ${rows[0].sum}`;
    }
    return sums;
  } finally {
    await db.end();
  }
}
