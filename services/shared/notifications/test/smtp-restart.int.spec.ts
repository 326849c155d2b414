import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually, freePort, mailsTo, startMailpitOn } from '@hexfleet/testing';
import { FleetFacts } from './support/fleet-facts';
import type { Person } from './support/fleet-facts';
import { deliveriesOf, directoryCaughtUp, notificationsSuite } from './support/notifications-harness';

// Chaos, in one process: the SMTP server is killed while notices flow and comes back on the same
// port (its messages kept in a database file): every notice arrives, none twice.
describe('an SMTP server killed and restarted while notices flow', () => {
  let smtpPort = 0;
  let uiPort = 0;
  const database = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'notif-chaos-')), 'mailpit.db');
  let mailpit: { url: string; stop(): Promise<void> } | undefined;
  const suite = notificationsSuite('chaos', async () => {
    [smtpPort, uiPort] = [await freePort(), await freePort()];
    return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, retry: { maxAttempts: 20, baseDelayMs: 200, maxDelayMs: 1000 } };
  });
  const { tenant } = suite;
  afterAll(() => mailpit?.stop());

  it('delivers every notice exactly once', async () => {
    const facts = new FleetFacts(suite.upstream, tenant);
    const manager = await facts.employee('Marie', 'Curie');
    const staff: Person[] = [];
    for (let i = 0; i < 12; i++) staff.push(await facts.employee(`Emp${i}`, 'Tester', manager.employeeId));
    await directoryCaughtUp(suite.service, tenant);
    mailpit = await startMailpitOn(smtpPort, { uiPort, database });

    const arrived = async () => {
      let count = 0;
      for (const person of staff) count += (await mailsTo(person.email, mailpit?.url)).length;
      return count;
    };
    // Half the approvals while the server is up; it is killed once some have arrived.
    for (const person of staff.slice(0, 6)) await facts.leave('approved', person, manager);
    await eventually(async () => (await arrived()) >= 2, { what: 'the first mails', timeoutMs: 30_000, pollMs: 100 });
    await mailpit.stop();
    for (const person of staff.slice(6)) await facts.leave('approved', person, manager);
    // Attempts fail meanwhile, and wait out their backoff.
    await eventually(
      async () =>
        (await deliveriesOf(suite.service, tenant)).items.some(
          (d) => d.channel === 'email' && d.status === 'pending' && d.attempts > 0,
        ),
      { what: 'a failed attempt while the server is down', timeoutMs: 30_000, pollMs: 100 },
    );

    mailpit = await startMailpitOn(smtpPort, { uiPort, database });
    await eventually(async () => (await arrived()) >= staff.length, {
      what: 'a mail for everyone',
      timeoutMs: 60_000,
      pollMs: 250,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const counts = await Promise.all(staff.map(async (p) => (await mailsTo(p.email, mailpit?.url)).length));
    expect(counts).toEqual(staff.map(() => 1));
    const email = (await deliveriesOf(suite.service, tenant)).items.filter((d) => d.channel === 'email');
    expect(email.map((d) => d.status)).toEqual(staff.map(() => 'sent'));
  });
});
