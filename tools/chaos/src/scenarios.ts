import { sleep } from './clock';
import type { ChaosStack } from './chaos-stack';
import type { ServiceProcess } from './service-process';

/** What a fault may touch: the stack's servers and the service's replicas. */
export interface FaultContext {
  stack: ChaosStack;
  replicas: ServiceProcess[];
  /** Starts one more replica of the service (and waits until it is ready). */
  addReplica(): Promise<ServiceProcess>;
  /** How long outages last: shorter in the quick set. */
  quick: boolean;
  log(line: string): void;
}

export interface Scenario {
  id: string;
  title: string;
  /** In `--quick` (and so in `npm test`). */
  quick: boolean;
  /** Replicas of the service while it runs. */
  replicas: number;
  /** Needs Toxiproxy in front of the broker. */
  needsProxy?: boolean;
  /**
   * What runs under the fault: Libraries with its careful clients (the default), or chat behind two
   * gateway replicas with live subscribers (`chat-run.ts`; `replicas` then holds chat's and the gateways').
   */
  fleet?: 'libraries' | 'chat';
  /** Injects the fault while the load runs; resolves once everything has been started again. */
  inject(ctx: FaultContext): Promise<string>;
}

/** The replica whose relay publishes, from its own /metrics (`relay_leader 1`). */
export async function relayLeader(replicas: ServiceProcess[]): Promise<ServiceProcess | undefined> {
  for (const replica of replicas.filter((r) => r.running)) {
    const text = await fetch(`${replica.url}/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    if (/^relay_leader 1$/m.test(text)) return replica;
  }
  return undefined;
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'kafka-kill',
    title: 'kill -9 of the Kafka broker mid-load, restarted after 5 s',
    quick: true,
    replicas: 1,
    async inject({ stack }) {
      await stack.killKafka();
      await sleep(5_000);
      await stack.startKafka();
      return 'broker down 5 s';
    },
  },
  {
    id: 'service-kill',
    title: 'kill -9 of the service mid-load (relay and projections with it), restarted after 2 s',
    quick: true,
    replicas: 1,
    async inject({ replicas: [service] }) {
      await service.kill('SIGKILL');
      await sleep(2_000);
      const ready = await service.startAndWait();
      return `ready ${(ready / 1000).toFixed(1)} s after restart`;
    },
  },
  {
    id: 'postgres-restart',
    title: 'Postgres stopped (fast shutdown) mid-load, started after 3 s',
    quick: false,
    replicas: 1,
    async inject({ stack }) {
      await stack.stopPostgres();
      await sleep(3_000);
      await stack.startPostgres();
      return 'database down 3 s';
    },
  },
  {
    id: 'postgres-kill',
    title: 'kill -9 of the postmaster mid-load, started after 2 s (crash recovery)',
    quick: true,
    replicas: 1,
    async inject({ stack }) {
      await stack.killPostgres();
      await sleep(2_000);
      await stack.startPostgres();
      return 'database down 2 s, crash recovery on start';
    },
  },
  {
    id: 'registry-down',
    title: 'schema registry down mid-load (services run on cached schema ids)',
    quick: false,
    replicas: 1,
    async inject({ stack, quick }) {
      const outage = quick ? 10_000 : 30_000;
      await stack.stopRegistry();
      await sleep(outage);
      await stack.startRegistry();
      return `registry down ${outage / 1000} s`;
    },
  },
  {
    id: 'relay-leader-kill',
    title: 'two replicas: kill -9 of the relay leader; the other takes over',
    quick: true,
    replicas: 2,
    async inject({ replicas, log }) {
      const leader = await relayLeader(replicas);
      if (!leader) throw new Error('no replica reports relay_leader 1');
      const killedAt = performance.now();
      await leader.kill('SIGKILL');
      let follower: ServiceProcess | undefined;
      while (!follower && performance.now() - killedAt < 30_000) {
        follower = await relayLeader(replicas);
        if (!follower) await sleep(100);
      }
      const takeover = performance.now() - killedAt;
      if (!follower) throw new Error('no replica took the relay over within 30 s');
      log(`    ${follower.name} leads the relay ${(takeover / 1000).toFixed(2)} s after ${leader.name} was killed`);
      await leader.startAndWait();
      return `relay taken over in ${(takeover / 1000).toFixed(2)} s`;
    },
  },
  {
    id: 'rebalance-storm',
    title: 'a consumer-group rebalance storm: replicas joining and leaving every 2 s',
    quick: false,
    replicas: 2,
    async inject({ addReplica, replicas, quick }) {
      const rounds = quick ? 3 : 6;
      for (let i = 0; i < rounds; i++) {
        const extra = await addReplica();
        await sleep(2_000);
        await extra.kill(i % 2 === 0 ? 'SIGTERM' : 'SIGKILL');
        replicas.splice(replicas.indexOf(extra), 1);
        await sleep(2_000);
      }
      return `${rounds} replicas joined and left (half by SIGTERM, half by kill -9)`;
    },
  },
  {
    id: 'slow-network',
    title: 'a slow, flaky network to the broker (Toxiproxy: 100 ms ± 50 ms each way, 5% of connections reset)',
    quick: false,
    replicas: 1,
    needsProxy: true,
    async inject({ stack, quick }) {
      const proxy = stack.toxiproxy as NonNullable<typeof stack.toxiproxy>;
      const outage = quick ? 10_000 : 20_000;
      await proxy.addLatency('kafka', 100, 50);
      await proxy.addResets('kafka', 0.05, 2_000);
      await sleep(outage);
      await proxy.clear('kafka');
      return `slow network for ${outage / 1000} s`;
    },
  },
  {
    id: 'chat-replicas-kill',
    title:
      'chat: two gateway and two chat replicas; kill -9 of one of each while clients chat live, restarted after 2 s',
    quick: false,
    replicas: 4,
    fleet: 'chat',
    async inject({ replicas, log }) {
      const victims = replicas.filter((r) => r.name === 'gateway-1' || r.name === 'chat-1');
      await Promise.all(victims.map((r) => r.kill('SIGKILL')));
      log(`    killed ${victims.map((r) => r.name).join(' and ')}`);
      await sleep(2_000);
      const ready = await Promise.all(victims.map((r) => r.startAndWait()));
      return `${victims.map((r) => r.name).join(' and ')} killed, ready again ${(Math.max(...ready) / 1000).toFixed(1)} s after restart`;
    },
  },
];
