/** The query language in four lines (domain/search/query.ts), with examples. */
function SyntaxList() {
  return (
    <dl class="search-syntax">
      <dt>スペースで区切る</dt>
      <dd>
        すべての語を含む報告を探します。例: <code>外交 中国</code>
      </dd>
      <dt>"…"で囲む</dt>
      <dd>
        その並びのまま含む報告を探します。例: <code>"日米 首脳"</code>
      </dd>
      <dt>語の前に -(マイナス)</dt>
      <dd>
        その語を含む報告を除きます。例: <code>外交 -中国</code>
      </dd>
      <dt>OR でつなぐ</dt>
      <dd>
        どちらかを含む報告を探します。例: <code>TPP OR 貿易</code>
      </dd>
    </dl>
  );
}

const NOTE = '全角と半角、大文字と小文字は区別しません。1文字の語でも探せます。';

/** Shown open when the box is empty; folded away under the results. */
export function SearchHelp({ isOpen }: { isOpen: boolean }) {
  if (isOpen) {
    return (
      <section class="search-help" aria-labelledby="search-help-title">
        <h2 id="search-help-title">検索のしかた</h2>
        <SyntaxList />
        <p>{NOTE}</p>
      </section>
    );
  }
  return (
    <details class="search-help">
      <summary>検索のしかた</summary>
      <SyntaxList />
      <p>{NOTE}</p>
    </details>
  );
}
