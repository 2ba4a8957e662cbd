// The 「活動の記録」 panel of a saved report's edit page (issue 16 items 2 and 7): the record as
// plain form fields that work without JavaScript (kind, date, time spans, place, participants,
// outcomes), a few empty rows to add to, and its own form (forms do not nest: it stands after
// the editor's main form). It shows the record as stored, or the extractor's proposal with a
// notice, or after a refusal what was typed, with a message at each field.
import { isIsoDate } from '../../../domain/dates.js';
import type { ActivityRecord } from '../../../domain/activity-record/activity-record.js';
import { controlAttrs, CsrfField, ErrorSummary, FieldError, FieldFrame, TextField, type FieldErrors } from './form.js';

/** The panel's form as typed (strings only, so anything typed can be shown again). */
export interface ActivityRecordForm {
  kind: string;
  date: string;
  place: string;
  spans: { start: string; end: string; label: string }[];
  participants: { name: string; title: string; side: string; organisation: string; country: string; isLegislator: boolean }[];
  /** One per line. */
  outcomes: string;
}

/** `proposal`: made from the text now, not stored; `unconfirmed`: stored by an import; `confirmed`: saved by staff. */
export type ActivityRecordFormState = 'confirmed' | 'unconfirmed' | 'proposal';

export interface ActivityRecordPanelProps {
  reportId: number;
  csrfToken: string;
  form: ActivityRecordForm;
  state: ActivityRecordFormState;
  kinds: readonly string[];
  /** Under the panel's field names (`record-kind`, `record-participants-0-name` …). */
  errors: FieldErrors;
  /** After 「本文から提案し直す」: the notice takes the focus when the page opens. */
  isProposedAgain?: boolean;
}

/** Empty rows offered after the filled ones, to add a span or a participant without JavaScript. */
export const EMPTY_RECORD_ROWS = 2;
/** The most rows of each list a post may carry (the rest are not read). */
export const MAX_RECORD_ROWS = 60;

/** The panel's name for a field of the record (`spans.0.end` → `record-spans-0-end`). */
export function recordFieldName(key: string): string {
  return `record-${key.replaceAll('.', '-')}`;
}

const optional = (text: string | null) => text ?? '';

export function activityRecordFormOf(record: ActivityRecord): ActivityRecordForm {
  return {
    kind: record.kind,
    date: optional(record.date),
    place: optional(record.place),
    spans: record.spans.map((s) => ({ start: s.start, end: optional(s.end), label: optional(s.label) })),
    participants: record.participants.map((p) => ({
      name: p.name,
      title: optional(p.title),
      side: optional(p.side),
      organisation: optional(p.organisation),
      country: optional(p.country),
      isLegislator: p.isLegislator,
    })),
    outcomes: record.outcomes.join('\n'),
  };
}

const STATE_NOTICES: Record<ActivityRecordFormState, string | undefined> = {
  proposal: '本文からの提案です。確認して保存してください。',
  unconfirmed: '取り込み時に本文から提案した記録で、まだ確認されていません。確認して保存してください。',
  confirmed: undefined,
};

const SPAN_FIELDS = [
  ['start', '開始'],
  ['end', '終了'],
  ['label', '内容'],
] as const;
const PARTICIPANT_FIELDS = [
  ['name', '名前'],
  ['title', '肩書き・役職'],
  ['side', '側(日本側など)'],
  ['organisation', '所属・団体'],
  ['country', '国'],
] as const;

/** The fields in the order they appear, named for the error summary's links. */
function fieldLabels(spanRows: number, participantRows: number): Record<string, string> {
  const labels: Record<string, string> = { 'record-kind': '活動の種類', 'record-date': '日付' };
  for (let i = 0; i < spanRows; i++) for (const [f, label] of SPAN_FIELDS) labels[recordFieldName(`spans.${i}.${f}`)] = `時間${i + 1}の${label}`;
  labels['record-place'] = '場所';
  for (let i = 0; i < participantRows; i++) for (const [f, label] of PARTICIPANT_FIELDS) labels[recordFieldName(`participants.${i}.${f}`)] = `出席者${i + 1}の${label}`;
  labels['record-outcomes'] = '合意・決定したこと';
  return labels;
}

export function ActivityRecordPanel(props: ActivityRecordPanelProps) {
  const { form, errors } = props;
  const spans = [...form.spans, ...Array.from({ length: EMPTY_RECORD_ROWS }, () => ({ start: '', end: '', label: '' }))];
  const participants = [
    ...form.participants,
    ...Array.from({ length: EMPTY_RECORD_ROWS }, () => ({ name: '', title: '', side: '', organisation: '', country: '', isLegislator: false })),
  ];
  const notice = STATE_NOTICES[props.state];
  const kinds = props.kinds.includes(form.kind) || form.kind === '' ? props.kinds : [...props.kinds, form.kind];
  return (
    <section class="record-panel" id="record" aria-labelledby="record-title">
      <h2 id="record-title">活動の記録</h2>
      <p class="field-hint">誰と、いつ、どこで、何を決めたかを記録します。保存した記録が正となり、本文を直しても自動では変わりません。</p>
      {notice && (
        <p class="record-notice" tabindex={props.isProposedAgain ? -1 : undefined} autofocus={props.isProposedAgain || undefined}>
          {notice}
        </p>
      )}
      <ErrorSummary errors={errors} labels={fieldLabels(spans.length, participants.length)} />
      <form method="post" action={`/admin/reports/${props.reportId}/record`} class="record-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="record-state" value={props.state} />
        <FieldFrame name="record-kind" label="活動の種類" errors={errors}>
          <select {...controlAttrs('record-kind', errors)}>
            {kinds.map((kind) => (
              <option value={kind} selected={kind === form.kind}>
                {props.kinds.includes(kind) ? kind : `${kind}(今の一覧にない種類)`}
              </option>
            ))}
          </select>
        </FieldFrame>
        <TextField
          name="record-date"
          label="日付"
          type={form.date === '' || isIsoDate(form.date) ? 'date' : 'text'}
          errors={errors}
          value={form.date}
          hint="活動した日(例: 2024-06-10)。"
        />
        <fieldset class="record-rows">
          <legend>時間(日本時間)</legend>
          <p class="field-hint">例: 9:20 から 11:15。終了がわからなければ空欄に。要らない行は空欄のままにします。</p>
          {spans.map((span, i) => (
            <fieldset class="record-row">
              <legend>時間{i + 1}</legend>
              {SPAN_FIELDS.map(([f, label]) => (
                <TextField name={recordFieldName(`spans.${i}.${f}`)} label={label} errors={errors} value={span[f]} />
              ))}
            </fieldset>
          ))}
        </fieldset>
        <TextField name="record-place" label="場所" errors={errors} value={form.place} />
        <fieldset class="record-rows">
          <legend>出席者</legend>
          <p class="field-hint">名前の欄には名前だけを(肩書きは肩書きの欄へ)。要らない行は名前ほか全部を空欄にします。</p>
          {participants.map((p, i) => (
            <fieldset class="record-row">
              <legend>出席者{i + 1}</legend>
              {PARTICIPANT_FIELDS.map(([f, label]) => (
                <TextField name={recordFieldName(`participants.${i}.${f}`)} label={label} errors={errors} value={p[f]} />
              ))}
              <div class="field field-checkbox">
                <input
                  type="checkbox"
                  id={`field-record-participants-${i}-isLegislator`}
                  name={`record-participants-${i}-isLegislator`}
                  value="1"
                  checked={p.isLegislator}
                />
                <label for={`field-record-participants-${i}-isLegislator`}>議員本人</label>
              </div>
            </fieldset>
          ))}
        </fieldset>
        <div class={errors['record-outcomes'] ? 'field field-invalid' : 'field'}>
          <label for="field-record-outcomes">合意・決定したこと</label>
          <p class="field-hint" id="field-record-outcomes-hint">
            1行に1つ(例: 次回の協議を来年開くことで合意した。)。
          </p>
          <FieldError name="record-outcomes" errors={errors} />
          <textarea {...controlAttrs('record-outcomes', errors, true)} rows={4}>
            {form.outcomes}
          </textarea>
        </div>
        <div class="form-actions">
          <button type="submit" name="intent" value="save">
            記録を保存
          </button>
          <button type="submit" name="intent" value="propose">
            本文から提案し直す
          </button>
        </div>
      </form>
    </section>
  );
}
