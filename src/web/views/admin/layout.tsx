// The frame of every admin page: header with the site name and the navigation the
// user's role may use, who is logged in with a logout button, the notice left by the
// last action, and the page content. Forms only; the scripts are optional (admin-forms.js
// on every page: one submission per form, focus on the notice or the error summary).
import type { ComponentChildren } from 'preact';
import { isAllowed, ROLE_LABELS, type Access, type Role } from '../../../domain/user.js';

/** What every admin page needs besides its own data (built by web/admin/page.ts). */
export interface AdminPageContext {
  /** 「衆議院議員 山川さくら」, or "katsudo" before the settings are filled in. */
  siteName: string;
  cssHrefs: string[];
  iconHref: string;
  /** Absent on the login page. */
  user?: { login: string; displayName: string; role: Role };
  /** For forms: <CsrfField token={page.csrfToken} />; also in <meta name="csrf-token"> for scripts. */
  csrfToken: string;
  /** The message of a finished action (see web/admin/notices.ts), shown once. */
  notice?: string;
  /** The request path, to mark the current navigation entry. */
  path: string;
  /** admin-forms.js (content-hashed path); absent in views rendered without the server. */
  formsScriptHref?: string;
  /** A fresh one-time submission key for the links that open a new report or page form (newFormHref). */
  formKey?: string;
}

/** 「新しい報告」 and 「新しいページ」 links: the form they open keeps this key in its address (web/admin/submission-key.ts). */
export function newFormHref(page: AdminPageContext, path: string): string {
  return page.formKey ? `${path}?key=${page.formKey}` : path;
}

export interface AdminNavItem {
  label: string;
  href: string;
  access: Access;
}

/** The admin sections, in menu order; each shown only to roles that may open it. */
export const ADMIN_NAV: readonly AdminNavItem[] = [
  { label: 'ダッシュボード', href: '/admin/', access: 'writer' },
  { label: '活動報告', href: '/admin/reports', access: 'writer' },
  { label: '固定ページ', href: '/admin/pages', access: 'writer' },
  { label: 'メディア', href: '/admin/media', access: 'editor' },
  { label: 'サイト設定', href: '/admin/settings', access: 'owner' },
  { label: 'ユーザー', href: '/admin/users', access: 'owner' },
  { label: '操作履歴', href: '/admin/audit', access: 'owner' },
];

export interface AdminLayoutProps {
  page: AdminPageContext;
  /** The page's own title, first in <title>. */
  title: string;
  children: ComponentChildren;
  /** Extra script files (content-hashed paths); none by default. */
  scripts?: string[];
  /**
   * Where the second skip link leads: the page's main form or its main action
   * (`#report-form`, `#report-actions` …), reached in two Tab presses instead of walking the menu.
   */
  mainActionId?: string;
  /** The second skip link's text (「入力欄へ移動」 …). */
  mainActionLabel?: string;
}

export function AdminLayout({ page, title, children, scripts = [], mainActionId, mainActionLabel = '操作ボタンへ移動' }: AdminLayoutProps) {
  const allScripts = page.formsScriptHref ? [page.formsScriptHref, ...scripts] : scripts;
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="csrf-token" content={page.csrfToken} />
        <title>{`${title} | 管理画面 | ${page.siteName}`}</title>
        {page.cssHrefs.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <link rel="icon" href={page.iconHref} type="image/svg+xml" />
        {allScripts.map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body class="admin">
        <div class="skip-links">
          <a class="skip-link" href="#main">
            本文へ移動
          </a>
          {mainActionId && (
            <a class="skip-link" href={`#${mainActionId}`}>
              {mainActionLabel}
            </a>
          )}
        </div>
        <header class="admin-header">
          <div class="admin-header-inner">
            <p class="admin-site">
              <a href="/admin/">
                <span class="admin-site-name">{page.siteName}</span>
                <span class="admin-site-suffix">管理画面</span>
              </a>
            </p>
            {page.user && <AdminNav page={page} role={page.user.role} />}
            {page.user && <UserBox page={page} user={page.user} />}
          </div>
        </header>
        <main id="main" class="admin-main">
          {page.notice && (
            <p class="admin-notice" tabindex={-1} autofocus role="status">
              {page.notice}
            </p>
          )}
          {children}
        </main>
        <footer class="admin-footer">
          <p>
            <a href="/">公開サイトを見る</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

function isCurrent(href: string, path: string): boolean {
  if (href === '/admin/') return path === '/admin/' || path === '/admin';
  return path === href || path.startsWith(`${href}/`);
}

function AdminNav({ page, role }: { page: AdminPageContext; role: Role }) {
  return (
    <nav class="admin-nav" aria-label="管理メニュー">
      <ul>
        {ADMIN_NAV.filter((item) => isAllowed(role, item.access)).map((item) => (
          <li>
            <a href={item.href} aria-current={isCurrent(item.href, page.path) ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UserBox({ page, user }: { page: AdminPageContext; user: NonNullable<AdminPageContext['user']> }) {
  return (
    <div class="admin-user">
      <a href="/admin/account" aria-current={isCurrent('/admin/account', page.path) ? 'page' : undefined}>
        {user.displayName}
        <span class="admin-user-role">({ROLE_LABELS[user.role]})</span>
      </a>
      <form method="post" action="/admin/logout" class="admin-logout">
        <input type="hidden" name="_csrf" value={page.csrfToken} />
        <button type="submit">ログアウト</button>
      </form>
    </div>
  );
}
