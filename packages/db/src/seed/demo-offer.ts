import type { Tx } from '../repositories/actor.ts';
import { importOfferIn, noOfferCounts, type ServiceFromOffer } from '../repositories/local-offer-import.ts';

type DemoService = Pick<ServiceFromOffer, 'externalId' | 'name' | 'description'> &
  Partial<Omit<ServiceFromOffer, 'organisation'>> & { organisation: [id: string, name: string] };

const service = ({ organisation: [orgId, orgName], ...given }: DemoService, domain: string): ServiceFromOffer => ({
  organisation: { externalId: orgId, name: orgName, type: null, email: null, phone: null, website: null },
  status: 'active',
  url: null,
  email: null,
  phone: null,
  referralEmail: given.email ?? `referrals@${orgId}.${domain}`,
  howToGet: null,
  eligibility: null,
  minAge: null,
  maxAge: null,
  cost: null,
  isFree: null,
  languages: [],
  accessibility: [],
  serviceAreas: [],
  taxonomy: [],
  locations: [],
  contacts: [],
  schedules: [],
  ...given,
});

/** Northshire's local offer: made up, shaped like a county's "one stop" guide. */
const NORTHSHIRE: DemoService[] = [
  {
    externalId: 'ns-saturday-breaks',
    organisation: ['short-breaks-trust', 'Short Breaks Trust'],
    name: 'Saturday Short Breaks Club',
    description:
      'Saturday activities for disabled young people: cooking, music, trips and time with friends, so families get a rest.',
    howToGet: 'Ask your social worker or transition worker to refer you. We need your family’s agreement.',
    minAge: 8,
    maxAge: 18,
    cost: 'Free for families with an EHC plan',
    isFree: true,
    taxonomy: ['Short breaks'],
    serviceAreas: ['Northtown'],
    locations: [{ name: 'Meadow Centre', address: '5 Meadow Lane, Northtown', postcode: 'NS1 4AB' }],
    accessibility: ['Hoist and Changing Places toilet', 'Quiet room'],
    schedules: ['Saturdays, 10:00 to 16:00'],
    contacts: [{ name: 'Referrals team', title: null, email: null, phone: '01234 567890' }],
    phone: '01234 567890',
  },
  {
    externalId: 'ns-meadow-house',
    organisation: ['short-breaks-trust', 'Short Breaks Trust'],
    name: 'Meadow House overnight breaks',
    description:
      'Overnight short breaks for young people aged 16 to 25 with complex needs, with nursing care on site. A step towards staying away from home.',
    howToGet: 'A referral from the council’s transition team or adult social care, after an assessment of needs.',
    minAge: 16,
    maxAge: 25,
    cost: 'Paid from a personal budget or by the council after assessment',
    isFree: false,
    taxonomy: ['Short breaks', 'Care and support'],
    serviceAreas: ['Northtown', 'Southby'],
    locations: [{ name: 'Meadow House', address: '12 Orchard Road, Southby', postcode: 'NS4 2CD' }],
  },
  {
    externalId: 'ns-holiday-club',
    organisation: ['northshire-leisure', 'Northshire Leisure'],
    name: 'Holiday Play and Youth Scheme',
    description: 'Inclusive holiday activities in the Easter and summer holidays: sport, arts and days out.',
    minAge: 5,
    maxAge: 17,
    cost: '£10 a day; free for families on free school meals',
    isFree: false,
    taxonomy: ['Leisure', 'Short breaks'],
    serviceAreas: ['Northtown', 'Southby'],
  },
  {
    externalId: 'ns-internships',
    organisation: ['northshire-college', 'Northshire College'],
    name: 'Supported Internships',
    description:
      'A year of learning at work for young people with an EHC plan, with a job coach, three placements and a chance of a paid job.',
    howToGet: 'Talk to the college’s transition team in year 13, or ask for a referral.',
    minAge: 16,
    maxAge: 24,
    cost: 'Free',
    isFree: true,
    taxonomy: ['Employment support', 'Further education'],
    locations: [{ name: 'Northshire College', address: 'College Road, Northtown', postcode: 'NS1 9XY' }],
  },
  {
    externalId: 'ns-travel-training',
    organisation: ['northshire-council', 'Northshire Council'],
    name: 'Independent Travel Training',
    description: 'One-to-one training to travel on your own by bus or train, to college, work or to see friends.',
    minAge: 14,
    maxAge: 25,
    cost: 'Free',
    isFree: true,
    taxonomy: ['Travel training'],
  },
  {
    externalId: 'ns-sendiass',
    organisation: ['northshire-sendiass', 'Northshire SENDIASS'],
    name: 'SEND Information, Advice and Support',
    description:
      'Free, impartial advice for children and young people with SEND and their parents: EHC plans, reviews, appeals and moving on from school.',
    howToGet: 'Phone or e-mail us. You do not need a referral.',
    maxAge: 25,
    cost: 'Free',
    isFree: true,
    taxonomy: ['Information and advice'],
    phone: '01234 100200',
  },
  {
    externalId: 'ns-counselling',
    organisation: ['mind-northshire', 'Mind in Northshire'],
    name: 'Young Adults Counselling',
    description: 'Counselling for young people with anxiety, low mood or worries about leaving school.',
    minAge: 16,
    maxAge: 25,
    cost: 'Free',
    isFree: true,
    taxonomy: ['Mental health'],
  },
  {
    externalId: 'ns-living-skills',
    organisation: ['northshire-housing', 'Northshire Housing Support'],
    name: 'Independent Living Skills',
    description:
      'A weekly course in cooking, money, staying safe and looking after a home, for young people planning to live more independently.',
    minAge: 16,
    maxAge: 25,
    cost: 'Free',
    isFree: true,
    taxonomy: ['Independent living', 'Life skills'],
  },
  {
    externalId: 'ns-benefits-advice',
    organisation: ['northshire-welfare', 'Northshire Welfare Rights'],
    name: 'Benefits advice at 16',
    description:
      'Help to claim Personal Independence Payment and Universal Credit, and to choose an appointee if one is needed.',
    minAge: 15,
    maxAge: 25,
    cost: 'Free',
    isFree: true,
    taxonomy: ['Welfare benefits'],
  },
  {
    externalId: 'ns-advocacy',
    organisation: ['voiceability-ns', 'Northshire Advocacy'],
    name: 'Advocacy for young people',
    description:
      'An advocate to help you say what you want at meetings and reviews, including Care Act and Mental Capacity Act advocacy.',
    minAge: 16,
    maxAge: 25,
    cost: 'Free',
    isFree: true,
    taxonomy: ['Advocacy'],
  },
  {
    externalId: 'ns-inclusive-sport',
    organisation: ['northshire-leisure', 'Northshire Leisure'],
    name: 'Inclusive Sports Club',
    description: 'Football, swimming and boccia for young people of all abilities, every Wednesday evening.',
    minAge: 11,
    maxAge: 25,
    cost: '£3 a session',
    isFree: false,
    taxonomy: ['Sport and leisure'],
    serviceAreas: ['Northtown'],
  },
];

/** Nordby's offer (made up). */
const NORDBY: DemoService[] = [
  {
    externalId: 'nb-aflastning',
    organisation: ['nordby-kommune', 'Nordby Kommune'],
    name: 'Aflastning i weekender',
    description: 'Weekendaflastning for unge med handicap, så familien får en pause.',
    minAge: 10,
    maxAge: 18,
    cost: 'Gratis',
    isFree: true,
    taxonomy: ['Aflastning'],
  },
  {
    externalId: 'nb-stu',
    organisation: ['nordby-stu', 'Nordby STU-center'],
    name: 'Særligt tilrettelagt ungdomsuddannelse (STU)',
    description: 'Et treårigt uddannelsesforløb for unge med særlige behov.',
    minAge: 16,
    maxAge: 25,
    cost: 'Gratis',
    isFree: true,
    taxonomy: ['Uddannelse'],
  },
];

/** Seeds the demo areas' local offers (by area code), as an import of them would. */
export async function seedDemoOffer(tx: Tx, areaIds: ReadonlyMap<string, string>): Promise<void> {
  const counts = noOfferCounts();
  for (const [code, services, domain] of [
    ['NS', NORTHSHIRE, 'example.org'],
    ['NB', NORDBY, 'example.dk'],
  ] as const) {
    const areaId = areaIds.get(code);
    if (areaId)
      await importOfferIn(tx, areaId, { services: services.map((s) => service(s, domain)), inactiveIds: [] }, counts);
  }
}

const DAY_MS = 86_400_000;
/** The answers a referral went through to reach each status. */
const STEPS_TO: Record<string, string[]> = {
  accepted: ['accepted'],
  started: ['accepted', 'started'],
  ended: ['accepted', 'started', 'ended'],
  declined: ['declined'],
};
const dayBefore = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS);

/**
 * A year of Northshire's referrals (made up), so the commissioning view has something to show:
 * 40 young people referred to a service for their age, over the last year, each at a stage a
 * real referral would be at by now — the older ones answered (most accepted, some declined,
 * some started or ended), the latest still waiting.
 */
export async function seedDemoReferrals(
  tx: Tx,
  areaId: string,
  worker: { id: string; name: string },
  today: string,
): Promise<void> {
  const people = await tx.youngPerson.findMany({
    where: { areaId },
    orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { dateOfBirth: 'asc' }],
    select: { id: true, dateOfBirth: true },
    take: 40,
  });
  const services = await tx.service.findMany({
    where: { areaId, status: 'active' },
    orderBy: { externalId: 'asc' },
    select: { id: true, minAge: true, maxAge: true, name: true },
  });
  for (const [index, person] of people.entries()) {
    const sentOn = dayBefore(today, 5 + ((index * 37) % 350));
    const age = Math.floor((sentOn.getTime() - person.dateOfBirth.getTime()) / (365.25 * DAY_MS));
    const fitting = services.filter((s) => (s.minAge ?? 0) <= age && age <= (s.maxAge ?? 120));
    const service = fitting[index % Math.max(1, fitting.length)];
    if (!service) continue;
    const answeredAfter = 3 + ((index * 11) % 40);
    const answered = sentOn.getTime() + answeredAfter * DAY_MS < Date.parse(`${today}T00:00:00Z`);
    const status = !answered
      ? 'sent'
      : index % 7 === 0
        ? 'declined'
        : ((['accepted', 'started', 'ended'] as const)[index % 3] ?? 'accepted');
    const answeredOn = new Date(sentOn.getTime() + answeredAfter * DAY_MS);
    await tx.referral.create({
      data: {
        youngPersonId: person.id,
        serviceId: service.id,
        reason: `Referred to ${service.name} after their review.`,
        agreedBy: age >= 16 ? 'young_person' : 'parent_carer',
        agreedOn: sentOn,
        sentOn,
        status,
        acceptedOn: status === 'accepted' || status === 'started' || status === 'ended' ? answeredOn : null,
        startedOn: status === 'started' || status === 'ended' ? answeredOn : null,
        endedOn: status === 'declined' || status === 'ended' ? answeredOn : null,
        outcome: status === 'declined' ? 'No places left this term.' : status === 'ended' ? 'Went regularly.' : null,
        referredById: worker.id,
        referredByName: worker.name,
        updates: {
          create: ['sent', ...(STEPS_TO[status] ?? [])].map((step) => ({
            status: step,
            on: step === 'sent' ? sentOn : answeredOn,
            byId: worker.id,
            byName: worker.name,
          })),
        },
      },
    });
  }
}
