import { useEffect, useRef, type ReactNode } from 'react';
import type { Business } from '../../api/client';
import { Link, useLocation } from '../../router';
import { useSession } from '../../session';
import { BookingsScreen } from './BookingsScreen';
import { useMyBusiness } from './business';
import { CategoriesScreen } from './CategoriesScreen';
import { CreateBusinessForm } from './CreateBusinessForm';
import { DashboardScreen } from './DashboardScreen';
import { HoursScreen } from './HoursScreen';
import { PoliciesScreen } from './PoliciesScreen';
import { ProfileScreen } from './ProfileScreen';
import { ResourceEditScreen } from './ResourceEditScreen';
import { ResourceForm } from './ResourceForm';
import { ResourcesScreen } from './ResourcesScreen';
import type { VendorScreen } from './screens';
import './vendor.css';

const SECTIONS: { href: string; label: string; screens: VendorScreen[] }[] = [
  { href: '/vendor', label: 'Overview', screens: ['dashboard'] },
  { href: '/vendor/bookings', label: 'Bookings', screens: ['bookings'] },
  {
    href: '/vendor/resources',
    label: 'Resources',
    screens: ['resources', 'new-resource', 'resource'],
  },
  { href: '/vendor/categories', label: 'Categories', screens: ['categories'] },
  { href: '/vendor/hours', label: 'Opening hours', screens: ['hours'] },
  { href: '/vendor/policies', label: 'Policies', screens: ['policies'] },
  { href: '/vendor/profile', label: 'Profile', screens: ['profile'] },
];

function VendorNav({ screen }: { screen: VendorScreen }) {
  return (
    <nav aria-label="My business" className="vendor-nav">
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={section.screens.includes(screen) ? 'page' : undefined}
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Every vendor page: its heading (kept while the business loads, so that focus stays on it), the
 * sub-navigation, then the screen for the vendor's business. Signed out, or not a vendor, or
 * without a business yet, it says so instead.
 */
export default function VendorArea({
  screen,
  title,
  params,
  query,
}: {
  screen: VendorScreen;
  title: string;
  params: string[];
  query: URLSearchParams;
}) {
  const session = useSession();
  const { path } = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);

  // The first vendor page replaces the loading one whose heading had the focus: take it over.
  useEffect(() => {
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);

  let body: ReactNode;
  if (!session) {
    body = (
      <p>
        <Link href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</Link> with your business
        account to manage your business.
      </p>
    );
  } else if (session.user.role !== 'VENDOR') {
    body = (
      <p>
        This area is for business accounts. You are signed in as a {session.user.role.toLowerCase()}
        .
      </p>
    );
  } else {
    body = <MyBusiness screen={screen} params={params} query={query} />;
  }

  return (
    <div className="vendor">
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {session?.user.role === 'VENDOR' && <VendorNav screen={screen} />}
      {body}
    </div>
  );
}

function MyBusiness({
  screen,
  params,
  query,
}: {
  screen: VendorScreen;
  params: string[];
  query: URLSearchParams;
}) {
  const [mine, setMine] = useMyBusiness();
  if (mine.state === 'loading') return <p role="status">Loading your business…</p>;
  if (mine.state === 'failed') {
    return (
      <p role="alert" className="error">
        Could not load your business: {mine.message}
      </p>
    );
  }
  const business = mine.business;
  if (!business) {
    if (screen === 'dashboard') return <CreateBusinessForm onCreated={setMine} />;
    return (
      <p>
        You have no business yet. <Link href="/vendor">Create your business</Link> first.
      </p>
    );
  }
  return (
    <Screen screen={screen} business={business} onChange={setMine} params={params} query={query} />
  );
}

function Screen({
  screen,
  business,
  onChange,
  params,
  query,
}: {
  screen: VendorScreen;
  business: Business;
  onChange: (business: Business) => void;
  params: string[];
  query: URLSearchParams;
}) {
  switch (screen) {
    case 'dashboard':
      return <DashboardScreen business={business} />;
    case 'profile':
      return <ProfileScreen business={business} onChange={onChange} />;
    case 'hours':
      return <HoursScreen business={business} />;
    case 'policies':
      return <PoliciesScreen business={business} onChange={onChange} />;
    case 'categories':
      return <CategoriesScreen business={business} />;
    case 'resources':
      return <ResourcesScreen business={business} />;
    case 'new-resource':
      return <ResourceForm business={business} />;
    case 'resource':
      return <ResourceEditScreen business={business} id={params[0]!} query={query} />;
    case 'bookings':
      return <BookingsScreen business={business} query={query} />;
  }
}
