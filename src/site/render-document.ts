import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A full HTML document from a page component. */
export function renderDocument(page: VNode): string {
  return `<!DOCTYPE html>\n${renderToString(page)}`;
}
