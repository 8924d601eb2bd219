import { isBusinessBookable, type BusinessSummary } from '@slotwise/contracts';

/** Who is asking, signed in, as the services see it: no Fastify request past the routes. */
export interface Caller {
  id: string;
  role: 'CUSTOMER' | 'VENDOR' | 'ADMIN' | 'SERVICE';
}

/** A visitor without a token, on the public catalog: sees what a customer sees. */
export interface AnonymousCaller {
  id: null;
  role: 'ANONYMOUS';
}

export const ANONYMOUS: AnonymousCaller = Object.freeze({ id: null, role: 'ANONYMOUS' });

/** Who reads the catalog: anyone, signed in or not. Writes take a `Caller`. */
export type Viewer = Caller | AnonymousCaller;

type Owned = Pick<BusinessSummary, 'ownerId'>;

export const isAdmin = (caller: Viewer): boolean => caller.role === 'ADMIN';

/** The owner of the business, or an ADMIN: who may change what belongs to it. */
export const mayManage = (caller: Viewer, business: Owned): boolean =>
  isAdmin(caller) || (caller.role === 'VENDOR' && business.ownerId === caller.id);

/**
 * What a business's owner and ADMIN see of it, everyone else sees only while the business is
 * ACTIVE and verified (the same rule as booking's "bookable").
 */
export const mayView = (
  caller: Viewer,
  business: Pick<BusinessSummary, 'ownerId' | 'status' | 'isVerified'>,
): boolean => mayManage(caller, business) || isBusinessBookable(business);
