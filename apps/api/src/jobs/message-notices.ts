import { claimMessageNotice, peopleToTellOfMessages, type PrismaClient } from '@pathways/db';
import nodemailer from 'nodemailer';
import type { MailSettings } from './email-reminders.ts';

/**
 * Tells each person with new messages, once for all that came since they were last told, by an
 * e-mail that names nobody and says nothing of what was written: only that there is something
 * to read, and where. Messages wait `batchMinutes` first, so a conversation is one e-mail.
 */
export async function sendMessageNotices(
  db: PrismaClient,
  mail: MailSettings,
  now: Date,
  batchMinutes: number,
): Promise<number> {
  const people = await peopleToTellOfMessages(db, now, batchMinutes);
  if (people.length === 0) return 0;
  const transport = nodemailer.createTransport(mail.smtpUrl);
  let told = 0;
  try {
    for (const person of people) {
      if (!(await claimMessageNotice(db, person, now))) continue;
      await transport.sendMail({
        from: mail.from,
        to: person.email,
        subject: 'You have a new message in Pathways',
        text: [
          // No name at all, not even the reader's: the reader may be the young person.
          'Hello,',
          '',
          'You have a new message in Pathways.',
          '',
          mail.publicUrl ? `Sign in to read it: ${mail.publicUrl}/messages` : 'Sign in to Pathways to read it.',
        ].join('\n'),
      });
      told += 1;
    }
    return told;
  } finally {
    transport.close();
  }
}
