import { deciderSpec } from '@hexfleet/testing';
import { libraries } from '@hexfleet/schemas';
import { patronDecider, PatronCommand } from '../../src/domain';
import { at, NOW, PATRON, SCHOOL } from './library-fixtures';

const given = deciderSpec(patronDecider);
const command = <C extends PatronCommand>(type: C['type'], data: C['data']) => ({ type, data, metadata: at() }) as C;
const ids = { patronId: PATRON, schoolId: SCHOOL };
const USER = '0190a1b2-0000-7000-8000-0000000000aa';

const registered = libraries.patronRegistered({
  ...ids,
  userId: USER,
  name: 'Asha Rao',
  category: 'student',
  registeredAt: NOW,
});
const blocked = libraries.patronBlocked({ ...ids, reason: 'account deactivated', blockedAt: NOW });
const withdrawn = libraries.patronWithdrawn({ ...ids, reason: 'student withdrawn', withdrawnAt: NOW });

describe('patrons', () => {
  it('given nothing, when a student is registered, then PatronRegistered carries the category', () => {
    given([])
      .when(command('RegisterPatron', { ...ids, userId: USER, name: 'Asha Rao', category: 'student' }))
      .then([registered]);
  });

  it('given a registered patron, then registering again is refused with patron-already-registered', () => {
    given([registered])
      .when(command('RegisterPatron', { ...ids, userId: USER, name: 'Asha Rao', category: 'student' }))
      .thenThrows('patron-already-registered');
  });

  it('given a patron without a category, then registration is refused with category-required', () => {
    given([])
      .when(command('RegisterPatron', { ...ids, userId: null, name: 'Asha Rao', category: ' ' }))
      .thenThrows('category-required');
  });

  it('given a student, when they become staff, then PatronCategoryChanged; the same category again changes nothing', () => {
    given([registered])
      .when(command('ChangePatronCategory', { category: 'staff' }))
      .then([
        libraries.patronCategoryChanged({ ...ids, previousCategory: 'student', category: 'staff', changedAt: NOW }),
      ]);
    given([registered])
      .when(command('ChangePatronCategory', { category: 'student' }))
      .then([]);
  });
});

describe('patron blocking', () => {
  it('given an active patron, when blocked, then PatronBlocked with the reason', () => {
    given([registered])
      .when(command('BlockPatron', { reason: 'account deactivated' }))
      .then([blocked]);
  });

  it('given a blocked patron, then blocking again is refused with patron-already-blocked', () => {
    given([registered, blocked])
      .when(command('BlockPatron', { reason: 'x' }))
      .thenThrows('patron-already-blocked');
  });

  it('given a blocked patron, when unblocked, then PatronUnblocked', () => {
    given([registered, blocked])
      .when(command('UnblockPatron', {}))
      .then([libraries.patronUnblocked({ ...ids, unblockedAt: NOW })]);
  });

  it('given an active patron, then unblocking is refused with patron-not-blocked', () => {
    given([registered]).when(command('UnblockPatron', {})).thenThrows('patron-not-blocked');
  });

  it('given a blocked patron, when withdrawn (student left), then PatronWithdrawn and no way back', () => {
    given([registered, blocked])
      .when(command('WithdrawPatron', { reason: 'student withdrawn' }))
      .then([withdrawn]);
    given([registered, withdrawn])
      .when(command('BlockPatron', { reason: 'x' }))
      .thenThrows('patron-withdrawn');
    given([registered, withdrawn]).when(command('UnblockPatron', {})).thenThrows('patron-not-blocked');
  });

  it('given no patron, then blocking is refused with patron-not-found', () => {
    given([])
      .when(command('BlockPatron', { reason: 'x' }))
      .thenThrows('patron-not-found');
  });
});
