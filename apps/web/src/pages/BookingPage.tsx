import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage, type Booking, type Schemas } from '../api/client';
import {
  bookingStatusText,
  formatDateTime,
  formatDay,
  formatTime,
  paymentStatusText,
} from '../format';
import { Status, type Loaded } from '../load';
import { Link } from '../router';
import { useSession } from '../session';
import { refundOnCancel, refundPercent } from './refund';
import { useFreeWeek, WeekCalendar, type Slot } from './WeekCalendar';

type Payment = Schemas['Payment'];

const HOUR_MS = 3_600_000;
/** How often the page asks again while it waits for something to happen elsewhere (a payment). */
const POLL_MS = 3_000;

/** Why the platform cancelled a booking, in words; a person's own reason is shown as written. */
const PLATFORM_REASONS: Record<string, string> = {
  EXPIRED: 'the business did not confirm it in time',
  PAYMENT_FAILED: 'the payment was declined',
  PAYMENT_EXPIRED: 'it was not paid in time',
  BUSINESS_SUSPENDED: 'the business was suspended',
  BUSINESS_DELETED: 'the business closed',
  RESOURCE_DELETED: 'what was booked is no longer offered',
  RESOURCE_MAINTENANCE: 'what was booked is under maintenance',
  USER_SUSPENDED: 'the account was suspended',
  USER_DELETED: 'the account was deleted',
};

interface Held {
  booking: Booking;
  /** Its payments (none when nothing is paid through the platform); null: they could not be read. */
  payments: Payment[] | null;
}

const isActive = (booking: Booking): boolean =>
  booking.status === 'PENDING' || booking.status === 'CONFIRMED';

/** A payment is awaited: the customer may pay now, and the page shows when they have. */
const awaitsPayment = (booking: Booking): boolean =>
  booking.status !== 'CANCELLED' && booking.paymentStatus === 'PENDING';

const failed = (failure: unknown) => ({ data: undefined, error: failure });

/**
 * One booking and its payments, read again every few seconds while something is awaited (a
 * payment; the refund after a cancellation, `refundDue`). Answers that are overtaken by a newer
 * read or change are dropped; a failed re-read keeps what is shown.
 */
function useHeldBooking(id: string, refundDue: boolean) {
  const [held, setHeld] = useState<Loaded<Held>>({ state: 'loading' });
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const round = ++latest.current;
    const [booking, payments] = await Promise.all([
      api.GET('/api/bookings/{id}', { params: { path: { id } } }).catch(failed),
      api.GET('/api/payments', { params: { query: { bookingId: id } } }).catch(failed),
    ]);
    if (round !== latest.current) return;
    if (booking.data) {
      const value = { booking: booking.data.data, payments: payments.data?.data ?? null };
      setHeld({ state: 'done', value });
    } else {
      const message = errorMessage(booking.error);
      setHeld((shown) => (shown.state === 'done' ? shown : { state: 'failed', message }));
    }
  }, [id]);

  /** The booking as a change answered it; its payments are read again behind it. */
  const replace = useCallback(
    (booking: Booking) => {
      latest.current += 1;
      setHeld((shown) => ({
        state: 'done',
        value: { booking, payments: shown.state === 'done' ? shown.value.payments : null },
      }));
      void refresh();
    },
    [refresh],
  );

  useEffect(() => {
    void refresh();
    return () => {
      // Nothing answered after the page is left is shown.
      latest.current += 1;
    };
  }, [refresh]);

  const awaiting =
    held.state === 'done' &&
    (awaitsPayment(held.value.booking) ||
      (refundDue && held.value.booking.paymentStatus === 'PAID'));
  useEffect(() => {
    if (!awaiting) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [awaiting, refresh]);

  return { held, replace };
}

/** One of my bookings: when, its status, price and payment; pay, reschedule or cancel it. */
export function BookingPage({ id }: { id: string }) {
  const session = useSession();
  if (!session) {
    return (
      <>
        <h1 tabIndex={-1}>Booking</h1>
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(`/bookings/${id}`)}`}>Sign in</Link> to
          see this booking.
        </p>
      </>
    );
  }
  return <BookingDetail id={id} />;
}

function BookingDetail({ id }: { id: string }) {
  const [refundDue, setRefundDue] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const { held, replace } = useHeldBooking(id, refundDue);

  if (held.state !== 'done') {
    return (
      <>
        <h1 tabIndex={-1}>Booking</h1>
        <Status loaded={held} what="this booking" />
      </>
    );
  }
  const { booking, payments } = held.value;
  const zone = booking.timezone;
  const refunded = payments?.find((payment) => payment.refundedAmount !== '0.00');
  const paid =
    payments?.find((payment) => payment.status === 'SUCCEEDED')?.amount ?? booking.totalPrice;

  const moved = (next: Booking) => {
    replace(next);
    setNote(
      `Moved to ${formatDateTime(next.startTime, next.timezone)}–${formatTime(next.endTime, next.timezone)} (${next.timezone} time).`,
    );
  };
  const cancelled = (next: Booking, refundExpected: boolean) => {
    replace(next);
    setRefundDue(refundExpected);
    setNote(
      refundExpected
        ? 'Your booking is cancelled. The refund is on its way: it shows here once made.'
        : 'Your booking is cancelled.',
    );
  };

  return (
    <>
      <h1 tabIndex={-1}>
        {booking.resourceName} at {booking.businessName}
      </h1>
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {formatDateTime(booking.startTime, zone)}–{formatTime(booking.endTime, zone)} ({zone}{' '}
          time)
        </dd>
        <dt>Status</dt>
        <dd>{bookingStatusText(booking)}</dd>
        {booking.cancelReason && (
          <>
            <dt>Cancelled because</dt>
            <dd>{PLATFORM_REASONS[booking.cancelReason] ?? booking.cancelReason}</dd>
          </>
        )}
        <dt>Price</dt>
        <dd>
          {booking.totalPrice} {booking.currency}
        </dd>
        {booking.paymentMode !== 'NONE' && (
          <>
            <dt>Payment</dt>
            <dd>
              {paymentStatusText(booking)}
              {refunded && ` (${refunded.refundedAmount} ${refunded.currency} back)`}
            </dd>
          </>
        )}
      </dl>
      <p>
        <Link href={`/businesses/${booking.businessId}`}>About {booking.businessName}</Link> ·{' '}
        <Link href="/bookings">All my bookings</Link>
      </p>
      {note && (
        <p role="status" className="ok">
          {note}
        </p>
      )}
      {payments === null && (
        <p role="alert" className="error">
          Could not load the payment of this booking.
        </p>
      )}
      {awaitsPayment(booking) && (
        <PayNow booking={booking} payment={payments?.find((p) => p.status === 'PENDING')} />
      )}
      {isActive(booking) && <Reschedule booking={booking} onMoved={moved} />}
      {isActive(booking) && <CancelBooking booking={booking} paid={paid} onCancelled={cancelled} />}
    </>
  );
}

/** The way to pay: the provider's checkout page, and until when. */
function PayNow({ booking, payment }: { booking: Booking; payment: Payment | undefined }) {
  const zone = booking.timezone;
  return (
    <section aria-labelledby="pay-heading" className="booking-panel">
      <h2 id="pay-heading">Payment</h2>
      {booking.paymentDueAt && (
        <p>
          Pay by <strong>{formatDateTime(booking.paymentDueAt, zone)}</strong> ({zone} time), or the
          booking is released.
        </p>
      )}
      {payment ? (
        <p>
          <a className="button" href={payment.checkoutUrl}>
            Pay now
          </a>{' '}
          {payment.amount} {payment.currency}
        </p>
      ) : (
        <p role="status">Preparing the payment…</p>
      )}
      <p className="muted">Once paid, this page says so.</p>
    </section>
  );
}

function Reschedule({
  booking,
  onMoved,
}: {
  booking: Booking;
  onMoved: (booking: Booking) => void;
}) {
  const [open, setOpen] = useState(false);
  const zone = booking.timezone;
  const until = new Date(
    Date.parse(booking.startTime) - booking.cancellationPolicy.freeCancellationHours * HOUR_MS,
  ).toISOString();
  return (
    <section aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">Reschedule</h2>
      <p>
        You may move it to another free time of {booking.resourceName} until{' '}
        {formatDateTime(until, zone)} ({zone} time); later, ask the business.
      </p>
      {open ? (
        <RescheduleCalendar booking={booking} onMoved={onMoved} />
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Choose a new time
        </button>
      )}
    </section>
  );
}

/** The resource's free week, in slots as long as the booking, and the move to one of them. */
function RescheduleCalendar({
  booking,
  onMoved,
}: {
  booking: Booking;
  onMoved: (booking: Booking) => void;
}) {
  const length = Date.parse(booking.endTime) - Date.parse(booking.startTime);
  const minutes = length / 60_000;
  // The API offers slots of 5 minutes to a day; a longer stay keeps its length on the usual grid.
  const slotMinutes = Number.isInteger(minutes) && minutes >= 5 && minutes <= 1440 ? minutes : 0;
  const freeWeek = useFreeWeek({ resourceId: booking.resourceId }, slotMinutes || undefined);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [attempt, setAttempt] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const zone = booking.timezone;

  const choose = (slot: Slot) => {
    setChosen(slot);
    setAttempt({ busy: false });
  };

  const move = async () => {
    if (!chosen) return;
    setAttempt({ busy: true });
    const startTime = chosen.startTime;
    const endTime = new Date(Date.parse(startTime) + length).toISOString();
    const { data, error } = await api
      .POST('/api/bookings/{id}/reschedule', {
        params: { path: { id: booking.id } },
        body: { startTime, endTime },
      })
      .catch(failed);
    if (data) {
      setChosen(null);
      setAttempt({ busy: false });
      onMoved(data.data);
    } else {
      setAttempt({ busy: false, error: errorMessage(error) });
    }
    freeWeek.reload();
  };

  return (
    <>
      <WeekCalendar freeWeek={freeWeek} chosen={chosen} onChoose={choose} />
      {chosen && (
        <div className="booking-panel" aria-live="polite">
          <p>
            New time: {formatDay(chosen.startTime, zone)}, {formatTime(chosen.startTime, zone)}–
            {formatTime(new Date(Date.parse(chosen.startTime) + length).toISOString(), zone)} (
            {zone} time)
          </p>
          <button type="button" disabled={attempt.busy} onClick={() => void move()}>
            Move to this time
          </button>
          {attempt.error && (
            <p role="alert" className="error">
              Could not reschedule: {attempt.error}
            </p>
          )}
        </div>
      )}
    </>
  );
}

/** Cancelling, with what the booking's policy refunds if it is cancelled now, said beforehand. */
function CancelBooking({
  booking,
  paid,
  onCancelled,
}: {
  booking: Booking;
  paid: string;
  onCancelled: (booking: Booking, refundExpected: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = Date.now();
  const refund = refundOnCancel(booking, paid, now);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const refundExpected = booking.paymentStatus === 'PAID' && refundPercent(booking, now) > 0;
    const { data, error: failure } = await api
      .POST('/api/bookings/{id}/cancel', {
        params: { path: { id: booking.id } },
        body: { reason: reason.trim() || 'Cancelled by the customer' },
      })
      .catch(failed);
    setBusy(false);
    if (data) onCancelled(data.data, refundExpected);
    else setError(errorMessage(failure));
  };

  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Cancel</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          Cancel booking
        </button>
      ) : (
        <form onSubmit={(event) => void submit(event)} className="form">
          {refund && <p className="refund">{refund}</p>}
          <div className="field">
            <label htmlFor="cancel-reason">Reason (optional)</label>
            <input
              id="cancel-reason"
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              Confirm cancellation
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Keep booking
            </button>
          </div>
          {error && (
            <p role="alert" className="error">
              Could not cancel: {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
