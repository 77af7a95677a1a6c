import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '@pathways/db';
import { readInto, recordsOf, type ReadOffer } from './oruk.ts';

/** Pages read at most from one feed (at the page size asked for, 50 000 services). */
const MAX_PAGES = 500;
const PAGE_SIZE = 100;
/** One page's body at most; a feed's pages are far smaller. */
const MAX_PAGE_BYTES = 20 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

/** Addresses inside the planner's own network, which a feed URL must never reach (unless allowed, in tests). */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['10.0.0.0', 8],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['0.0.0.0', 8],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['::', 128],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

export type FeedOptions = {
  /** Lets a feed be on a private address (a council's own network, or a test's). */
  allowPrivate: boolean;
  fetch?: typeof fetch;
};

/** Refuses a feed address that is not http(s), or (unless allowed) one inside the planner's own network. */
export async function checkFeedAddress(address: string, options: FeedOptions): Promise<URL> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new AppError('invalid', 'url: must be a web address', { field: 'url' });
  }
  if (!['http:', 'https:'].includes(url.protocol))
    throw new AppError('invalid', 'url: must start with http:// or https://', { field: 'url' });
  if (!options.allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await lookup(host, { all: true }).catch(() => []);
    if (addresses.length === 0) throw new AppError('invalid', 'url: no such host', { field: 'url' });
    if (addresses.some((found) => PRIVATE.check(found.address, found.family === 6 ? 'ipv6' : 'ipv4')))
      throw new AppError('invalid', 'url: must be a public address', { field: 'url' });
  }
  return url;
}

async function getJson(url: URL, options: FeedOptions): Promise<string> {
  const response = await (options.fetch ?? fetch)(url, {
    headers: { accept: 'application/json' },
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).catch((error: unknown) => {
    throw new AppError('unprocessable', `url: the feed could not be reached (${(error as Error).message})`, {
      field: 'url',
    });
  });
  if (!response.ok)
    throw new AppError('unprocessable', `url: the feed answered ${response.status} for ${url.pathname}${url.search}`, {
      field: 'url',
    });
  if (Number(response.headers.get('content-length') ?? 0) > MAX_PAGE_BYTES)
    throw new AppError('unprocessable', 'url: a page of the feed is too large', { field: 'url' });
  const body = await response.text();
  if (body.length > MAX_PAGE_BYTES)
    throw new AppError('unprocessable', 'url: a page of the feed is too large', { field: 'url' });
  return body;
}

type Page = { last_page?: unknown; total_pages?: unknown };

/**
 * Reads a council's Open Referral UK API from its `/services` address, page by page (`page`
 * and `per_page`, as v1 and v3 both take them) until its last page. A list may carry services
 * without their organisation (HSDA lists need not nest it): each of those is read again from
 * `/services/{id}`, which carries everything. Service n of the whole feed is "line" n.
 */
export async function fetchOffer(address: string, options: FeedOptions): Promise<ReadOffer & { pages: number }> {
  const base = await checkFeedAddress(address, options);
  const offer: ReadOffer = { services: [], inactiveIds: [], skipped: [], warnings: [], problems: [] };
  let line = 0;
  let pages = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const url = new URL(base);
    url.searchParams.set('page', String(page));
    url.searchParams.set('per_page', String(PAGE_SIZE));
    const body = await getJson(url, options);
    pages += 1;
    const { items, problems } = recordsOf(body);
    if (problems.length > 0)
      throw new AppError('unprocessable', `url: page ${page} of the feed is not a list of services`, { field: 'url' });
    for (const item of items) {
      line += 1;
      const raw = item.raw as { id?: unknown; organization?: unknown };
      const whole: unknown =
        raw &&
        typeof raw === 'object' &&
        !raw.organization &&
        (typeof raw.id === 'string' || typeof raw.id === 'number')
          ? JSON.parse(
              await getJson(
                new URL(`${base.pathname.replace(/\/$/, '')}/${encodeURIComponent(String(raw.id))}`, base),
                options,
              ),
            )
          : raw;
      readInto(offer, { line, raw: whole });
    }
    let header: Page = {};
    try {
      header = JSON.parse(body) as Page;
    } catch {
      // NDJSON: one page holds everything.
    }
    const isLast =
      items.length === 0 ||
      Array.isArray(header) ||
      header.last_page === true ||
      (typeof header.total_pages === 'number' && page >= header.total_pages) ||
      (header.last_page === undefined && header.total_pages === undefined);
    if (isLast) break;
  }
  return { ...offer, pages };
}
