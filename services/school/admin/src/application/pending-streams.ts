import type { LoadedStream, StreamTransaction } from '@hexfleet/platform';
import { groupDecider, studentDecider } from '../domain';
import type { GroupEvent, GroupState, StudentEvent, StudentState } from '../domain';

export interface Touched<E, S> {
  stream: LoadedStream<E, S>;
  state: S;
  events: E[];
}

/** The streams a chunk has read, their state after its accepted rows, and what it will append to each. */
export class Pending {
  private readonly students = new Map<string, Touched<StudentEvent, StudentState>>();
  private readonly groups = new Map<string, Touched<GroupEvent, GroupState>>();

  constructor(private readonly tx: StreamTransaction) {}

  student(studentId: string) {
    return this.touch(this.students, studentId, () => this.tx.load(studentDecider, 'student', studentId));
  }

  group(groupId: string) {
    return this.touch(this.groups, groupId, () => this.tx.load(groupDecider, 'group', groupId));
  }

  add<E, S>(touched: Touched<E, S>, events: readonly E[], state: S) {
    touched.events.push(...events);
    touched.state = state;
  }

  appendAll() {
    for (const t of this.students.values()) if (t.events.length) this.tx.append(t.stream, t.events);
    for (const t of this.groups.values()) if (t.events.length) this.tx.append(t.stream, t.events);
  }

  private async touch<E, S>(map: Map<string, Touched<E, S>>, id: string, load: () => Promise<LoadedStream<E, S>>) {
    const known = map.get(id);
    if (known) return known;
    const stream = await load();
    const touched = { stream, state: stream.state, events: [] };
    map.set(id, touched);
    return touched;
  }
}
