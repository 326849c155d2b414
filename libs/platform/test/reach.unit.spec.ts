import { createDevIssuer } from '@hexfleet/testing';
import { reachOf, TokenVerifier } from '../src';

const SCHOOL = '0195f0a2-7c1e-7000-8000-00000000a001';
const GROUP = '0195f0a2-7c1e-7000-8000-00000000d001';

describe('where a caller reaches (scoped grants)', () => {
  it('reads the grants claim, dropping unknown roles and malformed scopes', async () => {
    const issuer = await createDevIssuer();
    const verifier = new TokenVerifier({ jwksJson: issuer.jwksJson });
    const token = await issuer.mint({
      tenant: 'acme',
      grants: [
        { role: 'school-admin', scopeType: 'school', scopeId: SCHOOL },
        { role: 'teacher', scopeType: 'group', scopeId: GROUP },
        { role: 'wizard', scopeType: 'tenant', scopeId: null },
        { role: 'librarian', scopeType: 'school', scopeId: null },
      ],
    });
    const caller = await verifier.verify(token);
    expect(caller.grants).toEqual([
      { role: 'school-admin', scopeType: 'school', scopeId: SCHOOL },
      { role: 'teacher', scopeType: 'group', scopeId: GROUP },
    ]);
    expect(reachOf(caller, 'school-admin')).toEqual({ tenant: false, schools: [SCHOOL], groups: [] });
    expect(reachOf(caller, 'teacher', 'school-admin')).toEqual({ tenant: false, schools: [SCHOOL], groups: [GROUP] });
    expect(reachOf(caller, 'hq-admin')).toEqual({ tenant: false, schools: [], groups: [] });
  });

  it('lets a tenant-wide grant reach every school, and a token without grants hold its roles tenant-wide', async () => {
    const hq = {
      roles: ['hq-admin' as const],
      grants: [{ role: 'hq-admin' as const, scopeType: 'tenant' as const, scopeId: null }],
    };
    expect(reachOf(hq, 'hq-admin', 'school-admin').tenant).toBe(true);
    expect(reachOf({ roles: ['school-admin'] }, 'school-admin')).toEqual({ tenant: true, schools: [], groups: [] });
    expect(reachOf({ roles: ['student'] }, 'school-admin').tenant).toBe(false);
  });
});
