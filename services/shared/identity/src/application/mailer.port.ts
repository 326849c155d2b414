/** Why a mail was sent: what the reader (and the dev mailbox's reader) does with it. */
export type MailPurpose = 'invitation' | 'password-reset' | 'email-verification' | 'account-exists';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  tenant: string;
  purpose: MailPurpose;
  /** The raw one-time token the mail's link carries (null for a notice without a link). */
  token: string | null;
}

/** Outbound mail. Sent after the command that made the token committed; a lost mail is re-requested, never re-sent. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
export const MAILER = Symbol('Mailer');
