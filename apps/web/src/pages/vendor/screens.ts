/** The vendor area's screens (urls.md): routes.tsx maps paths to them, VendorArea shows them. */
export type VendorScreen =
  | 'dashboard'
  | 'profile'
  | 'hours'
  | 'policies'
  | 'categories'
  | 'resources'
  | 'new-resource'
  | 'resource'
  | 'bookings';
