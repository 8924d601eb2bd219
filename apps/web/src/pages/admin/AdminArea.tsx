import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from '../../router';
import { useSession } from '../../session';
import { BusinessesScreen } from './BusinessesScreen';
import type { AdminScreen } from './screens';
import { UsersScreen } from './UsersScreen';
import { VerificationQueue } from './VerificationQueue';
import './admin.css';

const SECTIONS: { href: string; label: string; screen: AdminScreen }[] = [
  { href: '/admin', label: 'Verification', screen: 'queue' },
  { href: '/admin/businesses', label: 'Businesses', screen: 'businesses' },
  { href: '/admin/users', label: 'Users', screen: 'users' },
];

function AdminNav({ screen }: { screen: AdminScreen }) {
  return (
    <nav aria-label="Administration" className="admin-nav">
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} aria-current={section.screen === screen ? 'page' : undefined}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Every admin page: its heading (the one the loading page had, so that focus stays on it), the
 * sub-navigation, then the screen. Signed out, it asks to sign in; anyone but an admin is told
 * the page is not theirs (the API refuses them too).
 */
export default function AdminArea({
  screen,
  title,
  query,
}: {
  screen: AdminScreen;
  title: string;
  query: URLSearchParams;
}) {
  const session = useSession();
  const { path } = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);

  // The first admin page replaces the loading one whose heading had the focus: take it over.
  useEffect(() => {
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);

  let body: ReactNode;
  if (!session) {
    body = (
      <p>
        <Link href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</Link> with an
        administrator account to see this page.
      </p>
    );
  } else if (session.user.role !== 'ADMIN') {
    body = (
      <p role="alert" className="error">
        You are not allowed to see this page: it is for administrators, and you are signed in as a{' '}
        {session.user.role.toLowerCase()}.
      </p>
    );
  } else if (screen === 'queue') {
    body = <VerificationQueue />;
  } else if (screen === 'businesses') {
    body = <BusinessesScreen query={query} />;
  } else {
    body = <UsersScreen query={query} me={session.user.id} />;
  }

  return (
    <div className="admin">
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {session?.user.role === 'ADMIN' && <AdminNav screen={screen} />}
      {body}
    </div>
  );
}
