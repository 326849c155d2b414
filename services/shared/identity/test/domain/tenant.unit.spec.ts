import { identity } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { tenantDecider, type TenantCommand } from '../../src/domain';
import { meta, NOW } from './fixtures';

const given = deciderSpec(tenantDecider);
const provision = (slug = 'acme', product: identity.Product = 'business', displayName = 'Acme Ltd'): TenantCommand => ({
  type: 'ProvisionTenant',
  data: { slug, product, displayName },
  ...meta(),
});
const provisioned = identity.tenantProvisioned({
  slug: 'acme',
  product: 'business',
  displayName: 'Acme Ltd',
  provisionedAt: NOW,
});
const suspended = identity.tenantSuspended({ slug: 'acme', reason: 'unpaid', suspendedAt: NOW });

describe('feature: tenants are provisioned, suspended and reactivated', () => {
  it('provisions a business or a school tenant', () => {
    given([]).when(provision()).then([provisioned]);
    given([])
      .when(provision('northside', 'school', ' Northside Schools '))
      .then([
        identity.tenantProvisioned({
          slug: 'northside',
          product: 'school',
          displayName: 'Northside Schools',
          provisionedAt: NOW,
        }),
      ]);
  });

  it('refuses a second provisioning, an unknown product and a blank name', () => {
    given([provisioned]).when(provision()).thenThrows('tenant-already-provisioned');
    given([])
      .when(provision('acme', 'shop' as identity.Product))
      .thenThrows('invalid-product');
    given([])
      .when(provision('acme', 'business', '  '))
      .thenThrows('display-name-required');
  });

  it('suspends with a reason, then reactivates', () => {
    given([provisioned])
      .when({ type: 'SuspendTenant', data: { reason: 'unpaid' }, ...meta() })
      .then([suspended]);
    given([provisioned, suspended])
      .when({ type: 'ReactivateTenant', data: {}, ...meta() })
      .then([identity.tenantReactivated({ slug: 'acme', reactivatedAt: NOW })]);
  });

  it('refuses to suspend twice, to reactivate an active tenant, or to touch an unknown one', () => {
    given([provisioned, suspended])
      .when({ type: 'SuspendTenant', data: { reason: 'again' }, ...meta() })
      .thenThrows('tenant-already-suspended');
    given([provisioned])
      .when({ type: 'SuspendTenant', data: { reason: ' ' }, ...meta() })
      .thenThrows('suspension-reason-required');
    given([provisioned])
      .when({ type: 'ReactivateTenant', data: {}, ...meta() })
      .thenThrows('tenant-not-suspended');
    given([])
      .when({ type: 'SuspendTenant', data: { reason: 'x' }, ...meta() })
      .thenThrows('tenant-not-found');
    given([])
      .when({ type: 'ReactivateTenant', data: {}, ...meta() })
      .thenThrows('tenant-not-found');
  });
});

describe('rule: a tenant slug is ^[a-z][a-z0-9]{2,30}$', () => {
  it.each(['ab', 'Acme', '1acme', 'ac-me', 'a'.repeat(32), 'acme '])('refuses %p', (slug) => {
    given([]).when(provision(slug)).thenThrows('invalid-tenant');
  });

  it.each(['abc', 'acme2', 'a'.repeat(31)])('accepts %p', (slug) => {
    expect(tenantDecider.decide(provision(slug), tenantDecider.initialState)).toHaveLength(1);
  });
});
