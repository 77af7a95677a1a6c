import { createHash } from 'node:crypto';
import { topicsOfText } from '@pathways/engine';
import type { Agency, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Tx } from './actor.ts';

/** A place a service is offered. */
export type ServiceLocation = { name: string | null; address: string | null; postcode: string | null };
/** Someone to ask about a service. */
export type ServiceContact = { name: string | null; title: string | null; email: string | null; phone: string | null };

/** The organisation running a service, as a local offer describes it: matched on its id in the feed. */
export type OrganisationFromOffer = {
  externalId: string;
  name: string;
  /** The agency type the feed gives (the planner's `agency_type`); null: "other" when new, else as it is (an administrator may have set it). */
  type: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
};

/** A service as a local offer describes it (Open Referral UK v1 or v3, read by the API). */
export type ServiceFromOffer = {
  externalId: string;
  organisation: OrganisationFromOffer;
  name: string;
  description: string | null;
  status: 'active' | 'temporarily closed';
  url: string | null;
  email: string | null;
  phone: string | null;
  referralEmail: string | null;
  howToGet: string | null;
  eligibility: string | null;
  minAge: number | null;
  maxAge: number | null;
  cost: string | null;
  isFree: boolean | null;
  languages: string[];
  accessibility: string[];
  serviceAreas: string[];
  taxonomy: string[];
  locations: ServiceLocation[];
  contacts: ServiceContact[];
  schedules: string[];
};

export type OfferImportCounts = {
  servicesCreated: number;
  servicesUpdated: number;
  servicesUnchanged: number;
  /** Imported before, and now inactive in the feed: no longer offered (kept for their referrals). */
  servicesWithdrawn: number;
  agenciesCreated: number;
  agenciesUpdated: number;
};

/** Counts of an import that has done nothing yet. */
export const noOfferCounts = (): OfferImportCounts => ({
  servicesCreated: 0,
  servicesUpdated: 0,
  servicesUnchanged: 0,
  servicesWithdrawn: 0,
  agenciesCreated: 0,
  agenciesUpdated: 0,
});

const digestOf = (service: ServiceFromOffer) => createHash('sha256').update(JSON.stringify(service)).digest('hex');

/**
 * What a service helps with: from its taxonomy terms and name, which its publisher chose to
 * say so; only when they say nothing known, from its description (whose passing words, a
 * counselling service's "worries about leaving school", would file it wrongly).
 */
function topicsOf(service: ServiceFromOffer): string[] {
  const named = topicsOfText(...service.taxonomy, service.name);
  return named.length > 0 ? named : topicsOfText(service.description);
}

/** The columns of a service from what the feed says (its topics worked out from its taxonomy and words). */
function serviceColumns(service: ServiceFromOffer) {
  const { externalId, organisation: _organisation, locations, contacts, ...rest } = service;
  return {
    ...rest,
    externalId,
    sortName: service.name.toLocaleLowerCase('en'),
    locations: locations as Prisma.InputJsonValue,
    contacts: contacts as Prisma.InputJsonValue,
    topics: topicsOf(service),
    digest: digestOf(service),
  };
}

/** The agency's columns the feed decides, merged over what it has (services listed by hand stay). */
function agencyColumns(organisation: OrganisationFromOffer, services: readonly ServiceFromOffer[], existing?: Agency) {
  const minimums = services.flatMap((service) => (service.minAge === null ? [] : [service.minAge]));
  const maximums = services.flatMap((service) => (service.maxAge === null ? [] : [service.maxAge]));
  return {
    name: organisation.name,
    type: organisation.type ?? existing?.type ?? 'other',
    email: organisation.email ?? services.find((service) => service.email)?.email ?? null,
    phone: organisation.phone ?? services.find((service) => service.phone)?.phone ?? null,
    website: organisation.website ?? services.find((service) => service.url)?.url ?? null,
    services: [...new Set([...(existing?.services ?? []), ...services.map((service) => service.name)])],
    minAge: minimums.length > 0 ? Math.min(...minimums) : null,
    maxAge: maximums.length > 0 ? Math.max(...maximums) : null,
  };
}

const sameColumns = (agency: Agency, columns: ReturnType<typeof agencyColumns>) =>
  Object.entries(columns).every(
    ([key, value]) => JSON.stringify(agency[key as keyof Agency]) === JSON.stringify(value),
  );

/** Creates or updates an organisation's agency (matched on its feed id, never its name); whether it was new or changed. */
async function upsertAgency(
  tx: Tx,
  areaId: string,
  organisation: OrganisationFromOffer,
  services: readonly ServiceFromOffer[],
): Promise<{ agency: Agency; outcome: 'created' | 'updated' | 'unchanged' }> {
  const existing = await tx.agency.findUnique({
    where: { areaId_externalId: { areaId, externalId: organisation.externalId } },
  });
  if (!existing) {
    const agency = await tx.agency.create({
      data: { ...agencyColumns(organisation, services), areaId, externalId: organisation.externalId },
    });
    return { agency, outcome: 'created' };
  }
  const columns = agencyColumns(organisation, services, existing);
  if (sameColumns(existing, columns)) return { agency: existing, outcome: 'unchanged' };
  return { agency: await tx.agency.update({ where: { id: existing.id }, data: columns }), outcome: 'updated' };
}

/**
 * Loads a local offer into an area, all or nothing: each organisation becomes (or updates) an
 * agency and each service a service of the directory, both matched on their ids in the feed.
 * A service the feed says nothing new about is left as it is (so importing the same feed
 * twice changes nothing); one the feed now lists as inactive stops being offered.
 */
export async function importLocalOffer(
  db: PrismaClient,
  areaId: string,
  offer: { services: readonly ServiceFromOffer[]; inactiveIds: readonly string[] },
): Promise<OfferImportCounts> {
  const counts = noOfferCounts();
  await db.$transaction((tx) => importOfferIn(tx, areaId, offer, counts), { timeout: 120_000 });
  return counts;
}

/** `importLocalOffer` within the caller's transaction (the demo seeds its offer with it), adding to `counts`. */
export async function importOfferIn(
  tx: Tx,
  areaId: string,
  offer: { services: readonly ServiceFromOffer[]; inactiveIds: readonly string[] },
  counts: OfferImportCounts,
): Promise<void> {
  const byOrganisation = new Map<string, ServiceFromOffer[]>();
  for (const service of offer.services)
    byOrganisation.set(service.organisation.externalId, [
      ...(byOrganisation.get(service.organisation.externalId) ?? []),
      service,
    ]);
  for (const [organisationId, services] of byOrganisation) {
    const organisation = services.find((service) => service.organisation.externalId === organisationId)?.organisation;
    if (!organisation) continue;
    const { agency, outcome } = await upsertAgency(tx, areaId, organisation, services);
    if (outcome === 'created') counts.agenciesCreated++;
    if (outcome === 'updated') counts.agenciesUpdated++;
    for (const service of services) await upsertService(tx, areaId, agency.id, service, counts);
  }
  if (offer.inactiveIds.length > 0) {
    const { count } = await tx.service.updateMany({
      where: { areaId, externalId: { in: [...offer.inactiveIds] }, status: { not: 'inactive' } },
      data: { status: 'inactive', digest: '' },
    });
    counts.servicesWithdrawn += count;
  }
}

/** Creates a service, updates it where the feed says something new, or leaves it be; counted. */
async function upsertService(
  tx: Tx,
  areaId: string,
  agencyId: string,
  service: ServiceFromOffer,
  counts: OfferImportCounts,
): Promise<void> {
  const columns = { ...serviceColumns(service), agencyId };
  const existing = await tx.service.findUnique({
    where: { areaId_externalId: { areaId, externalId: service.externalId } },
    select: { id: true, digest: true, agencyId: true },
  });
  if (!existing) {
    await tx.service.create({ data: { ...columns, areaId } });
    counts.servicesCreated++;
  } else if (existing.digest === columns.digest && existing.agencyId === agencyId) {
    counts.servicesUnchanged++;
  } else {
    await tx.service.update({ where: { id: existing.id }, data: columns });
    counts.servicesUpdated++;
  }
}
