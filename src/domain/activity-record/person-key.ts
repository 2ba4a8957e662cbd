// How a participant's name, as each record wrote it, becomes one person's address
// (/people/<key>/): NFKC (full-width letters and half-width katakana folded) and no space
// next to a Japanese character, so 「岸田 文雄」 and 「岸田文雄」 are one person while
// "Jane Doe" keeps its space.
const SPACE_BESIDE_WIDE = /\s+(?=[^\u0000-\u024f])|(?<=[^\u0000-\u024f])\s+/gu;

export function personKey(name: string): string {
  return name.normalize('NFKC').replace(SPACE_BESIDE_WIDE, '').replace(/\s+/gu, ' ').trim();
}
