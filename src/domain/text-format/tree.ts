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
}

export interface ItemList {
  kind: 'list';
  level: MarkerLevel;
  items: Item[];
}

export type Block = Paragraph | Section | ItemList;

export interface Document {
  children: Block[];
}
