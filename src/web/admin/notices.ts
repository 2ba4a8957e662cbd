// Messages shown once after an action redirects (POST → 303 → GET ?notice=code). A code,
// not the text, travels in the URL, so nobody can make the admin show words of their own,
// and no server memory is involved (any process may serve the next request).
// Add a line for each new message.
export const NOTICES: Record<string, string> = {
  'logged-out': 'ログアウトしました。',
  'password-changed': 'パスワードを変更しました。他の端末のログインは終了しました。',
  'session-revoked': 'ログインを終了しました。',
  'sessions-revoked': '他の端末のログインをすべて終了しました。',
  'user-added': 'ユーザーを追加しました。',
  'user-disabled': 'ユーザーを無効にしました。ログイン中のセッションも終了しました。',
  'user-enabled': 'ユーザーを有効にしました。',
  'role-changed': '権限を変更しました。',
  'settings-saved': 'サイト設定を保存しました。公開サイトに反映しました。',
  'settings-unchanged': '変更がなかったため、保存するものはありませんでした。',
  'media-uploaded': 'ファイルを登録しました。',
  'media-duplicate': '同じファイルが同じ名前で登録済みでした。登録済みのものを表示しています。',
  'media-updated': '代替テキストを保存しました。',
  'media-deleted': 'ファイルを削除しました。',
};

export function noticeText(code: unknown): string | undefined {
  return typeof code === 'string' && Object.hasOwn(NOTICES, code) ? NOTICES[code] : undefined;
}

/** `path` with `?notice=code` (or `&notice=code`) for a redirect after an action. */
export function withNotice(path: string, code: keyof typeof NOTICES): string {
  return `${path}${path.includes('?') ? '&' : '?'}notice=${encodeURIComponent(code)}`;
}
