// The block tree the parser builds and the renderer walks. Text is kept as source
// (inline Markdown not yet interpreted) so that HTML and plain text come from one walk.
import type { Marker, MarkerLevel } from './marker.js';

export interface Paragraph {
  kind: 'paragraph';
  /** Source lines, joined with line breaks when rendered. */
  lines: string[];
}

export interface Section {
  kind: 'section';
  level: MarkerLevel;
  marker: Marker;
  children: Block[];
}

export interface Item {
  level: MarkerLevel;
  marker: Marker;
  /** The marker line's text followed by its continuation lines: the item's first paragraph. */
  lines: string[];
  /** Later paragraphs, lists and sections belonging to the item. */
  children: Block[];
  /** A line of a 記-style notice: its first line is a label and a value (notice-line.ts). */
  isNotice?: true;
}

export interface ItemList {
  kind: 'list';
  level: MarkerLevel;
  items: Item[];
}

/** `![説明](media:<ref> "キャプション")` alone on a line. */
export interface Figure {
  kind: 'figure';
  ref: string;
  /** The description: the image's alt text, required ('' renders a placeholder). */
  alt: string;
  /** The quoted caption, when written. */
  caption?: string;
  /** Written on the line right after another photo line: shown with it as one gallery. */
  joinsPrevious?: true;
}

/** Consecutive lines of cells (table.ts). Every row has the same number of cells. */
export interface Table {
  kind: 'table';
  /** The row above a delimiter row such as `|---|---|`, when there is one. */
  header?: string[];
  rows: string[][];
  /** How the cells were separated, so plain text can join them the same way. */
  separator: '|' | '\t';
}

export type Block = Paragraph | Section | ItemList | Figure | Table;

export interface Document {
  children: Block[];
}
