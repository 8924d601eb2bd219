/** The admin area's pages (see routes.tsx for their paths and titles). */
export type AdminScreen = 'queue' | 'businesses' | 'users';
