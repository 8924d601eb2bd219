import { useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import { errorCode, fieldErrors, send } from './form';
import {
  bodyOf,
  DEFAULT_INTERVAL,
  hasErrors,
  newException,
  scheduleErrors,
  WEEKDAYS,
  type ExceptionDraft,
  type Interval,
  type PlacedError,
  type ScheduleBody,
  type ScheduleDraft,
  type ScheduleErrors,
} from './schedule';

const NO_ERRORS: ScheduleErrors = { days: {}, exceptions: {}, other: [] };

/**
 * One day's (or one exception's) intervals: "Closed" when it has none, else each interval's
 * opening and closing time; its errors from the API right under it.
 */
function Intervals({
  id,
  name,
  intervals,
  onChange,
  errors,
}: {
  id: string;
  /** The day or date, for the buttons' names ("Remove hours 1 of Monday"). */
  name: string;
  intervals: Interval[];
  onChange: (intervals: Interval[]) => void;
  errors: PlacedError[];
}) {
  const errorId = `${id}-error`;
  const set = (index: number, end: 0 | 1, value: string) =>
    onChange(
      intervals.map((interval, i): Interval => {
        if (i !== index) return interval;
        return end === 0 ? [value, interval[1]] : [interval[0], value];
      }),
    );
  const invalid = (index: number) =>
    errors.some((error) => error.interval === undefined || error.interval === index);

  return (
    <>
      <div className="closed-toggle">
        <input
          type="checkbox"
          id={`${id}-closed`}
          checked={intervals.length === 0}
          onChange={(e) => onChange(e.target.checked ? [] : [[...DEFAULT_INTERVAL]])}
        />
        <label htmlFor={`${id}-closed`}>Closed all day</label>
      </div>
      {intervals.length > 0 && (
        <ol className="intervals">
          {intervals.map(([from, to], index) => (
            <li key={index} className="interval">
              {(['Opens', 'Closes'] as const).map((label, end) => (
                <div className="field" key={label}>
                  <label htmlFor={`${id}-${index}-${end}`}>{label}</label>
                  <input
                    id={`${id}-${index}-${end}`}
                    className="time"
                    inputMode="numeric"
                    placeholder="HH:MM"
                    autoComplete="off"
                    value={end === 0 ? from : to}
                    onChange={(e) => set(index, end as 0 | 1, e.target.value)}
                    aria-invalid={invalid(index) || undefined}
                    aria-describedby={invalid(index) ? errorId : undefined}
                  />
                </div>
              ))}
              <button
                type="button"
                className="secondary"
                aria-label={`Remove hours ${index + 1} of ${name}`}
                onClick={() => onChange(intervals.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      {intervals.length > 0 && (
        <button
          type="button"
          className="secondary"
          aria-label={`Add hours to ${name}`}
          onClick={() => onChange([...intervals, ['', '']])}
        >
          Add hours
        </button>
      )}
      {errors.length > 0 && (
        <div id={errorId} role="alert" className="error">
          {errors.map((error) => (
            <p key={error.text}>{error.text}</p>
          ))}
        </div>
      )}
    </>
  );
}

function ExceptionFields({
  id,
  exception,
  onChange,
  onRemove,
  errors,
}: {
  id: string;
  exception: ExceptionDraft;
  onChange: (exception: ExceptionDraft) => void;
  onRemove: () => void;
  errors: PlacedError[];
}) {
  const name = exception.date || 'this exception';
  return (
    <fieldset className="hours-day exception">
      <legend>{exception.date ? `Exception on ${exception.date}` : 'New exception'}</legend>
      <div className="field">
        <label htmlFor={`${id}-date`}>Date</label>
        <input
          id={`${id}-date`}
          type="date"
          value={exception.date}
          onChange={(e) => onChange({ ...exception, date: e.target.value })}
        />
      </div>
      <Intervals
        id={id}
        name={name}
        intervals={exception.intervals}
        onChange={(intervals) => onChange({ ...exception, intervals })}
        errors={errors}
      />
      <button type="button" className="link" onClick={onRemove}>
        Remove the exception on {name}
      </button>
    </fieldset>
  );
}

/**
 * Weekly opening hours (several intervals a day, "24:00" may end one) and dated exceptions, saved
 * whole by `save`; what the API refuses is shown on the day or exception it concerns.
 */
export function ScheduleEditor({
  idPrefix,
  initial,
  timeZone,
  save,
  saveLabel,
  children,
}: {
  idPrefix: string;
  initial: ScheduleDraft;
  timeZone: string;
  save: (body: ScheduleBody) => Promise<{ data?: unknown; error?: unknown }>;
  saveLabel: string;
  /** More actions, beside the save button. */
  children?: ReactNode;
}) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ScheduleErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setDone(false);
    const answer = await send(save(bodyOf(draft)));
    setBusy(false);
    if (answer.data !== undefined) {
      setErrors(NO_ERRORS);
      setDone(true);
      return;
    }
    const found = scheduleErrors(fieldErrors(answer.error));
    // The API names exceptions by their place in the body; keep the errors on the exceptions
    // themselves, so that removing one does not move its errors onto the next.
    const sent = draft.overrides;
    setErrors({
      ...found,
      exceptions: Object.fromEntries(
        Object.entries(found.exceptions).map(([index, list]) => [
          sent[Number(index)]?.key ?? -1,
          list,
        ]),
      ),
    });
    setFailure(
      errorCode(answer.error) === 'VALIDATION_ERROR' && hasErrors(found)
        ? ['The hours were not saved: please correct what is marked above.', ...found.other].join(
            ' ',
          )
        : `The hours were not saved: ${errorMessage(answer.error)}`,
    );
  };

  const setException = (index: number, exception: ExceptionDraft) =>
    setDraft({
      ...draft,
      overrides: draft.overrides.map((o, i) => (i === index ? exception : o)),
    });

  return (
    <form className="schedule" noValidate onSubmit={(event) => void submit(event)}>
      <p className="zone">
        Times are wall-clock times in <strong>{timeZone}</strong>. Use 24:00 for midnight at the end
        of a day.
      </p>
      <h3>Every week</h3>
      <div className="hours-days">
        {WEEKDAYS.map(([day, label]) => (
          <fieldset key={day} className="hours-day">
            <legend>{label}</legend>
            <Intervals
              id={`${idPrefix}-${day}`}
              name={label}
              intervals={draft.weekly[day]}
              onChange={(intervals) =>
                setDraft({ ...draft, weekly: { ...draft.weekly, [day]: intervals } })
              }
              errors={errors.days[day] ?? []}
            />
          </fieldset>
        ))}
      </div>
      <h3>Exceptions</h3>
      <p className="muted">
        A date closed (a holiday) or with hours of its own instead of its weekday's.
      </p>
      {draft.overrides.length > 0 && (
        <div className="hours-days">
          {draft.overrides.map((exception, index) => (
            <ExceptionFields
              key={exception.key}
              id={`${idPrefix}-exception-${exception.key}`}
              exception={exception}
              onChange={(next) => setException(index, next)}
              onRemove={() =>
                setDraft({ ...draft, overrides: draft.overrides.filter((_, i) => i !== index) })
              }
              errors={errors.exceptions[exception.key] ?? []}
            />
          ))}
        </div>
      )}
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() => setDraft({ ...draft, overrides: [...draft.overrides, newException()] })}
        >
          Add an exception
        </button>
      </p>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {done && (
        <p role="status" className="ok">
          Opening hours saved.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {saveLabel}
        </button>
        {children}
      </div>
    </form>
  );
}
