// The owner's dashboard line on the scheduled backups: the last success, and a failure in
// plain sight until a later backup succeeds.
import type { BackupStatus } from '../../../domain/backup-schedule.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import { StatusNotice } from './status-notice.js';

export function BackupNotice({ status }: { status: BackupStatus }) {
  const { lastSuccess, lastFailure } = status;
  const success = lastSuccess ? (
    <p>
      最終バックアップ: {formatJapanDateTime(lastSuccess.at)}({lastSuccess.file})
    </p>
  ) : (
    <p>最終バックアップ: まだありません(決まった時刻に自動で作成されます)</p>
  );
  return (
    <StatusNotice
      name="backup-notice"
      label="バックアップ"
      success={success}
      {...(lastFailure === undefined ? {} : { failure: lastFailure })}
      failureTitle="自動バックアップに失敗しました"
      advice="サーバーのログと docs/backup.md を確認してください。次のバックアップが成功するまでこの表示が続きます。"
    />
  );
}
