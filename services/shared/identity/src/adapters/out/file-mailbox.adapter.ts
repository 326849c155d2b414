import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Mailer, MailMessage } from '../../application/mailer.port';

export interface StoredMail extends MailMessage {
  sentAt: string;
}

/** A mailbox folder per address; the name is the address encoded, so no address can step outside MAILBOX_DIR. */
const folderOf = (root: string, to: string) => path.join(root, encodeURIComponent(to.trim().toLowerCase()));

/**
 * Development mail: each message a JSON file under MAILBOX_DIR/<address>/,
 * read back by GET /dev/mailbox (tests, the dev seeder, the web apps' dev
 * mode). Written to a temporary name then renamed, so a reader never sees
 * half a file.
 */
export class FileMailbox implements Mailer {
  constructor(
    private readonly root: string,
    private readonly now: () => Date,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const folder = folderOf(this.root, message.to);
    await mkdir(folder, { recursive: true });
    const sentAt = this.now().toISOString();
    const name = `${String(Date.now()).padStart(15, '0')}-${randomUUID()}.json`;
    const mail: StoredMail = { ...message, sentAt };
    await writeFile(path.join(folder, `.${name}.tmp`), JSON.stringify(mail, null, 2));
    await rename(path.join(folder, `.${name}.tmp`), path.join(folder, name));
  }

  /** The messages sent to `to`, oldest first (newest last). */
  async read(to: string): Promise<StoredMail[]> {
    const folder = folderOf(this.root, to);
    const names = await readdir(folder).catch(() => [] as string[]);
    const files = names.filter((n) => n.endsWith('.json')).sort();
    const mails = await Promise.all(
      files.map(async (f) => JSON.parse(await readFile(path.join(folder, f), 'utf8')) as StoredMail),
    );
    return mails.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  }
}

/** Outside development: no mail server is wired yet, so the log says a mail would have gone (never its token). */
export class LogMailer implements Mailer {
  private readonly logger = new Logger('Mail');

  async send(message: MailMessage): Promise<void> {
    this.logger.log(
      `mail not sent (no mail transport configured): ${message.purpose} to ${message.to} for ${message.tenant}`,
    );
  }
}
