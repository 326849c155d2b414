import type { NoticeKind, NoticeParams } from './notices';

/** The languages templates exist in; any other asks for English (docs/adr/0080). */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** `fr-CA` -> `fr`; a language with no templates, or none, -> `en`. */
export function localeOf(language: string | null | undefined): Locale {
  const primary = (language ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : 'en';
}

/** What a template is given: the notice's facts and the names looked up for it. */
export interface TemplateVars extends NoticeParams {
  recipientName: string;
  /** The employee a leave request is about (for its approver). */
  employeeName: string;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

/** Escapes the five characters that matter in HTML text and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A value for a mail header (a subject, a display name): control characters, CR and LF
 * included, and Unicode line separators become one space, so a name like `Eve\r\nBcc: x@y`
 * stays one harmless line (docs/adr/0081).
 */
export function headerSafe(value: string, maxLength = 200): string {
  // Control characters are exactly what this strips.
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ') // eslint-disable-line no-control-regex
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength);
}

/** An address nodemailer gets only when it is one plain address: no space, no control character, no list. */
const ADDRESS =
  // eslint-disable-next-line no-control-regex
  /^[^\s@<>,;:"\\()[\]\u0000-\u001f\u007f]+@[^\s@<>,;:"\\()[\]\u0000-\u001f\u007f]+\.[^\s@<>,;:"\\()[\]\u0000-\u001f\u007f]+$/;
export const isPlainAddress = (address: string) => address.length <= 254 && ADDRESS.test(address);

/** A piece of a message: its text form as written, its HTML form with every variable escaped. */
interface Piece {
  text: string;
  html: string;
}

/**
 * A template literal whose static parts may hold markup and whose variables are always
 * escaped in the HTML form: no template can forget to escape a name.
 */
function msg(strings: TemplateStringsArray, ...values: Array<string | number>): Piece {
  let text = strings[0].replace(/<[^>]+>/g, '');
  let html = strings[0];
  values.forEach((value, i) => {
    text += String(value) + strings[i + 1].replace(/<[^>]+>/g, '');
    html += escapeHtml(String(value)) + strings[i + 1];
  });
  return { text, html };
}

const money = (minor: number | string, currency: string | number, locale: Locale) => {
  try {
    return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency: String(currency),
    }).format(Number(minor) / 100);
  } catch {
    return `${(Number(minor) / 100).toFixed(2)} ${String(currency)}`;
  }
};

type Template = (v: TemplateVars, locale: Locale) => { subject: string; body: Piece[] };
const s = (v: TemplateVars, key: string) => String(v[key] ?? '');
const titled = (v: TemplateVars, fallback: string) => s(v, 'title') || fallback;

const TEMPLATES: Record<Locale, Record<NoticeKind, Template>> = {
  en: {
    'leave-requested': (v) => ({
      subject: `Leave request from ${v.employeeName}: ${s(v, 'fromDate')} to ${s(v, 'toDate')}`,
      body: [
        msg`<strong>${v.employeeName}</strong> asks for ${v.totalDays} day(s) of leave, ${s(v, 'fromDate')} to ${s(v, 'toDate')}.`,
        ...(s(v, 'reason') ? [msg`Reason: ${s(v, 'reason')}`] : []),
        msg`You are their approver: approve or reject it in Hexfleet.`,
      ],
    }),
    'leave-approved': (v) => ({
      subject: `Your leave is approved: ${s(v, 'fromDate')} to ${s(v, 'toDate')}`,
      body: [msg`Your leave of ${v.totalDays} day(s), ${s(v, 'fromDate')} to ${s(v, 'toDate')}, is approved.`],
    }),
    'leave-rejected': (v) => ({
      subject: `Your leave request was rejected: ${s(v, 'fromDate')} to ${s(v, 'toDate')}`,
      body: [
        msg`Your leave request of ${v.totalDays} day(s), ${s(v, 'fromDate')} to ${s(v, 'toDate')}, was rejected.`,
        ...(s(v, 'reason') ? [msg`Reason: ${s(v, 'reason')}`] : []),
      ],
    }),
    'payslip-issued': (v, l) => ({
      subject: `Your payslip for ${s(v, 'period')} is ready`,
      body: [msg`Your payslip for ${s(v, 'period')} is issued: net pay ${money(v.netMinor, v.currency, l)}.`],
    }),
    'hold-ready': (v) => ({
      subject: `Ready for pickup: ${titled(v, 'your hold')}`,
      body: [
        msg`<strong>${titled(v, 'The book you asked for')}</strong> is waiting for you at the library desk (copy ${s(v, 'barcode')}).`,
        msg`Collect it by ${s(v, 'pickupBy')}; after that the hold expires.`,
      ],
    }),
    'loan-overdue': (v, l) => ({
      subject: `Overdue: ${titled(v, 'a library book')}`,
      body: [
        msg`<strong>${titled(v, 'A book you borrowed')}</strong> was due on ${s(v, 'dueDate')} and is ${v.daysOverdue} day(s) late.`,
        msg`Fine so far if returned today: ${money(v.accruedFineMinor, v.currency, l)}.`,
      ],
    }),
    'fine-assessed': (v, l) => ({
      subject: `Library fine: ${money(v.amountMinor, v.currency, l)}`,
      body: [
        msg`A library fine of <strong>${money(v.amountMinor, v.currency, l)}</strong> was charged (${s(v, 'reason')}, ${v.daysLate} day(s) late).`,
      ],
    }),
  },
  fr: {
    'leave-requested': (v) => ({
      subject: `Demande de congé de ${v.employeeName} : du ${s(v, 'fromDate')} au ${s(v, 'toDate')}`,
      body: [
        msg`<strong>${v.employeeName}</strong> demande ${v.totalDays} jour(s) de congé, du ${s(v, 'fromDate')} au ${s(v, 'toDate')}.`,
        ...(s(v, 'reason') ? [msg`Motif : ${s(v, 'reason')}`] : []),
        msg`Vous êtes son approbateur : acceptez ou refusez la demande dans Hexfleet.`,
      ],
    }),
    'leave-approved': (v) => ({
      subject: `Votre congé est accepté : du ${s(v, 'fromDate')} au ${s(v, 'toDate')}`,
      body: [msg`Votre congé de ${v.totalDays} jour(s), du ${s(v, 'fromDate')} au ${s(v, 'toDate')}, est accepté.`],
    }),
    'leave-rejected': (v) => ({
      subject: `Votre demande de congé est refusée : du ${s(v, 'fromDate')} au ${s(v, 'toDate')}`,
      body: [
        msg`Votre demande de congé de ${v.totalDays} jour(s), du ${s(v, 'fromDate')} au ${s(v, 'toDate')}, est refusée.`,
        ...(s(v, 'reason') ? [msg`Motif : ${s(v, 'reason')}`] : []),
      ],
    }),
    'payslip-issued': (v, l) => ({
      subject: `Votre bulletin de paie de ${s(v, 'period')} est disponible`,
      body: [
        msg`Votre bulletin de paie de ${s(v, 'period')} est émis : net à payer ${money(v.netMinor, v.currency, l)}.`,
      ],
    }),
    'hold-ready': (v) => ({
      subject: `À retirer : ${titled(v, 'votre réservation')}`,
      body: [
        msg`<strong>${titled(v, 'Le livre réservé')}</strong> vous attend au comptoir de la bibliothèque (exemplaire ${s(v, 'barcode')}).`,
        msg`Retirez-le au plus tard le ${s(v, 'pickupBy')} ; ensuite la réservation expire.`,
      ],
    }),
    'loan-overdue': (v, l) => ({
      subject: `En retard : ${titled(v, 'un livre de la bibliothèque')}`,
      body: [
        msg`<strong>${titled(v, 'Un livre emprunté')}</strong> était à rendre le ${s(v, 'dueDate')} : ${v.daysOverdue} jour(s) de retard.`,
        msg`Amende à ce jour s'il est rendu aujourd'hui : ${money(v.accruedFineMinor, v.currency, l)}.`,
      ],
    }),
    'fine-assessed': (v, l) => ({
      subject: `Amende de bibliothèque : ${money(v.amountMinor, v.currency, l)}`,
      body: [
        msg`Une amende de <strong>${money(v.amountMinor, v.currency, l)}</strong> a été facturée (${s(v, 'reason')}, ${v.daysLate} jour(s) de retard).`,
      ],
    }),
  },
};

const GREETING: Record<Locale, (name: string) => Piece> = {
  en: (name) => (name ? msg`Hello ${name},` : msg`Hello,`),
  fr: (name) => (name ? msg`Bonjour ${name},` : msg`Bonjour,`),
};

/** One notice as a mail (and an inbox entry): subject on one safe line, plain text, and HTML with every variable escaped. */
export function render(kind: NoticeKind, locale: Locale, vars: TemplateVars): Rendered {
  const { subject, body } = TEMPLATES[locale][kind](vars, locale);
  const pieces = [GREETING[locale](vars.recipientName), ...body];
  return {
    subject: headerSafe(subject),
    text: pieces.map((p) => p.text).join('\n\n') + '\n',
    html:
      `<!doctype html><html lang="${locale}"><body>` +
      pieces.map((p) => `<p>${p.html}</p>`).join('') +
      '</body></html>',
  };
}
