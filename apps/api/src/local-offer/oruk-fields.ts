import { z } from '@hono/zod-openapi';

/**
 * Readers for one field of an Open Referral UK record each: they take what a real feed sends
 * (numbers as text, stray spaces, a link without its scheme, 999 for "no upper age") and give
 * back what the planner stores, noting every value they had to change or leave out. Only a
 * record that cannot be a service at all is refused (see `oruk.ts`).
 */
export type Notes = { warn: (field: string, message: string) => void };

/** The words of a text field, trimmed; null when absent or empty (a number is read as its digits). */
export function text(value: unknown, field: string, notes: Notes, max = 5000): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') {
    notes.warn(field, 'left out: expected text');
    return null;
  }
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (trimmed.length > max) {
    notes.warn(field, `shortened to ${max} characters`);
    return trimmed.slice(0, max);
  }
  return trimmed;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A description in plain words: feeds may send HTML or Markdown markup, which is shown as text. */
export function plainWords(value: unknown, field: string, notes: Notes): string | null {
  const words = text(value, field, notes, 20_000);
  if (words === null) return null;
  const plain = words
    .replace(/<\s*(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|[a-z]+);/gi, (entity, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? entity),
    )
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return plain === '' ? null : plain;
}

/** Feeds send 999 (or 120, 150…) to say "no upper limit": above this an age is read as none. */
const OLDEST = 120;

/** An age in whole years: "16" is read as 16, 999 as no limit; anything else is left out. */
export function age(value: unknown, field: string, notes: Notes): number | null {
  if (value === undefined || value === null || value === '') return null;
  let years = value;
  if (typeof value === 'string' && /^\s*\d+(\.0+)?\s*$/.test(value)) {
    years = Number(value);
    notes.warn(field, `read "${value}" as ${years as number}`);
  }
  if (typeof years !== 'number' || !Number.isFinite(years) || years < 0 || !Number.isInteger(years)) {
    notes.warn(field, `left out: ${JSON.stringify(value)} is not an age in years`);
    return null;
  }
  if (years > OLDEST) {
    notes.warn(field, `read ${years} as no upper limit`);
    return null;
  }
  return years;
}

const ZEmail = z.email();

/** An e-mail address, stray spaces and a "mailto:" taken off; left out if it is not one. */
export function email(value: unknown, field: string, notes: Notes): string | null {
  const written = text(value, field, notes, 320);
  if (written === null) return null;
  const address = written.replace(/^mailto:/i, '').trim();
  if (!ZEmail.safeParse(address).success) {
    notes.warn(field, `left out: "${written}" is not an e-mail address`);
    return null;
  }
  if (typeof value === 'string' && address !== value) notes.warn(field, `read "${value}" as "${address}"`);
  return address;
}

/**
 * A web address a person can safely follow: one without its scheme ("www.example.org") gets
 * https://; any other scheme (javascript:, data:, ftp:) is left out.
 */
export function webAddress(value: unknown, field: string, notes: Notes): string | null {
  const written = text(value, field, notes, 2000);
  if (written === null) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(written);
  const candidate = hasScheme ? written : `https://${written.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    notes.warn(field, `left out: "${written}" is not a web address`);
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.')) {
    notes.warn(field, `left out: "${written}" is not a web address starting with http:// or https://`);
    return null;
  }
  if (!hasScheme) notes.warn(field, `read "${written}" as "${candidate}"`);
  return candidate;
}

/** A phone number as written; an empty or too short one is left out. */
export function phone(value: unknown, field: string, notes: Notes): string | null {
  if (value === undefined || value === null) return null;
  const written = text(value, field, notes, 40);
  if (written === null || written.replace(/\D/g, '').length < 3) {
    notes.warn(field, 'left out: no phone number');
    return null;
  }
  return written;
}

/** The items of a list field; anything else (a lone object, text) is left out with a note. */
export function list(value: unknown, field: string, notes: Notes): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    notes.warn(field, 'left out: expected a list');
    return [];
  }
  return value.filter(
    (item): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item),
  );
}

/** Distinct non-empty values, in order. */
export function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
