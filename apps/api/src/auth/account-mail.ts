import type { Context } from 'hono';
import type { AppEnv, AppServices } from '../app-env.ts';
import type { LinkPurpose } from '@pathways/db';

/**
 * The e-mails about a person's own account: an invitation, a password reset link, a
 * password changed. A link carries its token after `#`, so it never reaches a server's
 * log or another site's Referer header; the page reads it from there.
 */
export function accountLinkUrl(c: Context<AppEnv>, token: string): string {
  const origin = c.get('services').publicOrigin ?? new URL(c.req.url).origin;
  return `${origin}/set-password#${token}`;
}

const HOURS_IN_WORDS: Record<LinkPurpose, string> = { invitation: '7 days', password_reset: '1 hour' };

export function invitationMail(to: { name: string }, url: string, invitedBy: string) {
  return {
    subject: 'You have been invited to Pathways',
    text:
      `Hello ${to.name},\n\n${invitedBy} has invited you to Pathways, the transition planner your council uses.\n\n` +
      `Set up your account here (the link works once, for ${HOURS_IN_WORDS.invitation}):\n${url}\n\n` +
      'If you were not expecting this, you can ignore this e-mail.\n',
  };
}

/** An invitation to a young person's own plan (`childName` null) or, for a parent or carer, to their child's. */
export function familyInvitationMail(to: { name: string }, url: string, invitedBy: string, childName: string | null) {
  const what = childName ? `to see ${childName}'s transition plan in Pathways` : 'to see your own plan in Pathways';
  return {
    subject: childName ? `See ${childName}'s plan in Pathways` : 'See your plan in Pathways',
    text:
      `Hello ${to.name},\n\n${invitedBy} has invited you ${what}: what is coming up, who will help, and your goals.\n\n` +
      `Set up your account here (the link works once, for ${HOURS_IN_WORDS.invitation}):\n${url}\n\n` +
      'If you were not expecting this, you can ignore this e-mail.\n',
  };
}

export function resetMail(to: { name: string }, url: string) {
  return {
    subject: 'Reset your Pathways password',
    text:
      `Hello ${to.name},\n\nSomeone (we hope you) asked to reset the password of your Pathways account.\n\n` +
      `Choose a new password here (the link works once, for ${HOURS_IN_WORDS.password_reset}):\n${url}\n\n` +
      'If it was not you, ignore this e-mail: your password stays as it is.\n',
  };
}

export function passwordChangedMail(to: { name: string }) {
  return {
    subject: 'Your Pathways password has changed',
    text:
      `Hello ${to.name},\n\nThe password of your Pathways account has just been changed, and every place you were signed in has been signed out.\n\n` +
      'If this was not you, tell your Pathways administrator straight away.\n',
  };
}

/** Sends an account e-mail, never letting a mail failure undo what the person did. */
export async function sendAccountMail(
  services: AppServices,
  to: { email: string; name: string },
  mail: { subject: string; text: string },
): Promise<boolean> {
  if (!services.tellAccountHolder) return false;
  try {
    await services.tellAccountHolder(to, mail.subject, mail.text);
    return true;
  } catch (error) {
    services.logger.error('could not e-mail the account holder', { error: String(error) });
    return false;
  }
}
