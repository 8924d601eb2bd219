import { forbidden, notFound } from '@slotwise/platform/errors';
import type { Caller, PaymentFilter, PaymentRecord } from './payment.types.js';

/**
 * Who sees a payment: its customer, the owner of its business (the booking's vendor), admins.
 * To anyone else it does not exist (404). Seeing is not changing: each command says who may.
 */
export function canSee(caller: Caller, payment: PaymentRecord): boolean {
  return (
    caller.role === 'ADMIN' ||
    (caller.role === 'CUSTOMER' && payment.userId === caller.id) ||
    (caller.role === 'VENDOR' && payment.vendorId === caller.id)
  );
}

export function visibleOr404<T extends PaymentRecord>(caller: Caller, payment: T | null): T {
  if (!payment || !canSee(caller, payment)) throw notFound('Payment');
  return payment;
}

/** The part of the list a caller may read. */
export function listScope(caller: Caller): Pick<PaymentFilter, 'userId' | 'vendorId'> {
  switch (caller.role) {
    case 'ADMIN':
      return {};
    case 'CUSTOMER':
      return { userId: caller.id };
    case 'VENDOR':
      return { vendorId: caller.id };
  }
}

/** Retry and simulate: the payment's customer (and, for a retry, an admin). */
export function requireCustomer(caller: Caller, payment: PaymentRecord, allowAdmin: boolean): void {
  if (payment.userId === caller.id && caller.role === 'CUSTOMER') return;
  if (allowAdmin && caller.role === 'ADMIN') return;
  throw forbidden('Only the payment’s customer may do this');
}

/** Refunds: the business's owner or an admin. */
export function requireOwnerOrAdmin(caller: Caller, payment: PaymentRecord): void {
  if (caller.role === 'ADMIN' || (caller.role === 'VENDOR' && payment.vendorId === caller.id))
    return;
  throw forbidden('Only the business’s owner or an administrator refunds a payment');
}
