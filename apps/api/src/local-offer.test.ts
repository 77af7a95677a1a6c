import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { V1_SERVICE, V3_SERVICE } from '../test-support/oruk-examples.ts';
import { smtpSink } from '../test-support/smtp-sink.ts';
import {
  call,
  sendFile,
  signIn,
  startTestServer,
  TODAY,
  type Fixture,
  type RoleName,
  type Session,
} from '../test-support/test-server.ts';
import { smtpReviewMailer } from './reviews/review-mailer.ts';

const EMPLOYMENT = {
  id: 'jobs-16-25',
  name: 'Supported Internships',
  description: 'A year of supported employment with a job coach, for young people with an EHC plan.',
  email: 'internships@college.example.org',
  organization: { id: 'org-college', name: 'Northshire College' },
  minimum_age: 16,
  maximum_age: 25,
  attributes: [{ taxonomy_term: { name: 'Employment support' } }],
  cost_options: [{ amount: 0 }],
};
const NO_ADDRESS = {
  id: 'advice-line',
  name: 'SEND Advice Line',
  description: 'Information and advice for families.',
  organization: { id: 'org-iass', name: 'SENDIASS' },
};
const ABOUT_ME = 'I love swimming and my dog Biscuit.';
const GOAL = 'I want to live with my friends one day';

describe('the local offer: directory, services beside the plan, referrals', () => {
  let f: Fixture;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  const sessions = new Map<RoleName, Session>();
  const as = async (role: RoleName) => {
    if (!sessions.has(role)) sessions.set(role, await signIn(f, f.users[role].email));
    return sessions.get(role) as Session;
  };
  const serviceId = async (externalId: string) =>
    (await f.db.prisma.service.findFirstOrThrow({ where: { externalId } })).id;
  const mailTo = (address: string) =>
    sink.received.filter(
      (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address === address,
    );
  /** An open step of Maya's plan a referral can complete (one recorded as done, not by its own event). */
  let milestoneId: string;

  beforeAll(async () => {
    sink = await smtpSink();
    f = await startTestServer('PGlite', undefined, {
      services: {
        reviewMailer: smtpReviewMailer({
          smtpUrl: sink.url,
          from: 'Northshire <send@northshire.test>',
          publicUrl: null,
        }),
      },
    });
    const admin = await signIn(f, f.users.admin.email);
    const offer = [V1_SERVICE, V3_SERVICE, EMPLOYMENT, NO_ADDRESS].map((s) => JSON.stringify(s)).join('\n');
    expect(
      (await sendFile(f, admin, `/api/agencies/import?areaId=${f.areaId}`, 'application/x-ndjson', offer)).status,
    ).toBe(200);
    const elsewhere = JSON.stringify({ ...V1_SERVICE, id: 'westvale-breaks', name: 'Westvale Short Breaks' });
    await sendFile(f, admin, `/api/agencies/import?areaId=${f.otherAreaId}`, 'application/json', elsewhere);
    await f.db.prisma.youngPerson.update({ where: { id: f.personId }, data: { aboutMe: ABOUT_ME } });
    await f.db.prisma.goal.create({
      data: { youngPersonId: f.personId, text: GOAL, outcomeArea: 'independent_living' },
    });
    const plan = await call(f, await as('worker'), 'GET', `/api/young-people/${f.personId}/plan`);
    const open = plan.body.milestones.find(
      (m: { nature: string; status: string; completedBy: string[]; pathway: string }) =>
        m.nature === 'task' &&
        ['due', 'upcoming', 'overdue'].includes(m.status) &&
        m.completedBy.includes('milestone.recorded') &&
        !['health', 'palliative'].includes(m.pathway),
    );
    expect(open, 'an open step done by recording it').toBeDefined();
    milestoneId = open.id;
  });
  afterAll(async () => {
    await f?.close();
    await sink?.close();
  });

  describe('searching', () => {
    it('finds short breaks for a 16-year-old, for a parent, and not for a 20-year-old', async () => {
      const parent = await as('parent');
      const found = await call(f, parent, 'GET', '/api/services?topic=short_breaks&age=16');
      expect(found.status).toBe(200);
      expect(found.body.items.map((s: { name: string }) => s.name)).toEqual(['Saturday Short Breaks Club']);
      expect(found.body.items[0]).toMatchObject({
        agencyName: 'Short Breaks Trust',
        summary: expect.stringContaining('Saturday activities'),
        minAge: 8,
        maxAge: 18,
        isFree: true,
      });
      expect((await call(f, parent, 'GET', '/api/services?topic=short_breaks&age=20')).body.items).toEqual([]);
    });

    it('searches by words, place and cost, within the caller’s own area', async () => {
      const worker = await as('worker');
      const names = async (query: string) =>
        (await call(f, worker, 'GET', `/api/services?${query}`)).body.items.map((s: { name: string }) => s.name);
      expect(await names('q=job%20coach')).toEqual(['Supported Internships']);
      expect(await names('q=short%20breaks%20trust')).toEqual(['Saturday Short Breaks Club']);
      expect(await names('free=true')).toEqual(['Saturday Short Breaks Club', 'Supported Internships']);
      // Offered in Northtown, or with no area named (everywhere).
      expect(await names('place=Northtown')).toEqual([
        'Saturday Short Breaks Club',
        'SEND Advice Line',
        'Supported Internships',
      ]);
      const all = await call(f, worker, 'GET', '/api/services');
      expect(all.body).toMatchObject({ total: 4, places: ['MyCity', 'Northtown'] });
      expect(all.body.items.map((s: { name: string }) => s.name)).not.toContain('Westvale Short Breaks');
    });

    it('shows one service in plain words, and no service of another area', async () => {
      const page = await call(f, await as('youngPerson'), 'GET', `/api/services/${await serviceId(V1_SERVICE.id)}`);
      expect(page.body).toMatchObject({
        name: 'Saturday Short Breaks Club',
        howToGet: V1_SERVICE.application_process,
        locations: [{ address: '5 Meadow Lane, Northtown', postcode: 'NS1 4AB' }],
        schedules: ['Saturdays, 10:00 to 16:00'],
        mayReferTo: true,
      });
      expect(
        (await call(f, await as('worker'), 'GET', `/api/services/${await serviceId('westvale-breaks')}`)).status,
      ).toBe(404);
    });

    it('refuses a bad query naming the field', async () => {
      const bad = await call(f, await as('worker'), 'GET', '/api/services?age=old');
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('age');
      expect((await call(f, await as('worker'), 'GET', '/api/services?topic=nonsense')).status).toBe(400);
      expect((await call(f, null, 'GET', '/api/services')).status).toBe(401);
    });
  });

  it('shows, beside each step of the plan still to do, services for the young person’s age; only the steps the caller may see', async () => {
    const helpful = await call(f, await as('worker'), 'GET', `/api/young-people/${f.personId}/helpful-services`);
    expect(helpful.status).toBe(200);
    expect(helpful.body.age).toBe(17);
    const plan = (await call(f, await as('worker'), 'GET', `/api/young-people/${f.personId}/plan`)).body;
    const step = (id: string) => plan.milestones.find((m: { id: string }) => m.id === id);
    const names = (id: string) => helpful.body.byMilestone[id]?.map((s: { name: string }) => s.name);
    // The Care Act assessment: care and support, advocacy, short breaks (up to 18 for the club).
    expect(step('care_act_transition_assessment')).toBeDefined();
    expect(names('care_act_transition_assessment')).toEqual(['Saturday Short Breaks Club']);
    // A step of the health pathway: health and mental health services.
    const health = plan.milestones.find(
      (m: { pathway: string; nature: string; status: string }) =>
        m.pathway === 'health' && m.nature === 'task' && ['due', 'upcoming', 'overdue'].includes(m.status),
    );
    expect(names(health.id)).toEqual(['Community Counselling']);
    // Maya does not share her health with her school: no health step, nor its services.
    const school = await call(f, await as('senco'), 'GET', `/api/young-people/${f.personId}/helpful-services`);
    expect(Object.keys(school.body.byMilestone)).not.toContain(health.id);
    expect(Object.keys(school.body.byMilestone)).toContain('care_act_transition_assessment');
    expect(
      (await call(f, await as('otherWorker'), 'GET', `/api/young-people/${f.personId}/helpful-services`)).status,
    ).toBe(404);
    // An action agreed at a review finds services by the words it is written in.
    const review = await f.db.prisma.review.create({
      data: {
        youngPersonId: f.personId,
        kind: 'ehc_annual_review',
        meetingDate: new Date(`${TODAY}T00:00:00Z`),
        startTime: '10:00',
        durationMinutes: 60,
        place: 'School',
        status: 'held',
      },
    });
    const action = await f.db.prisma.reviewAction.create({
      data: {
        reviewId: review.id,
        youngPersonId: f.personId,
        description: 'Look for a supported internship for next September',
        ownerName: 'Sam',
        dueOn: new Date('2027-01-31T00:00:00Z'),
      },
    });
    const withAction = await call(f, await as('worker'), 'GET', `/api/young-people/${f.personId}/helpful-services`);
    expect(withAction.body.byAction[action.id].map((s: { name: string }) => s.name)).toEqual(['Supported Internships']);
  });

  describe('referring', () => {
    let referral: { id: string; version: number };
    const refer = async (role: RoleName, body: object, personId = f.personId) =>
      call(f, await as(role), 'POST', `/api/young-people/${personId}/referrals`, body);

    it('refers with the young person’s agreement, recorded as an agreement to share, and e-mails a letter holding only what was agreed', async () => {
      const response = await refer('worker', {
        serviceId: await serviceId(V1_SERVICE.id),
        reason: 'Saturday breaks so Maya can meet friends and her mum gets a rest',
        milestoneId,
        completesMilestone: true,
        agreement: 'agreed',
        share: ['plan'],
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      referral = response.body;
      expect(response.body).toMatchObject({
        status: 'sent',
        agreedBy: 'young_person',
        sharedParts: ['plan'],
        sentTo: 'referrals@shortbreaks.example.org',
        emailed: true,
        nextStatuses: ['accepted', 'declined'],
      });
      const agency = await f.db.prisma.agency.findFirstOrThrow({ where: { externalId: 'org-sb' } });
      expect(
        await f.db.prisma.consent.findMany({
          where: { youngPersonId: f.personId, agencyId: agency.id },
          select: { scope: true, givenByRole: true },
        }),
      ).toEqual([{ scope: 'plan', givenByRole: 'young_person' }]);
      const [mail] = mailTo('referrals@shortbreaks.example.org');
      expect(mail?.subject).toBe('Referral: Maya Hill to Saturday Short Breaks Club');
      expect(mail?.text).toContain('Saturday breaks so Maya can meet friends');
      expect(mail?.text).toContain('Agreed by the young person');
      for (const unshared of [ABOUT_ME, GOAL, 'children’s health services']) expect(mail?.text).not.toContain(unshared);
      const letter = await call(f, await as('worker'), 'GET', `/api/referrals/${referral.id}/letter`);
      expect(letter.headers.get('content-type')).toContain('text/html');
      expect(letter.body).toContain('Steps of their transition plan still to do');
      for (const unshared of [ABOUT_ME, GOAL, 'Health']) expect(letter.body).not.toContain(unshared);
    });

    it('puts goals and health in the letter only once agreed, and takes them out when withdrawn', async () => {
      const response = await refer('worker', {
        serviceId: await serviceId(V3_SERVICE.id),
        reason: 'Counselling for anxiety about leaving school',
        agreement: 'agreed',
        share: ['goals', 'health'],
      });
      expect(response.status).toBe(201);
      const letter = async () =>
        (await call(f, await as('worker'), 'GET', `/api/referrals/${response.body.id}/letter`)).body;
      expect(await letter()).toContain(ABOUT_ME);
      expect(await letter()).toContain(GOAL);
      expect(await letter()).toContain('Sees children’s health services');
      const agency = await f.db.prisma.agency.findFirstOrThrow({ where: { externalId: V3_SERVICE.organization.id } });
      const goals = await f.db.prisma.consent.findFirstOrThrow({ where: { agencyId: agency.id, scope: 'goals' } });
      expect((await call(f, await as('youngPerson'), 'POST', `/api/consents/${goals.id}/withdraw`)).status).toBe(200);
      expect(await letter()).not.toContain(ABOUT_ME);
      expect(await letter()).toContain('Sees children’s health services');
    });

    it('records the service’s answer, and accepting completes the step it was for', async () => {
      const worker = await as('worker');
      const accepted = await call(f, worker, 'POST', `/api/referrals/${referral.id}/status`, {
        version: referral.version,
        status: 'accepted',
        on: TODAY,
      });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'accepted',
        acceptedOn: TODAY,
        completedMilestone: milestoneId,
        nextStatuses: ['started', 'declined'],
      });
      const plan = await call(f, worker, 'GET', `/api/young-people/${f.personId}/plan`);
      expect(plan.body.milestones.find((m: { id: string }) => m.id === milestoneId)).toMatchObject({
        status: 'done',
        completedOn: TODAY,
      });
      // The same version again is someone else's change.
      const stale = await call(f, worker, 'POST', `/api/referrals/${referral.id}/status`, {
        version: referral.version,
        status: 'started',
        on: TODAY,
      });
      expect(stale.status).toBe(409);
      const wrongStep = await call(f, worker, 'POST', `/api/referrals/${referral.id}/status`, {
        version: accepted.body.version,
        status: 'ended',
        on: TODAY,
      });
      expect(wrongStep.status).toBe(422);
      expect(wrongStep.body.error.field).toBe('status');
      const future = await call(f, worker, 'POST', `/api/referrals/${referral.id}/status`, {
        version: accepted.body.version,
        status: 'started',
        on: '2099-01-01',
      });
      expect(future.status).toBe(400);
      expect(future.body.error.field).toBe('on');
      const started = await call(f, worker, 'POST', `/api/referrals/${referral.id}/status`, {
        version: accepted.body.version,
        status: 'started',
        on: TODAY,
      });
      const ended = await call(f, worker, 'POST', `/api/referrals/${referral.id}/status`, {
        version: started.body.version,
        status: 'ended',
        on: TODAY,
        note: 'Goes every Saturday; made two friends',
      });
      expect(ended.body).toMatchObject({
        status: 'ended',
        outcome: 'Goes every Saturday; made two friends',
        nextStatuses: [],
      });
      expect(ended.body.updates.map((u: { status: string }) => u.status)).toEqual([
        'sent',
        'accepted',
        'started',
        'ended',
      ]);
    });

    it('a parent decides for a child under 16; the family and the young person see their referrals', async () => {
      const child = await refer(
        'worker',
        { serviceId: await serviceId(NO_ADDRESS.id), reason: 'Advice on the move to college', agreement: 'agreed' },
        f.childId,
      );
      expect(child.body).toMatchObject({ agreedBy: 'parent_carer', sentTo: null, emailed: false });
      const family = await call(f, await as('parent'), 'GET', `/api/young-people/${f.childId}/referrals`);
      expect(family.body.items).toMatchObject([
        { serviceName: 'SEND Advice Line', mayUpdate: false, nextStatuses: [] },
      ]);
      const own = await call(f, await as('youngPerson'), 'GET', `/api/young-people/${f.personId}/referrals`);
      expect(own.body.items.length).toBe(2);
    });

    it('refuses bad input, naming the field', async () => {
      const good = { serviceId: await serviceId(EMPLOYMENT.id), reason: 'Work', agreement: 'agreed' };
      const cases: [object, number, string][] = [
        [{ ...good, reason: '' }, 400, 'reason'],
        [{ ...good, serviceId: 'nope' }, 400, 'serviceId'],
        [{ ...good, serviceId: await serviceId('westvale-breaks') }, 400, 'serviceId'],
        [{ ...good, share: ['handover'] }, 400, 'share.0'],
        [{ ...good, agreement: 'maybe' }, 400, 'agreement'],
        [{ ...good, agreement: 'best_interests', bestInterestsReason: 'x' }, 422, 'agreement'],
        [{ ...good, bestInterestsReason: 'x' }, 400, 'bestInterestsReason'],
        [{ ...good, completesMilestone: true }, 400, 'milestoneId'],
        [{ ...good, milestoneId: 'no_such_step' }, 400, 'milestoneId'],
        [{ ...good, reviewActionId: '00000000-0000-4000-8000-000000000000' }, 400, 'reviewActionId'],
        [{ ...good, extra: true }, 400, 'body'],
      ];
      for (const [body, status, field] of cases) {
        const response = await refer('worker', body);
        expect([response.status, response.body.error?.field], JSON.stringify(body)).toEqual([
          status,
          expect.stringContaining(field === 'body' ? '' : field),
        ]);
      }
      expect(await f.db.prisma.referral.count({ where: { reason: 'Work' } })).toBe(0);
    });

    it('is for the young person’s workers: the family, adult services and commissioners cannot refer; another area cannot see', async () => {
      const body = { serviceId: await serviceId(EMPLOYMENT.id), reason: 'Work', agreement: 'agreed' };
      expect((await refer('youngPerson', body)).status).toBe(403);
      expect((await refer('parent', body, f.childId)).status).toBe(403);
      expect((await refer('adults', body)).status).toBe(403);
      expect((await refer('commissioner', body)).status).toBe(403);
      expect((await refer('otherWorker', body)).status).toBe(404);
      expect((await call(f, await as('otherWorker'), 'GET', `/api/referrals/${referral.id}/letter`)).status).toBe(404);
      expect(
        (
          await call(f, await as('otherWorker'), 'POST', `/api/referrals/${referral.id}/status`, {
            version: 1,
            status: 'accepted',
            on: TODAY,
          })
        ).status,
      ).toBe(404);
    });

    it('another agency’s linked worker refers sharing only what they see, and updates only their own referrals', async () => {
      const body = {
        serviceId: await serviceId(EMPLOYMENT.id),
        reason: 'Internship after year 13',
        agreement: 'agreed',
      };
      expect((await refer('senco', { ...body, share: ['health'] })).status).toBe(403);
      const made = await refer('senco', { ...body, share: ['plan', 'goals'] });
      expect(made.status).toBe(201);
      expect(made.body.mayUpdate).toBe(true);
      const theirs = await call(f, await as('senco'), 'POST', `/api/referrals/${referral.id}/status`, {
        version: 1,
        status: 'declined',
        on: TODAY,
      });
      expect(theirs.status).toBe(403);
      const own = await call(f, await as('senco'), 'POST', `/api/referrals/${made.body.id}/status`, {
        version: made.body.version,
        status: 'accepted',
        on: TODAY,
      });
      expect(own.status).toBe(200);
      expect((await refer('otherContributor', body)).status).toBe(404);
    });
  });

  it('shows commissioners referrals and waits per kind of service beside the demand coming, counts under 5 suppressed', async () => {
    const manager = await call(f, await as('manager'), 'GET', '/api/commissioning/referrals');
    expect(manager.status).toBe(200);
    const breaks = manager.body.items.find((item: { topic: string }) => item.topic === 'short_breaks');
    expect(breaks).toMatchObject({ services: 1, referrals: null, accepted: null, medianDaysToAccept: null });
    expect(manager.body.items.find((item: { topic: string }) => item.topic === 'employment')).toMatchObject({
      services: 1,
    });
    expect((await call(f, await as('worker'), 'GET', '/api/commissioning/referrals')).status).toBe(403);
  });
});
