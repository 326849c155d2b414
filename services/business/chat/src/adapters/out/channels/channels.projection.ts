import { readModel } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext } from '@hexfleet/eventing';
import type { chat } from '@hexfleet/schemas';

type Consumed = ConsumedEvent<chat.ChatChannelV1Event>;

/**
 * Every event of a channel at its position (the stream version): what a client that reconnects
 * replays after the last position it saw, and the channel's own position moves with it.
 */
async function record(event: Consumed, at: string, { tx, schema }: ProjectionContext): Promise<void> {
  const { channelId } = event.data;
  await tx.query(
    `insert into ${schema}.channel_events (channel_id, position, type, data, at)
     values ($1, $2, $3, $4, $5) on conflict (channel_id, position) do nothing`,
    [channelId, event.streamVersion, event.type, JSON.stringify(event.data), at],
  );
  await tx.query(`update ${schema}.channels set position = greatest(position, $2) where channel_id = $1`, [
    channelId,
    event.streamVersion,
  ]);
}

/**
 * Chat's read model, per tenant schema: channels with their members and read markers,
 * messages with their position, reactions, mentions, and every event by position. Unread and
 * mention counts are counted at read time from the markers (an index on position each), so a
 * marker is one row and a message is one row, whoever reads it. Messages carry a `simple`
 * text-search vector (no stemming: the tenant's language is unknown) for full-text search.
 */
export const channels = readModel<chat.ChatChannelV1Event>({
  name: 'chat-channels',
  topics: ['chat.channel.v1'],
  tables: ['channels', 'members', 'messages', 'reactions', 'mentions', 'channel_events'],
  migrations: [
    (schema) => `create table ${schema}.channels (
      channel_id text primary key,
      kind text not null,
      name text not null,
      read_only boolean not null,
      archived boolean not null default false,
      created_by text,
      created_at text not null,
      position integer not null default 0,
      last_message_at text)`,
    (schema) => `create table ${schema}.members (
      channel_id text not null,
      user_id text not null,
      admin boolean not null,
      read_position integer not null default 0,
      primary key (channel_id, user_id))`,
    (schema) => `create index on ${schema}.members (user_id)`,
    (schema) => `create table ${schema}.messages (
      channel_id text not null,
      message_id text not null,
      position integer not null,
      author_id text not null,
      text text,
      thread_root_id text,
      sent_at text not null,
      edited_at text,
      deleted boolean not null default false,
      search tsvector generated always as (to_tsvector('simple', coalesce(text, ''))) stored,
      primary key (channel_id, message_id))`,
    (schema) => `create index on ${schema}.messages (channel_id, position)`,
    (schema) => `create index on ${schema}.messages using gin (search)`,
    (schema) => `create table ${schema}.reactions (
      channel_id text not null,
      message_id text not null,
      emoji text not null,
      user_id text not null,
      position integer not null,
      primary key (channel_id, message_id, emoji, user_id))`,
    (schema) => `create table ${schema}.mentions (
      channel_id text not null,
      message_id text not null,
      user_id text not null,
      position integer not null,
      primary key (channel_id, message_id, user_id))`,
    (schema) => `create index on ${schema}.mentions (user_id, channel_id, position)`,
    (schema) => `create table ${schema}.channel_events (
      channel_id text not null,
      position integer not null,
      type text not null,
      data text not null,
      at text not null,
      primary key (channel_id, position))`,
  ],
  on: {
    async ChannelCreated(event, context) {
      const { data } = event;
      await context.tx.query(
        `insert into ${context.schema}.channels (channel_id, kind, name, read_only, created_by, created_at)
         values ($1, $2, $3, $4, $5, $6) on conflict (channel_id) do nothing`,
        [data.channelId, data.kind, data.name, data.readOnly, data.createdBy, data.createdAt],
      );
      await record(event, data.createdAt, context);
    },
    async ChannelArchived(event, context) {
      await context.tx.query(`update ${context.schema}.channels set archived = true where channel_id = $1`, [
        event.data.channelId,
      ]);
      await record(event, event.data.archivedAt, context);
    },
    async MemberAdded(event, context) {
      const { data } = event;
      await context.tx.query(
        `insert into ${context.schema}.members (channel_id, user_id, admin) values ($1, $2, $3)
         on conflict (channel_id, user_id) do update set admin = excluded.admin`,
        [data.channelId, data.userId, data.admin],
      );
      await record(event, data.addedAt, context);
    },
    async MemberRemoved(event, context) {
      const { data } = event;
      await context.tx.query(`delete from ${context.schema}.members where channel_id = $1 and user_id = $2`, [
        data.channelId,
        data.userId,
      ]);
      await record(event, data.removedAt, context);
    },
    async MessageSent(event, context) {
      const { data } = event;
      await context.tx.query(
        `insert into ${context.schema}.messages (channel_id, message_id, position, author_id, text, thread_root_id, sent_at)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (channel_id, message_id) do nothing`,
        [data.channelId, data.messageId, event.streamVersion, data.authorId, data.text, data.threadRootId, data.sentAt],
      );
      await context.tx.query(`update ${context.schema}.channels set last_message_at = $2 where channel_id = $1`, [
        data.channelId,
        data.sentAt,
      ]);
      await record(event, data.sentAt, context);
    },
    async MessageEdited(event, context) {
      const { data } = event;
      await context.tx.query(
        `update ${context.schema}.messages set text = $3, edited_at = $4 where channel_id = $1 and message_id = $2`,
        [data.channelId, data.messageId, data.text, data.editedAt],
      );
      await record(event, data.editedAt, context);
    },
    async MessageDeleted(event, context) {
      const { data } = event;
      // Soft: the row stays (its position, its thread), the text goes.
      await context.tx.query(
        `update ${context.schema}.messages set text = null, deleted = true where channel_id = $1 and message_id = $2`,
        [data.channelId, data.messageId],
      );
      await record(event, data.deletedAt, context);
    },
    async ReactionAdded(event, context) {
      const { data } = event;
      await context.tx.query(
        `insert into ${context.schema}.reactions (channel_id, message_id, emoji, user_id, position)
         values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [data.channelId, data.messageId, data.emoji, data.userId, event.streamVersion],
      );
      await record(event, data.addedAt, context);
    },
    async UserMentioned(event, context) {
      const { data } = event;
      await context.tx.query(
        `insert into ${context.schema}.mentions (channel_id, message_id, user_id, position)
         values ($1, $2, $3, $4) on conflict do nothing`,
        [data.channelId, data.messageId, data.userId, event.streamVersion],
      );
      await record(event, data.mentionedAt, context);
    },
    async ChannelRead(event, context) {
      const { data } = event;
      await context.tx.query(
        `update ${context.schema}.members set read_position = greatest(read_position, $3)
         where channel_id = $1 and user_id = $2`,
        [data.channelId, data.userId, data.position],
      );
      await record(event, data.readAt, context);
    },
  },
});
