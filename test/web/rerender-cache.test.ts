// Re-rendering with the server running: the bodies are rendered on the work threads, and a
// report page already in the page cache is served with its new HTML afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rerenderStale } from '../../src/actions/render/rerender.js';
import { bumpContentVersion } from '../../src/store/site-state.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { publishReport } from '../support/factories.js';

let t: TestApp;
let slug: string;

before(async () => {
  t = await createTestApp({
    threads: { size: 1 },
    seed: async (site) => {
      const report = await publishReport(site, { title: '港の視察', bodySource: '1 概要\n\n(1)岸壁の補修箇所を確認した。', slug: 'harbour-visit' });
      slug = report.slug;
      // As an older renderer left it; the bump stands for the write that stored it.
      await site.db.transaction().execute(async (trx) => {
        await trx.updateTable('reports').set({ body_html: '<p>旧描画の本文</p>', render_version: 1 }).where('id', '=', report.id).execute();
        await bumpContentVersion(trx);
      });
    },
  });
});
after(() => t.close());

test('a cached report page shows the new rendering once the stale report is rendered again', async () => {
  const before = await t.app.inject({ url: `/activity/${slug}/` });
  assert.equal(before.statusCode, 200);
  assert.match(before.body, /旧描画の本文/);
  assert.match((await t.app.inject({ url: `/activity/${slug}/` })).body, /旧描画の本文/);

  const result = await rerenderStale(t.site);

  assert.equal(result.rerendered, 1);
  const after = await t.app.inject({ url: `/activity/${slug}/` });
  assert.doesNotMatch(after.body, /旧描画の本文/);
  assert.match(after.body, /岸壁の補修箇所/);
});
