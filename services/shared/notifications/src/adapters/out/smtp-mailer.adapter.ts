import { OnApplicationShutdown } from '@nestjs/common';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { MailError } from '../../application/ports';
import type { Mail, Mailer } from '../../application/ports';

/** Error codes of a connection that may work next time (the server down, a timeout, a reset). */
const TRANSIENT = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKET|ECONNECTION|EDNS|EPIPE|EPROTOCOL|ETLS)$/;

/** Email over SMTP with nodemailer, one connection per message (a restarted server is found again at once). */
export class SmtpMailer implements Mailer, OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 15000,
      // Mailpit and most development servers offer no TLS; a production URL says smtps:// or requires it.
      ignoreTLS: smtpUrl.startsWith('smtp://') && !smtpUrl.includes('requireTLS'),
    });
  }

  async send(mail: Mail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: { name: mail.to.name, address: mail.to.address },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    } catch (error) {
      const { code, responseCode, message } = error as { code?: string; responseCode?: number; message: string };
      // 5xx: the server refused this message and will again; 4xx and connection failures may pass later.
      const permanent = typeof responseCode === 'number' ? responseCode >= 500 : !TRANSIENT.test(code ?? 'ESOCKET');
      throw new MailError(message, permanent);
    }
  }

  onApplicationShutdown() {
    this.transport.close();
  }
}
