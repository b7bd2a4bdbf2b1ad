import proxyAddr from '@fastify/proxy-addr';

/**
 * Which proxies in front of Goalpost may say who the client is (`X-Forwarded-For`, `-Proto`, `-Host`).
 * Whatever a client writes further left in `X-Forwarded-For` is never taken as its address: only the entry
 * the last trusted proxy added counts, so a rotated header cannot reset the sign-in limits.
 */
export type TrustProxy =
  | { kind: 'none' }
  /** The nearest `hops` peers are proxies, whoever they are: right when Goalpost cannot be reached except through them. */
  | { kind: 'hops'; hops: number }
  /** Only peers at these addresses or in these ranges (CIDR, or proxy-addr's `loopback`, `linklocal`, `uniquelocal`) are proxies. */
  | { kind: 'addresses'; addresses: string[] };

const FALSE = new Set(['', 'false', 'f', 'no', 'off', '0']);
/** `true` once trusted every hop (any client could name its own address); it now means the one proxy in front. */
const TRUE = new Set(['true', 't', 'yes', 'on']);
const MAX_HOPS = 10;

export const TRUST_PROXY_FORMAT = 'must be false, a number of proxy hops (e.g. 1), or a comma-separated list of proxy addresses or CIDR ranges';

/** Parses TRUST_PROXY; throws a message (without the variable name) when it is none of the accepted forms. */
export function parseTrustProxy(input: string | undefined): TrustProxy {
  const value = (input ?? '').trim();
  const lower = value.toLowerCase();
  if (FALSE.has(lower)) return { kind: 'none' };
  if (TRUE.has(lower)) return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) throw new Error(`${TRUST_PROXY_FORMAT}; ${hops} hops is more than ${MAX_HOPS}`);
    return { kind: 'hops', hops };
  }
  const addresses = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    proxyAddr.compile(addresses);
  } catch (error) {
    throw new Error(`${TRUST_PROXY_FORMAT} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return { kind: 'addresses', addresses };
}

/** Fastify's `trustProxy` option for the setting. */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  switch (trust.kind) {
    case 'none':
      return false;
    // Fastify refuses a bare hop count (it cannot know whether the peer is a proxy): the operator who sets
    // one says that it is, so the count is given as the equivalent trust function.
    case 'hops':
      return (_address, hop) => hop < trust.hops;
    case 'addresses':
      return trust.addresses;
  }
}
