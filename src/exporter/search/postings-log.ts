// A batch's postings as they are built (exporter/search/index-tasks.ts): every occurrence
// appended to flat typed arrays (which name, document and column, position, edge symbol) instead of a
// writer object with its own arrays per token, then sorted by name once (a counting sort,
// stable, so each name's occurrences stay in document, column and position order) and
// written straight into one buffer per partition, the form the partitions join
// (index-tasks.ts joinPartition). A batch makes ~100,000 postings lists: one object and
// three growing arrays each cost more in allocation and garbage collection than the sort.
//
// A partition's part := { len(utf8) utf8 count lastKey len(keys) len(heads) len(gaps) len(symbols) keys heads gaps symbols }
// keys, heads, symbols: as client/format.ts writes postings (the first key absolute); gaps: the
// positions' gaps as varints, per document and column, as the file's Rice codes hold them.
// The sizes up front let a join copy the runs without reading them.
import { ByteWriter, COLUMNS, EDGE_COLUMNS, writeHead } from './client/format.js';

export class PostingsLog<Name> {
  /** The names in the order they first appeared (a name's index is its slot). */
  readonly names: Name[] = [];
  private readonly slots = new Map<Name, number>();
  /** Names that are small integers (index-tasks.ts TokenIds) find their slot here, as slot + 1 (0: none yet), not in `slots`. */
  private numbered = new Int32Array(1024);
  private readonly keys: number[] = [];
  private slot: Int32Array;
  /** The occurrence's document (its index in `keys`) × 4 + its column. */
  private place: Int32Array;
  private position: Int32Array;
  private symbol: Uint8Array;
  private length = 0;

  /** `capacity`: the occurrences expected (the arrays grow past it, by copying). */
  constructor(capacity = 1024) {
    this.slot = new Int32Array(capacity);
    this.place = new Int32Array(capacity);
    this.position = new Int32Array(capacity);
    this.symbol = new Uint8Array(capacity);
  }

  /** Starts the next document (keys ascending); the following occurrences are its own. */
  startDocument(key: number): void {
    this.keys.push(key);
  }

  /**
   * An occurrence of `name` in the current document: columns in order, positions ascending
   * within each; `symbol`, its edge symbol (client/format.ts edgeSymbol), is kept in the
   * title and body only.
   */
  add(name: Name, column: number, position: number, symbol = 0): void {
    let slot: number | undefined;
    if (typeof name === 'number') {
      if (name >= this.numbered.length) this.numbered = grown(this.numbered, name + 1);
      slot = this.numbered[name]! - 1;
      if (slot < 0) this.numbered[name] = (slot = this.names.push(name) - 1) + 1;
    } else {
      slot = this.slots.get(name);
      if (slot === undefined) {
        slot = this.names.push(name) - 1;
        this.slots.set(name, slot);
      }
    }
    if (this.length === this.slot.length) this.grow();
    const at = this.length++;
    this.slot[at] = slot;
    this.place[at] = ((this.keys.length - 1) << 2) | column;
    this.position[at] = position;
    this.symbol[at] = symbol;
  }

  /**
   * Every name's postings, in slot order, into the part of partition `partitionOf(text)` of
   * `partitions` (see the header), `texts[slot]` being the name as the file writes it.
   */
  finish(texts: readonly string[], partitions: number, partitionOf: (text: string) => number): Uint8Array[] {
    const { length, slot, keys } = this;
    const count = this.names.length;
    const starts = new Int32Array(count + 1);
    for (let i = 0; i < length; i++) starts[slot[i]! + 1]!++;
    for (let s = 0; s < count; s++) starts[s + 1]! += starts[s]!;
    // The occurrences' places and positions in name order, so each name's are read in a row.
    const places = new Int32Array(length);
    const positions = new Int32Array(length);
    const symbols = new Uint8Array(length);
    const next = starts.slice(0, count);
    for (let i = 0; i < length; i++) {
      const at = next[slot[i]!]!++;
      places[at] = this.place[i]!;
      positions[at] = this.position[i]!;
      symbols[at] = this.symbol[i]!;
    }
    const parts = Array.from({ length: partitions }, () => new ByteWriter());
    const keyRun = new ByteWriter();
    const heads = new ByteWriter();
    // A gap takes at most 5 bytes as a varint.
    let gaps = new Uint8Array(1024);
    const edges = new ByteWriter();
    const counts = COLUMNS.map(() => 0);
    for (let s = 0; s < count; s++) {
      const begin = starts[s]!;
      const end = starts[s + 1]!;
      if (gaps.length < (end - begin) * 5) gaps = new Uint8Array((end - begin) * 10);
      keyRun.length = heads.length = edges.length = 0;
      edges.reserve(end - begin);
      let gapsLength = 0;
      let documents = 0;
      let lastKey = 0;
      for (let i = begin; i < end;) {
        const doc = places[i]! >>> 2;
        let current = -1;
        let previous = 0;
        for (; i < end && places[i]! >>> 2 === doc; i++) {
          const c = places[i]! & 3;
          if (c !== current) {
            current = c;
            previous = 0;
          }
          let gap = positions[i]! - previous;
          previous = positions[i]!;
          for (; gap >= 0x80; gap >>>= 7) gaps[gapsLength++] = (gap & 0x7f) | 0x80;
          gaps[gapsLength++] = gap;
          if (c < EDGE_COLUMNS) edges.bytes[edges.length++] = symbols[i]!;
          counts[c]!++;
        }
        keyRun.varint(keys[doc]! - lastKey);
        lastKey = keys[doc]!;
        documents++;
        writeHead(heads, counts);
        for (let c = 0; c < counts.length; c++) counts[c] = 0;
      }
      const part = parts[partitionOf(texts[s]!)]!;
      part.text(texts[s]!);
      part.varint(documents);
      part.varint(lastKey);
      part.varint(keyRun.length);
      part.varint(heads.length);
      part.varint(gapsLength);
      part.varint(edges.length);
      part.append(keyRun.view());
      part.append(heads.view());
      part.append(gaps.subarray(0, gapsLength));
      part.append(edges.view());
    }
    // Exact copies: a view would take its whole buffer, spare room included, to the thread it is posted to.
    return parts.map((part) => part.view().slice());
  }

  private grow(): void {
    this.slot = grown(this.slot, this.length + 1);
    this.place = grown(this.place, this.length + 1);
    this.position = grown(this.position, this.length + 1);
    const symbol = new Uint8Array(this.slot.length);
    symbol.set(this.symbol);
    this.symbol = symbol;
  }
}

/** A copy of `from` with room for at least `size` entries (twice its length or more). */
function grown(from: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const to = new Int32Array(Math.max(size, from.length * 2));
  to.set(from);
  return to;
}
