import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, TODAY, type Fixture, type Session } from '../test-support/test-server.ts';
import { HEALTH_FACTS, SHARING_SCOPES, type SharingScope } from './sharing.ts';

/**
 * Walks every GET endpoint the API documents, and the calendar feed, as adult services, for
 * each of the 16 combinations of what the young person agreed to share with them, and looks
 * in every answer for what each part holds. A part not agreed must appear nowhere: not in the
 * record, the plan, the event log, either FHIR export, the goals, the inbox or the calendar.
 */

const ABOUT_ME = 'About-me words only goals sharing may show';
const GOAL = 'A goal only goals sharing may show';
const PACK = 'A pack only handover sharing may show';
const REVIEW = 'A review only plan sharing may show';
const ACTION = 'An action only plan sharing may show';
const HEALTH_MEETING = 'A health meeting only health sharing may show';
const HEALTH_DOCUMENT = 'A hospital passport only health sharing may show';
const PLAN_DOCUMENT = 'A letter only plan sharing may show';
const PLAN_REFERRAL = 'A referral only plan sharing may show';
const HEALTH_REFERRAL = 'A referral to counselling only health sharing may show';
/** What each part holds, as text that shows wherever it leaks. */
const MARKERS: Record<Exclude<SharingScope, 'handover'>, RegExp[]> = {
  // Milestones and events of the pathways that are not health.
  plan: [
    /care_act_transition_assessment/,
    /education\.annual_review_held/,
    /"pathway":"education"/,
    /social care pathway/,
    new RegExp(REVIEW),
    new RegExp(ACTION),
    new RegExp(PLAN_DOCUMENT),
    new RegExp(PLAN_REFERRAL),
  ],
  health: [
    /health_transfer/,
    /health\.transfer_planned/,
    /"pathway":"health"/,
    /health pathway/,
    new RegExp(HEALTH_MEETING),
    new RegExp(HEALTH_DOCUMENT),
    new RegExp(HEALTH_REFERRAL),
    // A referral letter says the health facts in words.
    /life-limiting condition/,
    ...HEALTH_FACTS.map((fact) => new RegExp(fact)),
  ],
  goals: [new RegExp(ABOUT_ME), new RegExp(GOAL)],
};

/** Answers about the product, not about anyone: the event catalogue names every event type, the API document every field. */
const ABOUT_NOBODY = new Set([
  '/api/event-types',
  '/api/openapi.json',
  '/api/docs',
  '/api/areas',
  '/api/agencies',
  '/api/session',
]);

const combinations = (): SharingScope[][] =>
  Array.from({ length: 2 ** SHARING_SCOPES.length }, (_, mask) => SHARING_SCOPES.filter((_, bit) => mask & (1 << bit)));

describe('the consent walk: every endpoint and export, every combination of agreements', () => {
  let f: Fixture;
  let adults: Session;
  let handoverId: string;
  let reviewId: string;
  let feedPath: string;
  let getPaths: string[];
  let healthDocumentId: string;
  let referralId: string;

  beforeAll(async () => {
    f = await startTestServer('PGlite');
    const worker = await signIn(f, f.users.worker.email);
    adults = await signIn(f, f.users.adults.email);
    await f.db.prisma.youngPerson.update({
      where: { id: f.personId },
      data: { aboutMe: ABOUT_ME, lifeLimitingCondition: true, learningDisability: true, mayLackCapacity: true },
    });
    await call(f, worker, 'POST', `/api/young-people/${f.personId}/goals`, { text: GOAL, outcomeArea: 'employment' });
    let version = (await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.personId } })).version;
    for (const event of [
      { type: 'health.transfer_planned', date: TODAY, transferDate: '2027-09-01' },
      { type: 'education.annual_review_held', date: TODAY },
    ]) {
      const recorded = await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, { version, event });
      expect(recorded.status).toBe(201);
      version = recorded.body.version;
    }
    // A review (the plan's), with an action for adult services' own agency, and a health meeting (health's).
    const review = await call(f, worker, 'POST', `/api/young-people/${f.personId}/reviews`, {
      kind: 'ehc_annual_review',
      meetingDate: '2027-01-13',
      startTime: '10:00',
      durationMinutes: 60,
      place: REVIEW,
    });
    reviewId = review.body.id;
    await f.db.prisma.review.update({
      where: { id: reviewId },
      data: { status: 'held', heldOn: new Date(`${TODAY}T00:00:00Z`) },
    });
    const action = await call(f, worker, 'POST', `/api/reviews/${reviewId}/actions`, {
      description: ACTION,
      owner: { agencyId: f.adultAgencyId },
      dueOn: '2027-02-01',
    });
    expect(action.status).toBe(201);
    const meeting = await call(f, worker, 'POST', `/api/young-people/${f.personId}/reviews`, {
      kind: 'health_transition_meeting',
      meetingDate: '2027-01-20',
      startTime: '10:00',
      durationMinutes: 60,
      place: HEALTH_MEETING,
    });
    expect(meeting.status).toBe(201);
    const handover = await f.db.prisma.handover.findFirstOrThrow({
      where: { youngPersonId: f.personId, toAgencyId: f.adultAgencyId },
    });
    await f.db.prisma.handover.update({ where: { id: handover.id }, data: { summary: PACK } });
    handoverId = handover.id;
    // Two documents, their titles and content the markers: a hospital passport (health) and a letter (plan).
    const addDocument = (type: string, title: string) =>
      f.db.prisma.document.create({
        data: {
          youngPersonId: f.personId,
          type,
          title,
          fileName: `${type}.pdf`,
          mediaType: 'application/pdf',
          byteSize: new TextEncoder().encode(`%PDF-1.4\n% ${title}\n%%EOF`).length,
          sha256: '0'.repeat(64),
          addedByName: 'worker',
          addedByRole: 'transition_worker',
          chunks: { create: { seq: 0, bytes: new TextEncoder().encode(`%PDF-1.4\n% ${title}\n%%EOF`) } },
        },
      });
    healthDocumentId = (await addDocument('hospital_passport', HEALTH_DOCUMENT)).id;
    await addDocument('letter', PLAN_DOCUMENT);
    // Two referrals: to short breaks (the plan's), its letter sharing goals and health with that
    // service; and to counselling (health's, whatever it shares).
    const offer = await f.db.prisma.agency.create({
      data: { name: 'Local offer provider', type: 'other', areaId: f.areaId, externalId: 'org-walk' },
    });
    const offered = (externalId: string, name: string, topics: string[]) =>
      f.db.prisma.service.create({
        data: {
          areaId: f.areaId,
          agencyId: offer.id,
          externalId,
          name,
          sortName: name.toLowerCase(),
          topics,
          digest: '',
        },
      });
    const refer = async (serviceId: string, reason: string, share: string[]) => {
      const made = await call(f, worker, 'POST', `/api/young-people/${f.personId}/referrals`, {
        serviceId,
        reason,
        agreement: 'agreed',
        share,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return made.body.id as string;
    };
    referralId = await refer((await offered('breaks', 'Short breaks', ['short_breaks'])).id, PLAN_REFERRAL, [
      'goals',
      'health',
    ]);
    await refer((await offered('counselling', 'Counselling', ['mental_health'])).id, HEALTH_REFERRAL, []);
    feedPath = new URL((await call(f, adults, 'POST', '/api/calendar-feed')).body.url as string).pathname;
    const openapi = (await call(f, null, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    getPaths = Object.entries(openapi.paths)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path);
  });
  afterAll(async () => f?.close());

  /** The documented GET paths (the calendar feed among them), with this fixture's ids in them; an unknown parameter fails the walk, so a new endpoint cannot be missed. */
  const concretePaths = () =>
    getPaths.map((path) =>
      path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = {
          id: f.personId,
          handoverId,
          reviewId,
          file: feedPath.split('/').at(-1),
          areaId: f.areaId,
          documentId: healthDocumentId,
          referralId,
          // The handover's conversation: theirs while the handover is shared with them.
          kind: 'handover',
          subjectId: handoverId,
        }[name];
        if (!value) throw new Error(`the consent walk does not know what to put in {${name}} of ${path}: add it`);
        return value;
      }),
    );

  /** What the young person agreed with adult services (their agreements with other services stand). */
  async function agree(parts: SharingScope[]) {
    await f.db.prisma.consent.deleteMany({ where: { youngPersonId: f.personId, agencyId: f.adultAgencyId } });
    await f.db.prisma.consent.createMany({
      data: parts.map((scope) => ({
        youngPersonId: f.personId,
        scope,
        agencyId: f.adultAgencyId,
        givenByRole: 'young_person',
        givenAt: new Date(`${TODAY}T09:00:00Z`),
      })),
    });
  }

  it.each(combinations().map((parts) => [parts.join(', ') || 'nothing', parts] as const))(
    'agreed to share %s',
    async (_, parts) => {
      await agree(parts);
      const answers: { path: string; status: number; text: string }[] = [];
      expect(concretePaths()).toContain(feedPath);
      for (const path of concretePaths()) {
        // The calendar feed is fetched as a calendar app would: no cookie, the secret in the address.
        const response = await call(f, path === feedPath ? null : adults, 'GET', path);
        expect(response.status, path).toBeLessThan(500);
        answers.push({
          path,
          status: response.status,
          text: typeof response.body === 'string' ? response.body : JSON.stringify(response.body),
        });
      }
      const seen = answers.filter((answer) => answer.status === 200 && !ABOUT_NOBODY.has(answer.path));
      const everything = seen.map((answer) => answer.text).join('\n');

      if (!parts.includes('handover')) {
        // Without the handover agreement they do not know the young person at all.
        expect(everything).not.toContain(f.personId);
        expect(everything).not.toContain('Maya');
        expect(everything).not.toContain(PACK);
        return;
      }
      expect(everything).toContain(PACK);
      for (const part of ['plan', 'health', 'goals'] as const) {
        for (const marker of MARKERS[part]) {
          const leaks = seen.filter((answer) => marker.test(answer.text)).map((answer) => answer.path);
          if (parts.includes(part)) continue;
          expect(leaks, `${part} (${marker}) shown without agreement`).toEqual([]);
        }
      }
      // What is agreed is there to see (so the walk is not passing on empty answers).
      if (parts.includes('goals')) expect(everything).toContain(GOAL);
      if (parts.includes('plan')) expect(everything).toMatch(MARKERS.plan[0] as RegExp);
      if (parts.includes('plan')) expect(everything).toContain(ACTION);
      if (parts.includes('health')) expect(everything).toContain(HEALTH_MEETING);
      if (parts.includes('health')) expect(everything).toContain(HEALTH_DOCUMENT);
      if (parts.includes('plan')) expect(everything).toContain(PLAN_DOCUMENT);
      if (parts.includes('plan')) expect(everything).toContain(PLAN_REFERRAL);
      if (parts.includes('health')) expect(everything).toContain(HEALTH_REFERRAL);
      // The letter's goals reach adult services only if she shares her goals with them too.
      if (parts.includes('plan') && parts.includes('goals')) expect(everything).toContain(ABOUT_ME);
      if (parts.includes('health') && parts.includes('plan')) expect(everything).toMatch(/health_transfer/);
    },
  );
});
