import 'server-only';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { config } from '@/lib/config';

export interface OutgoingEmail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Message-ID, In-Reply-To, References, List-Unsubscribe, List-Unsubscribe-Post (notification emails). */
  headers?: Record<string, string>;
}

export interface Transport {
  send(email: OutgoingEmail): Promise<void>;
}

/** Without SMTP_URL: one JSON file per message in the outbox folder (listed at /dev/outbox in development). */
export function fileTransport(dir: string): Transport {
  return {
    async send(email) {
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.id}.json`;
      await writeFile(path.join(dir, name), JSON.stringify({ ...email, sentAt: new Date().toISOString() }, null, 2));
    },
  };
}

export function smtpTransport(url: string, from: string): Transport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(email) {
      const { 'Message-ID': messageId, 'In-Reply-To': inReplyTo, References: references, ...headers } = email.headers ?? {};
      await transporter.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId,
        inReplyTo,
        references,
        headers,
      });
    },
  };
}

export function defaultTransport(): Transport {
  const c = config();
  return c.SMTP_URL ? smtpTransport(c.SMTP_URL, c.MAIL_FROM) : fileTransport(c.outboxDir);
}
