import type { ReactNode } from 'react';

/**
 * A page of the app: the paths it answers (a pattern whose groups are its parameters), its title,
 * and what it shows. Each area of the app (visitors and customers, accounts, vendors, admins) keeps
 * its routes beside its pages; App.tsx tries them in order.
 */
export interface PageRoute {
  pattern: RegExp;
  title: string;
  render: (params: string[], query: URLSearchParams) => ReactNode;
}

/** The route that answers `path`, with its parameters, or null. */
export function match(
  routes: readonly PageRoute[],
  path: string,
): { route: PageRoute; params: string[] } | null {
  for (const route of routes) {
    const found = route.pattern.exec(path);
    if (found) return { route, params: found.slice(1).map((part) => decodeURIComponent(part)) };
  }
  return null;
}
