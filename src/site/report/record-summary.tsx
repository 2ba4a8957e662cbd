// The 「概要」 box of a report page (issue 16): the confirmed activity record's day and times,
// place, participants (each linking to their person page) and related documents, as a
// description list.
import { spanInstants, type ActivityRecord, type ActivitySpan } from '../../domain/activity-record/activity-record.js';
import { participantRole } from '../../domain/activity-record/participant-role.js';
import { formatJapaneseDate, weekdayJa } from '../../domain/dates.js';
import { paths } from '../../domain/paths.js';
import { linkTarget } from '../../domain/text-format/link-target.js';

export interface RecordSummaryProps {
  record: ActivityRecord;
  /** The report's own day, for a record without one. */
  activityDate: string;
  /** Each participant's person page key, in the record's order; undefined for the legislator. */
  personKeys: (string | undefined)[];
}

export function RecordSummary({ record, activityDate, personKeys }: RecordSummaryProps) {
  const date = record.date ?? activityDate;
  return (
    <section class="record-summary" aria-labelledby="record-summary-title">
      <h2 id="record-summary-title">概要</h2>
      <dl>
        <dt>種類</dt>
        <dd>
          <a href={paths.activityKind(record.kind)}>{record.kind}</a>
        </dd>
        <dt>日時</dt>
        <dd>
          <time datetime={date}>
            {formatJapaneseDate(date)}({weekdayJa(date)})
          </time>
          {record.spans.length > 0 && (
            <ul>
              {record.spans.map((span) => (
                <li>
                  <SpanTimes date={date} span={span} />
                  {span.label && ` ${span.label}`}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {record.place && (
          <>
            <dt>場所</dt>
            <dd>{record.place}</dd>
          </>
        )}
        {record.participants.length > 0 && (
          <>
            <dt>出席者</dt>
            <dd>
              <ul>
                {record.participants.map((p, i) => {
                  const key = personKeys[i];
                  const role = participantRole(p);
                  return (
                    <li>
                      {key === undefined ? p.name : <a href={paths.person(key)}>{p.name}</a>}
                      {role && ` ${role}`}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </>
        )}
        {record.documents.length > 0 && (
          <>
            <dt>関連資料</dt>
            <dd>
              <ul>
                {record.documents.map((d) => (
                  <li>{linkTarget(d.url).kind === 'web' ? <a href={d.url}>{d.title}</a> : d.title}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function SpanTimes({ date, span }: { date: string; span: ActivitySpan }) {
  const { startsAt, endsAt } = spanInstants(date, span);
  return (
    <>
      <time datetime={startsAt}>{clockJa(span.start)}</time>
      {span.end !== null && endsAt !== null && (
        <>
          〜<time datetime={endsAt}>{clockJa(span.end)}</time>
        </>
      )}
    </>
  );
}

/** `09:20` → 「9時20分」, `12:00` → 「12時」. */
function clockJa(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return minute ? `${hour}時${minute}分` : `${hour}時`;
}
