import { deciderSpec } from '@hexfleet/testing';
import { backoffMs, deliveryDecider } from '../../src/domain/delivery.decider';
import type { DeliveryEvent } from '../../src/domain/delivery.decider';

const policy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 3000 };
const given = deciderSpec(deliveryDecider(policy));
const NOW = '2026-03-02T09:00:00.000Z';
const failed = (attempts: number): DeliveryEvent => ({ type: 'DeliveryFailed', attempts, error: 'x', retryAt: NOW });
const parked: DeliveryEvent = { type: 'DeliveryParked', attempts: 3, error: 'x', parkedAt: NOW };
const sent: DeliveryEvent = { type: 'DeliverySent', attempts: 1, sentAt: NOW };

describe('a delivery', () => {
  it('is sent on its first attempt', () => {
    given([])
      .when({ type: 'RecordSent', now: NOW })
      .then([{ type: 'DeliverySent', attempts: 1, sentAt: NOW }]);
  });

  it('waits longer after each failure: base x 2^(n-1), capped', () => {
    given([])
      .when({ type: 'RecordFailure', now: NOW, error: 'ECONNREFUSED', permanent: false })
      .then([{ type: 'DeliveryFailed', attempts: 1, error: 'ECONNREFUSED', retryAt: '2026-03-02T09:00:01.000Z' }]);
    given([failed(1)])
      .when({ type: 'RecordFailure', now: NOW, error: 'timeout', permanent: false })
      .then([{ type: 'DeliveryFailed', attempts: 2, error: 'timeout', retryAt: '2026-03-02T09:00:02.000Z' }]);
    expect([1, 2, 3, 4].map((n) => backoffMs(policy, n))).toEqual([1000, 2000, 3000, 3000]);
  });

  it('is parked after its last attempt', () => {
    given([failed(1), failed(2)])
      .when({ type: 'RecordFailure', now: NOW, error: 'ECONNREFUSED', permanent: false })
      .then([{ type: 'DeliveryParked', attempts: 3, error: 'ECONNREFUSED', parkedAt: NOW }]);
  });

  it('is parked at once when the server refuses the message itself', () => {
    given([])
      .when({ type: 'RecordFailure', now: NOW, error: '550 no such user', permanent: true })
      .then([{ type: 'DeliveryParked', attempts: 1, error: '550 no such user', parkedAt: NOW }]);
  });

  it('is skipped when there is nobody to tell', () => {
    given([])
      .when({ type: 'RecordSkipped', now: NOW, reason: 'no-account' })
      .then([{ type: 'DeliverySkipped', reason: 'no-account', skippedAt: NOW }]);
  });

  it('is never sent twice, nor tried again once sent, skipped or parked', () => {
    given([sent]).when({ type: 'RecordSent', now: NOW }).thenThrows('delivery-already-sent');
    given([sent])
      .when({ type: 'RecordFailure', now: NOW, error: 'x', permanent: false })
      .thenThrows('delivery-already-sent');
    given([{ type: 'DeliverySkipped', reason: 'no-account', skippedAt: NOW }])
      .when({ type: 'RecordSent', now: NOW })
      .thenThrows('delivery-skipped');
    given([parked]).when({ type: 'RecordSent', now: NOW }).thenThrows('delivery-parked');
  });

  it('is retried by an admin only when parked, with a fresh round of attempts', () => {
    given([parked])
      .when({ type: 'Retry', now: NOW })
      .then([{ type: 'DeliveryRequeued', requeuedAt: NOW }]);
    given([parked, { type: 'DeliveryRequeued', requeuedAt: NOW }])
      .when({ type: 'RecordFailure', now: NOW, error: 'x', permanent: false })
      .then([{ type: 'DeliveryFailed', attempts: 1, error: 'x', retryAt: '2026-03-02T09:00:01.000Z' }]);
    given([]).when({ type: 'Retry', now: NOW }).thenThrows('delivery-not-parked', { status: 'pending' });
    given([sent]).when({ type: 'Retry', now: NOW }).thenThrows('delivery-not-parked', { status: 'sent' });
  });
});
