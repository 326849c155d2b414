/**
 * How long and how big each scenario runs. `full` is the benchmark; `quick`
 * runs every scenario for seconds (figures are indicative only); `tiny` is the
 * smoke test's: it only proves the harness works.
 */
export type Mode = 'full' | 'quick' | 'tiny';

export interface Sizes {
  /** Closed-loop client counts of the append and peer scenarios. */
  concurrency: number[];
  /** Measured seconds per closed-loop level, after `warmupSeconds`. */
  seconds: number;
  warmupSeconds: number;
  /** Events in the relay's backlog. */
  relayEvents: number;
  /** Events the projection runner applies. */
  projectionEvents: number;
  /** Events in the topic the projection is rebuilt from. */
  rebuildEvents: number;
  /** Tenants the read-model events are spread over. */
  tenants: number;
  /** Offered loads (commands/s) of the end-to-end scenario, and seconds at each. */
  e2eRates: number[];
  e2eSeconds: number;
  /** Employees in the directory the gateway queries; closed-loop connections and seconds. */
  gatewayEmployees: number;
  gatewayConnections: number;
  gatewaySeconds: number;
  /** Seconds of load while the service's CPU profile is taken. */
  profileSeconds: number;
  /** Rows of the CSV Admin imports (issue 16: 10,000). */
  importRows: number;
  /** Students of the school whose registers are taken (issue 17: 2,000 in 60 groups, 8 lessons a day each). */
  attendanceStudents: number;
  attendanceGroups: number;
  /** School days marked, the last of them today: the group report reads them all. */
  attendanceDays: number;
  /** Live chat (issue 18: 1,000 WebSocket clients in 50 channels, 200 posts/s): clients, channels, posts/s offered (a rate this machine sustains, then the issue's), seconds at each. */
  chatClients: number;
  chatChannels: number;
  chatRates: number[];
  chatSeconds: number;
  /** Posts into one channel, one after another (issue 18: 23 ms early, 103 ms by post 1,400 before ADR 0077). */
  chatLongPosts: number;
}

const LEVELS = [1, 8, 32, 128];
const RATES = [200, 500, 1000];

export const SIZES: Record<Mode, Sizes> = {
  full: {
    concurrency: LEVELS,
    seconds: 10,
    warmupSeconds: 2,
    relayEvents: 200_000,
    projectionEvents: 100_000,
    rebuildEvents: 1_000_000,
    tenants: 4,
    e2eRates: RATES,
    e2eSeconds: 20,
    gatewayEmployees: 200,
    gatewayConnections: 32,
    gatewaySeconds: 15,
    profileSeconds: 10,
    importRows: 10_000,
    attendanceStudents: 2_000,
    attendanceGroups: 60,
    attendanceDays: 5,
    chatClients: 1_000,
    chatChannels: 50,
    chatRates: [40, 200],
    chatSeconds: 10,
    chatLongPosts: 1_500,
  },
  quick: {
    concurrency: LEVELS,
    seconds: 2,
    warmupSeconds: 0.5,
    relayEvents: 5_000,
    projectionEvents: 5_000,
    rebuildEvents: 10_000,
    tenants: 4,
    e2eRates: RATES,
    e2eSeconds: 2,
    gatewayEmployees: 50,
    gatewayConnections: 32,
    gatewaySeconds: 2,
    profileSeconds: 2,
    importRows: 2_000,
    attendanceStudents: 400,
    attendanceGroups: 12,
    attendanceDays: 1,
    chatClients: 60,
    chatChannels: 6,
    chatRates: [30],
    chatSeconds: 3,
    chatLongPosts: 90,
  },
  tiny: {
    concurrency: [1, 8],
    seconds: 0.5,
    warmupSeconds: 0.2,
    relayEvents: 300,
    projectionEvents: 300,
    rebuildEvents: 300,
    tenants: 2,
    e2eRates: [200],
    e2eSeconds: 0.5,
    gatewayEmployees: 5,
    gatewayConnections: 4,
    gatewaySeconds: 0.5,
    // Commands under the profiler on a busy CI machine can take longer than half a second
    // each: a window that short once ended before any of the 8 clients was answered.
    profileSeconds: 2,
    importRows: 100,
    attendanceStudents: 40,
    attendanceGroups: 2,
    attendanceDays: 1,
    chatClients: 12,
    chatChannels: 3,
    chatRates: [10],
    chatSeconds: 1,
    chatLongPosts: 20,
  },
};
