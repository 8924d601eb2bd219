import { useState, type FormEvent } from 'react';
import { api, errorMessage, type Booking } from '../../api/client';
import { formatDateTime, formatTime, dayKey } from '../../format';
import { Status, useLoad } from '../../load';
import { STATUS_WORDS } from './bookings';
import { errorCode, send } from './form';

type Move = 'confirm' | 'check-in' | 'complete' | 'no-show';

const MOVES: {
  move: Move;
  label: string;
  verb: string;
  /** Whether the booking allows it now (its status; no-show only once it has started). */
  allowed: (booking: Booking, now: number) => boolean;
}[] = [
  {
    move: 'confirm',
    label: 'Confirm',
    verb: 'confirm',
    // A booking paid when made can be confirmed once paid (API.md, Payments).
    allowed: (b) => b.status === 'PENDING' && b.paymentStatus !== 'PENDING',
  },
  {
    move: 'check-in',
    label: 'Check in',
    verb: 'check in',
    allowed: (b) => b.status === 'CONFIRMED',
  },
  {
    move: 'complete',
    label: 'Complete',
    verb: 'complete',
    allowed: (b) => b.status === 'IN_PROGRESS',
  },
  {
    move: 'no-show',
    label: 'No-show',
    verb: 'record a no-show for',
    allowed: (b, now) => b.status === 'CONFIRMED' && now >= Date.parse(b.startTime),
  },
];

function post(move: Move, id: string) {
  const params = { params: { path: { id } } };
  switch (move) {
    case 'confirm':
      return api.POST('/api/bookings/{id}/confirm', params);
    case 'check-in':
      return api.POST('/api/bookings/{id}/check-in', params);
    case 'complete':
      return api.POST('/api/bookings/{id}/complete', params);
    case 'no-show':
      return api.POST('/api/bookings/{id}/no-show', params);
  }
}

/** A step of the history, by the status it led to. */
const STEP_WORDS: Record<Booking['status'], string> = {
  PENDING: 'Requested',
  CONFIRMED: 'Confirmed',
  IN_PROGRESS: 'Checked in',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No-show',
};

const PAYMENT_WORDS: Record<Booking['paymentStatus'], string | null> = {
  NOT_REQUIRED: null,
  PENDING: 'awaiting payment',
  PAID: 'paid',
  FAILED: 'payment failed',
  REFUNDED: 'refunded',
  PARTIALLY_REFUNDED: 'partly refunded',
};

/** "09:00–10:00", or with the dates when it does not end on the day it starts. */
function when(booking: Booking, timeZone: string): string {
  const sameDay = dayKey(booking.startTime, timeZone) === dayKey(booking.endTime, timeZone);
  return sameDay
    ? `${formatTime(booking.startTime, timeZone)}–${formatTime(booking.endTime, timeZone)}`
    : `${formatDateTime(booking.startTime, timeZone)} – ${formatDateTime(booking.endTime, timeZone)}`;
}

function History({ booking, timeZone }: { booking: Booking; timeZone: string }) {
  // Read again whenever the booking changes (its updatedAt moves on with every step).
  const [history] = useLoad(`${booking.id}|${booking.updatedAt}`, () =>
    api.GET('/api/bookings/{id}/history', { params: { path: { id: booking.id } } }),
  );
  if (history.state !== 'done') return <Status loaded={history} what="its history" />;
  return (
    <ol
      className="history"
      aria-label={`History of ${booking.resourceName} at ${when(booking, timeZone)}`}
    >
      {history.value.data.map((step) => (
        <li key={`${step.at}|${step.toStatus}`}>
          {formatDateTime(step.at, timeZone)}: {STEP_WORDS[step.toStatus]}
          {step.reason ? ` (${step.reason})` : ''}
          {step.changedBy === null ? ', by the platform' : ''}
        </li>
      ))}
    </ol>
  );
}

/** Decline a request, or cancel a confirmed booking: always with a reason. */
function CancelForm({
  booking,
  label,
  onDone,
  onClose,
}: {
  booking: Booking;
  label: string;
  onDone: (answer: { booking?: Booking; error?: unknown }) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const field = `reason-${booking.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await send(
      api.POST('/api/bookings/{id}/cancel', {
        params: { path: { id: booking.id } },
        body: {
          reason:
            reason.trim() ||
            (booking.status === 'PENDING'
              ? 'Declined by the business'
              : 'Cancelled by the business'),
        },
      }),
    );
    setBusy(false);
    onDone(answer.data ? { booking: answer.data.data } : { error: answer.error });
  };

  return (
    <form className="form inline" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={field}>Reason (optional)</label>
        <input
          id={field}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button type="submit" className="danger" disabled={busy}>
        {label}
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        Back
      </button>
    </form>
  );
}

/**
 * One booking, in the business's time zone, with the steps its status allows; the API's answer
 * replaces it in place, and a refusal is shown on it in words.
 */
export function BookingCard({
  booking,
  timeZone,
  now,
  level,
  onChange,
}: {
  booking: Booking;
  timeZone: string;
  now: number;
  level: 3 | 4;
  onChange: (booking: Booking) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const headingId = `booking-${booking.id}`;
  const Heading = level === 3 ? 'h3' : 'h4';
  const moves = MOVES.filter((m) => m.allowed(booking, now));
  const cancelLabel =
    booking.status === 'PENDING'
      ? 'Decline'
      : booking.status === 'CONFIRMED'
        ? 'Cancel booking'
        : null;

  /** A refusal in words; a 409 means the booking moved on meanwhile: show it as it is now. */
  const refused = async (verb: string, error: unknown) => {
    if (errorCode(error) === 'INVALID_STATUS_TRANSITION') {
      const latest = await send(
        api.GET('/api/bookings/{id}', { params: { path: { id: booking.id } } }),
      );
      if (latest.data) onChange(latest.data.data);
      setProblem(
        `Could not ${verb} this booking: ${errorMessage(error)}. It may have changed meanwhile; it is shown as it is now.`,
      );
    } else {
      setProblem(`Could not ${verb} this booking: ${errorMessage(error)}`);
    }
  };

  const act = async (move: (typeof MOVES)[number]) => {
    setBusy(true);
    setProblem(null);
    const answer = await send(post(move.move, booking.id));
    setBusy(false);
    if (answer.data) onChange(answer.data.data);
    else await refused(move.verb, answer.error);
  };

  const payment = PAYMENT_WORDS[booking.paymentStatus];
  return (
    <article
      className={`booking status-${booking.status.toLowerCase()}`}
      aria-labelledby={headingId}
    >
      <Heading id={headingId}>
        {when(booking, timeZone)} {booking.resourceName}
      </Heading>
      <p role="status" className="booking-status">
        {STATUS_WORDS[booking.status]}
        {booking.status === 'PENDING' && booking.paymentStatus === 'PENDING' ? ' (once paid)' : ''}
        {booking.cancelReason ? `: ${booking.cancelReason}` : ''}
      </p>
      <p className="muted">
        {booking.totalPrice} {booking.currency}
        {payment ? `, ${payment}` : ''} · ref. {booking.id.slice(0, 8)}
      </p>
      {booking.notes && <p className="notes">“{booking.notes}”</p>}
      {(moves.length > 0 || cancelLabel) && !cancelling && (
        <div className="actions">
          {moves.map((move) => (
            <button key={move.move} type="button" disabled={busy} onClick={() => void act(move)}>
              {move.label}
            </button>
          ))}
          {cancelLabel && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => {
                setProblem(null);
                setCancelling(true);
              }}
            >
              {cancelLabel}
            </button>
          )}
        </div>
      )}
      {cancelling && cancelLabel && (
        <CancelForm
          booking={booking}
          label={cancelLabel}
          onClose={() => setCancelling(false)}
          onDone={({ booking: cancelled, error }) => {
            setCancelling(false);
            if (cancelled) onChange(cancelled);
            else void refused(cancelLabel === 'Decline' ? 'decline' : 'cancel', error);
          }}
        />
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="link"
        aria-expanded={showHistory}
        onClick={() => setShowHistory(!showHistory)}
      >
        {showHistory ? 'Hide history' : 'Show history'}
      </button>
      {showHistory && <History booking={booking} timeZone={timeZone} />}
    </article>
  );
}
