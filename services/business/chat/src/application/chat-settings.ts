/** The DI token of the service's settings, chosen once by its composition root. */
export const CHAT_SETTINGS = Symbol('ChatSettings');

export interface ChatSettings {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  /** How long after sending a message its author (or an admin) may still edit or delete it. */
  editWindowSeconds: number;
  /** Messages one user may post per minute (on one replica; ADR 0059). */
  postsPerMinute: number;
  /** Channels whose folded state a replica keeps, least recently used out first; 0: none (ADR 0077). */
  cachedChannels: number;
  /** Each read model's running name (with the deployment's suffix): what a query awaits a consistency token on. */
  readModels: { channels: string; directory: string };
}
