// Issue 11 item 3: lines of cells separated by `|` or by tabs become a <table>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { render } from '../../../src/domain/text-format/render.js';
import { tableAt } from '../../../src/domain/text-format/table.js';
import { findAll, parseHtml, textContent } from './html-tree.js';

function tableOf(...lines: string[]) {
  return tableAt(lines, 0)?.table;
}

test('makes the row above a delimiter row the header', () => {
  assert.deepEqual(tableOf('| 年度 | 件数 |', '|---|:---:|', '| 2024 | 12 |'), {
    kind: 'table',
    header: ['年度', '件数'],
    rows: [['2024', '12']],
    separator: '|',
  });
});

test('reads pipe rows without leading or trailing pipes', () => {
  assert.deepEqual(tableOf('年度 | 件数', '--- | ---', '2024 | 12')?.rows, [['2024', '12']]);
});

test('makes every row a data row when there is no delimiter row, and drops a delimiter row elsewhere', () => {
  assert.deepEqual(tableOf('| a | b |', '| c | d |', '|---|---|', '| e | f |'), {
    kind: 'table',
    rows: [
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ],
    separator: '|',
  });
});

test('pads rows with fewer cells, so a stray pipe adds an empty column rather than losing a cell', () => {
  assert.deepEqual(tableOf('| 氏名 | 所属 |', '|---|---|', '| 山田 | 総務 | 兼務 |', '| 佐藤 |')?.rows, [
    ['山田', '総務', '兼務'],
    ['佐藤', '', ''],
  ]);
  assert.deepEqual(tableOf('| 氏名 | 所属 |', '|---|---|', '| 山田 || 総務 |')?.header, ['氏名', '所属', '']);
});

test('reads tab-separated lines pasted from a spreadsheet, keeping empty cells at either end', () => {
  assert.deepEqual(tableOf('氏名\t所属', '山田\t総務', '\t企画'), {
    kind: 'table',
    rows: [
      ['氏名', '所属'],
      ['山田', '総務'],
      ['', '企画'],
    ],
    separator: '\t',
  });
  assert.deepEqual(tableOf('氏名\t所属', '---\t---', '山田\t総務')?.header, ['氏名', '所属']);
});

test('does not start a table at Word indents or tabs left at the end of lines', () => {
  assert.equal(tableOf('\t一段落目の文章です。', '\t二段落目の文章です。'), undefined);
  assert.equal(tableOf('一行目\t', '二行目\t'), undefined);
  assert.doesNotMatch(render('\t一段落目の文章です。\n\t二段落目の文章です。').html, /<table>/);
});

test('needs two lines, and a tab only after a marker does not make a row', () => {
  assert.equal(tableOf('| a | b |'), undefined);
  assert.equal(tableOf('| a | b |', '本文'), undefined);
  assert.equal(tableOf('1\t概要', '2\t日程'), undefined);
  assert.deepEqual(tableOf('1\t日時\t11月30日', '2\t場所\t会館')?.rows, [
    ['1', '日時', '11月30日'],
    ['2', '場所', '会館'],
  ]);
});

test('renders a table with th scope="col" in a keyboard-reachable scroll region', () => {
  const { html } = render('前文\n| 年度 | 件数 |\n|---|---|\n| 2024 | [資料](https://example.jp/) |');
  assert.equal(
    html,
    '<p>前文</p><div class="table-scroll" tabindex="0" role="region" aria-label="表1"><table><thead><tr><th scope="col">年度</th><th scope="col">件数</th></tr></thead>' +
      '<tbody><tr><td>2024</td><td><a href="https://example.jp/">資料</a></td></tr></tbody></table></div>',
  );
});

test('numbers the regions of several tables and escapes cells', () => {
  const { html } = render('a | <b>\nc | d\n\ne\tf\ng\th');
  const regions = findAll(parseHtml(html), 'div');
  assert.deepEqual(
    regions.map((region) => region.attrs['aria-label']),
    ['表1', '表2'],
  );
  assert.equal(textContent(findAll(parseHtml(html), 'td')[1]!.children), '<b>');
});

test('puts every cell into the plain text, row by row, for search', () => {
  assert.equal(render('| 年度 | 件数 |\n|---|---|\n| 2024 | 12 |\n\n氏名\t所属\n山田\t総務').text, '年度 | 件数\n2024 | 12\n\n氏名\t所属\n山田\t総務');
});

test('renders a table of 10,000 rows with one <tr> per row', () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => `| ${i} | 項目${i} |`);
  const { html } = render(['| 番号 | 名前 |', '|---|---|', ...rows].join('\n'));
  assert.equal(html.split('<tr>').length - 1, 10_001);
  assert.equal(html.split('<td>').length - 1, 20_000);
});

test('renders any grid of cells, ragged rows included, with one <tr> per row and every cell in the text', () => {
  const cell = fc.string({ unit: fc.constantFrom('あ', '1', 'a', '<', '&', '"', ' ', '　', '-', ':', '。'), maxLength: 6 });
  const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 12 });
  fc.assert(
    fc.property(grid, fc.boolean(), (rows, isTab) => {
      const source = rows.map((row) => (isTab ? row.join('\t') : `| ${row.join(' | ')} |`)).join('\n');
      const table = tableAt(source.split('\n'), 0)?.table;
      // A row of dashes only is a delimiter row, and a tab row needs a tab: those grids are not tables as written.
      fc.pre(table !== undefined && table.header === undefined && table.rows.length === rows.length);
      const { html, text } = render(source);
      const width = Math.max(...rows.map((row) => row.length));
      assert.equal(html.split('<tr>').length - 1, rows.length);
      assert.equal(html.split('<td>').length - 1, rows.length * width);
      const plain = text.replace(/\s/gu, '');
      for (const value of rows.flat()) assert.ok(plain.includes(value.replace(/\s/gu, '')), value);
    }),
    { numRuns: 200 },
  );
});

test('renders a header-only table and a long run of delimiter rows once, as one table', () => {
  assert.deepEqual(tableOf('| 氏名 | 所属 |', '|---|---|'), { kind: 'table', header: ['氏名', '所属'], rows: [], separator: '|' });
  const { html } = render(Array(20_000).fill('|---|').join('\n'));
  assert.equal(html.split('<table>').length - 1, 1);
});
