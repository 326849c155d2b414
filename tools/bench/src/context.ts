import type { Kafka } from 'kafkajs';
import type { TenantId } from '@hexfleet/kernel';
import type { DevIssuer } from '@hexfleet/testing';
import type { ServiceUnderTest } from './hrms';
import type { Mode, Sizes } from './sizes';

/** What every scenario gets from the run. */
export interface BenchContext {
  mode: Mode;
  sizes: Sizes;
  /** Short lowercase id of this run: names its topics, tenants and groups. */
  run: string;
  log(line: string): void;
  kafka: Kafka;
  issuer: DevIssuer;
  /** HRMS, started on first use and shared by the scenarios that drive it. */
  hrms(): Promise<ServiceUnderTest>;
  /** Tenants whose hires HRMS holds: what `settle` waits for. */
  hrmsTenants: TenantId[];
  /** Where CPU profiles are written; profiling is off when undefined. */
  profileDir?: string;
  /** A scratch folder of this run. */
  workDir: string;
}
