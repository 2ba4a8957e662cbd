import { parseMarker } from '../../domain/text-format/marker.js';

/** The first real paragraph of the profile, without its outline number: the home page card and the profile's description. */
export function profileLead(profileText: string): string {
  const blocks = profileText.split(/\n\s*\n/).map((block) => {
    const [first = '', ...more] = block.split('\n');
    return [parseMarker(first)?.rest ?? first, ...more].join(' ').replace(/\s+/g, ' ').trim();
  });
  const lead = blocks.find((b) => [...b].length >= 30) ?? '';
  return [...lead].length > 160 ? `${[...lead].slice(0, 160).join('')}…` : lead;
}
