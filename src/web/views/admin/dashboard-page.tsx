// The admin's first page: who is logged in, and where to go from here.
import { ROLE_LABELS, isAllowed } from '../../../domain/user.js';
import type { BackupStatus } from '../../../domain/backup-schedule.js';
import type { ExportStatus } from '../../../domain/export-status.js';
import { BackupNotice } from './backup-notice.js';
import { ExportNotice } from './export-notice.js';
import { ADMIN_NAV, AdminLayout, newFormHref, type AdminPageContext } from './layout.js';
import { ReportDashboard, type ReportDashboardProps } from './report-dashboard.js';

const DESCRIPTIONS: Record<string, string> = {
  '/admin/reports': '活動報告を書く・編集する・公開する',
  '/admin/media': 'PDFや写真をアップロードする',
  '/admin/settings': '議員名やプロフィールなどサイトの基本情報',
  '/admin/users': 'ログインできる人と権限の管理',
  '/admin/audit': 'ログインや変更の記録',
};

export interface DashboardPageProps {
  page: AdminPageContext & { user: NonNullable<AdminPageContext['user']> };
  reports?: ReportDashboardProps;
  /** The owner sees a way to remove the first-start demo while some of it is left. */
  hasDemo?: boolean;
  /** The owner sees how the scheduled backups went, when they are on. */
  backup?: BackupStatus;
  /** Owners and editors see a warning while free space is below KATSUDO_MIN_FREE_MB (MB free, or undefined when unknown). */
  lowSpace?: { freeMb: number | undefined; minFreeMb: number };
  /** Owners and editors see how the publish hook's static export went, when it is on. */
  exportStatus?: ExportStatus;
}

export function DashboardPage({ page, reports, hasDemo, backup, lowSpace, exportStatus }: DashboardPageProps) {
  const links = ADMIN_NAV.filter((item) => item.href !== '/admin/' && isAllowed(page.user.role, item.access));
  return (
    <AdminLayout page={page} title="ダッシュボード">
      <h1 id="page-title">ダッシュボード</h1>
      <p class="admin-lead">
        {page.user.displayName}さん({ROLE_LABELS[page.user.role]})としてログインしています。
      </p>
      {lowSpace && (
        <section class="error-summary low-space-notice" role="alert" aria-labelledby="low-space-title">
          <h2 id="low-space-title">保存先のディスクの空きが少なくなっています</h2>
          <p>
            {lowSpace.freeMb === undefined ? '空き容量を確認できませんでした' : `空きは約${lowSpace.freeMb} MBです`}(警告の目安: {lowSpace.minFreeMb}{' '}
            MB)。空きがなくなると、報告やファイルを保存できなくなります。管理者に連絡して空き容量を増やしてください。
          </p>
        </section>
      )}
      {backup && <BackupNotice status={backup} />}
      {exportStatus && <ExportNotice status={exportStatus} />}
      {hasDemo && (
        <section class="admin-notice-muted demo-notice" aria-labelledby="demo-notice-title">
          <h2 id="demo-notice-title">デモの内容が残っています</h2>
          <p>
            最初の起動で作られた架空の議員の報告・ページ・設定です。自分のサイトを作り始めるときは、<a href="/admin/demo">デモの内容を削除</a>してください。
          </p>
        </section>
      )}
      {reports && <ReportDashboard {...reports} newReportHref={newFormHref(page, '/admin/reports/new')} />}
      <ul class="admin-cards">
        {links.map((item) => (
          <li>
            <a href={item.href}>{item.label}</a>
            {DESCRIPTIONS[item.href] && <p>{DESCRIPTIONS[item.href]}</p>}
          </li>
        ))}
        <li>
          <a href="/admin/account">アカウント</a>
          <p>パスワードの変更、ログイン中の端末の確認</p>
        </li>
      </ul>
    </AdminLayout>
  );
}
