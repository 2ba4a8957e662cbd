// The static search page reads from its index's head (client/search-head.ts) which of a query's
// shards exist, so it asks for them beside the doc table: each name's bit, found from the name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INDEX_VERSION, prefixShards, type DocTable } from '../../../src/exporter/search/client/format.js';
import { headHasShard, parseSearchHead, searchHeadOf } from '../../../src/exporter/search/client/search-head.js';

test('the head tells which shards exist, each by its own bit, and no name outside the index', () => {
  const split = { 外: 4, 中: 2, '𠮷': 2 };
  const shape = { buckets: 8, split };
  const every = [...Array.from({ length: 8 }, (_, i) => `b${i}`), ...Object.keys(split).flatMap((first) => prefixShards(shape, first))];
  const shards = every.filter((_, i) => i % 3 !== 1);
  const table: DocTable = {
    v: INDEX_VERSION,
    ...shape,
    stats: { report: [0, 0], page: [0, 0] },
    categories: [],
    activityKinds: [],
    shards,
    reports: [],
    pages: [],
    names: 'n0',
  };
  const head = parseSearchHead(JSON.stringify(searchHeadOf(table, 'build')))!;
  for (const name of every) assert.equal(headHasShard(head, name), shards.includes(name), name);
  const outside = ['b8', 'b01', 'b-1', 'w0', 'w', 'x0', 'n0', 's', 'szz-0', `${prefixShards(shape, '外')[0]!.slice(0, -2)}-4`, `${prefixShards(shape, '中')[0]}0`];
  for (const name of outside) assert.equal(headHasShard(head, name), false, name);
});

test("the head names the doc table's names file and the text files' dictionary, so the page asks for them beside the doc table", () => {
  const table: DocTable = {
    v: INDEX_VERSION,
    buckets: 1,
    split: {},
    stats: { report: [0, 0], page: [0, 0] },
    categories: [],
    activityKinds: [],
    shards: [],
    reports: [],
    pages: [],
    names: 'n0',
    dictionary: 't0',
  };
  const head = parseSearchHead(JSON.stringify(searchHeadOf(table, 'build')))!;
  assert.deepEqual([head.names, head.dictionary], ['n0', 't0']);
  assert.equal(searchHeadOf({ ...table, dictionary: undefined }, 'build').dictionary, undefined);
});
