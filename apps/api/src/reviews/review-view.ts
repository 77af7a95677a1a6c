import { z } from '@hono/zod-openapi';
import {
  clockOfReview,
  isoDay,
  standingInvitations,
  ZReviewProfile,
  type ReviewWithParts,
  type SessionUser,
} from '@pathways/db';
import {
  ACTION_STATUSES,
  ADVICE_STATUSES,
  adviceStatus,
  citationOf,
  displayName,
  isActionLate,
  languageOf,
  nextReviewStep,
  REVIEW_STEP_STATUSES,
  REVIEW_STEPS,
  RULE_PACKS,
  type ActionStatus,
  type Jurisdiction,
  type PlanLanguage,
  type ReviewKind,
} from '@pathways/engine';

type Named = { preferredName: string | null; givenName: string; familyName: string };
import { STAFF_ROLES } from '../access.ts';

const day = (date: Date | null) => (date ? isoDay(date) : null);

export const ZReviewStep = z
  .object({
    id: z.enum(REVIEW_STEPS),
    due: z.string().nullable().openapi({ description: 'Moved off a weekend as the rule pack says' }),
    calculatedDue: z.string().nullable().openapi({ description: 'What the law’s arithmetic gives' }),
    doneOn: z.string().nullable(),
    status: z.enum(REVIEW_STEP_STATUSES),
    kind: z.string().openapi({ description: 'statutory, statutory_guidance or good_practice' }),
    source: z.string(),
    milestoneId: z.string().nullable(),
  })
  .openapi('ReviewStep');

export const ZReviewInvitation = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string(),
    email: z.string().nullable().openapi({ description: 'Staff only' }),
    hasAccount: z.boolean(),
    isYou: z.boolean(),
    reply: z.enum(['no_reply', 'accepted', 'declined', 'tentative']),
    sent: z.enum(['not_sent', 'sent', 'update_not_sent']),
    sentBy: z.string().nullable(),
    emailWaiting: z.boolean().openapi({ description: 'An e-mail for the meeting as it now stands has not gone yet' }),
    attended: z.boolean().nullable(),
    advice: z
      .object({
        question: z.string(),
        dueOn: z.string(),
        status: z.enum(ADVICE_STATUSES),
        text: z.string().nullable().openapi({ description: 'Staff, the adviser, and everyone once circulated' }),
        submittedOn: z.string().nullable(),
        remindedOn: z.string().nullable(),
        chasedOn: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi('ReviewInvitation');

export const ZReviewActionView = z
  .object({
    id: z.string(),
    reviewId: z.string(),
    youngPersonId: z.string(),
    description: z.string(),
    ownerName: z.string(),
    ownerUserId: z.string().nullable(),
    ownerAgencyId: z.string().nullable(),
    isYours: z.boolean(),
    dueOn: z.string(),
    status: z.enum(ACTION_STATUSES),
    doneOn: z.string().nullable(),
    isLate: z.boolean(),
    version: z.number().int(),
  })
  .openapi('ReviewAction');

export const ZReview = z
  .object({
    id: z.string(),
    youngPersonId: z.string(),
    youngPersonName: z.string(),
    kind: z.string(),
    kindTitle: z.string(),
    pathway: z.string(),
    meetingDate: z.string(),
    startTime: z.string(),
    durationMinutes: z.number().int(),
    place: z.string(),
    status: z.enum(['planned', 'held', 'completed', 'cancelled']),
    invitationsSent: z.boolean(),
    adviceCirculatedOn: z.string().nullable(),
    heldOn: z.string().nullable(),
    youngPersonTookPart: z.string().nullable(),
    outcomesDiscussed: z.array(z.string()),
    meetingNotes: z.string().nullable(),
    reportSentOn: z.string().nullable(),
    decision: z.enum(['keep', 'amend', 'cease']).nullable(),
    decisionOn: z.string().nullable(),
    finalPlanOn: z.string().nullable(),
    hasDecision: z.boolean().openapi({ description: 'Whether this kind of meeting ends in a council decision' }),
    profile: ZReviewProfile.nullable(),
    profileUpdatedAt: z.string().nullable(),
    steps: z.array(ZReviewStep),
    nextStep: ZReviewStep.nullable(),
    invitations: z.array(ZReviewInvitation),
    actions: z.array(ZReviewActionView),
    canChange: z.boolean(),
    version: z.number().int(),
  })
  .openapi('Review');
export type ReviewView = z.infer<typeof ZReview>;

/** A kind's name in the reader's language, else the pack's own. */
export function kindTitle(kind: ReviewKind, jurisdiction: string, language: PlanLanguage | undefined): string {
  const pack = RULE_PACKS[jurisdiction as Jurisdiction];
  return kind.title[language ?? (pack ? languageOf(pack) : 'en')];
}

type ActionRow = ReviewWithParts['actions'][number];

export function presentAction(action: ActionRow, user: SessionUser, today: string) {
  return {
    id: action.id,
    reviewId: action.reviewId,
    youngPersonId: action.youngPersonId,
    description: action.description,
    ownerName: action.ownerName,
    ownerUserId: action.ownerUserId,
    ownerAgencyId: action.ownerAgencyId,
    isYours: action.ownerUserId === user.id || (!!action.ownerAgencyId && action.ownerAgencyId === user.agencyId),
    dueOn: isoDay(action.dueOn),
    status: action.status as ActionStatus,
    doneOn: day(action.doneOn),
    isLate: isActionLate({ status: action.status as ActionStatus, dueOn: isoDay(action.dueOn) }, today),
    version: action.version,
  };
}

/**
 * A review as one reader may see it. Everyone who may see the review sees its dates, clock,
 * who is invited and their replies, the young person's profile and the actions; only staff
 * see invitees' e-mail addresses, and advice is seen by staff and its author until it has
 * been circulated to everyone invited (SEND Regulations 2014 reg. 20(4)).
 */
export function presentReview(options: {
  review: ReviewWithParts;
  kind: ReviewKind;
  person: Named & { jurisdiction: string };
  user: SessionUser;
  canChange: boolean;
  today: string;
  language: PlanLanguage | undefined;
}): ReviewView {
  const { review, kind, person, user, canChange, today, language } = options;
  const isStaff = (STAFF_ROLES as readonly string[]).includes(user.role);
  const steps = clockOfReview(review, kind, today).map((step) => ({
    id: step.id,
    due: step.due,
    calculatedDue: step.calculatedDue,
    doneOn: step.doneOn,
    status: step.status,
    kind: step.rule.kind,
    source: citationOf(step.rule.source),
    milestoneId: step.rule.milestoneId ?? null,
  }));
  const next = nextReviewStep(clockOfReview(review, kind, today));
  return {
    id: review.id,
    youngPersonId: review.youngPersonId,
    youngPersonName: displayName(person),
    kind: review.kind,
    kindTitle: kindTitle(kind, person.jurisdiction, language),
    pathway: kind.pathway,
    meetingDate: isoDay(review.meetingDate),
    startTime: review.startTime,
    durationMinutes: review.durationMinutes,
    place: review.place,
    status: review.status as ReviewView['status'],
    invitationsSent: review.invitationsReleased,
    adviceCirculatedOn: day(review.adviceCirculatedOn),
    heldOn: day(review.heldOn),
    youngPersonTookPart: review.youngPersonTookPart,
    outcomesDiscussed: review.outcomesDiscussed,
    meetingNotes: review.meetingNotes,
    reportSentOn: day(review.reportSentOn),
    decision: review.decision as ReviewView['decision'],
    decisionOn: day(review.decisionOn),
    finalPlanOn: day(review.finalPlanOn),
    hasDecision: kind.steps.some((step) => step.id === 'decision'),
    profile: ZReviewProfile.safeParse(review.profile).data ?? null,
    profileUpdatedAt: review.profileUpdatedAt?.toISOString() ?? null,
    steps,
    nextStep: steps.find((step) => step.id === next?.id) ?? null,
    invitations: standingInvitations(review).map((invitation) => {
      const isYou = invitation.userId === user.id;
      const dueOn = day(invitation.adviceDueOn);
      return {
        id: invitation.id,
        name: invitation.name,
        role: invitation.role,
        email: isStaff ? invitation.email : null,
        hasAccount: !!invitation.userId,
        isYou,
        reply: invitation.reply as ReviewView['invitations'][number]['reply'],
        sent:
          invitation.sentSequence === review.sequence
            ? 'sent'
            : invitation.sentSequence === null
              ? 'not_sent'
              : 'update_not_sent',
        sentBy: invitation.sentBy,
        emailWaiting:
          review.invitationsReleased && !!invitation.email && invitation.emailedSequence !== review.sequence,
        attended: invitation.attended,
        advice:
          invitation.adviceRequested && dueOn
            ? {
                question: invitation.adviceQuestion ?? '',
                dueOn,
                status: adviceStatus({ dueOn, submittedOn: day(invitation.adviceSubmittedOn) }, today),
                text: isStaff || isYou || review.adviceCirculatedOn ? invitation.advice : null,
                submittedOn: day(invitation.adviceSubmittedOn),
                remindedOn: day(invitation.adviceRemindedOn),
                chasedOn: day(invitation.adviceChasedOn),
              }
            : null,
      };
    }),
    actions: review.actions.map((action) => presentAction(action, user, today)),
    canChange,
    version: review.version,
  };
}
