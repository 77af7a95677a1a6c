import {
  claimReferralLetter,
  findYoungPerson,
  getReferral,
  referralLettersOwed,
  referrerEmail,
  releaseReferralLetter,
} from '@pathways/db';
import { today, type AppServices } from '../app-env.ts';
import { ALL_PARTS } from '../sharing.ts';
import { letterText, referralLetter } from './referral-letter.ts';

/**
 * E-mails each referral letter still owed to its service's referral address, once: a letter
 * is claimed before it is sent and given back if sending fails, so the scheduler's next run
 * tries again and no two processes send the same one. Without a mailer nothing is sent (the
 * worker prints the letter instead).
 */
export async function sendReferralLetters(services: AppServices): Promise<number> {
  const mailer = services.reviewMailer;
  if (!mailer) return 0;
  let sent = 0;
  for (const owed of await referralLettersOwed(services.db)) {
    if (!(await claimReferralLetter(services.db, owed.id, services.now()))) continue;
    try {
      const referral = await getReferral(services.db, owed.id);
      const person = await findYoungPerson(services.db, referral.youngPersonId);
      if (!person) continue;
      const letter = await referralLetter({
        db: services.db,
        actor: { userId: null, role: 'system' },
        referral,
        person,
        referrerEmail: await referrerEmail(services.db, referral),
        day: today(services),
        reader: ALL_PARTS,
      });
      await mailer.send({
        to: { name: referral.service.name, email: owed.sentTo },
        subject: letter.subject,
        text: letterText(letter),
      });
      sent += 1;
    } catch (error) {
      await releaseReferralLetter(services.db, owed.id);
      throw error;
    }
  }
  return sent;
}

/** Sends what a new referral owes now; a failure is logged and left for the scheduler's next run, never the request's. */
export async function sendReferralLettersNow(services: AppServices): Promise<void> {
  try {
    await sendReferralLetters(services);
  } catch (error) {
    services.logger.error('referral e-mails failed', { error: String(error) });
  }
}
