// A progress bar on a terminal (documents, rate, ETA); silence in a pipe. Log lines go above the bar.
import cliProgress from 'cli-progress';

export interface Progress { tick(origin?: string, textBytes?: number): void; log(line: string): void; stop(): void }

/**
 * `sizes`: the input files and their sizes, when known (not for stdin). Progress is counted in bytes: a file
 * is done when a document of the next one arrives; inside a collection (.jsonl, a feed) its records' text counts.
 */
export function createProgress(sizes: Map<string, number> | null = null): Progress {
  if (!process.stderr.isTTY) {
    return { tick() {}, log: line => process.stderr.write(line + '\n'), stop() {} };
  }
  const t0 = Date.now();
  const total = sizes ? Math.max(1, [...sizes.values()].reduce((a, b) => a + b, 0)) : 0;
  let docs = 0, stopped = false, file = '', doneBytes = 0, inFile = 0;
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: sizes ? ' {bar} {percentage}% | {docs} documents | {rate} docs/s | ETA {eta_formatted}'
      : ' {docs} documents | {rate} docs/s | {duration_formatted}',
    hideCursor: true, clearOnComplete: true, etaBuffer: 100,
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { docs: 0, rate: '0' });
  const position = () => (sizes ? Math.min(total, doneBytes + Math.min(inFile, sizes.get(file) ?? 0)) : docs);
  return {
    tick(origin, textBytes = 0) {
      docs++;
      const f = origin?.replace(/#\d+$/, '') ?? '';
      if (f !== file) { doneBytes += sizes?.get(file) ?? 0; file = f; inFile = 0; }
      inFile += textBytes;
      const rate = (docs / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(1);
      bar.update(position(), { docs, rate });
    },
    log(line) { bar.stop(); process.stderr.write(line + '\n'); if (!stopped) bar.start(total, position(), { docs }); },
    stop() { if (!stopped) { stopped = true; bar.stop(); } },
  };
}
