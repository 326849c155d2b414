import type { hrms, libraries, payroll } from '@hexfleet/schemas';

/**
 * Who a notice is for, as the event says it: an employee, the approver of an employee's leave
 * (their manager), or a library patron. The address, the name, the language and the user behind
 * it come from the directory when the notice is delivered (docs/adr/0079).
 */
export type Recipient =
  { role: 'employee'; id: string } | { role: 'manager-of'; id: string } | { role: 'patron'; id: string };

/** What a person is told about; each kind has its templates (templates.ts). */
export type NoticeKind =
  | 'leave-requested'
  | 'leave-approved'
  | 'leave-rejected'
  | 'payslip-issued'
  | 'hold-ready'
  | 'loan-overdue'
  | 'fine-assessed';

/** The kinds a preference can name together (a user's channel per category, later). */
export type NoticeCategory = 'leave' | 'payroll' | 'library';

export const CATEGORY: Record<NoticeKind, NoticeCategory> = {
  'leave-requested': 'leave',
  'leave-approved': 'leave',
  'leave-rejected': 'leave',
  'payslip-issued': 'payroll',
  'hold-ready': 'library',
  'loan-overdue': 'library',
  'fine-assessed': 'library',
};

/** The template variables: the event's facts, as text or numbers; names are looked up when rendering. */
export type NoticeParams = Record<string, string | number>;

/** One thing to tell one recipient, on every channel they get it (email and the in-app inbox). */
export interface Notice {
  kind: NoticeKind;
  recipient: Recipient;
  params: NoticeParams;
  /** When it happened (the event's own instant), the inbox's order. */
  at: string;
}

/** The channels every notice goes out on today; preferences choose among them later. */
export const CHANNELS = ['email', 'in-app'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The stable key of a recipient, part of the exactly-once key (event, recipient, channel). */
export const recipientKey = (recipient: Recipient) => `${recipient.role}:${recipient.id}`;

type LeaveEvent = Extract<hrms.HrmsLeaveRequestV1Event, { type: 'LeaveRequested' | 'LeaveApproved' | 'LeaveRejected' }>;

/** HRMS's leave decisions: the approver hears of a request, the employee of the answer. */
export function leaveNotices(event: LeaveEvent): Notice[] {
  const { employeeId, fromDate, toDate, totalDays } = event.data;
  const dates = { employeeId, fromDate, toDate, totalDays };
  switch (event.type) {
    case 'LeaveRequested':
      return [
        {
          kind: 'leave-requested',
          recipient: { role: 'manager-of', id: employeeId },
          params: { ...dates, reason: event.data.reason },
          at: event.data.requestedAt,
        },
      ];
    case 'LeaveApproved':
      return [
        {
          kind: 'leave-approved',
          recipient: { role: 'employee', id: employeeId },
          params: dates,
          at: event.data.approvedAt,
        },
      ];
    case 'LeaveRejected':
      return [
        {
          kind: 'leave-rejected',
          recipient: { role: 'employee', id: employeeId },
          params: { ...dates, reason: event.data.reason },
          at: event.data.rejectedAt,
        },
      ];
  }
}

/** The payslip an employee has in a draft run, kept until the run is finalized. */
export interface DraftPayslip {
  payslipId: string;
  employeeId: string;
  period: string;
  netMinor: number;
  currency: string;
}

export const draftPayslip = ({ data }: Pick<payroll.PayslipGenerated, 'data'>): DraftPayslip => ({
  payslipId: data.payslipId,
  employeeId: data.employeeId,
  period: data.period,
  netMinor: Number(data.netMinor),
  currency: data.currency,
});

/** A payslip is issued when its run is finalized (a draft may still be replaced): one notice per payslip. */
export function payslipNotices(payslips: readonly DraftPayslip[], finalizedAt: string): Notice[] {
  return payslips.map((p) => ({
    kind: 'payslip-issued',
    recipient: { role: 'employee', id: p.employeeId },
    params: { payslipId: p.payslipId, period: p.period, netMinor: p.netMinor, currency: p.currency },
    at: finalizedAt,
  }));
}

type LibraryEvent =
  | Extract<libraries.LibrariesTitleV1Event, { type: 'HoldReadyForPickup' }>
  | Extract<libraries.LibrariesLoanV1Event, { type: 'LoanOverdue' | 'FineAssessed' }>;

/** Libraries' patron notices; `title` is the catalogued title's name when known. */
export function libraryNotices(event: LibraryEvent, title: string): Notice[] {
  const patron: Recipient = { role: 'patron', id: event.data.patronId };
  switch (event.type) {
    case 'HoldReadyForPickup':
      return [
        {
          kind: 'hold-ready',
          recipient: patron,
          params: { title, barcode: event.data.barcode, pickupBy: event.data.pickupBy },
          at: event.data.readyAt,
        },
      ];
    case 'LoanOverdue':
      return [
        {
          kind: 'loan-overdue',
          recipient: patron,
          params: {
            title,
            dueDate: event.data.dueDate,
            daysOverdue: event.data.daysOverdue,
            accruedFineMinor: Number(event.data.accruedFineMinor),
            currency: event.data.currency,
          },
          at: event.data.detectedAt,
        },
      ];
    case 'FineAssessed':
      return [
        {
          kind: 'fine-assessed',
          recipient: patron,
          params: {
            amountMinor: Number(event.data.amountMinor),
            currency: event.data.currency,
            reason: event.data.reason,
            daysLate: event.data.daysLate,
          },
          at: event.data.assessedAt,
        },
      ];
  }
}
