import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';

/**
 * The proxies whose `X-Forwarded-For` may be believed (TRUSTED_PROXIES: addresses or CIDR
 * ranges, comma-separated). Parsing fails with a message naming the bad entry.
 */
export function trustedProxies(text: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || (bits !== undefined && !/^\d+$/.test(bits)))
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const plain = address.replace(/^::ffff:/, '');
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Who sent this request. The socket's peer, unless that peer is a trusted proxy: then the
 * right-most `X-Forwarded-For` hop that is not itself a trusted proxy (a client can write
 * anything at the left of the header; each proxy appends what it saw on the right).
 */
export function clientAddress(c: Context<AppEnv>): string {
  let peer: string;
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
  const trusted = c.get('services').trustedProxies;
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index] as string;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return hops[0] ?? peer;
}
