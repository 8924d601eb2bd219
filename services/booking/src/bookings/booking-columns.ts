import type { BookingRecord } from './booking.types.js';

/**
 * The columns a new booking is written with, each once: the column, the record's field, the SQL
 * type its parameter is cast to. The insert is built from this list, so a new column is one line
 * here (and its migration), not a placeholder number kept in step by hand.
 */
export const BOOKING_COLUMNS = [
  ['id', 'id', 'uuid'],
  ['user_id', 'userId', 'uuid'],
  ['vendor_id', 'vendorId', 'uuid'],
  ['business_id', 'businessId', 'uuid'],
  ['resource_id', 'resourceId', 'uuid'],
  ['category_id', 'categoryId', 'uuid'],
  ['pooled', 'pooled', 'boolean'],
  ['business_name', 'businessName', 'text'],
  ['resource_name', 'resourceName', 'text'],
  ['resource_type', 'resourceType', 'text'],
  ['price_at_booking', 'priceAtBooking', 'numeric'],
  ['price_unit', 'priceUnit', '"PriceUnit"'],
  ['currency', 'currency', 'text'],
  ['total_price', 'totalPrice', 'numeric'],
  ['timezone', 'timezone', 'text'],
  ['start_time', 'startTime', 'timestamptz'],
  ['end_time', 'endTime', 'timestamptz'],
  ['buffer_minutes', 'bufferMinutes', 'int'],
  ['status', 'status', '"BookingStatus"'],
  ['notes', 'notes', 'text'],
  ['expires_at', 'expiresAt', 'timestamptz'],
  ['reschedules', 'reschedules', 'int'],
  ['payment_mode', 'paymentMode', '"PaymentMode"'],
  ['payment_status', 'paymentStatus', '"BookingPaymentStatus"'],
  ['payment_due_at', 'paymentDueAt', 'timestamptz'],
  ['free_cancellation_hours', 'freeCancellationHours', 'int'],
  ['late_refund_percent', 'lateRefundPercent', 'int'],
  ['version', 'version', 'int'],
  ['created_at', 'createdAt', 'timestamptz'],
  ['updated_at', 'updatedAt', 'timestamptz'],
] as const satisfies readonly (readonly [string, keyof BookingRecord, string])[];

/** The parameters of one statement: `add` returns the placeholder of the value it takes. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }
}
