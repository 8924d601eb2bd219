import { Fragment, useEffect, useRef } from 'react';
import { signOut } from './api/client';
import { accountRoutes } from './pages/account/routes';
import { adminRoutes } from './pages/admin/routes';
import { customerRoutes } from './pages/routes';
import { vendorRoutes } from './pages/vendor/routes';
import { Link, navigate, useLocation } from './router';
import { match, type PageRoute } from './routes';
import { useSession } from './session';

const routes: PageRoute[] = [...customerRoutes, ...accountRoutes, ...vendorRoutes, ...adminRoutes];

const notFound: PageRoute = {
  pattern: /^/,
  title: 'Page not found',
  render: () => (
    <>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is no page at this address. <Link href="/">Find a business</Link>.
      </p>
    </>
  ),
};

export function App() {
  const { path, query } = useLocation();
  const session = useSession();
  const main = useRef<HTMLElement>(null);
  const found = match(routes, path) ?? { route: notFound, params: [] };
  const { title } = found.route;
  const role = session?.user.role;

  // On every page change: its title, and the focus on its heading, for screen readers and keyboards.
  useEffect(() => {
    document.title = `${title} · Slotwise`;
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path, title]);

  // Signed out at once in every tab; the session is revoked on the server meanwhile.
  const leave = () => void signOut().then(() => navigate('/'));

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="site">
        <Link href="/" className="brand">
          Slotwise
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link href="/">Find a business</Link>
            </li>
            {session ? (
              <>
                {role === 'CUSTOMER' && (
                  <li>
                    <Link href="/bookings">My bookings</Link>
                  </li>
                )}
                {role === 'VENDOR' && (
                  <li>
                    <Link href="/vendor">My business</Link>
                  </li>
                )}
                {role === 'ADMIN' && (
                  <li>
                    <Link href="/admin">Admin</Link>
                  </li>
                )}
                <li>
                  <Link href="/account">Account</Link>
                </li>
                <li>
                  <button type="button" className="link" onClick={leave}>
                    Sign out ({session.user.username})
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</Link>
                </li>
                <li>
                  <Link href="/sign-up">Sign up</Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main}>
        {/* A new path is a new page: its state starts afresh. */}
        <Fragment key={path}>{found.route.render(found.params, query)}</Fragment>
      </main>
      <footer className="site">
        <p>Slotwise: book rooms, desks, chairs and appointments.</p>
      </footer>
    </>
  );
}
