import { DomainError, fold } from '@hexfleet/kernel';
import { deciderSpec } from '@hexfleet/testing';
import { libraries } from '@hexfleet/schemas';
import { copyDecider, CopyCommand, CopyEvent } from '../../src/domain';
import {
  at,
  BARCODE,
  copyAdded,
  COPY,
  HOLD,
  LOAN,
  NOW,
  OTHER_HOLD,
  OTHER_PATRON,
  PATRON,
  SCHOOL,
  TITLE,
} from './library-fixtures';

const given = deciderSpec(copyDecider);
const command = <C extends CopyCommand>(type: C['type'], data: C['data']) => ({ type, data, metadata: at() }) as C;
const ids = { copyId: COPY, titleId: TITLE, schoolId: SCHOOL };

const lend = (patronId = PATRON, loanId = LOAN) => command('LendCopy', { loanId, patronId });
const lent = (patronId = PATRON) => libraries.copyLent({ ...ids, loanId: LOAN, patronId, lentAt: NOW });
const checkedIn = libraries.copyCheckedIn({ ...ids, loanId: LOAN, checkedInAt: NOW });
const onHoldShelf = (holdId = HOLD, patronId = OTHER_PATRON) =>
  libraries.copyPutOnHoldShelf({ ...ids, holdId, patronId, shelvedAt: NOW });
const damaged = libraries.copyMarkedDamaged({ ...ids, note: 'torn cover', markedAt: NOW });

describe('copies', () => {
  it('given nothing, when a copy is added, then it is on the shelf with its barcode', () => {
    given([])
      .when(command('AddCopy', { ...ids, barcode: BARCODE, shelf: 'F DAH' }))
      .then([copyAdded()]);
  });

  it('given a copy, then adding it again is refused with copy-already-exists', () => {
    given([copyAdded()])
      .when(command('AddCopy', { ...ids, barcode: BARCODE, shelf: 'F DAH' }))
      .thenThrows('copy-already-exists');
  });

  it('given a copy on loan, when checked in with nobody waiting, then it is available again', () => {
    given([copyAdded(), lent()])
      .when(command('CheckInCopy', { loanId: LOAN, nextHold: null }))
      .then([checkedIn]);
  });

  it('given a copy on loan and a waiting hold, when checked in, then it goes to the hold shelf for that patron', () => {
    given([copyAdded(), lent()])
      .when(command('CheckInCopy', { loanId: LOAN, nextHold: { holdId: HOLD, patronId: OTHER_PATRON } }))
      .then([checkedIn, onHoldShelf()]);
  });

  it('given a copy on the shelf, then checking it in is refused with copy-not-on-loan', () => {
    given([copyAdded()])
      .when(command('CheckInCopy', { loanId: LOAN, nextHold: null }))
      .thenThrows('copy-not-on-loan');
  });

  it('given a copy on the hold shelf whose hold expired, when released, then it goes to the next hold', () => {
    given([copyAdded(), onHoldShelf()])
      .when(command('ReleaseCopyFromHoldShelf', { holdId: HOLD, nextHold: { holdId: OTHER_HOLD, patronId: PATRON } }))
      .then([
        libraries.copyReleasedFromHoldShelf({ ...ids, holdId: HOLD, releasedAt: NOW }),
        onHoldShelf(OTHER_HOLD, PATRON),
      ]);
  });

  it('given a copy held for another hold, then releasing it for this one is refused with copy-not-on-hold-shelf', () => {
    given([copyAdded(), onHoldShelf()])
      .when(command('ReleaseCopyFromHoldShelf', { holdId: OTHER_HOLD, nextHold: null }))
      .thenThrows('copy-not-on-hold-shelf');
  });
});

describe('rule: only an available copy is lent', () => {
  it('given an available copy, when lent, then CopyLent records the loan and the patron', () => {
    given([copyAdded()]).when(lend()).then([lent()]);
  });

  it.each([
    ['on loan', [lent(OTHER_PATRON)]],
    ['on the hold shelf for another patron', [onHoldShelf()]],
    ['damaged', [damaged]],
    ['lost', [libraries.copyMarkedLost({ ...ids, loanId: null, markedAt: NOW })]],
    ['withdrawn', [libraries.copyWithdrawn({ ...ids, reason: 'weeded', withdrawnAt: NOW })]],
  ])('given a copy %s, then lending it is refused with copy-not-available', (_, history) => {
    given([copyAdded(), ...history])
      .when(lend())
      .thenThrows('copy-not-available', { copyId: COPY });
  });

  it('given a copy on the hold shelf for this patron, then it is lent to them', () => {
    given([copyAdded(), onHoldShelf(HOLD, PATRON)])
      .when(lend())
      .then([lent()]);
  });

  it('given a copy nobody added, then it is refused with copy-not-found', () => {
    given([]).when(lend()).thenThrows('copy-not-found');
  });

  it('given 50 patrons racing for 3 copies from the same version, then the copy stream version lets 3 win and 47 get copy-not-available', () => {
    // An in-memory event store that appends only at the expected version, as the real one does.
    const streams: Record<string, CopyEvent[]> = Object.fromEntries(
      ['c1', 'c2', 'c3'].map((copyId) => [
        copyId,
        [libraries.copyAdded({ ...ids, copyId, barcode: copyId, shelf: 'A', addedAt: NOW })],
      ]),
    );
    const read = (copyId: string) => ({ version: streams[copyId].length, state: fold(copyDecider, streams[copyId]) });
    const append = (copyId: string, expectedVersion: number, events: CopyEvent[]) => {
      if (streams[copyId].length !== expectedVersion) return false;
      streams[copyId].push(...events);
      return true;
    };
    // Every patron read their copy while it was still available, before anyone appended.
    const attempts = Array.from({ length: 50 }, (_, i) => ({ patronId: `patron-${i}`, copyId: `c${(i % 3) + 1}` }));
    const reads = attempts.map((attempt) => ({ ...attempt, ...read(attempt.copyId) }));
    const outcomes = reads.map(({ patronId, copyId, version, state }) => {
      const lendIt = lend(patronId, `loan-${patronId}`);
      if (append(copyId, version, copyDecider.decide(lendIt, state))) return 'lent';
      try {
        // The conflict is retried: re-read, re-decide.
        const latest = read(copyId);
        return append(copyId, latest.version, copyDecider.decide(lendIt, latest.state)) ? 'lent' : 'conflict';
      } catch (error) {
        return (error as DomainError).code;
      }
    });
    expect(outcomes.filter((o) => o === 'lent')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'copy-not-available')).toHaveLength(47);
  });
});

describe('lost, damaged and withdrawn copies', () => {
  it('given a copy on loan, when lost through its loan, then CopyMarkedLost names the loan', () => {
    given([copyAdded(), lent()])
      .when(command('MarkCopyLost', { loanId: LOAN }))
      .then([libraries.copyMarkedLost({ ...ids, loanId: LOAN, markedAt: NOW })]);
  });

  it('given a copy on loan, then marking it lost without its loan is refused with copy-loan-mismatch', () => {
    given([copyAdded(), lent()])
      .when(command('MarkCopyLost', { loanId: null }))
      .thenThrows('copy-loan-mismatch');
  });

  it('given a copy missing from the shelf, when marked lost, then no loan is named', () => {
    given([copyAdded()])
      .when(command('MarkCopyLost', { loanId: null }))
      .then([libraries.copyMarkedLost({ ...ids, loanId: null, markedAt: NOW })]);
  });

  it('given a lost copy, then marking it lost again is refused with copy-already-lost', () => {
    given([copyAdded(), libraries.copyMarkedLost({ ...ids, loanId: null, markedAt: NOW })])
      .when(command('MarkCopyLost', { loanId: null }))
      .thenThrows('copy-already-lost');
  });

  it('given an available copy, when damaged then repaired, then it is back in circulation', () => {
    given([copyAdded()])
      .when(command('MarkCopyDamaged', { note: 'torn cover' }))
      .then([damaged]);
    given([copyAdded(), damaged])
      .when(command('RepairCopy', {}))
      .then([libraries.copyRepaired({ ...ids, repairedAt: NOW })]);
    given([copyAdded()]).when(command('RepairCopy', {})).thenThrows('copy-not-damaged');
  });

  it('given a copy on loan, then it cannot be marked damaged before it is checked in', () => {
    given([copyAdded(), lent()])
      .when(command('MarkCopyDamaged', { note: '' }))
      .thenThrows('copy-not-on-shelf');
  });

  it('given a damaged copy, when withdrawn, then it leaves the collection; a copy in circulation cannot', () => {
    given([copyAdded(), damaged])
      .when(command('WithdrawCopy', { reason: 'beyond repair' }))
      .then([libraries.copyWithdrawn({ ...ids, reason: 'beyond repair', withdrawnAt: NOW })]);
    given([copyAdded(), lent()])
      .when(command('WithdrawCopy', { reason: '' }))
      .thenThrows('copy-in-circulation');
  });
});
