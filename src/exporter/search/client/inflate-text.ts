// Decompression of the static index's files with the platform's DecompressionStream (the
// browser's, and Node's for the exporter's own reading), including a text file's raw deflate
// stream that starts from a preset dictionary (client/format.ts, DocTable.dictionary), which
// DecompressionStream cannot be given: the dictionary goes first as a stored block (BFINAL 0,
// BTYPE 00: a 0 byte, its length and the length's complement as 16-bit little-endian, then
// the bytes; RFC 1951 3.2.4), which fills the window the file's back references reach into,
// and the output's first dictionary-length bytes are dropped.

/** The bytes of the chunks in a row, decompressed as `format`. */
export async function decompressed(chunks: Uint8Array[], format: CompressionFormat): Promise<Uint8Array> {
  // From a stream made here, not from a Blob, whose data Chromium keeps in its browser process
  // (20 text files took 100–200 ms through Blobs, 15–40 ms this way, Chromium at load 25; docs/performance.md).
  const source = new ReadableStream<BufferSource>({
    start(controller) {
      // Never a SharedArrayBuffer's view here: fetched or read bytes.
      for (const chunk of chunks) controller.enqueue(chunk as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
  const reader = source.pipeThrough(new DecompressionStream(format)).getReader();
  const read: Uint8Array[] = [];
  let length = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    read.push(next.value);
    length += next.value.length;
  }
  if (read.length === 1) return read[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of read) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A text file (raw deflate from `dictionary`, at most 65,535 bytes) decompressed. */
export async function inflateText(bytes: Uint8Array, dictionary: Uint8Array): Promise<Uint8Array> {
  const n = dictionary.length;
  const stored = new Uint8Array([0, n & 255, n >> 8, ~n & 255, (~n >> 8) & 255]);
  return (await decompressed([stored, dictionary, bytes], 'deflate-raw')).subarray(n);
}
