// Titles and roles as reports attach them to names (岸田外務大臣, ラヴロフ外相, 山本会長), so that
// a run of kanji such as 「小野寺防衛大臣」 can be split into a name and a title. A title is
// any number of known qualifiers (外務, 駐日, 副, 県議会…) and then one known head word.

const QUALIFIERS = [
  '内閣総理', '総理', '内閣官房', '官房', '内閣府', '特命担当', '特命全権', '駐日', '在日', '副', '元', '前', '名誉', '代表', '専務', '常務', '筆頭',
  '外務', '防衛', '国防', '財務', '総務', '法務', '文部科学', '厚生労働', '農林水産', '経済産業', '国土交通', '環境', '復興',
  '国家公安委員会', '経済財政', 'デジタル', '外交', '国務', '海洋', '資源', '海洋資源', '水産', '農業', '漁業', '観光', '保健', '教育', '商工', '産業',
  '衆議院', '参議院', '都議会', '道議会', '府議会', '県議会', '市議会', '町議会', '村議会', '区議会', '都', '道', '府', '県', '市', '町', '村', '区',
  '事務', '政務', '大臣', '担当', '総局', '支部', '青年部', '女性部', '議員連盟', '自治会', '町内会', '商店会', '実行委員会', '委員会', '協議会', '組合',
];

const HEADS = [
  '大臣政務官', '大臣', '政務官', '長官', '次官', '大統領', '首相', '外相', '国防相', '蔵相', '農相', '相', '大使', '公使', '領事', '総領事',
  '知事', '市長', '町長', '村長', '区長', '議長', '委員長', '部会長', '会長', '理事長', '組合長', '社長', '頭取', '会頭', '総裁', '代表', '理事',
  '幹事長', '事務局長', '局長', '部長', '課長', '所長', '場長', '署長', '校長', '学長', '園長', '院長', '館長', '支部長', '区長', '団長', '隊長', '署長',
  '教授', '准教授', '医師', '弁護士', '議員', '顧問', '秘書官', '書記長', '委員', '部長', '室長', 'センター長', '外交部長', '国務長官', '首長',
];

const alternation = (words: readonly string[]) => [...new Set(words)].sort((a, b) => b.length - a.length).join('|');

/** A whole title: qualifiers, then a head word. */
export const TITLE = new RegExp(`^(?:${alternation(QUALIFIERS)})*(?:${alternation(HEADS)})$`);
/** A head word ending a string. */
export const TITLE_HEAD_AT_END = new RegExp(`(?:${alternation(HEADS)})$`);
