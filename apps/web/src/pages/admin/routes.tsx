import { lazy, Suspense } from 'react';
import type { PageRoute } from '../../routes';
import type { AdminScreen } from './screens';

/**
 * The admin area is its own chunk (with its CSS), fetched the first time an admin page is shown:
 * nobody else downloads it.
 */
const AdminArea = lazy(() => import('./AdminArea'));

const TITLES: Record<AdminScreen, string> = {
  queue: 'Businesses waiting for verification',
  businesses: 'All businesses',
  users: 'Users',
};

function page(pattern: RegExp, screen: AdminScreen): PageRoute {
  const title = TITLES[screen];
  return {
    pattern,
    title,
    render: (_params, query) => (
      <Suspense
        fallback={
          <>
            <h1 tabIndex={-1}>{title}</h1>
            <p role="status">Loading…</p>
          </>
        }
      >
        <AdminArea screen={screen} title={title} query={query} />
      </Suspense>
    ),
  };
}

/** Admins: businesses waiting for verification, verify or suspend; users, suspend or restore. */
export const adminRoutes: PageRoute[] = [
  page(/^\/admin\/?$/, 'queue'),
  page(/^\/admin\/businesses$/, 'businesses'),
  page(/^\/admin\/users$/, 'users'),
];
