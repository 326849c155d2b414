import { mailHeaders, mailsTo, waitForMails } from '@hexfleet/testing';
import { FleetFacts } from './support/fleet-facts';
import { directoryCaughtUp, inboxOf, notificationsSuite, uniqueAddress } from './support/notifications-harness';

// HRMS's leave decisions, from the events on Kafka to Mailpit's inbox and the in-app inbox.
describe('leave notices', () => {
  const suite = notificationsSuite('leave');
  const { tenant } = suite;

  const inbox = (userId: string) => inboxOf(suite.service, tenant, userId);

  it('tells the approver of a request in their language, and the employee of the answer, by mail and in the inbox', async () => {
    const facts = new FleetFacts(suite.upstream, tenant);
    const manager = await facts.employee('Marie', 'Curie');
    const employee = await facts.employee('Ada', 'Lovelace', manager.employeeId);
    await facts.language(manager, 'fr-FR');
    await directoryCaughtUp(suite.service, tenant);

    await facts.leave('requested', employee, manager, undefined, 'Family <wedding> & party');
    const [toManager] = await waitForMails(manager.email);
    expect(toManager.Subject).toBe('Demande de congé de Ada Lovelace : du 2026-03-09 au 2026-03-10');
    expect(toManager.To).toEqual([{ Name: 'Marie Curie', Address: manager.email }]);
    expect(toManager.Text).toContain('Bonjour Marie Curie,');
    expect(toManager.Text).toContain('Motif : Family <wedding> & party');
    // Variables are escaped in the HTML; the template's own markup is not.
    expect(toManager.HTML).toContain('<strong>Ada Lovelace</strong>');
    expect(toManager.HTML).toContain('Motif : Family &#60;wedding&#62; &#38; party');

    const requestId = '0195d5a4-0000-7000-8000-000000000001';
    await facts.leave('approved', employee, manager);
    await facts.leave('rejected', employee, manager, requestId, 'Project deadline');
    const toEmployee = await waitForMails(employee.email, 2);
    expect(toEmployee.map((m) => m.Subject).sort()).toEqual([
      'Your leave is approved: 2026-03-09 to 2026-03-10',
      'Your leave request was rejected: 2026-03-09 to 2026-03-10',
    ]);
    expect(toEmployee.find((m) => m.Subject.includes('rejected'))?.Text).toContain('Reason: Project deadline');

    await expect(inbox(manager.userId)).resolves.toMatchObject({
      total: 1,
      unread: 1,
      items: [{ kind: 'leave-requested', subject: toManager.Subject, readAt: null }],
    });
    const employeeInbox = await inbox(employee.userId);
    expect(employeeInbox).toMatchObject({ total: 2, unread: 2 });
    expect(employeeInbox.items.map((i) => i.kind).sort()).toEqual(['leave-approved', 'leave-rejected']);
  });

  it('neutralises a header injection in a name and escapes its HTML', async () => {
    const facts = new FleetFacts(suite.upstream, tenant);
    const manager = await facts.employee('Grace', 'Hopper');
    const intruder = uniqueAddress('intruder');
    const employee = await facts.employee('Eve', `<script>alert(1)</script>\r\nBcc: ${intruder}`, manager.employeeId);
    await directoryCaughtUp(suite.service, tenant);

    await facts.leave('requested', employee, manager);
    await facts.leave('approved', employee, manager);
    const [toManager] = await waitForMails(manager.email);
    const [toEmployee] = await waitForMails(employee.email);

    // One line: the CR LF became a space, so no Bcc header was made of the name.
    expect(toManager.Subject).toBe(
      `Leave request from Eve <script>alert(1)</script> Bcc: ${intruder}: 2026-03-09 to 2026-03-10`,
    );
    expect(toEmployee.To).toEqual([
      { Name: `Eve <script>alert(1)</script> Bcc: ${intruder}`, Address: employee.email },
    ]);
    for (const mail of [toManager, toEmployee]) {
      expect(mail.Bcc ?? []).toEqual([]);
      expect(mail.Cc ?? []).toEqual([]);
      expect(Object.keys(await mailHeaders(mail.ID)).map((h) => h.toLowerCase())).not.toContain('bcc');
      expect(mail.HTML).not.toContain('<script>');
      expect(mail.HTML).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    }
    expect(await mailsTo(intruder)).toEqual([]);
  });
});
