/** The DI token of the service's settings, chosen once by its composition root. */
export const PIPELINE_SETTINGS = Symbol('PipelineSettings');

export interface PipelineSettings {
  /** Each read model's running name (with the deployment's suffix): what a query awaits a consistency token on. */
  readModels: { boards: string };
}
