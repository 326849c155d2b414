import { randomUUID } from 'node:crypto';
import { sleep } from './clock';

/** One command the load sent, and how it ended after its retries. */
export interface CommandRecord {
  /** Its `Idempotency-Key`, the same on every retry. */
  key: string;
  kind: 'borrow' | 'return';
  copyId: string;
  loanId?: string;
  /** accepted: a 2xx; refused: a 4xx; unresolved: no answer before the give-up time. */
  outcome: 'accepted' | 'refused' | 'unresolved';
  status?: number;
  code?: string;
  attempts: number;
}

export interface LibrarySize {
  titles: number;
  copiesPerTitle: number;
  patrons: number;
}

const RULE = {
  patronCategory: null,
  itemType: null,
  loanPeriodDays: 14,
  maxLoans: 50,
  maxRenewals: 2,
  maxHolds: 3,
  fineRatePerDayMinor: 100,
  currency: 'INR',
  graceDays: 2,
  fineCapMinor: 5000,
  hardDueDate: null,
};

/** How long one command keeps retrying (a fault lasts seconds; recovery may take a session timeout). */
const GIVE_UP_MS = 120_000;

/**
 * A school library's desk under load: clients borrow random copies for random
 * patrons and return some of what they lent, each command with an Idempotency-Key
 * and retried, like a careful client, through faults until it gets an answer. Every
 * command is recorded, so the checks afterwards know what was promised.
 */
export class LibraryLoad {
  readonly commands: CommandRecord[] = [];
  readonly schoolId = randomUUID();
  copies: Array<{ copyId: string; titleId: string }> = [];
  patrons: string[] = [];
  private readonly lent: string[] = [];

  /** `replicas` says where to send: a client moves to the next replica when one does not answer. */
  constructor(
    private readonly replicas: () => string[],
    readonly token: string,
  ) {}

  async setUp(size: LibrarySize): Promise<void> {
    await this.expect('PUT', `/schools/${this.schoolId}/loan-rules`, RULE, 204);
    for (let t = 0; t < size.titles; t++) {
      const title = await this.expect(
        'POST',
        '/titles',
        { schoolId: this.schoolId, title: `Chaos Title ${t}`, authors: ['A. Writer'], isbn: null, itemType: 'book' },
        201,
      );
      const titleId = String(title.titleId);
      for (let c = 0; c < size.copiesPerTitle; c++) {
        const copy = await this.expect(
          'POST',
          `/titles/${titleId}/copies`,
          { barcode: `C-${t}-${c}`, shelf: 'X' },
          201,
        );
        this.copies.push({ copyId: String(copy.copyId), titleId });
      }
    }
    for (let p = 0; p < size.patrons; p++) {
      const patron = await this.expect(
        'POST',
        '/patrons',
        { schoolId: this.schoolId, name: `Patron ${p}`, category: 'student', userId: null },
        201,
      );
      this.patrons.push(String(patron.patronId));
    }
  }

  /** Runs `clients` clients until `running()` turns false; each finishes its command in flight. */
  async run(clients: number, running: () => boolean): Promise<void> {
    await Promise.all(Array.from({ length: clients }, () => this.client(running)));
  }

  private async client(running: () => boolean) {
    while (running()) {
      if (this.lent.length > 0 && Math.random() < 0.4) {
        const loanId = this.lent.splice(Math.floor(Math.random() * this.lent.length), 1)[0];
        const copyId = this.commands.find((c) => c.loanId === loanId)?.copyId ?? '';
        await this.send({ kind: 'return', copyId, loanId }, `/loans/${loanId}/return`, {});
      } else {
        const { copyId } = this.copies[Math.floor(Math.random() * this.copies.length)];
        const patronId = this.patrons[Math.floor(Math.random() * this.patrons.length)];
        const record = await this.send({ kind: 'borrow', copyId }, '/loans', { copyId, patronId });
        if (record.outcome === 'accepted' && record.loanId) this.lent.push(record.loanId);
      }
    }
  }

  private async send(
    command: Pick<CommandRecord, 'kind' | 'copyId' | 'loanId'>,
    path: string,
    body: unknown,
  ): Promise<CommandRecord> {
    const record: CommandRecord = { ...command, key: randomUUID(), outcome: 'unresolved', attempts: 0 };
    this.commands.push(record);
    const giveUpAt = performance.now() + GIVE_UP_MS;
    while (performance.now() < giveUpAt) {
      const replicas = this.replicas();
      const url = replicas[record.attempts % replicas.length];
      record.attempts++;
      try {
        const response = await fetch(`${url}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${this.token}`,
            'idempotency-key': record.key,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
        record.status = response.status;
        if (response.ok) {
          record.outcome = 'accepted';
          if (command.kind === 'borrow') record.loanId = String(answer.loanId);
          return record;
        }
        // A refusal is final; an outage (5xx, 503 not ready, 429) is worth another try.
        if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          record.outcome = 'refused';
          record.code = String(answer.code);
          return record;
        }
      } catch {
        // no answer (connection refused or cut, timeout): the command may or may not have happened
      }
      await sleep(250);
    }
    return record;
  }

  /** Setting up, before any fault: one try, on the first replica. */
  private async expect(method: string, path: string, body: unknown, status: number) {
    const response = await fetch(`${this.replicas()[0]}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status === status) return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    throw new Error(`${method} ${path}: expected ${status}, got ${response.status} ${text}`);
  }
}
