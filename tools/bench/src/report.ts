import type { Latency } from './measure';

/** One line of the results table: our figure, and beside it the limit or peer it is measured against. */
export interface Row {
  scenario: string;
  case: string;
  value: number;
  unit: string;
  latency?: Latency;
  errors?: number;
  /** The limit or peer; `value` is absent when the reference is a latency only. */
  reference?: { label: string; value?: number; latency?: Latency };
  /** value / reference.value: a fraction of the limit, or of the peer. */
  fraction?: number;
}

export interface TargetCheck {
  target: string;
  actual: string;
  met: boolean;
}

export interface ProfileSummary {
  what: string;
  /** Milliseconds sampled (idle excluded). */
  sampledMs: number;
  /** CPU time the process used per operation in the window (from the OS), when known. */
  cpuMsPerOperation?: number;
  /** Each sample to one stage of the path (see profile.ts), so the shares add up to the whole. */
  byStage: Array<{ name: string; selfMs: number; share: number }>;
  byPackage: Array<{ name: string; selfMs: number; share: number }>;
  topFunctions: Array<{ name: string; location: string; selfMs: number; share: number }>;
}

/** A path taken apart: each step timed on its own, in the same run. */
export interface Breakdown {
  what: string;
  steps: Array<{ step: string; us: number }>;
}

export interface ScenarioResult {
  id: string;
  title: string;
  rows: Row[];
  notes: string[];
  targets: TargetCheck[];
  profile?: ProfileSummary;
  breakdown?: Breakdown;
  seconds: number;
}

export const withFraction = (row: Row): Row =>
  row.reference?.value ? { ...row, fraction: row.value / row.reference.value } : row;

export const clientsLabel = (clients: number) => `${clients} client${clients === 1 ? '' : 's'}`;
