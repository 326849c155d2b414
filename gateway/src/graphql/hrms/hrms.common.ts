import type { UpstreamReply } from '../../upstreams';
import { callerOf } from '../common/context';
import type { GqlContext } from '../common/context';
import { fromUpstream } from '../common/errors';
import type { CommandResult } from '../common/results';

/** An employee named by a row (a leave request's, a manager): batched, one HRMS call per request for all of them. */
export const employeeOf = (context: GqlContext, employeeId: string) =>
  fromUpstream(callerOf(context).loaders.employee.load(employeeId));

/** A creation's answer as a `CommandResult`: the id HRMS answered under `key`, and the token of the write. */
export async function created<K extends string>(
  reply: Promise<UpstreamReply<Record<K, string>>>,
  key: K,
): Promise<CommandResult> {
  const { body, consistencyToken } = await reply;
  return { id: body[key], consistencyToken };
}
