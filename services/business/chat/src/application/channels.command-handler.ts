import { Inject, Injectable } from '@nestjs/common';
import { FoldCache } from '@hexfleet/eventing';
import { DomainError } from '@hexfleet/kernel';
import { Commands, hasRole, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { channelDecider } from '../domain/channel.decider';
import type { Actor, ChannelCommand, ChannelKind } from '../domain/channel.decider';
import { mentionWords } from '../domain/mentions';
import { directChannelId } from './channel-ids';
import { CHAT_SETTINGS } from './chat-settings';
import type { ChatSettings } from './chat-settings';
import { DIRECTORY } from './directory.port';
import type { Directory } from './directory.port';

/** A lost race on a busy channel is re-decided: every channel command is safe to decide again. */
const RETRIES = 8;

/** The writes of channels: one stream per channel, `<tenant>/channel/<channelId>`, every event at its position. */
@Injectable()
export class ChannelsCommandHandler {
  /**
   * The folded state of the channels this replica wrote to lately: a post reads only the events since
   * the last command it handled on the channel, not the whole channel (ADR 0077). Bounded
   * (`CHAT_CACHED_CHANNELS`): the least recently used channels go first.
   */
  private readonly folds: FoldCache | undefined;

  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
    @Inject(DIRECTORY) private readonly directory: Directory,
  ) {
    this.folds = settings.cachedChannels > 0 ? new FoldCache(settings.cachedChannels) : undefined;
  }

  async create(caller: Principal, body: { kind: 'public' | 'private'; name: string; readOnly?: boolean }) {
    const channelId = this.time.newId(caller, 'channel');
    return this.createAs(caller, channelId, body.kind, body.name, body.readOnly ?? false, []);
  }

  /** A direct conversation with one other person (one per pair), or a group with 2 to 7 others. */
  async openConversation(caller: Principal, body: { members: string[]; name?: string }) {
    const others = [...new Set(body.members.filter((m) => m !== caller.userId))];
    const kind: ChannelKind = others.length === 1 ? 'direct' : 'group';
    const channelId =
      kind === 'direct'
        ? directChannelId(caller.tenant, caller.userId, others[0])
        : this.time.newId(caller, 'conversation');
    return this.createAs(caller, channelId, kind, body.name ?? kind, false, others);
  }

  async addMember(caller: Principal, channelId: string, userId: string) {
    // A deactivated (or unknown) user joins nothing; the channel's own rules come after.
    if (!(await this.directory.isActive(caller.tenant, userId))) throw new DomainError('unknown-user', { userId });
    return this.run(caller, channelId, { type: 'AddMember', data: { userId, actor: this.actor(caller) } });
  }

  removeMember(caller: Principal, channelId: string, userId: string) {
    return this.run(caller, channelId, {
      type: 'RemoveMember',
      data: { userId, actor: this.actor(caller), reason: null },
    });
  }

  archive(caller: Principal, channelId: string) {
    return this.run(caller, channelId, { type: 'ArchiveChannel', data: { actor: this.actor(caller) } });
  }

  async send(caller: Principal, channelId: string, body: { text: string; replyTo?: string }) {
    const words = mentionWords(body.text);
    const mentions = await this.directory.resolve(caller.tenant, words.handles);
    const messageId = this.time.newId(caller, 'message');
    const outcome = await this.run(caller, channelId, {
      type: 'SendMessage',
      data: {
        messageId,
        text: body.text,
        replyTo: body.replyTo ?? null,
        actor: this.actor(caller),
        mentions,
        mentionsChannel: words.channel,
      },
    });
    return { ...outcome, messageId };
  }

  edit(caller: Principal, channelId: string, messageId: string, text: string) {
    const windowSeconds = this.settings.editWindowSeconds;
    return this.run(caller, channelId, {
      type: 'EditMessage',
      data: { messageId, text, actor: this.actor(caller), windowSeconds },
    });
  }

  delete(caller: Principal, channelId: string, messageId: string) {
    const windowSeconds = this.settings.editWindowSeconds;
    return this.run(caller, channelId, {
      type: 'DeleteMessage',
      data: { messageId, actor: this.actor(caller), windowSeconds },
    });
  }

  react(caller: Principal, channelId: string, messageId: string, emoji: string) {
    return this.run(caller, channelId, {
      type: 'AddReaction',
      data: { messageId, emoji, actor: this.actor(caller) },
    });
  }

  markRead(caller: Principal, channelId: string, position?: number) {
    return this.run(caller, channelId, {
      type: 'MarkRead',
      data: { position: position ?? null, actor: this.actor(caller) },
    });
  }

  private createAs(
    caller: Principal,
    channelId: string,
    kind: ChannelKind,
    name: string,
    readOnly: boolean,
    members: string[],
  ) {
    return this.run(caller, channelId, {
      type: 'CreateChannel',
      data: { channelId, kind, name, readOnly, actor: this.actor(caller), members },
    });
  }

  private actor(caller: Principal): Actor {
    return { userId: caller.userId, tenantAdmin: hasRole(caller, 'tenant-admin') };
  }

  private async run(caller: Principal, channelId: string, command: Omit<ChannelCommand, 'metadata'>) {
    const outcome = await this.commands.handle(channelDecider, {
      caller,
      aggregate: 'channel',
      id: channelId,
      command: { ...command, metadata: { now: this.time.now() } } as ChannelCommand,
      retries: RETRIES,
      cache: this.folds,
    });
    return { channelId, outcome: outcome.status };
  }
}
