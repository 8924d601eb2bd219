import { useState } from 'react';
import { api, errorMessage, type Availability, type Booking } from '../api/client';
import { dayKey, formatDateTime, formatDay, formatTime } from '../format';
import { Status, useLoad } from '../load';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import { priceUnit } from './BusinessPage';

const DAY_MS = 86_400_000;
type Slot = Availability['free'][number];

/** The free slots of a window, by calendar day in the business's time zone (every day listed). */
function byDay(free: Slot[], from: Date, timeZone: string): { key: string; slots: Slot[] }[] {
  const days = Array.from({ length: 7 }, (_, i) => ({
    key: dayKey(new Date(from.getTime() + i * DAY_MS).toISOString(), timeZone),
    slots: [] as Slot[],
  }));
  for (const slot of free) {
    days.find((day) => day.key === dayKey(slot.startTime, timeZone))?.slots.push(slot);
  }
  return days;
}

/**
 * A resource and the week of its free slots, in the business's time zone. A customer books a slot
 * in two clicks: the slot, then "Book".
 */
export function ResourcePage({ id }: { id: string }) {
  const session = useSession();
  const { path } = useLocation();
  const [week, setWeek] = useState(0);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [booking, setBooking] = useState<{ key: string; busy: boolean; error?: string }>({
    key: crypto.randomUUID(),
    busy: false,
  });
  const [booked, setBooked] = useState<Booking | null>(null);
  // The window starts now (this hour), then a week at a time.
  const [now] = useState(() => {
    const start = new Date();
    start.setMinutes(0, 0, 0);
    return start.getTime();
  });
  const from = new Date(now + week * 7 * DAY_MS);
  const to = new Date(from.getTime() + 7 * DAY_MS);

  const [resource] = useLoad(id, () =>
    api.GET('/api/resources/{id}', { params: { path: { id } } }),
  );
  const [availability, reload] = useLoad(`${id}|${week}`, () =>
    api.GET('/api/bookings/availability', {
      params: { query: { resourceId: id, from: from.toISOString(), to: to.toISOString() } },
    }),
  );

  const choose = (slot: Slot) => {
    setChosen(slot);
    setBooked(null);
    setBooking({ key: crypto.randomUUID(), busy: false });
  };

  const book = async () => {
    if (!chosen) return;
    setBooking({ ...booking, busy: true });
    const { data, error } = await api
      .POST('/api/bookings', {
        params: { header: { 'idempotency-key': booking.key } },
        body: { resourceId: id, startTime: chosen.startTime, endTime: chosen.endTime },
      })
      .catch((failure: unknown) => ({ data: undefined, error: failure }));
    if (data) {
      setBooked(data.data);
      setChosen(null);
      setBooking({ key: crypto.randomUUID(), busy: false });
      reload();
    } else {
      setBooking({ ...booking, busy: false, error: errorMessage(error) });
      reload();
    }
  };

  if (resource.state !== 'done') {
    return (
      <>
        <h1 tabIndex={-1}>Book</h1>
        <Status loaded={resource} what="this resource" />
      </>
    );
  }
  const r = resource.value.data;
  const zone = availability.state === 'done' ? availability.value.data.timezone : null;

  return (
    <>
      <h1 tabIndex={-1}>{r.name}</h1>
      <p className="muted">
        {r.price} {r.currency} {priceUnit(r.priceUnit)} ·{' '}
        <Link href={`/businesses/${r.businessId}`}>About the business</Link>
      </p>
      {r.description && <p>{r.description}</p>}

      <section aria-labelledby="week-heading">
        <h2 id="week-heading">Free times</h2>
        {zone && (
          <p className="zone">
            Times are shown in the business’s time zone: <strong>{zone}</strong>
          </p>
        )}
        <div className="week-nav">
          <button type="button" disabled={week === 0} onClick={() => setWeek(week - 1)}>
            Previous week
          </button>
          <button type="button" onClick={() => setWeek(week + 1)}>
            Next week
          </button>
        </div>
        <Status loaded={availability} what="the free times" />
        {availability.state === 'done' && zone && (
          <div className="week">
            {byDay(availability.value.data.free, from, zone).map((day) => (
              <section
                key={day.key}
                className="day"
                aria-label={formatDay(`${day.key}T12:00:00Z`, 'UTC')}
              >
                <h3>{formatDay(`${day.key}T12:00:00Z`, 'UTC')}</h3>
                {day.slots.length === 0 ? (
                  <p className="muted">No free time</p>
                ) : (
                  <ul className="slots">
                    {day.slots.map((slot) => (
                      <li key={slot.startTime}>
                        <button
                          type="button"
                          className="slot"
                          aria-pressed={chosen?.startTime === slot.startTime}
                          onClick={() => choose(slot)}
                        >
                          {formatTime(slot.startTime, zone)}–{formatTime(slot.endTime, zone)}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="booking-heading" className="booking-panel" aria-live="polite">
        <h2 id="booking-heading">Your booking</h2>
        {booked && (
          <p role="status" className="ok">
            Booked {booked.resourceName} for {formatDateTime(booked.startTime, booked.timezone)} (
            {booked.timezone} time): {booked.totalPrice} {booked.currency}, status{' '}
            {booked.status.toLowerCase()}. <Link href="/bookings">See my bookings</Link>
          </p>
        )}
        {!chosen && !booked && <p>Choose a free time above.</p>}
        {chosen && zone && (
          <>
            <p>
              {r.name}, {formatDay(chosen.startTime, zone)}, {formatTime(chosen.startTime, zone)}–
              {formatTime(chosen.endTime, zone)} ({zone} time)
            </p>
            {session ? (
              <button type="button" disabled={booking.busy} onClick={() => void book()}>
                Book
              </button>
            ) : (
              <p>
                <Link href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in to book</Link>
              </p>
            )}
            {booking.error && (
              <p role="alert" className="error">
                Could not book: {booking.error}
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
