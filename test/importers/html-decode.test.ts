import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeHtml, encodingForLabel } from '../../src/importers/html/decode-html.js';
import { encodeLegacy } from '../fixtures/html/legacy-encoding.js';

const BODY = '<h1>地元の商店街を視察しました</h1><p>令和6年5月1日、駅前のお店を一軒ずつ訪ねました。</p>';
const page = (head: string) => `<!DOCTYPE html><html lang="ja"><head>${head}<title>活動報告</title></head><body>${BODY}</body></html>`;

test('reads a UTF-8 page by its byte order mark, which wins over a wrong declaration', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<meta charset="Shift_JIS">'))]);
  const decoded = decodeHtml(bytes);
  assert.equal(decoded.source, 'bom');
  assert.equal(decoded.encoding, 'utf-8');
  assert.ok(decoded.text.startsWith('<!DOCTYPE html>'));
  assert.ok(decoded.text.includes(BODY));
});

test('reads a UTF-16 page by its byte order mark', () => {
  const text = page('');
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.equal(decodeHtml(bytes).text, text);
});

test('reads Shift_JIS and EUC-JP pages by their <meta charset>', () => {
  for (const [label, encoding] of [
    ['Shift_JIS', 'shift_jis'],
    ['EUC-JP', 'euc-jp'],
  ] as const) {
    const text = page(`<meta charset="${label}">`);
    const decoded = decodeHtml(encodeLegacy(text, encoding));
    assert.deepEqual([decoded.encoding, decoded.source, decoded.text], [encoding, 'meta', text]);
  }
});

test('reads the charset of an http-equiv Content-Type, with the labels old tools wrote', () => {
  for (const label of ['windows-31j', 'x-sjis', 'MS932', 'cp932', 'SJIS']) {
    const text = page(`<meta http-equiv="Content-Type" content="text/html; charset=${label}">`);
    const decoded = decodeHtml(encodeLegacy(text, 'shift_jis'));
    assert.equal(decoded.encoding, 'shift_jis', label);
    assert.equal(decoded.text, text, label);
  }
  const euc = page(`<META HTTP-EQUIV="Content-Type" CONTENT="text/html;charset=x-euc-jp">`);
  assert.equal(decodeHtml(encodeLegacy(euc, 'euc-jp')).text, euc);
});

test('guesses UTF-8, Shift_JIS, EUC-JP and ISO-2022-JP when nothing is declared', () => {
  const text = page('');
  assert.deepEqual([decodeHtml(Buffer.from(text)).encoding, decodeHtml(Buffer.from(text)).text], ['utf-8', text]);
  for (const encoding of ['shift_jis', 'euc-jp', 'iso-2022-jp'] as const) {
    const decoded = decodeHtml(encodeLegacy(text, encoding));
    assert.deepEqual([decoded.encoding, decoded.source, decoded.text], [encoding, 'guess', text]);
  }
});

test('reads a page re-saved as UTF-8 that still declares Shift_JIS as UTF-8, with a warning', () => {
  const text = page('<meta charset="Shift_JIS">');
  const decoded = decodeHtml(Buffer.from(text));
  assert.equal(decoded.encoding, 'utf-8');
  assert.equal(decoded.text, text);
  assert.match(decoded.warning ?? '', /declares charset Shift_JIS but is UTF-8/);
});

test('guesses when the declared charset is unknown, and says so', () => {
  const text = page('<meta charset="x-unknown-kanji">');
  const decoded = decodeHtml(encodeLegacy(text, 'euc-jp'));
  assert.equal(decoded.encoding, 'euc-jp');
  assert.equal(decoded.text, text);
  assert.match(decoded.warning ?? '', /unknown charset x-unknown-kanji/);
});

test('maps charset labels to the decoders Node has', () => {
  assert.equal(encodingForLabel(' Windows-31J '), 'shift_jis');
  assert.equal(encodingForLabel('eucjp'), 'euc-jp');
  assert.equal(encodingForLabel('iso-2022-jp'), 'iso-2022-jp');
  assert.equal(encodingForLabel('latin1'), 'windows-1252');
  assert.equal(encodingForLabel('klingon'), undefined);
});
