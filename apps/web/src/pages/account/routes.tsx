import type { PageRoute } from '../../routes';
import { AccountPage } from './AccountPage';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { ResetPasswordPage } from './ResetPasswordPage';
import { SignInPage } from './SignInPage';
import { SignUpPage } from './SignUpPage';
import { VerifyEmailPage } from './VerifyEmailPage';
import './account.css';

/** Accounts: sign up, sign in, passwords, two-step sign-in, and one's own account. */
export const accountRoutes: PageRoute[] = [
  { pattern: /^\/sign-in$/, title: 'Sign in', render: () => <SignInPage /> },
  { pattern: /^\/sign-up$/, title: 'Sign up', render: () => <SignUpPage /> },
  { pattern: /^\/verify-email$/, title: 'Verify your email', render: () => <VerifyEmailPage /> },
  {
    pattern: /^\/forgot-password$/,
    title: 'Forgot your password',
    render: () => <ForgotPasswordPage />,
  },
  {
    pattern: /^\/reset-password$/,
    title: 'Reset your password',
    render: () => <ResetPasswordPage />,
  },
  { pattern: /^\/account$/, title: 'Your account', render: () => <AccountPage /> },
];
