import { Inject, Injectable } from '@nestjs/common';
import { TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { CHAT_SETTINGS } from './chat-settings';
import type { ChatSettings } from './chat-settings';

const WINDOW_MS = 60_000;

/**
 * The per-user posting limit: at most `postsPerMinute` posts in any sliding minute, counted in
 * this process (ADR 0059: per replica; the gateway spreads a user's posts, so the limit is a
 * ceiling per replica, not a quota).
 */
@Injectable()
export class PostingRate {
  private readonly posts = new Map<string, number[]>();

  constructor(
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
    private readonly time: TimeAndIds,
  ) {}

  /** Counts a post and answers 0, or answers the seconds until the caller may post again (and counts nothing). */
  take(caller: Pick<Principal, 'tenant' | 'userId'>): number {
    const now = Date.parse(this.time.now());
    const key = `${caller.tenant}/${caller.userId}`;
    const recent = (this.posts.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length >= this.settings.postsPerMinute) {
      this.posts.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    this.posts.set(key, recent);
    if (this.posts.size > 10_000) this.forgetIdle(now);
    return 0;
  }

  private forgetIdle(now: number) {
    for (const [key, times] of this.posts) if (times[times.length - 1] <= now - WINDOW_MS) this.posts.delete(key);
  }
}
