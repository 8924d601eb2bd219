import type { PageRoute } from '../routes';
import { BookingsPage } from './BookingsPage';
import { BusinessPage } from './BusinessPage';
import { HomePage } from './HomePage';
import { ResourcePage } from './ResourcePage';

/** Visitors and customers: find, look, book, and one's own bookings. */
export const customerRoutes: PageRoute[] = [
  { pattern: /^\/$/, title: 'Find a business', render: () => <HomePage /> },
  {
    pattern: /^\/businesses\/([^/]+)$/,
    title: 'Business',
    render: ([id]) => <BusinessPage id={id!} />,
  },
  { pattern: /^\/resources\/([^/]+)$/, title: 'Book', render: ([id]) => <ResourcePage id={id!} /> },
  { pattern: /^\/bookings$/, title: 'My bookings', render: () => <BookingsPage /> },
];
