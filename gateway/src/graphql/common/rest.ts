import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { ModuleName } from '../../config';
import { Upstreams } from '../../upstreams';
import type { UpstreamReply } from '../../upstreams';
import { callerOf } from './context';
import type { GqlContext } from './context';
import { fromUpstream, graphqlProblem } from './errors';
import { DEFAULT_LIMIT, MAX_LIMIT } from './pages';
import type { Page, PageArgs } from './pages';
import { withQuery } from './paths';
import type { QueryValue } from './paths';
import type { Accepted } from './results';

/**
 * How resolvers call the services: as the signed-in caller (or, for signing in,
 * as nobody), with the service's problems turned into GraphQL errors and the
 * freshness of each read noted for the response. Resolvers stay one line of
 * mapping between a field and a REST operation.
 */
@Injectable()
export class Rest {
  constructor(private readonly upstreams: Upstreams) {}

  /** A read as the caller. */
  async get<T>(context: GqlContext, module: ModuleName, path: string): Promise<T> {
    const reply = await fromUpstream(this.upstreams.call<T>(module, callerOf(context), 'GET', path));
    if (reply.freshness) context.freshness.add(reply.freshness);
    return reply.body;
  }

  /** A read whose answer is a file's text (a CSV export), as the caller. */
  async getText(context: GqlContext, module: ModuleName, path: string): Promise<string> {
    const reply = await fromUpstream(this.upstreams.call<unknown>(module, callerOf(context), 'GET', path));
    if (reply.freshness) context.freshness.add(reply.freshness);
    return reply.text;
  }

  /** A read of one thing that may not exist (or not for this caller: services answer both with 404): null. */
  async find<T>(context: GqlContext, module: ModuleName, path: string): Promise<T | null> {
    try {
      return await this.get<T>(context, module, path);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.status === 404) return null;
      throw error;
    }
  }

  /**
   * A page of a collection the service lists with `limit` and `offset`. Asks for one
   * more than the page to know whether another follows (at the largest page, a full
   * page says there may be more). A service that counts (`{ items, total }`) is taken at its word.
   */
  async page<T>(
    context: GqlContext,
    module: ModuleName,
    path: string,
    args: PageArgs,
    filters: Record<string, QueryValue> = {},
  ): Promise<Page<T>> {
    const limit = checkedLimit(args.limit);
    const offset = checkedOffset(args.offset);
    const ask = Math.min(limit + 1, MAX_LIMIT);
    const body = await this.get<T[] | { items: T[]; total?: number }>(
      context,
      module,
      withQuery(path, { ...filters, limit: ask, offset }),
    );
    const all = Array.isArray(body) ? body : body.items;
    const total = Array.isArray(body) || typeof body.total !== 'number' ? null : body.total;
    const items = all.slice(0, limit);
    const hasMore = total !== null ? offset + items.length < total : all.length > limit || all.length === MAX_LIMIT;
    return { items, limit, offset, hasMore, total };
  }

  /** A command as the caller: the answer and its consistency token. */
  send<T>(context: GqlContext, module: ModuleName, method: string, path: string, body?: unknown) {
    return fromUpstream(this.upstreams.call<T>(module, callerOf(context), method, path, body));
  }

  /** A command whose body is a file's text (a CSV import), sent with its own content type. */
  sendText<T>(context: GqlContext, module: ModuleName, path: string, text: string, contentType: string) {
    return fromUpstream(this.upstreams.call<T>(module, callerOf(context), 'POST', path, text, contentType));
  }

  /** A command anyone may send (signing in, registering, resetting a password): no token needed. */
  sendPublic<T>(context: GqlContext, module: ModuleName, method: string, path: string, body?: unknown) {
    return fromUpstream(this.upstreams.call<T>(module, context.caller ?? context.meta, method, path, body));
  }

  /** A command with nothing to answer but that it was accepted (and its token). */
  async accept(context: GqlContext, module: ModuleName, method: string, path: string, body?: unknown) {
    return accepted(await this.send<unknown>(context, module, method, path, body));
  }
}

export const accepted = (reply: UpstreamReply<unknown>): Accepted => ({
  accepted: true,
  consistencyToken: reply.consistencyToken,
});

const invalid = (field: string, message: string) =>
  graphqlProblem({
    message: `${field}: ${message}`,
    code: 'validation-failed',
    status: 400,
    errors: [{ field, message }],
  });

function checkedLimit(limit: number | undefined): number {
  if (limit === undefined || limit === null) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw invalid('limit', `must be 1 to ${MAX_LIMIT}`);
  return limit;
}

function checkedOffset(offset: number | undefined): number {
  if (offset === undefined || offset === null) return 0;
  if (!Number.isInteger(offset) || offset < 0) throw invalid('offset', 'must be 0 or more');
  return offset;
}
