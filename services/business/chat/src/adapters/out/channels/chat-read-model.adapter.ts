import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import type { ChatReadModel, MessageFilter } from '../../../application/chat-read-model.port';

const CHANNEL_COLUMNS = `c.channel_id as "channelId", c.kind, c.name, c.read_only as "readOnly", c.archived,
  c.position`;

/** A message with its reactions (grouped by emoji) and its thread's reply count; `m` is the messages row. */
const MESSAGE_COLUMNS = (schema: string) => `m.channel_id as "channelId", m.message_id as "messageId", m.position,
  m.author_id as "authorId", m.text, m.thread_root_id as "threadRootId", m.sent_at as "sentAt",
  m.edited_at as "editedAt", m.deleted,
  (select count(*)::int from ${schema}.messages r where r.channel_id = m.channel_id and r.thread_root_id = m.message_id
    and not r.deleted) as replies,
  coalesce((select json_agg(json_build_object('emoji', g.emoji, 'userIds', g.users) order by g.first)
    from (select emoji, json_agg(user_id order by position) as users, min(position) as first
          from ${schema}.reactions x where x.channel_id = m.channel_id and x.message_id = m.message_id
          group by emoji) g), '[]'::json) as reactions`;

/** The read model `chat-channels` (see channels.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresChatReadModel implements ChatReadModel {
  constructor(private readonly runtime: ServiceRuntime) {}

  channelsOf(tenant: TenantId, userId: string): Promise<views.chat.ChannelSummaryView[]> {
    return this.runtime.queryTenant<views.chat.ChannelSummaryView>(
      tenant,
      (schema) => `select ${CHANNEL_COLUMNS}, me.read_position as "readPosition", c.last_message_at as "lastMessageAt",
        (select count(*)::int from ${schema}.messages x where x.channel_id = c.channel_id
          and x.position > me.read_position and x.author_id <> $1 and not x.deleted) as unread,
        (select count(*)::int from ${schema}.mentions y where y.user_id = $1 and y.channel_id = c.channel_id
          and y.position > me.read_position) as mentions
        from ${schema}.members me join ${schema}.channels c on c.channel_id = me.channel_id
        where me.user_id = $1
        order by c.last_message_at desc nulls last, c.name, c.channel_id`,
      [userId],
    );
  }

  publicChannels(tenant: TenantId, userId: string): Promise<views.chat.PublicChannelView[]> {
    return this.runtime.queryTenant<views.chat.PublicChannelView>(
      tenant,
      (schema) => `select c.channel_id as "channelId", c.name, c.read_only as "readOnly",
        c.last_message_at as "lastMessageAt",
        (select count(*)::int from ${schema}.members me where me.channel_id = c.channel_id) as members,
        exists (select 1 from ${schema}.members me where me.channel_id = c.channel_id and me.user_id = $1) as joined
        from ${schema}.channels c where c.kind = 'public' and not c.archived
        order by c.name, c.channel_id`,
      [userId],
    );
  }

  async channel(tenant: TenantId, channelId: string): Promise<views.chat.ChannelView | undefined> {
    const [row] = await this.runtime.queryTenant<Omit<views.chat.ChannelView, 'members'>>(
      tenant,
      (schema) => `select ${CHANNEL_COLUMNS}, c.created_by as "createdBy", c.created_at as "createdAt"
        from ${schema}.channels c where c.channel_id = $1`,
      [channelId],
    );
    if (!row) return undefined;
    const members = await this.runtime.queryTenant<Omit<views.chat.ChannelMemberView, 'displayName'>>(
      tenant,
      (schema) => `select user_id as "userId", admin, read_position as "readPosition" from ${schema}.members
        where channel_id = $1 order by user_id`,
      [channelId],
    );
    // Names come from the directory, another read model (its table exists once identity spoke for the tenant).
    const names = await this.runtime.queryTenant<{ userId: string; displayName: string }>(
      tenant,
      (schema) => `select user_id as "userId", display_name as "displayName" from ${schema}.users
        where user_id = any($1::text[])`,
      [members.map((m) => m.userId)],
    );
    const nameOf = new Map(names.map((n) => [n.userId, n.displayName]));
    return { ...row, members: members.map((m) => ({ ...m, displayName: nameOf.get(m.userId) ?? null })) };
  }

  messages(tenant: TenantId, channelId: string, { after, limit, threadRootId }: MessageFilter) {
    return this.runtime.queryTenant<views.chat.MessageView>(
      tenant,
      (schema) => `select ${MESSAGE_COLUMNS(schema)} from ${schema}.messages m
        where m.channel_id = $1 and m.position > $2 and ($4::text is null or m.thread_root_id = $4)
        order by m.position limit $3`,
      [channelId, after, limit, threadRootId ?? null],
    );
  }

  events(tenant: TenantId, channelId: string, after: number, limit: number) {
    return this.runtime.queryTenant<views.chat.ChannelEventView>(
      tenant,
      (schema) => `select channel_id as "channelId", position, type, data, at from ${schema}.channel_events
        where channel_id = $1 and position > $2 order by position limit $3`,
      [channelId, after, limit],
    );
  }

  async search(tenant: TenantId, userId: string, query: string, limit: number): Promise<views.chat.SearchHitView[]> {
    const rows = await this.runtime.queryTenant<views.chat.MessageView & { channelName: string }>(
      tenant,
      (schema) => `select c.name as "channelName", ${MESSAGE_COLUMNS(schema)}
        from ${schema}.messages m join ${schema}.channels c on c.channel_id = m.channel_id
        where m.search @@ websearch_to_tsquery('simple', $2) and not m.deleted
          and (c.kind = 'public' or exists (select 1 from ${schema}.members me
               where me.channel_id = m.channel_id and me.user_id = $1))
        order by ts_rank(m.search, websearch_to_tsquery('simple', $2)) desc, m.sent_at desc
        limit $3`,
      [userId, query, limit],
    );
    return rows.map(({ channelName, ...message }) => ({ channelName, message }));
  }

  async memberships(tenant: TenantId, userId: string): Promise<string[]> {
    const rows = await this.runtime.queryTenant<{ channelId: string }>(
      tenant,
      (schema) => `select channel_id as "channelId" from ${schema}.members where user_id = $1`,
      [userId],
    );
    return rows.map((row) => row.channelId);
  }
}
