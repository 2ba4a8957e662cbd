// The site and the queries the static search is compared on (Node and Chromium): the search
// corpus (rare terms at known places, ties in bm25, drafts), fixed pages (one unreachable),
// a report found only through its attached PDF; activity records of several kinds (confirmed
// on most published reports, unconfirmed proposals, a kind the site does not list), for the
// `activity` filter; reports where a term stands as words or only inside words, across
// punctuation or from the title into the body (the ranking's word test, read from the edge
// symbols); queries of every kind the issue lists, plus substrings drawn from the reports' texts.
import { attachMediaToReport } from '../../../src/actions/items/attach-media.js';
import type { ActionContext } from '../../../src/actions/runtime/context.js';
import { transitionPage } from '../../../src/actions/pages/page-transition.js';
import { savePage } from '../../../src/actions/pages/save-page.js';
import { uploadMedia } from '../../../src/actions/media/upload-media.js';
import { addAuthor } from '../../support/authors.js';
import { publishReport, setSettings } from '../../support/factories.js';
import { addTestUser, TEST_USER } from '../../support/media-fixtures.js';
import { buildSearchCorpus, type SearchCorpus } from '../../support/search-corpus.js';
import { record, storeRecord } from '../../support/public-records.js';
import { makeTextPdf } from '../../support/text-pdf.js';

export const CORPUS_SIZE = 250;

/** Kinds of the confirmed records (in the site's default list), and one the list lacks. */
const RECORD_KINDS = ['会談・協議', '視察', '国政報告会・集会'] as const;
const UNLISTED_KIND = '廃止された種類';

/**
 * Of the published reports, in id order: every fifth has no record, every seventh an
 * unconfirmed proposal (found by no filter), one a confirmed record of an unlisted kind;
 * the others a confirmed record of RECORD_KINDS in turn.
 */
async function storeRecords(site: ActionContext, corpus: SearchCorpus): Promise<void> {
  for (const [i, report] of corpus.published.entries()) {
    if (i % 5 === 4) continue;
    const kind = i === 2 ? UNLISTED_KIND : RECORD_KINDS[i % RECORD_KINDS.length]!;
    await storeRecord(site, report.id, record({ kind, date: report.activityDate }), i % 7 !== 6);
  }
}

/** A Latin word of 40 letters: its first 32 are a word, the rest none (domain/search/words.ts MAX_WORD_CHARS). */
const LONG_WORD = 'pneumonoultramicroscopicsilicovolcanoconiosis'.slice(0, 40);
const LONG_32 = LONG_WORD.slice(0, 32);
const LONG_10 = LONG_WORD.slice(0, 10);
/** Text that lengthens a body, so a term standing as words there once scores lower in bm25 than in a short report. */
const FILLER = 'ほかの話題も取り上げた。'.repeat(8);

/**
 * Pairs for the ranking's word test: a long report where the term stands as words once, and a
 * short one that bm25 puts above it where the term stands only inside words, or where its words
 * are separated by punctuation or by the title's end (so they do not stand one after another).
 */
const WORD_EDGE_REPORTS: [title: string, body: string][] = [
  ['説明の報告', `${FILLER}外交政策を説明した。`],
  ['新外交政策', '外交、政策。'],
  ['新外交政策と外交', '政策の話。'],
  ['海外交流', '海外交流の集い。'],
  ['協議の報告', `${FILLER}国土交通省と協議した。`],
  ['省庁の再編', '省庁間の調整。'],
  ['字の報告', `${FILLER}𠮷、と書く。`],
  ['𠮷野の視察', '𠮷野を訪れた。'],
  ['語の報告', `${FILLER}${LONG_WORD} を紹介した。`],
  [`x${LONG_32}`, `x${LONG_32} の紹介。`],
  ['略語の報告', `${FILLER}${LONG_10} のみ。`],
];

export async function seedStaticSearchSite(site: ActionContext): Promise<SearchCorpus> {
  await setSettings(site);
  const corpus = await buildSearchCorpus(site, CORPUS_SIZE);
  await storeRecords(site, corpus);
  for (const [i, [title, bodySource]] of WORD_EDGE_REPORTS.entries())
    await publishReport(site, { title, bodySource, activityDate: `2023-${String(i + 1).padStart(2, '0')}-15` });
  await addTestUser(site);
  const report = await publishReport(site, {
    title: '日本・ニュージーランド次官級協議',
    bodySource: '次官級協議を行った。地域の防災も話した。',
    activityDate: '2024-06-01',
  });
  const media = await uploadMedia(site, { bytes: makeTextPdf(['協力事項\n人道支援・災害救援の共同訓練 地域']), fileName: 'factsheet.pdf', altText: '', user: TEST_USER });
  await attachMediaToReport(site, { reportId: report.id, mediaId: media.id, label: 'ファクトシート<b>', user: TEST_USER });
  const editor = await addAuthor(site, 'editor', 'page-editor');
  for (let i = 1; i <= 23; i++) {
    const saved = await savePage(site, editor, {
      title: `地域政策${i}`,
      slug: `chiiki-${i}`,
      parentId: null,
      position: i,
      summary: i % 2 ? '' : `要約${i}`,
      bodySource: `地域の防災について${i}番目の方針です。${'外交と地域'.repeat(i % 4)}`,
    });
    await transitionPage(site, editor, 'publish', { pageId: saved.id });
  }
  const hidden = await savePage(site, editor, { title: '非公開の親', slug: 'hidden-parent', parentId: null, position: 0, summary: '', bodySource: '下書き' });
  const child = await savePage(site, editor, { title: '隠れた防災', slug: 'hidden-child', parentId: hidden.id, position: 0, summary: '', bodySource: '防災の話。地域' });
  await transitionPage(site, editor, 'publish', { pageId: child.id });
  return corpus;
}

export interface StaticQuery {
  q: string;
  year?: number;
  category?: string;
  kind?: 'report' | 'page';
  /** Kind of activity (`?activity=`). */
  activity?: string;
  page?: number;
}

/** The same queries on every run: a small linear congruential generator. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const FIXED: StaticQuery[] = [
  // 1 and 2 characters
  { q: '鱧' },
  { q: 'の' },
  { q: '会' },
  { q: 'a' },
  { q: '蕨市' },
  { q: '外交' },
  { q: '地域' },
  { q: '支援' },
  { q: '視察' },
  // katakana phrases, full and half width, Latin, digits
  { q: 'ガソリン税' },
  { q: 'ｶﾞｿﾘﾝ税' },
  { q: 'サミット' },
  { q: 'IPEF' },
  { q: 'ｉｐｅｆ' },
  { q: 'Ipef' },
  { q: 'G7サミット' },
  { q: 'Ｇ７サミット' },
  { q: '4649' },
  { q: '４６４９' },
  { q: '46490' },
  // variants
  { q: '髙橋' },
  { q: '高橋' },
  { q: '山﨑' },
  { q: '山崎' },
  { q: '德永' },
  { q: '濵口' },
  // long phrases, quotes, minus, OR
  { q: '鳴門海峡' },
  { q: '瀬戸内海島嶼振興' },
  { q: '五箇山' },
  { q: '"鳴門 海峡"' },
  { q: '"外交 の"' },
  { q: '外交 -中国' },
  { q: '地域 -支援' },
  { q: '鱧 OR 蕨市' },
  { q: '外交 OR 地域' },
  { q: '地域 支援' },
  { q: '地域 支援 課題' },
  { q: 'の 外交' },
  { q: '鏡像語' },
  { q: '鏡像語', page: 2 },
  { q: '“鏡像語”' },
  { q: '－中国 外交' },
  { q: '外交　地域' },
  // attachments and pages
  { q: '災害救援' },
  { q: '次官級' },
  { q: '防災' },
  { q: '防災', kind: 'page' },
  { q: '防災', kind: 'page', page: 2 },
  { q: '地域', kind: 'report' },
  { q: '地域', page: 2 },
  { q: '地域', page: 3 },
  { q: '外交と地域' },
  // filters
  { q: '地域', year: 2023 },
  { q: '外交', year: 2021 },
  { q: '地域', category: 'party' },
  { q: '地域', category: 'local', year: 2022 },
  { q: '鏡像語', year: 2021 },
  { q: 'の', category: 'diplomacy' },
  { q: '地域 OR 外交', year: 2024, page: 2 },
  // the kind of activity: reports only, unless the ページ filter is on
  { q: '地域', activity: '視察' },
  { q: '地域', activity: '会談・協議', page: 2 },
  { q: '防災', activity: '国政報告会・集会' },
  { q: '防災', activity: '視察', kind: 'page' },
  { q: '外交 OR 地域', activity: '会談・協議', year: 2022 },
  { q: '地域', activity: '視察', category: 'local' },
  { q: '地域', activity: '本会議' },
  { q: '外交', activity: UNLISTED_KIND },
  { q: '外交', activity: '存在しない種類' },
  { q: '外交', activity: '存在しない種類', category: 'no-such-category' },
  // standing as words (WORD_EDGE_REPORTS): across punctuation, the title's end, a space; inside
  // words; a one-kanji word; a surrogate pair; a cut-off Latin word; a term with punctuation
  { q: '政策' },
  { q: '外交政策' },
  { q: '海外交流' },
  { q: '交流' },
  { q: '省' },
  { q: '国土交通省' },
  { q: '𠮷' },
  { q: '𠮷野' },
  { q: LONG_WORD },
  { q: LONG_32 },
  { q: LONG_10 },
  { q: LONG_WORD.slice(0, 33) },
  { q: '外交、政策' },
  { q: '外交 政策' },
  { q: '"外交 政策"' },
  { q: '外交政策 OR 海外交流' },
  { q: '交' },
  // refused and empty
  { q: 'の を' },
  { q: '-外交' },
  { q: '""' },
  { q: '外交', category: 'no-such-category' },
];

/** `count` queries: the fixed ones, then substrings of the reports' texts (1 to 6 characters, some quoted, some with a filter). */
export function staticQueries(corpus: SearchCorpus, count: number, seed = 11): StaticQuery[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const out = FIXED.slice(0, count);
  const texts = corpus.published.map((r) => `${r.title}\n${r.bodyText}`);
  while (out.length < count) {
    const text = pick(texts);
    const length = 1 + Math.floor(next() * 6);
    const start = Math.floor(next() * Math.max(1, text.length - length));
    const term = text
      .slice(start, start + length)
      .replace(/\s+/g, ' ')
      .trim();
    if (term === '') continue;
    const roll = next();
    const second = [...pick(texts).slice(start, start + 3)].join('').replace(/\s+/g, '');
    const q =
      roll < 0.15
        ? `"${term}"`
        : roll < 0.25 && second.length > 1
          ? `${term} ${second}`
          : roll < 0.32 && second.length > 1
            ? `${term} OR ${second}`
            : roll < 0.38 && second.length > 1
              ? `${term} -${second}`
              : term;
    const filter = next();
    out.push({
      q,
      ...(filter < 0.1 ? { year: 2019 + Math.floor(next() * 6) } : {}),
      ...(filter > 0.93 ? { kind: 'report' as const } : {}),
      ...(filter > 0.5 && filter < 0.55 ? { page: 2 } : {}),
      ...(filter > 0.55 && filter < 0.68 ? { activity: RECORD_KINDS[Math.floor(filter * 1000) % RECORD_KINDS.length] } : {}),
    });
  }
  return out;
}
