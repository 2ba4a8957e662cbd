// The frame of every public page: head metadata (canonical, OGP, feeds, OpenSearch,
// JSON-LD), site header with navigation and the search form, main content and footer.
// No script is loaded.
import type { ComponentChildren } from 'preact';
import { jsonForScript } from '../../domain/json-ld.js';
import { absoluteUrl, paths } from '../../domain/paths.js';
import { isSiteLinkUrl, siteTitle, type SiteSettings } from '../../domain/settings.js';
import { displayTitle } from '../../domain/report-rules.js';
import { JsonLdScript } from './components/html-block.js';
import { ContactDetails, hasContactDetails } from './components/contact-details.js';

export interface SiteContext {
  settings: SiteSettings;
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
        <link rel="search" type="application/opensearchdescription+xml" title={name} href={paths.openSearch()} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:site_name" content={name} />
        <meta property="og:title" content={meta.title === '' ? name : shownTitle} />
        {description && <meta property="og:description" content={description} />}
        {canonical && <meta property="og:url" content={canonical} />}
        <meta property="og:locale" content="ja_JP" />
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content={meta.title === '' ? name : shownTitle} />
        {description && <meta name="twitter:description" content={description} />}
        {(meta.jsonLd ?? []).map((data) => (
          <JsonLdScript json={jsonForScript(data)} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">本文へ移動</a>
        <SiteHeader settings={site.settings} section={meta.section} currentPath={meta.canonicalPath} />
        <main id="main" class="main">
          {children}
        </main>
        <SiteFooter settings={site.settings} />
      </body>
    </html>
  );
}

/** "page" on the link to this very page, "true" on the link to the section it belongs to. */
function currentness(url: string, section: string | undefined, currentPath: string | undefined): 'page' | 'true' | undefined {
  if (url === currentPath) return 'page';
  return url === section ? 'true' : undefined;
}

function SiteHeader(props: { settings: SiteSettings; section: string | undefined; currentPath: string | undefined }) {
  const { settings, section, currentPath } = props;
  // ホーム always comes first, so a home entry in the settings would list it twice. A link the
  // settings form would refuse (javascript:, another scheme) is never printed, whatever is stored.
  const configured = settings.navigation.filter((link) => link.url !== paths.home() && isSiteLinkUrl(link.url));
  const links = configured.length > 0 ? configured : [{ label: '活動報告', url: paths.activity() }];
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
              <a href={paths.home()} aria-current={currentness(paths.home(), section, currentPath)}>
                ホーム
              </a>
            </li>
            {links.map((link) => (
              <li>
                <a href={link.url} aria-current={currentness(link.url, section, currentPath)}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <SiteSearch />
      </div>
    </header>
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

function SiteFooter({ settings }: { settings: SiteSettings }) {
  return (
    <footer class="site-footer">
      <div class="site-footer-inner">
        {hasContactDetails(settings) && (
          <section class="footer-contact" aria-labelledby="footer-contact-title">
            <h2 id="footer-contact-title">お問い合わせ</h2>
            <ContactDetails settings={settings} />
          </section>
        )}
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
        <p class="copyright">
          © {settings.legislatorName || 'katsudo'} 事務所
        </p>
      </div>
    </footer>
  );
}
