import autocannon from 'autocannon';
import { LatencyRecorder, round, Throughput } from '../measure';

export interface HttpLoad {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Called once the warm-up is over, just before the measured run (to start a CPU count there). */
  beforeMeasuring?: () => void;
}

/**
 * Closed-loop HTTP load with autocannon (pre-built requests on raw sockets, so
 * the load generator takes as little of the machine as it can): `connections`
 * clients, each sending its next request when the last one is answered. Every
 * 2xx response's latency goes into an HDR histogram; anything else is an error.
 */
export async function httpClosedLoop(load: HttpLoad): Promise<Throughput> {
  const options = (seconds: number): autocannon.Options => ({
    url: load.url,
    method: load.method,
    headers: load.headers,
    body: load.body,
    connections: load.connections,
    pipelining: 1,
    duration: seconds,
    timeout: 30,
  });
  if (load.warmupSeconds > 0) await autocannon(options(load.warmupSeconds));
  load.beforeMeasuring?.();
  const recorder = new LatencyRecorder();
  let errors = 0;
  const instance = autocannon(options(load.seconds));
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) recorder.recordMs(ms);
    else errors++;
  });
  const result = await instance;
  errors += result.errors; // socket errors and timeouts
  if (recorder.count === 0) throw new Error(`no 2xx answer from ${load.method} ${load.url} (${errors} errors)`);
  return {
    perSecond: round(recorder.count / result.duration),
    count: recorder.count,
    errors,
    latency: recorder.latency(),
  };
}
