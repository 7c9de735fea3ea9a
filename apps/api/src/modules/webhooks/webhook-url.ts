import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { badInput } from '../../common/errors';

/**
 * Whether webhooks may target private, loopback and link-local addresses. Refused in production
 * (a subscription must not make the server call into its own network: SSRF); allowed elsewhere so
 * that a receiver on localhost can be used in development and tests. WEBHOOKS_ALLOW_PRIVATE=true
 * or false overrides the default.
 */
export function allowPrivateTargets(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.WEBHOOKS_ALLOW_PRIVATE) return env.WEBHOOKS_ALLOW_PRIVATE === 'true';
  return env.NODE_ENV !== 'production';
}

const reserved = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  reserved.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  reserved.addSubnet(net, prefix, 'ipv6');
}

/** Whether an address is not on the public internet (IPv4-mapped IPv6 judged as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return reserved.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return reserved.check(address, 'ipv4');
  if (family === 6) return reserved.check(address, 'ipv6');
  return true;
}

/** Refuses a host that is, or resolves to, a private address; a host that does not resolve too. */
export async function assertPublicHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) throw new Error('the host is local');
  const addresses = isIP(host)
    ? [host]
    : (await lookup(host, { all: true, verbatim: true }).catch(() => [])).map((a) => a.address);
  if (!addresses.length) throw new Error('the host does not resolve');
  if (addresses.some(isPrivateAddress))
    throw new Error('the host is a private, loopback or link-local address');
}

/**
 * A subscription URL: absolute http(s), no credentials in it (the secret signs deliveries instead),
 * and, unless private targets are allowed, a host on the public internet. Returns it normalised.
 */
export async function checkWebhookUrl(value: string, allowPrivate: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badInput('url', 'must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput('url', 'must use http or https');
  if (url.username || url.password) throw badInput('url', 'must not contain a user name or password');
  if (url.hash) throw badInput('url', 'must not have a #fragment');
  if (!allowPrivate) {
    try {
      await assertPublicHost(url.hostname);
    } catch (error) {
      throw badInput('url', `is refused: ${(error as Error).message}`);
    }
  }
  return url.toString();
}
