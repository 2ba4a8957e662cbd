// The young generation of a batch command's threads (katsudo build's page and index threads).
import { setFlagsFromString } from 'node:v8';

/** V8's own semi-space size on 64-bit, in MB (a young generation of three times that). */
export const BATCH_SEMI_SPACE_MB = 16;

/**
 * Gives the threads started from now on V8's default young generation: for a one-shot batch
 * command. bin/katsudo.js and `npm start` run node with --max-semi-space-size=4 to keep the
 * server's memory low; V8's flags belong to the process, so every thread a command starts
 * inherited that small young generation, and a page thread, which makes a page's worth of
 * short-lived strings each time, spent more CPU on scavenges (docs/performance.md "Static
 * build"). A heap is sized when it is created: the calling thread keeps its own. Not for the
 * server, whose work threads would grow too.
 *
 * The one place that sizes a build's threads, measured on the 10,000-report bench site:
 * - 16 MB and not more: a page thread's pages rendered in chunks (bench/render-pages
 *   --threads 0, node --max-semi-space-size=N) spent 6.2 s CPU at 16, 6.5-6.7 s at 32 and 64
 *   (medians of 3-5, load 2-5), though its scavenge pauses fell from ~270 to ~220 and ~180 ms:
 *   fewer scavenges, each no cheaper, and a young generation that fits the caches less well;
 *   the full build showed no difference either, and each thread's heap grows by 3 × the extra.
 * - A flag and not the Worker's resourceLimits.maxYoungGenerationSizeMb: V8 lets
 *   --max-semi-space-size override that limit, so under bin/katsudo.js's flag a thread gets
 *   4 MB semi-spaces whatever resourceLimits asks.
 * - The build's own thread keeps the command line's flag (4 MB under the installed command,
 *   V8's 16 under `node bin/katsudo.js`): it mostly hands out work to its threads, its GC
 *   pauses were ~340 against ~240 ms per full build (--trace-gc), and the build's CPU (user+sys,
 *   medians of 4 alternating runs) showed no difference at load 1.5-3. Only a second process
 *   could give it more, which would cost more than that.
 */
export function widenYoungGenerationOfNewThreads(): void {
  setFlagsFromString(`--max-semi-space-size=${BATCH_SEMI_SPACE_MB}`);
}
