import assert from 'node:assert/strict';
import { test } from 'node:test';
import { legacyOfficeType } from '../../src/domain/compound-file.js';
import { makeLegacyOffice } from '../support/office-fixtures.js';

test('tells Word, Excel and PowerPoint compound files apart by their top-level stream', () => {
  assert.equal(legacyOfficeType(makeLegacyOffice('doc')), 'application/msword');
  assert.equal(legacyOfficeType(makeLegacyOffice('xls')), 'application/vnd.ms-excel');
  assert.equal(legacyOfficeType(makeLegacyOffice('ppt')), 'application/vnd.ms-powerpoint');
});

test('leaves a compound file of another program, a cut-off one and a non-compound file untyped', () => {
  assert.equal(legacyOfficeType(makeLegacyOffice('other')), undefined);
  assert.equal(legacyOfficeType(makeLegacyOffice('doc').slice(0, 1024)), undefined);
  assert.equal(legacyOfficeType(new TextEncoder().encode('申込書'.repeat(300))), undefined);
});

test('survives a directory whose sibling links point back at themselves', () => {
  const file = makeLegacyOffice('xls');
  const entry = 512 * 2 + 128;
  new DataView(file.buffer).setUint32(entry + 0x44, 1, true); // left sibling: itself
  assert.equal(legacyOfficeType(file), 'application/vnd.ms-excel');
});
