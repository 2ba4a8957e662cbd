// `katsudo serve` runs the scheduler: a report whose publication time passed while the
// server was stopped is on the site right after the start.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { scheduleReport } from '../../src/actions/reports/schedule-report.js';
import { addAuthor } from '../support/authors.js';
import { startCliServer } from '../support/cli-server.js';
import { createTestSite } from '../support/db.js';
import { setSettings } from '../support/factories.js';

test('publishes at start a report scheduled for a time that passed while the server was stopped', async () => {
  // Written "yesterday" (the site's clock), scheduled an hour later, then the server starts now.
  const yesterday = new Date(Date.now() - 24 * 3600_000);
  const site = await createTestSite({ now: () => yesterday });
  await setSettings(site);
  const editor = await addAuthor(site, 'editor', 'hisho');
  const saved = await saveReport(site, editor, {
    title: '予約していた報告',
    activityDate: '2024-10-01',
    categoryId: null,
    tags: [],
    slug: 'scheduled-while-down',
    summary: '',
    bodySource: '1 概要\n\n(1)予約投稿の本文。',
  });
  await scheduleReport(site, editor, { reportId: saved.id, publishAt: new Date(yesterday.getTime() + 3600_000).toISOString() });
  await site.db.destroy();

  const server = await startCliServer({ dataDir: site.dataDir, args: ['--no-demo'] });
  try {
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = await fetch(server.url('/activity/scheduled-while-down/')).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(status, 200, server.output());
    assert.match(server.output(), /予約していた活動報告を1件公開しました/);
  } finally {
    await server.stop();
    rmSync(site.dataDir, { recursive: true, force: true });
  }
});
