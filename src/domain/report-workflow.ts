// Who may do what to a report in which status: the one table behind every editing
// action and every button the admin shows, for fixed pages too (a page is a draft that is
// never submitted or scheduled). Pure: the caller passes the acting user and the item's
// current state. The messages name the kind of item (「報告」「ページ」, item-ref.ts).
import { isValidDay } from './dates.js';
import { ForbiddenError, ReportStateError } from './errors.js';
import { instantAtJapanTime } from './japan-time.js';
import { ITEM_NOUNS, type ItemKind } from './item-ref.js';
import type { ReportStatus } from './report.js';
import { isRole, type Actor } from './user.js';

export const REPORT_ACTIONS = ['edit', 'submit', 'withdraw', 'publish', 'schedule', 'unpublish', 'trash', 'restore', 'delete'] as const;
/** Acts on an existing report; creating one is `canCreateReport`. Restoring a revision is an 'edit'. */
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** What the rules need to know of a report (or a fixed page). */
export interface WorkflowState {
  status: ReportStatus;
  authorId: number | null;
  /** Set while a draft waits for review. */
  submittedAt: string | null;
  /** Which kind of item, for the wording of refusals; a report when absent. */
  kind?: ItemKind;
}

type Refusal = { kind: 'forbidden' | 'state'; message: string };

/** Statuses each action starts from (for editors and the owner). */
const FROM: Record<ReportAction, readonly ReportStatus[]> = {
  edit: ['draft', 'scheduled', 'published'],
  submit: ['draft'],
  withdraw: ['draft'],
  publish: ['draft', 'scheduled'],
  schedule: ['draft', 'scheduled'],
  unpublish: ['published', 'scheduled'],
  trash: ['draft', 'scheduled', 'published'],
  restore: ['trashed'],
  delete: ['trashed'],
};

const STATE_MESSAGES: Record<ReportAction, (noun: string) => string> = {
  edit: (noun) => `ゴミ箱にある${noun}は編集できません。先に元に戻してください。`,
  submit: () => '下書きだけを確認依頼に出せます。',
  withdraw: () => '確認依頼中の下書きだけを取り下げられます。',
  publish: (noun) => `この${noun}はすでに公開されているか、ゴミ箱にあります。`,
  schedule: (noun) => `公開予約できるのは下書きと予約済みの${noun}だけです。`,
  unpublish: (noun) => `公開中または予約済みの${noun}だけを非公開にできます。`,
  trash: (noun) => `この${noun}はすでにゴミ箱にあります。`,
  restore: (noun) => `ゴミ箱にある${noun}だけを元に戻せます。`,
  delete: (noun) => `完全に削除できるのはゴミ箱にある${noun}だけです。先にゴミ箱に移してください。`,
};

/** What writers may do, and only to their own drafts. */
const WRITER_ACTIONS: readonly ReportAction[] = ['edit', 'submit', 'withdraw'];

export function canCreateReport(actor: Actor): boolean {
  return isRole(actor.role);
}

/** Why `actor` may not do `action` to the report, or undefined when allowed. */
export function workflowRefusal(actor: Actor, action: ReportAction, report: WorkflowState): Refusal | undefined {
  const noun = ITEM_NOUNS[report.kind ?? 'report'];
  if (action === 'delete' && actor.role !== 'owner') {
    return { kind: 'forbidden', message: `${noun}を完全に削除できるのはサイト管理者(オーナー)だけです。` };
  }
  if (actor.role === 'writer') {
    if (!WRITER_ACTIONS.includes(action)) return { kind: 'forbidden', message: 'この操作は編集者以上の権限が必要です。' };
    if (report.authorId !== actor.userId) return { kind: 'forbidden', message: `自分が作成した${noun}だけを操作できます。` };
    if (report.status !== 'draft') return { kind: 'forbidden', message: `公開中・予約済みの${noun}は編集者だけが変更できます。` };
  } else if (actor.role !== 'owner' && actor.role !== 'editor') {
    return { kind: 'forbidden', message: 'この操作を行う権限がありません。' };
  }
  if (!FROM[action].includes(report.status)) return { kind: 'state', message: STATE_MESSAGES[action](noun) };
  if (action === 'submit' && report.submittedAt !== null) return { kind: 'state', message: 'この下書きはすでに確認依頼中です。' };
  if (action === 'withdraw' && report.submittedAt === null) return { kind: 'state', message: STATE_MESSAGES.withdraw(noun) };
  return undefined;
}

export function canDo(actor: Actor, action: ReportAction, report: WorkflowState): boolean {
  return workflowRefusal(actor, action, report) === undefined;
}

/** The actions `actor` may take on the report now: the buttons an editor page shows. */
export function allowedActions(actor: Actor, report: WorkflowState): ReportAction[] {
  return REPORT_ACTIONS.filter((action) => canDo(actor, action, report));
}

/**
 * Throws ForbiddenError when the role or ownership forbids the act, ReportStateError
 * when the report's status does not allow it.
 */
export function assertCanDo(actor: Actor, action: ReportAction, report: WorkflowState): void {
  const refusal = workflowRefusal(actor, action, report);
  if (!refusal) return;
  if (refusal.kind === 'forbidden') throw new ForbiddenError(refusal.message);
  throw new ReportStateError(refusal.message);
}

export function assertCanCreate(actor: Actor, kind: ItemKind = 'report'): void {
  if (!canCreateReport(actor)) throw new ForbiddenError(`${ITEM_NOUNS[kind]}を作成する権限がありません。`);
}

/** The shared wording of the workflow's refusals that are not about roles or status. */
export const WORKFLOW_MESSAGES = {
  /** A save from a version someone else has saved over (the text is kept as a revision). */
  editConflict: (kind: ItemKind) =>
    `ほかの人がこの${ITEM_NOUNS[kind]}を先に保存したため、保存しませんでした。入力した内容は履歴に残してあります。差分を確認して、もう一度保存してください。`,
  /** A status change or restore asked from a version that is no longer current. */
  staleVersion: (kind: ItemKind) => `この${ITEM_NOUNS[kind]}は、表示したあとにほかの人が保存しました。最新の内容を確認してから、もう一度操作してください。`,
  /** Another request changed the status between loading and writing. */
  statusChanged: (kind: ItemKind) => `ほかの操作で${ITEM_NOUNS[kind]}の状態が変わりました。一覧を開き直してください。`,
};

/** The admin's name for a status (with レビュー待ち for a submitted draft). */
export function statusLabel(report: Pick<WorkflowState, 'status' | 'submittedAt'>): string {
  if (report.status === 'draft') return report.submittedAt === null ? '下書き' : 'レビュー待ち';
  return { scheduled: '公開予約', published: '公開中', trashed: 'ゴミ箱' }[report.status];
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const ZONED_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A publication time as a form sends it: `YYYY-MM-DDTHH:mm` from a datetime-local field,
 * read as Japan time, or a full ISO instant with its zone. Undefined when it is not a real
 * moment (2024-02-30T10:00, 25:00).
 */
export function parsePublishAt(text: string): Date | undefined {
  const value = text.trim();
  const local = LOCAL_TIME.exec(value);
  if (local) {
    const [year, month, day, hour, minute, second] = local.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
    if (!isValidDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
    return instantAtJapanTime({ year, month, day, hour, minute, second });
  }
  const zoned = ZONED_TIME.exec(value);
  if (!zoned || !isValidDay(Number(zoned[1]), Number(zoned[2]), Number(zoned[3]))) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
