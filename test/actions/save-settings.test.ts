import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { saveSiteSettings } from '../../src/actions/site/save-settings.js';
import { ForbiddenError, ValidationError } from '../../src/domain/errors.js';
import { EMPTY_SETTINGS, MAX_NAVIGATION_LINKS, type SettingsInput } from '../../src/domain/settings.js';
import type { Actor } from '../../src/domain/user.js';
import { listAudit } from '../../src/store/audit-log.js';
import { getSettings } from '../../src/store/settings.js';
import { getContentVersion } from '../../src/store/site-state.js';
import { addTestUser } from '../support/admin.js';
import { createTestSite, type TestSite } from '../support/db.js';

let OWNER: Actor;

const INPUT: SettingsInput = {
  ...EMPTY_SETTINGS,
  legislatorName: '  青葉　菜摘 ',
  chamber: '参議院議員',
  constituency: '架空県選挙区',
  party: '無所属',
  profileSource: '1 略歴\r\n\r\n(1)架空市に生まれる。\r\n\r\n',
  contact: '地元事務所\r\n架空市中央1-2-3  \r\n',
  contactPhone: '０３－５５５５－０１５５',
  contactEmail: 'office@example.jp',
  contactFormUrl: 'https://forms.example.jp/aoba',
  siteDescription: '青葉菜摘の\n活動報告です。',
  navigation: [
    { label: '活動報告', url: '/activity/' },
    { label: '', url: '' },
    { label: '政策', url: 'https://example.jp/policy' },
  ],
};

let site: TestSite;
beforeEach(async () => {
  site = await createTestSite();
  const owner = await addTestUser(site, { login: 'owner', role: 'owner' });
  OWNER = { userId: owner.id, login: owner.login, role: 'owner', ip: '192.0.2.9' };
});
afterEach(async () => site.cleanup());

async function snapshot() {
  // The audit log holds the owner's creation; a refused save must add nothing to it.
  return {
    settings: await site.db.selectFrom('settings').selectAll().orderBy('key').execute(),
    version: await getContentVersion(site.db),
    audit: await listAudit(site.db, { limit: 10 }),
  };
}

async function refusal(input: Partial<SettingsInput>): Promise<Record<string, string>> {
  const before = await snapshot();
  const error = await saveSiteSettings(site, { ...INPUT, ...input }, OWNER).then(
    () => assert.fail('saved'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ValidationError);
  assert.deepEqual(await snapshot(), before, 'nothing written');
  return error.fields;
}

test('stores cleaned settings with an audit entry and a new content version, in one go', async () => {
  const versionBefore = await getContentVersion(site.db);
  const saved = await saveSiteSettings(site, INPUT, OWNER);
  const stored = await getSettings(site.db);
  assert.deepEqual(stored, saved.settings);
  assert.equal(stored.legislatorName, '青葉 菜摘');
  assert.equal(stored.profileSource, '1 略歴\n\n(1)架空市に生まれる。');
  assert.equal(stored.contact, '地元事務所\n架空市中央1-2-3');
  assert.equal(stored.contactPhone, '03-5555-0155');
  assert.equal(stored.siteDescription, '青葉菜摘の 活動報告です。');
  assert.deepEqual(stored.navigation, [
    { label: '活動報告', url: '/activity/' },
    { label: '政策', url: 'https://example.jp/policy' },
  ]);
  assert.equal(await getContentVersion(site.db), versionBefore + 1);
  const [entry] = await listAudit(site.db, { limit: 1 });
  assert.equal(entry!.action, 'settings.update');
  assert.equal(entry!.login, 'owner');
  assert.equal(entry!.ip, '192.0.2.9');
  assert.match(entry!.detail, /legislatorName/);
});

test('writes nothing when the settings are saved unchanged', async () => {
  await saveSiteSettings(site, INPUT, OWNER);
  const before = await snapshot();
  const again = await saveSiteSettings(site, INPUT, OWNER);
  assert.deepEqual(again.changed, []);
  assert.deepEqual(await snapshot(), before);
});

test('refuses anyone but the owner', async () => {
  for (const role of ['editor', 'writer'] as const) {
    await assert.rejects(saveSiteSettings(site, INPUT, { ...OWNER, role }), ForbiddenError);
  }
  assert.deepEqual(await getSettings(site.db), EMPTY_SETTINGS);
});

test('requires the legislator name', async () => {
  const fields = await refusal({ legislatorName: ' 　' });
  assert.match(fields.legislatorName!, /氏名を入力/);
});

test('refuses over-long fields with the count', async () => {
  const fields = await refusal({ party: 'あ'.repeat(61), siteDescription: 'い'.repeat(301) });
  assert.match(fields.party!, /60文字以内.*現在61文字/);
  assert.match(fields.siteDescription!, /300文字以内.*現在301文字/);
});

test('refuses a telephone number with letters or too few digits', async () => {
  assert.match((await refusal({ contactPhone: '03-abcd-0155' })).contactPhone!, /数字とハイフン/);
  assert.match((await refusal({ contactPhone: '110' })).contactPhone!, /数字とハイフン/);
});

test('refuses an e-mail address without a domain', async () => {
  for (const email of ['office', 'office@example', 'a b@example.jp', 'office@@example.jp']) {
    assert.match((await refusal({ contactEmail: email })).contactEmail!, /メールアドレスの形式/, email);
  }
});

test('accepts only http(s) URLs and site paths for links', async () => {
  for (const url of ['javascript:alert(1)', '//evil.example/', 'data:text/html,x', 'ftp://example.jp/', 'example.jp/form', '/a b', 'https://']) {
    assert.match((await refusal({ contactFormUrl: url })).contactFormUrl!, /https:\/\/.*サイト内のパス/, url);
    assert.match((await refusal({ navigation: [{ label: 'リンク', url }] }))['navigation-0-url']!, /https:\/\//, url);
  }
});

test('names the navigation row and part that is missing', async () => {
  const fields = await refusal({
    navigation: [
      { label: '活動報告', url: '/activity/' },
      { label: '', url: '/profile/' },
      { label: '政策', url: '' },
    ],
  });
  assert.deepEqual(Object.keys(fields).sort(), ['navigation-1-label', 'navigation-2-url']);
});

test('refuses more navigation links than the menu holds', async () => {
  const navigation = Array.from({ length: MAX_NAVIGATION_LINKS + 1 }, (_, i) => ({ label: `項目${i}`, url: `/p${i}/` }));
  assert.match((await refusal({ navigation })).navigation!, /8件まで/);
});
