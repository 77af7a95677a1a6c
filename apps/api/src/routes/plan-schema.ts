import { z } from '@hono/zod-openapi';
import {
  AGENCY_TYPES,
  EVENT_TYPES,
  JURISDICTIONS,
  MILESTONE_NATURES,
  MILESTONE_STATUSES,
  PATHWAYS,
  type Plan,
} from '@pathways/engine';

/**
 * The plan as the API sends it: the engine's `Plan`, described field by field for the OpenAPI
 * document and the typed clients. The type checks at the foot of this file fail the build if
 * the engine's type and this schema ever drift apart.
 */
const ZIsoDay = z.string().openapi({ example: '2027-06-01', description: 'A calendar date, YYYY-MM-DD' });

export const ZPlannedMilestone = z
  .object({
    id: z.string().openapi({ example: 'adult_care_plan_18' }),
    pathway: z.enum(PATHWAYS),
    title: z.string().openapi({ description: 'For the young person ("you")' }),
    staffTitle: z.string().openapi({ description: 'For staff and other agencies' }),
    description: z.string(),
    familyTitle: z
      .string()
      .openapi({ description: 'For their parent or carer: "{name}" stands for the young person’s name' }),
    familyDescription: z
      .string()
      .openapi({ description: 'For their parent or carer: "{name}" stands for the young person’s name' }),
    nature: z.enum(MILESTONE_NATURES).openapi({
      description: 'task: someone must do it by a date; legal_fact: dated information; continuing_duty: a period',
    }),
    status: z.enum(MILESTONE_STATUSES).openapi({
      description:
        'A task: done, due, overdue, upcoming, missed (can no longer be done as such) or not_known (a fact is missing). A legal fact or duty: starts_later, in_effect or ended. Either: not_applicable',
    }),
    dueDate: ZIsoDay.nullable().openapi({
      description:
        'A task: by when it should happen (for a recurring one, its next occurrence). A fact or duty: the day it takes effect',
    }),
    windowStart: ZIsoDay.nullable().openapi({
      description: 'When its window opens: "due" means today is between this and dueDate',
    }),
    closesOn: ZIsoDay.nullable().openapi({
      description: 'A task: the last day it can be done as such. A fact or duty: its last day',
    }),
    ifMissed: z.string().nullable().openapi({ description: 'A missed task: what to do instead' }),
    dateNeeds: z.string().nullable().openapi({ description: 'A task whose date is not known: the fact to record' }),
    completedOn: ZIsoDay.nullable(),
    lastDoneOn: ZIsoDay.nullable(),
    isRecurring: z.boolean(),
    leadAgency: z.enum(AGENCY_TYPES),
    contributingAgencies: z.array(z.enum(AGENCY_TYPES)),
    kind: z.enum(['statutory', 'statutory_guidance', 'good_practice', 'derived']),
    source: z.object({ document: z.string(), section: z.string().optional() }),
    confidence: z
      .enum(['C', 'S', 'U'])
      .openapi({ description: 'C: primary text read; S: secondary sources only; U: unconfirmed' }),
    notApplicableReason: z.string().nullable(),
    completedBy: z.array(z.string()).readonly().openapi({ description: 'Event types that complete it' }),
    explanation: z.string().openapi({ description: 'One sentence: why it has this date and status' }),
    easyRead: z
      .object({
        title: z.string(),
        sentences: z.array(z.string()),
        familyTitle: z.string(),
        familySentences: z.array(z.string()),
      })
      .openapi({
        description: 'Title and description in Easy Read: one short sentence a line, abbreviations in words',
      }),
  })
  .openapi('PlannedMilestone');

export const ZPathwayStatus = z
  .object({
    pathway: z.enum(PATHWAYS),
    state: z.string(),
    description: z.string(),
    isEnded: z.boolean(),
    endReason: z.string().nullable(),
    nextEvents: z.array(z.enum(EVENT_TYPES)).openapi({ description: 'Events the pathway accepts now' }),
  })
  .openapi('PathwayStatus');

export const ZRejectedEvent = z
  .object({
    index: z.number().int(),
    id: z.string().nullable(),
    type: z.string(),
    date: z.string().nullable(),
    code: z.string().openapi({ description: 'Why it was refused, as a code (the reason says it in words)' }),
    reason: z.string(),
  })
  .openapi('RejectedEvent');

export const ZPlan = z
  .object({
    asOf: ZIsoDay,
    jurisdiction: z.enum(JURISDICTIONS),
    keyDates: z.object({
      year9Start: ZIsoDay,
      age16: ZIsoDay,
      adulthood: ZIsoDay,
      age19SchoolYearStart: ZIsoDay,
      planEndsOn: ZIsoDay,
      extendedPlanEndsOn: ZIsoDay,
    }),
    milestones: z.array(ZPlannedMilestone),
    pathways: z.array(ZPathwayStatus),
    rejectedEvents: z.array(ZRejectedEvent),
  })
  .openapi('Plan', {
    description:
      'The plan as of today: every milestone with its status, dates and explanation; each pathway with its state and the events it accepts now.',
  });

// The engine's plan is what this schema describes, and nothing it describes is missing from it.
type Described = z.infer<typeof ZPlan>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const engineFitsSchema: Same<Omit<Plan, 'rejectedEvents'>, Omit<Described, 'rejectedEvents'>> = true;
const rejectionsFit: Plan['rejectedEvents'] extends Described['rejectedEvents'] ? true : false = true;
void engineFitsSchema;
void rejectionsFit;
