import { fold } from '@hexfleet/kernel';
import { deciderSpec } from '@hexfleet/testing';
import { libraries } from '@hexfleet/schemas';
import { nextWaitingHold, PlaceHold, titleDecider, TitleCommand } from '../../src/domain';
import {
  at,
  BARCODE,
  COPY,
  HOLD,
  LOAN,
  NOW,
  OTHER_HOLD,
  OTHER_PATRON,
  patronFacts,
  PATRON,
  rule,
  SCHOOL,
  TITLE,
  titleCatalogued,
  TODAY,
} from './library-fixtures';

const given = deciderSpec(titleDecider);
const command = <C extends TitleCommand>(type: C['type'], data: C['data']) => ({ type, data, metadata: at() }) as C;
const ids = { titleId: TITLE, schoolId: SCHOOL };

const placeHold = (
  overrides: {
    holdId?: string;
    patronId?: string;
    activeHolds?: number;
    standing?: 'active' | 'blocked' | 'withdrawn';
  } = {},
): PlaceHold =>
  command('PlaceHold', {
    holdId: overrides.holdId ?? HOLD,
    patron: {
      ...patronFacts({ standing: overrides.standing ?? 'active' }),
      patronId: overrides.patronId ?? PATRON,
      activeHolds: overrides.activeHolds ?? 0,
    },
    rules: [rule({ maxHolds: 2 }), rule({ patronCategory: 'teacher', maxHolds: 5 })],
  });
const holdPlaced = (queuePosition = 1, holdId = HOLD, patronId = PATRON) =>
  libraries.holdPlaced({ ...ids, holdId, patronId, queuePosition, placedAt: NOW });
const ready = (holdId = HOLD, patronId = PATRON) =>
  libraries.holdReadyForPickup({
    ...ids,
    holdId,
    patronId,
    copyId: COPY,
    barcode: BARCODE,
    pickupBy: '2025-03-10',
    readyAt: NOW,
  });
const readyForPickup = command('ReadyHoldForPickup', { copyId: COPY, barcode: BARCODE, today: TODAY, pickupDays: 7 });

describe('catalogue', () => {
  it('given nothing, when a title is catalogued, then TitleCatalogued carries its ISBN without hyphens', () => {
    given([])
      .when(
        command('CatalogueTitle', {
          ...ids,
          title: 'Matilda',
          authors: ['Roald Dahl'],
          isbn: '978-0-14-241037-0',
          itemType: 'book',
        }),
      )
      .then([titleCatalogued()]);
  });

  it('given an ISBN with a wrong check digit, then it is refused with invalid-isbn', () => {
    given([])
      .when(
        command('CatalogueTitle', { ...ids, title: 'Matilda', authors: [], isbn: '9780142410371', itemType: 'book' }),
      )
      .thenThrows('invalid-isbn');
  });

  it('given a title already catalogued, then cataloguing it again is refused', () => {
    given([titleCatalogued()])
      .when(command('CatalogueTitle', { ...ids, title: 'Matilda', authors: [], isbn: null, itemType: 'book' }))
      .thenThrows('title-already-catalogued');
  });
});

describe('holds queue', () => {
  it('given a title, when a patron places a hold, then HoldPlaced gives their place in the queue', () => {
    given([titleCatalogued(), holdPlaced(1, OTHER_HOLD, OTHER_PATRON)])
      .when(placeHold())
      .then([holdPlaced(2)]);
  });

  it('given a patron already in the queue, then a second hold on the title is refused with hold-already-placed', () => {
    given([titleCatalogued(), holdPlaced()])
      .when(placeHold({ holdId: OTHER_HOLD }))
      .thenThrows('hold-already-placed');
  });

  it('given a blocked patron, then placing a hold is refused with patron-blocked', () => {
    given([titleCatalogued()])
      .when(placeHold({ standing: 'blocked' }))
      .thenThrows('patron-blocked');
  });

  it('given a title nobody catalogued, then it is refused with title-not-found', () => {
    given([]).when(placeHold()).thenThrows('title-not-found');
  });

  it('given two waiting holds, when a copy comes back, then the first placed is ready for pickup until today + pickup days', () => {
    const history = [titleCatalogued(), holdPlaced(), holdPlaced(2, OTHER_HOLD, OTHER_PATRON)];
    expect(nextWaitingHold(fold(titleDecider, history))).toEqual({ holdId: HOLD, patronId: PATRON, status: 'waiting' });
    given(history).when(readyForPickup).then([ready()]);
  });

  it('given the first hold is already ready, when another copy comes back, then the next waiting hold gets it', () => {
    given([titleCatalogued(), holdPlaced(), holdPlaced(2, OTHER_HOLD, OTHER_PATRON), ready()])
      .when(readyForPickup)
      .then([ready(OTHER_HOLD, OTHER_PATRON)]);
  });

  it('given nobody waiting, then readying a hold is refused with no-waiting-holds', () => {
    given([titleCatalogued(), holdPlaced(), ready()]).when(readyForPickup).thenThrows('no-waiting-holds');
  });

  it('given a ready hold past its pickup day, when expired, then HoldExpired names the copy to release', () => {
    given([titleCatalogued(), holdPlaced(), ready()])
      .when(command('ExpireHold', { holdId: HOLD, today: '2025-03-11' }))
      .then([libraries.holdExpired({ ...ids, holdId: HOLD, patronId: PATRON, copyId: COPY, expiredAt: NOW })]);
  });

  it('given a ready hold on its last pickup day, then expiring it is refused with pickup-period-not-over', () => {
    given([titleCatalogued(), holdPlaced(), ready()])
      .when(command('ExpireHold', { holdId: HOLD, today: '2025-03-10' }))
      .thenThrows('pickup-period-not-over');
  });

  it('given a waiting hold, then it cannot expire (hold-not-ready)', () => {
    given([titleCatalogued(), holdPlaced()])
      .when(command('ExpireHold', { holdId: HOLD, today: '2025-04-10' }))
      .thenThrows('hold-not-ready');
  });

  it('given a waiting hold, when cancelled, then HoldCancelled names no copy', () => {
    given([titleCatalogued(), holdPlaced()])
      .when(command('CancelHold', { holdId: HOLD, reason: 'bought it' }))
      .then([
        libraries.holdCancelled({
          ...ids,
          holdId: HOLD,
          patronId: PATRON,
          copyId: null,
          reason: 'bought it',
          cancelledAt: NOW,
        }),
      ]);
  });

  it('given a ready hold, when cancelled, then HoldCancelled names the copy to release', () => {
    given([titleCatalogued(), holdPlaced(), ready()])
      .when(command('CancelHold', { holdId: HOLD, reason: '' }))
      .then([
        libraries.holdCancelled({ ...ids, holdId: HOLD, patronId: PATRON, copyId: COPY, reason: '', cancelledAt: NOW }),
      ]);
  });

  it('given an unknown hold, then cancelling is refused with hold-not-found', () => {
    given([titleCatalogued()])
      .when(command('CancelHold', { holdId: HOLD, reason: '' }))
      .thenThrows('hold-not-found');
  });

  it('given a ready hold, when the patron borrows the held copy, then HoldFulfilled and the hold leaves the queue', () => {
    const fulfil = command('FulfilHold', { holdId: HOLD, loanId: LOAN, copyId: COPY });
    const fulfilled = libraries.holdFulfilled({
      ...ids,
      holdId: HOLD,
      patronId: PATRON,
      copyId: COPY,
      loanId: LOAN,
      fulfilledAt: NOW,
    });
    given([titleCatalogued(), holdPlaced(), ready()]).when(fulfil).then([fulfilled]);
    given([titleCatalogued(), holdPlaced(), ready(), fulfilled]).when(fulfil).thenThrows('hold-not-found');
    given([titleCatalogued(), holdPlaced(), ready(), fulfilled])
      .when(placeHold({ holdId: OTHER_HOLD }))
      .then([holdPlaced(1, OTHER_HOLD)]);
  });
});

describe('rule: holds <= limit', () => {
  it('given the patron holds one fewer than the limit, then the hold is placed', () => {
    given([titleCatalogued()])
      .when(placeHold({ activeHolds: 1 }))
      .then([holdPlaced()]);
  });

  it('given the patron already holds as many as the limit, then it is refused with hold-limit-reached', () => {
    given([titleCatalogued()])
      .when(placeHold({ activeHolds: 2 }))
      .thenThrows('hold-limit-reached', { activeHolds: 2, maxHolds: 2 });
  });
});
