// A deterministic generator of realistic activity reports in the report text format,
// for benchmarks and search tests. Same (count, options) → same reports, byte for byte:
// randomness comes only from a seeded mulberry32, never from Math.random or the clock.
//
// Each report has a kind (diplomatic meeting, committee question, visit, town meeting,
// budget request, disaster inspection, ministry meeting, party meeting), a lead paragraph
// with date and clock times, and numbered sections filled with items until the body
// reaches a length drawn from [minChars, maxChars] (UTF-16 units; all text is in the BMP).
//
// Search traps come in exact proportions: report i carries the traps of TRAP_PLAN[i % 20]
// and no other trap string, so tests can compute how many reports contain each word.
import { DEMO_CATEGORIES, DEMO_SETTINGS, type DemoReport } from '../src/demo/demo-content.js';
import * as V from './corpus-vocabulary.js';
import type { TrapKind } from './corpus-vocabulary.js';

export type { TrapKind } from './corpus-vocabulary.js';

export interface CorpusOptions {
  seed?: number;
  minChars?: number;
  maxChars?: number;
}

/** Which trap strings report i carries: TRAP_PLAN[i % TRAP_PLAN.length]. */
export const TRAP_PLAN: readonly (readonly TrapKind[])[] = [
  ['gaikou'],
  [],
  ['kaigaiKouryu'],
  ['chugokuChiho'],
  ['gaikou', 'chugoku'],
  [],
  ['tpp'],
  ['taigaiKoushou'],
  [],
  ['gaikou', 'twoPlusTwo'],
  ['chugokuChiho'],
  [],
  ['gaikou', 'admm'],
  ['kaigaiKouryu'],
  ['tpp', 'chugoku'],
  [],
  ['taigaiKoushou'],
  ['gaikou'],
  [],
  ['chugoku'],
];

/** Every tag the corpus uses. */
export const CORPUS_TAGS: readonly string[] = [
  ...new Set([
    ...V.AREAS.map((a) => a.tag),
    '国会質問',
    '視察',
    'タウンミーティング',
    '要望',
    '災害対策',
    '党務',
    '国際関係',
    '意見交換',
    '予算委員会',
    '地元',
    '地方創生',
    '人口減少',
    '中山間地域',
  ]),
];

const EXTRA_TAGS = ['地元', '地方創生', '人口減少', '中山間地域'];
const FIRST_DAY = Date.UTC(2012, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 20);
const DAY_MS = 86_400_000;
const SURNAME = DEMO_SETTINGS.legislatorName.split(' ')[0] ?? DEMO_SETTINGS.legislatorName;

export function* generateReports(count: number, options: CorpusOptions = {}): Generator<DemoReport> {
  const minChars = options.minChars ?? 800;
  const maxChars = options.maxChars ?? 2000;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (minChars < 0 || maxChars < 500 || minChars > maxChars) {
    throw new RangeError(`need 0 <= minChars <= maxChars and maxChars >= 500, got ${minChars}..${maxChars}`);
  }
  const rng = new Rng(options.seed ?? 1);
  for (let i = 0; i < count; i++) {
    const traps = TRAP_PLAN[i % TRAP_PLAN.length] ?? [];
    yield generateReport(rng, traps, minChars, maxChars);
  }
}

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: a tiny, fast 32-bit generator, good enough for test data. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

type Kind = 'diplomatic' | 'question' | 'visit' | 'townMeeting' | 'request' | 'disaster' | 'ministryMeeting' | 'partyMeeting';
type SectionType = 'items' | 'subheads' | 'aiu' | 'circled' | 'prose';
type Style = 'plain' | 'comma' | 'word';

interface Section {
  heading: string;
  type: SectionType;
  maxBlocks: number;
  blocks: string[];
  /** Text of the next block, without its (n) marker. */
  make: () => string;
}

/** Everything one report's sentences draw on; fixed per report so the text hangs together. */
interface Scene {
  rng: Rng;
  kind: Kind;
  style: Style;
  year: number;
  month: number;
  day: number;
  pref: string;
  city: string;
  area: V.PolicyArea;
  area2: V.PolicyArea;
  /** The report's main topic, shared by title, lead and summary. */
  topic: string;
  ministry: string;
  country: string;
  foreignTitle: string;
  official: string;
  committee: string;
  disaster: string;
  me: string;
  them: string;
  /** Template indices already used in this report, per list: sentences do not repeat. */
  used: Map<readonly string[], Set<number>>;
  /** Sentences already written in this report. */
  emitted: Set<string>;
}

function generateReport(rng: Rng, traps: readonly TrapKind[], minChars: number, maxChars: number): DemoReport {
  const scene = makeScene(rng, chooseKind(rng, traps), areaFor(traps));
  const target = rng.int(minChars, maxChars);
  const plan = skeleton(scene);
  const trapBlock = traps.map((t) => fill(scene, rng.pick(trapSentences(t, scene.year)))).join('');
  if (trapBlock !== '') plan.trapHome.blocks.push(trapBlock);
  const body = buildBody(scene, plan, target, minChars, maxChars);
  return {
    title: title(scene),
    activityDate: `${scene.year}-${pad2(scene.month)}-${pad2(scene.day)}`,
    categorySlug: categoryOf(scene.kind),
    tags: tagsOf(scene),
    summary: summaryOf(scene),
    bodySource: applyStyle(body, scene.style),
    attachments: [],
  };
}

function chooseKind(rng: Rng, traps: readonly TrapKind[]): Kind {
  if (traps.some((t) => t === 'gaikou' || t === 'chugoku' || t === 'admm' || t === 'twoPlusTwo')) return 'diplomatic';
  if (traps.some((t) => t === 'kaigaiKouryu' || t === 'chugokuChiho')) return rng.pick(['visit', 'townMeeting', 'ministryMeeting'] as const);
  if (traps.some((t) => t === 'tpp' || t === 'taigaiKoushou')) return rng.pick(['request', 'partyMeeting', 'ministryMeeting'] as const);
  // Trap slots already make about a third of the corpus diplomatic.
  return rng.pick(['question', 'question', 'question', 'visit', 'visit', 'townMeeting', 'request', 'disaster', 'ministryMeeting', 'partyMeeting'] as const);
}

/** Trade and exchange traps read naturally only in some policy areas. */
function areaFor(traps: readonly TrapKind[]): readonly string[] | undefined {
  if (traps.includes('tpp') || traps.includes('taigaiKoushou')) return ['農業', '地域経済'];
  if (traps.includes('kaigaiKouryu')) return ['教育', '観光'];
  return undefined;
}

function makeScene(rng: Rng, kind: Kind, areaTags?: readonly string[]): Scene {
  let date = new Date(FIRST_DAY + rng.int(0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS);
  // Floods and typhoons come between June and October.
  if (kind === 'disaster') date = new Date(Date.UTC(date.getUTCFullYear(), rng.int(5, 9), rng.int(1, 28)));
  const [pref, city] = rng.pick(V.PLACES);
  const candidates = kind === 'disaster' ? ['防災'] : areaTags;
  const area = candidates ? rng.pick(V.AREAS.filter((a) => candidates.includes(a.tag))) : rng.pick(V.AREAS);
  let area2 = rng.pick(V.AREAS);
  if (area2 === area) area2 = V.AREAS[(V.AREAS.indexOf(area) + 1) % V.AREAS.length]!;
  const country = rng.pick(V.COUNTRIES);
  const foreignTitle = rng.pick(V.FOREIGN_TITLES);
  const roll = rng.next();
  const style: Style = roll < 0.55 ? 'plain' : roll < 0.8 ? 'comma' : 'word';
  const ministry = ministryAt(area.ministry, date.toISOString().slice(0, 10));
  return {
    rng,
    kind,
    style,
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    pref,
    city,
    area,
    area2,
    country,
    foreignTitle,
    topic: rng.pick(area.topics),
    ministry,
    official: officialOf(rng, ministry),
    committee: rng.pick(area.committees),
    disaster: rng.pick(V.DISASTERS),
    me: kind === 'diplomatic' ? `${SURNAME}議員` : '私',
    them: rng.chance(0.5) ? `${country}${foreignTitle}` : '先方',
    used: new Map(),
    emitted: new Set(),
  };
}

/** Agencies founded during the corpus's years: before then, their work sat elsewhere. */
function ministryAt(ministry: string, isoDate: string): string {
  if (ministry === 'こども家庭庁' && isoDate < '2023-04-01') return '厚生労働省';
  if (ministry === 'デジタル庁' && isoDate < '2021-09-01') return '総務省';
  return ministry;
}

function officialOf(rng: Rng, ministry: string): string {
  const forms = ministry.endsWith('省') ? V.MINISTRY_OFFICIALS : V.AGENCY_OFFICIALS;
  return rng.pick(forms).replace('{stem}', ministry.slice(0, -1)).replace('{ministry}', ministry);
}

/**
 * A template not yet used in this report (until the list is exhausted), filled; a
 * sentence already written is redrawn a few times, so reports do not repeat themselves.
 */
function sentence(scene: Scene, templates: readonly string[]): string {
  let text = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    let used = scene.used.get(templates);
    if (!used || used.size >= templates.length) {
      used = new Set();
      scene.used.set(templates, used);
    }
    const fresh = templates.map((_, i) => i).filter((i) => !used.has(i));
    const index = scene.rng.pick(fresh);
    used.add(index);
    text = fill(scene, templates[index]!);
    if (!scene.emitted.has(text)) break;
  }
  scene.emitted.add(text);
  return text;
}

/** The same scene seen from its second policy area, for a section about that area. */
function aboutSecondArea(scene: Scene): Scene {
  const isoDate = `${scene.year}-${pad2(scene.month)}-${pad2(scene.day)}`;
  const ministry = ministryAt(scene.area2.ministry, isoDate);
  return { ...scene, area: scene.area2, area2: scene.area, ministry, official: officialOf(scene.rng, ministry), topic: scene.rng.pick(scene.area2.topics) };
}

function trapSentences(trap: TrapKind, year: number): readonly string[] {
  return trap === 'tpp' && year < 2018 ? V.TPP_EARLY_SENTENCES : V.TRAP_SENTENCES[trap];
}

/** Fills `{name}` placeholders; unknown names are a bug in the vocabulary. */
function fill(scene: Scene, template: string): string {
  const { rng, area, area2 } = scene;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'me':
        return scene.me;
      case 'them':
        return scene.them;
      case 'city':
        return scene.city;
      case 'pref':
        return scene.pref;
      case 'country':
        return scene.country;
      case 'official':
        return scene.official;
      case 'ministry':
        return scene.ministry;
      case 'committee':
        return scene.committee;
      case 'topic':
        return rng.pick(area.topics);
      case 'topic2':
        return rng.pick(area2.topics);
      case 'request':
        return rng.pick(area.requests);
      case 'voice':
        return rng.pick(area.voices);
      case 'org':
        return rng.pick(V.ORGS);
      case 'plan':
        return rng.pick(V.PLANS);
      case 'response':
        return rng.pick(V.RESPONSES);
      case 'reply':
        return scene.kind === 'question' ? '答弁' : '説明';
      case 'data':
        return fill(scene, rng.pick(V.DATA_POINTS));
      case 'fy':
        return fiscalYear(scene, rng.int(0, 2));
      case 'field':
        return rng.pick(V.FIELDS);
      case 'project':
        return rng.pick(V.PROJECTS);
      case 'timing':
        return rng.pick(V.TIMINGS);
      case 'n':
        return String(rng.int(12, 480));
      case 'm':
        return String(rng.int(2, 11));
      case 'k':
        return String(rng.int(12, 60));
      case 'pct':
        return String(rng.int(2, 6));
      case 'pct2':
        return String(rng.int(2, 3));
      default:
        throw new Error(`corpus template uses unknown placeholder {${key}}`);
    }
  });
}

/** The fiscal year `ahead` years after the report's, named as it was named on that day. */
function fiscalYear(scene: Scene, ahead: number): string {
  const year = scene.year + ahead;
  const reiwaKnown = scene.year > 2019 || (scene.year === 2019 && scene.month >= 5);
  if (year >= 2019 && reiwaKnown) return `令和${year === 2019 ? '元' : year - 2018}年度`;
  return `平成${year - 1988}年度`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function clock(rng: Rng): [string, string] {
  const start = rng.int(8 * 12, 17 * 12) * 5;
  const end = start + rng.int(4, 30) * 5;
  const at = (m: number) => `${Math.floor(m / 60)}時${pad2(m % 60)}分`;
  return [at(start), at(end)];
}

function weekday(scene: Scene): string {
  return '日月火水木金土'[new Date(Date.UTC(scene.year, scene.month - 1, scene.day)).getUTCDay()]!;
}

function itemsSection(scene: Scene, heading: string, templates: readonly string[], maxBlocks = 5, canPair = true): Section {
  // Real items often run to two sentences; longer items also let long bodies stay in few sections.
  const make = () => sentence(scene, templates) + (canPair && scene.rng.chance(0.4) ? sentence(scene, templates) : '');
  return { heading, type: 'items', maxBlocks, blocks: [], make };
}

function proseSection(heading: string, text: string): Section {
  return { heading, type: 'prose', maxBlocks: 1, blocks: [], make: () => text };
}

/** `(n)label` on one line, text on the next: a sub-heading per place or facility. */
function subheadSection(scene: Scene, heading: string, labels: readonly string[], text: (label: string) => string): Section {
  const unused = [...labels];
  return {
    heading,
    type: 'subheads',
    maxBlocks: Math.min(4, labels.length),
    blocks: [],
    make: () => {
      const label = unused.splice(Math.floor(scene.rng.next() * unused.length), 1)[0] ?? scene.rng.pick(labels);
      return `${label}\n${text(label)}`;
    },
  };
}

function aiuSection(scene: Scene, heading: string): Section {
  return {
    heading,
    type: 'aiu',
    maxBlocks: 3,
    blocks: [],
    make: () => {
      const lines = ['ア', 'イ', 'ウ'].slice(0, scene.rng.int(2, 3)).map((k) => `${k} ${sentence(scene, V.QUESTION_TEMPLATES)}`);
      return `${sentence(scene, scene.area.topics)}について\n${lines.join('\n')}`;
    },
  };
}

function circledSection(scene: Scene, heading: string): Section {
  const areas = [scene.area, scene.area2];
  return {
    heading,
    type: 'circled',
    maxBlocks: 2,
    blocks: [],
    make: () => {
      const area = areas.shift() ?? scene.area;
      const voices = [...area.voices].slice(0, scene.rng.int(2, Math.min(4, area.voices.length)));
      return `${area.name}\n${voices.map((v, i) => `${'①②③④'[i]} ${v}。`).join('\n')}`;
    },
  };
}

interface Skeleton {
  lead: string;
  sections: Section[];
  closing: Section;
  /** The section whose first item carries the report's trap sentences. */
  trapHome: Section;
  /** Headings for further sections when the planned ones are full. */
  extraHeadings: string[];
}

function skeleton(scene: Scene): Skeleton {
  const { rng } = scene;
  const date = `${scene.month}月${scene.day}日`;
  const [from, to] = clock(rng);
  // Word-pasted text has no Markdown, and its full-width conversion would break URLs.
  const link = scene.style !== 'word' && rng.chance(0.3) ? rng.pick(scene.kind === 'question' ? V.LINKS.slice(0, 1) : V.LINKS.slice(1)) : '';
  const closing = proseSection(rng.pick(['所感', 'おわりに', '今後の対応']), sentence(scene, V.CLOSINGS));
  const extraHeadings = [`${scene.area2.name}について`, '地域の課題', '国への要望', '今後の課題', 'その他の論点'];
  switch (scene.kind) {
    case 'diplomatic': {
      const venue = rng.pick(['外務省', '衆議院第一議員会館', '都内のホテル', `${scene.country}の首都`]);
      const bilateral = itemsSection(scene, '二国間関係', V.DIPLOMATIC_TEMPLATES);
      return {
        lead: `${date}、${scene.me}は、${venue}において${scene.country}の${scene.foreignTitle}と会談した。${scene.country}側からは${scene.foreignTitle}ほか${rng.int(2, 6)}名が出席した。主なやり取りは次のとおり。(会談は${from}から${to}まで。)`,
        sections: [
          bilateral,
          itemsSection(scene, `${rng.pick(V.FIELDS)}分野の協力`, V.DIPLOMATIC_TEMPLATES),
          subheadSection(
            scene,
            '地域情勢',
            V.REGIONS.map(([r]) => r),
            (r) => V.REGIONS.find(([name]) => name === r)![1],
          ),
          itemsSection(scene, '人的交流', V.DIPLOMATIC_TEMPLATES, 3),
        ],
        closing: proseSection('その他', sentence(scene, V.DIPLOMATIC_CLOSINGS)),
        trapHome: bilateral,
        extraHeadings: ['経済関係', '国際社会の課題への対応', '科学技術協力', '今後の協力', '地方との交流'],
      };
    }
    case 'question': {
      const answers = itemsSection(scene, '答弁の概要', V.ANSWER_TEMPLATES, 6);
      return {
        lead: `${date}、衆議院${scene.committee}において、${scene.topic}と${rng.pick(scene.area2.topics)}について質問した。答弁には${scene.official}ほかが立った。(質疑は${from}から${to}まで。)${link}`,
        sections: [aiuSection(scene, '質問の要旨'), answers],
        closing,
        trapHome: answers,
        extraHeadings,
      };
    }
    case 'visit': {
      const overview = itemsSection(scene, '視察の概要', V.ITEM_TEMPLATES, 3);
      return {
        lead: `${date}、${scene.pref}${scene.city}を訪れ、${scene.area.facilities[0]}などを視察した。${rng.pick(V.ORGS)}の皆さんにご案内いただいた。(視察は${from}から${to}まで。)${link}`,
        sections: [
          overview,
          subheadSection(scene, '各施設の状況', [...scene.area.facilities, ...scene.area2.facilities], () => sentence(scene, V.FACILITY_TEMPLATES)),
          itemsSection(scene, '関係者からの要望', V.ITEM_TEMPLATES),
        ],
        closing,
        trapHome: overview,
        extraHeadings,
      };
    }
    case 'townMeeting': {
      const exchange = itemsSection(scene, '意見交換', V.ITEM_TEMPLATES);
      return {
        lead: `${date}(${weekday(scene)})、${scene.city}の${rng.pick(V.HALLS)}でタウンミーティングを開き、約${rng.int(3, 20) * 10}人に参加いただいた。(${from}から${to}まで。)`,
        sections: [
          proseSection('国政報告', `冒頭、国会の状況と${scene.area.name}をめぐる国の動きについて報告した。`),
          circledSection(scene, '参加者からの主な意見'),
          exchange,
          itemsSection(scene, '私からの回答', V.REPLY_TEMPLATES),
        ],
        closing,
        trapHome: exchange,
        extraHeadings,
      };
    }
    case 'request': {
      const answers = itemsSection(scene, '先方の発言', V.ANSWER_TEMPLATES, 3);
      return {
        lead: `${date}、${scene.ministry}を訪れ、${scene.official.replace(`${scene.ministry}の`, '')}に${fiscalYear(scene, 1)}予算に関する要望書を手渡した。${scene.pref}内の${rng.int(3, 15)}市町村の首長が同行した。(面会は${from}から${to}まで。)${link}`,
        sections: [
          proseSection(
            '要望の趣旨',
            `${scene.pref}では、${scene.topic}と${rng.pick(scene.area2.topics)}が地域の大きな課題となっている。地域の実情を踏まえ、以下の事項について特段の配慮を求めた。`,
          ),
          itemsSection(
            scene,
            '要望事項',
            [
              '{request}を図ること。',
              '{topic}について、{request}を行うこと。',
              '{topic2}に関する予算を十分に確保すること。',
              '{topic}の実態を調査し、結果を公表すること。',
            ],
            6,
            false,
          ),
          answers,
        ],
        closing,
        trapHome: answers,
        extraHeadings,
      };
    }
    case 'disaster': {
      const damage = itemsSection(
        scene,
        '被害の概要',
        [
          '床上浸水{m}棟、床下浸水{n}棟の被害が確認されている。',
          '農地や農業用施設の被害が広い範囲で確認されており、被害額はさらに増える見込みである。',
          '道路の通行止めは{m}か所に上っている。',
        ],
        3,
        false,
      );
      return {
        lead: `${date}、${scene.disaster}で被害を受けた${scene.pref}${scene.city}を訪れ、被災地の状況を調査した。(調査は${from}から${to}まで。)`,
        sections: [
          damage,
          subheadSection(
            scene,
            '各地の状況',
            V.DISTRICTS.map((d) => `${d}地区`),
            () =>
              fill(
                scene,
                rng.pick([
                  `${rng.pick(V.RIVERS)}沿いで住宅{m}棟が浸水した。`,
                  '土砂崩れで市道が寸断され、{m}世帯が一時孤立した。',
                  'ため池の堤体にひび割れが見つかり、下流の住民に避難を呼びかけている。',
                  '避難所には最大で約{n}人が身を寄せた。',
                ]),
              ),
          ),
          itemsSection(scene, '地元からの要望', V.ITEM_TEMPLATES),
        ],
        closing,
        trapHome: damage,
        extraHeadings,
      };
    }
    case 'ministryMeeting': {
      const current = itemsSection(scene, `${scene.area.name}の現状`, V.ITEM_TEMPLATES);
      return {
        lead: `${date}、${scene.official}と面会し、${scene.topic}について意見交換を行った。${scene.city}の${rng.pick(V.ORGS)}も同席した。(面会は${from}から${to}まで。)`,
        sections: [current, itemsSection(scene, '意見交換の内容', V.ANSWER_TEMPLATES, 5)],
        closing,
        trapHome: current,
        extraHeadings,
      };
    }
    case 'partyMeeting': {
      const opinions = itemsSection(scene, '出席議員からの主な意見', V.PARTY_OPINION_TEMPLATES, 6);
      return {
        lead: `${date}、${DEMO_SETTINGS.party}の${scene.area.name}部会を開き、${scene.topic}について議論した。${scene.ministry}の担当者からも説明を受けた。(${from}から${to}まで。)`,
        sections: [itemsSection(scene, '説明の概要', V.ANSWER_TEMPLATES, 4), opinions],
        closing: proseSection('今後の進め方', `議論の内容を取りまとめ、${fiscalYear(scene, 1)}の予算と税制の要望に反映させる。`),
        trapHome: opinions,
        extraHeadings,
      };
    }
  }
}

/**
 * Opens the sections in order (one block each), then adds blocks to random sections,
 * then opens extra sections, until the body reaches the target length. A block is added
 * only when the body stays within maxChars; short padding closes any gap below minChars.
 */
function buildBody(scene: Scene, plan: Skeleton, target: number, minChars: number, maxChars: number): string {
  const { rng } = scene;
  const { lead, sections, closing } = plan;
  const all = [...sections, closing];
  closing.blocks.push(closing.make());

  const tryAdd = (section: Section): boolean => {
    if (section.blocks.length >= section.maxBlocks) return false;
    for (let attempt = 0; attempt < 4; attempt++) {
      section.blocks.push(section.make());
      if (measure(lead, all) <= maxChars) return true;
      section.blocks.pop();
    }
    return false;
  };

  for (const s of sections) {
    if (measure(lead, all) >= target) break;
    if (s.blocks.length === 0 && !tryAdd(s)) s.maxBlocks = 0;
  }
  for (let guard = 0; guard < 40 && measure(lead, all) < target; guard++) {
    const open = sections.filter((s) => s.blocks.length > 0 && s.blocks.length < s.maxBlocks);
    if (open.length === 0 || !tryAdd(rng.pick(open))) break;
  }
  for (const heading of plan.extraHeadings) {
    if (measure(lead, all) >= target) break;
    const view = heading === `${scene.area2.name}について` ? aboutSecondArea(scene) : scene;
    const extra = itemsSection(view, heading, scene.kind === 'diplomatic' ? V.DIPLOMATIC_TEMPLATES : V.ITEM_TEMPLATES, 5);
    all.splice(all.length - 1, 0, extra);
    while (measure(lead, all) < target && tryAdd(extra));
    if (extra.blocks.length === 0) all.splice(all.indexOf(extra), 1);
  }
  padClosing(closing, lead, all, minChars, maxChars, rng);
  return render(lead, all);
}

function padClosing(closing: Section, lead: string, all: Section[], minChars: number, maxChars: number, rng: Rng): void {
  for (let guard = 0; guard < 200 && measure(lead, all) < minChars; guard++) {
    const gap = minChars - measure(lead, all);
    const room = maxChars - measure(lead, all);
    const fitting = V.PADDING.filter((p) => p.length <= room);
    // Only a range narrower than the shortest padding sentence ends up here.
    const sentence = fitting.length > 0 ? rng.pick(fitting) : `${'以上'.repeat(Math.ceil(gap / 2)).slice(0, Math.max(gap - 1, 0))}。`;
    closing.blocks[0] = `${closing.blocks[0] ?? ''}${sentence}`;
  }
}

function marker(section: Section, index: number): string {
  return section.type === 'prose' ? '' : `(${index + 1})`;
}

/** The length render() would produce, without building the string. */
function measure(lead: string, sections: readonly Section[]): number {
  let total = lead.length;
  let number = 0;
  for (const s of sections) {
    if (s.blocks.length === 0) continue;
    number++;
    total += 2 + String(number).length + 1 + s.heading.length;
    s.blocks.forEach((b, i) => (total += 2 + marker(s, i).length + b.length));
  }
  return total;
}

function render(lead: string, sections: readonly Section[]): string {
  const parts = [lead];
  let number = 0;
  for (const s of sections) {
    if (s.blocks.length === 0) continue;
    number++;
    parts.push(`${number} ${s.heading}`);
    s.blocks.forEach((b, i) => parts.push(`${marker(s, i)}${b}`));
  }
  return parts.join('\n\n');
}

const FULL_WIDTH = /[0-9A-Za-z+() ]/g;

/** Length-preserving: every substitution is one character for one. */
function applyStyle(body: string, style: Style): string {
  if (style === 'plain') return body;
  if (style === 'comma') return body.replaceAll('、', ',');
  // As pasted from Word: full-width digits, letters, parentheses and spaces.
  return body.replace(FULL_WIDTH, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

function categoryOf(kind: Kind): string {
  const slug = {
    diplomatic: 'diplomacy',
    question: 'diet',
    visit: 'local',
    townMeeting: 'local',
    disaster: 'local',
    request: 'policy',
    ministryMeeting: 'policy',
    partyMeeting: 'party',
  }[kind];
  if (!DEMO_CATEGORIES.some((c) => c.slug === slug)) throw new Error(`corpus category ${slug} is not a demo category`);
  return slug;
}

function tagsOf(scene: Scene): string[] {
  const kindTag = {
    diplomatic: '国際関係',
    question: '国会質問',
    visit: '視察',
    townMeeting: 'タウンミーティング',
    disaster: '災害対策',
    request: '要望',
    ministryMeeting: '意見交換',
    partyMeeting: '党務',
  }[scene.kind];
  const tags = new Set([kindTag, scene.area.tag]);
  if (scene.kind === 'question' && scene.committee === '予算委員会') tags.add('予算委員会');
  const extra = scene.rng.int(0, 2);
  for (let i = 0; i < extra && tags.size < 4; i++) tags.add(scene.rng.pick(EXTRA_TAGS));
  return [...tags];
}

function title(scene: Scene): string {
  const { rng } = scene;
  const topic = scene.topic;
  const month = `${scene.year}年${scene.month}月`;
  const day = `${month}${scene.day}日`;
  switch (scene.kind) {
    case 'diplomatic':
      return (
        rng.pick([
          `${scene.country}${scene.foreignTitle}との会談`,
          `${scene.country}${scene.foreignTitle}による表敬`,
          `${scene.country}との${rng.pick(V.FIELDS)}協力に関する意見交換`,
        ]) + `(${month})`
      );
    case 'question':
      return `${scene.committee}で${topic}について質問(${day})`;
    case 'visit':
      return `${scene.city}の${rng.pick(scene.area.facilities)}を視察(${month})`;
    case 'townMeeting':
      return `${scene.city}でタウンミーティング(${scene.area.name}ほか・${day})`;
    case 'request':
      return `${scene.ministry}に${fiscalYear(scene, 1)}予算の要望(${scene.area.name}・${day})`;
    case 'disaster':
      return `${scene.city}の${scene.disaster}被害を現地調査(${month})`;
    case 'ministryMeeting':
      return `${scene.official}と${topic}について意見交換(${day})`;
    case 'partyMeeting':
      return `党${scene.area.name}部会で${topic}を議論(${day})`;
  }
}

function summaryOf(scene: Scene): string {
  switch (scene.kind) {
    case 'diplomatic':
      return `${scene.country}の${scene.foreignTitle}と会談し、二国間の協力と地域情勢について意見を交わしました。`;
    case 'question':
      return `衆議院${scene.committee}で、${scene.area.name}をめぐる課題について政府の考えを質しました。`;
    case 'visit':
      return `${scene.pref}${scene.city}で${scene.area.name}の現場を視察し、関係者の声を伺いました。`;
    case 'townMeeting':
      return `${scene.city}でタウンミーティングを開き、${scene.area.name}などについて参加者のご意見を伺いました。`;
    case 'request':
      return `${scene.ministry}に、${scene.area.name}に関する予算と制度の要望を行いました。`;
    case 'disaster':
      return `${scene.disaster}の被害を受けた${scene.city}を訪れ、被災地の状況と地元の要望を伺いました。`;
    case 'ministryMeeting':
      return `${scene.official}と、${scene.area.name}の課題について意見を交わしました。`;
    case 'partyMeeting':
      return `党の${scene.area.name}部会で、関係省庁の説明を受けて今後の対応を議論しました。`;
  }
}
