// The dashboard's line on a job the server runs by itself (scheduled backups, the static
// export): the last success, muted; a failure in plain sight (role=alert) until a later run
// succeeds.
import type { ComponentChildren } from 'preact';
import { formatJapanDateTime } from '../../../domain/japan-time.js';

export interface StatusNoticeProps {
  /** Class of the section, for styles and tests (`backup-notice`). */
  name: string;
  /** The section's accessible name while nothing failed (「バックアップ」). */
  label: string;
  /** The line about the last success (or that there is none yet). */
  success: ComponentChildren;
  failure?: { at: string; message: string };
  /** The heading of a failure (「自動バックアップに失敗しました」). */
  failureTitle: string;
  /** What to do about a failure. */
  advice: string;
}

export function StatusNotice({ name, label, success, failure, failureTitle, advice }: StatusNoticeProps) {
  if (!failure)
    return (
      <section class={`admin-notice-muted ${name}`} aria-label={label}>
        {success}
      </section>
    );
  const titleId = `${name}-failed-title`;
  return (
    <section class={`error-summary ${name}`} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>{failureTitle}</h2>
      <p>
        {formatJapanDateTime(failure.at)}: {failure.message}
      </p>
      {success}
      <p>{advice}</p>
    </section>
  );
}
