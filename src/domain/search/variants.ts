// Character variants folded together for search, so that a reader typing either form
// finds the other. NFKC already unifies full-width and half-width forms; these are the
// cases it leaves apart: 異体字 common in Japanese names, and dashes and waves that look
// alike. Our own table: each entry maps a variant to the form most people type.
// (Compatibility ideographs with a canonical decomposition, such as U+FA10 塚, are already
// unified by NFKC; 﨑 U+FA11 is one of the few that are not.)

const NAME_VARIANTS: Record<string, string> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  碕: '崎',
  德: '徳',
  濵: '浜',
  濱: '浜',
  邊: '辺',
  邉: '辺',
  齋: '斎',
  齊: '斉',
  澤: '沢',
  廣: '広',
  國: '国',
  櫻: '桜',
  眞: '真',
  黑: '黒',
  惠: '恵',
  壽: '寿',
  藏: '蔵',
  實: '実',
  兒: '児',
  榮: '栄',
  彌: '弥',
  瀨: '瀬',
  淺: '浅',
  條: '条',
  冨: '富',
  嶋: '島',
  嶌: '島',
  曻: '昇',
  桒: '桑',
  舘: '館',
  萬: '万',
  與: '与',
  學: '学',
  對: '対',
  圓: '円',
  增: '増',
  驒: '騨',
  槇: '槙',
  靑: '青',
};

const PUNCTUATION_VARIANTS: Record<string, string> = {
  '〜': '~', // WAVE DASH, typed for ranges like 10時〜11時 (NFKC makes ～ into ~)
  '−': '-', // MINUS SIGN
  '‐': '-', // HYPHEN
  '‑': '-', // NON-BREAKING HYPHEN
  '‒': '-', // FIGURE DASH
  '–': '-', // EN DASH
};

export const SEARCH_VARIANTS: ReadonlyMap<string, string> = new Map(Object.entries({ ...NAME_VARIANTS, ...PUNCTUATION_VARIANTS }).filter(([from, to]) => from !== to));
