// BudouX's phrase parser with its Japanese model, loaded without the package index.
// The index also loads linkedom (a DOM for its HTML helpers, which we never use): a
// quarter of a second and about 20 MB at every start. The package's export map offers
// only the index, so the two files are required by path next to it. This is module
// loading, not I/O at run time: the parser itself stays pure.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface BudouxParser {
  parse(sentence: string): string[];
}

type ParserClass = new (model: unknown) => BudouxParser;

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('budoux'));
const { Parser } = require(join(dist, 'parser.js')) as { Parser: ParserClass };
const { model } = require(join(dist, 'data', 'models', 'ja.js')) as { model: unknown };

export const japaneseParser: BudouxParser = new Parser(model);
