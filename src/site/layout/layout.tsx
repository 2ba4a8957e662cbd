// The frame of every public page: head metadata (canonical, OGP, feeds, OpenSearch,
// JSON-LD), site header with navigation and the search form, main content and footer.
// No script is loaded.
import type { ComponentChildren } from 'preact';
import { activityDataPaths } from '../../domain/activity-record/data-paths.js';
import { jsonForScript } from '../../domain/json-ld.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import { menuCurrentness, resolveMenu, type MenuItem } from '../../domain/navigation.js';
import { siteTitle, type SiteSettings } from '../../domain/settings.js';
import { displayTitle } from '../../domain/report-rules.js';
import { JsonLdScript } from '../components/html-block.js';
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
        <SiteHeader settings={site.settings} menu={menuOf(site)} section={meta.section} currentPath={meta.canonicalPath} />
        <main id="main" class="main">
          {children}
        </main>
        <SiteFooter settings={site.settings} menu={menuOf(site)} />
      </body>
    </html>
  );
}

function menuOf(site: SiteContext): MenuItem[] {
  const menu = site.menu ?? resolveMenu(site.settings.navigation, new Map());
  return menu.length > 0 ? menu : [{ label: '活動報告', url: paths.activity(), children: [] }];
}

function SiteHeader(props: { settings: SiteSettings; menu: MenuItem[]; section: string | undefined; currentPath: string | undefined }) {
  const { settings, menu, section, currentPath } = props;
  return (
    <header class="site-header">
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
              <a href={paths.home()} aria-current={currentPath === paths.home() ? 'page' : section === paths.home() ? 'true' : undefined}>
                ホーム
              </a>
            </li>
            {menu.map((item) => (
              <MenuEntry item={item} section={section} currentPath={currentPath} />
            ))}
          </ul>
        </nav>
        <SiteSearch />
      </div>
    </header>
  );
}

/** A link, or for an entry with children a disclosure (<details>, no script) listing the entry itself first. */
function MenuEntry({ item, section, currentPath }: { item: MenuItem; section: string | undefined; currentPath: string | undefined }) {
  const current = menuCurrentness(item, section, currentPath);
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
          {item.children.map((child) => (
            <li>
              <a href={child.url} aria-current={menuCurrentness(child, section, currentPath)}>
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

function SiteFooter({ settings, menu }: { settings: SiteSettings; menu: MenuItem[] }) {
  return (
    <footer class="site-footer">
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
    </footer>
  );
}
