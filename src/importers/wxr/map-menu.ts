// WordPress menus (items of type nav_menu_item) → the site's navigation. The entries are
// read into a neutral structure first (menu, parent, order, what they point at), then the
// one menu that fits is turned into navigation links as domain/settings.ts defines them:
// the top level and one level below it, at most MAX_NAVIGATION_LINKS each, labels within the settings' limit, links
// that isSiteLinkUrl accepts. Home is left out (the site's menu always starts with ホーム).
// An entry for an imported page names it by its source key: the runner links it by page id
// once the page is written (write-page-item.ts resolvePageLinks).
import { paths } from '../../domain/paths.js';
import { isSiteLinkUrl, MAX_NAVIGATION_LINKS, SETTINGS_LIMITS } from '../../domain/settings.js';
import type { ImportedNavigationLink } from '../write-page-item.js';
import { pathOf } from './map-post.js';
import type { WxrChannel, WxrItem } from './read-wxr.js';

export interface WxrMenuEntry {
  id: string;
  /** The menu's slug (the item's nav_menu term). */
  menu: string;
  /** The entry it is nested under, '0' at the top. */
  parentId: string;
  order: number;
  /** The entry's own label; empty means "the title of what it points at". */
  label: string;
  /** custom (a URL), post_type (a post or page) or taxonomy (a category…). */
  kind: string;
  /** post, page, category…, or custom. */
  objectType: string;
  objectId: string;
  url: string;
}

/** What a post_type entry points at, from the post or page itself. */
export interface MenuTarget {
  title: string;
  link: string;
  /** The profile-like page, whose address now leads to /profile/. */
  isProfile: boolean;
  /** The source key of a page imported as a fixed page. */
  pageKey?: string;
}

export function menuEntryOf(item: WxrItem): WxrMenuEntry {
  const meta = (key: string) => (item.meta.get(key) ?? '').trim();
  return {
    id: item.postId,
    menu: item.terms.find((t) => t.domain === 'nav_menu')?.nicename ?? '',
    parentId: meta('_menu_item_menu_item_parent') || '0',
    order: Number(item.menuOrder) || 0,
    label: item.title.replace(/\s+/g, ' ').trim(),
    kind: meta('_menu_item_type'),
    objectType: meta('_menu_item_object'),
    objectId: meta('_menu_item_object_id'),
    url: meta('_menu_item_url'),
  };
}

/**
 * The navigation links of the menu with the most top-level entries, and a warning per
 * entry left out or shortened.
 */
export function navigationFromMenus(
  entries: WxrMenuEntry[],
  targets: ReadonlyMap<string, MenuTarget>,
  channel: WxrChannel,
): { links: ImportedNavigationLink[]; warnings: string[] } {
  const warnings: string[] = [];
  const menus = new Map<string, WxrMenuEntry[]>();
  for (const e of entries) menus.set(e.menu, [...(menus.get(e.menu) ?? []), e]);
  const topOf = (list: WxrMenuEntry[]) => list.filter((e) => e.parentId === '0').sort((a, b) => a.order - b.order);
  const chosen = [...menus.entries()].sort((a, b) => topOf(b[1]).length - topOf(a[1]).length)[0];
  if (!chosen) return { links: [], warnings };
  for (const [name] of menus) if (name !== chosen[0]) warnings.push(`メニュー「${name}」は使いませんでした。ナビゲーションはメニュー「${chosen[0]}」から作りました`);
  const [, list] = chosen;
  const top = topOf(list);
  const childrenOf = (parent: WxrMenuEntry) => list.filter((e) => e.parentId === parent.id).sort((a, b) => a.order - b.order);
  const kept = top.length + top.reduce((n, e) => n + childrenOf(e).length, 0);
  if (list.length > kept) warnings.push(`2段より深いメニュー項目${list.length - kept}件を除きました`);
  const links = fitting(top, targets, channel, warnings, 'ナビゲーション');
  for (const entry of top) {
    const link = links.find((l) => l.sourceId === entry.id);
    if (!link) continue;
    const children = fitting(childrenOf(entry), targets, channel, warnings, `「${link.label}」の下`);
    if (children.length > 0) link.children = children.map(({ sourceId: _, ...child }) => child);
  }
  return { links: links.map(({ sourceId: _, ...link }) => link), warnings };
}

/** The entries as links, at most MAX_NAVIGATION_LINKS, each remembering its entry's id. */
function fitting(
  entries: WxrMenuEntry[],
  targets: ReadonlyMap<string, MenuTarget>,
  channel: WxrChannel,
  warnings: string[],
  where: string,
): (ImportedNavigationLink & { sourceId: string })[] {
  const links: (ImportedNavigationLink & { sourceId: string })[] = [];
  for (const entry of entries) {
    const link = linkOf(entry, targets, channel, warnings);
    if (!link) continue;
    if (links.length === MAX_NAVIGATION_LINKS) {
      warnings.push(`メニュー項目「${link.label}」を除きました: ${where}に入るリンクは${MAX_NAVIGATION_LINKS}件までです`);
      continue;
    }
    links.push({ ...link, sourceId: entry.id });
  }
  return links;
}

function linkOf(entry: WxrMenuEntry, targets: ReadonlyMap<string, MenuTarget>, channel: WxrChannel, warnings: string[]): ImportedNavigationLink | undefined {
  let url: string | undefined;
  let pageKey: string | undefined;
  let label = entry.label;
  if (entry.kind === 'custom') {
    url = localOrAbsolute(entry.url, channel);
  } else if (entry.kind === 'post_type') {
    const target = targets.get(entry.objectId);
    if (!target) {
      warnings.push(`メニュー項目「${label || entry.id}」を除きました: リンク先の ${entry.objectType}(${entry.objectId})がエクスポートにありません`);
      return undefined;
    }
    label ||= target.title.replace(/\s+/g, ' ').trim();
    url = target.isProfile ? paths.profile() : pathOf(target.link, channel.baseSiteUrl);
    pageKey = target.pageKey;
  } else if (entry.kind === 'taxonomy') {
    warnings.push(`メニュー項目「${label || entry.id}」を除きました: リンク先の ${entry.objectType || 'taxonomy'} のアーカイブは、このサイトにはありません`);
    return undefined;
  } else {
    warnings.push(`メニュー項目「${label || entry.id}」を除きました: 種類「${entry.kind}」はこのサイトではリンクできません`);
    return undefined;
  }
  if (url === undefined || url === '/' || url === '' || !isSiteLinkUrl(url) || [...url].length > SETTINGS_LIMITS.navigationUrl) {
    if (url !== '/')
      warnings.push(`メニュー項目「${label || entry.id}」を除きました: リンク「${entry.url || url || ''}」は http(s) のアドレスでもサイト内のパスでもありません`);
    return undefined;
  }
  if (label === '') label = url;
  const chars = [...label];
  if (chars.length > SETTINGS_LIMITS.navigationLabel) {
    warnings.push(`メニュー項目「${label}」を${SETTINGS_LIMITS.navigationLabel}文字に短くしました`);
    label = `${chars.slice(0, SETTINGS_LIMITS.navigationLabel - 1).join('')}…`;
  }
  return pageKey === undefined ? { label, url } : { label, url, pageKey };
}

/** A link to the old site becomes its path (redirected where the content moved); others stay absolute. */
function localOrAbsolute(url: string, channel: WxrChannel): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  const base = channel.baseSiteUrl ? new URL(channel.baseSiteUrl) : undefined;
  if (base && parsed.host === base.host) return pathOf(trimmed, channel.baseSiteUrl);
  return parsed.href;
}
