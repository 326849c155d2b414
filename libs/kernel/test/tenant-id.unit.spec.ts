import { DomainError, TenantId } from '../src';

describe('TenantId: the only way a tenant reaches SQL', () => {
  it.each(['acme', 'abc', 'school42', 'a'.repeat(31)])('accepts %s', (slug) => {
    expect(TenantId.parse(slug)).toBe(slug);
    expect(TenantId.schemaName(TenantId.parse(slug))).toBe(`tenant_${slug}`);
  });

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
  ])('rejects %p with invalid-tenant', (value) => {
    expect(() => TenantId.parse(value)).toThrow(DomainError);
    expect(() => TenantId.parse(value)).toThrow(expect.objectContaining({ code: 'invalid-tenant' }));
    expect(TenantId.isValid(value)).toBe(false);
  });
});
