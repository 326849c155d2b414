import { escapeHtml, headerSafe, isPlainAddress, localeOf, render } from '../../src/domain/templates';
import { CATEGORY } from '../../src/domain/notices';
import type { NoticeKind } from '../../src/domain/notices';

const vars = { recipientName: 'Ada', employeeName: 'Eve', fromDate: '2026-03-09', toDate: '2026-03-10', totalDays: 2 };

describe('templates', () => {
  it('choose the recipient language, English when there is no template in it', () => {
    expect([
      localeOf('fr'),
      localeOf('fr-CA'),
      localeOf('FR_be'),
      localeOf('pt-BR'),
      localeOf(null),
      localeOf(''),
    ]).toEqual(['fr', 'fr', 'fr', 'en', 'en', 'en']);
  });

  it('exist for every kind in both languages, with text and HTML', () => {
    for (const kind of Object.keys(CATEGORY) as NoticeKind[]) {
      for (const locale of ['en', 'fr'] as const) {
        const all = {
          ...vars,
          title: 'Dune',
          barcode: 'B1',
          pickupBy: '2026-03-05',
          period: '2026-02',
          netMinor: 123456,
          currency: 'EUR',
          dueDate: '2026-02-20',
          daysOverdue: 3,
          accruedFineMinor: 150,
          amountMinor: 300,
          reason: 'overdue',
          daysLate: 3,
        };
        const mail = render(kind, locale, all);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.text).toContain(locale === 'fr' ? 'Bonjour Ada,' : 'Hello Ada,');
        expect(mail.html).toContain(`<html lang="${locale}">`);
      }
    }
    expect(
      render('payslip-issued', 'en', { ...vars, period: '2026-02', netMinor: 123456, currency: 'EUR' }).text,
    ).toContain('net pay €1,234.56');
  });

  it('escape every variable in the HTML, and only in the HTML', () => {
    const mail = render('leave-requested', 'en', { ...vars, employeeName: `<img src=x onerror="alert('x')">&` });
    expect(mail.html).toContain('<strong>&#60;img src=x onerror=&#34;alert(&#39;x&#39;)&#34;&#62;&#38;</strong>');
    expect(mail.html).not.toContain('<img');
    expect(mail.text).toContain(`<img src=x onerror="alert('x')">& asks for 2 day(s)`);
    expect(escapeHtml(`<>&"'`)).toBe('&#60;&#62;&#38;&#34;&#39;');
  });

  it('keep a subject on one line, whatever a name holds', () => {
    const mail = render('leave-requested', 'en', { ...vars, employeeName: 'Eve\r\nBcc: evil@example.test\u2028X' });
    expect(mail.subject).toBe('Leave request from Eve Bcc: evil@example.test X: 2026-03-09 to 2026-03-10');
    expect(headerSafe('a\r\n\tb\u0000c\u0085d')).toBe('a b c d');
  });

  it('send only to one plain address', () => {
    expect(isPlainAddress('ada@example.test')).toBe(true);
    for (const bad of ['ada@example.test\r\nBcc: x@y.z', 'a@b.c, d@e.f', 'Ada <ada@example.test>', 'ada', 'a b@c.d'])
      expect(isPlainAddress(bad)).toBe(false);
  });
});
