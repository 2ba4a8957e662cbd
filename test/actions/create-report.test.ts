import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createReport } from '../../src/actions/reports/create-report.js';
import type { PrebuiltRender } from '../../src/actions/render/report-body.js';
import { storeMedia } from '../../src/actions/media/store-media.js';
import { render } from '../../src/domain/text-format/render.js';
import { trustedHtml } from '../../src/domain/trusted-html.js';
import { getEditableReport } from '../../src/store/reports.js';
import { createTestSite, type TestSite } from '../support/db.js';
import { draft } from '../support/factories.js';

let site: TestSite;

before(async () => {
  site = await createTestSite();
});
after(() => site.cleanup());

/** A render of `bodySource` marked so that a test can tell whether it was used. */
function markedRender(bodySource: string): PrebuiltRender {
  const rendered = render(bodySource);
  return { bodySource, rendered: { ...rendered, html: trustedHtml(`${rendered.html}<!-- ahead -->`) } };
}

async function storedHtml(id: number): Promise<string> {
  return (await getEditableReport(site.db, id)).bodyHtml;
}

test('uses a render built ahead from the same source naming no file instead of rendering again', async () => {
  const body = draft();
  const created = await createReport(site, body, { status: 'published', prebuiltRender: markedRender(body.bodySource) });
  assert.match(await storedHtml(created.id), /<!-- ahead -->$/);
});

test('renders the body itself when the render built ahead is of another source', async () => {
  const body = draft();
  const created = await createReport(site, body, { status: 'published', prebuiltRender: markedRender(`${body.bodySource}\n\n追記`) });
  const html = await storedHtml(created.id);
  assert.doesNotMatch(html, /<!-- ahead -->/);
  assert.equal(html, render(body.bodySource).html);
});

test('renders the body itself when it names a stored file, whose details the render built ahead lacks', async () => {
  const media = await storeMedia(site, { bytes: new TextEncoder().encode('%PDF-1.4\n1\n%%EOF\n'), fileName: 'shiryo.pdf', mime: 'application/pdf' });
  const body = draft({ bodySource: `1 概要\n\n[資料](media:${media.id})を配布した。` });
  const created = await createReport(site, body, { status: 'published', prebuiltRender: markedRender(body.bodySource) });
  const html = await storedHtml(created.id);
  assert.doesNotMatch(html, /<!-- ahead -->/);
  assert.match(html, /PDF形式/);
});
