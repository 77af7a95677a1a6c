import type { DocumentReference, Bundle, CarePlan, CareTeam, Composition, Goal, Organization, Patient } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { r4SchemaProblems, structureDefinitionProblems } from '../test-support/fhir-validators.ts';
import { call, signIn, startTestServer, TODAY, type Fixture, type Session } from '../test-support/test-server.ts';
import { NHS_NUMBER_SYSTEM, ODS_CODE_SYSTEM } from './fhir/plan-bundle.ts';

/** Every `reference` anywhere in the bundle, which must point at one of its entries. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => references(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'reference' && typeof inner === 'string') found.push(inner);
      else references(inner, found);
    }
  }
  return found;
}

/** Paths of every empty array or object (FHIR: an element is either absent or has content). */
function emptyElements(value: unknown, path = '', found: string[] = []): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) found.push(path);
    value.forEach((item, index) => emptyElements(item, `${path}[${index}]`, found));
  } else if (value && typeof value === 'object') {
    if (Object.keys(value).length === 0) found.push(path);
    for (const [key, inner] of Object.entries(value)) emptyElements(inner, `${path}.${key}`, found);
  }
  return found;
}

/** Every Period (an object with start and end) whose start is after its end. */
function backwardsPeriods(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((item) => backwardsPeriods(item, found));
  else if (value && typeof value === 'object') {
    const { start, end } = value as { start?: unknown; end?: unknown };
    if (typeof start === 'string' && typeof end === 'string' && start > end) found.push(value);
    Object.values(value).forEach((inner) => backwardsPeriods(inner, found));
  }
  return found;
}

function expectValidR4(bundle: Bundle) {
  expect(r4SchemaProblems(bundle)).toEqual([]);
  expect(structureDefinitionProblems(bundle)).toEqual([]);
  for (const entry of bundle.entry ?? []) {
    expect(r4SchemaProblems(entry.resource), entry.resource?.resourceType).toEqual([]);
    expect(structureDefinitionProblems(entry.resource), entry.resource?.resourceType).toEqual([]);
  }
  expect(emptyElements(bundle)).toEqual([]);
  expect(backwardsPeriods(bundle)).toEqual([]);
  expect(JSON.stringify(bundle)).not.toContain('pathways.example');
  const fullUrls = new Set((bundle.entry ?? []).map((entry) => entry.fullUrl));
  expect(fullUrls.size).toBe(bundle.entry?.length);
  for (const reference of references(bundle)) expect(fullUrls, reference).toContain(reference);
  // The young person is the Patient, never an Organization.
  expect(resources<Organization>(bundle, 'Organization').map((organization) => organization.name)).not.toContain(
    'The young person',
  );
  expect(resources<Patient>(bundle, 'Patient')).toHaveLength(1);
}

const resources = <T>(bundle: Bundle, type: string) =>
  (bundle.entry ?? []).map((entry) => entry.resource).filter((resource) => resource?.resourceType === type) as T[];

describe('FHIR R4 export', () => {
  let f: Fixture;
  let worker: Session;
  beforeAll(async () => {
    f = await startTestServer('PGlite');
    worker = await signIn(f, f.users.worker.email);
    await f.db.prisma.youngPerson.update({ where: { id: f.personId }, data: { nhsNumber: '9434765919' } });
    await f.db.prisma.agency.update({ where: { id: f.adultAgencyId }, data: { odsCode: 'X9Z9Z' } });
    const goal = await call(f, worker, 'POST', `/api/young-people/${f.personId}/goals`, {
      text: 'I want to work in a bike shop',
      outcomeArea: 'employment',
    });
    await call(f, worker, 'POST', `/api/goals/${goal.body.id}/notes`, { note: 'Two weeks of work experience done' });
    const version = (await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.personId } })).version;
    await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
      version,
      event: { type: 'social_care.assessment_completed', date: TODAY, likelyEligible: true },
    });
    // A document the agency may see: it becomes a DocumentReference the validators check.
    const uploaded = await fetch(
      `${f.baseUrl}/api/young-people/${f.personId}/documents?type=ehc_plan&title=EHC%20plan`,
      {
        method: 'POST',
        headers: {
          origin: f.baseUrl,
          cookie: worker?.cookie ?? '',
          'x-csrf-token': worker?.csrfToken ?? '',
          'content-type': 'application/octet-stream',
          'x-file-name': 'ehc-plan.pdf',
        },
        body: '%PDF-1.4\n%%EOF\n',
      },
    );
    expect(uploaded.status).toBe(201);
  });
  afterAll(async () => f?.close());

  it('exports a plan as a valid R4 Bundle: Patient with NHS number, a CarePlan per pathway, Goals in their words, a CareTeam', async () => {
    const response = await call(f, worker, 'GET', `/api/young-people/${f.personId}/fhir`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/fhir+json');
    const bundle = JSON.parse(response.body) as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expectValidR4(bundle);

    const [patient] = resources<Patient>(bundle, 'Patient');
    expect(patient?.identifier).toEqual([{ system: NHS_NUMBER_SYSTEM, value: '9434765919' }]);
    expect(patient?.birthDate).toBe('2009-06-01');

    const carePlans = resources<CarePlan>(bundle, 'CarePlan');
    expect(carePlans.map((plan) => plan.title)).toEqual(
      expect.arrayContaining(['education pathway', 'health pathway', 'social care pathway']),
    );
    const socialCare = carePlans.find((plan) => plan.title === 'social care pathway');
    const assessment = socialCare?.activity?.find(
      (activity) => activity.detail?.code?.coding?.[0]?.code === 'care_act_transition_assessment',
    );
    expect(assessment?.detail).toMatchObject({ status: 'completed', performer: [{ display: 'Adult social care' }] });
    expect(assessment?.detail?.description).toMatch(/^Done on 22 November 2026: /);
    const activities = carePlans.flatMap((plan) => plan.activity ?? []);
    expect(activities.some((activity) => activity.detail?.status === 'scheduled')).toBe(true);
    // Nothing records that work on a late milestone has begun; a missed one was stopped; a
    // date not known is unknown. Only a legal fact or duty that is running is in progress.
    const reasons = activities.filter((activity) => activity.detail?.statusReason);
    expect(reasons.length).toBeGreaterThan(0);
    for (const activity of reasons) {
      const reason = activity.detail?.statusReason?.text ?? '';
      const status = activity.detail?.status;
      if (reason.startsWith('late')) expect(status).toBe('not-started');
      else if (reason.startsWith('missed')) expect(status).toBe('stopped');
      else expect([reason, status]).toEqual([expect.stringMatching(/^date not known/), 'unknown']);
    }
    const running = activities.filter((activity) => activity.detail?.status === 'in-progress');
    expect(running.length).toBeGreaterThan(0);
    for (const activity of running) expect(activity.detail?.description).toMatch(/^(Runs from|In effect since) /);
    const carers = resources<Organization>(bundle, 'Organization').find(
      (organization) => organization.name === 'Adult social care',
    );
    expect(carers?.identifier).toEqual([{ system: ODS_CODE_SYSTEM, value: 'X9Z9Z' }]);

    const [goal] = resources<Goal>(bundle, 'Goal');
    expect(goal).toMatchObject({
      lifecycleStatus: 'active',
      description: { text: 'I want to work in a bike shop' },
      note: [{ text: 'Two weeks of work experience done' }],
    });
    const [team] = resources<CareTeam>(bundle, 'CareTeam');
    expect(team?.participant?.[0]).toMatchObject({ role: [{ text: 'named worker' }], member: { display: 'worker' } });
    expect(team?.participant?.some((participant) => participant.role?.[0]?.text === 'lead agency')).toBe(true);
  });

  it('exports a handover as a valid R4 document Bundle led by a Composition', async () => {
    const handover = await f.db.prisma.handover.findFirstOrThrow({ where: { youngPersonId: f.personId } });
    const response = await call(f, await signIn(f, f.users.adults.email), 'GET', `/api/handovers/${handover.id}/fhir`);
    expect(response.status).toBe(200);
    const bundle = JSON.parse(response.body) as Bundle;
    expect(bundle.type).toBe('document');
    expectValidR4(bundle);
    const composition = bundle.entry?.[0]?.resource as Composition;
    expect(composition.resourceType).toBe('Composition');
    expect(composition.status).toBe('final');
    expect(composition.section?.[0]).toMatchObject({
      title: 'Summary',
      text: { div: '<div xmlns="http://www.w3.org/1999/xhtml">Needs support with personal care.</div>' },
    });
    // Every CarePlan and Goal can be reached from a section with narrative.
    const sectioned = new Set(
      composition.section?.flatMap((section) =>
        section.text?.div ? (section.entry ?? []).map((entry) => entry.reference) : [],
      ),
    );
    const planned = (bundle.entry ?? [])
      .filter((entry) => ['CarePlan', 'Goal'].includes(entry.resource?.resourceType ?? ''))
      .map((entry) => entry.fullUrl);
    expect(planned.length).toBeGreaterThan(3);
    for (const reference of planned) expect(sectioned, reference).toContain(reference);
    // The documents shared with the agency, each reached from the "Documents" section.
    const [reference] = resources<DocumentReference>(bundle, 'DocumentReference');
    expect(reference).toMatchObject({
      status: 'current',
      description: 'EHC plan',
      type: { text: 'Education, health and care plan' },
      content: [{ attachment: { contentType: 'application/pdf', title: 'ehc-plan.pdf', size: 15 } }],
    });
    expect(reference?.content[0]?.attachment.url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/documents\/[0-9a-f-]{36}\/content$/,
    );
    expect(composition.section?.find((section) => section.title === 'Documents')?.entry).toHaveLength(1);
    expect(bundle.identifier?.value).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);

    // A new version of the document is a new document; the same version is the same one.
    const again = JSON.parse(
      (await call(f, await signIn(f, f.users.adults.email), 'GET', `/api/handovers/${handover.id}/fhir`)).body,
    ) as Bundle;
    expect(again.identifier).toEqual(bundle.identifier);
    const version = (await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.personId } })).version;
    expect(
      (
        await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
          version,
          event: { type: 'education.annual_review_held', date: TODAY },
        })
      ).status,
    ).toBe(201);
    const changed = JSON.parse(
      (await call(f, await signIn(f, f.users.adults.email), 'GET', `/api/handovers/${handover.id}/fhir`)).body,
    ) as Bundle;
    expect(changed.identifier?.value).not.toBe(bundle.identifier?.value);
  });

  it('marks a draft handover’s Composition preliminary', async () => {
    const drafted = await call(f, worker, 'POST', `/api/young-people/${f.personId}/handovers`, {
      toAgencyId: f.adultAgencyId,
      summary: 'Still writing this',
    });
    expect(drafted.status).toBe(201);
    const bundle = JSON.parse((await call(f, worker, 'GET', `/api/handovers/${drafted.body.id}/fhir`)).body) as Bundle;
    expectValidR4(bundle);
    expect((bundle.entry?.[0]?.resource as Composition).status).toBe('preliminary');
  });

  it('is checked by validators that do reject what R4 forbids', () => {
    expect(
      r4SchemaProblems({
        resourceType: 'Goal',
        lifecycleStatus: 'someday',
        description: { text: 'x' },
        subject: { reference: 'urn:uuid:1' },
      }).length,
    ).toBeGreaterThan(0);
    expect(r4SchemaProblems({ resourceType: 'Patient', birthDate: '22/11/2026' }).length).toBeGreaterThan(0);
    // Required elements and cardinality, from the StructureDefinitions.
    expect(
      structureDefinitionProblems({
        resourceType: 'Goal',
        lifecycleStatus: 'active',
        subject: { reference: 'Patient/1' },
      }),
    ).toEqual(['Goal.description: Missing required property']);
    expect(
      structureDefinitionProblems({ resourceType: 'CarePlan', status: 'active', intent: 'plan' }).length,
    ).toBeGreaterThan(0);
    expect(
      structureDefinitionProblems({ resourceType: 'Patient', birthDate: ['2009-06-01', '2009-06-02'] }).length,
    ).toBeGreaterThan(0);
    // What neither checks here, our own walks do: invariant per-1 and ele-1 (no empty elements).
    expect(backwardsPeriods({ period: { start: '2027-01-02', end: '2027-01-01' } })).toHaveLength(1);
    expect(emptyElements({ resourceType: 'Organization', telecom: [] })).toEqual(['.telecom']);
  });
});
