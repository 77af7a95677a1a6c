import { addDays, isoToDay, toIsoDate } from '@pathways/engine';
import type { Tx } from '../repositories/actor.ts';
import { dateColumn } from '../repositories/young-person-profile.ts';

/** A young person the demo gives reviews to: an English one with an EHC plan and a named worker. */
export type ReviewedPerson = { id: string; givenName: string; namedWorkerId: string | null };

const day = (iso: string, days: number) => toIsoDate(addDays(isoToDay(iso), days));
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

/**
 * A year of an area's reviews, as a council's records would show them: most steps on time,
 * some late in the ways the Ombudsman keeps finding (notice given late, advice after the
 * deadline, a decision past four weeks, a final plan past eight), deterministically by
 * position, and a few meetings still to come. History from before Pathways: the young
 * people's event logs already hold their reviews, so none is recorded twice.
 */
export async function seedDemoReviews(db: Tx, today: string, people: ReviewedPerson[]): Promise<number> {
  let made = 0;
  for (const [k, person] of people.entries()) {
    const upcoming = k % 5 === 4;
    const meetingDate = upcoming ? day(today, 18 + k) : day(today, -(35 + 19 * k));
    const late = (every: number, offset: number) => k % every === offset;
    const review = await db.review.create({
      data: {
        youngPersonId: person.id,
        kind: 'ehc_annual_review',
        meetingDate: dateColumn(meetingDate),
        startTime: k % 2 ? '13:30' : '10:00',
        durationMinutes: 90,
        place: k % 3 ? 'Northshire Academy, meeting room 2' : 'Online (Teams link in the invitation)',
        invitationsReleased: true,
        createdById: person.namedWorkerId,
        status: upcoming ? 'planned' : 'completed',
        ...(upcoming
          ? {}
          : {
              adviceCirculatedOn: dateColumn(day(meetingDate, late(5, 2) ? -8 : -15)),
              heldOn: dateColumn(meetingDate),
              youngPersonTookPart: (
                ['in_room', 'video', 'in_writing', 'through_advocate', 'did_not_take_part'] as const
              )[k % 5],
              outcomesDiscussed: ['employment', 'independent_living'],
              meetingNotes: `${person.givenName} talked about college and travel training.`,
              reportSentOn: dateColumn(day(meetingDate, late(3, 2) ? 19 : 11)),
              decision: k % 2 ? 'amend' : 'keep',
              decisionOn: dateColumn(day(meetingDate, late(4, 3) ? 36 : 22)),
              finalPlanOn: k % 2 ? dateColumn(day(meetingDate, late(4, 1) ? 22 + 70 : 22 + 45)) : null,
              profile:
                k % 3 === 0
                  ? {
                      importantToMe: 'My family, music and my cat.',
                      workingWell: 'Cooking lessons.',
                      notWorking: 'The bus is too noisy.',
                      wantToTalkAbout: 'Working in a café.',
                      takePart: 'in_room',
                      helpedBy: 'with_family',
                    }
                  : undefined,
              profileUpdatedAt: k % 3 === 0 ? at(day(meetingDate, -7)) : null,
            }),
      },
    });
    // Notice of a meeting still to come went yesterday; of a past one, two weeks ahead or (some) late.
    const noticeSent = at(upcoming ? day(today, -1) : day(meetingDate, late(3, 0) ? -9 : -16));
    const adviceDue = day(meetingDate, -21);
    const invitations = [
      { name: person.givenName, role: 'young_person', email: null, advice: false },
      { name: 'Parent or carer', role: 'family', email: null, advice: false },
      { name: 'SEN coordinator, Northshire Academy', role: 'school', email: 'senco@academy.example.org', advice: true },
      { name: 'Community paediatrician', role: 'health', email: 'paediatrics@nhs.example.org', advice: true },
    ];
    for (const [n, invitation] of invitations.entries()) {
      const submitted = upcoming ? null : day(adviceDue, late(4, 1) && n === 3 ? 5 : -2);
      await db.reviewInvitation.create({
        data: {
          reviewId: review.id,
          name: invitation.name,
          role: invitation.role,
          email: invitation.email,
          reply: upcoming && n === 3 ? 'no_reply' : 'accepted',
          sentSequence: 0,
          emailedSequence: invitation.email ? 0 : null,
          sentAt: noticeSent,
          sentBy: invitation.email ? 'email' : 'by_hand',
          attended: upcoming ? null : n !== 3 || k % 2 === 0,
          adviceRequested: invitation.advice,
          adviceQuestion: invitation.advice ? 'What is going well, and what support is needed next year?' : null,
          adviceDueOn: invitation.advice ? dateColumn(adviceDue) : null,
          ...(invitation.advice && submitted
            ? {
                advice: 'Progress is good; keep the current support and plan for travel training.',
                adviceSubmittedAt: at(submitted),
                adviceSubmittedOn: dateColumn(submitted),
              }
            : {}),
        },
      });
    }
    if (!upcoming && person.namedWorkerId)
      await db.reviewAction.createMany({
        data: [
          {
            reviewId: review.id,
            youngPersonId: person.id,
            description: 'Book a travel training assessment',
            ownerUserId: person.namedWorkerId,
            ownerName: 'Named worker',
            dueOn: dateColumn(day(meetingDate, 28)),
            status: 'done',
            doneOn: dateColumn(day(meetingDate, 25)),
          },
          {
            reviewId: review.id,
            youngPersonId: person.id,
            description: 'Visit two colleges with the family',
            ownerName: 'Parent or carer',
            dueOn: dateColumn(day(meetingDate, 60)),
          },
        ],
      });
    made += 1;
  }
  return made;
}
