// A progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise
// (so logs of a scheduled job stay readable).
export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

const WIDTH = 30;

/** Where the bar is drawn: stderr, or (`katsudo serve`'s log) anything that takes lines. */
export type ProgressOutput = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

export function progressBar(label: string, stream: ProgressOutput = process.stderr): ProgressBar {
  let lastTenth = -1;
  let isDrawn = false;
  return {
    update(done, total) {
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      const percent = Math.floor(ratio * 100);
      if (stream.isTTY) {
        const filled = Math.round(ratio * WIDTH);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${percent}% ${done}/${total}`);
        isDrawn = true;
        return;
      }
      const tenth = Math.floor(ratio * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${label} ${percent}% ${done}/${total}\n`);
    },
    finish() {
      if (isDrawn) stream.write('\n');
    },
  };
}
