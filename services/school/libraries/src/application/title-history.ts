import type { TitleEvent } from '../domain';

/** The display title: the title stream's state keeps only what rules need, its first event has the rest. */
export function titleOf(history: readonly TitleEvent[]): string {
  const catalogued = history.find((e) => e.type === 'TitleCatalogued');
  return catalogued?.type === 'TitleCatalogued' ? catalogued.data.title : '';
}
