import { flagsOf, type PathwayEvent, type ProfileInput } from '@pathways/engine';
import type { PathwayEvent as PathwayEventRow, YoungPerson } from '../generated/prisma/client.ts';

/** A `@db.Date` column as an ISO calendar date (Prisma returns it at UTC midnight). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The other way: an ISO calendar date as the UTC-midnight Date a `@db.Date` column takes. */
export function dateColumn(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A record's fields with their ISO dates as the Dates their `@db.Date` columns take. */
type RecordColumns<T> = Omit<T, 'dateOfBirth' | 'ehcPlanIssuedOn'> &
  (T extends { dateOfBirth: string } ? { dateOfBirth: Date } : { dateOfBirth?: Date }) & {
    ehcPlanIssuedOn?: Date | null;
  };

/** A record's fields as its columns: the dates as Dates; a field not given stays not given. */
export function recordColumns<T extends { dateOfBirth?: string; ehcPlanIssuedOn?: string | null }>(
  fields: T,
): RecordColumns<T> {
  const { dateOfBirth, ehcPlanIssuedOn, ...rest } = fields;
  return {
    ...rest,
    ...(dateOfBirth === undefined ? {} : { dateOfBirth: dateColumn(dateOfBirth) }),
    ...(ehcPlanIssuedOn === undefined ? {} : { ehcPlanIssuedOn: ehcPlanIssuedOn ? dateColumn(ehcPlanIssuedOn) : null }),
  } as RecordColumns<T>;
}

/** The engine's profile of a stored young person. */
export function profileOf(person: YoungPerson): ProfileInput {
  return {
    dateOfBirth: isoDay(person.dateOfBirth),
    jurisdiction: person.jurisdiction as ProfileInput['jurisdiction'],
    yearGroupOffset: person.yearGroupOffset,
    ...(person.ehcPlanIssuedOn ? { ehcPlanIssuedOn: isoDay(person.ehcPlanIssuedOn) } : {}),
    ...flagsOf(person),
  };
}

/** A stored event as the engine's dated event, keeping its id. */
export function engineEventOf(row: PathwayEventRow): PathwayEvent {
  return { ...(row.payload as object), type: row.type, date: isoDay(row.date), id: row.id } as PathwayEvent;
}
