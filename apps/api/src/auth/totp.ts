import { randomInt } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/**
 * Authenticator-app codes (TOTP, RFC 6238) through otplib, at the settings every app
 * understands (SHA-1, six digits, 30 seconds). The clock is passed in, like everywhere else.
 */
const ISSUER = 'Pathways';
/** A code typed in the last seconds of its 30 or the first of the next still counts (clock drift, slow typing). */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** What an authenticator app scans: the otpauth:// address, and as a QR code (SVG, no external requests). */
export async function totpEnrolment(secret: string, account: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = generateURI({ issuer: ISSUER, label: account, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, qrSvg };
}

/** The time step a code matched, or null when it is not the app's code now. */
export async function verifyTotp(secret: string, code: string, now: Date): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}

/** The code an authenticator app shows at a moment (for tests and the browser test's "phone"). */
export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** Ten recovery codes, each 10 characters from an alphabet without look-alikes (about 50 bits), shown as xxxxx-xxxxx. */
export function newRecoveryCodeList(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => {
    const characters = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${characters.slice(0, 5)}-${characters.slice(5)}`;
  });
}
