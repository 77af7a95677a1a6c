import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpSink } from '../test-support/smtp-sink.ts';
import { call, signIn, startTestServer, type Fixture, type Session } from '../test-support/test-server.ts';
import { silentLogger } from './logger.ts';
import { sendReviewLetters } from './reviews/review-mail.ts';
import { smtpReviewMailer, type ReviewMailer } from './reviews/review-mailer.ts';

/** The calendar part of an e-mail, parsed by ical.js (an iCalendar parser nobody here wrote). */
function calendarOf(mail: ParsedMail) {
  const part = mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no calendar in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(),
    location: event.getFirstPropertyValue('location'),
    summary: String(event.getFirstPropertyValue('summary')),
    attendee: String(event.getFirstPropertyValue('attendee')),
    organizer: String(event.getFirstPropertyValue('organizer')),
  };
}

const toAddress = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
const linkToken = (mail: ParsedMail) => /\/reply#([\w-]+)/.exec(mail.text ?? '')?.[1] ?? '';

describe('reviews and meetings, from invitation to final plan (PGlite)', () => {
  let f: Fixture;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let mailer: ReviewMailer;
  let clock = new Date('2026-11-09T10:00:00Z');
  let reviewId = '';
  let version = 0;
  /** Moves the clock to a day. */
  const setDay = async (day: string) => {
    clock = new Date(`${day}T10:00:00Z`);
    await Promise.resolve();
  };
  /** A session for someone, signed in again on each new day (a session ends after idling that long). */
  const sessions = new Map<string, { day: number; session: Session }>();
  const as = async (who: 'worker' | 'manager' | 'youngPerson' | 'adults' | 'otherWorker') => {
    const held = sessions.get(who);
    if (held && held.day === clock.getTime()) return held.session;
    const session = await signIn(f, f.users[who].email);
    sessions.set(who, { day: clock.getTime(), session });
    return session;
  };
  const mailsTo = (address: string, from = 0) =>
    sink.received.slice(from).filter((mail) => toAddress(mail) === address);
  const review = async () => (await call(f, await as('worker'), 'GET', `/api/reviews/${reviewId}`)).body;
  const step = async (id: string) => (await review()).steps.find((candidate: { id: string }) => candidate.id === id);
  /** The daily run the scheduler makes: advice reminders and chasers that fall due today. */
  const dailyLetters = () =>
    sendReviewLetters(
      { db: f.db.prisma, logger: silentLogger, now: () => clock, secureCookies: false, reviewMailer: mailer },
      f.baseUrl,
    );

  beforeAll(async () => {
    sink = await smtpSink();
    mailer = smtpReviewMailer({ smtpUrl: sink.url, from: 'Northshire SEND <send@northshire.test>', publicUrl: null });
    f = await startTestServer('PGlite', () => clock, {
      services: { reviewMailer: mailer },
    });
  });
  afterAll(async () => {
    await f.close();
    await sink.close();
  });

  it('arranges an annual review from the rule pack’s kinds, dating every step, and refuses what the pack does not have', async () => {
    const kinds = await call(f, await as('worker'), 'GET', `/api/young-people/${f.personId}/reviews`);
    expect(kinds.body.kinds.map((kind: { id: string }) => kind.id)).toContain('ehc_annual_review');
    const refused = await call(f, await as('worker'), 'POST', `/api/young-people/${f.personId}/reviews`, {
      kind: 'dk_plan_meeting',
      meetingDate: '2026-12-16',
      startTime: '10:00',
      durationMinutes: 90,
      place: 'Room 4',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('kind');
    const badTime = await call(f, await as('worker'), 'POST', `/api/young-people/${f.personId}/reviews`, {
      kind: 'ehc_annual_review',
      meetingDate: '2026-12-16',
      startTime: '25:00',
      durationMinutes: 90,
      place: 'Room 4',
    });
    expect(badTime.status).toBe(400);
    expect(badTime.body.error.field).toBe('startTime');
    const past = await call(f, await as('worker'), 'POST', `/api/young-people/${f.personId}/reviews`, {
      kind: 'ehc_annual_review',
      meetingDate: '2026-11-01',
      startTime: '10:00',
      durationMinutes: 90,
      place: 'Room 4',
    });
    expect(past.body.error.field).toBe('meetingDate');

    // Wednesday 16 December 2026, 10:00 in London (UTC in winter).
    const arranged = await call(f, await as('worker'), 'POST', `/api/young-people/${f.personId}/reviews`, {
      kind: 'ehc_annual_review',
      meetingDate: '2026-12-16',
      startTime: '10:00',
      durationMinutes: 90,
      place: 'Northshire College, room 4',
    });
    expect(arranged.status).toBe(201);
    reviewId = arranged.body.id;
    const steps = Object.fromEntries(arranged.body.steps.map((s: { id: string; due: string }) => [s.id, s.due]));
    expect(steps).toMatchObject({ invitations: '2026-12-02', advice_circulated: '2026-12-02', report: '2026-12-30' });
    // The plan counts down to it: "invitations and advice sent" is a milestone due two weeks before.
    const plan = await call(f, await as('worker'), 'GET', `/api/young-people/${f.personId}/plan`);
    expect(plan.body.milestones.find((m: { id: string }) => m.id === 'review_invitations')).toMatchObject({
      dueDate: '2026-12-02',
    });
  });

  it('invites people (only those who may see the record, each once) and asks two of them for advice', async () => {
    const invite = async (body: object) =>
      call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/invitations`, body);
    expect((await invite({ userId: f.users.youngPerson.id, role: 'young_person' })).status).toBe(201);
    expect(
      (await invite({ userId: f.users.adults.id, role: 'social_care', advice: { question: 'What support after 18?' } }))
        .status,
    ).toBe(201);
    const senco = await invite({
      name: 'Sam Senco',
      email: 'senco@school.test',
      role: 'school',
      advice: { question: 'How is Maya getting on at school?' },
    });
    expect(senco.status).toBe(201);
    expect((await invite({ name: 'Dr Nia Patel', email: 'nia.patel@nhs.test', role: 'health' })).status).toBe(201);
    // Advice is due three weeks before by default (a week to circulate it in time).
    const adviser = senco.body.invitations.find((i: { name: string }) => i.name === 'Sam Senco');
    expect(adviser.advice).toMatchObject({ dueOn: '2026-11-25', status: 'waiting' });

    const again = await invite({ name: 'Sam again', email: 'SENCO@school.test', role: 'school' });
    expect([again.status, again.body.error.field]).toEqual([409, 'email']);
    const stranger = await invite({ userId: f.users.commissioner.id, role: 'other' });
    expect([stranger.status, stranger.body.error.field]).toEqual([400, 'userId']);
    const elsewhere = await invite({ userId: f.users.otherWorker.id, role: 'council' });
    expect([elsewhere.status, elsewhere.body.error.field]).toEqual([400, 'userId']);
    const lateAdvice = await invite({ name: 'X', role: 'other', advice: { question: 'Q', dueOn: '2026-12-20' } });
    expect([lateAdvice.status, lateAdvice.body.error.field]).toEqual([400, 'advice.dueOn']);
    expect(
      (
        await call(f, await as('youngPerson'), 'POST', `/api/reviews/${reviewId}/invitations`, {
          name: 'Me',
          role: 'other',
        })
      ).status,
    ).toBe(403);
    expect((await call(f, await as('otherWorker'), 'GET', `/api/reviews/${reviewId}`)).status).toBe(404);
  });

  it('sends everyone a calendar invitation (METHOD:REQUEST) with a private link; the invitations step is done', async () => {
    const before = sink.received.length;
    version = (await review()).version;
    const sent = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/send-invitations`, { version });
    expect(sent.status).toBe(200);
    const mails = sink.received.slice(before);
    expect(mails.map(toAddress).sort()).toEqual([
      'adults@ns.test',
      'maya@family.test',
      'nia.patel@nhs.test',
      'senco@school.test',
    ]);
    for (const mail of mails) {
      // E-mail is no place for a child's details: no name, the link says who.
      expect(mail.text).not.toContain('Maya');
      expect(mail.text).not.toContain('Hill');
      const event = calendarOf(mail);
      expect(event).toMatchObject({
        method: 'REQUEST',
        uid: `review.${reviewId}@pathways`,
        sequence: 0,
        status: 'CONFIRMED',
        start: '2026-12-16T10:00:00.000Z',
        end: '2026-12-16T11:30:00.000Z',
        location: 'Northshire College, room 4',
      });
      expect(event.attendee.toLowerCase()).toBe(`mailto:${toAddress(mail)}`);
      expect(event.organizer.toLowerCase()).toBe('mailto:send@northshire.test');
    }
    expect(await step('invitations')).toMatchObject({ status: 'done', doneOn: '2026-11-09' });
    // On the named worker's caseload: the review and the step it waits for next; nothing for another area.
    const underWay = await call(f, await as('worker'), 'GET', '/api/reviews?worker=me');
    expect(underWay.body.items).toEqual([
      expect.objectContaining({
        id: reviewId,
        youngPersonName: 'Maya Hill',
        nextStep: { id: 'advice_circulated', due: '2026-12-02', status: 'to_do' },
      }),
    ]);
    expect((await call(f, await as('otherWorker'), 'GET', '/api/reviews')).body.items).toEqual([]);
  });

  it('moves the meeting: everyone gets an update with the same UID and a higher SEQUENCE, and the clock moves with it', async () => {
    await setDay('2026-11-10');
    const before = sink.received.length;
    const moved = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/meeting`, {
      version: (await review()).version,
      meetingDate: '2027-01-13',
      startTime: '14:00',
    });
    expect(moved.status).toBe(200);
    const updates = sink.received.slice(before);
    expect(updates).toHaveLength(4);
    expect(updates.map((mail) => calendarOf(mail))).toEqual(
      updates.map(() =>
        expect.objectContaining({
          method: 'REQUEST',
          uid: `review.${reviewId}@pathways`,
          sequence: 1,
          start: '2027-01-13T14:00:00.000Z',
        }),
      ),
    );
    expect(await step('invitations')).toMatchObject({ due: '2026-12-30', status: 'done' });
    expect(await step('report')).toMatchObject({ due: '2027-01-27' });
    // The plan's milestone follows the new date (a second "meeting arranged").
    const plan = await call(f, await as('worker'), 'GET', `/api/young-people/${f.personId}/plan`);
    expect(plan.body.milestones.find((m: { id: string }) => m.id === 'review_invitations').dueDate).toBe('2026-12-30');
  });

  it('withdraws an invitation with a calendar cancellation (METHOD:CANCEL) that outranks what was sent', async () => {
    const current = await review();
    const doctor = current.invitations.find((i: { name: string }) => i.name === 'Dr Nia Patel');
    const before = sink.received.length;
    const withdrawn = await call(
      f,
      await as('worker'),
      'POST',
      `/api/reviews/${reviewId}/invitations/${doctor.id}/withdraw`,
    );
    expect(withdrawn.status).toBe(200);
    const [cancellation] = mailsTo('nia.patel@nhs.test', before);
    expect(cancellation && calendarOf(cancellation)).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      sequence: 2,
    });
    expect(withdrawn.body.invitations.map((i: { name: string }) => i.name)).not.toContain('Dr Nia Patel');
  });

  it('reminds advisers before their advice is due, chases the one who is late, and takes advice by link and in the app', async () => {
    // The private link shows the meeting and the request, nothing more.
    const sencoMail = mailsTo('senco@school.test').at(-1) as ParsedMail;
    const token = linkToken(sencoMail);
    const look = await call(f, null, 'POST', '/api/invitation-links/look-up', { token });
    expect(look.status).toBe(200);
    expect(look.body).toMatchObject({ youngPersonName: 'Maya Hill', meetingDate: '2027-01-13', reply: 'no_reply' });
    expect(Object.keys(look.body)).not.toContain('steps');
    expect((await call(f, null, 'POST', '/api/invitation-links/look-up', { token: 'x'.repeat(43) })).status).toBe(404);
    expect(
      (await call(f, null, 'POST', '/api/invitation-links/reply', { token, reply: 'maybe' })).body.error.field,
    ).toBe('reply');
    expect((await call(f, null, 'POST', '/api/invitation-links/reply', { token, reply: 'accepted' })).body.reply).toBe(
      'accepted',
    );

    // Advice was asked for by 25 November (advice requested before the move keeps its day): a reminder five days before.
    await setDay('2026-11-19');
    let before = sink.received.length;
    expect(await dailyLetters()).toBe(0);
    await setDay('2026-11-20');
    expect(await dailyLetters()).toBe(2);
    expect(
      sink.received
        .slice(before)
        .map((mail) => [toAddress(mail), mail.subject])
        .sort(),
    ).toEqual([
      ['adults@ns.test', 'Reminder: your advice for a meeting'],
      ['senco@school.test', 'Reminder: your advice for a meeting'],
    ]);
    expect(await dailyLetters()).toBe(0);

    // The school answers on time, through its link.
    await setDay('2026-11-24');
    const latestLink = linkToken(mailsTo('senco@school.test').at(-1) as ParsedMail);
    expect((await call(f, null, 'POST', '/api/invitation-links/look-up', { token })).status).toBe(404);
    const answered = await call(f, null, 'POST', '/api/invitation-links/advice', {
      token: latestLink,
      advice: 'Maya is doing well in maths and wants to study animal care.',
    });
    expect(answered.body.advice).toMatchObject({ status: 'received', submittedOn: '2026-11-24' });

    // Adult services do not: chased the day after, and again three days later.
    await setDay('2026-11-26');
    before = sink.received.length;
    expect(await dailyLetters()).toBe(1);
    expect(mailsTo('adults@ns.test', before).map((mail) => mail.subject)).toEqual([
      'Your advice for a meeting is late',
    ]);
    await setDay('2026-11-28');
    expect(await dailyLetters()).toBe(0);
    await setDay('2026-11-29');
    expect(await dailyLetters()).toBe(1);
    const late = await call(f, await as('adults'), 'POST', `/api/reviews/${reviewId}/advice`, {
      advice: 'We will assess in January.',
    });
    expect(late.status).toBe(200);
    const mine = late.body.invitations.find((i: { isYou: boolean }) => i.isYou);
    expect(mine.advice).toMatchObject({ status: 'received_late', submittedOn: '2026-11-29', chasedOn: '2026-11-29' });
    expect(
      (await call(f, await as('adults'), 'POST', `/api/reviews/${reviewId}/advice`, { advice: 'Again' })).status,
    ).toBe(422);
    await setDay('2026-12-05');
    expect(await dailyLetters()).toBe(0);
    // Adult services see the review but never the invitees' e-mail addresses.
    expect(late.body.invitations.every((i: { email: string | null }) => i.email === null)).toBe(true);
  });

  it('lets the young person write their one-page profile, checked field by field', async () => {
    const bad = await call(f, await as('youngPerson'), 'PUT', `/api/reviews/${reviewId}/profile`, {
      importantToMe: 'My dog Bella',
      workingWell: 'Art',
      notWorking: 'Loud rooms',
      wantToTalkAbout: 'College',
      takePart: 'by_pigeon',
      helpedBy: 'on_my_own',
    });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'takePart']);
    const saved = await call(f, await as('youngPerson'), 'PUT', `/api/reviews/${reviewId}/profile`, {
      importantToMe: 'My dog Bella',
      workingWell: 'Art',
      notWorking: 'Loud rooms',
      wantToTalkAbout: 'College',
      takePart: 'video',
      helpedBy: 'with_family',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toMatchObject({ takePart: 'video', importantToMe: 'My dog Bella' });
    // Carried into the handover pack: what matters to them, in their words.
    const handover = await call(f, await as('worker'), 'POST', `/api/young-people/${f.personId}/handovers`, {
      toAgencyId: f.adultAgencyId,
      summary: 'Moving to adult social care.',
    });
    expect(handover.status).toBe(201);
    expect(handover.body.whatMatters).toBe('My dog Bella');
  });

  it('records the meeting with who came, and three actions that reach their owners', async () => {
    await setDay('2026-12-30');
    const circulated = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/circulate-advice`, {
      version: (await review()).version,
    });
    expect(circulated.status).toBe(200);
    expect(circulated.body.steps.find((s: { id: string }) => s.id === 'advice_circulated').status).toBe('done');
    // Everyone invited reads the advice before the meeting, the school through its link too.
    const sencoLink = linkToken(mailsTo('senco@school.test').at(-1) as ParsedMail);
    const linked = await call(f, null, 'POST', '/api/invitation-links/look-up', { token: sencoLink });
    expect(linked.body.circulatedAdvice.map((advice: { from: string }) => advice.from).sort()).toEqual([
      'Sam Senco',
      'adults',
    ]);
    const tooEarly = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/actions`, {
      description: 'Visit college',
      owner: { name: 'Maya' },
      dueOn: '2027-02-01',
    });
    expect(tooEarly.status).toBe(422);

    await setDay('2027-01-13');
    const current = await review();
    const came = current.invitations
      .filter((i: { name: string }) => i.name !== 'adults')
      .map((i: { id: string }) => i.id);
    const stranger = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/meeting-record`, {
      version: current.version,
      heldOn: '2027-01-13',
      youngPersonTookPart: 'video',
      attended: ['00000000-0000-4000-8000-000000000000'],
    });
    expect([stranger.status, stranger.body.error.field]).toEqual([400, 'attended']);
    const recorded = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/meeting-record`, {
      version: current.version,
      heldOn: '2027-01-13',
      youngPersonTookPart: 'video',
      outcomesDiscussed: ['employment', 'independent_living'],
      notes: 'Maya wants to study animal care.',
      attended: came,
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ status: 'held', heldOn: '2027-01-13', youngPersonTookPart: 'video' });
    // No double entry: the event log has the review held on the meeting's day.
    const events = await call(f, await as('worker'), 'GET', `/api/young-people/${f.personId}/events`);
    expect(events.body.items.map((e: { type: string; date: string }) => `${e.type} ${e.date}`)).toContain(
      'education.annual_review_held 2027-01-13',
    );

    const add = async (description: string, owner: object, dueOn: string) =>
      call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/actions`, { description, owner, dueOn });
    expect((await add('Arrange a college taster day', { userId: f.users.manager.id }, '2027-02-10')).status).toBe(201);
    expect((await add('Start the Care Act assessment', { agencyId: f.adultAgencyId }, '2027-03-01')).status).toBe(201);
    const third = await add('Write down three jobs I might like', { userId: f.users.youngPerson.id }, '2027-02-01');
    expect(third.body.actions).toHaveLength(3);
    const noOwner = await add('Nobody', { userId: f.users.commissioner.id }, '2027-02-01');
    expect([noOwner.status, noOwner.body.error.field]).toEqual([400, 'owner.userId']);
    const two = await add('Two owners', { name: 'A', agencyId: f.adultAgencyId }, '2027-02-01');
    expect(two.status).toBe(400);
    const otherAgency = await add('Elsewhere', { agencyId: '00000000-0000-4000-8000-000000000000' }, '2027-02-01');
    expect(otherAgency.body.error.field).toBe('owner.agencyId');
  });

  it('shows each owner their actions (the agency’s to adult services), in their calendar, and lets them complete them', async () => {
    const managerActions = await call(f, await as('manager'), 'GET', '/api/actions');
    expect(managerActions.body.items.map((a: { description: string }) => a.description)).toEqual([
      'Arrange a college taster day',
    ]);
    const adultActions = await call(f, await as('adults'), 'GET', '/api/actions');
    expect(
      adultActions.body.items.map((a: { description: string; isYours: boolean }) => [a.description, a.isYours]),
    ).toEqual([['Start the Care Act assessment', true]]);
    const reminders = await call(f, await as('manager'), 'GET', '/api/notifications');
    expect(reminders.body.items.map((n: { kind: string }) => n.kind)).toContain('action_assigned');

    const feed = await call(f, await as('manager'), 'POST', '/api/calendar-feed');
    const ics = await (await fetch(feed.body.url)).text();
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((event) => new ICAL.Event(event));
    const action = events.find((event) => event.uid === `action.${managerActions.body.items[0].id}@pathways`);
    expect(action?.startDate.toString()).toBe('2027-02-10');
    expect(action?.summary).toBe('Action agreed at a review — Maya H.');

    const [owned] = managerActions.body.items;
    expect(
      (
        await call(f, await as('youngPerson'), 'PATCH', `/api/actions/${owned.id}`, {
          version: owned.version,
          status: 'done',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(f, await as('otherWorker'), 'PATCH', `/api/actions/${owned.id}`, {
          version: owned.version,
          status: 'done',
        })
      ).status,
    ).toBe(404);
    const done = await call(f, await as('manager'), 'PATCH', `/api/actions/${owned.id}`, {
      version: owned.version,
      status: 'done',
    });
    expect(done.body).toMatchObject({ status: 'done', doneOn: '2027-01-13', isLate: false });
    const stale = await call(f, await as('manager'), 'PATCH', `/api/actions/${owned.id}`, {
      version: owned.version,
      status: 'in_progress',
    });
    expect(stale.status).toBe(409);
  });

  it('records the report, the decision to amend and the final plan; the next yearly review follows from the meeting', async () => {
    await setDay('2027-03-20');
    const current = await review();
    const before = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/after-meeting`, {
      version: current.version,
      finalPlanOn: '2027-03-01',
    });
    expect(before.status).toBe(422);
    const future = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/after-meeting`, {
      version: current.version,
      reportSentOn: '2027-04-01',
    });
    expect(future.body.error.field).toBe('reportSentOn');
    const halfDecision = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/after-meeting`, {
      version: current.version,
      decision: 'amend',
    });
    expect(halfDecision.body.error.field).toBe('decisionOn');
    const decided = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/after-meeting`, {
      version: current.version,
      reportSentOn: '2027-01-22',
      decision: 'amend',
      decisionOn: '2027-02-05',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('held');
    expect(decided.body.steps.find((s: { id: string }) => s.id === 'final_plan')).toMatchObject({
      due: '2027-04-02',
      status: 'to_do',
    });
    const finished = await call(f, await as('worker'), 'POST', `/api/reviews/${reviewId}/after-meeting`, {
      version: decided.body.version,
      finalPlanOn: '2027-03-19',
    });
    expect(finished.body.status).toBe('completed');
    expect(finished.body.steps.find((s: { id: string }) => s.id === 'appeal')).toMatchObject({
      due: '2027-05-19',
      status: 'open',
    });
    const plan = await call(f, await as('worker'), 'GET', `/api/young-people/${f.personId}/plan`);
    const byId = (id: string) => plan.body.milestones.find((m: { id: string }) => m.id === id);
    expect(byId('review_report').status).toBe('done');
    expect(byId('review_decision').status).toBe('done');
    expect(byId('amended_plan_issued').status).toBe('done');
    expect(byId('annual_review').dueDate).toBe('2028-01-13');
  });

  it('cancels a meeting: the people invited get a cancellation and the plan stops counting down to it', async () => {
    const arranged = await call(f, await as('worker'), 'POST', `/api/young-people/${f.personId}/reviews`, {
      kind: 'ehc_annual_review',
      meetingDate: '2027-05-12',
      startTime: '09:30',
      durationMinutes: 60,
      place: 'Online',
    });
    // The profile starts from the one written for the last review.
    expect(arranged.body.profile).toMatchObject({ importantToMe: 'My dog Bella' });
    const id = arranged.body.id;
    await call(f, await as('worker'), 'POST', `/api/reviews/${id}/invitations`, {
      name: 'Sam Senco',
      email: 'senco@school.test',
      role: 'school',
    });
    await call(f, await as('worker'), 'POST', `/api/reviews/${id}/send-invitations`, {
      version: (await call(f, await as('worker'), 'GET', `/api/reviews/${id}`)).body.version,
    });
    const before = sink.received.length;
    const cancelled = await call(f, await as('worker'), 'POST', `/api/reviews/${id}/cancel`, {
      version: (await call(f, await as('worker'), 'GET', `/api/reviews/${id}`)).body.version,
    });
    expect(cancelled.body.status).toBe('cancelled');
    const [mail] = mailsTo('senco@school.test', before);
    expect(mail && calendarOf(mail)).toMatchObject({ method: 'CANCEL', uid: `review.${id}@pathways`, sequence: 1 });
    const plan = await call(f, await as('worker'), 'GET', `/api/young-people/${f.personId}/plan`);
    expect(plan.body.milestones.find((m: { id: string }) => m.id === 'review_invitations').dueDate).not.toBe(
      '2027-04-28',
    );
    expect(
      (await call(f, await as('worker'), 'POST', `/api/reviews/${id}/cancel`, { version: cancelled.body.version }))
        .status,
    ).toBe(422);
  });
});
