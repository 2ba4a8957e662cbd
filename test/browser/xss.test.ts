// Cross-site scripting: every payload of test/support/xss-payloads.ts is stored, through the
// real actions, in every text a user fills (title, summary, tags, body, category name,
// attachment label and summary, alt text, uploaded file name, display name, site settings,
// the search box), then the public and admin pages are opened in Chromium. A payload that
// ran would call window.__xss (a binding into this test) or open a dialog; an injected
// element (a foreign script, an on* attribute, a javascript: URL, a frame) is looked for in
// the DOM; and the payload must be readable as text where the page shows it.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { attachMediaToReport } from '../../src/actions/items/attach-media.js';
import { confirmActivityRecord } from '../../src/actions/records/save-activity-record.js';
import { publishReport } from '../../src/actions/reports/publish-report.js';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { uploadMedia } from '../../src/actions/media/upload-media.js';
import { ValidationError } from '../../src/domain/errors.js';
import { paths } from '../../src/domain/paths.js';
import type { Actor } from '../../src/domain/user.js';
import { upsertCategory } from '../../src/store/categories.js';
import { getEditableReport } from '../../src/store/reports.js';
import { saveSettings } from '../../src/store/settings.js';
import { addTestUser, TEST_PASSWORD } from '../support/admin.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { makeImage, makePdf } from '../support/media-fixtures.js';
import { XSS_PAYLOADS, type XssPayload } from '../support/xss-payloads.js';

interface StoredReport {
  payload: XssPayload;
  id: number;
  slug: string;
  title: string;
  tags: string[];
}

const state = {} as { t: TestApp; origin: string; browser: Browser; reports: StoredReport[]; categorySlugs: string[] };

/** Tags may not hold / ? # \ (they are URL path parts) and are at most 40 characters. */
function tagOf(payload: XssPayload): string {
  return [...payload.text.replace(/[/?#\\]/g, ' ')].slice(0, 40).join('');
}

/** The payload in each place of the text format: paragraph, section heading, item, link label. */
function bodyOf(payload: XssPayload): string {
  const { n, text } = payload;
  return [
    text,
    `1 ${text}`,
    `(1)${text}`,
    `(2)[${text.replace(/[[\]]/g, '')}](https://example.jp/) と [リンク](javascript:__xss(${n})) と [data](data:text/html,__xss(${n}))`,
    `2 見出し`,
    text,
  ].join('\n\n');
}

function activityDate(n: number): string {
  const date = new Date(Date.UTC(2026, 0, 1 + n));
  return date.toISOString().slice(0, 10);
}

async function seed(t: TestApp): Promise<{ reports: StoredReport[]; categorySlugs: string[] }> {
  const site = t.site;
  const owner = await addTestUser(site, { login: 'owner', role: 'owner', displayName: XSS_PAYLOADS[0]!.text });
  const ownerActor: Actor = { userId: owner.id, login: owner.login, role: 'owner', ip: '192.0.2.1' };

  // One category per six payloads, named with all six.
  const groups: XssPayload[][] = [];
  for (let i = 0; i < XSS_PAYLOADS.length; i += 6) groups.push(XSS_PAYLOADS.slice(i, i + 6));
  const categories = await site.db.transaction().execute(async (trx) => {
    const made = [];
    for (const [k, group] of groups.entries()) made.push(await upsertCategory(trx, { slug: `xss-${k + 1}`, name: group.map((p) => p.text).join(' '), position: k }));
    return made;
  });

  await site.db.transaction().execute((trx) =>
    saveSettings(trx, {
      legislatorName: XSS_PAYLOADS[1]!.text,
      legislatorNameKana: XSS_PAYLOADS[2]!.text,
      chamber: XSS_PAYLOADS[3]!.text,
      constituency: XSS_PAYLOADS[4]!.text,
      party: XSS_PAYLOADS[5]!.text,
      profileSource: XSS_PAYLOADS.map(bodyOf).join('\n\n'),
      contact: XSS_PAYLOADS.map((p) => p.text).join('\n'),
      siteDescription: XSS_PAYLOADS.map((p) => p.text).join(' '),
      // Menu labels and URLs, top level and nested (the disclosure and the footer list).
      navigation: [
        ...XSS_PAYLOADS.slice(0, 10).map((p) => ({ label: p.text, url: '/activity/' })),
        {
          label: XSS_PAYLOADS[10]!.text,
          url: `/activity/?${XSS_PAYLOADS[11]!.text}`,
          children: XSS_PAYLOADS.slice(12, 20).map((p) => ({ label: p.text, url: `https://example.jp/${p.text}` })),
        },
        { label: 'ページ', url: '/x/', pageId: 999_999, children: [{ label: XSS_PAYLOADS[20]!.text, url: '/profile/' }] },
      ],
    }),
  );

  const pdf = await makePdf(1);
  const reports: StoredReport[] = [];
  for (const payload of XSS_PAYLOADS) {
    const user = await addTestUser(site, { login: `editor${payload.n}`, role: 'editor', displayName: [...payload.text].slice(0, 50).join('') });
    const actor: Actor = { userId: user.id, login: user.login, role: 'editor', ip: '192.0.2.2' };
    const saved = await saveReport(site, actor, {
      title: payload.text,
      activityDate: activityDate(payload.n),
      categoryId: categories[Math.floor((payload.n - 1) / 6)]!.id,
      tags: [tagOf(payload), 'xss'],
      slug: '',
      summary: payload.text,
      bodySource: bodyOf(payload),
    });
    // Each image its own bytes: an upload of stored bytes under another name is a new record, but keep them apart anyway.
    const png = await makeImage('png', 8 + payload.n, 8);
    for (const [bytes, extension] of [
      [pdf, 'pdf'],
      [png, 'png'],
    ] as const) {
      const media = await uploadMedia(site, { bytes, fileName: `${payload.text}.${extension}`, altText: payload.text, user: actor });
      await attachMediaToReport(site, { reportId: saved.id, mediaId: media.id, label: [...payload.text].slice(0, 100).join(''), summary: payload.text, user: actor });
    }
    await publishReport(site, actor, { reportId: saved.id });
    if (payload.n <= 5) {
      // A second version, so that the history shows a diff holding payloads.
      const before = await getEditableReport(site.db, saved.id);
      const other = XSS_PAYLOADS[payload.n + 5]!;
      await saveReport(site, actor, {
        reportId: saved.id,
        expectedVersion: before.version,
        title: before.title,
        activityDate: before.activityDate,
        categoryId: categories[Math.floor((payload.n - 1) / 6)]!.id,
        tags: before.tags,
        slug: before.slug,
        summary: `${before.summary} ${other.text}`,
        bodySource: `${before.bodySource}\n\n${other.text}`,
        note: other.text,
      });
    }
    const stored = await getEditableReport(site.db, saved.id);
    reports.push({ payload, id: saved.id, slug: stored.slug, title: stored.title, tags: stored.tags });
  }
  // A payload as a slug is refused, not stored.
  await assert.rejects(
    saveReport(site, ownerActor, { title: 'URL名', activityDate: '2026-03-01', categoryId: null, tags: [], slug: XSS_PAYLOADS[0]!.text, summary: '', bodySource: '' }),
    (error: unknown) => error instanceof ValidationError && 'slug' in error.fields,
  );
  return { reports, categorySlugs: categories.map((c) => c.slug) };
}

before(async () => {
  const t = await createTestApp();
  Object.assign(state, await seed(t));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  state.t = t;
  state.origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  state.browser = await launchChromium();
});

after(async () => {
  await state.browser?.close();
  await state.t?.close();
});

/** What a payload managed to do in a context: calls of __xss, dialogs, requests off our server. */
interface Watch {
  context: BrowserContext;
  page: Page;
  calls: string[];
  dialogs: string[];
  foreignRequests: string[];
}

async function watchedPage(): Promise<Watch> {
  const context = await state.browser.newContext({ baseURL: state.origin, locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  const watch: Watch = { context, page: undefined as unknown as Page, calls: [], dialogs: [], foreignRequests: [] };
  await context.exposeBinding('__xss', ({ page }, n: unknown) => {
    watch.calls.push(`__xss(${String(n)}) on ${page.url()}`);
  });
  const ownHost = new URL(state.origin).host;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || new URL(url).host === ownHost) return route.continue();
    watch.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()} "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss();
  });
  watch.page = page;
  return watch;
}

/** Elements and attributes a payload could have added; our own pages have none of them. */
function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    // No named helper here: tsx would wrap it in a __name() call the page does not have.
    for (const script of Array.from(document.querySelectorAll('script'))) {
      const isData = script.getAttribute('type') === 'application/ld+json';
      const src = script.getAttribute('src');
      const isOwnFile = src !== null && new URL(src, location.href).origin === location.origin && src.includes('/assets/') && script.textContent === '';
      if (!isData && !isOwnFile) found.push(`script: ${script.outerHTML.slice(0, 120)}`);
    }
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (name.startsWith('on')) found.push(`handler ${name}: ${el.outerHTML.slice(0, 120)}`);
        if (/^(?:href|src|action|formaction|data|xlink:href|srcdoc|to|values|from|background|poster)$/.test(name) && /^(?:javascript|vbscript|data):/.test(value)) {
          found.push(`url ${name}: ${el.outerHTML.slice(0, 120)}`);
        }
        if (name === 'style' && /url\(|expression\(|javascript:/.test(value)) found.push(`style: ${el.outerHTML.slice(0, 120)}`);
      }
    }
    const foreign =
      'iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], math, marquee, audio, video, details[ontoggle], svg animate, svg set, svg script, style:not(head > style)';
    for (const el of Array.from(document.querySelectorAll(foreign))) found.push(`element: ${el.outerHTML.slice(0, 120)}`);
    for (const el of Array.from(document.querySelectorAll('input[autofocus], select[autofocus], textarea[autofocus]'))) {
      if (el.closest('form[action^="/admin"], form[action^="/search"]') === null) found.push(`autofocus: ${el.outerHTML.slice(0, 120)}`);
    }
    return found;
  });
}

/** Opens `path`, expecting one of `statuses`, and fails on anything a payload did there. */
async function visit(watch: Watch, path: string, statuses: number[] = [200]): Promise<void> {
  const response = await watch.page.goto(path, { waitUntil: 'load' });
  assert.ok(response, `no response for ${path}`);
  assert.ok(statuses.includes(response.status()), `status ${response.status()} for ${path}`);
  // Give handlers that fire a little later (onfocus, onload of media, animations) a moment.
  await watch.page.waitForTimeout(20);
  assert.deepEqual(await injectedElements(watch.page), [], `injected elements on ${path}`);
  assert.deepEqual(watch.calls, [], `payloads ran on ${path}`);
  assert.deepEqual(watch.dialogs, [], `dialogs on ${path}`);
  assert.deepEqual(watch.foreignRequests, [], `requests off the site from ${path}`);
}

/** Signs in through the login form as the seeded owner. */
async function logInAsOwner(watch: Watch): Promise<void> {
  await visit(watch, '/admin/login');
  await watch.page.getByLabel('ログイン名').fill('owner');
  await watch.page.getByLabel('パスワード').fill(TEST_PASSWORD);
  await watch.page.getByRole('button', { name: 'ログイン' }).click();
  await watch.page.waitForURL('**/admin/');
}

async function textOf(page: Page, selector = 'body'): Promise<string> {
  return (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ');
}

function collapsed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The links of rel=next, followed from `path` until the last page. */
async function visitAllPages(watch: Watch, path: string): Promise<number> {
  let next: string | null = path;
  let count = 0;
  while (next !== null) {
    await visit(watch, next);
    count++;
    const links = await watch.page.locator('a[rel="next"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    next = links[0] ?? null;
  }
  return count;
}

test('has at least fifty payloads, each calling with its own number', () => {
  assert.ok(XSS_PAYLOADS.length >= 50, `${XSS_PAYLOADS.length} payloads`);
  for (const p of XSS_PAYLOADS) assert.match(p.text, new RegExp(`\\(${p.n}\\)`), p.text);
});

test('notices an injected element, a call of __xss and a dialog (the checks can fail)', async () => {
  const watch = await watchedPage();
  try {
    await visit(watch, '/');
    await watch.page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'void 0');
      const link = document.createElement('a');
      link.setAttribute('href', ' JavaScript:void 0');
      document.body.append(img, link);
      (window as unknown as { __xss: (n: number) => void }).__xss(0);
      alert('0');
    });
    const found = await injectedElements(watch.page);
    assert.equal(found.length, 2, found.join('\n'));
    assert.equal(watch.calls.length, 1);
    assert.equal(watch.dialogs.length, 1);
  } finally {
    await watch.context.close();
  }
});

test('runs no payload on a report page and shows its title, summary, body, attachments and alt text as text', async () => {
  const watch = await watchedPage();
  try {
    for (const report of state.reports) {
      const path = `/activity/${report.slug}/`;
      await visit(watch, path);
      assert.equal(collapsed(await watch.page.locator('h1').first().innerText()), collapsed(report.title), `title on ${path}`);
      const main = await textOf(watch.page, 'main');
      const call = `(${report.payload.n})`;
      const bodyShows = main.split(call).length - 1;
      // Title, summary (or lead), body paragraphs, heading, item, labels and summaries of two attachments.
      assert.ok(bodyShows >= 6, `payload ${report.payload.n} shown as text ${bodyShows} times on ${path}`);
      const alts = await watch.page.locator('main img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt') ?? ''));
      for (const alt of alts) assert.ok(alt.includes(call) || alt === '', `alt text of an image on ${path}: ${alt}`);
    }
  } finally {
    await watch.context.close();
  }
});

test('runs no payload on the home page, lists, archives and profile', async () => {
  const watch = await watchedPage();
  try {
    await visit(watch, '/');
    assert.match(await textOf(watch.page), /__xss\(2\)/, 'the legislator name is shown as text');
    assert.ok((await visitAllPages(watch, '/activity/')) > 1, 'the list has several pages');
    await visitAllPages(watch, '/activity/2026/');
    await visitAllPages(watch, '/activity/2026/01/');
    for (const slug of state.categorySlugs) await visitAllPages(watch, `/category/${slug}/`);
    const tags = new Set(state.reports.flatMap((r) => r.tags));
    // The address the site links (domain/paths.ts: '%' and '/' in a name are escaped first).
    for (const tag of tags) await visitAllPages(watch, paths.tag(tag));
    await visit(watch, '/profile/');
    const profile = await textOf(watch.page, 'main');
    for (const p of XSS_PAYLOADS) assert.ok(profile.includes(`(${p.n})`), `payload ${p.n} shown on the profile`);
  } finally {
    await watch.context.close();
  }
});

test('runs no payload on the search pages and keeps the query as typed in the box', async () => {
  const watch = await watchedPage();
  try {
    for (const p of XSS_PAYLOADS) {
      const path = `/search?q=${encodeURIComponent(p.text)}`;
      // A query of too many words is refused with 400, on a page that still shows it.
      await visit(watch, path, [200, 400]);
      const box = await watch.page.locator('main input[name="q"]').inputValue();
      assert.ok(box.includes(`(${p.n})`), `the search box holds payload ${p.n}: ${box}`);
    }
  } finally {
    await watch.context.close();
  }
});

/** Markup a feed reader would build from the HTML parts of a feed's entries. */
async function markupInFeed(page: Page, body: string, selector: string): Promise<string[]> {
  return page.evaluate(
    ({ body, selector }) => {
      const htmlParts: string[] = [];
      if (selector === 'json') {
        const feed = JSON.parse(body) as { items: { content_html?: string }[] };
        for (const item of feed.items) htmlParts.push(item.content_html ?? '');
      } else {
        const xml = new DOMParser().parseFromString(body, 'application/xml');
        const parseError = xml.querySelector('parsererror');
        if (parseError) return [`the feed is not well-formed XML: ${parseError.textContent ?? ''}`];
        if (xml.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'script').length > 0) return ['an XHTML script element'];
        for (const el of Array.from(xml.querySelectorAll('title'))) if (el.children.length > 0) return ['markup inside a title'];
        for (const el of Array.from(xml.querySelectorAll(selector))) htmlParts.push(el.textContent ?? '');
      }
      const found: string[] = [];
      for (const html of htmlParts) {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        for (const el of Array.from(doc.querySelectorAll('script, iframe, object, embed, svg, math, style, base, meta, form'))) found.push(el.outerHTML.slice(0, 100));
        for (const el of Array.from(doc.querySelectorAll('*'))) {
          for (const attr of Array.from(el.attributes)) {
            const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
            if (attr.name.startsWith('on') || /^(?:javascript|vbscript|data):/.test(value)) found.push(el.outerHTML.slice(0, 100));
          }
        }
      }
      return found;
    },
    { body, selector },
  );
}

// Feed readers render the HTML parts of entries: they are parsed as a reader would and searched for markup.
const FEED_PARTS = {
  content: [
    { path: '/feed.xml', selector: 'item > encoded' },
    { path: '/feed.json', selector: 'json' },
  ],
  atomContent: [{ path: '/atom.xml', selector: 'entry > content' }],
  summary: [
    { path: '/feed.xml', selector: 'item > description' },
    { path: '/atom.xml', selector: 'entry > summary' },
  ],
};

async function checkFeeds(parts: readonly { path: string; selector: string }[]): Promise<void> {
  const watch = await watchedPage();
  try {
    await visit(watch, '/');
    for (const { path, selector } of parts) {
      const response = await state.t.app.inject({ method: 'GET', url: path });
      assert.equal(response.statusCode, 200, path);
      assert.deepEqual(await markupInFeed(watch.page, response.body, selector), [], `${selector} of ${path}`);
      const newest = state.reports.at(-1)!;
      assert.ok(response.body.includes(`(${newest.payload.n})`), `${path} carries the newest report`);
    }
    assert.deepEqual(watch.calls, []);
  } finally {
    await watch.context.close();
  }
}

test('puts no markup from a payload into the entry contents of the RSS and JSON feeds', () => checkFeeds(FEED_PARTS.content));

// The feed library writes category names into attributes (<category label="…">) without
// escaping < and >: unless feeds.ts does, such a tag or category name breaks the whole Atom feed.
test('keeps the Atom feed well-formed with markup in tag and category names', () => checkFeeds(FEED_PARTS.atomContent));

// RSS <description> and Atom <summary type="html"> are HTML to a reader: the plain-text
// summary must arrive escaped (JSON Feed's `summary` is plain text and stays as it is).
test('puts no markup from a payload into the entry summaries of the RSS and Atom feeds', () => checkFeeds(FEED_PARTS.summary));

test('runs no payload in the live preview of the editor', async () => {
  const watch = await watchedPage();
  try {
    const { page } = watch;
    await logInAsOwner(watch);
    await visit(watch, `/admin/reports/${state.reports[0]!.id}/edit`);
    const last = XSS_PAYLOADS.at(-1)!;
    await page.getByLabel('本文').fill(XSS_PAYLOADS.map(bodyOf).join('\n\n'));
    // admin-editor.js posts the text after a pause and puts the rendered HTML in place.
    await page.locator('#live-preview').getByText(`(${last.n})`, { exact: false }).first().waitFor();
    await page.waitForTimeout(200);
    assert.deepEqual(await injectedElements(page), []);
    assert.deepEqual(watch.calls, []);
    assert.deepEqual(watch.dialogs, []);
    const preview = await textOf(page, '#live-preview');
    for (const p of XSS_PAYLOADS) assert.ok(preview.includes(`(${p.n})`), `payload ${p.n} shown as text in the preview`);
  } finally {
    await watch.context.close();
  }
});

test('runs no payload on the admin pages', async () => {
  const watch = await watchedPage();
  try {
    const { page } = watch;
    await logInAsOwner(watch);
    await visit(watch, '/admin/');
    await visit(watch, '/admin/account');
    await visit(watch, '/admin/users');
    const users = await textOf(page, 'main');
    for (const p of XSS_PAYLOADS) {
      const shown = collapsed([...p.text.normalize('NFKC')].slice(0, 50).join(''));
      assert.ok(users.includes(shown), `display name ${p.n} shown on the users page: ${shown}`);
    }
    assert.ok((await visitAllPages(watch, '/admin/audit')) > 1, 'the audit log has several pages');

    await visitAllPages(watch, '/admin/reports');
    await visitAllPages(watch, '/admin/media');
    for (const report of state.reports.slice(0, 5)) {
      await visit(watch, `/admin/reports/${report.id}/history`);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: '比較する' }).click()]);
      await visit(watch, page.url());
      const diff = await textOf(page, 'section[aria-labelledby="diff-title"]');
      assert.ok(diff.includes(`(${report.payload.n + 6})`), `the diff of report ${report.payload.n} shows the added payload as text`);
    }

    // Pages of the editor, media and settings, as far as they exist: every GET route of the
    // admin, its parameters filled with the first reports' ids (404 for ids of other kinds).
    const routes = state.t.app.adminRoutes.filter((r) => r.method === 'GET' || (Array.isArray(r.method) && r.method.includes('GET')));
    const seen = new Set(['/admin/login', '/admin/', '/admin', '/admin/account', '/admin/users', '/admin/audit']);
    for (const route of routes) {
      if (seen.has(route.url) || route.access === 'public') continue;
      const ids = route.url.includes(':') ? state.reports.slice(0, 5).map((r) => r.id) : [0];
      for (const id of ids) {
        const path = route.url.replace(/:[A-Za-z]+/g, String(id));
        await visit(watch, path, [200, 404, 409]);
      }
    }
  } finally {
    await watch.context.close();
  }
});

/** A payload as a participant's name: a name holds no punctuation and at most 40 characters (check-activity-record.ts). */
function nameOf(payload: XssPayload): string {
  return [...payload.text.replace(/[。、,.!?，．！？]/g, ' ')].slice(0, 40).join('');
}

test('runs no payload in the activity record panel, stored in every field or refused there, and shows each as typed', async () => {
  const site = state.t.site;
  const owner = (await site.db.selectFrom('users').select('id').where('login', '=', 'owner').executeTakeFirstOrThrow()).id;
  const actor: Actor = { userId: owner, login: 'owner', role: 'owner', ip: '192.0.2.1' };
  for (const { payload, id } of state.reports) {
    const text = payload.text;
    const cut = (limit: number) => [...text].slice(0, limit).join('');
    await confirmActivityRecord(site, actor, id, {
      kind: 'その他',
      date: null,
      place: cut(200),
      spans: [{ start: '09:00', end: '10:00', label: text }],
      participants: [{ name: nameOf(payload), title: cut(60), side: cut(80), organisation: cut(80), country: cut(80), isLegislator: false }],
      outcomes: [text],
    });
  }
  const watch = await watchedPage();
  try {
    const { page } = watch;
    await logInAsOwner(watch);
    for (const { payload, id } of state.reports) {
      await visit(watch, `/admin/reports/${id}/edit`);
      const shown = await page.locator('#record input[type="text"], #record textarea').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
      const cut = (limit: number) => [...payload.text].slice(0, limit).join('').trim();
      // Label, place, name, title, side, organisation, country, outcomes: each as stored (trimmed by the checks).
      for (const stored of [payload.text.trim(), cut(200), nameOf(payload).trim(), cut(60), cut(80)]) {
        assert.ok(shown.includes(stored), `payload ${payload.n} shown as typed in the panel: ${stored} not in ${shown.join(' | ')}`);
      }

      // Refused: the payload as kind, date, times and a name, shown again as typed. The kind
      // as a forged option; the date as a browser without a date picker lets it be typed.
      await page.locator('#field-record-kind').evaluate((select, value) => {
        (select as HTMLSelectElement).options[0]!.value = value;
        (select as HTMLSelectElement).selectedIndex = 0;
      }, payload.text);
      await page.locator('#field-record-date').evaluate((input) => input.setAttribute('type', 'text'));
      for (const field of ['date', 'spans-0-start', 'spans-0-end', 'participants-0-name']) await page.locator(`#field-record-${field}`).fill(payload.text);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('#record').getByRole('button', { name: '記録を保存' }).click()]);
      await page.waitForTimeout(20);
      assert.deepEqual(await injectedElements(page), [], `injected elements on the refused panel of payload ${payload.n}`);
      assert.deepEqual(watch.calls, [], `payload ${payload.n} ran on the refused panel`);
      assert.deepEqual(watch.dialogs, []);
      assert.equal(
        await page.locator('#field-record-participants-0-name').inputValue(),
        payload.text.replace(/\r?\n/g, ''),
        `the typed name of payload ${payload.n} kept`,
      );
      assert.equal(await page.locator('#field-record-date').inputValue(), payload.text.replace(/\r?\n/g, ''), `the typed date of payload ${payload.n} kept`);
      assert.ok((await textOf(page, '#record .error-summary')).length > 0, `refusal shown for payload ${payload.n}`);
    }
  } finally {
    await watch.context.close();
  }
});
