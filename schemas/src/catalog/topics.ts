import type { TopicSpec } from './topic-spec';

/**
 * Every event topic of the fleet. Each product module adds its topics here with
 * the service that publishes them; the AsyncAPI document is generated from it.
 */
export const TOPIC_CATALOG: readonly TopicSpec[] = [];
