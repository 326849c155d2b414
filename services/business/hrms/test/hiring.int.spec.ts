import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { eventually, redeliver, stackEnv, uniqueName } from '@hexfleet/testing';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { hrmsWithPayroll, storedEvents } from './support/service-harness';

const tenantName = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;
const hire = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  workEmail: 'ada@example.com',
  joiningDate: '2026-03-02',
  department: 'Engineering',
  designation: 'Software Engineer',
  employmentType: 'full-time',
};

/** An integrator's consumer: plain kafkajs and the Confluent registry client, nothing of Hexfleet. */
async function findRecord(kafka: Kafka, topic: string, key: string): Promise<KafkaMessage> {
  const consumer = kafka.consumer({ groupId: uniqueName('integrator') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no record ${key} on ${topic}`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() !== key) return;
          clearTimeout(timer);
          resolve(message);
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

describe('hiring through HRMS reaches payroll through Kafka only', () => {
  const services = hrmsWithPayroll('hire');
  const kafka = new Kafka({
    clientId: 'integrator',
    brokers: stackEnv('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  });

  it('publishes EmployeeHired that an outside consumer decodes, and payroll enrols the employee once', async () => {
    const { issuer, local: hrms, built: payroll } = services;
    const tenant = tenantName('hire');
    const hr = await issuer.mint({ tenant, roles: ['hr'] });
    const hired = await hrms.call('POST', '/employees', { token: hr, body: hire });
    expect(hired.status).toBe(201);
    const employeeId = hired.body.employeeId as string;
    const consistencyToken = hired.headers.get('x-consistency-token') ?? '';
    expect(consistencyToken).not.toBe('');

    // Read-your-writes: the token makes the very next query wait for the directory.
    const read = await hrms.call('GET', `/employees/${employeeId}`, {
      token: hr,
      headers: { 'x-consistency-token': consistencyToken },
    });
    expect([read.status, read.headers.get('x-consistency')]).toEqual([200, 'fresh']);
    expect(read.body).toMatchObject({ employeeId, firstName: 'Ada', department: 'Engineering', status: 'active' });

    const record = await findRecord(kafka, 'hrms.employee.v1', `${tenant}:${employeeId}`);
    const decoded = await new SchemaRegistry({ host: stackEnv('SCHEMA_REGISTRY_URL') }).decode(record.value as Buffer);
    console.log(`integrator decoded ${record.headers?.ce_type}: ${JSON.stringify(decoded)}`);
    expect(record.headers?.ce_type?.toString()).toBe('hexfleet.hrms.employee.EmployeeHired');
    expect(decoded).toMatchObject({ employeeId, workEmail: 'ada@example.com', joiningDate: '2026-03-02' });

    const admin = await issuer.mint({ tenant, roles: ['payroll-admin'] });
    await eventually(
      async () => (await payroll.call('GET', `/employees/${employeeId}`, { token: admin })).status === 200,
      {
        what: 'payroll enrolling the employee',
      },
    );
    const enrolled = await payroll.call('GET', `/employees/${employeeId}`, { token: admin });
    expect(enrolled.body).toMatchObject({
      employeeId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      joiningDate: '2026-03-02',
    });

    // The same record delivered again (an at-least-once redelivery): the policy acts once.
    const policy = payroll.groups.find((g) => g.groupId.startsWith('policy.payroll-hrms-facts'))?.groupId ?? '';
    const copy = await redeliver('hrms.employee.v1', record, policy, kafka);
    const stream = `${tenant}/payroll-employee/${employeeId}`;
    const enrolments = await storedEvents(payroll, 'EmployeeEnrolled', stream);
    console.log(`EmployeeHired delivered twice (offsets ${record.offset} and ${copy}): ${enrolments} EmployeeEnrolled`);
    expect(enrolments).toBe(1);
  });

  it('answers 401 without a token and 404 for another tenant’s employee', async () => {
    const { issuer, local: hrms, built: payroll } = services;
    const tenant = tenantName('own');
    const hr = await issuer.mint({ tenant, roles: ['hr'] });
    const hired = await hrms.call('POST', '/employees', { token: hr, body: hire });
    const employeeId = hired.body.employeeId as string;
    await eventually(async () => (await hrms.call('GET', `/employees/${employeeId}`, { token: hr })).status === 200);

    expect((await hrms.call('GET', `/employees/${employeeId}`)).status).toBe(401);
    expect((await hrms.call('POST', '/employees', { body: hire })).status).toBe(401);
    const stranger = await issuer.mint({ tenant: tenantName('other'), roles: ['hr', 'payroll-admin'] });
    expect((await hrms.call('GET', `/employees/${employeeId}`, { token: stranger })).status).toBe(404);
    const promote = { toDesignation: 'Staff Engineer', effectiveDate: '2026-06-01' };
    const foreign = await hrms.call('POST', `/employees/${employeeId}/promotions`, { token: stranger, body: promote });
    expect(foreign.status).toBe(404);
    expect((await hrms.call('GET', '/employees', { token: stranger })).body.total).toBe(0);
    expect((await payroll.call('GET', `/employees/${employeeId}`, { token: stranger })).status).toBe(404);
    const employee = await issuer.mint({ tenant, roles: ['employee'] });
    expect((await hrms.call('POST', '/employees', { token: employee, body: hire })).status).toBe(403);
  });
});
