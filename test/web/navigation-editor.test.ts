// The menu editor in /admin/settings and the menu it renders: fixed pages by id (title and
// path looked up when rendering), one level of nesting as a <details> disclosure, archive and
// external links, aria-current on the entry and its section, the footer list; bad rows keep
// the form and write nothing.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { transitionPage } from '../../src/actions/pages/page-transition.js';
import { savePage } from '../../src/actions/pages/save-page.js';
import type { Actor } from '../../src/domain/user.js';
import { getPage } from '../../src/store/pages.js';
import { getSettings, saveSettings } from '../../src/store/settings.js';
import { addTestUser, logIn, type AdminAgent, type FormFields } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { addAuthor } from '../support/authors.js';
import { TEST_SETTINGS } from '../support/factories.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

let t: TestApp;
let owner: AdminAgent;
let editor: Actor;
let policyId: number;
let childId: number;
let officeId: number;

async function addPage(title: string, slug: string, parentId: number | null, publish = true): Promise<number> {
  const saved = await savePage(t.site, editor, { title, slug, parentId, position: 0, summary: '', bodySource: `1 ${title}\n\n(1)本文。` });
  if (publish) await transitionPage(t.site, editor, 'publish', { pageId: saved.id });
  return saved.id;
}

before(async () => {
  t = await createTestApp();
  await addTestUser(t.site, { login: 'owner', role: 'owner' });
  owner = await logIn(t.app, 'owner');
  editor = await addAuthor(t.site, 'editor', 'nav-editor');
  policyId = await addPage('政策', 'seisaku', null);
  childId = await addPage('子育て支援', 'kosodate', policyId);
  officeId = await addPage('事務所案内', 'office', null);
});
after(async () => t.close());
beforeEach(async () => {
  await t.site.db.transaction().execute((trx) => saveSettings(trx, TEST_SETTINGS));
});

const BASE: FormFields = {
  legislatorName: TEST_SETTINGS.legislatorName,
  legislatorNameKana: '',
  chamber: '',
  constituency: '',
  party: '',
  profileSource: '',
  contact: '',
  contactPhone: '',
  contactEmail: '',
  contactFormUrl: '',
  siteDescription: '',
};

/** Menu rows as the form sends them: label, URL, page id, parent row number. */
function rows(...list: [string, string, string, string][]): FormFields {
  return { navLabel: list.map((r) => r[0]), navUrl: list.map((r) => r[1]), navPage: list.map((r) => r[2]), navParent: list.map((r) => r[3]) };
}

async function contentVersion() {
  return (await t.site.db.selectFrom('site_state').select('content_version').executeTakeFirstOrThrow()).content_version;
}

test('saves pages, archive and external links with one level of nesting, audited, content version bumped', async () => {
  const before = await contentVersion();
  const res = await owner.post('/admin/settings', {
    ...BASE,
    ...rows(
      ['', '', String(policyId), ''],
      ['', '', String(childId), '1'],
      ['後援会', 'https://kouenkai.example.jp/', '', '1'],
      ['活動報告', '/activity/', '', ''],
      ['事務所', '', String(officeId), ''],
    ),
  });
  assert.equal(res.statusCode, 303);
  const saved = await getSettings(t.site.db);
  assert.deepEqual(saved.navigation, [
    {
      label: '',
      url: '/seisaku/',
      pageId: policyId,
      children: [
        { label: '', url: '/seisaku/kosodate/', pageId: childId },
        { label: '後援会', url: 'https://kouenkai.example.jp/' },
      ],
    },
    { label: '活動報告', url: '/activity/' },
    { label: '事務所', url: '/office/', pageId: officeId },
  ]);
  assert.ok((await contentVersion()) > before);
  const audit = await t.site.db.selectFrom('audit_log').select('action').where('action', '=', 'settings.update').execute();
  assert.ok(audit.length > 0);
  // The form shows the stored tree as rows again: page chosen, parent set.
  const form = (await owner.get('/admin/settings')).body;
  assert.match(form, new RegExp(`<option value="${childId}" selected`));
  assert.match(form, /<option value="1" selected>1行目の下<\/option>/);
});

const BAD_ROWS: [string, FormFields, string, RegExp][] = [
  ['a javascript: URL', rows(['危険', 'javascript:alert(1)', '', '']), 'navigation-0-url', /https:\/\//],
  ['an ftp: URL', rows(['ファイル', 'ftp://example.jp/', '', '']), 'navigation-0-url', /https:\/\//],
  ['an over-long label', rows(['あ'.repeat(21), '/activity/', '', '']), 'navigation-0-label', /20文字以内/],
  ['an empty label', rows(['', '/activity/', '', '']), 'navigation-0-label', /表示名も入力/],
  ['nesting two levels deep', rows(['政策', '/activity/', '', ''], ['子', '/profile/', '', '1'], ['孫', '/activity/2024/', '', '2']), 'navigation-2-parent', /1段まで/],
  ['a parent row that is empty', rows(['政策', '/activity/', '', '2'], ['', '', '', '']), 'navigation-0-parent', /1段まで/],
  ['a row as its own parent', rows(['政策', '/activity/', '', '1']), 'navigation-0-parent', /1段まで/],
  ['a page that does not exist', rows(['', '', '987654', '']), 'navigation-0-page', /見つからない/],
  ['a page id that is not a number', rows(['', '', 'abc', '']), 'navigation-0-page', /見つからない/],
];

for (const [what, change, field, message] of BAD_ROWS) {
  test(`refuses ${what}: message at the field, typed input kept, nothing written`, async () => {
    const before = await contentVersion();
    const res = await owner.post('/admin/settings', { ...BASE, ...change });
    assert.equal(res.statusCode, 422);
    const fieldError = new RegExp(`<p class="field-error" id="field-${field}-error">[\\s\\S]*?</p>`).exec(res.body);
    assert.ok(fieldError, `message beside ${field}`);
    assert.match(fieldError[0], message);
    for (const label of (change.navLabel as string[]).filter((l) => l !== '')) assert.match(res.body, new RegExp(`name="navLabel"[^>]*value="${label}"`));
    assert.deepEqual(await getSettings(t.site.db), TEST_SETTINGS);
    assert.equal(await contentVersion(), before);
  });
}

test('refuses a draft page and a page under a draft parent', async () => {
  const draftId = await addPage('下書き', 'draft-nav', null, false);
  const underDraftId = await addPage('下書きの下', 'under-draft', draftId);
  const res = await owner.post('/admin/settings', { ...BASE, ...rows(['', '', String(draftId), ''], ['', '', String(underDraftId), '']) });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /id="field-navigation-0-page-error"/);
  assert.match(res.body, /id="field-navigation-1-page-error"/);
  // Neither is offered in the page choices.
  assert.doesNotMatch(res.body, /下書き(の下)?（|下書き(の下)?\(\/draft-nav/);
  assert.deepEqual(await getSettings(t.site.db), TEST_SETTINGS);
});

test('「メニューの行を増やす」 shows two more rows and saves nothing', async () => {
  const res = await owner.post('/admin/settings/preview', { ...BASE, ...rows(['a', '/activity/', '', ''], ['b', '/profile/', '', ''], ['c', '/activity/', '', '']) });
  assert.equal(res.statusCode, 200);
  assert.equal([...res.body.matchAll(/name="navLabel"/g)].length, 5);
  assert.deepEqual(await getSettings(t.site.db), TEST_SETTINGS);
});

async function setMenu(navigation: typeof TEST_SETTINGS.navigation) {
  await t.site.db.transaction().execute((trx) => saveSettings(trx, { ...TEST_SETTINGS, navigation }));
  await t.site.db
    .updateTable('site_state')
    .set((eb) => ({ content_version: eb('content_version', '+', 1) }))
    .execute();
}

function headerNav(html: string): string {
  return /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)![0];
}

test('renders a nested entry as a disclosure with aria-current on the page and its section, and the footer list', async () => {
  await setMenu([
    { label: '', url: '/seisaku/', pageId: policyId, children: [{ label: '', url: '/seisaku/kosodate/', pageId: childId }] },
    { label: 'プロフィール', url: '/profile/' },
  ]);
  const child = await t.app.inject({ url: '/seisaku/kosodate/' });
  assert.equal(child.statusCode, 200);
  const nav = headerNav(child.body);
  assert.match(nav, /aria-label="サイト内メニュー"/);
  assert.match(
    nav,
    /<details><summary aria-current="true">政策<\/summary><ul><li><a href="\/seisaku\/">政策<\/a><\/li><li><a href="\/seisaku\/kosodate\/" aria-current="page">子育て支援<\/a>/,
  );
  assert.doesNotMatch(nav, /href="\/profile\/" aria-current/);
  const footer = /<nav class="footer-nav"[\s\S]*?<\/nav>/.exec(child.body)![0];
  for (const href of ['/seisaku/', '/seisaku/kosodate/', '/profile/']) assert.match(footer, new RegExp(`href="${href}"`));
  // Cached per URL: the marking of one page does not reach another.
  const profile = headerNav((await t.app.inject({ url: '/profile/' })).body);
  assert.match(profile, /href="\/profile\/" aria-current="page"/);
  assert.match(profile, /<summary>政策<\/summary>/);
  assert.doesNotMatch(profile, /kosodate\/" aria-current/);
  const again = headerNav((await t.app.inject({ url: '/seisaku/kosodate/' })).body);
  assert.equal(again, nav);
});

test('follows a renamed and moved page and leaves out the entry of a page no longer published', async () => {
  const id = await addPage('旧題', 'kyudai', null);
  const hiddenId = await addPage('取り下げ予定', 'soon-gone', null);
  await setMenu([
    { label: '', url: '/kyudai/', pageId: id },
    { label: '残す表示名', url: '/soon-gone/', pageId: hiddenId },
  ]);
  const page = await getPage(t.site.db, id);
  await savePage(t.site, editor, {
    pageId: id,
    expectedVersion: page.version,
    title: '新しい題',
    slug: 'atarashii',
    parentId: officeId,
    position: 0,
    summary: '',
    bodySource: page.bodySource,
  });
  await transitionPage(t.site, editor, 'unpublish', { pageId: hiddenId });
  const nav = headerNav((await t.app.inject({ url: '/' })).body);
  assert.match(nav, /<a href="\/office\/atarashii\/">新しい題<\/a>/);
  assert.doesNotMatch(nav, /旧題|kyudai|残す表示名|soon-gone/);
});

test('prints menu labels and URLs as text, whatever is stored', async () => {
  const payloads = XSS_PAYLOADS.slice(0, 12);
  await setMenu([
    {
      label: payloads[0]!.text,
      url: `/activity/?q=${payloads[1]!.text.replace(/\s/g, '')}`,
      children: payloads.slice(2).map((p) => ({ label: p.text, url: '/profile/' })),
    },
  ]);
  const home = (await t.app.inject({ url: '/' })).body;
  for (const part of [headerNav(home), /<nav class="footer-nav"[\s\S]*?<\/nav>/.exec(home)![0]]) {
    assert.doesNotMatch(part, /<(?:script|img|svg|body|details open|input|video|audio|marquee|div|select|textarea)\b[^>]*(?:on\w+=|src=)/i);
    assert.doesNotMatch(part, /<script/i);
  }
});
