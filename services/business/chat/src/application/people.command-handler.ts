import { Inject, Injectable } from '@nestjs/common';
import type { ConsumedEvent, ConsumedEventMeta } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { Commands, Streams, TimeAndIds } from '@hexfleet/platform';
import type { StreamTransaction } from '@hexfleet/platform';
import type { hrms, identity } from '@hexfleet/schemas';
import { channelDecider } from '../domain/channel.decider';
import { employeeDecider, joinsNow } from '../domain/employee.decider';
import type { EmployeeCommand } from '../domain/employee.decider';
import { departmentChannelId, departmentChannelName, generalChannelId } from './channel-ids';
import { CHAT_READ_MODEL } from './chat-read-model.port';
import type { ChatReadModel } from './chat-read-model.port';

type Policy = { name: string };

/**
 * Default channels and removals, as HRMS and identity say (people.policy.ts). Each reaction is
 * one `Commands.react`: its command id derives from the event, so a redelivery appends nothing,
 * and what it appends names the event as its cause.
 */
@Injectable()
export class PeopleCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly streams: Streams,
    @Inject(CHAT_READ_MODEL) private readonly chat: ChatReadModel,
  ) {}

  hired(policy: Policy, event: ConsumedEvent<hrms.EmployeeHired>) {
    const { employeeId, department, userId } = event.data;
    return this.noteEmployee(policy, event, { type: 'NoteHire', data: { employeeId, department, userId } });
  }

  async registered(policy: Policy, event: ConsumedEvent<identity.UserRegistered>) {
    const { employeeId, userId } = event.data;
    if (employeeId === null) return;
    await this.noteEmployee(policy, event, { type: 'LinkAccount', data: { employeeId, userId } });
  }

  async separated(policy: Policy, event: ConsumedEvent<hrms.EmployeeSeparated>) {
    const { employeeId } = event.data;
    const now = this.time.now();
    const tenant = TenantId.parse(event.tenant);
    const known = await this.streams.load(employeeDecider, tenant, 'chat-employee', employeeId);
    const userId = event.data.userId ?? known.state.userId;
    const channels = userId ? await this.chat.memberships(tenant, userId) : [];
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const employee = await tx.load(employeeDecider, 'chat-employee', employeeId);
        const command: EmployeeCommand = { type: 'NoteSeparation', data: { employeeId }, metadata: { now } };
        tx.append(employee, employeeDecider.decide(command, employee.state));
        if (userId) await this.removeFrom(tx, channels, userId, 'employee-separated', now);
      },
      { retries: 5 },
    );
  }

  async deactivated(policy: Policy, event: ConsumedEvent<identity.UserDeactivated>) {
    const { userId } = event.data;
    const now = this.time.now();
    const channels = await this.chat.memberships(TenantId.parse(event.tenant), userId);
    if (!channels.length) return;
    await this.commands.react(policy, event, (tx) => this.removeFrom(tx, channels, userId, 'user-deactivated', now), {
      retries: 5,
    });
  }

  /** Notes a fact of the employee; when it completes what a join needs, joins #general and the department's channel. */
  private async noteEmployee(policy: Policy, event: ConsumedEventMeta, command: Omit<EmployeeCommand, 'metadata'>) {
    const now = this.time.now();
    const tenant = TenantId.parse(event.tenant);
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const employee = await tx.load(employeeDecider, 'chat-employee', command.data.employeeId);
        const events = employeeDecider.decide({ ...command, metadata: { now } } as EmployeeCommand, employee.state);
        tx.append(employee, events);
        const after = events.reduce(employeeDecider.evolve, employee.state);
        const join = joinsNow(employee.state, after);
        if (!join) return;
        const defaults = [
          { channelId: generalChannelId(tenant), name: 'general' },
          { channelId: departmentChannelId(tenant, join.department), name: departmentChannelName(join.department) },
        ];
        for (const { channelId, name } of defaults) {
          const channel = await tx.load(channelDecider, 'channel', channelId);
          const joinCommand = {
            type: 'JoinDefaultChannel' as const,
            data: { channelId, name, userId: join.userId, reason: 'employee-hired' },
            metadata: { now },
          };
          tx.append(channel, channelDecider.decide(joinCommand, channel.state));
        }
      },
      { retries: 5 },
    );
  }

  private async removeFrom(tx: StreamTransaction, channels: string[], userId: string, reason: string, now: string) {
    for (const channelId of channels) {
      const channel = await tx.load(channelDecider, 'channel', channelId);
      const command = {
        type: 'RemoveMember' as const,
        data: { userId, reason, actor: { userId: null, tenantAdmin: false } },
        metadata: { now },
      };
      tx.append(channel, channelDecider.decide(command, channel.state));
    }
  }
}
