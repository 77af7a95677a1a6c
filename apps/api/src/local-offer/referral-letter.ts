import {
  isoDay,
  listGoals,
  type Actor,
  type PrismaClient,
  type ReferralWithService,
  type YoungPerson,
} from '@pathways/db';
import { formatLongDate, isoToDay } from '@pathways/engine';
import { escapeHtml } from '../html-escape.ts';
import { HEALTH_FACTS, recordWithin, scopesSharedWith, type SharingScope, type VisibleParts } from '../sharing.ts';
import { openSteps } from './open-steps.ts';

const longDate = (iso: string) => formatLongDate(isoToDay(iso), 'en-GB');

/** What a referral letter says: only what its agreement lets it. */
export type ReferralLetter = {
  to: string;
  subject: string;
  paragraphs: { heading: string | null; lines: string[] }[];
};

const AGREED_BY: Record<string, string> = {
  young_person: 'the young person',
  parent_carer: 'their parent or carer',
  best_interests:
    'a best-interests decision (Mental Capacity Act 2005, section 4), recorded by their transition worker',
};

const HEALTH_WORDS: Record<(typeof HEALTH_FACTS)[number], string> = {
  lifeLimitingCondition: 'Has a life-limiting condition',
  complexHealthNeeds: 'Has complex health needs',
  learningDisability: 'Has a learning disability',
  mayLackCapacity: 'May lack capacity to make some decisions',
  receivesDisabilityLivingAllowance: 'Receives Disability Living Allowance',
  usesChildrensHealthServices: 'Sees children’s health services',
  usesChildrensMentalHealthServices: 'Sees children’s mental health services',
};

/**
 * The parts a referral's letter may hold today: those its agreement named, while the
 * agreement to share each with the service's agency stands (withdrawing one takes it out of
 * every later copy, as for any other agency), and (for a reader from another agency) only
 * those the reader may see themselves.
 */
export async function partsOfReferral(
  db: PrismaClient,
  referral: ReferralWithService,
  reader: VisibleParts,
): Promise<Set<SharingScope>> {
  const standing = await scopesSharedWith(db, referral.youngPersonId, referral.service.agencyId);
  return new Set(
    referral.sharedParts.filter(
      (part): part is SharingScope => standing.has(part as SharingScope) && reader.has(part as SharingScope),
    ),
  );
}

/**
 * The letter a referral sends: who it is for and why, with whose agreement and who to answer;
 * then, part by part, only what was agreed: the plan's open steps (not health), health facts
 * and health steps, "about me" and goals.
 */
export async function referralLetter(options: {
  db: PrismaClient;
  actor: Actor;
  referral: ReferralWithService;
  person: YoungPerson;
  referrerEmail: string | null;
  day: string;
  /** What the reader may see (the service itself, by e-mail: everything the referral agreed). */
  reader: VisibleParts;
}): Promise<ReferralLetter> {
  const { db, referral, day } = options;
  const parts = await partsOfReferral(db, referral, options.reader);
  const person = recordWithin(options.person, parts);
  const name = `${person.preferredName ?? person.givenName} ${person.familyName}`;
  const paragraphs: ReferralLetter['paragraphs'] = [
    {
      heading: null,
      lines: [
        `Dear ${referral.service.name} team,`,
        `We would like to refer ${name} (born ${longDate(isoDay(person.dateOfBirth))}) to ${referral.service.name}.`,
      ],
    },
    { heading: 'What the referral is for', lines: [referral.reason] },
    {
      heading: 'Agreement',
      lines: [
        `Agreed by ${AGREED_BY[referral.agreedBy] ?? referral.agreedBy} on ${longDate(isoDay(referral.agreedOn))}.`,
        ...(referral.bestInterestsReason ? [`Why: ${referral.bestInterestsReason}`] : []),
        parts.size === 0
          ? 'Nothing more from their plan is shared with you.'
          : `They agreed to share: ${[...parts].map((part) => PART_WORDS[part]).join(', ')}.`,
      ],
    },
  ];
  if (parts.has('plan') || parts.has('health')) {
    const open = await openSteps(db, options.person, parts, day);
    paragraphs.push({
      heading: 'Steps of their transition plan still to do',
      lines:
        open.length === 0
          ? ['None.']
          : open.map(
              (milestone) =>
                `${milestone.staffTitle}${milestone.dueDate ? ` — by ${longDate(milestone.dueDate)}` : ''}`,
            ),
    });
  }
  if (parts.has('health')) {
    const facts = HEALTH_FACTS.filter((fact) => person[fact]).map((fact) => HEALTH_WORDS[fact]);
    paragraphs.push({ heading: 'Health', lines: facts.length > 0 ? facts : ['Nothing recorded.'] });
  }
  if (parts.has('goals')) {
    const goals = (await listGoals({ db, actor: options.actor, youngPersonId: person.id })).filter(
      (goal) => goal.status === 'active',
    );
    paragraphs.push({
      heading: 'About them, in their own words',
      lines: [person.aboutMe ?? 'Not written yet.', ...goals.map((goal) => `Goal: ${goal.text}`)],
    });
  }
  paragraphs.push({
    heading: 'Who to answer',
    lines: [
      `${referral.referredByName}${options.referrerEmail ? ` (${options.referrerEmail})` : ''}.`,
      'Please tell us whether you accept the referral, and when support starts.',
    ],
  });
  return { to: referral.sentTo ?? '', subject: `Referral: ${name} to ${referral.service.name}`, paragraphs };
}

const PART_WORDS: Record<SharingScope, string> = {
  handover: 'their handover',
  plan: 'their transition plan',
  health: 'their health information',
  goals: 'their goals and “about me”',
};

/** The letter as plain text (the e-mail). */
export function letterText(letter: ReferralLetter): string {
  return letter.paragraphs
    .map((paragraph) =>
      [...(paragraph.heading ? [paragraph.heading.toUpperCase()] : []), ...paragraph.lines].join('\n'),
    )
    .join('\n\n');
}

/** The letter as a page to print. */
export function letterHtml(letter: ReferralLetter): string {
  const body = letter.paragraphs
    .map(
      (paragraph) =>
        `${paragraph.heading ? `<h2>${escapeHtml(paragraph.heading)}</h2>` : ''}${
          paragraph.lines.length > 1 && paragraph.heading
            ? `<ul>${paragraph.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
            : paragraph.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')
        }`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(letter.subject)}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.5rem}</style>
</head><body><main><h1>${escapeHtml(letter.subject)}</h1>
${body}
</main></body></html>`;
}
