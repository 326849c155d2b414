import { hrms } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { type CreateJobOpening, jobOpeningDecider } from '../../src/domain';
import { BOB, jobOpeningCreated, metadata, NOW } from './builders';

const given = deciderSpec(jobOpeningDecider);
const create = (positions = 1): CreateJobOpening => ({
  type: 'CreateJobOpening',
  data: {
    jobOpeningId: 'job-1',
    title: 'Accountant',
    department: 'Finance',
    designation: 'Accountant',
    positions,
    requestedBy: BOB,
  },
  metadata,
});
const approve = { type: 'ApproveJobOpening', data: { approvedBy: 'emp-carol' }, metadata } as const;
const close = { type: 'CloseJobOpening', data: { closedBy: 'user-hr', reason: 'filled' }, metadata } as const;
const { createdAt: _createdAt, ...opening } = jobOpeningCreated().data;
const approved = hrms.jobOpeningApproved({
  ...opening,
  approvedBy: 'emp-carol',
  approvedAt: NOW,
});
const closed = hrms.jobOpeningClosed({ jobOpeningId: 'job-1', reason: 'filled', closedBy: 'user-hr', closedAt: NOW });

describe('job openings', () => {
  it('a manager creates an opening', () => {
    given([]).when(create()).then([jobOpeningCreated()]);
  });

  it('asks for at least one position, once', () => {
    given([]).when(create(0)).thenThrows('invalid-positions');
    given([jobOpeningCreated()]).when(create()).thenThrows('job-opening-exists');
  });

  it('approval carries the whole opening for Pipeline', () => {
    given([jobOpeningCreated()]).when(approve).then([approved]);
  });

  it('only a pending opening is approved', () => {
    given([jobOpeningCreated(), approved]).when(approve).thenThrows('job-opening-not-pending');
    given([]).when(approve).thenThrows('job-opening-not-found');
  });

  it('an opening closes once', () => {
    given([jobOpeningCreated(), approved]).when(close).then([closed]);
    given([jobOpeningCreated(), closed]).when(close).thenThrows('job-opening-already-closed');
  });
});
