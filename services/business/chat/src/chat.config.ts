import type { CommonOptions } from '@hexfleet/platform';
import { z } from 'zod';

/** What the Chat service is composed with: the platform's common options and its own settings. */
export interface ChatOptions extends CommonOptions {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  /** How long after sending a message it may still be edited or deleted. */
  editWindowSeconds: number;
  /** Messages one user may post per minute, per replica. */
  postsPerMinute: number;
  /** Channels whose folded state a replica keeps (ADR 0077); 0 folds every channel from its start on every command. */
  cachedChannels: number;
}

const schema = z.object({
  CHAT_DEFAULT_PAGE_SIZE: z.coerce.number().int().min(1).max(200).default(50),
  CHAT_EDIT_WINDOW_SECONDS: z.coerce.number().int().min(0).max(31_536_000).default(900),
  CHAT_POSTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  CHAT_CACHED_CHANNELS: z.coerce.number().int().min(0).max(100_000).default(500),
});

/** Reads the service's own variables; a bad one stops the start with its name. */
export function chatEnv(env: NodeJS.ProcessEnv): Omit<ChatOptions, keyof CommonOptions> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid chat configuration: ${problems}`);
  }
  return {
    defaultPageSize: parsed.data.CHAT_DEFAULT_PAGE_SIZE,
    editWindowSeconds: parsed.data.CHAT_EDIT_WINDOW_SECONDS,
    postsPerMinute: parsed.data.CHAT_POSTS_PER_MINUTE,
    cachedChannels: parsed.data.CHAT_CACHED_CHANNELS,
  };
}
