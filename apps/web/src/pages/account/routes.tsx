import type { PageRoute } from '../../routes';
import { SignInPage } from './SignInPage';

/** Accounts: sign up, sign in, passwords, two-factor sign-in. */
export const accountRoutes: PageRoute[] = [
  { pattern: /^\/sign-in$/, title: 'Sign in', render: () => <SignInPage /> },
];
