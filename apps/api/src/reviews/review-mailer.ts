import nodemailer from 'nodemailer';
import type { MailSettings } from '../jobs/email-reminders.ts';

/** One e-mail about a review: plain text, and a calendar invitation or cancellation where there is one. */
export type ReviewMessage = {
  to: { name: string; email: string };
  subject: string;
  text: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
};

/** Sends review e-mails; the organizer is who calendar replies go to. */
export type ReviewMailer = {
  organizer: { name: string; email: string };
  /** The planner's address, for the private reply links (else the request's own). */
  publicUrl: string | null;
  send: (message: ReviewMessage) => Promise<void>;
};

/** Review e-mails through SMTP, the calendar part as `text/calendar; method=…` (what mail clients act on). */
export function smtpReviewMailer(mail: MailSettings): ReviewMailer {
  const transport = nodemailer.createTransport(mail.smtpUrl);
  const address = /<([^>]+)>/.exec(mail.from)?.[1] ?? mail.from;
  return {
    organizer: { name: 'Pathways', email: address },
    publicUrl: mail.publicUrl,
    send: async (message) => {
      await transport.sendMail({
        from: mail.from,
        to: { name: message.to.name, address: message.to.email },
        subject: message.subject,
        text: message.text,
        ...(message.calendar
          ? {
              icalEvent: {
                method: message.calendar.method,
                filename: 'meeting.ics',
                content: message.calendar.content,
              },
            }
          : {}),
      });
    },
  };
}

/** The demo's review e-mails, written to the server's output (they hold private links: never for a real deployment). */
export function demoReviewMailer(): ReviewMailer {
  return {
    organizer: { name: 'Pathways demo', email: 'no-reply@pathways.invalid' },
    publicUrl: null,
    send: (message) => {
      process.stderr.write(
        `\n--- E-mail to ${message.to.name} <${message.to.email}>: ${message.subject}\n${message.text}\n---\n`,
      );
      return Promise.resolve();
    },
  };
}
