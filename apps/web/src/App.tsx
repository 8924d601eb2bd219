import { useEffect, useRef, type ReactNode } from 'react';
import { BookingsPage } from './pages/BookingsPage';
import { BusinessPage } from './pages/BusinessPage';
import { HomePage } from './pages/HomePage';
import { ResourcePage } from './pages/ResourcePage';
import { SignInPage } from './pages/SignInPage';
import { Link, navigate, useLocation } from './router';
import { setSession, useSession } from './session';

function route(path: string): { title: string; page: ReactNode } {
  const business = /^\/businesses\/([^/]+)$/.exec(path);
  if (business) return { title: 'Business', page: <BusinessPage id={business[1]!} /> };
  const resource = /^\/resources\/([^/]+)$/.exec(path);
  if (resource) return { title: 'Book', page: <ResourcePage id={resource[1]!} /> };
  if (path === '/sign-in') return { title: 'Sign in', page: <SignInPage /> };
  if (path === '/bookings') return { title: 'My bookings', page: <BookingsPage /> };
  if (path === '/') return { title: 'Find a business', page: <HomePage /> };
  return {
    title: 'Page not found',
    page: (
      <>
        <h1 tabIndex={-1}>Page not found</h1>
        <p>
          There is no page at this address. <Link href="/">Find a business</Link>.
        </p>
      </>
    ),
  };
}

export function App() {
  const { path } = useLocation();
  const session = useSession();
  const main = useRef<HTMLElement>(null);
  const { title, page } = route(path);

  // On every page change: its title, and the focus on its heading, for screen readers and keyboards.
  useEffect(() => {
    document.title = `${title} · Slotwise`;
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path, title]);

  const signOut = () => {
    setSession(null);
    navigate('/');
  };

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
                <li>
                  <Link href="/bookings">My bookings</Link>
                </li>
                <li>
                  <button type="button" className="link" onClick={signOut}>
                    Sign out ({session.user.username})
                  </button>
                </li>
              </>
            ) : (
              <li>
                <Link href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</Link>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main}>
        {page}
      </main>
      <footer className="site">
        <p>Slotwise: book rooms, desks, chairs and appointments.</p>
      </footer>
    </>
  );
}
