import { identity } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { loginIdDecider, type LoginIdCommand, normalizeLoginId } from '../../src/domain';
import { meta, NOW, OTHER_USER, USER } from './fixtures';

const given = deciderSpec(loginIdDecider);
const reserve = (email: string, userId = USER): LoginIdCommand => ({
  type: 'ReserveLoginId',
  data: { email, userId },
  ...meta(),
});
const release = (email: string, userId = USER): LoginIdCommand => ({
  type: 'ReleaseLoginId',
  data: { email, userId },
  ...meta(),
});
const reserved = identity.loginIdReserved({ loginId: 'ana@acme.test', userId: USER, reservedAt: NOW });
const released = identity.loginIdReleased({ loginId: 'ana@acme.test', userId: USER, releasedAt: NOW });

describe('rule: login id unique per tenant', () => {
  it('reserves a free login id, lower-cased', () => {
    given([]).when(reserve(' Ana@ACME.test ')).then([reserved]);
  });

  it('refuses the same email for another user, whatever its case', () => {
    given([reserved])
      .when(reserve('ANA@acme.test', OTHER_USER))
      .thenThrows('login-id-taken', { loginId: 'ana@acme.test' });
  });

  it('treats a retried reservation by the same user as done (nothing to record)', () => {
    given([reserved]).when(reserve('ana@acme.test')).then([]);
  });

  it('normalizes so that every spelling maps to one stream id', () => {
    expect(normalizeLoginId('Ana@Acme.Test')).toBe(normalizeLoginId(' ana@acme.test'));
  });

  it('refuses what is not an email', () => {
    given([]).when(reserve('ana at acme')).thenThrows('invalid-email');
    expect(() => normalizeLoginId('ana@acme')).toThrow('invalid-email');
  });

  it('lets a released login id be taken again', () => {
    given([reserved, released])
      .when(reserve('ana@acme.test', OTHER_USER))
      .then([identity.loginIdReserved({ loginId: 'ana@acme.test', userId: OTHER_USER, reservedAt: NOW })]);
  });

  it('releases only for the user who holds it', () => {
    given([reserved]).when(release('ana@acme.test')).then([released]);
    given([reserved]).when(release('ana@acme.test', OTHER_USER)).thenThrows('login-id-not-held');
    given([]).when(release('ana@acme.test')).thenThrows('login-id-not-held');
  });

  it('refuses a command routed to the stream of another login id', () => {
    given([reserved]).when(reserve('bob@acme.test')).thenThrows('wrong-login-id-stream');
  });
});
