/**
 * Whether a typed e-mail address has the shape of one (something, @, a domain with a dot):
 * enough to catch a slip before asking the server, which checks it properly.
 */
export function looksLikeEmailAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}
