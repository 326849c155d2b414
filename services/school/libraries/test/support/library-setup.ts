import { randomUUID } from 'node:crypto';
import type { LibrariesHarness, Reply } from './libraries-harness';

/** Fails with the problem's body, which says why, instead of a bare status mismatch. */
export function expectStatus(reply: Reply, status: number): Reply {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

export const RULE: {
  patronCategory: string | null;
  itemType: string | null;
  loanPeriodDays: number;
  maxLoans: number;
  maxRenewals: number;
  maxHolds: number;
  fineRatePerDayMinor: number;
  currency: string;
  graceDays: number;
  fineCapMinor: number | null;
  hardDueDate: string | null;
} = {
  patronCategory: null,
  itemType: null,
  loanPeriodDays: 14,
  maxLoans: 5,
  maxRenewals: 2,
  maxHolds: 3,
  fineRatePerDayMinor: 300,
  currency: 'INR',
  graceDays: 2,
  fineCapMinor: 5000,
  hardDueDate: null,
};

/** A school's library as the desk sets it up: the default loan rule, then titles, copies, patrons. */
export class LibrarySetup {
  readonly schoolId = randomUUID();

  constructor(
    private readonly service: LibrariesHarness,
    readonly token: string,
  ) {}

  async rule(rule: Partial<typeof RULE> = {}) {
    const path = `/schools/${this.schoolId}/loan-rules`;
    expectStatus(await this.service.call('PUT', path, { token: this.token, body: { ...RULE, ...rule } }), 204);
  }

  async title(title: string, copies: number): Promise<{ titleId: string; copyIds: string[] }> {
    const body = { schoolId: this.schoolId, title, authors: ['A. Writer'], isbn: null, itemType: 'book' };
    const created = expectStatus(await this.service.call('POST', '/titles', { token: this.token, body }), 201);
    const titleId = String(created.body.titleId);
    const copyIds: string[] = [];
    for (let i = 0; i < copies; i++) {
      const copy = await this.service.call('POST', `/titles/${titleId}/copies`, {
        token: this.token,
        body: { barcode: `${title.slice(0, 3).toUpperCase()}-${i + 1}`, shelf: 'FIC' },
      });
      copyIds.push(String(expectStatus(copy, 201).body.copyId));
    }
    return { titleId, copyIds };
  }

  async patron(name: string, userId: string | null = null): Promise<string> {
    const body = { schoolId: this.schoolId, name, category: 'student', userId };
    return String(
      expectStatus(await this.service.call('POST', '/patrons', { token: this.token, body }), 201).body.patronId,
    );
  }

  borrow(copyId: string, patronId: string): Promise<Reply> {
    return this.service.call('POST', '/loans', { token: this.token, body: { copyId, patronId } });
  }
}
