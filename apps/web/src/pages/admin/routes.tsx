import type { PageRoute } from '../../routes';

/** Admins: businesses waiting for verification, verify or suspend; users, suspend or restore. */
export const adminRoutes: PageRoute[] = [];
