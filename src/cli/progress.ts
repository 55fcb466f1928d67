// A progress bar on a terminal (documents, rate); silence in a pipe. Log lines go above the bar.
import cliProgress from 'cli-progress';

export interface Progress { tick(): void; log(line: string): void; stop(): void }

export function createProgress(): Progress {
  if (!process.stderr.isTTY) {
    return { tick() {}, log: line => process.stderr.write(line + '\n'), stop() {} };
  }
  const t0 = Date.now();
  let n = 0, stopped = false;
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: ' {spinner} {value} documents | {rate} docs/s | {duration_formatted}',
    hideCursor: true, clearOnComplete: true, noTTYOutput: false,
  }, cliProgress.Presets.shades_classic);
  bar.start(0, 0, { rate: '0', spinner: '·' });
  const spin = ['·', '•', '●', '•'];
  return {
    tick() {
      n++;
      bar.setTotal(n);
      bar.update(n, { rate: (n / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(1), spinner: spin[n % 4] });
    },
    log(line) { bar.stop(); process.stderr.write(line + '\n'); if (!stopped) bar.start(n, n); },
    stop() { if (!stopped) { stopped = true; bar.stop(); } },
  };
}
