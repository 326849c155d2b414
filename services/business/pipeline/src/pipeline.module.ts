import { Module } from '@nestjs/common';
import { commonOptions, Later, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { hrms, identity, pipeline, TOPIC_CATALOG } from '@hexfleet/schemas';
import { CardsController } from './adapters/in/cards.http.controller';
import { PipelinesController } from './adapters/in/pipelines.http.controller';
import { PostgresBoards } from './adapters/out/boards/boards.adapter';
import { boards } from './adapters/out/boards/boards.projection';
import { BOARDS } from './application/boards.port';
import { BoardsQueryHandler } from './application/boards.query-handler';
import { CardCommandHandler } from './application/card.command-handler';
import { OwnersCommandHandler } from './application/owners.command-handler';
import { PIPELINE_SETTINGS } from './application/pipeline-settings';
import type { PipelineSettings } from './application/pipeline-settings';
import { PipelineCommandHandler } from './application/pipeline.command-handler';
import { hrmsPolicy, identityPolicy } from './application/policies';
import { pipelineEnv } from './pipeline.config';
import type { PipelineOptions } from './pipeline.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE = [
  'stage-not-in-pipeline',
  'stage-closes-card',
  'reason-required',
  'invalid-probability',
  'invalid-stages',
  'invalid-rank',
  'invalid-placement',
  'invalid-email',
  'invalid-amount',
  'invalid-currency',
  'invalid-date',
  'invalid-instant',
  'invalid-text',
  'invalid-activity-kind',
  'invalid-pipeline-name',
  'invalid-pipeline-kind',
  'wrong-pipeline-kind',
  'owner-not-a-user',
  'probability-is-for-deals',
  'hire-through-hiring',
  'not-a-candidate',
  'stage-outcome-fixed',
];

/**
 * The Pipeline service: its definition for the platform and its Nest module, built
 * together because the read models' running names (which queries wait on), the clock
 * and the id generator are choices of one composition.
 */
export function createPipeline(
  overrides: Partial<PipelineOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: PipelineOptions = { ...commonOptions('pipeline', env), ...pipelineEnv(env), ...overrides };
  const readModels = named({ boards }, options.projectionSuffix);
  const settings: PipelineSettings = { readModels: { boards: readModels.boards.name } };
  const pipelines = new Later<PipelineCommandHandler>('PipelineCommandHandler');
  const owners = new Later<OwnersCommandHandler>('OwnersCommandHandler');
  const definition: ServiceDefinition = {
    name: 'pipeline',
    source: '/business/pipeline',
    description: 'Pipeline: the stage engine of recruitment (candidates per job opening) and sales (deals).',
    // HRMS's and identity's contracts only to read the events the policies react to.
    contracts: [...pipeline.contracts, ...hrms.contracts, ...identity.contracts],
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'pipeline'),
    projections: Object.values(readModels),
    policies: [
      hrmsPolicy({ pipelines, owners }, options.projectionSuffix),
      identityPolicy(owners, options.projectionSuffix),
    ],
    clock: options.clock,
    ids: options.ids,
    unprocessable: UNPROCESSABLE,
    // A card or pipeline of another tenant looks like one that never existed.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [PipelinesController, CardsController],
    providers: [
      { provide: PIPELINE_SETTINGS, useValue: settings },
      { provide: BOARDS, useClass: PostgresBoards },
      PipelineCommandHandler,
      CardCommandHandler,
      OwnersCommandHandler,
      BoardsQueryHandler,
    ],
  })
  class PipelineModule {
    constructor(pipelineHandler: PipelineCommandHandler, ownersHandler: OwnersCommandHandler) {
      pipelines.set(pipelineHandler);
      owners.set(ownersHandler);
    }
  }

  return { definition, module: PipelineModule };
}
