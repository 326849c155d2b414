import DataLoader from 'dataloader';
import type { views } from '@hexfleet/schemas';
import type { CallerContext, Upstreams } from '../../upstreams';
import { withQuery } from '../common/paths';

/** What one batch lookup of Libraries takes (`?ids=`, bounded by the service). */
const MAX_IDS = 100;

/**
 * One Libraries call for every id asked in the same tick, `GET <path>?ids=a,b`:
 * a page of loans or holds reads all its titles (and patrons) at once. An id
 * the caller may not see, or that does not exist, is null.
 */
function batchOf<V>(
  upstreams: Upstreams,
  caller: CallerContext,
  pathFor: (ids: readonly string[]) => string,
  key: (row: V) => string,
) {
  return new DataLoader<string, V | null>(
    async (ids) => {
      const { body } = await upstreams.call<V[]>('libraries', caller, 'GET', pathFor(ids));
      const byId = new Map(body.map((row) => [key(row), row]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: MAX_IDS },
  );
}

/** Libraries' loaders, one set per GraphQL request (common/loaders.ts). */
export const librariesLoaders = (upstreams: Upstreams, caller: CallerContext) => ({
  title: batchOf<views.libraries.TitleView>(
    upstreams,
    caller,
    // A search of these ids: its page must hold them all (50 when absent).
    (ids) => withQuery('/titles', { ids, limit: ids.length }),
    (title) => title.titleId,
  ),
  patron: batchOf<views.libraries.PatronView>(
    upstreams,
    caller,
    (ids) => withQuery('/patrons', { ids }),
    (patron) => patron.patronId,
  ),
});
