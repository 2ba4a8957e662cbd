// /admin/reports/new and /admin/reports/:id/edit: the report form, the buttons the
// acting user may use (domain/report-workflow.ts allowedActions), the preview, and on a
// refused save the difference between the stored version and the user's text.
import { isIsoDate } from '../../../domain/dates.js';
import { paths } from '../../../domain/paths.js';
import type { Category, ReportStatus } from '../../../domain/report.js';
import type { ReportDiff } from '../../../domain/report-diff.js';
import { parsePublishAt, type ReportAction } from '../../../domain/report-workflow.js';
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import { ActivityRecordPanel, type ActivityRecordPanelProps } from './activity-record-panel.js';
import { AttachInForm } from './attach-in-form.js';
import { AutosaveOffer, AutosaveRestored, type AutosaveOfferProps } from './autosave-offer.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import { EDITOR_FORM_ID, EditorGrid } from './editor-grid.js';
import { controlAttrs, ErrorSummary, FieldError, TextField, type FieldErrors } from './form.js';
import { AdminLayout, type AdminPageContext } from './layout.js';
import type { ReportAttachmentsProps } from './report-attachments.js';
import { ReportDiffView } from './report-diff-view.js';
import { StatusBadge } from './report-status.js';
import { WorkflowButtons } from './workflow-buttons.js';

/** The form as typed (strings only, so anything typed can be shown again). */
export interface ReportForm {
  title: string;
  activityDate: string;
  categoryId: string;
  tags: string;
  slug: string;
  summary: string;
  bodySource: string;
  note: string;
  /** datetime-local, Japan time. */
  scheduledAt: string;
  /** The version the form was loaded at ('' for a new report). */
  expectedVersion: string;
}

export const EMPTY_REPORT_FORM: ReportForm = {
  title: '',
  activityDate: '',
  categoryId: '',
  tags: '',
  slug: '',
  summary: '',
  bodySource: '',
  note: '',
  scheduledAt: '',
  expectedVersion: '',
};

/** What the page shows about a stored report besides the form. */
export interface ReportInfo {
  id: number;
  slug: string;
  status: ReportStatus;
  submittedAt: string | null;
  scheduledAt: string | null;
  publishedAt: string | null;
  authorName: string | null;
  version: number;
  updatedAt: string;
}

export interface ReportConflict {
  diff: ReportDiff;
  /** The stored version's number, now in the form's expectedVersion. */
  currentVersion: number;
  /** Who saved first, named (actions/items/find-conflict-cause.ts): one's own other tab or another person. */
  heading: string;
  /** What to do, naming the save button this report really has. */
  advice: string;
}

export interface ReportEditPageProps {
  page: AdminPageContext;
  /** Absent for a new report. */
  report?: ReportInfo;
  form: ReportForm;
  errors: FieldErrors;
  /** What the actor may do now (for a new report: what they may do to a fresh draft). */
  actions: ReportAction[];
  categories: Category[];
  /** The rendered body, after the プレビュー button. */
  preview?: TrustedHtml;
  conflict?: ReportConflict;
  /** A refusal to show above the form (the status changed meanwhile …). */
  problem?: string;
  /** Why the form cannot be saved (a writer's submitted draft, the trash). */
  readOnlyReason?: string;
  attachments?: ReportAttachmentsProps;
  scriptHref: string;
  /** admin-record.js, when the page shows the activity record panel. */
  recordScriptHref?: string;
  /** The form's one-time key (web/admin/submission-key.ts): a repeated post leads where the first went. */
  submissionKey?: string;
  /** The user's unsaved autosave: offered back, or just restored into the form (web/admin/autosave-slot.ts). */
  autosave?: { offer?: AutosaveOfferProps; restored?: unknown };
  /** assets/editor-draft.js: autosave and the warning before leaving; only where the form can be saved. */
  draftScriptHref?: string;
  /** The 「活動の記録」 panel, for a stored report the actor may edit. */
  record?: ActivityRecordPanelProps;
}

export const REPORT_FIELD_LABELS: Record<string, string> = {
  title: 'タイトル',
  activityDate: '活動日',
  categoryId: 'カテゴリー',
  tags: 'タグ',
  slug: 'URL名',
  summary: '概要',
  bodySource: '本文',
  scheduledAt: '公開予約の日時',
};

export function ReportEditPage(props: ReportEditPageProps) {
  const { page, report, form, errors } = props;
  const title = report ? `報告を編集: ${form.title || '(無題)'}` : '新しい報告';
  const isReadOnly = props.readOnlyReason !== undefined;
  const action = report ? `/admin/reports/${report.id}/edit` : '/admin/reports/new';
  // What takes the focus when the page opens (autofocus, also without JavaScript): the first refusal shown.
  const isRecordFocused = props.record !== undefined && (Object.keys(props.record.errors).length > 0 || props.record.isProposedAgain === true);
  const focus = props.problem ? 'problem' : props.conflict ? 'conflict' : Object.keys(errors).length > 0 ? 'errors' : isRecordFocused ? 'record' : 'preview';
  return (
    <AdminLayout
      page={page}
      title={title}
      scripts={[props.scriptHref, props.draftScriptHref, props.record ? props.recordScriptHref : undefined].filter((src): src is string => src !== undefined)}
      mainActionId={isReadOnly ? undefined : 'field-title'}
      mainActionLabel="入力欄へ移動"
    >
      <p class="admin-back">
        <a href="/admin/reports">活動報告の一覧へ</a>
      </p>
      <h1 id="page-title">{report ? '報告を編集' : '新しい報告'}</h1>
      {report && <StatusBox report={report} canDelete={props.actions.includes('delete')} />}
      {props.problem && (
        <div class="error-summary" role="alert" tabindex={-1} autofocus>
          <p>{props.problem}</p>
        </div>
      )}
      {props.autosave?.offer && <AutosaveOffer {...props.autosave.offer} />}
      {props.autosave?.restored && <AutosaveRestored />}
      {props.conflict && <ConflictNotice conflict={props.conflict} isFocused={focus === 'conflict'} />}
      <ErrorSummary errors={errors} labels={REPORT_FIELD_LABELS} isFocused={focus === 'errors'} />
      {props.readOnlyReason && <p class="admin-notice-muted">{props.readOnlyReason}</p>}
      <EditorGrid
        action={action}
        csrfToken={page.csrfToken}
        expectedVersion={form.expectedVersion}
        submissionKey={props.submissionKey}
        fields={<ReportFields {...props} isReadOnly={isReadOnly} />}
        bodySource={form.bodySource}
        errors={errors}
        isReadOnly={isReadOnly}
        attachments={props.attachments}
        preview={props.preview}
        itemRef={report ? `report:${report.id}` : undefined}
        isPreviewFocused={focus === 'preview'}
        after={props.record && <ActivityRecordPanel {...props.record} />}
        actions={
          <>
            {!isReadOnly && <NoteField form={form} />}
            <ActionButtons actions={props.actions} isNew={!report} form={form} errors={errors} report={report} previewAction={`${action}#preview`} />
            {!isReadOnly && <AttachInForm action={`${action}/attach`} isNew={!report} isPublished={report?.status === 'published'} form={EDITOR_FORM_ID} />}
          </>
        }
      />
    </AdminLayout>
  );
}

function StatusBox({ report, canDelete }: { report: ReportInfo; canDelete: boolean }) {
  return (
    <dl class="report-status-box" aria-label="報告の状態">
      <dt>状態</dt>
      <dd>
        <StatusBadge report={report} />
        {report.status === 'scheduled' && report.scheduledAt && <span class="scheduled-at"> {formatJapanDateTime(report.scheduledAt)}(日本時間)に公開予定</span>}
      </dd>
      <dt>版</dt>
      <dd>
        {report.version}(最終更新 {formatJapanDateTime(report.updatedAt)})<a href={`/admin/reports/${report.id}/history`}>変更履歴を見る</a>
      </dd>
      <dt>作成者</dt>
      <dd>{report.authorName ?? '—'}</dd>
      {report.status === 'published' && (
        <>
          <dt>公開ページ</dt>
          <dd>
            <a href={paths.report(report.slug)}>{paths.report(report.slug)}</a>
          </dd>
        </>
      )}
      {canDelete && (
        <>
          <dt>完全に削除</dt>
          <dd>
            <a href={`/admin/reports/${report.id}/delete`}>この報告を完全に削除する(確認画面へ)</a>
          </dd>
        </>
      )}
    </dl>
  );
}

function ConflictNotice({ conflict, isFocused }: { conflict: ReportConflict; isFocused: boolean }) {
  return (
    <section class="conflict" aria-labelledby="conflict-title" tabindex={-1} autofocus={isFocused || undefined}>
      <h2 id="conflict-title">{conflict.heading}</h2>
      <p>このページを開いたあとに、この報告が保存されました(現在は版{conflict.currentVersion})。</p>
      <p>{conflict.advice}</p>
      <ReportDiffView diff={conflict.diff} beforeLabel="保存されている版" afterLabel="あなたの入力" />
    </section>
  );
}

/**
 * A date control cannot hold a day that does not exist (2024-02-30, typed where the
 * browser offers a text box): such a value is shown in a text field, so it is kept as typed.
 */
function dateFieldType(value: string): 'date' | 'text' {
  return value === '' || isIsoDate(value) ? 'date' : 'text';
}

function dateTimeFieldType(value: string): 'datetime-local' | 'text' {
  return value === '' || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) && parsePublishAt(value) !== undefined) ? 'datetime-local' : 'text';
}

function ReportFields(props: ReportEditPageProps & { isReadOnly: boolean }) {
  const { form, errors, isReadOnly } = props;
  const ro = isReadOnly || undefined;
  return (
    <>
      <TextField name="title" label="タイトル" errors={errors} value={form.title} isRequired maxLength={500} />
      <TextField
        name="activityDate"
        label="活動日"
        type={dateFieldType(form.activityDate)}
        errors={errors}
        value={form.activityDate}
        isRequired
        hint="活動を行った日(例: 2024-05-01)。"
      />
      <div class={errors.categoryId ? 'field field-invalid' : 'field'}>
        <label for="field-categoryId">カテゴリー</label>
        <FieldError name="categoryId" errors={errors} />
        <select {...controlAttrs('categoryId', errors)} disabled={ro}>
          <option value="">なし</option>
          {props.categories.map((c) => (
            <option value={String(c.id)} selected={form.categoryId === String(c.id)}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <TextField name="tags" label="タグ" errors={errors} value={form.tags} hint="複数のときは「、」「,」または空白で区切ります(例: 外交、経済)。" />
      <TextField
        name="slug"
        label="URL名"
        errors={errors}
        value={form.slug}
        hint="公開ページのアドレス /activity/URL名/ になります。半角の英小文字・数字・「-」。空欄なら活動日から自動で付けます(例: 2024-05-01)。"
      />
      <div class={errors.summary ? 'field field-invalid' : 'field'}>
        <label for="field-summary">概要</label>
        <p class="field-hint" id="field-summary-hint">
          一覧や検索結果、SNSで表示される短い説明(400文字まで、任意)。
        </p>
        <FieldError name="summary" errors={errors} />
        <textarea {...controlAttrs('summary', errors, true)} rows={3} class="summary-input" readOnly={ro}>
          {form.summary}
        </textarea>
      </div>
    </>
  );
}

function NoteField({ form }: { form: ReportForm }) {
  return (
    <div class="field">
      <label for="field-note">変更のメモ(任意)</label>
      <p class="field-hint" id="field-note-hint">
        変更履歴に残す短いメモ(例: 誤字を修正)。
      </p>
      <input id="field-note" name="note" type="text" value={form.note} maxLength={200} aria-describedby="field-note-hint" form={EDITOR_FORM_ID} />
    </div>
  );
}

function ActionButtons({
  actions,
  isNew,
  form,
  errors,
  report,
  previewAction,
}: {
  actions: ReportAction[];
  isNew: boolean;
  form: ReportForm;
  errors: FieldErrors;
  report?: ReportInfo;
  previewAction: string;
}) {
  const can = (a: ReportAction) => actions.includes(a);
  const isPublished = report?.status === 'published';
  return (
    <>
      <WorkflowButtons actions={actions} isPublished={isPublished} isNew={isNew} previewAction={previewAction} form={EDITOR_FORM_ID} />
      {isPublished && can('edit') && <p class="admin-hint">公開中の報告です。保存すると公開ページにすぐ反映されます。</p>}
      {can('schedule') && (
        <fieldset class="schedule-box">
          <legend>予約公開</legend>
          <TextField
            name="scheduledAt"
            label="公開する日時(日本時間)"
            type={dateTimeFieldType(form.scheduledAt)}
            errors={errors}
            value={form.scheduledAt}
            hint="この日時になると自動で公開されます。"
            form={EDITOR_FORM_ID}
          />
          <button type="submit" name="intent" value="schedule" form={EDITOR_FORM_ID}>
            予約公開
          </button>
        </fieldset>
      )}
    </>
  );
}
