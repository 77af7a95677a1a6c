import { openDatabase, type Database } from '@pathways/db';
import { smtpSink } from '../../test-support/smtp-sink.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendReminderEmails } from './email-reminders.ts';

describe('reminder e-mails through SMTP', () => {
  let db: Database;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' });
    sink = await smtpSink();
  });
  afterAll(async () => {
    await sink?.close();
    await db?.close();
  });

  it('sends each person one message with how many reminders are new, never a name, and never twice', async () => {
    const area = await db.prisma.localArea.create({
      data: { code: 'NS', name: 'Northshire', jurisdiction: 'england' },
    });
    const sam = await db.prisma.user.create({
      data: {
        email: 'sam@northshire.test',
        name: 'Sam Okafor',
        passwordHash: 'x',
        role: 'transition_worker',
        areaId: area.id,
      },
    });
    const jo = await db.prisma.user.create({
      data: {
        email: 'jo@northshire.test',
        name: 'Jo Patel',
        passwordHash: 'x',
        role: 'transition_worker',
        areaId: area.id,
      },
    });
    const person = await db.prisma.youngPerson.create({
      data: {
        areaId: area.id,
        givenName: 'Maya',
        familyName: 'Hill',
        dateOfBirth: new Date('2009-06-01T00:00:00Z'),
        jurisdiction: 'england',
      },
    });
    const remind = (userId: string, milestoneId: string, kind: string) =>
      db.prisma.notification.create({
        data: { userId, youngPersonId: person.id, milestoneId, kind, onDate: new Date('2026-11-21T00:00:00Z') },
      });
    await remind(sam.id, 'annual_review', 'overdue');
    await remind(sam.id, 'pip_claim', 'window_opens');
    await remind(jo.id, 'health_transfer', 'overdue');
    const read = await remind(jo.id, 'pip_preparation', 'overdue');
    await db.prisma.notification.update({ where: { id: read.id }, data: { readAt: new Date() } });

    const mail = {
      smtpUrl: sink.url,
      from: 'Pathways <no-reply@pathways.test>',
      publicUrl: 'https://pathways.example.org',
    };
    expect(await sendReminderEmails(db.prisma, mail, new Date('2026-11-22T07:00:00Z'))).toEqual({
      messages: 2,
      reminders: 3,
    });
    const toSam = sink.received.find((message) => message.text?.includes('Sam Okafor'));
    expect(toSam?.subject).toBe('New reminders in Pathways');
    expect(toSam?.text).toContain('You have 2 new reminders');
    expect(toSam?.text).toContain('1 milestone is now late');
    expect(toSam?.text).toContain('https://pathways.example.org/notifications');
    expect(sink.received.find((message) => message.text?.includes('Jo Patel'))?.text).toContain(
      'You have 1 new reminder in Pathways',
    );
    for (const message of sink.received) expect(message.text).not.toMatch(/Maya|Hill|2009|2026-11-21/);
    expect(await db.prisma.notification.count({ where: { emailedAt: null } })).toBe(1);

    expect(await sendReminderEmails(db.prisma, mail, new Date('2026-11-22T08:00:00Z'))).toEqual({
      messages: 0,
      reminders: 0,
    });
    expect(sink.received).toHaveLength(2);
  });
});
