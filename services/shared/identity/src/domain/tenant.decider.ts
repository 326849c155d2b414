import { assertNever, Decider, DomainError, TenantId } from '@hexfleet/kernel';
import { identity } from '@hexfleet/schemas';
import type { Command } from './command';

/** Stream `<tenant>/tenant/<tenant>`: a tenant's lifecycle; other aggregates read it as a fact. */
export type TenantCommand =
  | Command<'ProvisionTenant', { slug: string; product: identity.Product; displayName: string }>
  | Command<'SuspendTenant', { reason: string }>
  | Command<'ReactivateTenant', Record<string, never>>;

export type TenantEvent = identity.IdentityTenantV1Event;

export type TenantState =
  | { status: 'none' }
  | { status: 'active' | 'suspended'; slug: TenantId; product: identity.Product; displayName: string };

const PRODUCTS: readonly string[] = ['business', 'school'];

function decide(command: TenantCommand, state: TenantState): TenantEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'ProvisionTenant': {
      if (state.status !== 'none') throw new DomainError('tenant-already-provisioned', { slug: state.slug });
      const { product } = command.data;
      const slug = TenantId.parse(command.data.slug);
      if (!PRODUCTS.includes(product)) throw new DomainError('invalid-product', { product });
      const displayName = command.data.displayName.trim();
      if (!displayName) throw new DomainError('display-name-required');
      return [identity.tenantProvisioned({ slug, product, displayName, provisionedAt: now })];
    }
    case 'SuspendTenant': {
      if (state.status === 'none') throw new DomainError('tenant-not-found');
      // A repeated suspension is refused rather than ignored: it would hide a second, different reason.
      if (state.status === 'suspended') throw new DomainError('tenant-already-suspended', { slug: state.slug });
      const reason = command.data.reason.trim();
      if (!reason) throw new DomainError('suspension-reason-required');
      return [identity.tenantSuspended({ slug: state.slug, reason, suspendedAt: now })];
    }
    case 'ReactivateTenant':
      if (state.status === 'none') throw new DomainError('tenant-not-found');
      if (state.status === 'active') throw new DomainError('tenant-not-suspended', { slug: state.slug });
      return [identity.tenantReactivated({ slug: state.slug, reactivatedAt: now })];
    default:
      return assertNever(command);
  }
}

function evolve(state: TenantState, event: TenantEvent): TenantState {
  switch (event.type) {
    case 'TenantProvisioned': {
      const { slug, product, displayName } = event.data;
      return { status: 'active', slug: slug as TenantId, product, displayName };
    }
    case 'TenantSuspended':
      return state.status === 'none' ? state : { ...state, status: 'suspended' };
    case 'TenantReactivated':
      return state.status === 'none' ? state : { ...state, status: 'active' };
    default:
      return assertNever(event);
  }
}

export const tenantDecider: Decider<TenantCommand, TenantEvent, TenantState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
