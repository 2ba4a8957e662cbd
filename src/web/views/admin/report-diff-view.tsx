// A readable difference between two versions of a report (domain/report-diff.ts): changed
// fields side by side and the body line by line. Added text is <ins>, removed text <del>,
// and each also carries words (「追加」「削除」) so the difference never rests on colour alone.
import type { BodyRow, DiffPart, ReportDiff } from '../../../domain/report-diff.js';

export interface ReportDiffViewProps {
  diff: ReportDiff;
  /** Names of the two sides: 「保存されている版」 / 「あなたの入力」. */
  beforeLabel: string;
  afterLabel: string;
}

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part) =>
        part.kind === 'added' ? (
          <ins>
            <span class="diff-marker">[追加:</span>
            {part.text}
            <span class="diff-marker">]</span>
          </ins>
        ) : part.kind === 'removed' ? (
          <del>
            <span class="diff-marker">[削除:</span>
            {part.text}
            <span class="diff-marker">]</span>
          </del>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

function BodyLine({ row }: { row: BodyRow }) {
  switch (row.kind) {
    case 'skipped':
      return (
        <tr class="diff-skipped">
          <td colSpan={3}>(変更のない{row.count}行を省略)</td>
        </tr>
      );
    case 'same':
      return (
        <tr class="diff-same">
          <th scope="row">{row.newLine}</th>
          <td class="diff-kind">同じ</td>
          <td class="diff-text">{row.text}</td>
        </tr>
      );
    case 'added':
      return (
        <tr class="diff-added">
          <th scope="row">{row.newLine}</th>
          <td class="diff-kind">追加</td>
          <td class="diff-text">
            <ins>{row.text}</ins>
          </td>
        </tr>
      );
    case 'removed':
      return (
        <tr class="diff-removed">
          <th scope="row">{row.oldLine}</th>
          <td class="diff-kind">削除</td>
          <td class="diff-text">
            <del>{row.text}</del>
          </td>
        </tr>
      );
    case 'changed':
      return (
        <tr class="diff-changed">
          <th scope="row">{row.newLine}</th>
          <td class="diff-kind">変更</td>
          <td class="diff-text">
            <Parts parts={mergeParts(row.before, row.after)} />
          </td>
        </tr>
      );
  }
}

/**
 * One line with removals and additions in reading order: walks both sides, which share
 * their 'same' parts in the same order.
 */
function mergeParts(before: DiffPart[], after: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const b = before[i];
    const a = after[j];
    if (b && b.kind === 'removed') {
      out.push(b);
      i++;
    } else if (a && a.kind === 'added') {
      out.push(a);
      j++;
    } else {
      if (a) out.push(a);
      i++;
      j++;
    }
  }
  return out;
}

export function ReportDiffView({ diff, beforeLabel, afterLabel }: ReportDiffViewProps) {
  if (diff.isSame) return <p class="diff-none">内容に違いはありません。</p>;
  return (
    <div class="report-diff">
      <p class="admin-hint">
        「{beforeLabel}」から「{afterLabel}」への変更です。<ins>追加</ins>された文字は「[追加:…]」、<del>削除</del>された文字は「[削除:…]」で示します。
      </p>
      {diff.fields.length > 0 && (
        <table class="admin-table diff-fields">
          <caption>項目の変更</caption>
          <thead>
            <tr>
              <th scope="col">項目</th>
              <th scope="col">{beforeLabel}</th>
              <th scope="col">{afterLabel}</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((f) => (
              <tr>
                <th scope="row">{f.label}</th>
                <td>
                  <span class="diff-side" aria-hidden="true">
                    {beforeLabel}
                  </span>
                  <Parts parts={f.before} />
                </td>
                <td>
                  <span class="diff-side" aria-hidden="true">
                    {afterLabel}
                  </span>
                  <Parts parts={f.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.body.length > 0 && (
        <table class="admin-table diff-body">
          <caption>本文の変更</caption>
          <thead>
            <tr>
              <th scope="col">行</th>
              <th scope="col">種類</th>
              <th scope="col">内容</th>
            </tr>
          </thead>
          <tbody>
            {diff.body.map((row) => (
              <BodyLine row={row} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
