import type { PageRoute } from '../routes';
import { BookingPage } from './BookingPage';
import { BookingsPage } from './BookingsPage';
import { BusinessPage } from './BusinessPage';
import { CategoryPage } from './CategoryPage';
import { HomePage } from './HomePage';
import { ResourcePage } from './ResourcePage';
import './customer.css';

/** Visitors and customers: find, look, book, and one's own bookings. */
export const customerRoutes: PageRoute[] = [
  { pattern: /^\/$/, title: 'Find a business', render: () => <HomePage /> },
  {
    pattern: /^\/businesses\/([^/]+)$/,
    title: 'Business',
    render: ([id]) => <BusinessPage id={id!} />,
  },
  { pattern: /^\/resources\/([^/]+)$/, title: 'Book', render: ([id]) => <ResourcePage id={id!} /> },
  {
    pattern: /^\/categories\/([^/]+)$/,
    title: 'Room type',
    render: ([id]) => <CategoryPage id={id!} />,
  },
  { pattern: /^\/bookings$/, title: 'My bookings', render: () => <BookingsPage /> },
  {
    pattern: /^\/bookings\/([^/]+)$/,
    title: 'Booking',
    render: ([id]) => <BookingPage id={id!} />,
  },
];
