// The attachments part of a report's or page's edit page: what it lists under 添付資料, with forms
// to change a label or summary, detach, move up or down, attach from the library and upload
// a new file. Each is its own small form (uploads as multipart), so none needs JavaScript.
import { attachmentMeta } from '../../../domain/attachment.js';
import { mediaPath, mediaVariantPath, staffMediaPath } from '../../../domain/media-path.js';
import { isOfficeType, UPLOAD_ACCEPT } from '../../../domain/media-rules.js';
import { OfficeHint } from './office-hint.js';
import type { Attachment } from '../../../domain/report.js';
import { controlAttrs, CsrfField, ErrorSummary, FieldError, TextField, type FieldErrors } from './form.js';

export interface LibraryItem {
  id: number;
  originalName: string;
  mime: string;
  bytes: number;
  pages: number | null;
}

export interface AttachmentForm {
  mediaId: string;
  label: string;
  summary: string;
  altText: string;
}

export interface ReportAttachmentsProps {
  /** Where the forms post: `/admin/reports/<id>/attachments` or `/admin/pages/<id>/attachments`. */
  basePath: string;
  csrfToken: string;
  attachments: Attachment[];
  /** Recent media to choose from (not yet attached). */
  library: LibraryItem[];
  /** Errors of the attach (`attach.*`), upload (`upload.*`) or an item's form (`item.<mediaId>.*`, `order`). */
  errors: FieldErrors;
  /** What was typed in the form that failed. */
  attachForm?: AttachmentForm;
  uploadForm?: AttachmentForm;
  /** 「20MB」. */
  maxUploadSize: string;
  /** By media id: the alt texts other reports and pages gave the same file, offered (never copied) for this use. */
  altSuggestions?: Map<number, AltSuggestion[]>;
}

/** Another use's alt text: where it was used (a report's or page's title) and the words. */
export interface AltSuggestion {
  title: string;
  altText: string;
}

const ATTACH_LABELS = { 'attach.mediaId': 'ファイル', 'attach.label': 'ラベル', 'attach.summary': '説明' };
const UPLOAD_LABELS = { 'upload.file': 'ファイル', 'upload.altText': '代替テキスト', 'upload.label': 'ラベル', 'upload.summary': '説明' };

function pick(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith(prefix)));
}

export function ReportAttachments(props: ReportAttachmentsProps) {
  const { basePath: base, csrfToken, attachments, errors } = props;
  return (
    <section class="report-attachments" id="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">添付資料</h2>
      <p class="admin-hint">
        添付資料は公開ページの本文の下に一覧で表示されます。本文から参照するときは <code>[ラベル](media:ファイル名)</code>{' '}
        と書きます。添付資料の変更はすぐに保存されます(本文を編集中のときは、先に本文を保存してください)。
      </p>
      {errors.order && (
        <div class="error-summary" role="alert">
          <p>{errors.order}</p>
        </div>
      )}
      {attachments.length === 0 ? (
        <p>添付資料はまだありません。</p>
      ) : (
        <ol class="attachment-list">
          {attachments.map((a, i) => (
            <AttachmentItem
              attachment={a}
              base={base}
              csrfToken={csrfToken}
              errors={pick(errors, `item.${a.mediaId}.`)}
              suggestions={props.altSuggestions?.get(a.mediaId) ?? []}
              isFirst={i === 0}
              isLast={i === attachments.length - 1}
            />
          ))}
        </ol>
      )}

      {props.library.length > 0 && (
        <section aria-labelledby="attach-title">
          <h3 id="attach-title">登録済みのファイルから添付</h3>
          <ErrorSummary errors={pick(errors, 'attach.')} labels={ATTACH_LABELS} />
          <form method="post" action={base} class="admin-form" novalidate>
            <CsrfField token={csrfToken} />
            <div class={errors['attach.mediaId'] ? 'field field-invalid' : 'field'}>
              <label for="field-attach.mediaId">ファイル(新しい順)</label>
              <FieldError name="attach.mediaId" errors={errors} />
              <select {...controlAttrs('attach.mediaId', errors)}>
                {props.library.map((m) => (
                  <option value={String(m.id)} selected={props.attachForm?.mediaId === String(m.id)}>
                    {`${m.originalName}(${attachmentMeta(m)})`}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              name="attach.label"
              label="ラベル"
              errors={errors}
              value={props.attachForm?.label ?? ''}
              hint="リンクの文字(例: ファクトシート)。空欄ならファイル名。"
            />
            <TextField
              name="attach.summary"
              label="説明(任意)"
              errors={errors}
              value={props.attachForm?.summary ?? ''}
              hint="リンクの横に表示する短い説明(200文字まで)。"
            />
            <button type="submit">添付する</button>
          </form>
        </section>
      )}

      <section aria-labelledby="upload-title">
        <h3 id="upload-title">新しいファイルをアップロードして添付</h3>
        <ErrorSummary errors={pick(errors, 'upload.')} labels={UPLOAD_LABELS} />
        <form method="post" action={`${base}/upload`} enctype="multipart/form-data" class="admin-form" novalidate>
          <CsrfField token={csrfToken} />
          <div class={errors['upload.file'] ? 'field field-invalid' : 'field'}>
            <label for="field-upload.file">ファイル</label>
            <p class="field-hint" id="field-upload.file-hint">
              PDF、JPEG、PNG、WebP、Word、Excel、PowerPoint({props.maxUploadSize}まで)。
            </p>
            <FieldError name="upload.file" errors={errors} />
            <input {...controlAttrs('upload.file', errors, true)} type="file" accept={UPLOAD_ACCEPT} />
          </div>
          <TextField
            name="upload.altText"
            label="代替テキスト(画像は必須)"
            errors={errors}
            value={props.uploadForm?.altText ?? ''}
            hint="画像の内容を短く説明する文(例: 委員会で質問する様子)。画面を読み上げて使う人に伝わります。"
          />
          <TextField name="upload.label" label="ラベル" errors={errors} value={props.uploadForm?.label ?? ''} hint="リンクの文字。空欄ならファイル名。" />
          <TextField name="upload.summary" label="説明(任意)" errors={errors} value={props.uploadForm?.summary ?? ''} />
          <button type="submit">アップロードして添付</button>
        </form>
      </section>
    </section>
  );
}

function AttachmentItem(props: {
  attachment: Attachment;
  base: string;
  csrfToken: string;
  errors: FieldErrors;
  suggestions: AltSuggestion[];
  isFirst: boolean;
  isLast: boolean;
}) {
  const { attachment: a, base, csrfToken, errors } = props;
  const itemBase = `${base}/${a.mediaId}`;
  const prefix = `item.${a.mediaId}.`;
  return (
    <li class="attachment-item">
      <p class="attachment-name">
        <strong>{a.label}</strong>({attachmentMeta(a)})
        <a class="attachment-file" href={staffMediaPath(mediaPath(a.sha256, a.fileName))}>
          {a.fileName}
        </a>
      </p>
      {isPhoto(a) ? (
        <PhotoUse attachment={a} />
      ) : (
        <p class="attachment-ref">
          本文での参照: <code>{`[${a.label}](media:${a.fileName})`}</code>
        </p>
      )}
      {isOfficeType(a.mime) && <OfficeHint />}
      <form method="post" action={itemBase} class="admin-inline-form attachment-texts" novalidate>
        <CsrfField token={csrfToken} />
        <TextField name={`${prefix}label`} label="ラベル" errors={errors} value={a.label} />
        <TextField name={`${prefix}summary`} label="説明" errors={errors} value={a.summary} />
        {isPhoto(a) && (
          <TextField
            name={`${prefix}altText`}
            label="代替テキスト(この報告・ページでの写真の説明)"
            errors={errors}
            value={a.useAltText ?? ''}
            hint={a.useAltText ? undefined : a.altText ? `未入力のあいだは、ファイルの既定の説明「${a.altText}」が使われます。` : '写真の内容を短く書いてください。'}
          />
        )}
        <button type="submit" class="button-small">
          {isPhoto(a) ? 'ラベル・説明・代替テキストを保存' : 'ラベルと説明を保存'}
        </button>
      </form>
      {isPhoto(a) && !a.useAltText && <AltSuggestions attachment={a} itemBase={itemBase} csrfToken={csrfToken} suggestions={props.suggestions} />}
      <div class="admin-inline-form">
        {!props.isFirst && (
          <form method="post" action={`${itemBase}/move`}>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="direction" value="up" />
            <button type="submit" class="button-small" aria-label={`「${a.label}」を上へ移動`}>
              上へ
            </button>
          </form>
        )}
        {!props.isLast && (
          <form method="post" action={`${itemBase}/move`}>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="direction" value="down" />
            <button type="submit" class="button-small" aria-label={`「${a.label}」を下へ移動`}>
              下へ
            </button>
          </form>
        )}
        <form method="post" action={`${itemBase}/detach`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="button-small" aria-label={`「${a.label}」を添付から外す`}>
            添付から外す
          </button>
        </form>
      </div>
    </li>
  );
}

/**
 * The alt texts the same file has in other reports or pages, each taken with one button (a
 * form post of this item's texts with that alt text), so none is copied without the editor choosing it.
 */
function AltSuggestions(props: { attachment: Attachment; itemBase: string; csrfToken: string; suggestions: AltSuggestion[] }) {
  const { attachment: a, suggestions } = props;
  const distinct = suggestions.filter((s, i) => suggestions.findIndex((t) => t.altText === s.altText) === i);
  if (distinct.length === 0) return null;
  const prefix = `item.${a.mediaId}.`;
  return (
    <div class="alt-suggestions">
      <p>同じファイルは、ほかの報告・ページで次の説明が付いています。この報告に合うものがあれば選べます:</p>
      <ul>
        {distinct.map((s) => (
          <li>
            <form method="post" action={props.itemBase} class="admin-inline-form">
              <CsrfField token={props.csrfToken} />
              <input type="hidden" name={`${prefix}label`} value={a.label} />
              <input type="hidden" name={`${prefix}summary`} value={a.summary} />
              <input type="hidden" name={`${prefix}altText`} value={s.altText} />「{s.altText}」
              <button type="submit" class="button-small">
                {`「${s.title}」で使った説明を使う`}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}

function isPhoto(a: Attachment): boolean {
  return a.mime.startsWith('image/') && a.width !== null && a.height !== null;
}

/**
 * The photo line for the body: the ref is the media record's id (a file name may hold spaces
 * or quotes); the description is prefilled from the file's default alt text, and the editor
 * selects it after inserting so that each report's use gets its own words.
 */
export function photoLine(a: Pick<Attachment, 'mediaId' | 'altText' | 'label'>): string {
  const description = (a.altText || a.label).replace(/[\]\r\n]+/g, ' ').trim();
  return `![${description}](media:${a.mediaId})`;
}

/** A thumbnail (the smallest WebP copy), 「本文に挿入」 (admin-editor.js shows it) and the line to copy without it. */
function PhotoUse({ attachment: a }: { attachment: Attachment }) {
  const smallest = a.variants[0];
  const src = staffMediaPath(smallest ? mediaVariantPath(a.sha256, a.fileName, smallest.width) : mediaPath(a.sha256, a.fileName));
  const [width, height] = smallest ? [smallest.width, smallest.height] : [a.width ?? 0, a.height ?? 0];
  const line = photoLine(a);
  return (
    <div class="attachment-photo">
      <img class="attachment-thumb" src={src} alt="" width={width} height={height} loading="lazy" decoding="async" />
      <div>
        <p class="attachment-ref">
          本文に写真として入れる行(コピーして本文の1行に貼り付けます。[ ]の中は、この報告での写真の説明です): <code>{line}</code>
        </p>
        <button type="button" class="button-small insert-photo" data-insert-line={line} hidden>
          本文に挿入<span class="visually-hidden">({a.label})</span>
        </button>
      </div>
    </div>
  );
}
