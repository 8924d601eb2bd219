import { useState } from 'react';
import { api, type Availability } from '../api/client';
import { dayKey, formatDay, formatTime } from '../format';
import { Status, useLoad, type Loaded } from '../load';

const DAY_MS = 86_400_000;

export type Slot = Availability['free'][number];

/** What the free times are of: one resource, or a room type (any of its resources). */
export type SlotTarget = { resourceId: string } | { categoryId: string };

/** A week of free slots being looked at: which week, and what the API answered for it. */
export interface FreeWeek {
  week: number;
  setWeek: (week: number) => void;
  /** This hour, `week` weeks on: its calendar day is the week's first. */
  from: Date;
  availability: Loaded<{ data: Availability }>;
  /** Asks again: after a booking, or a refusal that says the calendar was out of date. */
  reload: () => void;
}

/**
 * The free slots of `target`, a week at a time from now (this hour). `slotMinutes`: slots of that
 * length instead of the resource's own (a booking being moved keeps its length).
 */
export function useFreeWeek(target: SlotTarget, slotMinutes?: number): FreeWeek {
  const [week, setWeek] = useState(0);
  const [now] = useState(() => {
    const start = new Date();
    start.setMinutes(0, 0, 0);
    return start.getTime();
  });
  const from = new Date(now + week * 7 * DAY_MS);
  const to = new Date(from.getTime() + 7 * DAY_MS);
  // A later week's first day began before `from` (this hour, a week on): asked from a day
  // earlier, its early hours are shown too; what falls before that day is left out by `byDay`.
  const asked = week === 0 ? from : new Date(from.getTime() - DAY_MS);
  const [availability, reload] = useLoad(
    `${JSON.stringify(target)}|${slotMinutes ?? ''}|${week}`,
    () =>
      api.GET('/api/bookings/availability', {
        params: {
          query: {
            ...target,
            from: asked.toISOString(),
            to: to.toISOString(),
            ...(slotMinutes ? { slotMinutes } : {}),
          },
        },
      }),
  );
  return { week, setWeek, from, availability, reload };
}

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
 * A week of free slots, seven days side by side (one column on a phone), in the business's time
 * zone, named on screen. Choosing a slot is pressing its button. `pooled`: a room type's slots,
 * each saying how many of its resources are free then.
 */
export function WeekCalendar({
  freeWeek,
  chosen,
  onChoose,
  pooled = false,
}: {
  freeWeek: FreeWeek;
  chosen: Slot | null;
  onChoose: (slot: Slot) => void;
  pooled?: boolean;
}) {
  const { week, setWeek, from, availability } = freeWeek;
  const zone = availability.state === 'done' ? availability.value.data.timezone : null;
  return (
    <>
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
                        onClick={() => onChoose(slot)}
                      >
                        {formatTime(slot.startTime, zone)}–{formatTime(slot.endTime, zone)}
                        {pooled && <span className="available"> {slot.available} free</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </>
  );
}
