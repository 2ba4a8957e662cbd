// The frame of every public page: head metadata (canonical, OGP, feeds, OpenSearch,
// JSON-LD), site header with navigation and the search form, main content and footer.
// No script is loaded.
import type { ComponentChildren } from 'preact';
import { activityDataPaths } from '../../domain/activity-record/data-paths.js';
import { jsonForScript } from '../../domain/json-ld.js';
import type { TrustedHtml } from '../../domain/trusted-html.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import { menuCurrentness, resolveMenu, type MenuItem } from '../../domain/navigation.js';
import { siteTitle, type SiteSettings } from '../../domain/settings.js';
import { displayTitle } from '../../domain/report-rules.js';
import { JsonLdScript, RenderedElement, renderedHtml } from '../components/html-block.js';
import { ContactDetails, hasContactDetails } from '../components/contact-details.js';

export interface SiteContext {
  settings: SiteSettings;
  /** The menu with fixed pages resolved; absent: the stored links only (error pages). */
  menu?: MenuItem[];
  baseUrl: string;
  /** Content-hashed stylesheet and icon URLs. */
  cssHref: string;
  iconHref: string;
}

export interface PageMeta {
  /** Shown before the site title; empty on the home page. */
  title: string;
  description: string;
  /** Absent on error pages, which have no canonical address. */
  canonicalPath?: string;
  ogType?: 'website' | 'article' | 'profile';
  jsonLd?: Record<string, unknown>[];
  noindex?: boolean;
  prevPath?: string;
  nextPath?: string;
  /** Path of the navigation entry to mark as current. */
  section?: string;
  /** Link the calendar of upcoming activities (/events.ics) in the head: the home page, which lists them. */
  hasCalendarFeed?: boolean;
}

export function Layout({ site, meta, children }: { site: SiteContext; meta: PageMeta; children: ComponentChildren }) {
  const name = siteTitle(site.settings);
  // A long title (an imported post's may run to hundreds of characters) is cut for the head only.
  const shownTitle = displayTitle(meta.title);
  const fullTitle = meta.title === '' ? name : `${shownTitle} | ${name}`;
  const canonical = meta.canonicalPath === undefined ? undefined : absoluteUrl(site.baseUrl, meta.canonicalPath);
  const description = meta.description || site.settings.siteDescription;
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description && <meta name="description" content={description} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        {canonical && <link rel="canonical" href={canonical} />}
        {meta.prevPath && <link rel="prev" href={absoluteUrl(site.baseUrl, meta.prevPath)} />}
        {meta.nextPath && <link rel="next" href={absoluteUrl(site.baseUrl, meta.nextPath)} />}
        <link rel="stylesheet" href={site.cssHref} />
        <link rel="icon" href={site.iconHref} type="image/svg+xml" />
        <link rel="alternate" type="application/rss+xml" title={`${name}(RSS)`} href={paths.rss()} />
        <link rel="alternate" type="application/atom+xml" title={`${name}(Atom)`} href={paths.atom()} />
        <link rel="alternate" type="application/feed+json" title={`${name}(JSON Feed)`} href={paths.jsonFeed()} />
        {meta.hasCalendarFeed && <link rel="alternate" type="text/calendar" title={`${name}(活動予定)`} href={activityDataPaths.ics} />}
        <link rel="search" type="application/opensearchdescription+xml" title={name} href={paths.openSearch()} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:site_name" content={name} />
        <meta property="og:title" content={meta.title === '' ? name : shownTitle} />
        {description && <meta property="og:description" content={description} />}
        {canonical && <meta property="og:url" content={canonical} />}
        <meta property="og:locale" content="ja_JP" />
        {/* X's cards read og:title and og:description when their own tags are absent: each is written once. */}
        <meta name="twitter:card" content="summary" />
        {(meta.jsonLd ?? []).map((data) => (
          <JsonLdScript json={jsonForScript(data)} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          本文へ移動
        </a>
        <RenderedElement tag="header" class="site-header" html={headerHtml(site, meta)} />
        <main id="main" class="main">
          {children}
        </main>
        <RenderedElement tag="footer" class="site-footer" html={framesOf(site).footer} />
      </body>
    </html>
  );
}

/**
 * The header and footer, rendered once per frame and kept as HTML: 13,000 pages of a static
 * build (and the server's cache misses) share them instead of rendering the same tree each.
 * Kept by the identity of the settings and menu, which loadSiteContext takes from the memo of
 * the content version (content-memo.ts): any write brings new objects and so a new frame, and
 * the old one goes with them. The frame's objects are therefore never changed in place.
 */
interface Frame {
  menu: MenuItem[];
  footer: TrustedHtml;
  /** The header's inner HTML for each currentness of the navigation (currentnessKey). */
  headers: Map<string, TrustedHtml>;
}

const frames = new WeakMap<SiteSettings, WeakMap<MenuItem[], Frame>>();
/** The key of a frame without a resolved menu (its menu follows from the settings alone). */
const STORED_LINKS: MenuItem[] = [];

function framesOf(site: SiteContext): Frame {
  let bySettings = frames.get(site.settings);
  if (bySettings === undefined) frames.set(site.settings, (bySettings = new WeakMap()));
  const key = site.menu ?? STORED_LINKS;
  let frame = bySettings.get(key);
  if (frame === undefined) {
    const menu = menuOf(site);
    frame = { menu, footer: renderedHtml(<SiteFooterInner settings={site.settings} menu={menu} />), headers: new Map() };
    bySettings.set(key, frame);
  }
  return frame;
}

function headerHtml(site: SiteContext, meta: PageMeta): TrustedHtml {
  const frame = framesOf(site);
  const current = navCurrentness(frame.menu, meta.section, meta.canonicalPath);
  const key = currentnessKey(current);
  let html = frame.headers.get(key);
  if (html === undefined) {
    html = renderedHtml(<SiteHeaderInner settings={site.settings} menu={frame.menu} current={current} />);
    frame.headers.set(key, html);
  }
  return html;
}

function menuOf(site: SiteContext): MenuItem[] {
  const menu = site.menu ?? resolveMenu(site.settings.navigation, new Map());
  return menu.length > 0 ? menu : [{ label: '活動報告', url: paths.activity(), children: [] }];
}

type Currentness = 'page' | 'true' | undefined;

/** Which navigation entries a page marks as current (aria-current): all the header depends on besides the frame. */
interface NavCurrentness {
  home: Currentness;
  /** One per menu entry, in order: the entry's own and its children's. */
  entries: { own: Currentness; children: Currentness[] }[];
}

function navCurrentness(menu: MenuItem[], section: string | undefined, currentPath: string | undefined): NavCurrentness {
  return {
    home: currentPath === paths.home() ? 'page' : section === paths.home() ? 'true' : undefined,
    entries: menu.map((item) => ({
      own: menuCurrentness(item, section, currentPath),
      children: item.children.map((child) => menuCurrentness(child, section, currentPath)),
    })),
  };
}

function currentnessKey(current: NavCurrentness): string {
  const mark = (value: Currentness) => (value === undefined ? '-' : value[0]!);
  return mark(current.home) + current.entries.map((entry) => mark(entry.own) + entry.children.map(mark).join('')).join(',');
}

/** Inside <header class="site-header">. */
function SiteHeaderInner({ settings, menu, current }: { settings: SiteSettings; menu: MenuItem[]; current: NavCurrentness }) {
  return (
    <div class="site-header-inner">
      <p class="site-name">
        <a href={paths.home()}>
          {settings.chamber && <span class="site-chamber">{settings.chamber}</span>}
          <span class="site-legislator">{settings.legislatorName || 'katsudo'}</span>
          <span class="site-suffix">公式サイト</span>
        </a>
      </p>
      <nav class="site-nav" aria-label="サイト内メニュー">
        <ul>
          <li>
            <a href={paths.home()} aria-current={current.home}>
              ホーム
            </a>
          </li>
          {menu.map((item, i) => (
            <MenuEntry item={item} current={current.entries[i]!} />
          ))}
        </ul>
      </nav>
      <SiteSearch />
    </div>
  );
}

/** A link, or for an entry with children a disclosure (<details>, no script) listing the entry itself first. */
function MenuEntry({ item, current: { own: current, children } }: { item: MenuItem; current: NavCurrentness['entries'][number] }) {
  if (item.children.length === 0) {
    return (
      <li>
        <a href={item.url} aria-current={current}>
          {item.label}
        </a>
      </li>
    );
  }
  return (
    <li class="site-nav-group">
      <details>
        <summary aria-current={current === undefined ? undefined : 'true'}>{item.label}</summary>
        <ul>
          <li>
            <a href={item.url} aria-current={current === 'page' ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
          {item.children.map((child, i) => (
            <li>
              <a href={child.url} aria-current={children[i]}>
                {child.label}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The search box on every page: a plain GET form, so it works without JavaScript. */
function SiteSearch() {
  return (
    <form class="site-search" action={paths.search()} method="get" role="search" aria-label="サイト内検索">
      <label for="site-search-q" class="visually-hidden">
        サイト内検索
      </label>
      <input type="search" id="site-search-q" name="q" />
      <button type="submit">検索</button>
    </form>
  );
}

/** Inside <footer class="site-footer">. */
function SiteFooterInner({ settings, menu }: { settings: SiteSettings; menu: MenuItem[] }) {
  return (
    <div class="site-footer-inner">
      {hasContactDetails(settings) && (
        <section class="footer-contact" aria-labelledby="footer-contact-title">
          <h2 id="footer-contact-title">お問い合わせ</h2>
          <ContactDetails settings={settings} />
        </section>
      )}
      <nav class="footer-nav" aria-label="フッターメニュー">
        <ul>
          {menu
            .flatMap((item) => [item, ...item.children])
            .map((item) => (
              <li>
                <a href={item.url}>{item.label}</a>
              </li>
            ))}
        </ul>
      </nav>
      <ul class="footer-links">
        <li>
          <a href={paths.profile()}>プロフィール</a>
        </li>
        <li>
          <a href={paths.activity()}>活動報告</a>
        </li>
        <li>
          <a href={paths.rss()}>RSS</a>
        </li>
        <li>
          <a href={paths.atom()}>Atom</a>
        </li>
        <li>
          <a href={paths.jsonFeed()}>JSON Feed</a>
        </li>
        <li>
          <a href="/api/v1/reports">オープンデータ(JSON API)</a>
        </li>
      </ul>
      <p class="copyright">© {settings.legislatorName || 'katsudo'} 事務所</p>
    </div>
  );
}
