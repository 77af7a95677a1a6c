import { weeksFromMeeting } from './review-steps.ts';
import type { ReviewRules } from './types.ts';

/*
 * Denmark: the plan meeting with the young person and parents (Barnets lov §§ 108, 122–123).
 * The law sets no notice period or minute deadline; the pack's two weeks each way are the
 * municipality's practice, marked as such (U).
 */
const PRACTICE = { document: 'Barnets lov §§ 108, 122–123; kommunal praksis', section: 'indkaldelse og referat' };

export const denmarkReviews: ReviewRules = {
  kinds: [
    {
      id: 'dk_plan_meeting',
      title: { da: 'Planmøde (Barnets lov)', en: 'Plan meeting (Barnets lov)' },
      pathway: 'social_care',
      // The meeting serves whichever step of preparation is due; those are recorded as themselves.
      events: {},
      steps: weeksFromMeeting(
        [
          ['invitations', -2],
          ['advice_circulated', -1],
          ['meeting', 0],
          ['report', 2],
        ],
        { kind: 'good_practice', source: PRACTICE, confidence: 'U' },
      ),
      source: { document: 'Barnets lov', section: '§§ 108, 122–123' },
    },
  ],
  advice: {
    dueBeforeMeeting: { weeks: 2 },
    remindDaysBefore: 5,
    chaseEveryDays: 3,
    source: PRACTICE,
  },
};
