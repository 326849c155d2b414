import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createPrivateTables, ServiceRuntime, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { CHAT_SETTINGS } from '../../../application/chat-settings';
import type { ChatSettings } from '../../../application/chat-settings';
import { minuteOf, PostingRate, postingWait } from '../../../application/posting-rate';

/**
 * Chat's own working table, outside the event store and the tenant read models: posts per user
 * and minute. A count is not a fact of a channel, so it is no event. Created at start, under an
 * advisory lock so replicas starting together do not race (as identity's `identity_private`).
 */
const DDL = `
create schema if not exists chat_private;
create table if not exists chat_private.posting_minutes (
  tenant text not null, user_id text not null, minute bigint not null, posts int not null,
  primary key (tenant, user_id, minute));`;

/** The posting limit counted in Postgres, so every replica counts against the same limit. */
@Injectable()
export class PostgresPostingRate extends PostingRate implements OnModuleInit {
  constructor(
    private readonly runtime: ServiceRuntime,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
    private readonly time: TimeAndIds,
  ) {
    super();
  }

  async onModuleInit() {
    await createPrivateTables(this.runtime.pool, 'chat_private', DDL);
  }

  async take({ tenant, userId }: Pick<Principal, 'tenant' | 'userId'>): Promise<number> {
    const { minute, elapsedMs } = minuteOf(Date.parse(this.time.now()));
    const limit = this.settings.postsPerMinute;
    const count = async (which: number) =>
      (
        await this.runtime.pool.query<{ posts: number }>(
          'select posts from chat_private.posting_minutes where tenant = $1 and user_id = $2 and minute = $3',
          [tenant, userId, which],
        )
      ).rows[0]?.posts ?? 0;
    // The previous minute is over: its count no longer moves. This minute's is checked and counted
    // in one statement, under the row's lock, so concurrent posts on two replicas cannot both pass.
    const previous = await count(minute - 1);
    const weighted = previous * (1 - elapsedMs / 60_000);
    const { rows } = await this.runtime.pool.query(
      `insert into chat_private.posting_minutes as m (tenant, user_id, minute, posts)
         select $1, $2, $3, 1 where $4::float8 < $5
       on conflict (tenant, user_id, minute) do update set posts = m.posts + 1 where $4::float8 + m.posts < $5
       returning posts`,
      [tenant, userId, minute, weighted, limit],
    );
    if (rows.length > 0) {
      // Minutes before the previous one are never read again; sweep them now and then.
      if (Math.random() < 0.01)
        await this.runtime.pool.query('delete from chat_private.posting_minutes where minute < $1', [minute - 1]);
      return 0;
    }
    return Math.max(1, postingWait(previous, await count(minute), limit, elapsedMs));
  }
}
