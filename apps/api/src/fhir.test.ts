import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import type { Bundle, CarePlan, CareTeam, Composition, Goal, Patient } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, TODAY, type Fixture, type Session } from '../test-support/test-server.ts';
import { NHS_NUMBER_SYSTEM } from './fhir/plan-bundle.ts';

const validator = new JSONSchemaValidator(undefined, { allErrors: true, logger: false });

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

function expectValidR4(bundle: Bundle) {
  expect(validator.validate(bundle)).toEqual([]);
  for (const entry of bundle.entry ?? []) expect(validator.validate(entry.resource), entry.resource?.resourceType).toEqual([]);
  const fullUrls = new Set((bundle.entry ?? []).map((entry) => entry.fullUrl));
  expect(fullUrls.size).toBe(bundle.entry?.length);
  for (const reference of references(bundle)) expect(fullUrls, reference).toContain(reference);
}

const resources = <T>(bundle: Bundle, type: string) => (bundle.entry ?? []).map((entry) => entry.resource).filter((resource) => resource?.resourceType === type) as T[];

describe('FHIR R4 export', () => {
  let f: Fixture;
  let worker: Session;
  beforeAll(async () => {
    f = await startTestServer('PGlite');
    worker = await signIn(f, f.users.worker.email);
    await f.db.prisma.youngPerson.update({ where: { id: f.personId }, data: { nhsNumber: '9434765919' } });
    const goal = await call(f, worker, 'POST', `/api/young-people/${f.personId}/goals`, { text: 'I want to work in a bike shop', outcomeArea: 'employment' });
    await call(f, worker, 'POST', `/api/goals/${goal.body.id}/notes`, { note: 'Two weeks of work experience done' });
    const version = (await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.personId } })).version;
    await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, { version, event: { type: 'social_care.assessment_completed', date: TODAY, likelyEligible: true } });
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
    expect(carePlans.map((plan) => plan.title)).toEqual(expect.arrayContaining(['education pathway', 'health pathway', 'social care pathway']));
    const socialCare = carePlans.find((plan) => plan.title === 'social care pathway');
    const assessment = socialCare?.activity?.find((activity) => activity.detail?.code?.coding?.[0]?.code === 'care_act_transition_assessment');
    expect(assessment?.detail).toMatchObject({ status: 'completed', performer: [{ display: 'Adult social care' }] });
    expect(assessment?.detail?.description).toMatch(/^Done on 22 November 2026: /);
    expect(carePlans.flatMap((plan) => plan.activity ?? []).some((activity) => activity.detail?.status === 'scheduled')).toBe(true);

    const [goal] = resources<Goal>(bundle, 'Goal');
    expect(goal).toMatchObject({ lifecycleStatus: 'active', description: { text: 'I want to work in a bike shop' }, note: [{ text: 'Two weeks of work experience done' }] });
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
    expect(composition.section?.[0]).toMatchObject({ title: 'Summary', text: { div: '<div xmlns="http://www.w3.org/1999/xhtml">Needs support with personal care.</div>' } });
  });

  it('is checked by a validator that does reject what R4 forbids', () => {
    expect(validator.validate({ resourceType: 'Goal', lifecycleStatus: 'someday', description: { text: 'x' }, subject: { reference: 'urn:uuid:1' } }).length).toBeGreaterThan(0);
    expect(validator.validate({ resourceType: 'Patient', birthDate: '22/11/2026' }).length).toBeGreaterThan(0);
  });
});
