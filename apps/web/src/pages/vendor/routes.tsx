import type { PageRoute } from '../../routes';

/** Vendors: their business, its hours and policies, categories, resources, bookings and stats. */
export const vendorRoutes: PageRoute[] = [];
