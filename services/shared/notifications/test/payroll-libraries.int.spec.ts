import { randomUUID } from 'node:crypto';
import { libraries } from '@hexfleet/schemas';
import { waitForMails } from '@hexfleet/testing';
import { AT, FleetFacts } from './support/fleet-facts';
import { deliveriesOf, directoryCaughtUp, inboxOf, notificationsSuite } from './support/notifications-harness';

// Payroll's issued payslips and libraries' patron notices, from Kafka to Mailpit and the inbox.
describe('payslip and library notices', () => {
  const suite = notificationsSuite('paylib');
  const { tenant } = suite;

  it('tells each employee of their payslip once the run is finalized, the replacing payslip only', async () => {
    const facts = new FleetFacts(suite.upstream, tenant);
    const [ada, bob] = [await facts.employee('Ada', 'Lovelace'), await facts.employee('Bob', 'Noyce')];
    await facts.language(bob, 'fr');
    await directoryCaughtUp(suite.service, tenant);

    const runId = randomUUID();
    const draft = await facts.payslip(runId, '2026-02', ada, 100_000);
    await facts.payslip(runId, '2026-02', bob, 250_050);
    await facts.payslip(runId, '2026-02', ada, 123_456, draft);
    // Nothing before the run is final: a draft may still change.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await deliveriesOf(suite.service, tenant)).total).toBe(0);

    await facts.finalize(runId, '2026-02', 2);
    const [toAda] = await waitForMails(ada.email);
    expect(toAda.Subject).toBe('Your payslip for 2026-02 is ready');
    expect(toAda.Text).toContain('net pay €1,234.56');
    const [toBob] = await waitForMails(bob.email);
    expect(toBob.Subject).toBe('Votre bulletin de paie de 2026-02 est disponible');
    expect(toBob.Text).toMatch(/net à payer 2\s500,50\s€/); // French groups digits with a narrow no-break space
    await expect(inboxOf(suite.service, tenant, ada.userId)).resolves.toMatchObject({
      total: 1,
      items: [{ kind: 'payslip-issued', subject: toAda.Subject }],
    });
  });

  it('tells a patron of a hold ready, an overdue loan and a fine; a patron without an account is skipped', async () => {
    const facts = new FleetFacts(suite.upstream, tenant);
    const patron = await facts.patron('Tom Sawyer');
    const orphan = randomUUID();
    await suite.upstream.record(
      tenant,
      'patron',
      orphan,
      libraries.patronRegistered({
        patronId: orphan,
        schoolId: randomUUID(),
        userId: null,
        name: 'Walk-in reader',
        category: 'staff',
        registeredAt: AT,
      }),
    );
    await directoryCaughtUp(suite.service, tenant);

    const [titleId, schoolId, loanId] = [randomUUID(), randomUUID(), randomUUID()];
    const title = (id: string, event: { type: string; data: unknown }) =>
      suite.upstream.record(tenant, 'title', id, event);
    await title(
      titleId,
      libraries.titleCatalogued({
        titleId,
        schoolId,
        title: 'The Adventures of <Tom> & Huck',
        authors: ['Mark Twain'],
        isbn: null,
        itemType: 'book',
        cataloguedAt: AT,
      }),
    );
    const ready = (patronId: string) =>
      libraries.holdReadyForPickup({
        holdId: randomUUID(),
        titleId,
        schoolId,
        patronId,
        copyId: randomUUID(),
        barcode: 'LIB-0042',
        pickupBy: '2026-03-06',
        readyAt: AT,
      });
    await title(titleId, ready(patron.patronId));
    await title(titleId, ready(orphan));
    const loan = (event: { type: string; data: unknown }) => suite.upstream.record(tenant, 'loan', loanId, event);
    await loan(
      libraries.loanOverdue({
        loanId,
        schoolId,
        copyId: randomUUID(),
        titleId,
        patronId: patron.patronId,
        dueDate: '2026-02-20',
        asOf: '2026-03-02',
        daysOverdue: 10,
        accruedFineMinor: 500,
        currency: 'INR',
        detectedAt: AT,
      }),
    );
    await loan(
      libraries.fineAssessed({
        loanId,
        schoolId,
        patronId: patron.patronId,
        reason: 'overdue',
        daysLate: 12,
        chargeableDays: 10,
        overdueFineMinor: 500,
        replacementFeeMinor: 0,
        amountMinor: 500,
        currency: 'INR',
        assessedAt: AT,
      }),
    );

    const mails = await waitForMails(patron.email, 3);
    expect(mails.map((m) => m.Subject).sort()).toEqual([
      'Library fine: ₹5.00',
      'Overdue: The Adventures of <Tom> & Huck',
      'Ready for pickup: The Adventures of <Tom> & Huck',
    ]);
    const hold = mails.find((m) => m.Subject.startsWith('Ready'));
    expect(hold?.Text).toContain('Collect it by 2026-03-06');
    expect(hold?.HTML).toContain('<strong>The Adventures of &#60;Tom&#62; &#38; Huck</strong>');
    const inbox = await inboxOf(suite.service, tenant, patron.userId);
    expect(inbox.items.map((i) => i.kind).sort()).toEqual(['fine-assessed', 'hold-ready', 'loan-overdue']);

    const skipped = (await deliveriesOf(suite.service, tenant, 'skipped')).items;
    expect(skipped.map((d) => [d.kind, d.channel, d.lastError]).sort()).toEqual([
      ['hold-ready', 'email', 'no-address'],
      ['hold-ready', 'in-app', 'no-account'],
    ]);
  });
});
