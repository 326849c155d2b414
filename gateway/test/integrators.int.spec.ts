import { randomBytes, randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { parse } from 'yaml';
import { callService, eventually, readTopicUntil, stackEnv, uniqueName } from '@hexfleet/testing';
import { isPublicTopic, TOPIC_CATALOG } from '@hexfleet/schemas';
import type { AsyncApiDocument } from '@hexfleet/schemas';
import { Fleet, startFleet, subscriptionClient } from './support/fleet';
import { ExampleRun, runJavaExample, runPythonExample } from './support/integrator-examples';

const INTERNAL = TOPIC_CATALOG.filter((t) => !isPublicTopic(t));
const PUBLIC_BOOTSTRAP = 'kafka.hexfleet.test:9093';
const tenant = () => `int${randomBytes(4).toString('hex')}`;

const hire = (firstName: string) => ({
  firstName,
  lastName: 'Integrator',
  workEmail: `${firstName.toLowerCase()}.${randomUUID().slice(0, 8)}@example.com`,
  joiningDate: '2026-01-05',
  department: 'Engineering',
  designation: 'Engineer',
  employmentType: 'full-time',
});

const header = (record: KafkaMessage, name: string) => record.headers?.[name]?.toString();

interface Received {
  topic: string;
  type: string;
  subject: string;
}

/**
 * What an outside team gets (docs/integrators.md): the AsyncAPI document from the gateway, public
 * topics only, and the Python and Java examples reading a real event from Kafka. HRMS publishes
 * EmployeeHired (public); profile notes it on profile.employee-link.v1 (internal).
 */
describe('integrators: the AsyncAPI document, public topics only, and the runnable examples', () => {
  let fleet: Fleet;

  beforeAll(async () => {
    fleet = await startFleet(
      { hrms: 'services/business/hrms', profile: 'services/shared/profile' },
      { ASYNCAPI_KAFKA_BOOTSTRAP: PUBLIC_BOOTSTRAP },
    );
  });
  afterAll(() => fleet?.stop());

  const hireIn = async (tenantId: string, firstName: string) => {
    const token = await fleet.issuer.mint({ tenant: tenantId, roles: ['hr'] });
    const reply = await callService(fleet.url, 'POST', '/api/v1/hrms/employees', { token, body: hire(firstName) });
    if (reply.status !== 201) throw new Error(`hire: ${reply.status} ${JSON.stringify(reply.body)}`);
    return String((reply.body as { employeeId: string }).employeeId);
  };

  it('serves /asyncapi.yaml and its page without a token: public topics only, Kafka from its configuration', async () => {
    const yaml = await fetch(`${fleet.url}/asyncapi.yaml`);
    expect([yaml.status, yaml.headers.get('content-type')]).toEqual([200, 'application/yaml; charset=utf-8']);
    const document = parse(await yaml.text()) as AsyncApiDocument;
    expect(document.servers.hexfleet).toMatchObject({
      host: PUBLIC_BOOTSTRAP,
      protocol: 'kafka',
      bindings: { kafka: { schemaRegistryUrl: stackEnv('SCHEMA_REGISTRY_URL') } },
    });
    expect(Object.keys(document.channels).sort()).toEqual(
      TOPIC_CATALOG.filter(isPublicTopic)
        .map((t) => t.name)
        .sort(),
    );

    const page = await fetch(`${fleet.url}/asyncapi`);
    const html = await page.text();
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(html).toContain('id="hrms.employee.v1"');
    expect(html).toContain(PUBLIC_BOOTSTRAP);
    expect(html).not.toContain('<script');
    for (const topic of INTERNAL) expect(html).not.toContain(`id="${topic.name}"`);
    console.log(
      `/asyncapi.yaml: ${Object.keys(document.channels).length} public topics; /asyncapi: ${html.length} bytes`,
    );
  });

  it('never gives a domainEvents subscriber a record of an internal topic', async () => {
    const tenantId = tenant();
    const client = subscriptionClient(fleet.url, await fleet.issuer.mint({ tenant: tenantId, roles: ['hr'] }));
    const everything: Received[] = [];
    const askedForInternal: Received[] = [];
    const listen = (query: string, into: Received[]) =>
      client.subscribe<{ domainEvents: Received }>(
        { query },
        {
          next: ({ data }) => data && into.push(data.domainEvents),
          error: (error) => into.push({ topic: 'error', type: JSON.stringify(error), subject: '' }),
          complete: () => undefined,
        },
      );
    const internalNames = JSON.stringify(INTERNAL.map((t) => t.name));
    const stops = [
      listen(`subscription { domainEvents { topic type subject } }`, everything),
      listen(`subscription { domainEvents(topics: ${internalNames}) { topic type subject } }`, askedForInternal),
    ];
    try {
      // Subscribing is asynchronous: hire until a hire arrives, so the subscriptions are surely in place.
      const hired: string[] = [];
      await eventually(
        async () => {
          if (hired.some((id) => everything.some((e) => e.subject === id))) return true;
          hired.push(await hireIn(tenantId, 'Linked'));
          return false;
        },
        { timeoutMs: 30_000, pollMs: 1_000, what: 'a hire on the subscription' },
      );
      // Profile wrote each hire to its internal topic: the records were there to leak.
      const links = await readTopicUntil(
        'profile.employee-link.v1',
        (records) =>
          hired.every((id) => records.some((r) => header(r, 'tenant') === tenantId && header(r, 'ce_subject') === id)),
        { timeoutMs: 30_000 },
      );
      // Not a fixed wait: a hire made now, after those internal records were on Kafka, reaching the
      // subscriber says the gateway has read past them; had it forwarded them, they would be in by now.
      const marker = await hireIn(tenantId, 'Marker');
      await eventually(async () => everything.some((e) => e.subject === marker), {
        timeoutMs: 30_000,
        what: 'the marker hire on the subscription',
      });
      const linked = links.filter((r) => header(r, 'tenant') === tenantId).map((r) => header(r, 'ce_type'));
      console.log(
        `domainEvents: ${everything.length} events (${[...new Set(everything.map((e) => e.topic))].join(', ')}); ` +
          `profile.employee-link.v1 got ${linked.length} (${[...new Set(linked)].join(', ')})`,
      );
      expect(linked).toContain('hexfleet.profile.employeelink.EmployeePlacementNoted');
      const internalTypes = INTERNAL.flatMap((t) => t.eventTypes);
      expect(
        everything.filter((e) => INTERNAL.some((t) => t.name === e.topic) || internalTypes.includes(e.type)),
      ).toEqual([]);
      expect(everything.map((e) => e.topic)).toContain('hrms.employee.v1');
      expect(askedForInternal).toEqual([]);
    } finally {
      stops.forEach((stop) => stop());
      await client.dispose();
    }
  });

  describe('the examples of docs/integrators.md read a hired employee from hrms.employee.v1', () => {
    const tenantId = tenant();
    let employeeId: string;
    const example = (language: string): ExampleRun => ({
      bootstrap: stackEnv('KAFKA_BROKERS'),
      registry: stackEnv('SCHEMA_REGISTRY_URL'),
      topic: 'hrms.employee.v1',
      group: uniqueName(`integrator-${language}`),
      tenant: tenantId,
      maxEvents: 1,
      timeoutSeconds: 60,
    });
    const expectTheHire = (events: Awaited<ReturnType<typeof runPythonExample>>) => {
      expect(events).toEqual([
        expect.objectContaining({
          topic: 'hrms.employee.v1',
          key: `${tenantId}:${employeeId}`,
          type: 'hexfleet.hrms.employee.EmployeeHired',
          subject: employeeId,
          tenant: tenantId,
          stream_id: `${tenantId}/employee/${employeeId}`,
          stream_version: 1,
          data: expect.objectContaining({ employeeId, firstName: 'Grace', department: 'Engineering', managerId: null }),
        }),
      ]);
    };

    beforeAll(async () => {
      employeeId = await hireIn(tenantId, 'Grace');
    });

    it('in Python, with confluent-kafka and its AvroDeserializer', async () => {
      const started = performance.now();
      const events = await runPythonExample(example('python'), (line) => console.log(line));
      console.log(`Python example: ${JSON.stringify(events[0])} (${Math.round(performance.now() - started)} ms)`);
      expectTheHire(events);
    }, 420_000);

    it('in Java, with kafka-clients and Apache Avro against the registry', async () => {
      const started = performance.now();
      const events = await runJavaExample(example('java'));
      console.log(`Java example: ${JSON.stringify(events[0])} (${Math.round(performance.now() - started)} ms)`);
      expectTheHire(events);
    }, 420_000);
  });
});
