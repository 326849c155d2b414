import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { hrms } from '@hexfleet/schemas';
import type { Command } from './command';
import { requireText } from './dates';

/** Stream `<tenant>/job-opening/<jobOpeningId>`, topic hrms.job-opening.v1. */
export type JobOpeningEvent = hrms.HrmsJobOpeningV1Event;
type Opening = Omit<hrms.JobOpeningCreatedData, 'createdAt'>;

export type JobOpeningState =
  | { status: 'none' }
  | { status: 'pending'; opening: Opening }
  | { status: 'approved'; opening: Opening }
  | { status: 'closed'; opening: Opening };

/** `requestedBy` is the hiring manager's employee id. */
export type CreateJobOpening = Command<'CreateJobOpening', Omit<hrms.JobOpeningCreatedInput, 'createdAt'>>;
/** `approvedBy` is the approver's employee id: not the one who asked. */
export type ApproveJobOpening = Command<'ApproveJobOpening', { approvedBy: string }>;
export type CloseJobOpening = Command<'CloseJobOpening', { closedBy: string; reason?: string }>;
export type JobOpeningCommand = CreateJobOpening | ApproveJobOpening | CloseJobOpening;

function create({ data, metadata }: CreateJobOpening): JobOpeningEvent[] {
  if (!Number.isInteger(data.positions) || data.positions < 1)
    throw new DomainError('invalid-positions', { positions: data.positions });
  return [
    hrms.jobOpeningCreated({
      jobOpeningId: data.jobOpeningId,
      title: requireText(data.title, 'title'),
      department: requireText(data.department, 'department'),
      designation: requireText(data.designation, 'designation'),
      positions: data.positions,
      description: data.description ?? '',
      requestedBy: data.requestedBy,
      createdAt: metadata.now,
    }),
  ];
}

function decide(command: JobOpeningCommand, state: JobOpeningState): JobOpeningEvent[] {
  if (command.type === 'CreateJobOpening') {
    if (state.status !== 'none') throw new DomainError('job-opening-exists');
    return create(command);
  }
  if (state.status === 'none') throw new DomainError('job-opening-not-found');
  switch (command.type) {
    case 'ApproveJobOpening': {
      if (state.status !== 'pending') throw new DomainError('job-opening-not-pending', { status: state.status });
      if (command.data.approvedBy === state.opening.requestedBy) throw new DomainError('self-approval-not-allowed');
      return [
        hrms.jobOpeningApproved({
          ...state.opening,
          approvedBy: command.data.approvedBy,
          approvedAt: command.metadata.now,
        }),
      ];
    }
    case 'CloseJobOpening':
      if (state.status === 'closed') throw new DomainError('job-opening-already-closed');
      return [
        hrms.jobOpeningClosed({
          jobOpeningId: state.opening.jobOpeningId,
          reason: command.data.reason ?? '',
          closedBy: command.data.closedBy,
          closedAt: command.metadata.now,
        }),
      ];
    default:
      return assertNever(command);
  }
}

function evolve(state: JobOpeningState, event: JobOpeningEvent): JobOpeningState {
  switch (event.type) {
    case 'JobOpeningCreated': {
      const { createdAt: _createdAt, ...opening } = event.data;
      return { status: 'pending', opening };
    }
    case 'JobOpeningApproved':
      return state.status === 'none' ? state : { status: 'approved', opening: state.opening };
    case 'JobOpeningClosed':
      return state.status === 'none' ? state : { status: 'closed', opening: state.opening };
    default:
      return assertNever(event);
  }
}

export const jobOpeningDecider: Decider<JobOpeningCommand, JobOpeningEvent, JobOpeningState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
