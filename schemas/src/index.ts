// @hexfleet/schemas: Avro contracts and the topic catalog that services import.
// The dev schema registry is a separate entry point (./registry), and the
// contract pipeline (./pipeline: codegen, compatibility gate, AsyncAPI) is
// build-time tooling, so importing contracts loads neither. The published
// AsyncAPI document and its HTML rendering (./asyncapi) are what the gateway serves.
export type { TopicSpec, TopicVisibility } from './catalog/topic-spec';
export { isPublicTopic } from './catalog/topic-spec';
export { TOPIC_CATALOG } from './catalog/topics';
export { BUSINESS_ROLES, isRole, ROLES, SCHOOL_ROLES } from './catalog/roles';
export type { BusinessRole, Role, SchoolRole } from './catalog/roles';
export type { AvroRecordSchema, EventContract } from './contracts/event-contract';
export { eventTypeOf } from './contracts/event-contract';
export * from './contracts';
export * as views from './views';
export type { AsyncApiDocument, AsyncApiServer } from './asyncapi/asyncapi-document.types';
export { asyncApiHtml } from './asyncapi/asyncapi-html';
export { publishedAsyncApi } from './asyncapi/published-asyncapi';
