import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, TODAY, type Fixture, type Session } from '../test-support/test-server.ts';
import { smtpSink } from '../test-support/smtp-sink.ts';
import { sendMessageNotices } from './jobs/message-notices.ts';

for (const backend of ['PGlite', 'PostgreSQL'] as const) {
  describe(`conversations and handover versions (${backend})`, () => {
    let f: Fixture;
    let sink: Awaited<ReturnType<typeof smtpSink>>;
    const sessions = new Map<string, Session>();
    const as = (who: string): Session => {
      const session = sessions.get(who);
      if (session === undefined) throw new Error(`${who} is not signed in`);
      return session;
    };
    const unread = async (who: string) => (await call(f, as(who), 'GET', '/api/messages')).body.unread as number;

    beforeAll(async () => {
      f = await startTestServer(backend);
      sink = await smtpSink();
      for (const who of [
        'worker',
        'manager',
        'senco',
        'adults',
        'youngPerson',
        'withdrawnContributor',
        'parent',
      ] as const)
        sessions.set(who, await signIn(f, f.users[who].email));
    });
    afterAll(async () => {
      await f.close();
      await sink.close();
    });

    it('the young person writes to their worker, who reads it (and she sees when) and replies', async () => {
      const family = `/api/messages/family/${f.personId}`;
      const sent = await call(f, as('youngPerson'), 'POST', `${family}/messages`, {
        body: 'Can we meet after school?',
      });
      expect(sent.status).toBe(201);
      expect(sent.body.messages).toEqual([
        expect.objectContaining({ authorName: 'maya', isMine: true, body: 'Can we meet after school?', readBy: [] }),
      ]);
      expect(await unread('worker')).toBe(1);
      // Not her team manager (she has a named worker), not the school, not adult services.
      expect(await unread('manager')).toBe(0);
      expect(await unread('senco')).toBe(0);
      for (const who of ['senco', 'adults', 'parent', 'withdrawnContributor'])
        expect((await call(f, as(who), 'GET', family)).status, who).toBe(404);
      const inbox = await call(f, as('worker'), 'GET', '/api/messages');
      expect(inbox.body.threads).toEqual([
        expect.objectContaining({ kind: 'family', subjectId: f.personId, youngPersonName: 'Maya Hill', unread: 1 }),
      ]);
      const opened = await call(f, as('worker'), 'GET', family);
      expect(opened.status).toBe(200);
      expect(await unread('worker')).toBe(0);
      const replied = await call(f, as('worker'), 'POST', `${family}/messages`, { body: 'Yes, Thursday at 4.' });
      expect(replied.status).toBe(201);
      expect(await unread('youngPerson')).toBe(1);
      const seen = await call(f, as('youngPerson'), 'GET', family);
      expect(seen.body.messages.map((m: any) => [m.authorName, m.body, m.readBy.map((r: any) => r.name)])).toEqual([
        ['maya', 'Can we meet after school?', ['worker']],
        ['worker', 'Yes, Thursday at 4.', ['maya']],
      ]);
      const audited = await f.db.prisma.auditEntry.count({
        where: { entityType: 'MessageThread', youngPersonId: f.personId },
      });
      expect(audited).toBeGreaterThanOrEqual(3);
    });

    it('the team conversation reaches the linked school, not a contributor whose agreement was withdrawn', async () => {
      const team = `/api/messages/team/${f.personId}`;
      expect(
        (await call(f, as('worker'), 'POST', `${team}/messages`, { body: 'Please send your advice.' })).status,
      ).toBe(201);
      expect(await unread('senco')).toBe(1);
      expect(await unread('withdrawnContributor')).toBe(0);
      expect((await call(f, as('withdrawnContributor'), 'GET', team)).status).toBe(404);
      expect((await call(f, as('youngPerson'), 'GET', team)).status).toBe(404);
      const answered = await call(f, as('senco'), 'POST', `${team}/messages`, { body: 'Sent today.' });
      expect(answered.body.messages.map((m: any) => m.authorName)).toEqual(['worker', 'senco']);
      expect(await unread('worker')).toBe(1);
      await call(f, as('worker'), 'GET', team);
      expect(await unread('worker')).toBe(0);
      expect((await call(f, as('senco'), 'POST', `${team}/messages`, { body: '   ' })).status).toBe(400);
    });

    it('adult services ask about a handover, the worker answers and publishes version 2, and they see what changed', async () => {
      const handover = await f.db.prisma.handover.findFirstOrThrow({ where: { youngPersonId: f.personId } });
      const asked = await call(f, as('adults'), 'POST', `/api/handovers/${handover.id}/request-info`, {
        version: handover.version,
        message: 'What support does Maya have at night?',
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(200);
      expect(asked.body.status).toBe('info_requested');
      expect(await unread('worker')).toBe(1);
      const thread = await call(f, as('worker'), 'GET', `/api/messages/handover/${handover.id}`);
      expect(thread.body.messages.map((m: any) => m.body)).toEqual(['What support does Maya have at night?']);
      // The pack, once sent, changes only by publishing.
      expect(
        (
          await call(f, as('worker'), 'PUT', `/api/handovers/${handover.id}`, {
            version: asked.body.version,
            summary: 'x',
          })
        ).status,
      ).toBe(422);
      const published = await call(f, as('worker'), 'POST', `/api/handovers/${handover.id}/publish`, {
        version: asked.body.version,
        summary: asked.body.summary,
        needs: 'A waking night carer.',
        note: 'Added night-time support under needs.',
      });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      expect(published.body).toMatchObject({ status: 'sent', packVersion: 2, needs: 'A waking night carer.' });
      const versions = await call(f, as('adults'), 'GET', `/api/handovers/${handover.id}/versions`);
      expect(versions.body.items.map((v: any) => [v.version, v.changed])).toEqual([
        [2, ['needs']],
        [1, []],
      ]);
      expect(await unread('adults')).toBe(1);
      const reply = await call(f, as('adults'), 'GET', `/api/messages/handover/${handover.id}`);
      expect(reply.body.messages.map((m: any) => m.body)).toEqual([
        'What support does Maya have at night?',
        'Added night-time support under needs.',
      ]);
      const acknowledged = await call(f, as('adults'), 'POST', `/api/handovers/${handover.id}/acknowledge`, {
        version: published.body.version,
      });
      expect(acknowledged.body.status).toBe('acknowledged');
      // The young person and the school are not in a handover's conversation.
      expect((await call(f, as('youngPerson'), 'GET', `/api/messages/handover/${handover.id}`)).status).toBe(404);
      expect((await call(f, as('senco'), 'GET', `/api/messages/handover/${handover.id}`)).status).toBe(404);
    });

    it('a draft is edited, then sending makes it version 1', async () => {
      const drafted = await call(f, as('worker'), 'POST', `/api/young-people/${f.personId}/handovers`, {
        toAgencyId: f.adultAgencyId,
        summary: 'First words',
      });
      expect(drafted.status).toBe(201);
      const edited = await call(f, as('worker'), 'PUT', `/api/handovers/${drafted.body.id}`, {
        version: drafted.body.version,
        summary: 'Better words',
        contacts: 'Mum: 07700 900123',
      });
      expect(edited.body).toMatchObject({ summary: 'Better words', contacts: 'Mum: 07700 900123', packVersion: 0 });
      const sent = await call(f, as('worker'), 'POST', `/api/handovers/${drafted.body.id}/send`, {
        version: edited.body.version,
      });
      expect(sent.body).toMatchObject({ status: 'sent', packVersion: 1 });
      const versions = await call(f, as('worker'), 'GET', `/api/handovers/${drafted.body.id}/versions`);
      expect(versions.body.items).toEqual([
        expect.objectContaining({
          version: 1,
          changed: [],
          pack: expect.objectContaining({ summary: 'Better words' }),
        }),
      ]);
    });

    it('e-mails each person with unread messages once, naming nobody and saying nothing of them', async () => {
      const mail = { smtpUrl: sink.url, from: 'Pathways <no-reply@pathways.test>', publicUrl: 'https://pathways.test' };
      const later = new Date(`${TODAY}T12:00:00Z`);
      await call(f, as('worker'), 'POST', `/api/messages/family/${f.personId}/messages`, { body: 'See you Thursday.' });
      // Too soon: messages wait, so that several go in one e-mail.
      expect(await sendMessageNotices(f.db.prisma, mail, new Date(`${TODAY}T10:05:00Z`), 15)).toBe(0);
      const told = await sendMessageNotices(f.db.prisma, mail, later, 15);
      expect(told).toBeGreaterThan(0);
      expect(sink.received.length).toBe(told);
      for (const message of sink.received) {
        expect(message.subject).toBe('You have a new message in Pathways');
        expect(message.text).toContain('https://pathways.test/messages');
        expect(message.text).not.toMatch(/maya|Maya|Hill|worker|senco|support|advice|Thursday/);
      }
      expect(await sendMessageNotices(f.db.prisma, mail, later, 15)).toBe(0);
    });

    it('puts every message about the young person in their subject access copy', async () => {
      const copy = await call(f, as('youngPerson'), 'GET', `/api/young-people/${f.personId}/subject-access`);
      expect(copy.body.messages.map((m: any) => [m.conversation, m.text])).toEqual(
        expect.arrayContaining([
          ['family', 'Can we meet after school?'],
          ['team', 'Sent today.'],
          ['handover', 'What support does Maya have at night?'],
        ]),
      );
    });
  });
}
