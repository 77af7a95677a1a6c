import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  PASSWORD,
  signIn,
  startTestServer,
  TODAY,
  type Fixture,
  type Session,
} from '../test-support/test-server.ts';

const BACKENDS = [
  ['PGlite', true],
  ['PostgreSQL', true],
] as const;

/** Row counts of everything a write could touch: "nothing written" means none of these moved. */
async function counts(f: Fixture) {
  const p = f.db.prisma;
  const [people, events, goals, notes, handovers, audit, version] = await Promise.all([
    p.youngPerson.count(),
    p.pathwayEvent.count(),
    p.goal.count(),
    p.goalProgressNote.count(),
    p.handover.count(),
    p.auditEntry.count(),
    p.youngPerson.findUniqueOrThrow({ where: { id: f.personId } }).then((person) => person.version),
  ]);
  return { people, events, goals, notes, handovers, audit, version };
}

describe.each(BACKENDS)('API over HTTP on %s', (backend, isAvailable) => {
  let f: Fixture;
  let worker: Session;

  beforeAll(async () => {
    if (!isAvailable) return;
    f = await startTestServer(backend);
    worker = await signIn(f, f.users.worker.email);
  });
  afterAll(async () => f?.close());

  describe.skipIf(!isAvailable)('invalid input on every write endpoint: 400 naming the field, nothing written', () => {
    const cases: [string, (f: Fixture) => Promise<[string, string, unknown]>, string][] = [
      ['sign in', async () => ['POST', '/api/session', { email: 'not-an-email', password: 'x' }], 'email'],
      [
        'add a young person',
        async () => [
          'POST',
          '/api/young-people',
          {
            givenName: 'A',
            familyName: 'B',
            dateOfBirth: '2011-04-04',
            jurisdiction: 'england',
            nhsNumber: '943 476 5918',
          },
        ],
        'nhsNumber',
      ],
      [
        'add a young person with an impossible date',
        async () => [
          'POST',
          '/api/young-people',
          { givenName: 'A', familyName: 'B', dateOfBirth: '2011-02-30', jurisdiction: 'england' },
        ],
        'dateOfBirth',
      ],
      [
        'change a record without a version',
        async (f) => ['PATCH', `/api/young-people/${f.personId}`, { changes: { preferredName: 'May' } }],
        'version',
      ],
      [
        'change a record with an unknown field',
        async (f) => ['PATCH', `/api/young-people/${f.personId}`, { version: 1, changes: { favouriteColour: 'blue' } }],
        'changes.favouriteColour',
      ],
      [
        'record an event with a bad payload',
        async (f) => [
          'POST',
          `/api/young-people/${f.personId}/events`,
          {
            version: 1,
            event: { type: 'education.transfer_planned', date: TODAY, transfer: 'post16', moveDate: '2027-13-01' },
          },
        ],
        'moveDate',
      ],
      [
        'record an unknown event',
        async (f) => [
          'POST',
          `/api/young-people/${f.personId}/events`,
          { version: 1, event: { type: 'education.graduated', date: TODAY } },
        ],
        'type',
      ],
      [
        'record an event in the future',
        async (f) => [
          'POST',
          `/api/young-people/${f.personId}/events`,
          { version: 1, event: { type: 'education.annual_review_held', date: '2026-11-23' } },
        ],
        'date',
      ],
      [
        'preview a plan for a bad profile',
        async () => ['POST', '/api/plan-preview', { profile: { dateOfBirth: '2012-03-03', jurisdiction: 'scotland' } }],
        'profile.jurisdiction',
      ],
      [
        'add an empty goal',
        async (f) => ['POST', `/api/young-people/${f.personId}/goals`, { text: '   ', outcomeArea: 'employment' }],
        'text',
      ],
      [
        'give a goal an unknown status',
        async (f) => [
          'PATCH',
          `/api/goals/${(await f.db.prisma.goal.findFirstOrThrow()).id}`,
          { version: 1, status: 'finished' },
        ],
        'status',
      ],
      [
        'add an empty progress note',
        async (f) => ['POST', `/api/goals/${(await f.db.prisma.goal.findFirstOrThrow()).id}/notes`, { note: '' }],
        'note',
      ],
      [
        'draft a handover to no agency',
        async (f) => [
          'POST',
          `/api/young-people/${f.personId}/handovers`,
          { toAgencyId: '00000000-0000-4000-8000-000000000000', summary: 'x' },
        ],
        'toAgencyId',
      ],
      [
        'draft a handover due after the 18th birthday',
        async (f) => [
          'POST',
          `/api/young-people/${f.personId}/handovers`,
          { toAgencyId: f.adultAgencyId, summary: 'x', dueBy: '2027-05-31' },
        ],
        'dueBy',
      ],
      [
        'send a handover without a version',
        async (f) => ['POST', `/api/handovers/${(await f.db.prisma.handover.findFirstOrThrow()).id}/send`, {}],
        'version',
      ],
    ];

    beforeAll(async () => {
      if (!isAvailable) return;
      await f.db.prisma.goal.create({
        data: { youngPersonId: f.personId, text: 'Get a job', outcomeArea: 'employment' },
      });
    });

    it.each(cases)('%s', async (_name, build, field) => {
      const [method, path, body] = await build(f);
      const before = await counts(f);
      const response = await call(f, worker, method, path, body);
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body.error.field).toBe(field);
      expect(response.body.error.message).toMatch(new RegExp(`^${field.replaceAll('.', '\\.')}: `));
      expect(await counts(f)).toEqual(before);
    });
  });

  it.skipIf(!isAvailable)(
    'invalid input on the adult services and manager writes: 400 naming the field, nothing written',
    async () => {
      const adults = await signIn(f, f.users.adults.email);
      const manager = await signIn(f, f.users.manager.email);
      const sent = await f.db.prisma.handover.findFirstOrThrow({ where: { status: 'sent' } });
      const cases: [Session, string, string, unknown, string][] = [
        [adults, 'POST', `/api/handovers/${sent.id}/acknowledge`, { version: 'one' }, 'version'],
        [adults, 'POST', `/api/handovers/${sent.id}/request-info`, { version: sent.version, message: '' }, 'message'],
        [manager, 'DELETE', `/api/young-people/${f.personId}?version=latest`, undefined, 'version'],
      ];
      for (const [session, method, path, body, field] of cases) {
        const before = await counts(f);
        const response = await call(f, session, method, path, body);
        expect(response.status, path).toBe(400);
        expect(response.body.error.field).toBe(field);
        expect(await counts(f)).toEqual(before);
      }
    },
  );

  it.skipIf(!isAvailable)(
    'refuses an event the pathway cannot take now with 422 and the reason, writing nothing',
    async () => {
      const before = await counts(f);
      const response = await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
        version: before.version,
        event: {
          type: 'education.plan_ceased',
          date: TODAY,
          reason: 'left_education',
          reviewFoundNoWishToReturn: true,
        },
      });
      expect(response.status).toBe(422);
      expect(response.body.error.message).toMatch(/^"EHC plan stopped" cannot be recorded now/);
      expect(await counts(f)).toEqual(before);
    },
  );

  it.skipIf(!isAvailable)('records an event and the milestone turns done in the plan', async () => {
    const { version } = await counts(f);
    const recorded = await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
      version,
      event: { type: 'social_care.assessment_completed', date: '2026-11-20', likelyEligible: true },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.version).toBe(version + 1);
    const plan = await call(f, worker, 'GET', `/api/young-people/${f.personId}/plan`);
    const milestone = plan.body.milestones.find((m: { id: string }) => m.id === 'care_act_transition_assessment');
    expect(milestone).toMatchObject({ status: 'done', completedOn: '2026-11-20' });
    expect(milestone.explanation).toMatch(/^Done on 20 November 2026: /);
  });

  it.skipIf(!isAvailable)(
    'marks a milestone done on the day it happened and undoes it: live again, the event kept but no longer counted',
    async () => {
      // A day before it could be done (the report follows the review it reports on) is refused, saying why.
      const review = await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
        version: (await counts(f)).version,
        event: { type: 'education.annual_review_held', date: '2026-11-02' },
      });
      expect(review.status).toBe(201);
      const tooEarly = await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
        version: review.body.version,
        event: { type: 'milestone.recorded', date: '2026-10-20', milestoneId: 'review_report' },
      });
      expect(tooEarly.status).toBe(422);
      expect(tooEarly.body.error).toMatchObject({
        field: 'date',
        message:
          '"Annual review report sent (2 weeks after the meeting)" cannot be marked as done on 20 October 2026: it counts from 2 November 2026.',
      });
      const { version, events } = await counts(f);
      const marked = await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
        version,
        event: { type: 'milestone.recorded', date: '2026-10-05', milestoneId: 'supported_internship' },
      });
      expect(marked.status).toBe(201);
      // Thinking about a supported internship was due by the end of Year 11 (August 2026).
      const internship = (plan: { milestones: { id: string }[] }) =>
        plan.milestones.find((m) => m.id === 'supported_internship');
      expect(internship(marked.body.plan)).toMatchObject({ status: 'done', completedOn: '2026-10-05' });

      const stale = await call(
        f,
        worker,
        'DELETE',
        `/api/young-people/${f.personId}/events/${marked.body.eventId}?version=${version}`,
      );
      expect(stale.status).toBe(409);
      const undone = await call(
        f,
        worker,
        'DELETE',
        `/api/young-people/${f.personId}/events/${marked.body.eventId}?version=${marked.body.version}`,
      );
      expect(undone.status).toBe(200);
      expect(internship(undone.body.plan)).toMatchObject({ status: 'overdue', completedOn: null });
      const plan = await call(f, worker, 'GET', `/api/young-people/${f.personId}/plan`);
      expect(internship(plan.body)).toMatchObject({ status: 'overdue' });
      const log = await call(f, worker, 'GET', `/api/young-people/${f.personId}/events`);
      expect(log.body.items.map((e: { id: string }) => e.id)).not.toContain(marked.body.eventId);
      // Kept for the record, withdrawn by whom and when, and on the audit trail.
      const row = await f.db.prisma.pathwayEvent.findUniqueOrThrow({
        where: { id: marked.body.eventId },
        include: { withdrawal: true },
      });
      expect(row.withdrawal?.withdrawnById).toBe(f.users.worker.id);
      expect((await counts(f)).events).toBe(events + 1);
      expect(
        await f.db.prisma.auditEntry.count({ where: { action: 'withdraw_event', entityId: marked.body.eventId } }),
      ).toBe(1);
      const again = await call(
        f,
        worker,
        'DELETE',
        `/api/young-people/${f.personId}/events/${marked.body.eventId}?version=${undone.body.version}`,
      );
      expect(again.status).toBe(404);
    },
  );

  it.skipIf(!isAvailable)('refuses to undo an event a later one depends on, naming the later one', async () => {
    let { version } = await counts(f);
    const transferred = await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
      version,
      event: { type: 'health.transferred', date: '2026-11-01' },
    });
    expect(transferred.status).toBe(201);
    version = transferred.body.version;
    const attended = await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
      version,
      event: { type: 'health.appointment_attended', date: '2026-11-10' },
    });
    expect(attended.status).toBe(201);
    const before = await counts(f);
    const refused = await call(
      f,
      worker,
      'DELETE',
      `/api/young-people/${f.personId}/events/${transferred.body.eventId}?version=${attended.body.version}`,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(
      /^Undoing this would make the later ".+" on 10 November 2026 impossible/,
    );
    expect(await counts(f)).toEqual(before);
  });

  it.skipIf(!isAvailable)(
    'never lets concurrent writers overwrite each other: one 200, the rest 409 with the current version',
    async () => {
      const { version } = await counts(f);
      const manager = await signIn(f, f.users.manager.email);
      const responses = await Promise.all([
        call(f, worker, 'PATCH', `/api/young-people/${f.personId}`, { version, changes: { preferredName: 'May' } }),
        call(f, manager, 'PATCH', `/api/young-people/${f.personId}`, { version, changes: { preferredName: 'Mai' } }),
        call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
          version,
          event: { type: 'health.transition_meeting_held', date: TODAY },
        }),
      ]);
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 409)).toHaveLength(2);
      expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(1);
      for (const response of responses.filter((r) => r.status === 409))
        expect(response.body.error).toMatchObject({ code: 'conflict', currentVersion: version + 1 });
    },
  );

  it.skipIf(!isAvailable)('lets a young person see only their own plan, never another by URL', async () => {
    const maya = await signIn(f, f.users.youngPerson.email);
    expect((await call(f, maya, 'GET', `/api/young-people/${f.personId}/plan`)).status).toBe(200);
    expect((await call(f, maya, 'GET', `/api/young-people/${f.childId}/plan`)).status).toBe(404);
    expect((await call(f, maya, 'GET', `/api/young-people/${f.otherPersonId}`)).status).toBe(404);
  });

  it.skipIf(!isAvailable)(
    'lets a parent see their child under 16, and from 16 only with the young person’s consent',
    async () => {
      const parent = await signIn(f, f.users.parent.email);
      expect((await call(f, parent, 'GET', `/api/young-people/${f.childId}/plan`)).status).toBe(200);
      expect(
        (
          await call(f, parent, 'POST', `/api/young-people/${f.childId}/goals`, {
            text: 'Join the swimming club',
            outcomeArea: 'community_inclusion',
          })
        ).status,
      ).toBe(201);
      // The same parent, the day the child turns 16 (3 March 2028).
      const later = await startTestServer(backend, () => new Date('2028-03-03T10:00:00Z'));
      try {
        const laterParent = await signIn(later, later.users.parent.email);
        expect((await call(later, laterParent, 'GET', `/api/young-people/${later.childId}`)).status).toBe(404);
        await later.db.prisma.consent.create({
          data: {
            youngPersonId: later.childId,
            scope: 'family_access',
            givenByRole: 'young_person',
            givenAt: new Date('2028-03-03T09:00:00Z'),
          },
        });
        expect((await call(later, laterParent, 'GET', `/api/young-people/${later.childId}`)).status).toBe(200);
      } finally {
        await later.close();
      }
    },
  );

  it.skipIf(!isAvailable)(
    'audits every read and write of a young person’s record with who, what and when',
    async () => {
      const before = await f.db.prisma.auditEntry.count({ where: { youngPersonId: f.personId } });
      await call(f, worker, 'GET', `/api/young-people/${f.personId}`);
      await call(f, worker, 'GET', `/api/young-people/${f.personId}/plan`);
      const entries = await f.db.prisma.auditEntry.findMany({
        where: { youngPersonId: f.personId },
        orderBy: { id: 'desc' },
        take: 2,
      });
      expect(await f.db.prisma.auditEntry.count({ where: { youngPersonId: f.personId } })).toBe(before + 2);
      expect(entries.map((e) => [e.action, e.entityType, e.actorId, e.actorRole])).toEqual([
        ['read', 'Plan', f.users.worker.id, 'transition_worker'],
        ['read', 'YoungPerson', f.users.worker.id, 'transition_worker'],
      ]);
    },
  );

  describe.skipIf(!isAvailable)('sessions', () => {
    it('sets an HttpOnly, SameSite session cookie and secure headers', async () => {
      const response = await fetch(`${f.baseUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: f.users.commissioner.email, password: PASSWORD }),
      });
      expect(response.headers.get('set-cookie')).toMatch(/^pathways_session=[\w-]+; .*HttpOnly.*SameSite=Strict/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    });

    it('refuses writes without the CSRF token, and ends on sign-out', async () => {
      const session = await signIn(f, f.users.worker.email);
      const noToken = session ? { ...session, csrfToken: 'wrong' } : null;
      expect(
        (
          await call(f, noToken, 'POST', `/api/young-people/${f.personId}/goals`, {
            text: 'x',
            outcomeArea: 'employment',
          })
        ).body.error.code,
      ).toBe('csrf');
      expect((await call(f, session, 'DELETE', '/api/session')).status).toBe(204);
      expect((await call(f, session, 'GET', '/api/session')).status).toBe(401);
    });

    it('says the same for an unknown email and a wrong password, and rate-limits guessing', async () => {
      const attempt = (email: string) => call(f, null, 'POST', '/api/session', { email, password: 'guess' });
      const unknown = await attempt('nobody@ns.test');
      const wrong = await attempt(f.users.admin.email);
      expect([unknown.status, wrong.status]).toEqual([401, 401]);
      expect(unknown.body.error.message).toBe(wrong.body.error.message);
      // Five failures for one account in 15 minutes, then it waits.
      for (let i = 0; i < 4; i++) await attempt(f.users.admin.email);
      const limited = await attempt(f.users.admin.email);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Even the right password waits out the limit.
      expect(
        (await call(f, null, 'POST', '/api/session', { email: f.users.admin.email, password: PASSWORD })).status,
      ).toBe(429);
    });
  });

  it.skipIf(!isAvailable)('erases a young person everywhere, keeping only a pseudonymous audit trail', async () => {
    const manager = await signIn(f, f.users.manager.email);
    const person = await call(f, worker, 'POST', '/api/young-people', {
      givenName: 'Noah',
      familyName: 'Osei',
      dateOfBirth: '2010-05-05',
      jurisdiction: 'england',
      hasEhcPlan: true,
    });
    const id = person.body.id as string;
    await call(f, worker, 'POST', `/api/young-people/${id}/events`, {
      version: 1,
      event: { type: 'education.annual_review_held', date: TODAY },
    });
    await call(f, worker, 'POST', `/api/young-people/${id}/goals`, {
      text: 'Drive a car',
      outcomeArea: 'independent_living',
    });
    expect((await call(f, manager, 'DELETE', `/api/young-people/${id}?version=1`)).status).toBe(409);
    expect((await call(f, manager, 'DELETE', `/api/young-people/${id}?version=2`)).status).toBe(204);
    const p = f.db.prisma;
    const left = await Promise.all([
      p.youngPerson.count({ where: { id } }),
      p.pathwayEvent.count({ where: { youngPersonId: id } }),
      p.goal.count({ where: { youngPersonId: id } }),
      p.milestone.count({ where: { youngPersonId: id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0]);
    const trail = await p.auditEntry.findMany({ where: { youngPersonId: id }, orderBy: { id: 'asc' } });
    expect(trail.at(-1)).toMatchObject({ action: 'erase', actorRole: 'team_manager' });
    expect(JSON.stringify(trail, (_key, value) => (typeof value === 'bigint' ? String(value) : value))).not.toContain(
      'Noah',
    );
    expect((await call(f, worker, 'GET', `/api/young-people/${id}`)).status).toBe(404);
  });

  it.skipIf(!isAvailable)(
    'lets the young person write “about me” in their own words, naming the version they read',
    async () => {
      const maya = await signIn(f, f.users.youngPerson.email);
      const own = await call(f, maya, 'GET', '/api/my-young-people');
      expect(own.body.items.map((person: { id: string }) => person.id)).toEqual([f.personId]);
      const { version } = own.body.items[0];
      const saved = await call(f, maya, 'PUT', `/api/young-people/${f.personId}/about-me`, {
        version,
        aboutMe: '  I love swimming. Please talk to me, not my mum.  ',
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ aboutMe: 'I love swimming. Please talk to me, not my mum.', version: version + 1 });
      const stale = await call(f, maya, 'PUT', `/api/young-people/${f.personId}/about-me`, {
        version,
        aboutMe: 'Something else',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.currentVersion).toBe(version + 1);
      const tooLong = await call(f, maya, 'PUT', `/api/young-people/${f.personId}/about-me`, {
        version: version + 1,
        aboutMe: 'x'.repeat(10_001),
      });
      expect([tooLong.status, tooLong.body.error.field]).toEqual([400, 'aboutMe']);
      expect((await call(f, worker, 'GET', `/api/young-people/${f.personId}`)).body.aboutMe).toBe(
        'I love swimming. Please talk to me, not my mum.',
      );
    },
  );

  it.skipIf(!isAvailable)('shows who viewed or changed a record, newest first, with their names', async () => {
    await call(f, worker, 'GET', `/api/young-people/${f.personId}/plan`);
    const trail = await call(f, worker, 'GET', `/api/young-people/${f.personId}/audit?pageSize=5`);
    expect(trail.status).toBe(200);
    expect(trail.body.items[0]).toMatchObject({
      actorName: f.users.worker.email.split('@')[0],
      actorRole: 'transition_worker',
      action: 'read',
      entityType: 'Plan',
    });
    expect(trail.body.items).toHaveLength(5);
    expect(trail.body.total).toBeGreaterThan(5);
    const times = trail.body.items.map((item: { at: string }) => item.at);
    expect([...times].sort().reverse()).toEqual(times);
    // Reading the trail is itself audited.
    const latest = await f.db.prisma.auditEntry.findFirstOrThrow({
      where: { youngPersonId: f.personId },
      orderBy: { id: 'desc' },
    });
    expect(latest).toMatchObject({ action: 'read', entityType: 'AuditTrail', actorId: f.users.worker.id });
  });

  it.skipIf(!isAvailable)('describes every event with its label and the JSON Schema of its fields', async () => {
    const types = (await call(f, worker, 'GET', '/api/event-types')).body.items as {
      type: string;
      label: string;
      fields: { properties: Record<string, unknown>; required?: string[] };
    }[];
    const decision = types.find((t) => t.type === 'health.chc_decision_made');
    expect(decision).toMatchObject({
      pathway: 'health',
      label: 'Continuing healthcare decision made',
      fields: { properties: { eligible: { type: 'boolean' } }, required: ['eligible'] },
    });
    const transfer = types.find((t) => t.type === 'education.transfer_planned');
    expect(transfer?.fields.properties).toMatchObject({
      transfer: { enum: ['post16', 'other', 'post16_to_post16'] },
      moveDate: { type: 'string' },
    });
  });

  it.skipIf(!isAvailable)('names each caseload row’s worker, and serves a whole window at once', async () => {
    // Maya goes by May. Set here: which concurrent writer above won (May or Mai) is a race.
    const { version } = await counts(f);
    const renamed = await call(f, worker, 'PATCH', `/api/young-people/${f.personId}`, {
      version,
      changes: { preferredName: 'May' },
    });
    expect(renamed.status).toBe(200);
    const rows = (await call(f, worker, 'GET', `/api/caseload?from=2020-01-01&to=2040-12-31&pageSize=5000`)).body;
    expect(rows.pageSize).toBe(5000);
    expect(rows.items.some((row: { youngPersonId: string }) => row.youngPersonId === f.personId)).toBe(true);
    // The name she is known by.
    expect(rows.people[f.personId]).toEqual({
      name: 'May Hill',
      dateOfBirth: '2009-06-01',
      namedWorkerId: f.users.worker.id,
      namedWorkerName: f.users.worker.email.split('@')[0],
    });
    // Each row's milestone is described once for the page.
    for (const row of rows.items as { milestoneId: string }[])
      expect(rows.milestones[row.milestoneId]).toMatchObject({
        title: expect.any(String),
        rule: expect.any(String),
        source: expect.any(String),
      });
    expect(
      (await call(f, worker, 'GET', `/api/caseload?from=2020-01-01&to=2040-12-31&pageSize=5001`)).body.error.field,
    ).toBe('pageSize');
  });

  it.skipIf(!isAvailable)('gives commissioners the forecast without names, as JSON and CSV', async () => {
    const commissioner = await signIn(f, f.users.commissioner.email);
    const json = await call(f, commissioner, 'GET', '/api/forecast?months=24');
    expect(json.status).toBe(200);
    expect(json.body.rows.length).toBeGreaterThan(0);
    expect(
      json.body.rows.every(
        (row: { count: number | null; isSuppressed: boolean }) => (row.count === null) === row.isSuppressed,
      ),
    ).toBe(true);
    const csv = await fetch(`${f.baseUrl}/api/forecast.csv`, { headers: { cookie: commissioner?.cookie ?? '' } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    for (const body of [JSON.stringify(json.body), text])
      expect(body).not.toMatch(/Maya|Hill|Leo|Khan|2009-06-01|2012-03-03/);
    expect(text.split('\r\n')[0]).toBe('month,areaCode,areaName,pathway,leadAgency,milestoneId,milestoneTitle,count');
  });

  it.skipIf(!isAvailable)('serves an OpenAPI 3.1 document of every route, and health checks', async () => {
    const document = (await call(f, null, 'GET', '/api/openapi.json')).body;
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/caseload',
        '/api/young-people/{id}/events',
        '/api/plan-preview',
        '/api/handovers/{handoverId}/acknowledge',
      ]),
    );
    expect((await call(f, null, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await call(f, null, 'GET', '/readyz')).status).toBe(200);
  });
});
