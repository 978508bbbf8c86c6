// Shows how far an import is. On a terminal: a progress bar over the file's bytes with rows per
// second and time left (cli-progress). Otherwise: a JSON line on stderr every few seconds, for
// logs and supervisors, plus a last one at the end.
import cliProgress from 'cli-progress';

export interface ProgressState {
  bytes: number;
  rows: number;
}

export interface Progress {
  update(state: ProgressState): void;
  /** Prints a line without tearing the bar. */
  log(message: string): void;
  stop(): void;
}

export interface ProgressOptions {
  totalBytes: number;
  tty: boolean;
  intervalMs: number;
  out: NodeJS.WritableStream;
}

export function createProgress(options: ProgressOptions): Progress {
  return options.tty ? terminalBar(options) : jsonLines(options);
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

function terminalBar({ totalBytes, out }: ProgressOptions): Progress {
  const started = Date.now();
  const bars = new cliProgress.MultiBar(
    {
      stream: out as NodeJS.WriteStream,
      format:
        '{bar} {percentage}% | {done}/{size} MB | {rows} rows | {speed} rows/s | ' +
        '{eta_formatted} left',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(Math.max(totalBytes, 1), 0, payload({ bytes: 0, rows: 0 }));
  function payload(state: ProgressState) {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    return {
      done: mb(state.bytes),
      size: mb(totalBytes),
      rows: state.rows,
      speed: Math.round(state.rows / seconds),
    };
  }
  return {
    update: (state) => bar.update(state.bytes, payload(state)),
    log: (message) => bars.log(`${message}\n`),
    stop: () => bars.stop(),
  };
}

function jsonLines({ totalBytes, intervalMs, out }: ProgressOptions): Progress {
  const started = Date.now();
  let state: ProgressState = { bytes: 0, rows: 0 };
  const emit = () => {
    const seconds = (Date.now() - started) / 1000;
    const bytesPerSecond = seconds > 0 ? state.bytes / seconds : 0;
    const line = {
      event: 'import.progress',
      bytes: state.bytes,
      totalBytes,
      rows: state.rows,
      rowsPerSecond: seconds > 0 ? Math.round(state.rows / seconds) : 0,
      secondsLeft:
        bytesPerSecond > 0 ? Math.round((totalBytes - state.bytes) / bytesPerSecond) : null,
    };
    out.write(`${JSON.stringify(line)}\n`);
  };
  const timer = setInterval(emit, intervalMs);
  timer.unref();
  return {
    update: (next) => void (state = next),
    log: (message) => void out.write(`${message}\n`),
    stop() {
      clearInterval(timer);
      emit();
    },
  };
}
