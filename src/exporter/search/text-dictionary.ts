// The preset dictionary of the static index's text files (client/format.ts, DocTable.dictionary):
// up to 32 KB of the site's own text that every text file's deflate stream starts from, so a
// file of a few reports does not begin with an empty window. Chosen as zstd's dictionary
// trainer (COVER) does, simplified: from a sample of the files, the 256-byte segments whose
// 8-byte substrings occur most often in the sample, greedily, each substring counted once (a
// chosen segment's substrings score nothing for the next). At 10,000 reports (4 a file) the
// text files took 3.8 MB this way, 4.4 MB with 512-byte pieces taken at even strides, 10.2 MB
// gzip without a dictionary; choosing took ~150 ms.
import { createHash } from 'node:crypto';

/** The window of deflate: back references reach at most this far. */
export const DICTIONARY_BYTES = 32 * 1024;
const SEGMENT_BYTES = 256;
const SUBSTRING_BYTES = 8;
/** The sample the segments are chosen from: whole files at even strides (1 MB: 4 MB gave 1 % less, in 4 times the time). */
const SAMPLE_BYTES = 1 << 20;
const HASH_BITS = 20;

/** The dictionary for these files' contents (in a fixed order: the same files give the same bytes). */
export function textDictionary(files: readonly string[]): Uint8Array {
  const sample = sampleOf(files);
  if (sample.length <= DICTIONARY_BYTES) return sample;
  const hashes = substringHashes(sample);
  const counts = new Uint32Array(1 << HASH_BITS);
  for (const hash of hashes) counts[hash]!++;
  const seen = new Uint32Array(1 << HASH_BITS);
  let stamp = 0;
  const scoreOf = (segment: number) => {
    stamp++;
    let score = 0;
    for (let at = segment * SEGMENT_BYTES, end = Math.min(hashes.length, at + SEGMENT_BYTES); at < end; at++) {
      const hash = hashes[at]!;
      if (seen[hash] === stamp) continue;
      seen[hash] = stamp;
      if (counts[hash]! > 1) score += counts[hash]!;
    }
    return score;
  };
  // Lazy greedy: a segment's score only falls as others are chosen, so a segment whose fresh
  // score still beats every other's last one is the best.
  const queue = new MaxQueue();
  const segments = Math.floor(sample.length / SEGMENT_BYTES);
  for (let segment = 0; segment < segments; segment++) queue.push(scoreOf(segment), segment);
  const chosen: number[] = [];
  while (chosen.length * SEGMENT_BYTES < DICTIONARY_BYTES && queue.size > 0) {
    const segment = queue.pop();
    const score = scoreOf(segment);
    if (queue.size > 0 && score < queue.topScore) {
      queue.push(score, segment);
      continue;
    }
    chosen.push(segment);
    for (let at = segment * SEGMENT_BYTES, end = Math.min(hashes.length, at + SEGMENT_BYTES); at < end; at++) counts[hashes[at]!] = 0;
  }
  // The best last: nearest to the file's own text, reached by the shortest distances.
  const dictionary = new Uint8Array(chosen.length * SEGMENT_BYTES);
  chosen.reverse().forEach((segment, i) => dictionary.set(sample.subarray(segment * SEGMENT_BYTES, (segment + 1) * SEGMENT_BYTES), i * SEGMENT_BYTES));
  return dictionary;
}

/** The dictionary file's name (`t<hash>`): its content decides it, so a doc table never reads another build's. */
export function dictionaryFile(dictionary: Uint8Array): string {
  return `t${createHash('sha256').update(dictionary).digest('base64url').slice(0, 16)}`;
}

function sampleOf(files: readonly string[]): Uint8Array {
  const total = files.reduce((n, file) => n + file.length * 3, 0);
  const stride = Math.max(1, Math.round(total / SAMPLE_BYTES));
  const picked: Buffer[] = [];
  for (let i = 0; i < files.length; i += stride) picked.push(Buffer.from(files[i]!));
  return Buffer.concat(picked);
}

/** The hash of the SUBSTRING_BYTES bytes at each offset (FNV-1a, its top HASH_BITS). */
function substringHashes(sample: Uint8Array): Uint32Array {
  const hashes = new Uint32Array(Math.max(0, sample.length - SUBSTRING_BYTES + 1));
  for (let at = 0; at < hashes.length; at++) {
    let hash = 0x811c9dc5;
    for (let j = 0; j < SUBSTRING_BYTES; j++) hash = Math.imul(hash ^ sample[at + j]!, 0x01000193);
    hashes[at] = hash >>> (32 - HASH_BITS);
  }
  return hashes;
}

/** A binary max-heap of (score, segment). */
class MaxQueue {
  private readonly scores: number[] = [];
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  get topScore(): number {
    return this.scores[0]!;
  }

  push(score: number, item: number): void {
    let at = this.items.length;
    this.scores.push(score);
    this.items.push(item);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.scores[parent]! >= score) break;
      this.move(parent, at);
      at = parent;
    }
    this.scores[at] = score;
    this.items[at] = item;
  }

  pop(): number {
    const top = this.items[0]!;
    const score = this.scores.pop()!;
    const item = this.items.pop()!;
    const size = this.items.length;
    if (size === 0) return top;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.scores[child + 1]! > this.scores[child]!) child++;
      if (this.scores[child]! <= score) break;
      this.move(child, at);
      at = child;
    }
    this.scores[at] = score;
    this.items[at] = item;
    return top;
  }

  private move(from: number, to: number): void {
    this.scores[to] = this.scores[from]!;
    this.items[to] = this.items[from]!;
  }
}
