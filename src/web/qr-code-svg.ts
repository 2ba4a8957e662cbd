// QR codes as inline SVG (the qrcode library), for the authenticator-app set-up page. The
// SVG is built from the encoded text alone: a path of modules, no text or attribute of ours,
// so it is one of the few producers of TrustedHtml (domain/trusted-html.ts).
import QRCode from 'qrcode';
import { trustedHtml, type TrustedHtml } from '../domain/trusted-html.js';

export async function qrCodeSvg(text: string): Promise<TrustedHtml> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  // What the library returns is <svg …><path …/>…</svg>; anything else is a bug, not markup to pass on.
  if (!/^<svg [^<]*>(<path [^<]*\/>)+<\/svg>\s*$/.test(svg)) throw new Error('unexpected QR code SVG');
  return trustedHtml(svg);
}
