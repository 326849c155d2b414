import type { libraries } from '@hexfleet/schemas';

export type LibrariesTitleV1Event = libraries.LibrariesTitleV1Event;

/** The display title: the title stream's state keeps only what rules need, its first event has the rest. */
export function titleOf(history: readonly LibrariesTitleV1Event[]): string {
  const catalogued = history.find((e) => e.type === 'TitleCatalogued');
  return catalogued?.type === 'TitleCatalogued' ? catalogued.data.title : '';
}
