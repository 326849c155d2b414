import { Injectable, NotFoundException } from '@nestjs/common';
import { Consistency, type Principal, ServiceRuntime } from '@hexfleet/platform';
import type { ProfileData, ProfileState } from '../domain';
import { visibility } from './profile-access';
import { ProfileContext } from './profile-context';

type Stored = ProfileData & { status: Exclude<ProfileState['status'], 'none'> };

interface Row {
  doc: Stored;
  employeeId: string | null;
  createdAt: string;
}

/** What staff see of anyone in the tenant: the directory card. */
export interface ProfileCard {
  userId: string;
  product: string;
  status: string;
  fullName: string;
  preferredName: string | null;
  avatarUrl: string | null;
  department: string | null;
  designation: string | null;
  className: string | null;
}

const COLUMNS = `doc, employee_id as "employeeId", created_at as "createdAt"`;

const card = ({ doc }: Row): ProfileCard => {
  const { userId, product, status, fields } = doc;
  const { fullName, preferredName, avatarUrl, department, designation, className } = fields;
  return { userId, product, status, fullName, preferredName, avatarUrl, department, designation, className };
};

/** Reads of the profiles read model, in the caller's tenant only; each waits for a consistency token first. */
@Injectable()
export class ProfileQueries {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
    private readonly context: ProfileContext,
  ) {}

  async me(caller: Principal) {
    await this.fresh(caller);
    const row = await this.row(caller, caller.userId);
    if (!row) throw new NotFoundException('no profile yet: it is created when the account is registered');
    return this.full(caller, row);
  }

  /** The whole profile, the card, or 404: another tenant's user, like a made-up id, is not found. */
  async get(caller: Principal, userId: string) {
    await this.fresh(caller);
    const row = await this.row(caller, userId);
    const seen = row ? visibility(caller, row.doc) : 'none';
    if (!row || seen === 'none') throw new NotFoundException(`no profile ${userId}`);
    return seen === 'full' ? this.full(caller, row) : card(row);
  }

  /** Active profiles whose name or email contains `query`, by name, a page at a time. */
  async directory(caller: Principal, { query, page, pageSize }: { query?: string; page: number; pageSize: number }) {
    await this.fresh(caller);
    const search = query ? `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const where = `status = 'active' and ($1::text is null or search like $1)`;
    const rows = await this.runtime.queryTenant<Row & { total: string }>(
      caller.tenant,
      (s) => `select ${COLUMNS}, count(*) over () as total from ${s}.profiles where ${where}
              order by full_name, user_id limit $2 offset $3`,
      [search, pageSize, (page - 1) * pageSize],
    );
    // A page past the end has no row to carry the total.
    const [counted] = rows.length
      ? rows
      : await this.runtime.queryTenant<{ total: string }>(
          caller.tenant,
          (s) => `select count(*) as total from ${s}.profiles where ${where}`,
          [search],
        );
    return { items: rows.map(card), page, pageSize, total: Number(counted?.total ?? 0) };
  }

  private async full(caller: Principal, { doc, employeeId, createdAt }: Row) {
    const guardianOf = await this.runtime.queryTenant(
      caller.tenant,
      (s) => `select student_user_id as "studentUserId", relationship, is_primary as "primary"
              from ${s}.guardian_links where guardian_user_id = $1 order by linked_at, student_user_id`,
      [doc.userId],
    );
    const { userId, product, status, studentId, fields, preferences, guardians } = doc;
    return { userId, product, status, employeeId, studentId, ...fields, preferences, guardians, guardianOf, createdAt };
  }

  private async row(caller: Principal, userId: string): Promise<Row | undefined> {
    const [row] = await this.runtime.queryTenant<Row>(
      caller.tenant,
      (s) => `select ${COLUMNS} from ${s}.profiles where user_id = $1`,
      [userId],
    );
    return row;
  }

  private fresh(caller: Principal) {
    return this.consistency.await(this.context.settings.readModel, caller);
  }
}
