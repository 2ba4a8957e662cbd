// The dashboard line on the static export kept by the server (KATSUDO_EXPORT_DIR): the last
// update, and a failure in plain sight until a later build succeeds.
import type { ExportStatus } from '../../../domain/export-status.js';
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import { StatusNotice } from './status-notice.js';

export function ExportNotice({ status }: { status: ExportStatus }) {
  const { lastSuccess, lastFailure } = status;
  const success = lastSuccess ? (
    <p>
      静的サイトの最終更新: {formatJapanDateTime(lastSuccess.at)}({status.outDir})
    </p>
  ) : (
    <p>静的サイト({status.outDir})はまだ書き出されていません。</p>
  );
  return (
    <StatusNotice
      name="export-notice"
      label="静的サイト"
      success={success}
      {...(lastFailure === undefined ? {} : { failure: lastFailure })}
      failureTitle="静的サイトの更新に失敗しました"
      advice="公開中の静的サイトは前回の内容のままです。サーバーのログと docs/static-export.md を確認してください。次の更新が成功するまでこの表示が続きます。"
    />
  );
}
