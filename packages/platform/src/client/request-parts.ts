/** Causes kept on the 503s the client throws, so logs say which way the upstream failed. */
export class UpstreamTimeoutError extends Error {
  readonly code = 'UPSTREAM_TIMEOUT';
}

export class UpstreamStatusError extends Error {
  readonly code = 'UPSTREAM_5XX';
}

export type Query = Record<string, string | number | boolean | undefined>;

/** basePath + path + query; an undefined query value is left out rather than sent as "undefined". */
export function buildPath(basePath: string, path: string, query: Query | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.append(key, String(value));
  }
  const suffix = search.size > 0 ? `?${search.toString()}` : '';
  return `${basePath}${path.startsWith('/') ? path : `/${path}`}${suffix}`;
}
