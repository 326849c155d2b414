import type { CommonOptions } from '@hexfleet/platform';

/** What the Pipeline service is composed with: the platform's common options (it has no settings of its own yet). */
export type PipelineOptions = CommonOptions;

/** Reads the service's own variables: none yet. */
export function pipelineEnv(_env: NodeJS.ProcessEnv): Omit<PipelineOptions, keyof CommonOptions> {
  return {};
}
