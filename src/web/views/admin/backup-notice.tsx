// The owner's dashboard line on the scheduled backups: the last success, and a failure in
// plain sight until a later backup succeeds.
import type { BackupStatus } from '../../../domain/backup-schedule.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';

export function BackupNotice({ status }: { status: BackupStatus }) {
  const { lastSuccess, lastFailure } = status;
  const success = lastSuccess ? (
    <p>
      最終バックアップ: {formatJapanDateTime(lastSuccess.at)}({lastSuccess.file})
    </p>
  ) : (
    <p>最終バックアップ: まだありません(決まった時刻に自動で作成されます)</p>
  );
  if (!lastFailure) return <section class="admin-notice-muted backup-notice" aria-label="バックアップ">{success}</section>;
  return (
    <section class="error-summary backup-notice" role="alert" aria-labelledby="backup-failed-title">
      <h2 id="backup-failed-title">自動バックアップに失敗しました</h2>
      <p>
        {formatJapanDateTime(lastFailure.at)}: {lastFailure.message}
      </p>
      {success}
      <p>サーバーのログと docs/backup.md を確認してください。次のバックアップが成功するまでこの表示が続きます。</p>
    </section>
  );
}
