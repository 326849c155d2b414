export type QueryValue = string | number | boolean | readonly string[] | undefined | null;

/** `path?key=value&...` with the given (defined) parameters, each encoded; a list as `a,b,c`. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]): Array<[string, string]> => {
      if (value == null) return [];
      return [[key, Array.isArray(value) ? value.join(',') : String(value)]];
    }),
  ).toString();
  return search ? `${path}?${search}` : path;
}

/** One path segment from a caller's value: encoded, so an id cannot walk the upstream's routes. */
export const segment = (value: string) => encodeURIComponent(value);
