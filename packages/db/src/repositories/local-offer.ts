import type { Prisma, PrismaClient, Service } from '../generated/prisma/client.ts';
import type { ServiceContact, ServiceLocation } from './local-offer-import.ts';

/** A service with the agency running it, as the directory shows it. */
export type OfferedService = Omit<Service, 'locations' | 'contacts'> & {
  locations: ServiceLocation[];
  contacts: ServiceContact[];
  agency: { id: string; name: string; website: string | null };
};

const withAgency = { agency: { select: { id: true, name: true, website: true } } } as const;

const offered = (service: Service & { agency: OfferedService['agency'] }): OfferedService => ({
  ...service,
  locations: service.locations as ServiceLocation[],
  contacts: service.contacts as ServiceContact[],
});

/** Services a person of this age may use: no limit, or a range holding it. */
const forAge = (age: number): Prisma.ServiceWhereInput[] => [
  { OR: [{ minAge: null }, { minAge: { lte: age } }] },
  { OR: [{ maxAge: null }, { maxAge: { gte: age } }] },
];

export type ServiceSearch = {
  /** The caller's areas (null: every area). */
  withinAreas: readonly string[] | null;
  text?: string;
  topic?: string;
  age?: number;
  /** A service area from the directory's list: services offered there, or everywhere. */
  place?: string;
  freeOnly?: boolean;
  limit: number;
  offset: number;
};

/**
 * The directory searched: services still offered (not withdrawn from the feed), by what they
 * help with, a person's age, where they are offered, cost and free text (name, description,
 * organisation, taxonomy), by name.
 */
export async function searchServices(
  db: PrismaClient,
  search: ServiceSearch,
): Promise<{ total: number; items: OfferedService[] }> {
  const and: Prisma.ServiceWhereInput[] = [{ status: { not: 'inactive' } }];
  if (search.withinAreas) and.push({ areaId: { in: [...search.withinAreas] } });
  if (search.topic) and.push({ topics: { has: search.topic } });
  if (search.age !== undefined) and.push(...forAge(search.age));
  if (search.place) and.push({ OR: [{ serviceAreas: { has: search.place } }, { serviceAreas: { isEmpty: true } }] });
  if (search.freeOnly) and.push({ isFree: true });
  if (search.text) {
    const contains = { contains: search.text, mode: 'insensitive' } as const;
    and.push({
      OR: [
        { name: contains },
        { description: contains },
        { agency: { name: contains } },
        { taxonomy: { has: search.text } },
      ],
    });
  }
  const where = { AND: and };
  const [total, items] = await db.$transaction([
    db.service.count({ where }),
    db.service.findMany({
      where,
      include: withAgency,
      orderBy: [{ sortName: 'asc' }, { id: 'asc' }],
      take: search.limit,
      skip: search.offset,
    }),
  ]);
  return { total, items: items.map(offered) };
}

/** The places services are offered, for a search form: every service area named in the caller's directory. */
export async function placesOfOffer(db: PrismaClient, withinAreas: readonly string[] | null): Promise<string[]> {
  const rows = await db.service.findMany({
    where: { status: { not: 'inactive' }, ...(withinAreas ? { areaId: { in: [...withinAreas] } } : {}) },
    select: { serviceAreas: true },
  });
  return [...new Set(rows.flatMap((row) => row.serviceAreas))].sort((a, b) => a.localeCompare(b));
}

/** One service of the directory, within the caller's areas (null: any), withdrawn ones included (old referrals name them). */
export async function findService(
  db: PrismaClient,
  id: string,
  withinAreas: readonly string[] | null,
): Promise<OfferedService | null> {
  const service = await db.service.findFirst({
    where: { id, ...(withinAreas ? { areaId: { in: [...withinAreas] } } : {}) },
    include: withAgency,
  });
  return service ? offered(service) : null;
}

/**
 * The services that can help a young person with each of these topics: offered in their area,
 * to someone of their age, up to `perTopic` each (by name).
 */
export async function servicesForTopics(
  db: PrismaClient,
  options: { areaId: string; age: number; topics: readonly string[]; perTopic: number },
): Promise<Map<string, OfferedService[]>> {
  const found = new Map<string, OfferedService[]>();
  if (options.topics.length === 0) return found;
  const services = await db.service.findMany({
    where: {
      AND: [
        { areaId: options.areaId, status: 'active', topics: { hasSome: [...options.topics] } },
        ...forAge(options.age),
      ],
    },
    include: withAgency,
    orderBy: [{ sortName: 'asc' }, { id: 'asc' }],
  });
  for (const topic of options.topics)
    found.set(
      topic,
      services
        .filter((service) => service.topics.includes(topic))
        .slice(0, options.perTopic)
        .map(offered),
    );
  return found;
}

/** A council's saved ORUK feed, or null. */
export async function offerFeedOf(db: PrismaClient, areaId: string) {
  return db.offerFeed.findUnique({ where: { areaId } });
}

/** Saves (or, with null, forgets) the feed an area's directory is fetched from every day. */
export async function saveOfferFeed(db: PrismaClient, areaId: string, url: string | null): Promise<void> {
  if (url === null) await db.offerFeed.deleteMany({ where: { areaId } });
  else await db.offerFeed.upsert({ where: { areaId }, create: { areaId, url }, update: { url } });
}

/** Records what a fetch of an area's feed did. */
export async function recordOfferFetch(
  db: PrismaClient,
  areaId: string,
  at: Date,
  result: Prisma.InputJsonObject,
): Promise<void> {
  await db.offerFeed.updateMany({ where: { areaId }, data: { lastFetchedAt: at, lastResult: result } });
}

/**
 * The saved feeds not yet fetched today, each claimed for this process (its fetch time set
 * now), so however many API processes run, each feed is fetched once a day.
 */
export async function claimOfferFeedsDue(
  db: PrismaClient,
  now: Date,
  dayStartsAt: Date,
): Promise<{ areaId: string; url: string }[]> {
  const due = await db.offerFeed.findMany({
    where: { OR: [{ lastFetchedAt: null }, { lastFetchedAt: { lt: dayStartsAt } }] },
    select: { areaId: true, url: true, lastFetchedAt: true },
  });
  const claimed: { areaId: string; url: string }[] = [];
  for (const feed of due) {
    const { count } = await db.offerFeed.updateMany({
      where: { areaId: feed.areaId, lastFetchedAt: feed.lastFetchedAt },
      data: { lastFetchedAt: now },
    });
    if (count === 1) claimed.push({ areaId: feed.areaId, url: feed.url });
  }
  return claimed;
}
