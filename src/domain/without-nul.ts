// NUL (U+0000) in text that users send or import: removed, the same on every database (issue 15).
// PostgreSQL's text type cannot hold it (a write, or even a lookup, fails), SQLite can; no
// Japanese text means one (it arrives invisibly with text pasted from other programs), so it is
// dropped where text enters katsudo (web requests, imported items) rather than refused.

const NUL = /\u0000/g;

/**
 * `value` with NUL removed from every string in it, arrays and plain objects walked (others,
 * such as an upload's Buffer, kept as they are). Returns `value` itself when it holds no NUL.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replace(NUL, '') : value) as T;
  if (Array.isArray(value)) {
    const cleaned = value.map((item: unknown) => withoutNul(item));
    return (cleaned.some((item, i) => item !== value[i]) ? cleaned : value) as T;
  }
  if (!isPlainObject(value)) return value;
  let cleaned: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const kept = withoutNul(item);
    if (kept === item) continue;
    cleaned ??= Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>, value);
    cleaned[key] = kept;
  }
  return (cleaned ?? value) as T;
}

/**
 * A record: an object literal, or one whose prototype has none itself (the bare prototypes
 * query strings and form bodies are parsed into); not a Buffer, a Date or a class instance.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
