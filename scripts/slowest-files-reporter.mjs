// A node:test reporter beside spec (scripts/run-tests.mjs): at the end of a run it prints the
// test files that took longest, so that CI's time (90 minutes at most for .ci/run) can be
// watched and the slow suites found without timing the run again. Node 20 reports no event for
// a whole file, and the files run one after another: the wall time up to each event goes to the
// file the event comes from (its start, its hooks and its tests alike).
const SHOWN = 20;

export default async function* slowestFiles(source) {
  const perFile = new Map();
  const started = Date.now();
  let last = started;
  for await (const event of source) {
    const file = event.data?.file;
    if (typeof file !== 'string') continue;
    const now = Date.now();
    perFile.set(file, (perFile.get(file) ?? 0) + (now - last));
    last = now;
  }
  const cwd = `${process.cwd()}/`;
  const slowest = [...perFile].sort((a, b) => b[1] - a[1]).slice(0, SHOWN);
  yield `# slowest test files (of ${perFile.size}; ${Math.round((Date.now() - started) / 1000)} s in all):\n`;
  for (const [file, ms] of slowest) yield `#   ${(ms / 1000).toFixed(1).padStart(7)} s  ${file.replace(cwd, '')}\n`;
}
