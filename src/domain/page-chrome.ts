// Lines of a web page's text that belong to the site around a report, not to the report:
// the site or blog name, the legislator's chamber and role, section labels, breadcrumbs,
// skip links, post meta lines, ads and blog-platform lines, menus, address blocks (before
// the title), and share buttons, links to the previous and next entry, comments and related
// entries (after the report). One classification for import-text and import-html's content
// extraction; the rules are documented for users in docs/import-text.md.

export type ChromeKind = 'site-name' | 'chamber-or-role' | 'section-label' | 'breadcrumb' | 'skip-link' | 'meta' | 'ad-or-platform' | 'address' | 'report-end';

/** How the import summary names each kind. */
export const CHROME_KIND_LABELS: Record<ChromeKind, string> = {
  'site-name': 'サイト名・ブログ名・会派名',
  'chamber-or-role': '議会・役職の行',
  'section-label': 'コーナー名・メニュー',
  breadcrumb: 'パンくずリスト',
  'skip-link': 'スキップリンク',
  meta: '投稿情報の行',
  'ad-or-platform': '広告・ブログサービスの行',
  address: '住所・電話・FAX',
  'report-end': '記事の後(共有ボタン・前後の記事・コメント・関連記事)',
};

/** A line longer than this is text, never chrome. */
const MAX_CHROME_CHARS = 60;

// Names of sections and menu entries of legislators' sites; a line made only of these
// (「活動報告・レポート」「ホーム | プロフィール | 政策」) is navigation.
const NAV_WORDS = new Set(
  [
    '活動報告',
    '活動レポート',
    'レポート',
    '議会報告',
    '県議会報告',
    '府議会報告',
    '都議会報告',
    '道議会報告',
    '市議会報告',
    '区議会報告',
    '町議会報告',
    '村議会報告',
    '国会報告',
    '国会活動',
    '国会質疑録',
    '国会質問',
    '質疑録',
    '議会質問',
    '議会活動',
    '活動日誌',
    '活動記録',
    '活動日記',
    '地元活動',
    '議員活動',
    '県政報告',
    '市政報告',
    '区政報告',
    '国政報告',
    'お知らせ',
    'ニュース',
    '新着情報',
    '最新情報',
    'トピックス',
    'ブログ',
    '日記',
    '最新記事',
    '記事一覧',
    '一覧',
    'ホーム',
    'トップ',
    'トップページ',
    'プロフィール',
    '政策',
    '理念',
    '実績',
    '事務所案内',
    '事務所',
    'お問い合わせ',
    'お問合せ',
    'ご意見',
    'リンク',
    'リンク集',
    'アクセス',
    '後援会',
    '後援会入会',
    'サイトマップ',
    'メニュー',
    'メールマガジン',
    'メルマガ',
    'ギャラリー',
    '動画',
    '写真',
    'プライバシーポリシー',
    '個人情報保護方針',
    '利用規約',
    'ご挨拶',
    'ごあいさつ',
    'home',
    'top',
    'news',
    'topics',
    'report',
    'reports',
    'activity',
    'activities',
    'blog',
    'diary',
    'profile',
    'policy',
    'contact',
    'menu',
    'english',
    'info',
    'information',
    // Tools in a site's header: text size, colours, search, languages, social accounts.
    '文字サイズ',
    '文字の大きさ',
    '背景色',
    '拡大',
    '縮小',
    '標準',
    '大',
    '中',
    '小',
    '検索',
    'サイト内検索',
    '閉じる',
    '開く',
    '白',
    '黒',
    '青',
    '印刷',
    '印刷する',
    'このページを印刷する',
    'カテゴリー',
    'カテゴリ',
    'アーカイブ',
    'タグ',
    'カレンダー',
    '自己紹介',
    '日本語',
    'ふりがな',
    '読み上げ',
    'instagram',
    'youtube',
    'rss',
    'sns',
    'search',
    'close',
    'facebook',
    'twitter',
    'line',
    'x',
  ].map((w) => w.toLowerCase()),
);

/** 「山川さくら Sakura Yamakawa」: a name with its reading in Latin letters, as site headers show it. */
const NAME_WITH_LATIN =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,8}(\s[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,6})?\s+[A-Za-z]{2,15}\s+[A-Za-z]{2,15}$/u;
const SITE_NAME =
  /(公式(ウェブ|web)?サイト|公式ホームページ|公式HP|ホームページ|オフィシャル(ウェブ)?サイト|オフィシャルブログ|公式ブログ|official ?(web ?)?site|official ?blog|web ?site|ブログ|blog|日記|ダイアリー|diary|議員団|市議団|県議団|区議団|町議団|府議団|都議団|会派|(県政|市政|区政|町政|村政|国政|都政|道政|府政|議会|活動)(レポート|通信|だより|ニュース))$/i;
/** A party or a group of the assembly on a line of its own (「みどり市民クラブ」「山川党」). */
const GROUP_NAME = /^(\S{1,16}\s)?\S{1,12}(党|クラブ)$/;
const CHAMBER =
  /^(衆議院|参議院|\S{0,8}?(都|道|府|県|市|区|町|村)議会)(議員(\s*\S{1,10})?)?$|(議員|議長|副議長|委員長|副委員長|大臣|副大臣|政務官|幹事長|政調会長|代表|会長)(\s*[(（][^)）]{1,15}[)）])?(\s+\S{1,10}([(（][^)）]{1,20}[)）])?){0,2}$/;
/** 「2023年3月」「2023年3月の記事」: the heading of a month's archive. */
const MONTH_ARCHIVE = /^\d{4}\s*年\s*\d{1,2}\s*月(の(記事|投稿|一覧|アーカイブ)|アーカイブ)?(\s*[(（]\d+[)）])?$/;
const BREADCRUMB_SEPARATOR = /\s*(?:>|＞|›|»|≫|→)\s*/;
const SKIP_LINK = /^(本文|メインコンテンツ|コンテンツ|メニュー|ナビゲーション|本文まで)(へ|に)?(移動|スキップ|進む|ジャンプ)?(する)?$|^skip (to|navigation)/i;
const META =
  /^(更新日|最終更新日?|投稿日|公開日|掲載日|作成日|登録日|日付|投稿者|作成者|執筆者|カテゴリー?|カテゴリ|分類|タグ|テーマ|ジャンル|posted|author|category|tags?)\s*[:：]|^(posted )?by\s+\S{1,20}$|^(投稿者|written by)\s*\S{1,20}$|(コメント|トラックバック|trackback|comments?)\s*([(（]\d+[)）]|[:：]?\s*\d+件?)$/i;
const AD_OR_PLATFORM =
  /スポンサーサイト|スポンサードリンク|スポンサーリンク|^(広告|PR|AD)$|sponsored|の広告は|ブログの説明を入力|アメンバー|ブログジャンル|広告が(表示|消せ)|powered by|^(ameba|アメーバ|アメブロ|fc2|livedoor|ライブドア|jimdo|wordpress|はてな|seesaa|goo ?ブログ|note)|読者になる|フォローする|ブログトップ|ブログをはじめる|新規登録|^ログイン$|^ランキング|ランキングに参加|にほんブログ村|人気ブログランキング|^(画像|記事)一覧$/i;
const ADDRESS =
  /^〒\s*\d{3}\s*-?\s*\d{4}|^(住所|所在地|tel|電話|電話番号|fax|ファクス|ファックス|e-?mail|mail|メール)\s*[:：.．]?\s*[\d(（]|(tel|電話|fax)\s*[:：.．]?\s*\d{2,5}\s*[-(（]|^(東京都|北海道|京都府|大阪府|\S{2,3}県)\S{1,20}(市|区|町|村|郡)\S{0,40}\d|^\S{0,20}事務所$/i;
/** Blocks that follow a report on blog and CMS pages; the report ends where one begins. */
const REPORT_END_LINE =
  /^[▲△↑^]?\s*(シェア(する)?|share|ツイート(する)?|tweet|ポスト(する)?|いいね!?|line(で送る)?|はてなブックマーク|b!|facebook|x|twitter|pocket|コメント(を(書く|する|投稿|残す|どうぞ))?|コメントする|コメントは(まだ)?ありません。?|トラックバック|続きを読む|(この)?ページの(先頭|トップ|上部|上)へ(戻る)?|(ページ)?トップへ(戻る)?|top\s*へ戻る|page ?top|(前|次)へ|(前|次)のページ|\S{0,12}一覧(へ|に)戻る|戻る|(facebook|twitter|x|line|はてな|はてブ|mixi|pocket|threads|instagram)\s*(で|に)(シェア|送る|共有|ポスト|投稿)(する)?|(\S+\s){1,6}\S+)$/i;
const REPORT_END_START =
  /^[▲△↑^]?\s*(この(記事|エントリー)を|(前|次|新しい|古い|ひとつ前|ひとつ次)の(記事|投稿|エントリー|ページ)|[«←]\s*\S|.{1,40}[»→]$|[＜<]\s*(前|次)|(前|次)へ\s*[»＞>→]|コメント一覧|この記事へのコメント|関連(する)?(記事|エントリー|投稿)|あわせて読みたい|人気(の)?記事|最近の投稿|最新の(記事|投稿)|月別アーカイブ|アーカイブ|カテゴリー一覧|copyright|©|\(c\)\s*\d{4}|all rights reserved)/i;
const SHARE_WORD = /^(シェア|share|ツイート|tweet|ポスト|いいね!?|line|はてブ|はてなブックマーク|b!|facebook|x|twitter|pocket|前へ|次へ|\||｜|\d+)$/i;

function isReportEnd(text: string): boolean {
  if (REPORT_END_START.test(text)) return true;
  if (!REPORT_END_LINE.test(text)) return false;
  // Several words on one line only when every one is a share button (「ツイート シェア B!」).
  return !/\s/.test(text) || text.split(/\s+/).every((w) => SHARE_WORD.test(w));
}

/** Headings of a blog's or site's sidebar; one standing alone after a report begins the sidebar. */
const SIDEBAR_HEADING =
  /^(プロフィール|自己紹介|最新(の)?記事|最近の記事|最新(の)?投稿|最近の投稿|最新コメント|最近のコメント|カテゴリー?|カテゴリ|(月別)?アーカイブ|過去の記事|タグ(クラウド)?|カレンダー|リンク集?|(ブログ|サイト)内検索|検索|人気(の)?記事|おすすめ記事|ランキング|qrコード|rss|profile|archives?|categories|recent (posts|entries|comments)|links|search)$/i;

export function isSidebarHeading(line: string): boolean {
  return SIDEBAR_HEADING.test(line.normalize('NFKC').trim());
}

/**
 * What a line is when it is site chrome rather than report text, judged on its own: a
 * long line is never chrome. Dates are not chrome (domain/dateline.ts reads them).
 */
export function chromeKindOf(line: string): ChromeKind | undefined {
  const text = line.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > MAX_CHROME_CHARS) return undefined;
  if (SKIP_LINK.test(text)) return 'skip-link';
  if (isReportEnd(text)) return 'report-end';
  if (META.test(text)) return 'meta';
  if (AD_OR_PLATFORM.test(text)) return 'ad-or-platform';
  if (isBreadcrumb(text)) return 'breadcrumb';
  if (isNavigation(text) || MONTH_ARCHIVE.test(text)) return 'section-label';
  if (ADDRESS.test(text)) return 'address';
  if (/。./.test(text)) return undefined;
  if (SITE_NAME.test(text) || GROUP_NAME.test(text) || NAME_WITH_LATIN.test(text)) return 'site-name';
  if (CHAMBER.test(text)) return 'chamber-or-role';
  return undefined;
}

const GLUED_SITE_NAME = /^(.{1,20}?(公式(ウェブ)?サイト|公式ホームページ|オフィシャル(ウェブ)?サイト|オフィシャルブログ|公式ブログ|ホームページ))(.+)$/;
const GLUED_LABELS = [...NAV_WORDS].filter((w) => w.length >= 3 && !/^[a-z]+$/.test(w)).sort((a, b) => b.length - a.length);

/**
 * A piece of a page that lost its line breaks and its spaces, cut where chrome is glued to
 * text: 「山川さくら公式サイト活動報告」 → 「山川さくら公式サイト」「活動報告」.
 */
export function splitGluedChrome(piece: string, isAfterChrome = false): string[] {
  const site = GLUED_SITE_NAME.exec(piece);
  if (site) return [site[1]!, ...splitGluedChrome(site[5]!, true)];
  // A label is cut off only where chrome or a date shows it is no word of the title (「活動報告会」).
  const label = GLUED_LABELS.find((w) => piece.startsWith(w) && piece.length > w.length);
  if (label && (isAfterChrome || /^[0-9０-９]/.test(piece.slice(label.length)))) {
    return [label, ...splitGluedChrome(piece.slice(label.length), true)];
  }
  return [piece];
}

/** A site's or blog's name, a chamber or a role: what a page's <h1> often is instead of the title. */
export function isSiteNameLine(line: string): boolean {
  const kind = chromeKindOf(line);
  return kind === 'site-name' || kind === 'chamber-or-role' || kind === 'section-label';
}

/** 「ホーム > 活動報告 > 港湾視察」: short parts joined by arrows, starting at the top page. */
function isBreadcrumb(text: string): boolean {
  const parts = text.split(BREADCRUMB_SEPARATOR).filter((p) => p !== '');
  if (parts.length < 2 || !BREADCRUMB_SEPARATOR.test(text)) return false;
  if (/^(ホーム|トップ|トップページ|home|top)$/i.test(parts[0]!)) return true;
  // 「山川さくら公式サイト > 活動報告 > 港湾視察」: three or more short parts.
  if (parts.length >= 3 && parts.every((p) => p.length <= 30)) return true;
  return /^(現在(の)?位置|現在地|you are here)\s*[:：]/i.test(text);
}

/** A section label or a menu: every word is a section or menu name (「活動報告・レポート」). */
function isNavigation(text: string): boolean {
  const words = text
    .replace(/^[【[［〈<＜「『(（]+|[】\]］〉>＞」』)）]+$/g, '')
    .split(/[\s・/|｜,、&＆+【】[\]［］()（）]+/)
    .filter((w) => w !== '');
  // 「県政報告 (12)」: a sidebar's category with its count.
  const isNav = (w: string) => NAV_WORDS.has(w.toLowerCase()) || /^(\S+一覧|\S+アーカイブ)$/.test(w);
  return words.some(isNav) && words.every((w) => isNav(w) || /^\d+$/.test(w));
}
