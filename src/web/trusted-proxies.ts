// Which peers may tell katsudo the client's address (X-Forwarded-For) and scheme
// (X-Forwarded-Proto): named proxies, or a number of proxies in front. Everything that
// needs the client's address (throttle, audit log, sessions, rate limits) reads
// `request.ip`, and the session cookie's Secure flag reads `request.protocol`; both follow
// this one setting (issue 9: "trust everything" let any client choose its address).

/**
 * `addresses`: IPv4/IPv6 addresses or CIDRs of the proxies (validated by config.ts); the
 * client is the right-most X-Forwarded-For address that is not one of them.
 * `hops`: exactly this many proxies stand in front, whoever they are; the client is the
 * address that many entries from the right (counting the connection itself as the first).
 */
export type TrustedProxies = { kind: 'none' } | { kind: 'addresses'; addresses: string[] } | { kind: 'hops'; hops: number };

export const NO_TRUSTED_PROXIES: TrustedProxies = { kind: 'none' };

/** Fastify's `trustProxy` option for the setting. */
export function trustProxyOption(proxies: TrustedProxies): false | string[] | ((address: string, hop: number) => boolean) {
  if (proxies.kind === 'none') return false;
  if (proxies.kind === 'addresses') return proxies.addresses;
  // Fastify turns a plain number into "trust nothing" (it cannot check the nearest peer),
  // so a hop count is given as the function proxy-addr calls for each hop from the socket.
  const { hops } = proxies;
  return (_address, hop) => hop < hops;
}
