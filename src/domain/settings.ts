// The site's settings: who the legislator is and how the site introduces itself, and the
// rules for the owner's settings form (checkSettings).
import { ValidationError } from './errors.js';

export interface NavigationLink {
  label: string;
  url: string;
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
export type SettingsInput = Omit<SiteSettings, 'navigation'> & { navigation: NavigationLink[] };

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
  return /^[^\s@"<>()\[\]\\,;:]+@[^\s@"<>()\[\]\\,;:]+\.[^\s@"<>()\[\]\\,;:.]{2,}$/.test(email) && !email.includes('..');
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

const tooLong = (field: keyof typeof SETTINGS_LIMITS, actual: number) =>
  `${LABELS[field]}は${SETTINGS_LIMITS[field]}文字以内で入力してください（現在${actual}文字）。`;

export const settingsMessages = {
  nameRequired: '議員の氏名を入力してください（サイトの見出しと著者名に使われます）。',
  tooLong,
  phone: '電話番号は数字とハイフンで入力してください（例：03-5555-0155）。',
  email: 'メールアドレスの形式が正しくありません（例：info@example.jp）。',
  url: (what: string) => `${what}は「https://」で始まるURLか、「/」で始まるサイト内のパス（例：/profile/）で入力してください。`,
  navigationLabelRequired: 'リンク先を入れた行には表示名も入力してください。',
  navigationUrlRequired: '表示名を入れた行にはリンク先も入力してください。',
  navigationTooMany: (count: number) => `メニューは${MAX_NAVIGATION_LINKS}件までです（現在${count}件）。不要な行を空にしてください。`,
} as const;

/** Field names of the navigation rows' messages: `navigation-0-label`, `navigation-0-url`. */
export const navigationField = (row: number, part: 'label' | 'url') => `navigation-${row}-${part}`;

/**
 * The settings to store, cleaned (NFC, one-line fields on one line, phone numbers half-width),
 * or every problem at once.
 * @throws ValidationError whose `fields` hold a Japanese message per field (navigation rows
 *   as `navigation-<row>-label|url`, counting every row sent, empty ones included).
 */
export function checkSettings(input: SettingsInput): SiteSettings {
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
  settings.navigation = checkNavigation(input.navigation, fields);
  const first = Object.values(fields)[0];
  if (first !== undefined) throw new ValidationError(first, fields);
  return settings;
}

function checkNavigation(rows: NavigationLink[], fields: Record<string, string>): NavigationLink[] {
  const links: NavigationLink[] = [];
  for (const [row, raw] of rows.entries()) {
    const label = oneLine(raw.label);
    const url = oneLine(raw.url);
    if (label === '' && url === '') continue;
    const labelField = navigationField(row, 'label');
    const urlField = navigationField(row, 'url');
    if (label === '') fields[labelField] = settingsMessages.navigationLabelRequired;
    else if (length(label) > SETTINGS_LIMITS.navigationLabel) fields[labelField] = tooLong('navigationLabel', length(label));
    if (url === '') fields[urlField] = settingsMessages.navigationUrlRequired;
    else if (length(url) > SETTINGS_LIMITS.navigationUrl) fields[urlField] = tooLong('navigationUrl', length(url));
    else if (!isSiteLinkUrl(url)) fields[urlField] = settingsMessages.url(LABELS.navigationUrl);
    links.push({ label, url });
  }
  if (links.length > MAX_NAVIGATION_LINKS) fields.navigation = settingsMessages.navigationTooMany(links.length);
  return links;
}
