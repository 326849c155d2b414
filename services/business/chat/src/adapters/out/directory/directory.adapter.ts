import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { Directory } from '../../../application/directory.port';
import type { MentionCandidate } from '../../../domain/channel.types';

/** The read model `chat-directory` (see directory.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresDirectory implements Directory {
  constructor(private readonly runtime: ServiceRuntime) {}

  async resolve(tenant: TenantId, handles: readonly string[]): Promise<MentionCandidate[]> {
    if (!handles.length) return [];
    return this.runtime.queryTenant<MentionCandidate>(
      tenant,
      (schema) => `select handle, user_id as "userId" from ${schema}.users where handle = any($1::text[]) and active`,
      [handles],
    );
  }

  async isActive(tenant: TenantId, userId: string): Promise<boolean> {
    const [row] = await this.runtime.queryTenant<{ active: boolean }>(
      tenant,
      (schema) => `select active from ${schema}.users where user_id = $1`,
      [userId],
    );
    return row?.active ?? false;
  }
}
