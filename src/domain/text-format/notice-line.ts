// The lines of a 記-style notice: 「1 日時　令和8年11月30日（月）10時～11時30分」, 「2 場所　…」.
// A short label, a gap, and its value on the same line; rendered as a labelled item.

export interface NoticeLine {
  label: string;
  /** What separates label and value, as written: a full-width space, a tab, two spaces or a colon. */
  gap: string;
  value: string;
}

const MAX_LABEL_CHARS = 6;
const NOTICE = /^([^\s:：。、,，]+)((?:[ \t]*[：:][ \u3000\t]*)|(?:[ \t]*[\u3000\t][ \u3000\t]*)|(?: {2,}))(\S[^]*)$/u;

/** `text` is a marker line's text after its marker. */
export function noticeLine(text: string): NoticeLine | undefined {
  const match = NOTICE.exec(text);
  if (!match || [...match[1]!].length > MAX_LABEL_CHARS) return undefined;
  return { label: match[1]!, gap: match[2]!, value: match[3]! };
}
