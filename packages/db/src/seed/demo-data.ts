import { seedDemoOffer, seedDemoReferrals } from './demo-offer.ts';
import { seedDemoReviews, type ReviewedPerson } from './demo-reviews.ts';
import { buildScheduleWithState, syntheticDanishPerson, syntheticPerson, type SyntheticPerson } from '@pathways/engine';
import type { Database } from '../database.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Tx } from '../repositories/actor.ts';
import { SHARING_SCOPES } from '../repositories/consents.ts';
import { materialisePlan } from '../repositories/materialise-plan.ts';
import { dateColumn } from '../repositories/young-person-profile.ts';

/** Every demo account signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'pathways-demo';

export const DEMO_ACCOUNTS = [
  { email: 'worker@northshire.test', name: 'Sam Okafor', role: 'transition_worker', area: 'NS' },
  { email: 'worker2@northshire.test', name: 'Priya Shah', role: 'transition_worker', area: 'NS' },
  { email: 'manager@northshire.test', name: 'Alex Morgan', role: 'team_manager', area: 'NS' },
  { email: 'worker@westvale.test', name: 'Jo Evans', role: 'transition_worker', area: 'WV' },
  /** A Danish municipality's worker: the Danish rule pack and interface end to end. */
  { email: 'worker@nordby.test', name: 'Mette Jensen', role: 'transition_worker', area: 'NB' },
  {
    email: 'adults@northshire.test',
    name: 'Chris Lee',
    role: 'adult_services',
    area: 'NS',
    agencyType: 'adult_social_care',
  },
  /** The SEN coordinator of Maya's school: another agency, linked to the young people she teaches. */
  {
    email: 'senco@riverside.test',
    name: 'Helen Ward',
    role: 'sen_coordinator',
    area: 'NS',
    agencyType: 'school',
  },
  { email: 'commissioner@northshire.test', name: 'Dana Price', role: 'commissioner', area: 'NS' },
  { email: 'admin@pathways.test', name: 'Robin Hale', role: 'administrator', area: null },
  { email: 'maya@family.test', name: 'Maya Hill', role: 'young_person', area: null },
  /** A young adult near the end of the plan: their page shows what their plan is like at 23–25. */
  { email: 'adult@family.test', name: 'Young adult', role: 'young_person', area: null },
  { email: 'parent@family.test', name: 'Jordan Patel', role: 'parent_carer', area: null },
] as const;

const AREAS = [
  { code: 'NS', name: 'Northshire County Council', jurisdiction: 'england' },
  { code: 'WV', name: 'Westvale Borough Council', jurisdiction: 'england' },
  { code: 'NB', name: 'Nordby Kommune', jurisdiction: 'denmark' },
] as const;

/** A Danish municipality's own services: the municipality and the region's hospital. */
const DANISH_AGENCIES = [
  ['municipality', 'Nordby Kommune – Ungeenheden', ['Forberedelse til voksenlivet', 'Ungeplan', 'STU']],
  ['region', 'Regionshospital Nordby – børne- og ungeafdelingen', ['Transition til voksenafdeling']],
] as const;

/** How many young people the demo councils (together) and the demo municipality have. */
const ENGLISH_PEOPLE = 200;
const DANISH_PEOPLE = 30;
/** What a demo database holds: every area, and every young person. */
export const DEMO_AREAS = AREAS.length;
export const DEMO_YOUNG_PEOPLE = ENGLISH_PEOPLE + DANISH_PEOPLE;
const DANISH_GIVEN = ['Freja', 'Noah', 'Ida', 'Oscar', 'Emma', 'William', 'Alma', 'Lucas', 'Clara', 'Karl'];
const DANISH_FAMILY = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen'];

const AGENCIES = [
  ['la_send', 'SEND and EHC team', ['EHC needs assessments', 'Annual reviews', 'Preparing for adulthood']],
  ['school', 'Riverside Special School', ['Education 11–19', 'Transition reviews']],
  ['childrens_social_care', "Children's disability team", ['Short breaks', 'Child in need support']],
  [
    'adult_social_care',
    'Adult social care – transitions team',
    ['Care Act transition assessments', 'Care and support plans'],
  ],
  ['nhs_childrens', "Children's community health", ['Paediatrics', 'Transition clinics']],
  ['nhs_adult', 'Adult learning disability health team', ['Adult clinics', 'Health action plans']],
  ['icb_continuing_care', 'ICB continuing care team', ['Continuing care assessments', 'NHS Continuing Healthcare']],
  ['gp', 'Harbour Lane Surgery', ['Annual health checks']],
  ['careers', 'Careers and supported internships', ['Independent careers guidance', 'Supported internships']],
  ['palliative', "Seabright Children's Hospice", ['Parallel planning', 'Advance care plans']],
  ['housing', 'Housing options', ['Supported living', 'Housing advice']],
  ['dwp', 'Jobcentre Plus', ['PIP', 'Access to Work']],
] as const;

const GIVEN = [
  'Maya',
  'Leo',
  'Amira',
  'Noah',
  'Isla',
  'Kai',
  'Zara',
  'Ethan',
  'Freya',
  'Omar',
  'Ruby',
  'Theo',
  'Ava',
  'Jamal',
  'Niamh',
  'Arjun',
  'Poppy',
  'Finn',
  'Layla',
  'Ollie',
];
const FAMILY = [
  'Hill',
  'Khan',
  'Evans',
  'Nowak',
  'Campbell',
  'Osei',
  'Murphy',
  'Singh',
  'Walker',
  'Brown',
  'Ali',
  'Taylor',
  'Hughes',
  'Kowalski',
  'Reid',
];

/** A valid NHS number from a serial (modulus 11; serials giving check digit 10 are skipped). */
function nhsNumberFor(serial: number): string | null {
  const digits = String(900_000_000 + serial)
    .split('')
    .map(Number);
  const sum = digits.reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? null : `${digits.join('')}${check === 11 ? 0 : check}`;
}

/**
 * Fills an empty database with a realistic synthetic demo: two English councils and a Danish
 * municipality with their agencies, an account for every role, ~200 young people in England
 * and 30 in Denmark aged 13–25 across every pathway
 * with event histories, goals and handovers. Deterministic: the same on every machine. Give
 * it a transaction: a start-up killed half-way then leaves nothing behind, and seeds again.
 * Every account gets `passwordHash`: the hash of `DEMO_PASSWORD` (hashing is the API's job).
 */
export async function seedDemoData(
  db: Tx,
  today: string,
  options: { passwordHash: string; people?: number },
): Promise<{ youngPeople: number }> {
  const { passwordHash, people = ENGLISH_PEOPLE } = options;
  const areas = new Map<string, string>();
  const agencies = new Map<string, string>();
  for (const area of AREAS) {
    const created = await db.localArea.create({ data: area });
    areas.set(area.code, created.id);
    for (const [type, name, services] of area.jurisdiction === 'denmark' ? DANISH_AGENCIES : AGENCIES) {
      const agency = await db.agency.create({
        data: {
          type,
          name,
          areaId: created.id,
          services: [...services],
          email: `${type.replaceAll('_', '.')}@${area.code.toLowerCase()}.example.org`,
          phone: area.jurisdiction === 'denmark' ? '+45 70 00 00 00' : '0300 000 0000',
          minAge: 14,
          maxAge: 25,
        },
      });
      agencies.set(`${area.code}:${type}`, agency.id);
    }
  }
  const users = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash,
        areaId: account.area ? areas.get(account.area) : null,
        agencyId: 'agencyType' in account ? agencies.get(`${account.area}:${account.agencyType}`) : null,
      },
    });
    users.set(account.email, user.id);
  }
  const workers = {
    NS: [users.get('worker@northshire.test'), users.get('worker2@northshire.test')],
    WV: [users.get('worker@westvale.test')],
    NB: [users.get('worker@nordby.test')],
  };
  /** A young person as the API would have recorded them: only the events the machines accept, then their plan. */
  const addDemoPerson = async (
    { profile, events }: SyntheticPerson,
    record: { area: keyof typeof workers; index: number; givenName: string; familyName: string },
  ) => {
    const rejected = new Set(
      buildScheduleWithState(
        profile,
        events.map((event, i) => ({ ...event, id: String(i) })),
        { asOf: today },
      ).plan.rejectedEvents.map((r) => r.id),
    );
    const accepted = events.filter((_, i) => !rejected.has(String(i)));
    const areaWorkers = workers[record.area];
    const person = await db.youngPerson.create({
      data: {
        ...profile,
        areaId: areas.get(record.area) as string,
        namedWorkerId: areaWorkers[record.index % areaWorkers.length] ?? null,
        givenName: record.givenName,
        familyName: record.familyName,
        dateOfBirth: dateColumn(profile.dateOfBirth),
        // NHS numbers are England's.
        nhsNumber: profile.jurisdiction === 'england' ? nhsNumberFor(record.index + 1) : null,
        aboutMe:
          record.index % 4 === 0
            ? 'I like music, swimming and being with my friends. I want to live near my mum.'
            : null,
      },
    });
    await db.pathwayEvent.createMany({
      data: accepted.map(({ type, date, ...payload }, i) => ({
        youngPersonId: person.id,
        sequence: i + 1,
        type: type as string,
        date: dateColumn(date as string),
        payload: payload as Prisma.InputJsonObject,
      })),
    });
    await materialisePlan(db, person, today);
    return person;
  };

  const created: string[] = [];
  const reviewed: ReviewedPerson[] = [];
  let youngAdult: { id: string; name: string } | null = null;
  const twentyThreeYearsAgo = `${Number(today.slice(0, 4)) - 23}${today.slice(4)}`;
  for (let index = 0; index < people; index++) {
    const synthetic = syntheticPerson(1122, index, today);
    const { profile } = synthetic;
    const area = index % 3 === 2 ? 'WV' : 'NS';
    const isMaya = index === 0;
    const person = await addDemoPerson(synthetic, {
      area,
      index,
      givenName: isMaya ? 'Maya' : (GIVEN[index % GIVEN.length] as string),
      familyName: isMaya ? 'Hill' : (FAMILY[(index * 7) % FAMILY.length] as string),
    });
    // A year of reviews for some of Northshire's young people with EHC plans (never the two with demo accounts).
    if (index > 1 && area === 'NS' && profile.hasEhcPlan && reviewed.length < 15)
      reviewed.push({ id: person.id, givenName: person.givenName, namedWorkerId: person.namedWorkerId });
    if (!youngAdult && index > 1 && area === 'NS' && profile.dateOfBirth <= twentyThreeYearsAgo)
      youngAdult = { id: person.id, name: `${person.givenName} ${person.familyName}` };
    if (index % 5 === 0) {
      await db.goal.create({
        data: {
          youngPersonId: person.id,
          text: 'I want to go to college with my friends',
          outcomeArea: 'employment',
          notes: { create: [{ note: 'Visited the college open day.' }] },
        },
      });
    }
    if (index % 6 === 1) {
      const adultSocialCare = agencies.get(`${area}:adult_social_care`) as string;
      // Sent handovers were agreed: the young person (16+ by then) shares all four parts with adult social care.
      await db.consent.createMany({
        data: SHARING_SCOPES.map((scope) => ({
          youngPersonId: person.id,
          scope,
          agencyId: adultSocialCare,
          givenByRole: 'young_person',
          givenAt: new Date(`${today}T08:00:00Z`),
        })),
      });
      await db.handover.create({
        data: {
          youngPersonId: person.id,
          toAgencyId: adultSocialCare,
          fromUserId: person.namedWorkerId,
          status: index % 12 === 1 ? 'acknowledged' : 'sent',
          dueBy: dateColumn(today),
          summary: 'Needs support with personal care and travel; settled at college.',
          whatMatters: person.aboutMe,
          sentAt: new Date(`${today}T09:00:00Z`),
          packVersion: 1,
          packVersions: {
            create: {
              version: 1,
              pack: {
                summary: 'Needs support with personal care and travel; settled at college.',
                whatMatters: person.aboutMe,
              },
              publishedById: person.namedWorkerId,
              publishedAt: new Date(`${today}T09:00:00Z`),
            },
          },
        },
      });
    }
    created.push(person.id);
  }
  for (let index = 0; index < DANISH_PEOPLE; index++) {
    await addDemoPerson(syntheticDanishPerson(1122, index, today), {
      area: 'NB',
      index,
      givenName: DANISH_GIVEN[index % DANISH_GIVEN.length] as string,
      familyName: DANISH_FAMILY[(index * 3) % DANISH_FAMILY.length] as string,
    });
  }
  await seedDemoReviews(db, today, reviewed);
  await seedDemoOffer(db, areas);
  await seedDemoReferrals(
    db,
    areas.get('NS') as string,
    { id: users.get('worker@northshire.test') as string, name: 'Sam Okafor' },
    today,
  );
  // The young person's own account is Maya's; the parent account cares for the second young person.
  await db.user.update({ where: { email: 'maya@family.test' }, data: { youngPersonId: created[0] } });
  if (youngAdult)
    await db.user.update({
      where: { email: 'adult@family.test' },
      data: { youngPersonId: youngAdult.id, name: youngAdult.name },
    });
  // Maya and the next two young people go to Riverside: they share their plan and goals (not
  // their health) with the school, whose SEN coordinator is linked to them.
  const school = agencies.get('NS:school') as string;
  for (const youngPersonId of created.slice(0, 3)) {
    await db.consent.createMany({
      data: (['plan', 'goals'] as const).map((scope) => ({
        youngPersonId,
        scope,
        agencyId: school,
        givenByRole: 'young_person',
        givenAt: new Date(`${today}T08:00:00Z`),
      })),
    });
    await db.contributorLink.create({
      data: { userId: users.get('senco@riverside.test') as string, youngPersonId },
    });
  }
  await db.carerLink.create({
    data: {
      userId: users.get('parent@family.test') as string,
      youngPersonId: created[1] as string,
      relationship: 'parent',
    },
  });
  await db.consent.create({
    data: {
      youngPersonId: created[1] as string,
      scope: 'family_access',
      givenByRole: 'young_person',
      givenAt: dateColumn(today),
    },
  });
  return { youngPeople: created.length + DANISH_PEOPLE };
}

/** Whether a database holds the demo accounts (whose password is published): every page then says so. */
export async function holdsDemoAccounts(db: Tx | PrismaClient): Promise<boolean> {
  return (await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) } } })) > 0;
}

/**
 * Seeds the demo into an empty database, in one transaction: a start-up killed half-way
 * leaves an empty database, which the next start seeds again. Several processes starting
 * together on one PostgreSQL must not all seed it: the first holds a transaction-level
 * advisory lock while it seeds, the rest wait for it, then find the data there. Null when
 * the database already held data.
 */
export async function seedEmptyDatabase(
  database: Database,
  today: string,
  passwordHash: string,
): Promise<{ youngPeople: number } | null> {
  return database.prisma.$transaction(
    async (tx) => {
      // The embedded database has one connection and one process: nothing to race.
      if (database.kind === 'postgres') await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK}::bigint)`;
      if ((await tx.localArea.count()) > 0) return null;
      return seedDemoData(tx, today, { passwordHash });
    },
    { timeout: 10 * 60_000, maxWait: 10 * 60_000 },
  );
}

/** Advisory lock key for seeding ("PWSEED" in ASCII, as a number). */
const SEED_LOCK = 0x505753454544;
