import { useState, type FormEvent, type ReactNode } from 'react';
import { api, type Business } from '../../api/client';
import { Field, minutesInWords, Outcome, problemOf, send, wholeNumber, type Problem } from './form';

const PAYMENT_MODES: { value: Business['paymentMode']; label: string; words: string }[] = [
  {
    value: 'NONE',
    label: 'No payment through Slotwise',
    words: 'Customers book without paying here; you settle the bill yourself.',
  },
  {
    value: 'PREPAY',
    label: 'Pay when booking',
    words:
      'Customers pay the whole price when they book. A booking not paid in time is released, and you confirm a booking only once it is paid.',
  },
  {
    value: 'POSTPAY',
    label: 'Pay after the visit',
    words: 'When you mark a booking completed, the customer is sent a link to pay.',
  },
];

const MAINTENANCE_POLICIES: {
  value: Business['maintenancePolicy'];
  label: string;
  words: string;
}[] = [
  {
    value: 'KEEP',
    label: 'Keep the bookings',
    words:
      'When you put a resource in maintenance, its upcoming bookings stay; you are sent a reminder to move or cancel those you cannot serve.',
  },
  {
    value: 'CANCEL',
    label: 'Cancel the bookings',
    words:
      'When you put a resource in maintenance, its upcoming bookings are cancelled, the customers are told and refunded in full.',
  },
];

const POLICY_FIELDS = [
  'paymentMode',
  'cancellationPolicy',
  'cancellationPolicy.freeCancellationHours',
  'cancellationPolicy.lateRefundPercent',
  'maintenancePolicy',
  'confirmationWindowMinutes',
];

function Choices<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  options: { value: T; label: string; words: string }[];
  value: T;
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className="choices" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className="choice">
          <input
            type="radio"
            id={`${name}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            aria-describedby={`${name}-${option.value}-words`}
          />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
          <p id={`${name}-${option.value}-words`} className="hint">
            {option.words}
          </p>
        </div>
      ))}
      {error && (
        <p id={`${name}-error`} role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** What the cancellation policy means for a customer, in words, as it is typed. */
function cancellationWords(hours: string, percent: string): ReactNode {
  const h = wholeNumber(hours) ?? 24;
  const p = wholeNumber(percent) ?? 0;
  if (!Number.isInteger(h) || !Number.isInteger(p)) return null;
  return (
    <>
      A customer who cancels at least {h} {h === 1 ? 'hour' : 'hours'} before the start gets
      everything back; later, {p}% of the price. Customers may move a booking until then too. You
      cancelling refunds in full; a no-show is not refunded.
    </>
  );
}

export function PoliciesScreen({
  business,
  onChange,
}: {
  business: Business;
  onChange: (business: Business) => void;
}) {
  const [paymentMode, setPaymentMode] = useState(business.paymentMode);
  const [freeHours, setFreeHours] = useState(
    String(business.cancellationPolicy.freeCancellationHours),
  );
  const [latePercent, setLatePercent] = useState(
    String(business.cancellationPolicy.lateRefundPercent),
  );
  const [maintenancePolicy, setMaintenancePolicy] = useState(business.maintenancePolicy);
  const [confirmWindow, setConfirmWindow] = useState(String(business.confirmationWindowMinutes));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = problem?.fields ?? {};
  const windowMinutes = wholeNumber(confirmWindow);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setDone(null);
    const answer = await send(
      api.PATCH('/api/businesses/{id}', {
        params: { path: { id: business.id } },
        body: {
          paymentMode,
          // Replaced whole: a field left empty takes its default (API.md).
          cancellationPolicy: {
            freeCancellationHours: wholeNumber(freeHours),
            lateRefundPercent: wholeNumber(latePercent),
          },
          maintenancePolicy,
          confirmationWindowMinutes: windowMinutes,
        },
      }),
    );
    setBusy(false);
    if (answer.data) {
      const saved = answer.data.data;
      onChange(saved);
      setFreeHours(String(saved.cancellationPolicy.freeCancellationHours));
      setLatePercent(String(saved.cancellationPolicy.lateRefundPercent));
      setConfirmWindow(String(saved.confirmationWindowMinutes));
      setDone('Policies saved. They apply to bookings made from now on.');
    } else {
      setProblem(problemOf(answer.error, (path) => POLICY_FIELDS.includes(path)));
    }
  };

  return (
    <form className="form wide" noValidate onSubmit={(event) => void submit(event)}>
      <Choices
        name="payment-mode"
        legend="How customers pay"
        options={PAYMENT_MODES}
        value={paymentMode}
        onChange={setPaymentMode}
        error={errors.paymentMode}
      />
      <fieldset aria-describedby="cancellation-words">
        <legend>Cancellation policy</legend>
        <Field
          id="free-cancellation-hours"
          label="Free cancellation until (hours before the start)"
          hint="A whole number from 0 to 8760; empty means 24."
          error={errors['cancellationPolicy.freeCancellationHours'] ?? errors.cancellationPolicy}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={0}
              max={8760}
              value={freeHours}
              onChange={(e) => setFreeHours(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="late-refund-percent"
          label="Refund for a later cancellation (%)"
          hint="From 0 to 100; empty means 0."
          error={errors['cancellationPolicy.lateRefundPercent']}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={latePercent}
              onChange={(e) => setLatePercent(e.target.value)}
            />
          )}
        </Field>
        <p id="cancellation-words" className="explain">
          {cancellationWords(freeHours, latePercent)}
        </p>
      </fieldset>
      <Choices
        name="maintenance-policy"
        legend="When a resource goes into maintenance"
        options={MAINTENANCE_POLICIES}
        value={maintenancePolicy}
        onChange={setMaintenancePolicy}
        error={errors.maintenancePolicy}
      />
      <fieldset>
        <legend>Confirming requests</legend>
        <Field
          id="confirmation-window"
          label="Time to confirm a booking request (minutes)"
          hint={
            <>
              From 5 minutes to a week (10080). A request you have not confirmed by then, or by its
              start, is cancelled and the customer told.
              {windowMinutes !== undefined && Number.isInteger(windowMinutes) && windowMinutes > 0
                ? ` Now: ${minutesInWords(windowMinutes)}.`
                : ''}
            </>
          }
          error={errors.confirmationWindowMinutes}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={5}
              max={10080}
              value={confirmWindow}
              onChange={(e) => setConfirmWindow(e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <Outcome problem={problem} done={done} />
      <button type="submit" disabled={busy}>
        Save policies
      </button>
    </form>
  );
}
