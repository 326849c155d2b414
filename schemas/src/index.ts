// @hexfleet/schemas: Avro contracts and the topic catalog that services import.
// The dev schema registry is a separate entry point (./registry), so importing
// contracts never loads its HTTP server or Kafka client.
export type { TopicSpec } from './catalog/topic-spec';
export { TOPIC_CATALOG } from './catalog/topics';
