import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForbiddenError, ReportStateError } from '../../src/domain/errors.js';
import {
  allowedActions,
  assertCanCreate,
  assertCanDo,
  canCreateReport,
  parsePublishAt,
  REPORT_ACTIONS,
  statusLabel,
  workflowRefusal,
  type ReportAction,
  type WorkflowState,
} from '../../src/domain/report-workflow.js';
import type { Actor } from '../../src/domain/user.js';

const owner: Actor = { userId: 1, role: 'owner', login: 'owner' };
const editor: Actor = { userId: 2, role: 'editor', login: 'editor' };
const writer: Actor = { userId: 3, role: 'writer', login: 'writer' };

type StateName = 'draft' | 'review' | 'scheduled' | 'published' | 'trashed';
const STATES: Record<StateName, Omit<WorkflowState, 'authorId'>> = {
  draft: { status: 'draft', submittedAt: null },
  review: { status: 'draft', submittedAt: '2026-11-20T00:00:00.000Z' },
  scheduled: { status: 'scheduled', submittedAt: null },
  published: { status: 'published', submittedAt: null },
  trashed: { status: 'trashed', submittedAt: null },
};

// The whole table written out, so a change to the rules shows here as a changed line.
// Editors and the owner, on any report (their own or another's):
const EDITOR_ALLOWED: Record<StateName, ReportAction[]> = {
  draft: ['edit', 'submit', 'publish', 'schedule', 'trash'],
  review: ['edit', 'withdraw', 'publish', 'schedule', 'trash'],
  scheduled: ['edit', 'publish', 'schedule', 'unpublish', 'trash'],
  published: ['edit', 'unpublish', 'trash'],
  trashed: ['restore'],
};
const OWNER_ALLOWED: Record<StateName, ReportAction[]> = { ...EDITOR_ALLOWED, trashed: ['restore', 'delete'] };
// Writers, on their own reports only:
const WRITER_OWN_ALLOWED: Record<StateName, ReportAction[]> = {
  draft: ['edit', 'submit'],
  review: ['edit', 'withdraw'],
  scheduled: [],
  published: [],
  trashed: [],
};

for (const [actor, table, whose] of [
  [owner, OWNER_ALLOWED, 'any'],
  [editor, EDITOR_ALLOWED, 'any'],
  [writer, WRITER_OWN_ALLOWED, 'own'],
] as const) {
  for (const stateName of Object.keys(STATES) as StateName[]) {
    test(`lets a ${actor.role} do exactly ${table[stateName].join(', ') || 'nothing'} to a ${stateName} report (${whose})`, () => {
      for (const authorId of [actor.userId, 99]) {
        const state = { ...STATES[stateName], authorId };
        const expected = actor.role === 'writer' && authorId !== actor.userId ? [] : table[stateName];
        assert.deepEqual(allowedActions(actor, state), expected, `author ${authorId}`);
      }
    });
  }
}

test('refuses writers by role and ownership with ForbiddenError, and in a wrong sub-state with ReportStateError', () => {
  const own = (s: StateName) => ({ ...STATES[s], authorId: writer.userId });
  assert.throws(() => assertCanDo(writer, 'publish', own('draft')), ForbiddenError);
  assert.throws(() => assertCanDo(writer, 'schedule', own('draft')), ForbiddenError);
  assert.throws(() => assertCanDo(writer, 'edit', own('published')), ForbiddenError);
  assert.throws(() => assertCanDo(writer, 'edit', own('scheduled')), ForbiddenError);
  assert.throws(() => assertCanDo(writer, 'edit', { ...STATES.draft, authorId: 99 }), /自分が作成した報告だけ/);
  assert.throws(() => assertCanDo(writer, 'edit', { ...STATES.draft, authorId: null }), ForbiddenError);
  assert.throws(() => assertCanDo(writer, 'trash', own('draft')), ForbiddenError);
  assert.throws(() => assertCanDo(writer, 'submit', own('review')), ReportStateError);
  assert.throws(() => assertCanDo(writer, 'withdraw', own('draft')), ReportStateError);
});

test('lets only the owner delete, and only from the trash', () => {
  const trashed = { ...STATES.trashed, authorId: editor.userId };
  assert.throws(
    () => assertCanDo(editor, 'delete', trashed),
    (e: unknown) => e instanceof ForbiddenError && /オーナー/.test(e.message),
  );
  assert.throws(() => assertCanDo(writer, 'delete', { ...trashed, authorId: writer.userId }), ForbiddenError);
  assert.throws(
    () => assertCanDo(owner, 'delete', { ...STATES.published, authorId: 1 }),
    (e: unknown) => e instanceof ReportStateError && /ゴミ箱/.test(e.message),
  );
  assert.doesNotThrow(() => assertCanDo(owner, 'delete', trashed));
});

test('refuses editors acts the status does not allow with ReportStateError and a Japanese message', () => {
  const cases: [ReportAction, StateName, RegExp][] = [
    ['publish', 'published', /すでに公開/],
    ['edit', 'trashed', /ゴミ箱にある報告は編集できません/],
    ['restore', 'draft', /ゴミ箱にある報告だけ/],
    ['unpublish', 'draft', /公開中または予約済み/],
    ['schedule', 'published', /公開予約できるのは/],
    ['trash', 'trashed', /すでにゴミ箱/],
  ];
  for (const [action, stateName, message] of cases) {
    const refusal = workflowRefusal(editor, action, { ...STATES[stateName], authorId: 1 });
    assert.equal(refusal?.kind, 'state', `${action} on ${stateName}`);
    assert.match(refusal.message, message);
  }
});

test('refuses an unknown role everything', () => {
  const stranger = { userId: 9, role: 'guest', login: 'guest' } as unknown as Actor;
  assert.equal(canCreateReport(stranger), false);
  assert.throws(() => assertCanCreate(stranger), ForbiddenError);
  for (const action of REPORT_ACTIONS) assert.equal(workflowRefusal(stranger, action, { ...STATES.draft, authorId: 9 })?.kind, 'forbidden');
  for (const actor of [owner, editor, writer]) assert.equal(canCreateReport(actor), true);
});

test('names the statuses as the admin shows them', () => {
  assert.equal(statusLabel(STATES.draft), '下書き');
  assert.equal(statusLabel(STATES.review), 'レビュー待ち');
  assert.equal(statusLabel(STATES.scheduled), '公開予約');
  assert.equal(statusLabel(STATES.published), '公開中');
  assert.equal(statusLabel(STATES.trashed), 'ゴミ箱');
});

test('reads a datetime-local value as Japan time and a zoned instant as given', () => {
  assert.equal(parsePublishAt('2026-12-01T09:00')?.toISOString(), '2026-12-01T00:00:00.000Z');
  assert.equal(parsePublishAt(' 2026-12-01 00:30 ')?.toISOString(), '2026-11-30T15:30:00.000Z');
  assert.equal(parsePublishAt('2026-12-01T09:00:30')?.toISOString(), '2026-12-01T00:00:30.000Z');
  assert.equal(parsePublishAt('2026-12-01T09:00:00.000Z')?.toISOString(), '2026-12-01T09:00:00.000Z');
  assert.equal(parsePublishAt('2026-12-01T09:00:00+09:00')?.toISOString(), '2026-12-01T00:00:00.000Z');
});

test('refuses publication times that are not real moments', () => {
  for (const text of ['', '2026-02-30T10:00', '2026-12-01T24:00', '2026-12-01T10:60', '2026-12-01', 'tomorrow', '2026-02-30T10:00:00Z', '２０２６-12-01T10:00']) {
    assert.equal(parsePublishAt(text), undefined, text);
  }
});
