import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { asyncApiHtml, publishedAsyncApi } from '@hexfleet/schemas';
import type { AsyncApiDocument } from '@hexfleet/schemas';
import type { GatewayEnv } from './config';

type AsyncApiEnv = Pick<
  GatewayEnv,
  | 'KAFKA_BROKERS'
  | 'SCHEMA_REGISTRY_URL'
  | 'ASYNCAPI_KAFKA_BOOTSTRAP'
  | 'ASYNCAPI_KAFKA_PROTOCOL'
  | 'ASYNCAPI_SCHEMA_REGISTRY_URL'
>;

/**
 * The published AsyncAPI document (public topics only, generated and validated at build time)
 * with this deployment's Kafka and schema registry as its one server, in place of the devstack's.
 */
export function deployedAsyncApi(env: AsyncApiEnv): AsyncApiDocument {
  const published = publishedAsyncApi();
  const [devstack] = Object.values(published.servers);
  return {
    ...published,
    servers: {
      hexfleet: {
        host: env.ASYNCAPI_KAFKA_BOOTSTRAP ?? env.KAFKA_BROKERS.join(','),
        protocol: env.ASYNCAPI_KAFKA_PROTOCOL,
        description:
          'The Kafka of this deployment (its bootstrap servers) and its Confluent-compatible schema registry. ' +
          'Reading needs an account the operators give, with read rights on the public topics only.',
        bindings: {
          kafka: {
            schemaRegistryUrl: env.ASYNCAPI_SCHEMA_REGISTRY_URL ?? env.SCHEMA_REGISTRY_URL,
            schemaRegistryVendor: 'confluent',
            bindingVersion: devstack?.bindings.kafka.bindingVersion ?? '0.5.0',
          },
        },
      },
    },
  };
}

const HEADER = '# The Hexfleet gateway serves this from schemas/asyncapi.yaml, with its own servers.\n';

/**
 * `/asyncapi.yaml` and its page for people at `/asyncapi`: public (no token), like identity's
 * well-known routes; both rendered once, at start.
 */
export function registerAsyncApi(fastify: FastifyInstance, env: AsyncApiEnv): void {
  const document = deployedAsyncApi(env);
  const yaml = HEADER + stringify(document, { lineWidth: 0 });
  const html = asyncApiHtml(document);
  const cache = 'public, max-age=300';
  fastify.get('/asyncapi.yaml', async (_request, reply) =>
    reply.header('content-type', 'application/yaml; charset=utf-8').header('cache-control', cache).send(yaml),
  );
  fastify.get('/asyncapi', async (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', cache)
      // A static page: its own inline style, no script, nothing fetched.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(html),
  );
}
