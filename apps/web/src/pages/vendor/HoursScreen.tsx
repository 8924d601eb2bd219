import { useState } from 'react';
import { api, type Business } from '../../api/client';
import { Status, useLoad } from '../../load';
import { deleted, send } from './form';
import { draftOf, intervalsText, WEEKDAYS, type Hours } from './schedule';
import { ScheduleEditor } from './ScheduleEditor';

/** The hours in force, read-only: the week (or "around the clock") and the exceptions. */
export function HoursSummary({ hours, caption }: { hours: Hours; caption: string }) {
  const weekly = hours.weekly;
  return (
    <>
      {weekly ? (
        <table className="hours">
          <caption>
            {caption} ({hours.timezone} time)
          </caption>
          <tbody>
            {WEEKDAYS.map(([day, label]) => (
              <tr key={day}>
                <th scope="row">{label}</th>
                <td>{intervalsText(weekly[day] ?? [])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>
          {caption}: open around the clock{hours.overrides.length > 0 ? ', except:' : '.'}
        </p>
      )}
      {hours.overrides.length > 0 && (
        <ul className="exceptions-list" aria-label="Exceptions">
          {hours.overrides.map((o) => (
            <li key={o.date}>
              {o.date}: {intervalsText(o.intervals)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The business's opening hours: edit the week and the exceptions, or open around the clock. */
export function HoursScreen({ business }: { business: Business }) {
  const [round, setRound] = useState(0);
  const [loaded] = useLoad(`${business.id}|${round}`, () =>
    api.GET('/api/businesses/{id}/schedule', { params: { path: { id: business.id } } }),
  );
  // What the last save answered: shown at once, the editor keeping its state and message.
  const [saved, setSaved] = useState<Hours | null>(null);
  const hours = saved ?? (loaded.state === 'done' ? loaded.value.data : null);
  const [clearing, setClearing] = useState(false);
  const [clearError, setClearError] = useState<string | null>(null);
  const [cleared, setCleared] = useState(false);

  const openAroundTheClock = async () => {
    setClearing(true);
    setClearError(null);
    const refusal = await deleted(
      api.DELETE('/api/businesses/{id}/schedule', { params: { path: { id: business.id } } }),
    );
    setClearing(false);
    if (refusal) {
      setClearError(refusal);
      return;
    }
    setCleared(true);
    setSaved(null);
    setRound(round + 1);
  };

  return (
    <>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">Hours now</h2>
        {!hours && <Status loaded={loaded} what="the opening hours" />}
        {hours && <HoursSummary hours={hours} caption="Opening hours" />}
        {cleared && (
          <p role="status" className="ok">
            Open around the clock: bookings may be made at any time.
          </p>
        )}
      </section>
      {hours && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Change the hours</h2>
          <ScheduleEditor
            key={round}
            idPrefix="hours"
            initial={draftOf(hours)}
            timeZone={hours.timezone}
            saveLabel="Save opening hours"
            save={async (body) => {
              const answer = await send(
                api.PUT('/api/businesses/{id}/schedule', {
                  params: { path: { id: business.id } },
                  body,
                }),
              );
              if (answer.data) {
                setSaved(answer.data.data);
                setCleared(false);
              }
              return answer;
            }}
          >
            <button
              type="button"
              className="secondary"
              disabled={clearing}
              onClick={() => void openAroundTheClock()}
            >
              Open around the clock
            </button>
          </ScheduleEditor>
          {clearError && (
            <p role="alert" className="error">
              Could not open around the clock: {clearError}
            </p>
          )}
        </section>
      )}
    </>
  );
}
