import { useState } from 'react';
import { api, errorMessage, type Booking } from '../api/client';
import { formatDateTime, formatDay, formatTime } from '../format';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import { useFreeWeek, WeekCalendar, type Slot, type SlotTarget } from './WeekCalendar';

interface Attempt {
  /** The Idempotency-Key of this slot's booking: a click sent twice books once. */
  key: string;
  busy: boolean;
  error?: string;
}

const freshAttempt = (): Attempt => ({ key: crypto.randomUUID(), busy: false });

/**
 * The week of free slots of `target` and the booking of one in two clicks: the slot, then
 * "Book". `what` names what is booked (a resource, or "any free …" of a room type). A refusal
 * (the slot was taken meanwhile) is shown beside the button, and the week is asked for again.
 */
export function SlotBooker({ target, what }: { target: SlotTarget; what: string }) {
  const session = useSession();
  const { path } = useLocation();
  const freeWeek = useFreeWeek(target);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [attempt, setAttempt] = useState<Attempt>(freshAttempt);
  const [booked, setBooked] = useState<Booking | null>(null);
  const { availability } = freeWeek;
  const zone = availability.state === 'done' ? availability.value.data.timezone : null;

  const choose = (slot: Slot) => {
    setChosen(slot);
    setBooked(null);
    setAttempt(freshAttempt());
  };

  const book = async () => {
    if (!chosen) return;
    setAttempt({ key: attempt.key, busy: true });
    const { data, error } = await api
      .POST('/api/bookings', {
        params: { header: { 'idempotency-key': attempt.key } },
        body: { ...target, startTime: chosen.startTime, endTime: chosen.endTime },
      })
      .catch((failure: unknown) => ({ data: undefined, error: failure }));
    if (data) {
      setBooked(data.data);
      setChosen(null);
      setAttempt(freshAttempt());
    } else {
      setAttempt({ key: attempt.key, busy: false, error: errorMessage(error) });
    }
    freeWeek.reload();
  };

  return (
    <>
      <section aria-labelledby="week-heading">
        <h2 id="week-heading">Free times</h2>
        <WeekCalendar
          freeWeek={freeWeek}
          chosen={chosen}
          onChoose={choose}
          pooled={'categoryId' in target}
        />
      </section>

      <section aria-labelledby="booking-heading" className="booking-panel" aria-live="polite">
        <h2 id="booking-heading">Your booking</h2>
        {booked && <BookedNote booked={booked} />}
        {!chosen && !booked && <p>Choose a free time above.</p>}
        {chosen && zone && (
          <>
            <p>
              {what}, {formatDay(chosen.startTime, zone)}, {formatTime(chosen.startTime, zone)}–
              {formatTime(chosen.endTime, zone)} ({zone} time)
            </p>
            {session ? (
              <button type="button" disabled={attempt.busy} onClick={() => void book()}>
                Book
              </button>
            ) : (
              <p>
                <Link href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in to book</Link>
              </p>
            )}
            {attempt.error && (
              <p role="alert" className="error">
                Could not book: {attempt.error}
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}

/** What was booked (for a room type: which of its resources), and where to go on from here. */
function BookedNote({ booked }: { booked: Booking }) {
  return (
    <p role="status" className="ok">
      Booked {booked.resourceName} for {formatDateTime(booked.startTime, booked.timezone)} (
      {booked.timezone} time): {booked.totalPrice} {booked.currency}, status{' '}
      {booked.status.toLowerCase()}.
      {booked.paymentStatus === 'PENDING' && ' It is yours once paid: pay from its page.'}{' '}
      <Link href={`/bookings/${booked.id}`}>See this booking</Link> ·{' '}
      <Link href="/bookings">See my bookings</Link>
    </p>
  );
}
