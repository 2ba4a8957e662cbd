// /admin/media (editor): the upload form, then the library newest first (thumbnail with
// its alt text, name, type, size, pages or pixels, the reports using each file), each
// with its alt text form and a link to delete it. The upload works as a plain multipart
// form; admin-upload.js adds a progress bar when scripts run.
import { attachmentMeta, formatName } from '../../../domain/attachment.js';
import { mediaPath, mediaVariantPath, staffMediaPath } from '../../../domain/media-path.js';
import { formatMegabytes, isImageType, isOfficeType, MAX_ALT_TEXT_LENGTH, UPLOAD_ACCEPT } from '../../../domain/media-rules.js';
import type { MediaUser } from '../../../domain/errors.js';
import type { Media } from '../../../domain/media.js';
import { Pagination } from '../../../site/components/pagination.js';
import { AdminLayout, type AdminPageContext } from './layout.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import { controlAttrs, CsrfField, ErrorSummary, FieldError, FormActions, type FieldErrors } from './form.js';
import { OfficeHint } from './office-hint.js';

/** One library entry (actions/media/list-media.ts MediaListItem has these fields). */
export interface MediaListItem extends Media {
  /** The WebP copies; the 640 px one is the thumbnail. */
  variants: { width: number }[];
  usedBy: MediaUser[];
  /** PDFs: whether site search finds their text. */
  textState?: 'searchable' | 'partial' | 'no-text' | 'unreadable' | 'unread';
}

const TEXT_STATES: Record<NonNullable<MediaListItem['textState']>, string> = {
  searchable: '本文はサイト内検索の対象です(公開中の報告に添付しているとき)。',
  partial: '本文の一部(先頭から読み取れたところまで)がサイト内検索の対象です。',
  'no-text': '文字の入っていない PDF です(画像だけの PDF など)。本文は検索できません。',
  unreadable: 'PDF を読み取れませんでした。ファイルは公開できますが、ページ数と本文は表示・検索できません。',
  unread: '本文はまだ読み取っていません。katsudo reindex を実行すると検索の対象になります。',
};

export type MediaKindFilter = 'pdf' | 'image' | undefined;

export interface MediaLibraryPageProps {
  page: AdminPageContext;
  items: MediaListItem[];
  total: number;
  pageNumber: number;
  pageCount: number;
  kind: MediaKindFilter;
  maxUploadBytes: number;
  /** Upload form errors (`file`, `altText`) or an alt text edit's (`alt-<id>`). */
  errors: FieldErrors;
  /** What was typed into the upload form's alt text. */
  uploadAltText: string;
  /** The alt text typed for one record, kept after a refused edit. */
  editedAlt?: { id: number; altText: string };
  scripts: string[];
}

const FILTERS: { kind: MediaKindFilter; label: string; href: string }[] = [
  { kind: undefined, label: 'すべて', href: '/admin/media' },
  { kind: 'pdf', label: 'PDF', href: '/admin/media?kind=pdf' },
  { kind: 'image', label: '画像', href: '/admin/media?kind=image' },
];

const STATUS_NAMES: Record<string, string> = { draft: '下書き', scheduled: '公開予約', published: '公開中', trashed: 'ゴミ箱' };

export const altFieldName = (id: number) => `alt-${id}`;

export function MediaLibraryPage(props: MediaLibraryPageProps) {
  const { page, items, kind, errors } = props;
  const uploadErrors = Object.fromEntries(Object.entries(errors).filter(([name]) => name === 'file' || name === 'altText'));
  const basePath = FILTERS.find((f) => f.kind === kind)!.href;
  return (
    <AdminLayout page={page} title="メディア" scripts={props.scripts}>
      <h1 id="page-title">メディア</h1>
      <UploadForm page={page} errors={uploadErrors} altText={props.uploadAltText} maxUploadBytes={props.maxUploadBytes} />

      <section aria-labelledby="library-title">
        <h2 id="library-title">登録済みのファイル({props.total}件)</h2>
        <nav aria-label="種類で絞り込む">
          <ul class="media-filter">
            {FILTERS.map((f) => (
              <li>
                <a href={f.href} aria-current={f.kind === kind ? 'page' : undefined}>
                  {f.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {items.length === 0 ? (
          <p>{kind === undefined ? 'まだファイルがありません。' : 'この種類のファイルはありません。'}</p>
        ) : (
          <ul class="media-list">
            {items.map((item) => (
              <MediaItem page={page} item={item} errors={errors} editedAlt={props.editedAlt} />
            ))}
          </ul>
        )}
        <Pagination info={{ page: props.pageNumber, pageCount: props.pageCount, basePath }} />
      </section>
    </AdminLayout>
  );
}

function UploadForm({ page, errors, altText, maxUploadBytes }: { page: AdminPageContext; errors: FieldErrors; altText: string; maxUploadBytes: number }) {
  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title">ファイルを登録</h2>
      <ErrorSummary errors={errors} labels={{ file: 'ファイル', altText: '代替テキスト' }} />
      <form method="post" action="/admin/media" enctype="multipart/form-data" class="admin-form media-upload-form" novalidate>
        <CsrfField token={page.csrfToken} />
        <div class={errors.file ? 'field field-invalid' : 'field'}>
          <label for="field-file">
            ファイル<span class="field-required">(必須)</span>
          </label>
          <p class="field-hint" id="field-file-hint">
            PDF・JPEG・PNG・WebP・Word・Excel・PowerPoint、{formatMegabytes(maxUploadBytes)}
            まで。画像には640px・1280px幅の軽い版が作られ、撮影場所などの付加情報は取り除かれます。
          </p>
          <FieldError name="file" errors={errors} />
          <input {...controlAttrs('file', errors, true)} type="file" accept={UPLOAD_ACCEPT} required />
        </div>
        <div class={errors.altText ? 'field field-invalid' : 'field'}>
          <label for="field-altText">代替テキスト(画像は必須)</label>
          <p class="field-hint" id="field-altText-hint">
            画像に何が写っているかを短く書いてください。画面読み上げで読まれ、画像が表示できないときに代わりに出ます。例:駅前で通学路の安全点検をする様子
          </p>
          <FieldError name="altText" errors={errors} />
          <input {...controlAttrs('altText', errors, true)} type="text" value={altText} maxLength={MAX_ALT_TEXT_LENGTH} />
        </div>
        <FormActions>
          <button type="submit" class="button-primary">
            登録する
          </button>
        </FormActions>
      </form>
    </section>
  );
}

function thumbnailSrc(item: MediaListItem): string {
  const small = item.variants.find((v) => v.width === 640);
  return staffMediaPath(small ? mediaVariantPath(item.sha256, item.originalName, 640) : mediaPath(item.sha256, item.originalName));
}

function facts(item: MediaListItem): string {
  const meta = attachmentMeta({ mime: item.mime, bytes: item.bytes, pages: item.pages });
  return item.width !== null && item.height !== null ? `${meta}・${item.width}×${item.height}px` : meta;
}

function MediaItem(props: { page: AdminPageContext; item: MediaListItem; errors: FieldErrors; editedAlt: { id: number; altText: string } | undefined }) {
  const { page, item, errors } = props;
  const isImage = isImageType(item.mime);
  const altName = altFieldName(item.id);
  const altValue = props.editedAlt?.id === item.id ? props.editedAlt.altText : item.altText;
  return (
    <li class="media-item" id={`media-${item.id}`}>
      <div>
        {isImage ? (
          <img class="media-thumb" src={thumbnailSrc(item)} alt={item.altText} width={item.width ?? undefined} height={item.height ?? undefined} loading="lazy" />
        ) : (
          <span class="media-thumb-doc" aria-hidden="true">
            {formatName(item.mime)}
          </span>
        )}
      </div>
      <div>
        <h2>
          <a href={staffMediaPath(mediaPath(item.sha256, item.originalName))}>{item.originalName}</a>
        </h2>
        <p class="media-facts">
          {facts(item)}・登録 {formatJapanDateTime(item.createdAt)}
        </p>
        {isImage && <p>代替テキスト:{item.altText === '' ? '(未入力)' : item.altText}</p>}
        {item.textState && <p class="media-text-state">{TEXT_STATES[item.textState]}</p>}
        {isOfficeType(item.mime) && <OfficeHint />}
        <MediaUsers users={item.usedBy} />
        <details open={errors[altName] !== undefined}>
          <summary>代替テキストを編集</summary>
          <form method="post" action={`/admin/media/${item.id}/alt`} class="admin-form">
            <CsrfField token={page.csrfToken} />
            <div class={errors[altName] ? 'field field-invalid' : 'field'}>
              <label for={`field-${altName}`}>「{item.originalName}」の代替テキスト</label>
              <FieldError name={altName} errors={errors} />
              <input {...controlAttrs(altName, errors)} name="altText" type="text" value={altValue} maxLength={MAX_ALT_TEXT_LENGTH} />
            </div>
            <button type="submit" class="button-small">
              保存
            </button>
          </form>
        </details>
        <p>
          <a href={`/admin/media/${item.id}/delete`}>「{item.originalName}」を削除…</a>
        </p>
      </div>
    </li>
  );
}

export function MediaUsers({ users }: { users: MediaUser[] }) {
  if (users.length === 0) return <p class="media-used">使っている報告・ページはありません。</p>;
  return (
    <div class="media-used">
      <p>使っている報告・ページ({users.length}件):</p>
      <ul>
        {users.map((user) => (
          <li>
            {user.kind === 'page' ? '固定ページ ' : ''}
            <a href={`/admin/${user.kind === 'page' ? 'pages' : 'reports'}/${user.id}/edit`}>{user.title || '(無題)'}</a>({STATUS_NAMES[user.status] ?? user.status})
          </li>
        ))}
      </ul>
    </div>
  );
}
