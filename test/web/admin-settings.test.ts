// /admin/settings through the real app: owner only, saved values reach the public pages
// (their cache refreshed), bad input keeps the form and saves nothing, CSRF enforced.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { EMPTY_SETTINGS } from '../../src/domain/settings.js';
import { getSettings } from '../../src/store/settings.js';
import { saveSettings } from '../../src/store/settings.js';
import { addTestUser, logIn, type AdminAgent, type FormFields } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { TEST_SETTINGS } from '../support/factories.js';

let t: TestApp;
let owner: AdminAgent;

before(async () => {
  t = await createTestApp();
  await addTestUser(t.site, { login: 'owner', role: 'owner' });
  await addTestUser(t.site, { login: 'editor', role: 'editor' });
  await addTestUser(t.site, { login: 'writer', role: 'writer' });
  owner = await logIn(t.app, 'owner');
});
after(async () => t.close());
beforeEach(async () => {
  await t.site.db.transaction().execute((trx) => saveSettings(trx, TEST_SETTINGS));
});

const FORM: FormFields = {
  legislatorName: '朝霧 湊',
  legislatorNameKana: 'あさぎり みなと',
  chamber: '参議院議員',
  constituency: '架空県選挙区',
  party: '緑風会',
  profileSource: '1 略歴\n\n(1)架空市の港町に生まれ、漁協職員を経て市議会議員を2期務めた。',
  contact: '地元事務所\n〒000-0000 架空市港町1-1',
  contactPhone: '0120-000-111',
  contactEmail: 'minato@example.jp',
  contactFormUrl: 'https://forms.example.jp/minato',
  siteDescription: '参議院議員 朝霧湊の活動報告とプロフィール。',
  navLabel: ['活動報告', '政策集', ''],
  navUrl: ['/activity/', 'https://policy.example.jp/', ''],
};

const publicPage = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url });
  assert.equal(response.statusCode, 200, url);
  return response.body;
};

test('shows the owner the form filled with the current settings', async () => {
  const page = await owner.get('/admin/settings');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1 id="page-title">サイト設定<\/h1>/);
  assert.match(page.body, /name="legislatorName"[^>]*value="試験 花子"/);
  assert.match(page.body, /<textarea[^>]*name="contact"[^>]*>国会事務所\n東京都千代田区永田町0-0-0<\/textarea>/);
  assert.match(page.body, /name="navLabel"[^>]*value="プロフィール"/);
  assert.match(page.body, /name="navUrl"[^>]*value="\/profile\/"/);
});

test('refuses the settings pages to editors and writers', async () => {
  for (const login of ['editor', 'writer']) {
    const agent = await logIn(t.app, login);
    const page = await agent.get('/admin/settings');
    assert.equal(page.statusCode, 403, login);
    assert.match(page.body, /data-refusal="role"/);
    const saved = await agent.post('/admin/settings', FORM);
    assert.equal(saved.statusCode, 403, login);
    const preview = await agent.post('/admin/settings/preview', FORM);
    assert.equal(preview.statusCode, 403, login);
  }
  assert.deepEqual(await getSettings(t.site.db), TEST_SETTINGS);
});

test('saves and shows the new values on the home page, the profile and the feeds, replacing cached copies', async () => {
  // Cached before the change.
  assert.match(await publicPage('/'), /試験 花子/);
  assert.match(await publicPage('/profile/'), /試験 花子/);
  assert.match(await publicPage('/feed.xml'), /試験花子の公式サイトです。/);

  const saved = await owner.post('/admin/settings', FORM);
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, '/admin/settings?notice=settings-saved');
  assert.match((await owner.get(String(saved.headers.location))).body, /サイト設定を保存しました。/);

  const home = await publicPage('/');
  assert.match(home, /<span class="site-chamber">参議院議員<\/span>/);
  assert.match(home, /<span class="site-legislator">朝霧 湊<\/span>/);
  assert.match(home, /<a href="https:\/\/policy.example.jp\/"[^>]*>政策集<\/a>/);
  assert.match(home, /<meta name="description" content="参議院議員 朝霧湊の活動報告とプロフィール。"/);
  assert.doesNotMatch(home, /試験 花子/);
  const profile = await publicPage('/profile/');
  assert.match(profile, /漁協職員を経て/);
  assert.match(profile, /緑風会/);
  assert.match(profile, /<a href="tel:0120000111">0120-000-111<\/a>/);
  assert.match(profile, /<a href="mailto:minato@example.jp">minato@example.jp<\/a>/);
  assert.match(profile, /<a href="https:\/\/forms.example.jp\/minato">/);
  assert.match(profile, /〒000-0000 架空市港町1-1/);
  const feed = await publicPage('/feed.xml');
  assert.match(feed, /参議院議員 朝霧湊の活動報告とプロフィール。/);
  assert.match(feed, /朝霧 湊/);
});

test('previews the profile with the public renderer without saving it', async () => {
  const page = await owner.post('/admin/settings/preview', { ...FORM, profileSource: '1 経歴\n\n(1)港町に生まれる。\n\n<script>alert(1)</script>' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /id="profile-preview"/);
  assert.match(page.body, /<div class="report-body"><section class="sec"[^>]*><h2[^>]*><span class="no">1<\/span> 経歴<\/h2>/);
  assert.match(page.body, /港町に生まれる。/);
  assert.match(page.body, /<p>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/);
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.match(page.body, /name="legislatorName"[^>]*value="朝霧 湊"/);
  assert.deepEqual(await getSettings(t.site.db), TEST_SETTINGS);
});

const BAD_INPUTS: [string, FormFields, string, RegExp][] = [
  ['an empty name', { legislatorName: '  ' }, 'legislatorName', /氏名を入力/],
  ['a 41-character name', { legislatorName: 'あ'.repeat(41) }, 'legislatorName', /40文字以内/],
  ['a telephone number with letters', { contactPhone: 'TEL 03-1234' }, 'contactPhone', /数字とハイフン/],
  ['an e-mail address without a domain', { contactEmail: 'minato@' }, 'contactEmail', /メールアドレスの形式/],
  ['a javascript: form URL', { contactFormUrl: 'javascript:alert(1)' }, 'contactFormUrl', /https:\/\//],
  ['a menu link to another scheme', { navLabel: ['活動報告', '危険'], navUrl: ['/activity/', 'data:text/html,x'] }, 'navigation-1-url', /https:\/\//],
  ['a menu link without a label', { navLabel: ['', ''], navUrl: ['/activity/', ''] }, 'navigation-0-label', /表示名も入力/],
];

for (const [what, change, field, message] of BAD_INPUTS) {
  test(`refuses ${what}: message at the field, the form keeps the input, nothing saved`, async () => {
    const versionBefore = await t.site.db.selectFrom('site_state').select('content_version').executeTakeFirstOrThrow();
    const page = await owner.post('/admin/settings', { ...FORM, ...change });
    assert.equal(page.statusCode, 422);
    assert.match(page.body, /role="alert"/);
    const fieldError = new RegExp(`<p class="field-error" id="field-${field}-error">[\\s\\S]*?</p>`).exec(page.body);
    assert.ok(fieldError, `message beside ${field}`);
    assert.match(fieldError[0], message);
    assert.match(page.body, new RegExp(`id="field-${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-${field}"`));
    // What was typed elsewhere is still there.
    assert.match(page.body, /<textarea[^>]*name="profileSource"[^>]*>1 略歴\n\n\(1\)架空市の港町に生まれ/);
    assert.match(page.body, /name="contactEmail"[^>]*value="/);
    assert.deepEqual(await getSettings(t.site.db), TEST_SETTINGS);
    const versionAfter = await t.site.db.selectFrom('site_state').select('content_version').executeTakeFirstOrThrow();
    assert.deepEqual(versionAfter, versionBefore);
  });
}

test('refuses a save with a forged or missing CSRF token', async () => {
  for (const csrf of ['forged-token', false] as const) {
    const page = await owner.post('/admin/settings', FORM, { csrf });
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /data-refusal="csrf"/);
  }
  assert.deepEqual(await getSettings(t.site.db), TEST_SETTINGS);
});

test('starts from empty settings on a new site', async () => {
  await t.site.db.deleteFrom('settings').execute();
  const page = await owner.get('/admin/settings');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /name="legislatorName"/);
  assert.deepEqual(await getSettings(t.site.db), EMPTY_SETTINGS);
});
