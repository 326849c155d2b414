import { Module } from '@nestjs/common';
import { commonOptions, Later, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { chat, hrms, identity, TOPIC_CATALOG } from '@hexfleet/schemas';
import { ActivityController } from './adapters/in/activity.http.controller';
import { ChannelsController } from './adapters/in/channels.http.controller';
import { MessagesController } from './adapters/in/messages.http.controller';
import { KafkaActivity } from './adapters/out/activity/kafka-activity.adapter';
import { PostgresChatReadModel } from './adapters/out/channels/chat-read-model.adapter';
import { channels } from './adapters/out/channels/channels.projection';
import { PostgresDirectory } from './adapters/out/directory/directory.adapter';
import { directory } from './adapters/out/directory/directory.projection';
import { ActivityCommandHandler } from './application/activity.command-handler';
import { ACTIVITY } from './application/activity.port';
import { ChannelsCommandHandler } from './application/channels.command-handler';
import { ChannelsQueryHandler } from './application/channels.query-handler';
import { CHAT_READ_MODEL } from './application/chat-read-model.port';
import { CHAT_SETTINGS } from './application/chat-settings';
import type { ChatSettings } from './application/chat-settings';
import { DIRECTORY } from './application/directory.port';
import { PeopleCommandHandler } from './application/people.command-handler';
import { peoplePolicy } from './application/people.policy';
import { PostingRate } from './application/posting-rate';
import { PostgresPostingRate } from './adapters/out/posting-rate/postgres-posting-rate.adapter';
import { chatEnv } from './chat.config';
import type { ChatOptions } from './chat.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE = [
  'invalid-channel-name',
  'message-too-long',
  'empty-message',
  'invalid-emoji',
  'direct-needs-two-people',
  'group-size',
  'read-only-conversation',
  'unknown-thread-parent',
  'unknown-user',
  'position-out-of-range',
];

/**
 * The Chat service: its definition for the platform and its Nest module, built
 * together because the read models' running names (which queries wait on), the clock
 * and the id generator are choices of one composition.
 */
export function createChat(
  overrides: Partial<ChatOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: ChatOptions = { ...commonOptions('chat', env), ...chatEnv(env), ...overrides };
  const readModels = named({ channels, directory }, options.projectionSuffix);
  // The policy is listed before Nest builds the handler it calls: the module hands it over.
  const people = new Later<PeopleCommandHandler>('PeopleCommandHandler');
  const settings: ChatSettings = {
    defaultPageSize: options.defaultPageSize,
    editWindowSeconds: options.editWindowSeconds,
    postsPerMinute: options.postsPerMinute,
    cachedChannels: options.cachedChannels,
    readModels: { channels: readModels.channels.name, directory: readModels.directory.name },
  };
  const definition: ServiceDefinition = {
    name: 'chat',
    source: '/business/chat',
    description:
      'Chat: public and private channels, direct and group conversations, threads, mentions, reactions, read markers, search.',
    // HRMS's and identity's contracts too: the policy and the directory decode their events.
    contracts: [...chat.contracts, ...hrms.contracts, ...identity.contracts],
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'chat'),
    projections: Object.values(readModels),
    policies: [peoplePolicy(people, options.projectionSuffix)],
    clock: options.clock,
    ids: options.ids,
    unprocessable: UNPROCESSABLE,
    // A channel of another tenant, or a private one the caller is not in, looks like one that never existed.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [ChannelsController, MessagesController, ActivityController],
    providers: [
      { provide: CHAT_SETTINGS, useValue: settings },
      { provide: CHAT_READ_MODEL, useClass: PostgresChatReadModel },
      { provide: DIRECTORY, useClass: PostgresDirectory },
      { provide: ACTIVITY, useClass: KafkaActivity },
      ActivityCommandHandler,
      ChannelsCommandHandler,
      ChannelsQueryHandler,
      PeopleCommandHandler,
      { provide: PostingRate, useClass: PostgresPostingRate },
    ],
  })
  class ChatModule {
    constructor(peopleHandler: PeopleCommandHandler) {
      people.set(peopleHandler);
    }
  }

  return { definition, module: ChatModule };
}
