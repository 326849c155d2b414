import { DomainError, TenantId } from '../src';

describe('TenantId: the only way a tenant reaches SQL', () => {
  it.each(['acme', 'abc', 'school42', 'a'.repeat(31), 'publicschool', 'apg', 'postgresql'.slice(1)])(
    'accepts %s',
    (slug) => {
      expect(TenantId.parse(slug)).toBe(slug);
      expect(TenantId.schemaName(TenantId.parse(slug))).toBe(`tenant_${slug}`);
    },
  );

  it.each([
    ['a"; drop schema x;--'],
    ['A'],
    ['ab'],
    ['tenant_1'],
    ['1abc'],
    ['Acme'],
    ['a'.repeat(32)],
    [''],
    ['acme '],
    [null],
    [42],
    // Names Postgres gives a meaning to (the schema would be tenant_<slug>, but a slug is never one of them).
    ['public'],
    ['pg_catalog'],
    ['pgcatalog'],
    ['pg'],
    ['pgtoast'],
    ['pg_toast'],
    ['information_schema'],
    ['postgres'],
    ['template0'],
    ['template1'],
    // Unicode look-alikes: Cyrillic a and e, fullwidth a, a dotless i, a Turkish capital dotted I lowered, a ligature.
    ['\u0430cme'],
    ['acm\u0435'],
    ['\uff41cme'],
    ['\u0131nc'],
    ['acme\u0307'],
    ['\ufb01rm'],
    ['acme\u200b'],
    ['acme\u0000'],
    // Quotes and separators, in every form an identifier or a literal could end.
    ['acme"'],
    ["acme'"],
    ['acme`'],
    ['ac"me'],
    ['"acme"'],
    ['acme;'],
    ['acme--'],
    ['acme/*'],
    ['acme.x'],
    ['acme\n'],
    ['acme\\'],
    ['acme$1'],
    // Past the maximum length (31), and far past it.
    ['a'.repeat(32)],
    ['a'.repeat(63)],
    ['a'.repeat(10_000)],
  ])('rejects %p with invalid-tenant', (value) => {
    expect(() => TenantId.parse(value)).toThrow(DomainError);
    expect(() => TenantId.parse(value)).toThrow(expect.objectContaining({ code: 'invalid-tenant' }));
    expect(TenantId.isValid(value)).toBe(false);
  });
});
