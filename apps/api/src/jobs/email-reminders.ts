import type { PrismaClient } from '@pathways/db';
import nodemailer from 'nodemailer';

export type MailSettings = { smtpUrl: string; from: string; publicUrl: string | null };

/**
 * Sends the e-mail copies of new reminders: one message per person with the number of new
 * reminders and a link, never a name or a date (e-mail is not a safe place for a child's
 * details). Each batch is claimed with FOR UPDATE SKIP LOCKED and marked sent in the same
 * transaction, so two API processes never send the same reminder and a failed send is retried
 * by the next run.
 */
export async function sendReminderEmails(
  db: PrismaClient,
  mail: MailSettings,
  now: Date,
): Promise<{ messages: number; reminders: number }> {
  const transport = nodemailer.createTransport(mail.smtpUrl);
  try {
    return await db.$transaction(
      async (tx) => {
        const pending = await tx.$queryRaw<{ id: string; userId: string; kind: string; email: string; name: string }[]>`
          SELECT n.id, n."userId", n.kind, u.email, u.name
            FROM "Notification" n JOIN "User" u ON u.id = n."userId"
           WHERE n."emailedAt" IS NULL AND n."readAt" IS NULL AND u."disabledAt" IS NULL
           ORDER BY n."createdAt"
           LIMIT 500
             FOR UPDATE OF n SKIP LOCKED`;
        const byUser = new Map<string, typeof pending>();
        for (const row of pending) {
          const rows = byUser.get(row.userId);
          if (rows) rows.push(row);
          else byUser.set(row.userId, [row]);
        }
        for (const rows of byUser.values()) {
          const first = rows[0] as (typeof rows)[number];
          const late = rows.filter((row) => row.kind === 'overdue').length;
          const opened = rows.length - late;
          const lines = [
            `Hello ${first.name},`,
            '',
            `You have ${rows.length} new reminder${rows.length === 1 ? '' : 's'} in Pathways:`,
            ...(late > 0 ? [`- ${late} milestone${late === 1 ? ' is' : 's are'} now late`] : []),
            ...(opened > 0
              ? [`- ${opened} milestone${opened === 1 ? ' has' : 's have'} reached the time to start`]
              : []),
            '',
            mail.publicUrl
              ? `Sign in to see them: ${mail.publicUrl}/notifications`
              : 'Sign in to Pathways to see them.',
          ];
          await transport.sendMail({
            from: mail.from,
            to: first.email,
            subject: 'New reminders in Pathways',
            text: lines.join('\n'),
          });
        }
        if (pending.length > 0)
          await tx.notification.updateMany({
            where: { id: { in: pending.map((row) => row.id) } },
            data: { emailedAt: now },
          });
        return { messages: byUser.size, reminders: pending.length };
      },
      { timeout: 120_000 },
    );
  } finally {
    transport.close();
  }
}
