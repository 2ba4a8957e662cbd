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
  'report-saved': '下書きを保存しました。',
  'report-saved-live': '保存しました。公開ページにも反映しました。',
  'report-unchanged': '変更がなかったため、保存するものはありませんでした。',
  'report-submitted': 'レビューを依頼しました。編集者が確認して公開します。',
  'report-withdrawn': 'レビューの依頼を取り下げました。',
  'report-published': '公開しました。',
  'report-scheduled': '公開を予約しました。',
  'report-unpublished': '非公開に戻しました(下書きになりました)。',
  'report-trashed': 'ゴミ箱へ移動しました。',
  'report-restored': 'ゴミ箱から戻しました(下書きになりました)。',
  'report-deleted': '報告を完全に削除しました。',
  'demo-removed': 'デモの内容を削除しました。事務所の報告・ページ・設定はそのまま残っています。',
  'form-already-sent':
    'この入力画面の内容はすでに保存されています。そのとき保存したものを表示しています。新しく書くときは「新しい報告」「新しいページ」から始めてください。',
  'page-saved': 'ページを保存しました。',
  'page-published': 'ページを公開しました。',
  'page-unpublished': 'ページを非公開に戻しました(下書きになりました)。',
  'page-trashed': 'ページをゴミ箱へ移動しました。',
  'page-restored': 'ページをゴミ箱から戻しました(下書きになりました)。',
  'page-deleted': 'ページを完全に削除しました。',
  'revision-restored': '選んだ版の内容に戻しました(新しい版として保存しました)。',
  'revision-restored-live': '選んだ版の内容に戻しました(新しい版として保存しました)。公開ページもこの内容に変わりました。',
  'autosave-discarded': '自動保存された下書きを破棄しました。',
  'attachment-added': '添付資料を追加しました。',
  'attachment-uploaded': 'ファイルをアップロードして添付しました。',
  'attachment-saved-uploaded': '入力した内容を保存し、ファイルをアップロードして添付しました。',
  'attachment-updated': '添付資料のラベルと説明を保存しました。',
  'attachment-removed': '添付資料を外しました(ファイルはメディアに残っています)。',
  'attachment-moved': '添付資料の順番を変えました。',
  'record-saved': '活動の記録を保存しました。',
  'login-expired': 'ログインの手続きの有効期限が切れました。もう一度ログイン名とパスワードを入力してください。',
  'totp-enabled': '認証アプリを設定しました。',
  'totp-removed': '認証アプリの設定を解除しました。',
  'passkey-added': 'パスキーを登録しました。',
  'passkey-renamed': 'パスキーの名前を変えました。',
  'passkey-removed': 'パスキーを削除しました。',
  'two-factor-policy-saved': '二段階認証の方針を保存しました。',
};

export function noticeText(code: unknown): string | undefined {
  return typeof code === 'string' && Object.hasOwn(NOTICES, code) ? NOTICES[code] : undefined;
}

/** `path` with `?notice=code` (or `&notice=code`) for a redirect after an action. */
export function withNotice(path: string, code: keyof typeof NOTICES): string {
  return `${path}${path.includes('?') ? '&' : '?'}notice=${encodeURIComponent(code)}`;
}
