import type { PrismaClient } from '../generated/prisma/client.ts';
import { flagsOf } from '@pathways/engine';
import { isoDay } from './young-person-profile.ts';

const day = (date: Date | null) => (date ? isoDay(date) : null);
const at = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Everything held about one young person, for a subject access request (UK GDPR art. 15):
 * the record, the dated event log, the plan as stored (milestones and where each pathway is),
 * goals with progress notes, reviews (the meeting, who was invited and what they advised, the
 * young person's own profile, what was agreed and decided), handovers with their contents, documents (each
 * with where to fetch the file), conversations, referrals to services and how each went, other agencies linked, agreements to share, corrections,
 * reminders sent about them, and the audit trail of who saw or changed the record (with the
 * names and roles of those people). Internal digests and snapshots are left out: they repeat
 * the event log in machine form.
 */
export async function collectSubjectAccess(db: PrismaClient, youngPersonId: string, generatedAt: Date) {
  const person = await db.youngPerson.findUniqueOrThrow({
    where: { id: youngPersonId },
    include: { area: true, namedWorker: { select: { name: true } } },
  });
  const where = { youngPersonId };
  const [
    events,
    milestones,
    states,
    goals,
    handovers,
    consents,
    corrections,
    notifications,
    audit,
    carers,
    reviews,
    documents,
    messages,
    contributors,
    referrals,
  ] = await Promise.all([
    db.pathwayEvent.findMany({ where, orderBy: { sequence: 'asc' } }),
    db.milestone.findMany({ where, orderBy: [{ pathway: 'asc' }, { dueDate: 'asc' }] }),
    db.pathwayState.findMany({
      where,
      orderBy: { pathway: 'asc' },
      select: { pathway: true, state: true, isEnded: true, updatedAt: true },
    }),
    db.goal.findMany({ where, include: { notes: { orderBy: { createdAt: 'asc' } } }, orderBy: { createdAt: 'asc' } }),
    db.handover.findMany({ where, include: { toAgency: { select: { name: true } } }, orderBy: { createdAt: 'asc' } }),
    db.consent.findMany({ where, orderBy: { givenAt: 'asc' } }),
    db.recordCorrection.findMany({ where, orderBy: { correctedAt: 'asc' } }),
    db.notification.findMany({ where, orderBy: { createdAt: 'asc' }, include: { user: { select: { name: true } } } }),
    db.auditEntry.findMany({ where, orderBy: { id: 'asc' } }),
    db.carerLink.findMany({ where, include: { user: { select: { name: true } } } }),
    db.review.findMany({
      where,
      include: { invitations: { orderBy: { createdAt: 'asc' } }, actions: { orderBy: { dueOn: 'asc' } } },
      orderBy: { meetingDate: 'asc' },
    }),
    db.document.findMany({ where, orderBy: { createdAt: 'asc' } }),
    db.message.findMany({
      where: { thread: where },
      include: { thread: { select: { kind: true } } },
      orderBy: [{ sentAt: 'asc' }, { number: 'asc' }],
    }),
    db.contributorLink.findMany({
      where,
      include: { user: { select: { name: true, role: true, agency: { select: { name: true } } } } },
    }),
    db.referral.findMany({
      where,
      include: {
        service: { select: { name: true, agency: { select: { name: true } } } },
        updates: { orderBy: { at: 'asc' } },
      },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  const actorIds = [
    ...new Set(
      [...audit.map((entry) => entry.actorId), ...corrections.map((c) => c.correctedById)].filter(
        (id): id is string => id !== null,
      ),
    ),
  ];
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((user) => [
      user.id,
      user.name,
    ]),
  );
  return {
    generatedAt: generatedAt.toISOString(),
    record: {
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      preferredName: person.preferredName,
      dateOfBirth: isoDay(person.dateOfBirth),
      nhsNumber: person.nhsNumber,
      localArea: person.area.name,
      namedWorker: person.namedWorker?.name ?? null,
      jurisdiction: person.jurisdiction,
      yearGroupOffset: person.yearGroupOffset,
      ehcPlanIssuedOn: person.ehcPlanIssuedOn ? isoDay(person.ehcPlanIssuedOn) : null,
      ...flagsOf(person),
      aboutMe: person.aboutMe,
      createdAt: at(person.createdAt),
      updatedAt: at(person.updatedAt),
    },
    familyLinks: carers.map((link) => ({
      name: link.user.name,
      relationship: link.relationship,
      since: at(link.createdAt),
    })),
    events: events.map((event) => ({
      type: event.type,
      date: isoDay(event.date),
      details: event.payload,
      recordedAt: at(event.recordedAt),
    })),
    milestones: milestones.map((m) => ({
      milestoneId: m.milestoneId,
      pathway: m.pathway,
      status: m.status,
      windowStart: day(m.windowStart),
      dueDate: day(m.dueDate),
      completedOn: day(m.completedOn),
      leadAgency: m.leadAgency,
    })),
    pathways: states.map((state) => ({
      pathway: state.pathway,
      state: state.state,
      isEnded: state.isEnded,
      since: at(state.updatedAt),
    })),
    goals: goals.map((goal) => ({
      text: goal.text,
      outcomeArea: goal.outcomeArea,
      status: goal.status,
      createdAt: at(goal.createdAt),
      notes: goal.notes.map((note) => ({ note: note.note, at: at(note.createdAt) })),
    })),
    reviews: reviews.map((review) => ({
      kind: review.kind,
      meetingDate: isoDay(review.meetingDate),
      startTime: review.startTime,
      place: review.place,
      status: review.status,
      heldOn: day(review.heldOn),
      youngPersonTookPart: review.youngPersonTookPart,
      outcomesDiscussed: review.outcomesDiscussed.join(', '),
      meetingNotes: review.meetingNotes,
      profile: review.profile,
      reportSentOn: day(review.reportSentOn),
      decision: review.decision,
      decisionOn: day(review.decisionOn),
      finalPlanOn: day(review.finalPlanOn),
      invited: review.invitations.map((invitation) => ({
        name: invitation.name,
        role: invitation.role,
        reply: invitation.reply,
        attended: invitation.attended,
        adviceQuestion: invitation.adviceQuestion,
        advice: invitation.advice,
        adviceSubmittedOn: day(invitation.adviceSubmittedOn),
        withdrawnAt: at(invitation.withdrawnAt),
      })),
      actions: review.actions.map((action) => ({
        description: action.description,
        owner: action.ownerName,
        dueOn: isoDay(action.dueOn),
        status: action.status,
        doneOn: day(action.doneOn),
      })),
    })),
    handovers: handovers.map((h) => ({
      toAgency: h.toAgency.name,
      status: h.status,
      dueBy: isoDay(h.dueBy),
      expectedTransfer: day(h.expectedTransfer),
      summary: h.summary,
      whatMatters: h.whatMatters,
      needs: h.needs,
      currentSupport: h.currentSupport,
      contacts: h.contacts,
      pendingDecisions: h.pendingDecisions,
      infoRequest: h.infoRequest,
      sentAt: at(h.sentAt),
      acknowledgedAt: at(h.acknowledgedAt),
    })),
    // The files themselves are in the database: each is fetched whole from its address.
    documents: documents.map((document) => ({
      title: document.title,
      type: document.type,
      fileName: document.fileName,
      mediaType: document.mediaType,
      byteSize: document.byteSize,
      sha256: document.sha256,
      addedBy: document.addedByName,
      addedAt: at(document.createdAt),
      download: `/api/documents/${document.id}/content`,
    })),
    messages: messages.map((message) => ({
      conversation: message.thread.kind,
      from: message.authorName,
      role: message.authorRole,
      sentAt: at(message.sentAt),
      text: message.body,
    })),
    referrals: referrals.map((referral) => ({
      service: referral.service.name,
      agency: referral.service.agency.name,
      reason: referral.reason,
      milestoneId: referral.milestoneId,
      agreedBy: referral.agreedBy,
      agreedOn: isoDay(referral.agreedOn),
      bestInterestsReason: referral.bestInterestsReason,
      sharedParts: referral.sharedParts,
      sentTo: referral.sentTo,
      referredBy: referral.referredByName,
      status: referral.status,
      outcome: referral.outcome,
      history: referral.updates.map((update) => ({
        status: update.status,
        on: isoDay(update.on),
        note: update.note,
        by: update.byName,
      })),
    })),
    otherAgencies: contributors.map((link) => ({
      name: link.user.name,
      role: link.user.role,
      agency: link.user.agency?.name ?? null,
      since: at(link.linkedAt),
    })),
    consents: consents.map((consent) => ({
      scope: consent.scope,
      agencyId: consent.agencyId,
      givenByRole: consent.givenByRole,
      givenAt: at(consent.givenAt),
      withdrawnAt: at(consent.withdrawnAt),
    })),
    corrections: corrections.map((c) => ({
      field: c.field,
      previousValue: c.previousValue,
      newValue: c.newValue,
      reason: c.reason,
      correctedAt: at(c.correctedAt),
      correctedBy: c.correctedById ? (actors.get(c.correctedById) ?? null) : null,
    })),
    reminders: notifications.map((n) => ({
      to: n.user.name,
      milestoneId: n.milestoneId,
      kind: n.kind,
      onDate: isoDay(n.onDate),
      createdAt: at(n.createdAt),
    })),
    auditTrail: audit.map((entry) => ({
      at: at(entry.at),
      who: entry.actorId ? (actors.get(entry.actorId) ?? 'a former user') : 'the system',
      role: entry.actorRole,
      action: entry.action,
      what: entry.entityType,
    })),
  };
}

export type SubjectAccessExport = Awaited<ReturnType<typeof collectSubjectAccess>>;
