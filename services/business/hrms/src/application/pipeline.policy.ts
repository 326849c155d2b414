import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { pipeline } from '@hexfleet/schemas';
import type { CandidateHiresCommandHandler } from './candidate-hires.command-handler';

type PipelineFacts =
  | Extract<pipeline.PipelineCandidateV1Event, { type: 'CandidateHired' }>
  | Extract<pipeline.PipelinePipelineV1Event, { type: 'JobOpeningFilled' }>;

/** Pipeline -> HRMS: CandidateHired creates the employee, pre-filled (flow 1); JobOpeningFilled closes the opening; the rest passes by. */
export function pipelinePolicy(hires: Later<CandidateHiresCommandHandler>, suffix = ''): Policy {
  const name = `hrms-pipeline${suffix}`;
  return policy<PipelineFacts>({
    name,
    topics: ['pipeline.candidate.v1', 'pipeline.pipeline.v1'],
    on: {
      CandidateHired: (event) => hires.get().hired({ name }, event),
      JobOpeningFilled: (event) => hires.get().filled({ name }, event),
    },
  });
}
