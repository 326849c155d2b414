import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import { TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { chat } from '@hexfleet/schemas';
import { ACTIVITY } from './activity.port';
import type { Activity } from './activity.port';
import { CHAT_READ_MODEL } from './chat-read-model.port';
import type { ChatReadModel } from './chat-read-model.port';

/** Typing and presence: ephemeral, published and forgotten (ADR 0058); no stream, no read model. */
@Injectable()
export class ActivityCommandHandler {
  constructor(
    private readonly time: TimeAndIds,
    @Inject(ACTIVITY) private readonly activity: Activity,
    @Inject(CHAT_READ_MODEL) private readonly chatReadModel: ChatReadModel,
  ) {}

  /** "I am typing" in a channel I am a member of (read from the read model: an indicator may lag a join). */
  async typing(caller: Principal, channelId: string): Promise<void> {
    const channel = await this.chatReadModel.channel(caller.tenant, channelId);
    if (!channel || !channel.members.some((m) => m.userId === caller.userId)) {
      // Not a member of a non-public channel looks like no channel at all; of a public one, a refusal.
      if (!channel || channel.kind !== 'public') throw new DomainError('channel-not-found');
      throw new DomainError('not-a-member');
    }
    if (channel.archived) throw new DomainError('channel-archived', { channelId });
    const event = chat.userTyping({ channelId, userId: caller.userId, at: this.time.now() });
    await this.activity.publish(caller.tenant, channelId, event);
  }

  async presence(caller: Principal, status: chat.Presence): Promise<void> {
    const event = chat.presenceChanged({ userId: caller.userId, status, at: this.time.now() });
    await this.activity.publish(caller.tenant, caller.userId, event);
  }
}
