// Who may do what to a report in which status: the one table behind every editing
// action and every button the admin shows. Pure: the caller passes the acting user and
// the report's current state.
import { isValidDay } from './dates.js';
import { ForbiddenError, ReportStateError } from './errors.js';
import type { ReportStatus } from './report.js';
import { isRole, type Actor } from './user.js';


export const REPORT_ACTIONS = [
  'edit',
  'submit',
  'withdraw',
  'publish',
  'schedule',
  'unpublish',
  'trash',
  'restore',
  'delete',
] as const;
/** Acts on an existing report; creating one is `canCreateReport`. Restoring a revision is an 'edit'. */
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** What the rules need to know of a report. */
export interface WorkflowState {
  status: ReportStatus;
  authorId: number | null;
  /** Set while a draft waits for review. */
  submittedAt: string | null;
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

const STATE_MESSAGES: Record<ReportAction, string> = {
  edit: 'ゴミ箱にある報告は編集できません。先に元に戻してください。',
  submit: '下書きだけを確認依頼に出せます。',
  withdraw: '確認依頼中の下書きだけを取り下げられます。',
  publish: 'この報告はすでに公開されているか、ゴミ箱にあります。',
  schedule: '公開予約できるのは下書きと予約済みの報告だけです。',
  unpublish: '公開中または予約済みの報告だけを非公開にできます。',
  trash: 'この報告はすでにゴミ箱にあります。',
  restore: 'ゴミ箱にある報告だけを元に戻せます。',
  delete: '完全に削除できるのはゴミ箱にある報告だけです。先にゴミ箱に移してください。',
};

/** What writers may do, and only to their own drafts. */
const WRITER_ACTIONS: readonly ReportAction[] = ['edit', 'submit', 'withdraw'];

export function canCreateReport(actor: Actor): boolean {
  return isRole(actor.role);
}

/** Why `actor` may not do `action` to the report, or undefined when allowed. */
export function workflowRefusal(actor: Actor, action: ReportAction, report: WorkflowState): Refusal | undefined {
  if (action === 'delete' && actor.role !== 'owner') {
    return { kind: 'forbidden', message: '報告を完全に削除できるのはサイト管理者(オーナー)だけです。' };
  }
  if (actor.role === 'writer') {
    if (!WRITER_ACTIONS.includes(action)) return { kind: 'forbidden', message: 'この操作は編集者以上の権限が必要です。' };
    if (report.authorId !== actor.userId) return { kind: 'forbidden', message: '自分が作成した報告だけを操作できます。' };
    if (report.status !== 'draft') return { kind: 'forbidden', message: '公開中・予約済みの報告は編集者だけが変更できます。' };
  } else if (actor.role !== 'owner' && actor.role !== 'editor') {
    return { kind: 'forbidden', message: 'この操作を行う権限がありません。' };
  }
  if (!FROM[action].includes(report.status)) return { kind: 'state', message: STATE_MESSAGES[action] };
  if (action === 'submit' && report.submittedAt !== null) return { kind: 'state', message: 'この下書きはすでに確認依頼中です。' };
  if (action === 'withdraw' && report.submittedAt === null) return { kind: 'state', message: STATE_MESSAGES.withdraw };
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

export function assertCanCreate(actor: Actor): void {
  if (!canCreateReport(actor)) throw new ForbiddenError('報告を作成する権限がありません。');
}

/** The admin's name for a status (with レビュー待ち for a submitted draft). */
export function statusLabel(report: Pick<WorkflowState, 'status' | 'submittedAt'>): string {
  if (report.status === 'draft') return report.submittedAt === null ? '下書き' : 'レビュー待ち';
  return { scheduled: '公開予約', published: '公開中', trashed: 'ゴミ箱' }[report.status];
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const ZONED_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Japan has kept +09:00 all year since 1952. */
const JST_OFFSET_HOURS = 9;

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
    return new Date(Date.UTC(year, month - 1, day, hour - JST_OFFSET_HOURS, minute, second));
  }
  const zoned = ZONED_TIME.exec(value);
  if (!zoned || !isValidDay(Number(zoned[1]), Number(zoned[2]), Number(zoned[3]))) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
