import { createYoungPerson } from '@pathways/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signIn, startTestServer, TODAY, type Fixture, type Session } from '../test-support/test-server.ts';
import { hashPassword } from './auth/passwords.ts';

/**
 * A Danish municipality's plans speak Danish, and English to a reader who asks for it
 * (Accept-Language, which the web app sends with its interface language); English plans stay
 * English, having no Danish; dates and statuses never depend on the language.
 */
describe('the language of plans, caseloads and the session', () => {
  let f: Fixture;
  let dane: Session;
  let danishPersonId: string;

  beforeAll(async () => {
    f = await startTestServer('PGlite');
    const prisma = f.db.prisma;
    const nordby = await prisma.localArea.create({ data: { code: 'NB', name: 'Nordby', jurisdiction: 'denmark' } });
    const worker = await prisma.user.create({
      data: {
        email: 'worker@nordby.test',
        name: 'Mette',
        role: 'transition_worker',
        areaId: nordby.id,
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    const person = await createYoungPerson({
      db: prisma,
      actor: { userId: worker.id, role: 'transition_worker' },
      today: TODAY,
      input: {
        areaId: nordby.id,
        namedWorkerId: worker.id,
        givenName: 'Sofie',
        familyName: 'Jensen',
        dateOfBirth: '2009-06-15',
        jurisdiction: 'denmark',
        likelyAdultCareNeeds: true,
        placedInCare: true,
      },
    });
    danishPersonId = person.id;
    dane = await signIn(f, 'worker@nordby.test');
  });
  afterAll(async () => f?.close());

  async function get(session: Session, path: string, language?: string) {
    const response = await fetch(`${f.baseUrl}${path}`, {
      headers: { cookie: session?.cookie ?? '', ...(language ? { 'accept-language': language } : {}) },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as any;
  }

  it('tells the web app its council’s language', async () => {
    expect((await get(dane, '/api/session')).user.language).toBe('da');
    const worker = await signIn(f, f.users.worker.email);
    expect((await get(worker, '/api/session')).user.language).toBe('en');
    // A young person's own account: the language of their record's council.
    expect((await get(await signIn(f, f.users.youngPerson.email), '/api/session')).user.language).toBe('en');
  });

  it('plans in the pack’s own language, or in the one asked for, with the same dates', async () => {
    const path = `/api/young-people/${danishPersonId}/plan`;
    const danish = await get(dane, path);
    const english = await get(dane, path, 'en-GB,en;q=0.9');
    const decision = (plan: any) => plan.milestones.find((m: any) => m.id === 'dk_ungestoette_decision');
    expect(decision(danish)).toMatchObject({
      title: 'Afgørelse om ungestøtte efter anbringelsen',
      dueDate: '2026-12-15',
      status: 'due',
    });
    expect(decision(danish).explanation).toMatch(/^Frist 15\. december 2026: afgørelsen om ungestøtte/);
    expect(decision(english)).toMatchObject({ title: 'Decision on youth support after care (ungestøtte)' });
    expect(decision(english).explanation).toMatch(/^Due by 15 December 2026: the decision on youth support/);
    const dates = (plan: any) => plan.milestones.map((m: any) => [m.id, m.status, m.dueDate, m.closesOn]);
    expect(dates(english)).toEqual(dates(danish));
    // A language no pack has is no language at all: the pack's own.
    expect(decision(await get(dane, path, 'fr-FR'))?.title).toBe(decision(danish).title);
  });

  it('titles the caseload for the reader', async () => {
    const path = `/api/caseload?from=2026-01-01&to=2027-12-31&worker=me`;
    expect((await get(dane, path)).milestones.dk_ungestoette_decision.title).toBe(
      'Afgørelse om ungestøtte efter anbringelse (17½ år)',
    );
    expect((await get(dane, path, 'en')).milestones.dk_ungestoette_decision.title).toBe(
      'Decision on youth support after placement (17½)',
    );
  });

  it('labels the events to record in the reader’s language', async () => {
    const label = (body: any) => body.items.find((item: any) => item.type === 'social_care.adult_decision_made').label;
    expect(label(await get(dane, '/api/event-types', 'da'))).toBe('Afgørelse om støtte som voksen truffet');
    expect(label(await get(dane, '/api/event-types'))).toBe('Decision on adult support made');
  });

  it('keeps an English plan English for a Danish reader (England’s pack has no Danish)', async () => {
    const worker = await signIn(f, f.users.worker.email);
    const plan = await get(worker, `/api/young-people/${f.personId}/plan`, 'da');
    expect(plan.milestones.find((m: any) => m.id === 'post16_transfer').title).toBe(
      'Your plan names your college, sixth form or apprenticeship',
    );
  });
});
