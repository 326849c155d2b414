import { build } from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';

/** Latency percentiles in milliseconds. */
export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** A rate with its latency distribution: what every closed-loop level reports. */
export interface Throughput {
  /** Operations completed per second over the measured window (warm-up excluded). */
  perSecond: number;
  count: number;
  errors: number;
  latency: Latency;
}

/** An HDR histogram in microseconds (1 µs .. 10 min, 3 significant digits), read out in milliseconds. */
export class LatencyRecorder {
  private readonly histogram: Histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });

  recordMs(ms: number): void {
    this.histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  latency(): Latency {
    const at = (p: number) => round(this.histogram.getValueAtPercentile(p) / 1000, 2);
    return { p50: at(50), p95: at(95), p99: at(99), max: round(this.histogram.maxValue / 1000, 2) };
  }
}

export const round = (value: number, digits = 0) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000;

/**
 * Closed loop: `concurrency` workers each call `operation` back to back for
 * `warmupMs + durationMs`; operations that complete inside the measured window
 * (after the warm-up) count. A failed one counts as an error, with no latency.
 */
export async function closedLoop(
  concurrency: number,
  { durationMs, warmupMs }: { durationMs: number; warmupMs: number },
  operation: (worker: number, sequence: number) => Promise<unknown>,
): Promise<Throughput> {
  const recorder = new LatencyRecorder();
  const begin = performance.now();
  const measureFrom = begin + warmupMs;
  const end = measureFrom + durationMs;
  let errors = 0;
  let lastError: unknown;
  const worker = async (id: number) => {
    for (let sequence = 0; ; sequence++) {
      const started = performance.now();
      if (started >= end) return;
      try {
        await operation(id, sequence);
        const finished = performance.now();
        if (finished >= measureFrom && finished <= end) recorder.recordMs(finished - started);
      } catch (error) {
        lastError = error;
        if (performance.now() >= measureFrom) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, id) => worker(id)));
  if (recorder.count === 0) throw new Error(`no operation succeeded: ${String(lastError)}`);
  return {
    perSecond: round(recorder.count / (durationMs / 1000)),
    count: recorder.count,
    errors,
    latency: recorder.latency(),
  };
}

/** Prints a line at most every `everyMs`, for long runs (and always the last one). */
export function progress(log: (line: string) => void, label: string, everyMs = 2000) {
  const started = performance.now();
  let last = 0;
  return (done: number, total: number, force = false) => {
    const now = performance.now();
    if (!force && now - last < everyMs && done < total) return;
    last = now;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    log(
      `  ${label}: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${pct}%, ${seconds(started).toFixed(1)} s)`,
    );
  };
}
