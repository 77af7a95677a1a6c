import { isoDay, reviewLettersOwed, sendReviewLetter, type ReviewLetter } from '@pathways/db';
import { formatLongDate, isoToDay, reviewKindOf, RULE_PACKS, languageOf, type Jurisdiction } from '@pathways/engine';
import { today, type AppServices } from '../app-env.ts';
import { DEFAULT_TIME_ZONE } from '../service-day.ts';
import { meetingInvitation } from './meeting-invitation.ts';
import type { ReviewMailer, ReviewMessage } from './review-mailer.ts';
import { kindTitle } from './review-view.ts';

type Words = {
  meeting: (what: string) => string;
  subjects: Record<ReviewLetter['kind'], string>;
  intro: Record<ReviewLetter['kind'], (details: { when: string; due: string | null }) => string>;
  link: string;
  noNames: string;
};

const WORDS: Record<'en' | 'da', Words> = {
  en: {
    meeting: (what) => `${what} (Pathways)`,
    subjects: {
      invitation: 'You are invited to a meeting',
      cancellation: 'A meeting you were invited to is cancelled',
      advice_reminder: 'Reminder: your advice for a meeting',
      advice_chaser: 'Your advice for a meeting is late',
    },
    intro: {
      invitation: ({ when, due }) =>
        `You are invited to a meeting on ${when}.${due ? ` You are also asked for your advice, by ${due}.` : ''}`,
      cancellation: ({ when }) => `The meeting on ${when} is no longer happening for you. You do not need to come.`,
      advice_reminder: ({ when, due }) => `Your advice for the meeting on ${when} is due by ${due}.`,
      advice_chaser: ({ when, due }) =>
        `Your advice for the meeting on ${when} was due by ${due}. Please send it as soon as you can, so everyone can read it before the meeting.`,
    },
    link: 'To say whether you can come, and to send your advice, use this private link (do not share it):',
    noNames: 'For privacy, this e-mail does not say who the meeting is about: the link does.',
  },
  da: {
    meeting: (what) => `${what} (Pathways)`,
    subjects: {
      invitation: 'Du er inviteret til et møde',
      cancellation: 'Et møde, du var inviteret til, er aflyst',
      advice_reminder: 'Påmindelse: dit bidrag til et møde',
      advice_chaser: 'Dit bidrag til et møde er forsinket',
    },
    intro: {
      invitation: ({ when, due }) =>
        `Du er inviteret til et møde ${when}.${due ? ` Du bliver også bedt om et skriftligt bidrag senest ${due}.` : ''}`,
      cancellation: ({ when }) => `Mødet ${when} bliver ikke til noget for dig. Du skal ikke komme.`,
      advice_reminder: ({ when, due }) => `Dit bidrag til mødet ${when} skal være sendt senest ${due}.`,
      advice_chaser: ({ when, due }) =>
        `Dit bidrag til mødet ${when} skulle være sendt senest ${due}. Send det hurtigst muligt, så alle kan læse det før mødet.`,
    },
    link: 'Svar på, om du kommer, og send dit bidrag via dette private link (del det ikke):',
    noNames: 'Af hensyn til privatlivet står der ikke i e-mailen, hvem mødet handler om. Det gør linket.',
  },
};

/** The letter's e-mail: no name of the young person and nothing about them; the private link carries the rest. */
export function reviewMessage(letter: ReviewLetter, link: string, mailer: ReviewMailer, timeZone: string, now: Date) {
  const { invitation, review } = letter;
  const pack = RULE_PACKS[letter.jurisdiction as Jurisdiction] ?? RULE_PACKS.england;
  const language = languageOf(pack);
  const words = WORDS[language];
  const locale = pack.locale;
  const meetingDate = isoDay(review.meetingDate);
  const when = `${formatLongDate(isoToDay(meetingDate), locale)}, ${review.startTime}`;
  const due = invitation.adviceDueOn ? formatLongDate(isoToDay(isoDay(invitation.adviceDueOn)), locale) : null;
  const kind = reviewKindOf(letter.jurisdiction, review.kind);
  const what = kind ? kindTitle(kind, letter.jurisdiction, language) : review.kind;
  const isCancellation = letter.kind === 'cancellation';
  const text = [
    `${invitation.name},`,
    '',
    words.intro[letter.kind]({ when, due: invitation.adviceRequested ? due : null }),
    `${what}. ${review.place}.`,
    '',
    ...(isCancellation ? [] : [words.link, link, '']),
    words.noNames,
  ].join('\n');
  const calendar =
    letter.kind === 'invitation' || isCancellation
      ? {
          method: isCancellation ? ('CANCEL' as const) : ('REQUEST' as const),
          content: meetingInvitation({
            meeting: {
              reviewId: review.id,
              meetingDate,
              startTime: review.startTime,
              durationMinutes: review.durationMinutes,
              place: review.place,
              sequence: review.sequence,
              summary: words.meeting(what),
              description: isCancellation ? words.intro.cancellation({ when, due: null }) : `${words.link} ${link}`,
            },
            method: isCancellation ? 'CANCEL' : 'REQUEST',
            // A cancellation for one person (the meeting goes on) must still outrank what they were sent.
            sequence: isCancellation && review.status !== 'cancelled' ? review.sequence + 1 : review.sequence,
            organizer: mailer.organizer,
            attendee: { name: invitation.name, email: invitation.email ?? '' },
            timeZone,
            now,
          }),
        }
      : undefined;
  return {
    to: { name: invitation.name, email: invitation.email ?? '' },
    subject: words.subjects[letter.kind],
    text,
    calendar,
  } satisfies ReviewMessage;
}

/**
 * Sends every review letter owed (invitations and updates, cancellations, advice reminders
 * and chasers), each exactly once (see `sendReviewLetter`). Run after a change that owes
 * letters, and by the scheduler for the daily reminders and chasers.
 */
export async function sendReviewLetters(services: AppServices, origin: string | null): Promise<number> {
  const mailer = services.reviewMailer;
  if (!mailer) return 0;
  const now = services.now();
  const day = today(services);
  const base = mailer.publicUrl ?? services.publicOrigin ?? origin;
  let sent = 0;
  for (const letter of await reviewLettersOwed(services.db, day)) {
    const didSend = await sendReviewLetter({
      db: services.db,
      letter,
      now,
      today: day,
      send: (token) =>
        mailer.send(
          reviewMessage(
            letter,
            base ? `${base}/reply#${token}` : '',
            mailer,
            services.timeZone ?? DEFAULT_TIME_ZONE,
            now,
          ),
        ),
    });
    if (didSend) sent += 1;
  }
  return sent;
}

/** Sends what a change owes now; a failure is logged and left for the scheduler's next run, never the request's. */
export async function sendReviewLettersNow(services: AppServices, origin: string): Promise<void> {
  try {
    await sendReviewLetters(services, origin);
  } catch (error) {
    services.logger.error('review e-mails failed', { error: String(error) });
  }
}
