import { claimsOf, parseStored, refreshDelay, sessionFrom } from '../src/session';
import { isCurrent, visibleNavigation } from '../src/navigation';
import { offsetOfPage, pagerState } from '../src/paging';

const token = (claims: Record<string, unknown>) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('the session in the browser', () => {
  it("reads the caller's id, tenant, roles and expiry from the access token", () => {
    expect(claimsOf(token({ sub: 'u1', tenant: 'acme', roles: ['hr', 7], exp: 100 }))).toEqual({
      userId: 'u1',
      tenant: 'acme',
      roles: ['hr'],
      expiresAt: 100_000,
    });
    expect(claimsOf('not-a-token')).toBeUndefined();
    expect(claimsOf(token({ tenant: 'acme' }))).toBeUndefined();
  });

  it('refreshes a fifth of the way before expiry, at most a minute before, never in the past', () => {
    const session = sessionFrom('acme', { accessToken: 'a', refreshToken: 'r', expiresIn: 900 }, 0);
    expect(session.expiresAt).toBe(900_000);
    expect(refreshDelay(session, 0)).toBe(840_000);
    expect(refreshDelay(sessionFrom('acme', { accessToken: 'a', refreshToken: 'r', expiresIn: 100 }, 0), 0)).toBe(
      80_000,
    );
    expect(refreshDelay(session, 899_000, 900_000)).toBe(0);
  });

  it('ignores a stored entry that is not a session', () => {
    expect(parseStored('{"tenant":"acme"}')).toBeUndefined();
    expect(parseStored('{')).toBeUndefined();
    expect(parseStored(null)).toBeUndefined();
    const good = { tenant: 'acme', accessToken: 'a', refreshToken: 'r', expiresAt: 5 };
    expect(parseStored(JSON.stringify(good))).toEqual(good);
  });
});

describe('navigation and paging', () => {
  const sections = [
    {
      label: 'People',
      items: [
        { href: '/hrms/employees', label: 'Employees', module: 'hrms', roles: ['hr', 'manager'] },
        { href: '/hrms/leave', label: 'My leave', module: 'hrms' },
      ],
    },
    { label: 'Payroll', items: [{ href: '/payroll/employees', label: 'Employees', module: 'payroll', roles: ['hr'] }] },
  ];

  it('shows an entry to those with one of its roles, and only for deployed modules', () => {
    expect(visibleNavigation(sections, ['employee']).map((s) => s.items.map((i) => i.href))).toEqual([['/hrms/leave']]);
    expect(visibleNavigation(sections, ['hr']).flatMap((s) => s.items)).toHaveLength(3);
    expect(visibleNavigation(sections, ['hr'], new Set(['hrms'])).map((s) => s.label)).toEqual(['People']);
    expect(isCurrent('/hrms/employees', '/hrms/employees/42')).toBe(true);
    expect(isCurrent('/', '/hrms')).toBe(false);
  });

  it('pages by offset with a count when the service gives one', () => {
    expect(pagerState({ limit: 20, offset: 20, hasMore: true, total: 45 }, 20)).toEqual({
      page: 2,
      pages: 3,
      from: 21,
      to: 40,
      previousOffset: 0,
      nextOffset: 40,
    });
    expect(pagerState({ limit: 20, offset: 0, hasMore: false }, 0)).toEqual({ page: 1, from: 0, to: 0 });
    expect(offsetOfPage('3', 20)).toBe(40);
    expect(offsetOfPage('x', 20)).toBe(0);
  });
});
