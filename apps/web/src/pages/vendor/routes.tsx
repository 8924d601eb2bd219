import { lazy, Suspense } from 'react';
import type { PageRoute } from '../../routes';
import type { VendorScreen } from './screens';

/**
 * The vendor area is its own chunk (with its CSS), fetched the first time a vendor page is shown:
 * visitors and customers never download it.
 */
const VendorArea = lazy(() => import('./VendorArea'));

const TITLES: Record<VendorScreen, string> = {
  dashboard: 'My business',
  profile: 'Business profile',
  hours: 'Opening hours',
  policies: 'Policies',
  categories: 'Categories',
  resources: 'Resources',
  'new-resource': 'New resource',
  resource: 'Edit resource',
  bookings: 'Bookings',
};

function page(pattern: RegExp, screen: VendorScreen): PageRoute {
  const title = TITLES[screen];
  return {
    pattern,
    title,
    render: (params, query) => (
      <Suspense
        fallback={
          <>
            <h1 tabIndex={-1}>{title}</h1>
            <p role="status">Loading…</p>
          </>
        }
      >
        <VendorArea screen={screen} title={title} params={params} query={query} />
      </Suspense>
    ),
  };
}

/** Vendors: their business, its hours and policies, categories, resources, bookings and stats. */
export const vendorRoutes: PageRoute[] = [
  page(/^\/vendor\/?$/, 'dashboard'),
  page(/^\/vendor\/profile$/, 'profile'),
  page(/^\/vendor\/hours$/, 'hours'),
  page(/^\/vendor\/policies$/, 'policies'),
  page(/^\/vendor\/categories$/, 'categories'),
  page(/^\/vendor\/resources$/, 'resources'),
  page(/^\/vendor\/resources\/new$/, 'new-resource'),
  page(/^\/vendor\/resources\/([^/]+)$/, 'resource'),
  page(/^\/vendor\/bookings$/, 'bookings'),
];
