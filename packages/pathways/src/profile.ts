import { z } from 'zod';
import { ZIsoDate } from './dates/iso-date-schema.ts';
import { JURISDICTIONS, PROFILE_FLAGS, type ProfileFlag } from './rule-packs/types.ts';

/** Every profile flag (listed, with what each means, once: PROFILE_FLAGS), false unless said. */
const flags = Object.fromEntries(PROFILE_FLAGS.map((flag) => [flag, z.boolean().default(false)])) as Record<
  ProfileFlag,
  z.ZodDefault<z.ZodBoolean>
>;

/** What the engine needs to know about a young person. Flags default to false. */
export const ZProfile = z.object({
  dateOfBirth: ZIsoDate,
  jurisdiction: z.enum(JURISDICTIONS),
  /** Years a child is taught out of their chronological year group (+1 = a year behind). */
  yearGroupOffset: z.number().int().min(-3).max(3).default(0),
  /** When the statutory plan (England: EHC plan) was first issued, if recorded: milestones that fell before it never applied. */
  ehcPlanIssuedOn: ZIsoDate.optional(),
  ...flags,
});

/** A profile's flags alone, in PROFILE_FLAGS order. */
export function flagsOf(profile: Record<ProfileFlag, boolean>): Record<ProfileFlag, boolean> {
  return Object.fromEntries(PROFILE_FLAGS.map((flag) => [flag, profile[flag]])) as Record<ProfileFlag, boolean>;
}

export type ProfileInput = z.input<typeof ZProfile>;
export type Profile = z.output<typeof ZProfile>;
