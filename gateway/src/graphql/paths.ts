/** `path?key=value&...` with the given (defined) parameters, each encoded. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]): Array<[string, string]> =>
      value == null ? [] : [[key, String(value)]],
    ),
  ).toString();
  return search ? `${path}?${search}` : path;
}

/** One path segment from a caller's value: encoded, so an id cannot walk the upstream's routes. */
export const segment = (value: string) => encodeURIComponent(value);
