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
 */
export function widenYoungGenerationOfNewThreads(): void {
  setFlagsFromString(`--max-semi-space-size=${BATCH_SEMI_SPACE_MB}`);
}
