import { Inject, Injectable, Logger } from '@nestjs/common';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { MAILER, type Mailer, type MailMessage, type MailPurpose } from './mailer.port';

const SUBJECTS: Record<MailPurpose, string> = {
  invitation: 'You are invited to Hexfleet',
  'password-reset': 'Reset your Hexfleet password',
  'email-verification': 'Confirm your email address',
  'account-exists': 'You already have a Hexfleet account',
};

const PATHS: Record<MailPurpose, string> = {
  invitation: '/accept-invitation',
  'password-reset': '/reset-password',
  'email-verification': '/verify-email',
  'account-exists': '/forgot-password',
};

/** Writes the mails identity sends; the words live here, delivery in the Mailer adapter. */
@Injectable()
export class Mails {
  private readonly logger = new Logger('Mails');

  constructor(
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /**
   * A failed delivery is logged, not thrown: the command already committed, and
   * the person can ask again (a new reset, a re-sent invitation).
   */
  async send(purpose: MailPurpose, to: string, tenant: string, token: string | null, name?: string): Promise<void> {
    const message: MailMessage = {
      to,
      subject: SUBJECTS[purpose],
      text: this.text(purpose, tenant, token, name),
      tenant,
      purpose,
      token,
    };
    await this.mailer
      .send(message)
      .catch((error: Error) => this.logger.error(`mail to ${to} failed: ${error.message}`));
  }

  private text(purpose: MailPurpose, tenant: string, token: string | null, name?: string): string {
    const greeting = `Hello${name ? ` ${name}` : ''},`;
    const link = this.link(purpose, tenant, token);
    switch (purpose) {
      case 'invitation':
        return `${greeting}\n\nYou have been invited to ${tenant} on Hexfleet. Choose your password here:\n${link}\n\nThe link works once and expires.`;
      case 'password-reset':
        return `${greeting}\n\nSomeone (hopefully you) asked to reset your password for ${tenant}. Choose a new one here:\n${link}\n\nThe link works once and expires soon. If it was not you, ignore this mail.`;
      case 'email-verification':
        return `${greeting}\n\nConfirm your email address for ${tenant}:\n${link}`;
      case 'account-exists':
        return `${greeting}\n\nSomeone tried to register with this address at ${tenant}, which already has an account. If it was you, sign in or reset your password:\n${link}`;
    }
  }

  private link(purpose: MailPurpose, tenant: string, token: string | null): string {
    const base = this.settings.mailLinkBaseUrl ?? 'http://localhost';
    const url = new URL(PATHS[purpose], base);
    url.searchParams.set('tenant', tenant);
    if (token) url.searchParams.set('token', token);
    return url.toString();
  }
}
