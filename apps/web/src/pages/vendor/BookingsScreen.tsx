import { useEffect, useState } from 'react';
import { errorMessage, type Booking, type Business } from '../../api/client';
import { dayKey } from '../../format';
import type { Loaded } from '../../load';
import { Status } from '../../load';
import { Link } from '../../router';
import { BookingCard } from './BookingCard';
import { bookingsBetween } from './bookings';
import { addDays, isDate, longDate, mondayOf, shortDate, startOfDay, todayIn } from './calendar';

type View = 'day' | 'week';

const href = (view: View, date: string) => `/vendor/bookings?view=${view}&date=${date}`;

/** The bookings of [first, first + days), as loaded, and a way to replace one in place. */
function useBookings(
  business: Business,
  first: string,
  days: number,
): [Loaded<Booking[]>, (booking: Booking) => void] {
  const [loaded, setLoaded] = useState<Loaded<Booking[]>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    void bookingsBetween(
      business.id,
      startOfDay(first, business.timezone),
      startOfDay(addDays(first, days), business.timezone),
    ).then((answer) => {
      if (!current) return;
      setLoaded(
        answer.data
          ? { state: 'done', value: answer.data }
          : { state: 'failed', message: errorMessage(answer.error) },
      );
    });
    return () => {
      current = false;
    };
  }, [business.id, business.timezone, first, days]);
  const replace = (booking: Booking) =>
    setLoaded((before) =>
      before.state === 'done'
        ? { ...before, value: before.value.map((b) => (b.id === booking.id ? booking : b)) }
        : before,
    );
  return [loaded, replace];
}

/** The clock, moved on every half minute: No-show appears once a booking has started. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The business's bookings for a day or a week, in its time zone, with the steps each allows.
 * The view and the date are in the address (`?view=week&date=2026-12-07`), so they can be shared.
 */
export function BookingsScreen({
  business,
  query,
}: {
  business: Business;
  query: URLSearchParams;
}) {
  const zone = business.timezone;
  const view: View = query.get('view') === 'week' ? 'week' : 'day';
  const today = todayIn(zone);
  const asked = query.get('date');
  const date = isDate(asked) ? asked : today;
  const first = view === 'day' ? date : mondayOf(date);
  const days = view === 'day' ? 1 : 7;
  const [bookings, replace] = useBookings(business, first, days);
  const now = useNow();
  const step = view === 'day' ? 1 : 7;
  const unit = view === 'day' ? 'day' : 'week';
  const range =
    view === 'day'
      ? longDate(date)
      : `Week of ${shortDate(first)} to ${shortDate(addDays(first, 6))} ${first.slice(0, 4)}`;

  const card = (booking: Booking, level: 3 | 4) => (
    <li key={booking.id}>
      <BookingCard booking={booking} timeZone={zone} now={now} level={level} onChange={replace} />
    </li>
  );

  return (
    <>
      <div className="calendar-bar">
        <nav aria-label="Day or week" className="segmented">
          <Link href={href('day', date)} aria-current={view === 'day' ? 'page' : undefined}>
            Day
          </Link>
          <Link href={href('week', date)} aria-current={view === 'week' ? 'page' : undefined}>
            Week
          </Link>
        </nav>
        <nav aria-label={`Other ${unit}s`} className="week-nav">
          <Link className="button-link secondary" href={href(view, addDays(date, -step))}>
            Previous {unit}
          </Link>
          <Link className="button-link secondary" href={href(view, today)}>
            Today
          </Link>
          <Link className="button-link secondary" href={href(view, addDays(date, step))}>
            Next {unit}
          </Link>
        </nav>
      </div>
      <p className="zone">
        Times are in the business’s time zone: <strong>{zone}</strong>
      </p>
      <h2>{range}</h2>
      <Status loaded={bookings} what="the bookings" />
      {bookings.state === 'done' &&
        (view === 'day' ? (
          bookings.value.length === 0 ? (
            <p>No bookings on this day.</p>
          ) : (
            <ul className="bookings">{bookings.value.map((b) => card(b, 3))}</ul>
          )
        ) : (
          <div className="calendar-week">
            {Array.from({ length: 7 }, (_, i) => addDays(first, i)).map((day, i) => {
              // A booking shows on the day it starts (the first day, for one begun before).
              const onDay = bookings.value.filter((b) => {
                const start = dayKey(b.startTime, zone);
                return start === day || (i === 0 && start < day);
              });
              return (
                <section
                  key={day}
                  aria-labelledby={`day-${day}`}
                  className={`calendar-day${day === today ? ' today' : ''}`}
                >
                  <h3 id={`day-${day}`}>
                    <Link href={href('day', day)}>{shortDate(day)}</Link>
                    {day === today && <span className="muted"> (today)</span>}
                  </h3>
                  {onDay.length === 0 ? (
                    <p className="muted">No bookings</p>
                  ) : (
                    <ul className="bookings">{onDay.map((b) => card(b, 4))}</ul>
                  )}
                </section>
              );
            })}
          </div>
        ))}
    </>
  );
}
