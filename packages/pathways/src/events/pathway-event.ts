import { z } from 'zod';
import { ZIsoDate } from '../dates/iso-date-schema.ts';
import { EVENT_CATALOGUE, type EventType } from './catalogue.ts';

type Catalogue = typeof EVENT_CATALOGUE;

type PayloadOf<T extends EventType> = keyof Catalogue[T]['payload'] extends never
  ? unknown
  : z.output<z.ZodObject<Catalogue[T]['payload']>>;

/** One dated event of type T with its payload; `id` is the caller's reference (e.g. a database key). */
export type EventOf<T extends EventType> = { type: T; date: string; id?: string } & PayloadOf<T>;

/** Any event the engine accepts, discriminated by `type`. */
export type PathwayEvent = { [T in EventType]: EventOf<T> }[EventType];

function eventSchema(type: EventType) {
  return z
    .object({
      type: z.literal(type),
      date: ZIsoDate,
      id: z.string().max(100).optional(),
      ...EVENT_CATALOGUE[type].payload,
    })
    .strict();
}

/** Validates one dated event: unknown types, bad dates and bad payload fields are named in the error. */
export const ZPathwayEvent = z.discriminatedUnion(
  'type',
  (Object.keys(EVENT_CATALOGUE) as EventType[]).map(eventSchema) as unknown as [
    ReturnType<typeof eventSchema>,
    ...ReturnType<typeof eventSchema>[],
  ],
) as unknown as z.ZodType<PathwayEvent>;

/** The clock: tells machines what day it is so that age-based transitions can happen. */
export type ClockEvent = { type: 'clock.tick'; date: string };
