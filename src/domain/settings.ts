// The site's settings: who the legislator is and how the site introduces itself, and the
// rules for the owner's settings form (checkSettings).
import { ValidationError } from './errors.js';

/**
 * A menu entry as stored. Older stored values hold only label and url; both extensions are
 * optional. A fixed page's entry keeps its id (title and path are looked up when the menu is
 * rendered, so renaming or moving the page keeps the entry working; `url` is its path at save
 * time) and may leave `label` empty (then the page's title is shown). Only top-level entries
 * have children: one level of nesting.
 */
export interface NavigationLink {
  label: string;
  url: string;
  pageId?: number;
  children?: NavigationLink[];
}

/**
 * A row of the menu form as typed: `page` is a fixed page's id ('' for a link by URL),
 * `parent` the 1-based number of the row it sits under ('' at the top level).
 */
export interface NavigationRow {
  label: string;
  url: string;
  page?: string;
  parent?: string;
}

export interface SiteSettings {
  /** 山川 さくら */
  legislatorName: string;
  /** やまかわ さくら */
  legislatorNameKana: string;
  /** 衆議院議員, 参議院議員, ○○県議会議員 … */
  chamber: string;
  /** 静岡県第9区 (free text) */
  constituency: string;
  party: string;
  /** The profile page body, in the report text format. */
  profileSource: string;
  /** Office addresses and telephone numbers, plain multi-line text. */
  contact: string;
  /** The main telephone number, digits and hyphens: 03-5555-0155. */
  contactPhone: string;
  contactEmail: string;
  /** A contact form: an http(s) URL or a path on this site. */
  contactFormUrl: string;
  siteDescription: string;
  navigation: NavigationLink[];
}

export const EMPTY_SETTINGS: SiteSettings = {
  legislatorName: '',
  legislatorNameKana: '',
  chamber: '',
  constituency: '',
  party: '',
  profileSource: '',
  contact: '',
  contactPhone: '',
  contactEmail: '',
  contactFormUrl: '',
  siteDescription: '',
  navigation: [],
};

/** 「衆議院議員 山川さくら 公式サイト」 */
export function siteTitle(settings: SiteSettings): string {
  const who = [settings.chamber, settings.legislatorName].filter((s) => s.trim() !== '').join(' ');
  return who === '' ? '公式サイト' : `${who} 公式サイト`;
}

/** What the settings form sends: every field as typed, navigation as rows in order. */
export type SettingsInput = Omit<SiteSettings, 'navigation'> & { navigation: NavigationRow[] };

/** The stored menu as form rows: each entry followed by its children, which name it as parent. */
export function navigationToRows(links: readonly NavigationLink[]): NavigationRow[] {
  const rows: NavigationRow[] = [];
  const row = (link: NavigationLink, parent: string): NavigationRow =>
    link.pageId === undefined ? { label: link.label, url: link.url, page: '', parent } : { label: link.label, url: '', page: String(link.pageId), parent };
  for (const link of links) {
    rows.push(row(link, ''));
    const parent = String(rows.length);
    for (const child of link.children ?? []) rows.push(row(child, parent));
  }
  return rows;
}

/** Characters (code points) each field may hold. */
export const SETTINGS_LIMITS = {
  legislatorName: 40,
  legislatorNameKana: 60,
  chamber: 40,
  constituency: 60,
  party: 60,
  profileSource: 20_000,
  contact: 1_000,
  contactPhone: 30,
  contactEmail: 254,
  contactFormUrl: 500,
  siteDescription: 300,
  navigationLabel: 20,
  navigationUrl: 500,
} as const;

/** Menu entries after ホーム: enough for a small site, few enough for one line on a phone. */
export const MAX_NAVIGATION_LINKS = 8;

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One line: NFC, whitespace runs (newlines included) as one space, trimmed. */
function oneLine(text: string): string {
  return text.normalize('NFC').replace(CONTROL_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}

/** Several lines: NFC, CRLF as LF, trailing spaces and blank lines at the ends removed. */
function lines(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

const length = (text: string) => [...text].length;

/**
 * A link this site may show: an http(s) URL with a host, or a path on this site ("/profile/").
 * Never "//host" (another site in disguise), javascript: or data: URLs, spaces or backslashes.
 */
export function isSiteLinkUrl(url: string): boolean {
  if (/[\s\\]/.test(url)) return false;
  if (url.startsWith('/')) return !url.startsWith('//');
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

/** Digits with hyphens, parentheses, spaces or a leading +; full-width digits and dashes are made half-width. */
function normalizePhone(text: string): string {
  return oneLine(text.normalize('NFKC')).replace(/[‐‑‒–—―−ー－]/g, '-');
}

function isPhone(phone: string): boolean {
  const digits = phone.replace(/\D/g, '').length;
  return /^\+?[0-9()\- ]+$/.test(phone) && digits >= 6 && digits <= 15;
}

function isEmail(email: string): boolean {
  return /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:.]{2,}$/.test(email) && !email.includes('..');
}

const LABELS: Record<keyof typeof SETTINGS_LIMITS, string> = {
  legislatorName: '議員の氏名',
  legislatorNameKana: '氏名の読み',
  chamber: '肩書き',
  constituency: '選挙区',
  party: '所属政党',
  profileSource: 'プロフィール',
  contact: '事務所の所在地・連絡先',
  contactPhone: '電話番号',
  contactEmail: 'メールアドレス',
  contactFormUrl: 'お問い合わせフォームのURL',
  siteDescription: 'サイトの説明',
  navigationLabel: 'メニューの表示名',
  navigationUrl: 'メニューのリンク先',
};

const tooLong = (field: keyof typeof SETTINGS_LIMITS, actual: number) => `${LABELS[field]}は${SETTINGS_LIMITS[field]}文字以内で入力してください（現在${actual}文字）。`;

export const settingsMessages = {
  nameRequired: '議員の氏名を入力してください（サイトの見出しと著者名に使われます）。',
  tooLong,
  phone: '電話番号は数字とハイフンで入力してください（例：03-5555-0155）。',
  email: 'メールアドレスの形式が正しくありません（例：info@example.jp）。',
  url: (what: string) => `${what}は「https://」で始まるURLか、「/」で始まるサイト内のパス（例：/profile/）で入力してください。`,
  navigationLabelRequired: 'リンク先を入れた行には表示名も入力してください。',
  navigationUrlRequired: '表示名を入れた行にはリンク先も入力してください。',
  navigationTooMany: (count: number) => `メニューは${MAX_NAVIGATION_LINKS}件までです（現在${count}件）。不要な行を空にしてください。`,
  navigationChildrenTooMany: (count: number) => `ひとつの項目の下に置けるのは${MAX_NAVIGATION_LINKS}件までです（現在${count}件）。`,
  navigationPageMissing: '選んだ固定ページが見つからないか、公開されていません。公開中のページを選んでください。',
  navigationParentInvalid: '親にできるのは、上の段にある(自身に親のない)空でない行だけです。メニューの入れ子は1段までです。',
} as const;

/** Field names of the navigation rows' messages: `navigation-0-label`, `navigation-0-url`. */
export const navigationField = (row: number, part: 'label' | 'url' | 'page' | 'parent') => `navigation-${row}-${part}`;

/**
 * The settings to store, cleaned (NFC, one-line fields on one line, phone numbers half-width),
 * or every problem at once.
 * @throws ValidationError whose `fields` hold a Japanese message per field (navigation rows
 *   as `navigation-<row>-label|url`, counting every row sent, empty ones included).
 */
export function checkSettings(input: SettingsInput, publishedPagePaths: ReadonlyMap<number, string> = new Map()): SiteSettings {
  const fields: Record<string, string> = {};
  const single = (name: keyof typeof SETTINGS_LIMITS & keyof SettingsInput, value: string) => {
    if (length(value) > SETTINGS_LIMITS[name]) fields[name] = tooLong(name, length(value));
    return value;
  };
  const settings: SiteSettings = {
    legislatorName: single('legislatorName', oneLine(input.legislatorName)),
    legislatorNameKana: single('legislatorNameKana', oneLine(input.legislatorNameKana)),
    chamber: single('chamber', oneLine(input.chamber)),
    constituency: single('constituency', oneLine(input.constituency)),
    party: single('party', oneLine(input.party)),
    profileSource: single('profileSource', lines(input.profileSource)),
    contact: single('contact', lines(input.contact)),
    contactPhone: single('contactPhone', normalizePhone(input.contactPhone)),
    contactEmail: single('contactEmail', oneLine(input.contactEmail.normalize('NFKC'))),
    contactFormUrl: single('contactFormUrl', oneLine(input.contactFormUrl)),
    siteDescription: single('siteDescription', oneLine(input.siteDescription)),
    navigation: [],
  };
  if (settings.legislatorName === '') fields.legislatorName = settingsMessages.nameRequired;
  if (!fields.contactPhone && settings.contactPhone !== '' && !isPhone(settings.contactPhone)) fields.contactPhone = settingsMessages.phone;
  if (!fields.contactEmail && settings.contactEmail !== '' && !isEmail(settings.contactEmail)) fields.contactEmail = settingsMessages.email;
  if (!fields.contactFormUrl && settings.contactFormUrl !== '' && !isSiteLinkUrl(settings.contactFormUrl)) {
    fields.contactFormUrl = settingsMessages.url(LABELS.contactFormUrl);
  }
  settings.navigation = checkNavigation(input.navigation, publishedPagePaths, fields);
  const first = Object.values(fields)[0];
  if (first !== undefined) throw new ValidationError(first, fields);
  return settings;
}

/**
 * The menu rows as a tree. A row is empty when label, URL and page are all empty. A fixed
 * page's row needs no URL (its path is taken from `publishedPagePaths`, the published pages'
 * paths by id) and no label (its title is shown).
 */
function checkNavigation(rows: NavigationRow[], publishedPagePaths: ReadonlyMap<number, string>, fields: Record<string, string>): NavigationLink[] {
  const checked: (NavigationLink | undefined)[] = [];
  const parents: (number | undefined)[] = [];
  for (const [row, raw] of rows.entries()) {
    const label = oneLine(raw.label);
    const url = oneLine(raw.url);
    const page = oneLine(raw.page ?? '');
    const parent = oneLine(raw.parent ?? '');
    parents.push(/^[1-9][0-9]{0,3}$/.test(parent) ? Number(parent) - 1 : parent === '' ? undefined : -1);
    if (label === '' && url === '' && page === '') {
      checked.push(undefined);
      continue;
    }
    const labelField = navigationField(row, 'label');
    const urlField = navigationField(row, 'url');
    if (length(label) > SETTINGS_LIMITS.navigationLabel) fields[labelField] = tooLong('navigationLabel', length(label));
    if (page !== '') {
      const pageId = /^[1-9][0-9]{0,15}$/.test(page) ? Number(page) : undefined;
      const path = pageId === undefined ? undefined : publishedPagePaths.get(pageId);
      if (pageId === undefined || path === undefined) fields[navigationField(row, 'page')] = settingsMessages.navigationPageMissing;
      checked.push({ label, url: path ?? '', pageId: pageId ?? 0 });
      continue;
    }
    if (label === '') fields[labelField] = settingsMessages.navigationLabelRequired;
    if (url === '') fields[urlField] = settingsMessages.navigationUrlRequired;
    else if (length(url) > SETTINGS_LIMITS.navigationUrl) fields[urlField] = tooLong('navigationUrl', length(url));
    else if (!isSiteLinkUrl(url)) fields[urlField] = settingsMessages.url(LABELS.navigationUrl);
    checked.push({ label, url });
  }
  const links: NavigationLink[] = [];
  const children = new Map<number, NavigationLink[]>();
  for (const [row, link] of checked.entries()) {
    if (link === undefined) continue;
    const parent = parents[row];
    if (parent === undefined) {
      links.push(link);
      children.set(row, []);
    } else if (parent < 0 || parent === row || checked[parent] === undefined || parents[parent] !== undefined) {
      fields[navigationField(row, 'parent')] = settingsMessages.navigationParentInvalid;
    } else {
      const siblings = children.get(parent) ?? [];
      siblings.push(link);
      children.set(parent, siblings);
    }
  }
  for (const [row, link] of checked.entries()) {
    const below = children.get(row);
    if (link === undefined || below === undefined || below.length === 0) continue;
    link.children = below;
    if (below.length > MAX_NAVIGATION_LINKS) fields.navigation = settingsMessages.navigationChildrenTooMany(below.length);
  }
  if (links.length > MAX_NAVIGATION_LINKS) fields.navigation = settingsMessages.navigationTooMany(links.length);
  return links;
}
