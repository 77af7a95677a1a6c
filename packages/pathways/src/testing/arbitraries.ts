import fc from 'fast-check';
import { fromParts, toIsoDate, type DayNumber } from '../dates/calendar-date.ts';
import { EVENT_CATALOGUE, EVENT_TYPES, type EventType } from '../events/catalogue.ts';
import { PROFILE_FLAGS } from '../rule-packs/types.ts';

/** Any valid calendar date from 1900 to 2100 (test support). */
export const arbitraryDay = fc
  .integer({ min: fromParts(1900, 1, 1), max: fromParts(2100, 12, 31) })
  .map((n) => n as DayNumber);

const isoIn = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(from) / 86_400_000, max: Date.parse(to) / 86_400_000 })
    .map((n) => toIsoDate(n as DayNumber));

/** A value for each payload field name used in the event catalogue. */
const FIELD_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  transfer: fc.constantFrom('post16', 'other', 'post16_to_post16'),
  moveDate: isoIn('2020-01-01', '2035-12-31'),
  startDate: isoIn('2020-01-01', '2035-12-31'),
  transferDate: isoIn('2020-01-01', '2035-12-31'),
  claimBy: isoIn('2020-01-01', '2035-12-31'),
  institution: fc.constant('Riverside College'),
  setting: fc.constantFrom(
    'sixth_form',
    'college',
    'apprenticeship',
    'supported_internship',
    'work_with_training',
    'youth_education',
  ),
  toArea: fc.constant('Northshire'),
  reason: fc.constantFrom('higher_education', 'paid_employment', 'left_education', 'no_longer_needed'),
  reviewFoundNoWishToReturn: fc.boolean(),
  kind: fc.constantFrom('job', 'apprenticeship', 'supported_internship', 'traineeship'),
  stage: fc.constantFrom('ready', 'steady', 'go', 'hello'),
  positive: fc.boolean(),
  eligible: fc.boolean(),
  likelyEligible: fc.boolean(),
  awarded: fc.boolean(),
  hasCapacity: fc.boolean(),
  reasons: fc.constant('Needs not yet predictable.'),
  decision: fc.constant('managing money'),
  milestoneId: fc.constantFrom('community_inclusion', 'rights_transfer_16', 'supported_internship', 'capacity_from_16'),
  note: fc.constant('Recorded at the review.'),
};

/** A valid event of any type (payload filled in), dated within the given range (test support). */
export function arbitraryEvent(from = '2022-01-01', to = '2036-12-31', types: readonly EventType[] = EVENT_TYPES) {
  return fc.constantFrom(...types).chain((type) => {
    const fields = Object.keys(EVENT_CATALOGUE[type].payload);
    const payload = Object.fromEntries(fields.map((field) => [field, FIELD_VALUES[field] ?? fc.constant(undefined)]));
    return fc.record({ type: fc.constant(type), date: isoIn(from, to), ...payload });
  });
}

/** A dated event log, sorted by date as a store would hold it (test support). */
export const arbitraryEventLog = fc
  .array(arbitraryEvent(), { maxLength: 25 })
  .map((events) => [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));

/** A profile for the England or Denmark pack with random flags (test support). */
export const arbitraryProfile = fc.record({
  dateOfBirth: isoIn('2005-01-01', '2014-12-31'),
  jurisdiction: fc.constantFrom('england' as const, 'denmark' as const),
  yearGroupOffset: fc.integer({ min: -1, max: 1 }),
  ...Object.fromEntries(PROFILE_FLAGS.map((flag) => [flag, fc.boolean()])),
}) as fc.Arbitrary<
  { dateOfBirth: string; jurisdiction: 'england' | 'denmark'; yearGroupOffset: number } & Record<
    (typeof PROFILE_FLAGS)[number],
    boolean
  >
>;
