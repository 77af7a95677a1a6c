import type { ServiceContact, ServiceFromOffer, ServiceLocation } from '@pathways/db';
import { AGENCY_TYPES } from '@pathways/engine';
import { controlCharacterAt } from '../input-guard.ts';
import { age, distinct, email, list, phone, plainWords, text, webAddress, type Notes } from './oruk-fields.ts';

/**
 * Reads Open Referral UK services: the v1 API and data package shape (`eligibilitys`,
 * `service_taxonomys`, `regular_schedules`, `physical_addresses`) and the current UK profile,
 * v3 (`minimum_age` on the service, `attributes` with taxonomy terms, `schedules`,
 * `addresses`, `accessibility`). Whatever can be read is kept and every change made on the way
 * is reported as a warning; a service is refused only when it cannot be one (no id, no name,
 * no organisation, ages that contradict each other, a control character). Inactive and defunct
 * services are skipped with a note.
 */

export type OfferNote = { line: number; field: string; message: string };
export type SkippedService = { line: number; id: string; name: string | null; reason: string };

export type ReadOffer = {
  services: { line: number; service: ServiceFromOffer }[];
  /** Feed ids of services listed as inactive or defunct. */
  inactiveIds: string[];
  skipped: SkippedService[];
  warnings: OfferNote[];
  problems: OfferNote[];
};

type Item = { line: number; raw: unknown };

/**
 * The records in a body: a JSON array, a page of an ORUK API (`{ "content": [...] }` in v1,
 * `{ "contents": [...] }` in v3), a single service (pretty-printed or not), or NDJSON with one
 * service per line. Item n of a list is "line" n; in NDJSON, the line number.
 */
export function recordsOf(body: string): { items: Item[]; problems: OfferNote[] } {
  const trimmed = body.trim();
  if (trimmed === '') return { items: [], problems: [{ line: 1, field: 'body', message: 'is empty' }] };
  let whole: unknown;
  let isWhole = false;
  try {
    whole = JSON.parse(trimmed);
    isWhole = true;
  } catch (error) {
    if (trimmed.startsWith('['))
      return {
        items: [],
        problems: [{ line: 1, field: 'body', message: `not valid JSON: ${(error as Error).message}` }],
      };
  }
  if (isWhole) {
    const page = whole as { content?: unknown; contents?: unknown } | null;
    const listed = Array.isArray(whole) ? whole : (page?.contents ?? page?.content);
    if (Array.isArray(listed))
      return { items: (listed as unknown[]).map((raw, index) => ({ line: index + 1, raw })), problems: [] };
    if (whole !== null && typeof whole === 'object') return { items: [{ line: 1, raw: whole }], problems: [] };
    return { items: [], problems: [{ line: 1, field: 'body', message: 'expected services (a list, a page or one)' }] };
  }
  const items: Item[] = [];
  const problems: OfferNote[] = [];
  for (const [index, line] of body.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    try {
      items.push({ line: index + 1, raw: JSON.parse(line) });
    } catch {
      problems.push({ line: index + 1, field: 'line', message: 'not valid JSON' });
    }
  }
  return { items, problems };
}

/** Reads every record of a body (see `recordsOf` and `readService`). */
export function readOffer(body: string): ReadOffer {
  const { items, problems } = recordsOf(body);
  const offer: ReadOffer = { services: [], inactiveIds: [], skipped: [], warnings: [], problems };
  for (const item of items) readInto(offer, item);
  return offer;
}

/** Reads one record into the offer: as a service, a skipped one, or a problem, with its warnings. */
export function readInto(offer: ReadOffer, { line, raw }: Item): void {
  const warnings: OfferNote[] = [];
  const notes: Notes = { warn: (field, message) => warnings.push({ line, field, message }) };
  const read = readService(raw, notes);
  if ('problem' in read) {
    offer.problems.push({ line, ...read.problem });
    return;
  }
  if ('inactive' in read) {
    offer.inactiveIds.push(read.inactive.id);
    offer.skipped.push({ line, ...read.inactive });
    return;
  }
  offer.warnings.push(...warnings);
  offer.services.push({ line, service: read.service });
}

type Refusal = { problem: { field: string; message: string } };
type Read = { service: ServiceFromOffer } | { inactive: { id: string; name: string | null; reason: string } } | Refusal;

const problem = (field: string, message: string): Refusal => ({ problem: { field, message } });
const object = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** One service, or why it is skipped or refused. */
export function readService(raw: unknown, notes: Notes): Read {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return problem('service', 'expected a service');
  // A control character (a NUL cannot even be stored) spoils its own record only.
  const unreadable = controlCharacterAt(raw);
  if (unreadable !== null) return problem(unreadable, 'must not contain control characters');
  const record = raw as Record<string, unknown>;
  const id = text(record.id, 'id', notes, 200);
  if (id === null) return problem('id', 'is required: it is how a later import finds this service again');
  const name = text(record.name, 'name', notes, 300);
  if (name === null) return problem('name', 'is required');
  const status = statusOf(record.status, notes);
  if (status === 'inactive' || status === 'defunct')
    return { inactive: { id, name, reason: `listed as ${status}: not imported` } };

  const organisation = organisationOf(record, notes);
  if ('problem' in organisation) return organisation;
  const ages = agesOf(record, notes);
  if ('problem' in ages) return ages;

  // A list may name a location by its id alone: nothing to show of it.
  const locations = list(record.service_at_locations, 'service_at_locations', notes)
    .map((at, index) => locationOf(object(at.location ?? at), `service_at_locations.${index}.location`, notes))
    .filter((location) => location.name ?? location.address ?? location.postcode);
  const contacts = contactsOf(record, notes);
  const serviceEmail = email(record.email, 'email', notes);
  const cost = costOf(record, notes);
  return {
    service: {
      externalId: id,
      organisation: organisation.organisation,
      name,
      description: plainWords(record.description, 'description', notes),
      status: status === 'temporarily closed' ? 'temporarily closed' : 'active',
      url: webAddress(record.url, 'url', notes),
      email: serviceEmail,
      phone: phonesOf(record.phones, 'phones', notes)[0] ?? contacts.find((contact) => contact.phone)?.phone ?? null,
      referralEmail:
        serviceEmail ?? contacts.find((contact) => contact.email)?.email ?? organisation.organisation.email ?? null,
      howToGet: plainWords(record.application_process, 'application_process', notes),
      eligibility: eligibilityOf(record, notes),
      minAge: ages.minAge,
      maxAge: ages.maxAge,
      cost: cost.words,
      isFree: cost.isFree,
      languages: languagesOf(record, notes),
      accessibility: distinct(locations.flatMap((location) => location.accessibility)),
      serviceAreas: distinct(
        list(record.service_areas, 'service_areas', notes).map((area, index) =>
          text(area.service_area ?? area.name ?? area.description, `service_areas.${index}`, notes, 500),
        ),
      ),
      taxonomy: taxonomyOf(record, notes),
      locations: locations.map(({ accessibility: _accessibility, ...location }) => location),
      contacts,
      schedules: schedulesOf(record, notes),
    },
  };
}

const STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

function statusOf(value: unknown, notes: Notes): (typeof STATUSES)[number] {
  const written = text(value, 'status', notes, 100);
  if (written === null) return 'active';
  const status = STATUSES.find((known) => known === written.toLowerCase().replace(/_/g, ' '));
  if (!status) notes.warn('status', `read unknown status "${written}" as active`);
  return status ?? 'active';
}

const TYPES: readonly string[] = AGENCY_TYPES;

function organisationOf(
  record: Record<string, unknown>,
  notes: Notes,
): { organisation: ServiceFromOffer['organisation'] } | Refusal {
  const organization = object(record.organization);
  const id = text(organization.id ?? record.organization_id, 'organization.id', notes, 200);
  if (id === null) return problem('organization.id', 'is required: it is how the agency running it is found again');
  const name = text(organization.name, 'organization.name', notes, 300);
  if (name === null) return problem('organization.name', 'is required');
  // `agency_type` is the planner's extension: which kind of agency runs it, if a rule names one.
  const typed = text(record.agency_type, 'agency_type', notes, 100);
  if (typed !== null && !TYPES.includes(typed)) notes.warn('agency_type', `read unknown type "${typed}" as other`);
  return {
    organisation: {
      externalId: id,
      name,
      type: typed !== null && TYPES.includes(typed) ? typed : null,
      email: email(organization.email, 'organization.email', notes),
      phone: null,
      website:
        webAddress(organization.website, 'organization.website', notes) ??
        webAddress(organization.url, 'organization.url', notes),
    },
  };
}

/** Ages from the service (v3) or its eligibility records (v1): the youngest minimum, the oldest maximum. */
function agesOf(
  record: Record<string, unknown>,
  notes: Notes,
): { minAge: number | null; maxAge: number | null } | Refusal {
  const eligibilitys = list(record.eligibilitys, 'eligibilitys', notes);
  const minimums = [
    age(record.minimum_age, 'minimum_age', notes),
    ...eligibilitys.map((e, index) => age(e.minimum_age, `eligibilitys.${index}.minimum_age`, notes)),
  ].filter((years): years is number => years !== null);
  const maximumsRead = [
    ...(record.maximum_age !== undefined ? [age(record.maximum_age, 'maximum_age', notes)] : []),
    ...eligibilitys
      .filter((e) => e.maximum_age !== undefined)
      .map((e, index) => age(e.maximum_age, `eligibilitys.${index}.maximum_age`, notes)),
  ];
  // One "no upper limit" among the ranges means none overall.
  const maximums = maximumsRead.includes(null) ? [] : (maximumsRead as number[]);
  const minAge = minimums.length > 0 ? Math.min(...minimums) : null;
  const maxAge = maximums.length > 0 ? Math.max(...maximums) : null;
  if (minAge !== null && maxAge !== null && minAge > maxAge)
    return problem(
      record.minimum_age !== undefined ? 'minimum_age' : 'eligibilitys.0.minimum_age',
      'minimum_age is above maximum_age',
    );
  return { minAge, maxAge };
}

function eligibilityOf(record: Record<string, unknown>, notes: Notes): string | null {
  const words = [
    plainWords(record.eligibility_description, 'eligibility_description', notes),
    ...list(record.eligibilitys, 'eligibilitys', notes).map((e, index) =>
      text(e.eligibility, `eligibilitys.${index}.eligibility`, notes, 1000),
    ),
  ];
  const kept = distinct(words);
  return kept.length > 0 ? kept.join('\n') : null;
}

/** The cost in words, and whether it is free: only when the feed says so (amounts of 0, or "free"). */
function costOf(record: Record<string, unknown>, notes: Notes): { words: string | null; isFree: boolean | null } {
  const options = list(record.cost_options, 'cost_options', notes);
  const fees = text(record.fees_description ?? record.fees, 'fees', notes, 2000);
  const amounts = options.map((option) => (typeof option.amount === 'number' ? option.amount : Number(option.amount)));
  const described = options.map((option, index) => {
    const amount = amounts[index] ?? Number.NaN;
    const price = Number.isFinite(amount)
      ? amount === 0
        ? 'free'
        : `£${amount.toFixed(2).replace(/\.00$/, '')}`
      : null;
    return distinct([
      text(option.option, `cost_options.${index}.option`, notes, 300),
      price,
      text(option.amount_description, `cost_options.${index}.amount_description`, notes, 300),
    ]).join(' ');
  });
  const words = distinct([fees, ...described.filter((line) => line !== '')]);
  const says = words.join(' ').toLowerCase();
  const isFree =
    amounts.length > 0 && amounts.every((amount) => amount === 0)
      ? true
      : amounts.some((amount) => Number.isFinite(amount) && amount > 0)
        ? false
        : /\bfree\b|no (cost|charge)/.test(says)
          ? true
          : null;
  return { words: words.length > 0 ? words.join('\n') : null, isFree };
}

function languagesOf(record: Record<string, unknown>, notes: Notes): string[] {
  if (!Array.isArray(record.languages)) return [];
  return distinct(
    (record.languages as unknown[]).map((language, index) =>
      typeof language === 'string'
        ? text(language, `languages.${index}`, notes, 100)
        : text(object(language).name ?? object(language).language, `languages.${index}`, notes, 100),
    ),
  );
}

/** Taxonomy terms: v1 `service_taxonomys[].taxonomy`, v3 `attributes[].taxonomy_term` (or `taxonomy_terms`). */
function taxonomyOf(record: Record<string, unknown>, notes: Notes): string[] {
  const v1 = list(record.service_taxonomys, 'service_taxonomys', notes).map((link) => object(link.taxonomy ?? link));
  const v3 = list(record.attributes, 'attributes', notes).map((attribute) => object(attribute.taxonomy_term));
  const terms = list(record.taxonomy_terms, 'taxonomy_terms', notes);
  return distinct([...v1, ...v3, ...terms].map((term) => text(term.name ?? term.term, 'taxonomy', notes, 300)));
}

function locationOf(
  location: Record<string, unknown>,
  field: string,
  notes: Notes,
): ServiceLocation & { accessibility: string[] } {
  const address = object(list(location.physical_addresses ?? location.addresses, `${field}.addresses`, notes)[0]);
  const lines = distinct(
    ['address_1', 'address_2', 'city', 'state_province', 'region'].map((key) =>
      text(address[key], `${field}.address.${key}`, notes, 300),
    ),
  );
  const postcode = text(address.postal_code, `${field}.address.postal_code`, notes, 20);
  const accessibility = list(
    location.accessibility ?? location.accessibility_for_disabilities,
    `${field}.accessibility`,
    notes,
  ).map((item, index) =>
    distinct([
      text(item.accessibility ?? item.description, `${field}.accessibility.${index}`, notes, 500),
      text(item.details, `${field}.accessibility.${index}.details`, notes, 500),
    ]).join(': '),
  );
  return {
    name: text(location.name, `${field}.name`, notes, 300),
    address: lines.length > 0 ? lines.join(', ') : null,
    postcode: postcode?.toUpperCase() ?? null,
    accessibility: accessibility.filter((line) => line !== ''),
  };
}

function phonesOf(value: unknown, field: string, notes: Notes): string[] {
  return distinct(
    list(value, field, notes).map((item, index) => phone(item.number, `${field}.${index}.number`, notes)),
  );
}

function contactsOf(record: Record<string, unknown>, notes: Notes): ServiceContact[] {
  return list(record.contacts, 'contacts', notes).map((contact, index) => ({
    name: text(contact.name, `contacts.${index}.name`, notes, 300),
    title: text(contact.title, `contacts.${index}.title`, notes, 300),
    email: email(contact.email, `contacts.${index}.email`, notes),
    phone: phonesOf(contact.phones, `contacts.${index}.phones`, notes)[0] ?? null,
  }));
}

const DAYS: Record<string, string> = {
  MO: 'Mondays',
  TU: 'Tuesdays',
  WE: 'Wednesdays',
  TH: 'Thursdays',
  FR: 'Fridays',
  SA: 'Saturdays',
  SU: 'Sundays',
};

/** When it runs, in words: the schedule's own description, else its days and hours. */
function schedulesOf(record: Record<string, unknown>, notes: Notes): string[] {
  const schedules = list(record.schedules ?? record.regular_schedules, 'schedules', notes);
  return distinct(
    schedules.map((schedule, index) => {
      const described = text(schedule.description, `schedules.${index}.description`, notes, 1000);
      if (described) return described;
      const days = (text(schedule.byday, `schedules.${index}.byday`, notes, 100) ?? '')
        .split(',')
        .map((day) => DAYS[day.trim().toUpperCase()])
        .filter(Boolean);
      const hours = (['opens_at', 'closes_at'] as const).map((key) =>
        text(schedule[key], `schedules.${index}.${key}`, notes, 20)?.slice(0, 5),
      );
      const when = distinct([days.join(', ') || null, hours[0] && hours[1] ? `${hours[0]} to ${hours[1]}` : null]);
      return when.length > 0 ? when.join(', ') : null;
    }),
  );
}
