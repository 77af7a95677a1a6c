import nodemailer from 'nodemailer';
import type { AppServices } from '../app-env.ts';
import type { MailSettings } from './email-reminders.ts';

/** E-mails an account holder about their own account (never about a young person). */
export function accountMailer(mail: MailSettings): NonNullable<AppServices['tellAccountHolder']> {
  const transport = nodemailer.createTransport(mail.smtpUrl);
  return async (to, subject, text) => {
    await transport.sendMail({ from: mail.from, to: { name: to.name, address: to.email }, subject, text });
  };
}
