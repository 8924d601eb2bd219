import { api } from '../api/client';
import { bookingStatusText, formatDateTime, formatTime, paymentStatusText } from '../format';
import { Status, useLoad } from '../load';
import { Link } from '../router';
import { useSession } from '../session';

/** My bookings, soonest first; each leads to its page (pay, reschedule, cancel). */
export function BookingsPage() {
  const session = useSession();
  const [bookings] = useLoad(session?.user.id ?? '-', async () =>
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
                  <Link href={`/bookings/${booking.id}`}>
                    {booking.resourceName} at {booking.businessName}
                  </Link>
                </h2>
                <p>
                  {formatDateTime(booking.startTime, booking.timezone)}–
                  {formatTime(booking.endTime, booking.timezone)} ({booking.timezone} time)
                </p>
                <p>
                  {booking.totalPrice} {booking.currency} ·{' '}
                  <strong>{bookingStatusText(booking)}</strong>
                  {booking.paymentMode !== 'NONE' && ` · ${paymentStatusText(booking)}`}
                </p>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
