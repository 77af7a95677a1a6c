import { z } from 'zod';
import { ZIsoDate } from './dates/iso-date-schema.ts';
import { JURISDICTIONS } from './rule-packs/types.ts';

/** What the engine needs to know about a young person. Flags default to false. */
export const ZProfile = z.object({
  dateOfBirth: ZIsoDate,
  jurisdiction: z.enum(JURISDICTIONS),
  /** Years a child is taught out of their chronological year group (+1 = a year behind). */
  yearGroupOffset: z.number().int().min(-3).max(3).default(0),
  hasEhcPlan: z.boolean().default(false),
  lifeLimitingCondition: z.boolean().default(false),
  /** In children's continuing care, or likely to need adult NHS Continuing Healthcare. */
  complexHealthNeeds: z.boolean().default(false),
  learningDisability: z.boolean().default(false),
  likelyAdultCareNeeds: z.boolean().default(false),
  receivesDisabilityLivingAllowance: z.boolean().default(false),
  /** May lack capacity for some decisions (Mental Capacity Act 2005). */
  mayLackCapacity: z.boolean().default(false),
  /** Looked after / placed in care (Denmark: anbragt). */
  placedInCare: z.boolean().default(false),
  /** Has a parent or other carer who may need a carer's assessment. */
  hasCarer: z.boolean().default(false),
});

export type ProfileInput = z.input<typeof ZProfile>;
export type Profile = z.output<typeof ZProfile>;
