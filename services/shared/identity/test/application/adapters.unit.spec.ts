import { clientOf } from '../../src/adapters/in/client';
import { identityEnv } from '../../src/identity.config';

const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({
  socket: { remoteAddress },
  headers,
});

describe('rule: failures count against the client address, which only a trusted proxy may name', () => {
  it('takes the socket address, without the IPv4-mapped prefix', () => {
    expect(clientOf(request('::ffff:203.0.113.7', { 'user-agent': 'curl' }), [])).toEqual({
      address: '203.0.113.7',
      userAgent: 'curl',
    });
  });

  it("ignores X-Forwarded-For from anyone but a trusted proxy, so a client cannot pick the address it's counted as", () => {
    expect(clientOf(request('203.0.113.7', { 'x-forwarded-for': '10.0.0.1' }), ['127.0.0.1']).address).toBe(
      '203.0.113.7',
    );
  });

  it('behind the gateway, takes the nearest hop the proxies did not add', () => {
    const viaGateway = request('127.0.0.1', { 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 127.0.0.1' });
    expect(clientOf(viaGateway, ['127.0.0.1']).address).toBe('198.51.100.4');
  });
});

describe('rule: identity does not start with a missing or malformed secret, and says which', () => {
  const valid = {
    SIGNING_KEY_JWK: '{}',
    TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  };

  it('names the variables, never their values', () => {
    const start = () => identityEnv({ TOTP_ENCRYPTION_KEY: 'c2hvcnQ=', OPERATOR_KEY: 'tiny' });
    expect(start).toThrow('SIGNING_KEY_JWK: is required');
    expect(start).toThrow('TOTP_ENCRYPTION_KEY: must be 32 bytes');
    expect(start).toThrow('OPERATOR_KEY: must be at least 16 characters');
    expect(() => identityEnv({ ...valid, OPERATOR_KEY: 'tiny' })).toThrow(/^(?![\s\S]*tiny)[\s\S]*OPERATOR_KEY/);
  });

  it('reads the self-registration products and the lockout policy, with defaults', () => {
    const options = identityEnv({ ...valid, SELF_REGISTRATION: 'business,school', LOCKOUT_MAX_FAILURES: '3' });
    expect(options.selfRegistration).toEqual(['business', 'school']);
    expect(options.lockout).toEqual({ maxFailures: 3, windowSeconds: 900, lockSeconds: 900 });
    expect(identityEnv({ ...valid, SELF_REGISTRATION: 'none' }).selfRegistration).toEqual([]);
    expect(identityEnv(valid)).toMatchObject({ operatorKey: null, mailboxDir: null, selfRegistration: ['school'] });
    expect(() => identityEnv({ ...valid, SELF_REGISTRATION: 'shops' })).toThrow('SELF_REGISTRATION');
  });
});
