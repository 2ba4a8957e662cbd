// The site's static assets (one stylesheet, one icon), read once at start and served
// under content-hashed names so browsers may cache them forever.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SiteAsset } from '../site/site-deps.js';
import { compactCss } from './compact-css.js';

/** The public site's assets are site/'s (SiteAsset); the admin's have the same shape. */
export type Asset = SiteAsset;

export interface Assets {
  css: Asset;
  icon: Asset;
  /** Admin pages only, after css. */
  adminCss: Asset;
  /** The media library's upload progress (progressive enhancement). */
  adminUploadJs: Asset;
  /** The report editor's live preview (progressive enhancement). */
  adminEditorJs: Asset;
  /** Passkey registration and sign-in (WebAuthn); the forms work without it for codes. */
  adminPasskeyJs: Asset;
  /** Every admin page: one submission per form key, focus on the notice or error summary. */
  adminFormsJs: Asset;
  /** The activity record panel's rows (issue 16 item 7). */
  adminRecordJs: Asset;
  /** The report and page editors: autosave while typing, a warning before leaving unsaved text. */
  editorDraftJs: Asset;
}

function load(name: string, ext: string, contentType: string): Asset {
  // Resolved next to this module: src/web/assets under tsx, dist/assets in the bundle.
  const file = readFileSync(new URL(`./assets/${name}.${ext}`, import.meta.url));
  // Stylesheets compacted here, before hashing, for the server and the static build alike.
  const body = ext === 'css' ? Buffer.from(compactCss(file.toString('utf8'))) : file;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/assets/${name}.${hash}.${ext}`, body, contentType };
}

export function loadAssets(): Assets {
  return {
    css: load('site', 'css', 'text/css; charset=utf-8'),
    icon: load('icon', 'svg', 'image/svg+xml'),
    adminCss: load('admin', 'css', 'text/css; charset=utf-8'),
    adminUploadJs: load('admin-upload', 'js', 'text/javascript; charset=utf-8'),
    adminEditorJs: load('admin-editor', 'js', 'text/javascript; charset=utf-8'),
    adminPasskeyJs: load('admin-passkey', 'js', 'text/javascript; charset=utf-8'),
    adminFormsJs: load('admin-forms', 'js', 'text/javascript; charset=utf-8'),
    adminRecordJs: load('admin-record', 'js', 'text/javascript; charset=utf-8'),
    editorDraftJs: load('editor-draft', 'js', 'text/javascript; charset=utf-8'),
  };
}
