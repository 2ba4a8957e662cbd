// The pages that show what the clock decides (the home page's 「予定」 and year, /events.ics) stay
// right on a static site without a write, as the server's do: a build renders them again once an
// activity has started (and only then), and the publish hook builds when the hour turns.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ActivityRecord } from '../../src/domain/activity-record/activity-record.js';
import { buildSite, type BuildResult } from '../../src/exporter/build-site.js';
import { startPublishHook } from '../../src/exporter/publish-hook.js';
import { renderPublicPath } from '../../src/site/render-public-path.js';
import { saveActivityRecord } from '../../src/store/activity-records.js';
import { addTeam } from '../support/authors.js';
import { createTestSite } from '../support/db.js';
import { publishReport } from '../support/factories.js';
import { siteFixture, type ExportFixture } from './export-fixture.js';

// 2026-11-20 12:00 in Japan; the meeting starts at 15:00 the same day.
const NOON = new Date('2026-11-20T03:00:00.000Z');
const HALF_PAST_NOON = new Date('2026-11-20T03:30:00.000Z');
const FOUR_PM = new Date('2026-11-20T07:00:00.000Z');
const MEETING: ActivityRecord = {
  kind: '国政報告会・集会',
  date: '2026-11-20',
  spans: [{ label: null, start: '15:00', end: '16:30' }],
  place: '市民会館',
  participants: [],
  organisations: [],
  countries: [],
  outcomes: [],
  documents: [],
};
const TITLE = '市民会館での国政報告会';

let now = NOON;
let fx: ExportFixture;
before(async () => {
  const site = await createTestSite({ now: () => now });
  const report = await publishReport(site, { title: TITLE, activityDate: '2026-11-20' });
  await saveActivityRecord(site.db, report.id, MEETING, { isConfirmed: true, at: NOON.toISOString() });
  fx = siteFixture(site, await addTeam(site));
});
after(() => fx.cleanup());

const upcomingSection = (html: string) => /<section class="upcoming"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

/** The folder's home page and calendar are what the server renders at the site's clock now. */
async function assertClockPagesCurrent(out: string): Promise<void> {
  for (const [path, file] of [
    ['/', 'index.html'],
    ['/events.ics', 'events.ics'],
  ] as const) {
    const page = await renderPublicPath(fx.deps, path);
    assert.equal(page.kind, 'page');
    assert.deepEqual(readFileSync(join(out, file)), Buffer.from(page.kind === 'page' ? page.body : ''), path);
  }
}

test('a build renders the home page and /events.ics again once an upcoming activity has started, without a write', async () => {
  now = NOON;
  const out = join(fx.tempDir(), 'site');
  await buildSite(fx.deps, { outDir: out });
  assert.match(upcomingSection(readFileSync(join(out, 'index.html'), 'utf8')), new RegExp(TITLE));
  assert.match(readFileSync(join(out, 'events.ics'), 'utf8'), new RegExp(TITLE));

  // Still upcoming: nothing to do.
  now = HALF_PAST_NOON;
  assert.equal((await buildSite(fx.deps, { outDir: out })).mode, 'unchanged');

  // Started: the home page and the calendar drop it; no other page is written.
  now = FOUR_PM;
  const result = await buildSite(fx.deps, { outDir: out });
  assert.equal(result.mode, 'partial');
  assert.deepEqual(result.written.filter((file) => !file.startsWith('.katsudo/')).sort(), ['events.ics', 'index.html']);
  assert.doesNotMatch(upcomingSection(readFileSync(join(out, 'index.html'), 'utf8')), new RegExp(TITLE));
  assert.doesNotMatch(readFileSync(join(out, 'events.ics'), 'utf8'), new RegExp(TITLE));
  await assertClockPagesCurrent(out);
  assert.equal((await buildSite(fx.deps, { outDir: out })).mode, 'unchanged');
});

test('the publish hook builds when the hour turns, so the static home page follows the clock', async (t) => {
  now = NOON;
  const out = join(fx.tempDir(), 'public');
  const results: BuildResult[] = [];
  let wake = () => {};
  const hook = startPublishHook(
    fx.deps,
    out,
    { onBuilt: (result) => (results.push(result), wake()), onError: (error) => assert.fail(String(error)) },
    { pollMs: 20, debounceMs: 20 },
  );
  t.after(() => hook.stop());
  /** The next build's result, or undefined if none comes within `ms`. */
  const nextBuild = async (count: number, ms: number) => {
    const deadline = Date.now() + ms;
    while (results.length < count && Date.now() < deadline) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, 50)));
    return results[count - 1];
  };
  assert.equal((await nextBuild(1, 30_000))?.mode, 'first');
  now = FOUR_PM;
  const built = await nextBuild(2, 10_000);
  assert.equal(built?.mode, 'partial', 'a build after the hour turned');
  assert.ok(built.written.includes('index.html'));
  await assertClockPagesCurrent(out);
});
