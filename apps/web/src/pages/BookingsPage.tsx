import { useState, type FormEvent } from 'react';
import { api, errorMessage, type Booking } from '../api/client';
import { formatDateTime, formatTime } from '../format';
import { Status, useLoad } from '../load';
import { Link } from '../router';
import { useSession } from '../session';

const STATUS: Record<Booking['status'], string> = {
  PENDING: 'Waiting for the business to confirm',
  CONFIRMED: 'Confirmed',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No-show',
};

function CancelForm({ booking, onDone }: { booking: Booking; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = `cancel-reason-${booking.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const { data, error: failure } = await api
      .POST('/api/bookings/{id}/cancel', {
        params: { path: { id: booking.id } },
        body: { reason: reason.trim() || 'Cancelled by the customer' },
      })
      .catch((thrown: unknown) => ({ data: undefined, error: thrown }));
    setBusy(false);
    if (data) onDone();
    else setError(errorMessage(failure));
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Cancel booking
      </button>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} className="form inline">
      <div className="field">
        <label htmlFor={field}>Reason (optional)</label>
        <input
          id={field}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button type="submit" disabled={busy}>
        Confirm cancellation
      </button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Keep booking
      </button>
      {error && (
        <p role="alert" className="error">
          Could not cancel: {error}
        </p>
      )}
    </form>
  );
}

export function BookingsPage() {
  const session = useSession();
  const [bookings, reload] = useLoad(session?.user.id ?? '-', async () =>
    session
      ? api.GET('/api/bookings', { params: { query: { limit: 100 } } })
      : { data: undefined, error: undefined },
  );

  if (!session) {
    return (
      <>
        <h1 tabIndex={-1}>My bookings</h1>
        <p>
          <Link href="/sign-in?next=%2Fbookings">Sign in</Link> to see your bookings.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>My bookings</h1>
      <Status loaded={bookings} what="your bookings" />
      {bookings.state === 'done' &&
        (bookings.value.data.length === 0 ? (
          <p>
            No bookings yet. <Link href="/">Find a business</Link>.
          </p>
        ) : (
          <ul className="cards">
            {bookings.value.data.map((booking) => (
              <li key={booking.id} className="card">
                <h2>
                  {booking.resourceName} at {booking.businessName}
                </h2>
                <p>
                  {formatDateTime(booking.startTime, booking.timezone)}–
                  {formatTime(booking.endTime, booking.timezone)} ({booking.timezone} time)
                </p>
                <p>
                  {booking.totalPrice} {booking.currency} ·{' '}
                  <strong>{STATUS[booking.status]}</strong>
                </p>
                {(booking.status === 'PENDING' || booking.status === 'CONFIRMED') && (
                  <CancelForm booking={booking} onDone={reload} />
                )}
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
