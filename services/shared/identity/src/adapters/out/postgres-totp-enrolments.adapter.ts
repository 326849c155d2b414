import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { TotpEnrolments } from '../../application/totp-enrolments.port';

@Injectable()
export class PostgresTotpEnrolments implements TotpEnrolments {
  constructor(private readonly runtime: ServiceRuntime) {}

  async put(tenant: TenantId, userId: string, secretCiphertext: string, expiresAt: string): Promise<void> {
    await this.runtime.pool.query(
      `insert into identity_private.totp_enrolments (tenant, user_id, secret_ciphertext, expires_at) values ($1, $2, $3, $4)
       on conflict (tenant, user_id) do update set secret_ciphertext = excluded.secret_ciphertext, expires_at = excluded.expires_at`,
      [tenant, userId, secretCiphertext, expiresAt],
    );
  }

  async get(tenant: TenantId, userId: string, now: string): Promise<string | null> {
    const { rows } = await this.runtime.pool.query<{ secret: string }>(
      `select secret_ciphertext as secret from identity_private.totp_enrolments
       where tenant = $1 and user_id = $2 and expires_at > $3`,
      [tenant, userId, now],
    );
    return rows[0]?.secret ?? null;
  }

  async remove(tenant: TenantId, userId: string): Promise<void> {
    await this.runtime.pool.query(`delete from identity_private.totp_enrolments where tenant = $1 and user_id = $2`, [
      tenant,
      userId,
    ]);
  }
}
