// Telling legacy Word, Excel and PowerPoint files apart. All three are Compound File Binary
// files (MS-CFB): a small FAT file system whose top-level stream names say which program
// wrote it (WordDocument, Workbook/Book, PowerPoint Document). Only the directory is read;
// the streams themselves are never parsed.

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
const DIRECTORY_ENTRY_BYTES = 128;
/** Far more than any real document has; a loop in a damaged chain stops here. */
const MAX_DIRECTORY_ENTRIES = 4096;

const STREAM_TYPES: Record<string, string> = {
  WordDocument: 'application/msword',
  Workbook: 'application/vnd.ms-excel',
  Book: 'application/vnd.ms-excel',
  'PowerPoint Document': 'application/vnd.ms-powerpoint',
};

/** The Office MIME type of a compound file, or undefined when it is none of the three (or unreadable). */
export function legacyOfficeType(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength < 512 || SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = topLevelNames(new CompoundFile(view));
  for (const name of names) {
    const type = STREAM_TYPES[name];
    if (type !== undefined) return type;
  }
  return undefined;
}

class CompoundFile {
  readonly sectorBytes: number;
  private readonly fatSectors: number[];

  constructor(private readonly view: DataView) {
    this.sectorBytes = 2 ** view.getUint16(0x1e, true);
    this.fatSectors = [];
    // The first 109 FAT sector numbers sit in the header; larger files continue them in DIFAT sectors.
    for (let i = 0; i < 109; i++) this.pushFatSector(view.getUint32(0x4c + i * 4, true));
    let difat = view.getUint32(0x44, true);
    for (let hops = 0; difat < END_OF_CHAIN && hops < 1024 && this.has(difat); hops++) {
      const perSector = this.sectorBytes / 4 - 1;
      for (let i = 0; i < perSector; i++) this.pushFatSector(view.getUint32(this.offset(difat) + i * 4, true));
      difat = view.getUint32(this.offset(difat) + perSector * 4, true);
    }
  }

  private pushFatSector(sector: number): void {
    if (sector < END_OF_CHAIN) this.fatSectors.push(sector);
  }

  offset(sector: number): number {
    return (sector + 1) * this.sectorBytes;
  }

  has(sector: number): boolean {
    return this.offset(sector) + this.sectorBytes <= this.view.byteLength;
  }

  next(sector: number): number {
    const perSector = this.sectorBytes / 4;
    const fat = this.fatSectors[Math.floor(sector / perSector)];
    if (fat === undefined || !this.has(fat)) return END_OF_CHAIN;
    return this.view.getUint32(this.offset(fat) + (sector % perSector) * 4, true);
  }

  /** Byte offsets of the directory entries, following the directory's sector chain. */
  directoryEntries(): number[] {
    const entries: number[] = [];
    const perSector = this.sectorBytes / DIRECTORY_ENTRY_BYTES;
    let sector = this.view.getUint32(0x30, true);
    while (sector < END_OF_CHAIN && this.has(sector) && entries.length < MAX_DIRECTORY_ENTRIES) {
      for (let i = 0; i < perSector; i++) entries.push(this.offset(sector) + i * DIRECTORY_ENTRY_BYTES);
      sector = this.next(sector);
    }
    return entries;
  }

  name(entry: number): string {
    const length = Math.min(this.view.getUint16(entry + 0x40, true), 64);
    let name = '';
    for (let i = 0; i + 2 < length; i += 2) name += String.fromCharCode(this.view.getUint16(entry + i, true));
    return name;
  }

  sibling(entry: number, side: 'left' | 'right' | 'child'): number {
    return this.view.getUint32(entry + { left: 0x44, right: 0x48, child: 0x4c }[side], true);
  }
}

/** Names of the root storage's children: the red-black tree under the root entry's child. */
function topLevelNames(file: CompoundFile): string[] {
  const entries = file.directoryEntries();
  const root = entries[0];
  if (root === undefined) return [];
  const names: string[] = [];
  const seen = new Set<number>();
  const pending = [file.sibling(root, 'child')];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const entry = entries[id];
    if (id === NO_STREAM || entry === undefined || seen.has(id)) continue;
    seen.add(id);
    names.push(file.name(entry));
    pending.push(file.sibling(entry, 'left'), file.sibling(entry, 'right'));
  }
  return names;
}
