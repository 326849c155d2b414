import os from 'node:os';
import path from 'node:path';
import { freePort, startMailpit } from '@hexfleet/devstack';
import { eventually } from './await';

/** A mail as Mailpit's API lists it. */
export interface MailSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  From: { Name: string; Address: string };
  To: Array<{ Name: string; Address: string }>;
  Cc: Array<{ Name: string; Address: string }> | null;
  Bcc: Array<{ Name: string; Address: string }> | null;
}

/** One mail in full: its text and HTML bodies too. */
export interface MailMessage extends MailSummary {
  Text: string;
  HTML: string;
}

/** The run's Mailpit (the test stack starts one, or uses SMTP_URL/MAILPIT_URL); `url` names another. */
export function mailpitUrl(url = process.env.MAILPIT_URL): string {
  if (!url) throw new Error('MAILPIT_URL is not set: run under the jest global setup (jest.integration.js)');
  return url;
}

async function api<T>(path: string, url?: string): Promise<T> {
  const response = await fetch(`${mailpitUrl(url)}/api/v1${path}`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`Mailpit ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every mail Mailpit holds for this address, newest first. Use an address no other test uses. */
export async function mailsTo(address: string, url?: string): Promise<MailSummary[]> {
  const found = await api<{ messages: MailSummary[] }>(
    `/search?limit=200&query=${encodeURIComponent(`to:"${address}"`)}`,
    url,
  );
  // Mailpit's search matches parts of addresses: keep the exact ones.
  return found.messages.filter((m) => m.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()));
}

export const mailMessage = (id: string, url?: string) => api<MailMessage>(`/message/${encodeURIComponent(id)}`, url);

/** A mail's headers as sent, each name with its values. */
export const mailHeaders = (id: string, url?: string) =>
  api<Record<string, string[]>>(`/message/${encodeURIComponent(id)}/headers`, url);

/** Waits until `count` mails reached the address, then answers them in full (newest first). */
export async function waitForMails(
  address: string,
  count = 1,
  { timeoutMs = 30_000, url }: { timeoutMs?: number; url?: string } = {},
): Promise<MailMessage[]> {
  let found: MailSummary[] = [];
  await eventually(
    async () => {
      found = await mailsTo(address, url);
      return found.length >= count;
    },
    { what: `${count} mail(s) to ${address}`, timeoutMs, pollMs: 250 },
  );
  return Promise.all(found.map((m) => mailMessage(m.ID, url)));
}

/**
 * A Mailpit of a test's own, on this SMTP port (one a service was told to use while nothing
 * listened there: the test of SMTP failures starts the server late) and a free port for its API,
 * or the given one; with a database file, what it received survives a restart on the same ports.
 */
export async function startMailpitOn(
  smtpPort: number,
  { uiPort, database }: { uiPort?: number; database?: string } = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const logDir = path.join(os.tmpdir(), `hexfleet-mailpit-${smtpPort}`);
  const mailpit = await startMailpit({ smtpPort, uiPort: uiPort ?? (await freePort()), logDir, database });
  return { url: mailpit.env.MAILPIT_URL, stop: () => mailpit.stop() };
}
