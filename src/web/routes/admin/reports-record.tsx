// /admin/reports/:id/record: the edit page's 「活動の記録」 panel posts here (issue 16 items 2
// and 7). 「記録を保存」 saves the record as typed (actions/records/save-activity-record.ts),
// then 303 to the edit page; a refusal shows the edit page again with the typed record and a
// message at each field. 「本文から提案し直す」 shows the extractor's proposal from the stored
// text in the panel, written only when saved. Who may post is who may edit the report.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { readActivityKinds, readActivityRecord, reproposeActivityRecord } from '../../../actions/records/read-activity-record.js';
import { confirmActivityRecord, type ActivityRecordInput } from '../../../actions/records/save-activity-record.js';
import type { EditableReport } from '../../../domain/editable-report.js';
import type { FieldMessages } from '../../../domain/errors.js';
import { formField } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import {
  activityRecordFormOf,
  MAX_RECORD_ROWS,
  recordFieldName,
  type ActivityRecordForm,
  type ActivityRecordFormState,
  type ActivityRecordPanelProps,
} from '../../views/admin/activity-record-panel.js';
import { FORM_BODY_LIMIT } from './form-limits.js';
import { readViewableReport } from '../../../actions/reports/read-viewable-report.js';
import { assertAllowed, reportIdOf, sendEditPage, sendRefusal } from './reports-shared.js';

const WRITER_FORM = { config: { access: 'writer' }, bodyLimit: FORM_BODY_LIMIT } as const;
const STATES: readonly ActivityRecordFormState[] = ['confirmed', 'unconfirmed', 'proposal'];

/** The rows of a list the post carries: indexes up to the last one that has any field. */
function rowsOf<T>(request: FastifyRequest, list: string, read: (field: (name: string) => string) => T): T[] {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const prefix = `record-${list}-`;
  let count = 0;
  for (const name of Object.keys(body)) {
    const index = name.startsWith(prefix) ? Number.parseInt(name.slice(prefix.length), 10) : NaN;
    if (index >= 0 && index < MAX_RECORD_ROWS) count = Math.max(count, index + 1);
  }
  return Array.from({ length: count }, (_, i) => read((field) => formField(request, `${prefix}${i}-${field}`)));
}

function recordFormFromRequest(request: FastifyRequest): ActivityRecordForm {
  return {
    kind: formField(request, 'record-kind'),
    date: formField(request, 'record-date'),
    place: formField(request, 'record-place'),
    spans: rowsOf(request, 'spans', (f) => ({ start: f('start'), end: f('end'), label: f('label') })),
    participants: rowsOf(request, 'participants', (f) => ({
      name: f('name'),
      title: f('title'),
      side: f('side'),
      organisation: f('organisation'),
      country: f('country'),
      isLegislator: f('isLegislator') !== '',
    })),
    outcomes: formField(request, 'record-outcomes'),
  };
}

const isBlank = (values: string[]) => values.every((v) => v.trim() === '');
const orNull = (text: string) => (text.trim() === '' ? null : text);

/**
 * The record the action checks, without the empty rows (the panel's spare ones), and where
 * each row it keeps stood in the form, so that a message goes back to the row typed.
 */
function inputOf(form: ActivityRecordForm): { input: ActivityRecordInput; spanRows: number[]; participantRows: number[] } {
  const spanRows = form.spans.flatMap((s, i) => (isBlank([s.start, s.end, s.label]) ? [] : [i]));
  const participantRows = form.participants.flatMap((p, i) => (isBlank([p.name, p.title, p.side, p.organisation, p.country]) && !p.isLegislator ? [] : [i]));
  const input: ActivityRecordInput = {
    kind: form.kind,
    date: orNull(form.date),
    place: orNull(form.place),
    spans: spanRows.map((i) => form.spans[i]!).map((s) => ({ start: s.start, end: orNull(s.end), label: orNull(s.label) })),
    participants: participantRows
      .map((i) => form.participants[i]!)
      .map((p) => ({ ...p, title: orNull(p.title), side: orNull(p.side), organisation: orNull(p.organisation), country: orNull(p.country) })),
    outcomes: form.outcomes.split(/\r?\n/),
  };
  return { input, spanRows, participantRows };
}

/** The action's field messages under the panel's field names, at the rows as typed. */
function panelErrors(fields: FieldMessages, spanRows: number[], participantRows: number[]): FieldMessages {
  const errors: FieldMessages = {};
  for (const [key, message] of Object.entries(fields)) {
    const [list, index, field] = key.split('.');
    const rows = list === 'spans' ? spanRows : list === 'participants' ? participantRows : undefined;
    const name = list === 'outcomes' ? 'record-outcomes' : rows ? recordFieldName(`${list}.${rows[Number(index)] ?? index}.${field}`) : recordFieldName(key);
    errors[name] ??= message;
  }
  return errors;
}

/** The panel as a refused save or a new proposal left it, instead of the record as stored. */
export interface RecordPanelShown {
  form: ActivityRecordForm;
  state: ActivityRecordFormState;
  errors?: FieldMessages;
  /** After 「本文から提案し直す」: the notice takes the focus. */
  isProposedAgain?: boolean;
}

/** The panel's props for the edit page: `shown`, or the stored record (or the proposal when none is stored). */
export async function loadRecordPanel(deps: WebDeps, report: EditableReport, csrfToken: string, shown?: RecordPanelShown): Promise<ActivityRecordPanelProps> {
  const base = { reportId: report.id, csrfToken };
  if (shown) return { ...base, ...shown, errors: shown.errors ?? {}, kinds: await readActivityKinds(deps.ctx) };
  const view = await readActivityRecord(deps.ctx, report);
  return { ...base, form: activityRecordFormOf(view.record), state: view.state, kinds: view.kinds, errors: {} };
}

export const reportRecordRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  app.post<{ Params: { id: string } }>('/reports/:id/record', WRITER_FORM, async (request, reply) => {
    const id = reportIdOf(request.params.id);
    const actor = request.admin!.actor;
    let report;
    try {
      report = await readViewableReport(deps.ctx, actor, id);
      assertAllowed(actor, 'edit', report);
    } catch (error) {
      return sendRefusal(deps, request, reply, error, id);
    }
    if (formField(request, 'intent') === 'propose') {
      const view = await reproposeActivityRecord(deps.ctx, report);
      return sendEditPage(deps, request, reply, { report, record: { form: activityRecordFormOf(view.record), state: 'proposal', isProposedAgain: true } });
    }
    const form = recordFormFromRequest(request);
    const { input, spanRows, participantRows } = inputOf(form);
    try {
      await confirmActivityRecord(deps.ctx, actor, id, input);
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) return sendRefusal(deps, request, reply, error, id);
      const shown = STATES.find((s) => s === formField(request, 'record-state')) ?? 'confirmed';
      const errors = panelErrors(refused.fields, spanRows, participantRows);
      return sendEditPage(deps, request, reply, { report, record: { form, state: shown, errors }, status: refused.status });
    }
    return reply.redirect(`${withNotice(`/admin/reports/${id}/edit`, 'record-saved')}#record`, 303);
  });
};
