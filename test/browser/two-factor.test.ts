// Two-factor sign-in in Chromium: an authenticator app set up from the QR page's secret with
// codes computed here (otpauth), and passkeys made and used through Chromium's virtual
// authenticator (CDP WebAuthn domain), as the second factor and without a password; axe on
// every new page. The site runs at http://localhost:<port> because browsers refuse an IP
// address as a passkey's RP ID; localhost is mapped to 127.0.0.1 in the browser.
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildServer } from '../../src/web/server.js';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import type { RunningSite } from '../support/browser.js';
import { open, withPage } from '../support/browser.js';
import { createTestSite } from '../support/db.js';
import { enrolTotp, totpCodeAt } from '../support/two-factor.js';
import { axeViolations } from '../support/axe.js';

/** The server's clock: moved on by hand, so each sign-in has a code of a step not used yet. */
let clockMs = Date.parse('2026-11-20T03:00:00.000Z');
const nextStep = () => {
  clockMs += 30_000;
  return new Date(clockMs);
};

let site: RunningSite;
let browser: Browser;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

before(async () => {
  const ctx = await createTestSite({ now: () => new Date(clockMs) });
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const app = await buildServer({ ctx, baseUrl: origin, logLevel: 'silent' });
  await app.listen({ port, host: '127.0.0.1' });
  site = {
    app,
    site: ctx,
    origin,
    close: async () => {
      await app.close();
      await ctx.cleanup();
    },
  };
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP localhost 127.0.0.1',
    ],
  });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const checkAxe = async (page: Page, name: string) => assert.deepEqual(await axeViolations(page), [], name);

async function clickAndLoad(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name, exact: true }).click()]);
}

async function enterPassword(page: Page, login: string): Promise<void> {
  await open(page, '/admin/login');
  await page.getByLabel('ログイン名').fill(login);
  await page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await clickAndLoad(page, 'ログイン');
}

async function logOut(page: Page): Promise<void> {
  await clickAndLoad(page, 'ログアウト');
  assert.match(page.url(), /\/admin\/login/);
}

/** A platform authenticator with a PIN or fingerprint that always says yes. */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

test('sets up an authenticator app from the QR page and signs in with a code, then with a recovery code', async () => {
  await addTestUser(site.site, { login: 'sato', role: 'editor', displayName: '佐藤 次郎' });
  await withPage(browser, site, {}, async (page, log) => {
    await enterPassword(page, 'sato');
    assert.match(page.url(), /\/admin\/$/);
    await open(page, '/admin/account');
    await checkAxe(page, 'account');
    await page.getByRole('link', { name: '二段階認証を設定・変更する' }).click();
    await page.waitForURL('**/admin/account/two-factor');
    await checkAxe(page, 'two-factor page');
    await clickAndLoad(page, '認証アプリを設定する');
    await checkAxe(page, 'TOTP enrolment');
    assert.equal(await page.getByRole('img', { name: '認証アプリで読み取るQRコード' }).locator('svg').count(), 1);
    const secret = (await page.locator('.totp-secret').getAttribute('data-secret'))!;
    const shown = (await page.locator('.totp-secret').textContent())!.replace(/\s/g, '');
    assert.equal(shown, secret, 'the secret as text for typing in');

    await page.getByLabel('確認コード(6桁)').fill('000000' === totpCodeAt(secret, new Date(clockMs)) ? '111111' : '000000');
    await clickAndLoad(page, '確認して有効にする');
    assert.match(await page.content(), /確認コードが正しくありません/);
    await checkAxe(page, 'TOTP enrolment with an error');
    await page.getByLabel('確認コード(6桁)').fill(totpCodeAt(secret, new Date(clockMs)));
    await clickAndLoad(page, '確認して有効にする');
    const codes = await page.locator('.recovery-codes code').allTextContents();
    assert.equal(codes.length, 10);
    await checkAxe(page, 'recovery codes');
    await logOut(page);

    await enterPassword(page, 'sato');
    assert.match(page.url(), /\/admin\/login\/second-factor/);
    await checkAxe(page, 'second step');
    await page.getByLabel('確認コード').fill(totpCodeAt(secret, nextStep()));
    await clickAndLoad(page, '確認してログイン');
    assert.match(page.url(), /\/admin\/$/);
    await logOut(page);

    await enterPassword(page, 'sato');
    await page.getByLabel('確認コード').fill('abcde-fghjk');
    await clickAndLoad(page, '確認してログイン');
    assert.match(await page.content(), /確認コードが正しくないか/);
    await checkAxe(page, 'second step with an error');
    await page.getByLabel('確認コード').fill(codes[0]!);
    await clickAndLoad(page, '確認してログイン');
    assert.match(page.url(), /\/admin\/$/);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('registers a passkey with the virtual authenticator and signs in with it after the password and without one', async () => {
  await addTestUser(site.site, { login: 'suzuki', role: 'writer' });
  await withPage(browser, site, {}, async (page, log) => {
    await addVirtualAuthenticator(page);
    await enterPassword(page, 'suzuki');
    await open(page, '/admin/account/two-factor');
    await page.getByLabel('新しいパスキーの名前').fill('事務所のパソコン');
    await Promise.all([page.waitForURL('**/admin/account/two-factor?notice=passkey-added'), page.getByRole('button', { name: 'この端末でパスキーを作成する' }).click()]);
    assert.equal(await page.getByRole('cell', { name: '事務所のパソコン', exact: true }).count(), 1);
    await checkAxe(page, 'two-factor page with a passkey');
    await logOut(page);

    await enterPassword(page, 'suzuki');
    assert.match(page.url(), /\/admin\/login\/second-factor/);
    await checkAxe(page, 'second step with a passkey');
    await Promise.all([page.waitForURL('**/admin/'), page.getByRole('button', { name: 'パスキーで確認する' }).click()]);
    await logOut(page);

    await checkAxe(page, 'login page with passkey sign-in');
    await Promise.all([page.waitForURL('**/admin/'), page.getByRole('button', { name: 'パスキーを使う' }).click()]);
    assert.match(await page.content(), /suzuki/);
    assert.deepEqual(log.pageErrors, []);
  });
  const logins = await site.site.db.selectFrom('audit_log').select('detail').where('action', '=', 'login').where('detail', 'like', '%passkey%').execute();
  assert.deepEqual(
    logins.map((l) => JSON.parse(l.detail).passwordless),
    [false, true],
  );
});

test('the owner requires two factors for owners and editors on the policy page; an editor without one may only enrol', async () => {
  const owner = await addTestUser(site.site, { login: 'owner', role: 'owner' });
  await addTestUser(site.site, { login: 'tanaka', role: 'editor' });
  await withPage(browser, site, {}, async (page) => {
    await enterPassword(page, 'owner');
    await open(page, '/admin/users');
    await page.getByRole('link', { name: '二段階認証の方針' }).click();
    await page.waitForURL('**/admin/users/two-factor');
    await checkAxe(page, 'policy page');
    await page.getByLabel('オーナーと編集者に必須にする').check();
    await clickAndLoad(page, '保存する');
    assert.match(await page.content(), /先にアカウントの「二段階認証」で/, 'the owner without a factor is told to set one up first');
    await checkAxe(page, 'policy page with an error');
    await enrolTotp({ ...site.site, now: () => new Date(clockMs) }, owner);
    await page.getByLabel('オーナーと編集者に必須にする').check();
    await clickAndLoad(page, '保存する');
    assert.match(await page.content(), /二段階認証の方針を保存しました/);
    await logOut(page);

    await enterPassword(page, 'tanaka');
    assert.match(page.url(), /\/admin\/account\/two-factor$/);
    assert.match(await page.content(), /このサイトでは二段階認証が必須です/);
    await checkAxe(page, 'two-factor page held to enrolment');
    await open(page, '/admin/reports');
    assert.match(page.url(), /\/admin\/account\/two-factor$/);
  });
});
