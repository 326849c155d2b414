import { hrms } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { fold } from '@hexfleet/kernel';
import { holidayDates, holidayListDecider, leaveTypeDecider, type PublishHolidayList } from '../../src/domain';
import { metadata, NOW } from './builders';

describe('leave types', () => {
  const given = deciderSpec(leaveTypeDecider);
  const define = {
    type: 'DefineLeaveType',
    data: { leaveTypeId: 'lt-unpaid', name: 'Leave Without Pay', unpaid: true },
    metadata,
  } as const;
  const defined = hrms.leaveTypeDefined({
    leaveTypeId: 'lt-unpaid',
    name: 'Leave Without Pay',
    unpaid: true,
    definedAt: NOW,
  });

  it('defines a paid or unpaid type, once', () => {
    given([]).when(define).then([defined]);
    given([defined]).when(define).thenThrows('leave-type-exists');
  });

  it('needs a name', () => {
    given([])
      .when({ ...define, data: { ...define.data, name: '' } })
      .thenThrows('field-required');
  });
});

describe('holiday lists', () => {
  const given = deciderSpec(holidayListDecider);
  const publish = (holidays: PublishHolidayList['data']['holidays'], toDate = '2026-12-31'): PublishHolidayList => ({
    type: 'PublishHolidayList',
    data: { holidayListId: 'hl-2026', name: 'Head office 2026', fromDate: '2026-01-01', toDate, holidays },
    metadata,
  });
  const published = hrms.holidayListPublished({
    holidayListId: 'hl-2026',
    name: 'Head office 2026',
    fromDate: '2026-01-01',
    toDate: '2026-12-31',
    holidays: [
      { date: '2026-01-01', description: 'New Year' },
      { date: '2026-03-10', description: '' },
    ],
    publishedAt: NOW,
  });

  it('publishes the holidays sorted by date', () => {
    given([])
      .when(publish([{ date: '2026-03-10' }, { date: '2026-01-01', description: 'New Year' }]))
      .then([published]);
  });

  it('refuses a holiday outside the list, twice the same day, or a list that ends before it starts', () => {
    given([])
      .when(publish([{ date: '2027-01-01' }]))
      .thenThrows('holiday-outside-list');
    given([])
      .when(publish([{ date: '2026-03-10' }, { date: '2026-03-10' }]))
      .thenThrows('duplicate-holiday');
    given([]).when(publish([], '2025-12-31')).thenThrows('holiday-list-ends-before-start');
    given([published]).when(publish([])).thenThrows('holiday-list-exists');
  });

  it('a revision replaces the whole set', () => {
    const revise = {
      type: 'ReviseHolidayList',
      data: { holidays: [{ date: '2026-05-01', description: 'Labour Day' }] },
      metadata,
    } as const;
    const revised = hrms.holidayListRevised({
      holidayListId: 'hl-2026',
      holidays: [{ date: '2026-05-01', description: 'Labour Day' }],
      revisedAt: NOW,
    });
    given([published]).when(revise).then([revised]);
    given([]).when(revise).thenThrows('holiday-list-not-found');
    expect(holidayDates(fold(holidayListDecider, [published, revised]))).toEqual(['2026-05-01']);
  });
});
