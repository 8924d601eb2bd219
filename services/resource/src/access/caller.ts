import { isBusinessBookable, type BusinessSummary } from '@slotwise/contracts';

/** Who is asking, as the services see it: no Fastify request past the routes. */
export interface Caller {
  id: string;
  role: 'CUSTOMER' | 'VENDOR' | 'ADMIN' | 'SERVICE';
}

type Owned = Pick<BusinessSummary, 'ownerId'>;

export const isAdmin = (caller: Caller): boolean => caller.role === 'ADMIN';

/** The owner of the business, or an ADMIN: who may change what belongs to it. */
export const mayManage = (caller: Caller, business: Owned): boolean =>
  isAdmin(caller) || (caller.role === 'VENDOR' && business.ownerId === caller.id);

/**
 * What a business's owner and ADMIN see of it, everyone else sees only while the business is
 * ACTIVE and verified (the same rule as booking's "bookable").
 */
export const mayView = (
  caller: Caller,
  business: Pick<BusinessSummary, 'ownerId' | 'status' | 'isVerified'>,
): boolean => mayManage(caller, business) || isBusinessBookable(business);
