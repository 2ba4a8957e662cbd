// The site's settings: who the legislator is and how the site introduces itself.

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
  siteDescription: '',
  navigation: [],
};

/** 「衆議院議員 山川さくら 公式サイト」 */
export function siteTitle(settings: SiteSettings): string {
  const who = [settings.chamber, settings.legislatorName].filter((s) => s.trim() !== '').join(' ');
  return who === '' ? '公式サイト' : `${who} 公式サイト`;
}
