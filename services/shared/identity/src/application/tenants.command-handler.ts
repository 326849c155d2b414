import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { DomainError, TenantId } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Role } from '@hexfleet/schemas';
import { createHash, timingSafeEqual } from 'node:crypto';
import { normalizeLoginId, tenantDecider } from '../domain';
import { IDENTITY_SETTINGS, type IdentitySettings, type Product } from './identity-settings';
import { inSeconds } from './instants';
import { Mails } from './mails';
import { mintLinkToken } from './opaque-tokens';
import { inviteUser } from './registration';
import { actingAs } from './streams';

export interface NewTenant {
  slug: string;
  name: string;
  product: Product;
  admin: { email: string; displayName: string };
}

/** The first admin of each product: the role that administers the whole tenant. */
const ADMIN_ROLE: Record<Product, Role> = { business: 'tenant-admin', school: 'hq-admin' };

/**
 * Provisioning: TenantProvisioned (which makes every service create its tenant
 * schema) and the invitation of the tenant's first admin, in one transaction,
 * so a tenant never exists without someone who can sign in to it.
 */
@Injectable()
export class TenantsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly mails: Mails,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /** Compares digests, so neither the key's length nor its first wrong byte shows in the timing. */
  assertOperator(presented: string | undefined): void {
    const expected = this.settings.operatorKey;
    const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
    if (!expected || !presented || !timingSafeEqual(digest(presented), digest(expected)))
      throw new UnauthorizedException('X-Operator-Key is missing or wrong');
  }

  async provision(input: NewTenant) {
    const tenant = TenantId.parse(input.slug);
    const caller = actingAs(tenant, 'operator');
    const adminUserId = this.time.newId(caller, 'user');
    const link = mintLinkToken(adminUserId);
    const now = this.time.now();
    const expiresAt = inSeconds(this.time, this.settings.ttl.invitation);
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const stream = await tx.load(tenantDecider, 'tenant', tenant);
        if (stream.state.status !== 'none') throw new DomainError('tenant-exists', { slug: tenant });
        const data = { slug: tenant, product: input.product, displayName: input.name };
        const provisioned = tenantDecider.decide({ type: 'ProvisionTenant', data, metadata: { now } }, stream.state);
        tx.append(stream, provisioned);
        const facts = provisioned.reduce(tenantDecider.evolve, stream.state);
        if (facts.status === 'none') throw new Error('a provisioned tenant has a state');
        const grants = [{ role: ADMIN_ROLE[input.product], scope: { tenant: true } }];
        const invitation = { ...input.admin, userId: adminUserId, grants, invitedBy: null };
        await inviteUser(tx, facts, { ...invitation, tokenHash: link.hash, expiresAt }, now);
      },
      // Two operators racing for one slug: the loser re-reads and gets tenant-exists.
      { retries: 1 },
    );
    if (outcome.status === 'appended') {
      await this.mails.send(
        'invitation',
        normalizeLoginId(input.admin.email),
        tenant,
        link.token,
        input.admin.displayName,
      );
    }
    return { tenant, name: input.name, product: input.product, adminUserId };
  }
}
