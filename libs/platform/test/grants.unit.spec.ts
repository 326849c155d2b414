import { createDevIssuer } from '@hexfleet/testing';
import { scopedGrants, TokenVerifier } from '../src/auth';
import { schoolsWhere } from '../src/context';

const SCHOOL_A = '0195f0a2-7c1e-7000-8000-00000000000a';
const SCHOOL_B = '0195f0a2-7c1e-7000-8000-00000000000b';

describe('scoped grants from the token', () => {
  it('keeps each well-formed grant of a known role, and drops the rest', () => {
    expect(
      scopedGrants([
        { role: 'hq-admin', scopeType: 'tenant', scopeId: null },
        { role: 'school-admin', scopeType: 'school', scopeId: SCHOOL_A },
        { role: 'teacher', scopeType: 'group', scopeId: SCHOOL_B },
        { role: 'wizard', scopeType: 'school', scopeId: SCHOOL_A },
        { role: 'librarian', scopeType: 'planet', scopeId: SCHOOL_A },
        { role: 'librarian', scopeType: 'school', scopeId: null },
        { role: 'hq-admin', scopeType: 'tenant', scopeId: SCHOOL_A },
        'school-admin',
        null,
      ]),
    ).toEqual([
      { role: 'hq-admin', scopeType: 'tenant', scopeId: null },
      { role: 'school-admin', scopeType: 'school', scopeId: SCHOOL_A },
      { role: 'teacher', scopeType: 'group', scopeId: SCHOOL_B },
    ]);
    expect(scopedGrants(undefined)).toEqual([]);
    expect(scopedGrants({ role: 'hq-admin' })).toEqual([]);
  });

  it('names the schools where the caller holds one of the roles by a school grant (not a group grant)', () => {
    const grants = scopedGrants([
      { role: 'school-admin', scopeType: 'school', scopeId: SCHOOL_A },
      { role: 'librarian', scopeType: 'school', scopeId: SCHOOL_A },
      { role: 'teacher', scopeType: 'school', scopeId: SCHOOL_B },
      { role: 'teacher', scopeType: 'group', scopeId: SCHOOL_B },
    ]);
    expect(schoolsWhere({ grants }, 'school-admin', 'librarian')).toEqual([SCHOOL_A]);
    expect(schoolsWhere({ grants }, 'teacher', 'librarian')).toEqual([SCHOOL_A, SCHOOL_B]);
    expect(schoolsWhere({ grants }, 'hq-admin')).toEqual([]);
  });

  it('reaches the principal through a verified token; a token without the claim gives none', async () => {
    const issuer = await createDevIssuer();
    const verifier = new TokenVerifier({ jwksJson: issuer.jwksJson });
    const scoped = await issuer.mint({
      tenant: 'acme',
      roles: ['school-admin'],
      grants: [{ role: 'school-admin', scopeType: 'school', scopeId: SCHOOL_A }],
    });
    expect((await verifier.verify(scoped)).grants).toEqual([
      { role: 'school-admin', scopeType: 'school', scopeId: SCHOOL_A },
    ]);
    const bare = await issuer.mint({ tenant: 'acme', roles: ['school-admin'] });
    expect((await verifier.verify(bare)).grants).toEqual([]);
  });
});
