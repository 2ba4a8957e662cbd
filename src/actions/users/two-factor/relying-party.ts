// Who passkeys are registered with (WebAuthn "relying party"): the host of KATSUDO_BASE_URL
// as the RP ID and the base URL's origin as the only origin accepted, so a passkey made on
// this site works here and nowhere else. Browsers refuse an IP address as RP ID: tests and
// local use go through http://localhost:<port>.
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

export function relyingPartyFor(baseUrl: string, name: string): RelyingParty {
  const url = new URL(baseUrl);
  return { id: url.hostname, origin: url.origin, name };
}

/** The challenge a WebAuthn response answers, read from its clientDataJSON (base64url JSON). */
export function challengeOf(response: unknown): string | undefined {
  try {
    const clientDataJSON = (response as { response?: { clientDataJSON?: unknown } }).response?.clientDataJSON;
    if (typeof clientDataJSON !== 'string' || clientDataJSON.length > 4096) return undefined;
    const challenge = (JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown }).challenge;
    return typeof challenge === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(challenge) ? challenge : undefined;
  } catch {
    return undefined;
  }
}
