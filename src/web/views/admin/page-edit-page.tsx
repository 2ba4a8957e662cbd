// /admin/pages/new and /admin/pages/:id/edit: the fixed page form (title, URL name, parent,
// order, summary, body), the buttons the acting user may use, and the preview. The body
// field and the preview are the report editor's (body-field.tsx, body-preview.tsx).
import type { PageStatus } from '../../../domain/page.js';
import type { ReportAction } from '../../../domain/report-workflow.js';
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import { AttachInForm } from './attach-in-form.js';
import { AutosaveOffer, AutosaveRestored, type AutosaveOfferProps } from './autosave-offer.js';
import { EDITOR_FORM_ID, EditorGrid } from './editor-grid.js';
import { controlAttrs, ErrorSummary, FieldError, TextField, type FieldErrors } from './form.js';
import { AdminLayout, type AdminPageContext } from './layout.js';
import type { ReportAttachmentsProps } from './report-attachments.js';
import { WorkflowButtons } from './workflow-buttons.js';

/** The form as typed (strings only, so anything typed can be shown again). */
export interface PageForm {
  title: string;
  slug: string;
  parentId: string;
  position: string;
  summary: string;
  bodySource: string;
  note: string;
  expectedVersion: string;
}

export const EMPTY_PAGE_FORM: PageForm = { title: '', slug: '', parentId: '', position: '0', summary: '', bodySource: '', note: '', expectedVersion: '' };

export const PAGE_FIELD_LABELS: Record<string, string> = {
  title: 'タイトル',
  slug: 'URL名',
  parentId: '親ページ',
  position: '表示順',
  summary: '概要',
  bodySource: '本文',
  children: '子ページ',
};

export interface PageEditPageProps {
  page: AdminPageContext;
  /** Absent for a new page. */
  stored?: { id: number; status: PageStatus; path: string; version: number };
  form: PageForm;
  errors: FieldErrors;
  actions: ReportAction[];
  /** Pages that may be the parent, in tree order with their depth. */
  parents: { id: number; title: string; depth: number }[];
  preview?: TrustedHtml;
  problem?: string;
  /** The attachment list and its forms, for a stored page the actor may edit. */
  attachments?: ReportAttachmentsProps;
  scriptHref: string;
  /** The form's one-time key (web/admin/submission-key.ts): a repeated post leads where the first went. */
  submissionKey?: string;
  /** The user's unsaved autosave: offered back, or just restored into the form (web/admin/autosave-slot.ts). */
  autosave?: { offer?: AutosaveOfferProps; restored?: unknown };
  /** assets/editor-draft.js, only where the form can be saved. */
  draftScriptHref?: string;
}

const STATUS_LABELS: Record<PageStatus, string> = { draft: '下書き', published: '公開中', trashed: 'ゴミ箱' };

export function PageEditPage(props: PageEditPageProps) {
  const { page, stored, form, errors } = props;
  const heading = stored ? 'ページを編集' : '新しいページ';
  const can = (a: ReportAction) => props.actions.includes(a);
  const isReadOnly = !can('edit');
  const formAction = stored ? `/admin/pages/${stored.id}/edit` : '/admin/pages/new';
  return (
    <AdminLayout
      page={page}
      title={stored ? `${heading}: ${form.title || '(無題)'}` : heading}
      scripts={props.draftScriptHref ? [props.scriptHref, props.draftScriptHref] : [props.scriptHref]}
      mainActionId={isReadOnly ? undefined : 'field-title'}
      mainActionLabel="入力欄へ移動"
    >
      <p class="admin-back">
        <a href="/admin/pages">固定ページの一覧へ</a>
      </p>
      <h1 id="page-title">{heading}</h1>
      {stored && (
        <p class="status-box">
          状態: {STATUS_LABELS[stored.status]}
          {stored.status === 'published' && (
            <>
              {' '}
              <a href={stored.path}>公開ページを見る</a>
            </>
          )}{' '}
          <a href={`/admin/pages/${stored.id}/history`}>変更履歴</a>
          {can('delete') && (
            <>
              {' '}
              <a href={`/admin/pages/${stored.id}/delete`}>このページを完全に削除する(確認画面へ)</a>
            </>
          )}
        </p>
      )}
      {props.problem && (
        <div class="error-summary" role="alert" tabindex={-1} autofocus>
          <p>{props.problem}</p>
        </div>
      )}
      {props.autosave?.offer && <AutosaveOffer {...props.autosave.offer} />}
      {props.autosave?.restored && <AutosaveRestored />}
      <ErrorSummary errors={errors} labels={PAGE_FIELD_LABELS} isFocused={!props.problem} />
      <EditorGrid
        action={formAction}
        csrfToken={page.csrfToken}
        expectedVersion={form.expectedVersion}
        submissionKey={props.submissionKey}
        fields={<PageFields {...props} isReadOnly={isReadOnly} />}
        bodySource={form.bodySource}
        errors={errors}
        isReadOnly={isReadOnly}
        attachments={props.attachments}
        preview={props.preview}
        itemRef={stored ? `page:${stored.id}` : undefined}
        isPreviewFocused={!props.problem && Object.keys(errors).length === 0}
        actions={
          <>
            {!isReadOnly && (
              <div class="field">
                <label for="field-note">変更のメモ(任意)</label>
                <input id="field-note" name="note" type="text" value={form.note} maxLength={200} form={EDITOR_FORM_ID} />
              </div>
            )}
            <FieldError name="children" errors={errors} />
            <WorkflowButtons
              actions={props.actions}
              isPublished={stored?.status === 'published'}
              isNew={!stored}
              previewAction={`${formAction}#preview`}
              form={EDITOR_FORM_ID}
            />
            {!isReadOnly && <AttachInForm action={`${formAction}/attach`} isNew={!stored} isPublished={stored?.status === 'published'} form={EDITOR_FORM_ID} />}
          </>
        }
      />
    </AdminLayout>
  );
}

function PageFields(props: PageEditPageProps & { isReadOnly: boolean }) {
  const { form, errors, isReadOnly } = props;
  return (
    <>
      <TextField name="title" label="タイトル" errors={errors} value={form.title} isRequired maxLength={200} />
      <TextField
        name="slug"
        label="URL名"
        errors={errors}
        value={form.slug}
        maxLength={80}
        hint="ページのURLになります(例: seisaku → /seisaku/)。日本語も使えます。空欄にするとタイトルから付けます。"
      />
      <div class={errors.parentId ? 'field field-invalid' : 'field'}>
        <label for="field-parentId">親ページ</label>
        <FieldError name="parentId" errors={errors} />
        <select {...controlAttrs('parentId', errors)} disabled={isReadOnly}>
          <option value="">(なし: 最上位のページ)</option>
          {props.parents.map((p) => (
            <option value={String(p.id)} selected={form.parentId === String(p.id)}>
              {`${'- '.repeat(p.depth)}${p.title}`}
            </option>
          ))}
        </select>
      </div>
      <TextField name="position" label="表示順" errors={errors} value={form.position} hint="同じ親の中で小さい数ほど先に表示します(0〜9999)。" />
      <div class={errors.summary ? 'field field-invalid' : 'field'}>
        <label for="field-summary">概要</label>
        <FieldError name="summary" errors={errors} />
        <textarea {...controlAttrs('summary', errors)} rows={3} class="summary-input" readOnly={isReadOnly}>
          {form.summary}
        </textarea>
      </div>
    </>
  );
}
