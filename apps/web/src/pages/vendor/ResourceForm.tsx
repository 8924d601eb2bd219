import { useState, type FormEvent } from 'react';
import { api, type Business, type Resource } from '../../api/client';
import { useLoad } from '../../load';
import { navigate } from '../../router';
import { isOpenForBusiness, statusWords } from './business';
import {
  errorCode,
  Field,
  minutesInWords,
  Outcome,
  problemOf,
  send,
  trimmed,
  wholeNumber,
  type Problem,
} from './form';

export const RESOURCE_TYPES: { value: Resource['type']; label: string }[] = [
  { value: 'HOTEL_ROOM', label: 'Hotel room' },
  { value: 'DOCTOR_SLOT', label: 'Doctor’s appointment' },
  { value: 'SALON_CHAIR', label: 'Salon chair' },
  { value: 'DESK', label: 'Desk' },
  { value: 'OTHER', label: 'Other' },
];

export const resourceTypeLabel = (type: string): string =>
  RESOURCE_TYPES.find((t) => t.value === type)?.label ?? type;

const PRICE_UNITS: { value: Resource['priceUnit']; label: string }[] = [
  { value: 'PER_BOOKING', label: 'per booking' },
  { value: 'PER_HOUR', label: 'per hour' },
  { value: 'PER_DAY', label: 'per day' },
  { value: 'PER_NIGHT', label: 'per night' },
];

/** Grids that divide a day, as the API requires (a grid restarts every midnight). */
const SLOT_GRIDS = [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440];

type Rules = Resource['bookingRules'];
type RuleField = Exclude<keyof Rules, 'slotMinutes' | 'autoConfirm'>;

/** What the API takes for a rule left empty (API.md, bookingRules). */
const RULE_DEFAULTS: Record<RuleField, number> = {
  minDurationMinutes: 1,
  maxDurationMinutes: 43_200,
  bufferMinutes: 0,
  minNoticeMinutes: 0,
  maxAdvanceDays: 365,
};

const RULE_FIELDS: { key: RuleField; label: string; hint: string; minutes: boolean }[] = [
  {
    key: 'minDurationMinutes',
    label: 'Shortest booking (minutes)',
    hint: 'Empty: 1 minute.',
    minutes: true,
  },
  {
    key: 'maxDurationMinutes',
    label: 'Longest booking (minutes)',
    hint: 'Empty: 30 days (43200).',
    minutes: true,
  },
  {
    key: 'bufferMinutes',
    label: 'Time kept free after each booking (minutes)',
    hint: 'For cleaning or turnover. Empty: none.',
    minutes: true,
  },
  {
    key: 'minNoticeMinutes',
    label: 'Least notice before a booking starts (minutes)',
    hint: 'Bookings and changes are refused closer to the start than this. Empty: none.',
    minutes: true,
  },
  {
    key: 'maxAdvanceDays',
    label: 'How far ahead customers may book (days)',
    hint: 'Empty: 365 days.',
    minutes: false,
  },
];

interface Draft {
  name: string;
  type: Resource['type'];
  categoryId: string;
  description: string;
  price: string;
  currency: string;
  priceUnit: Resource['priceUnit'];
  rules: Record<RuleField, string>;
  slotMinutes: string;
  autoConfirm: boolean;
}

const draftOf = (resource: Resource | undefined): Draft => ({
  name: resource?.name ?? '',
  type: resource?.type ?? 'OTHER',
  categoryId: resource?.categoryId ?? '',
  description: resource?.description ?? '',
  price: resource?.price ?? '',
  currency: resource?.currency ?? 'USD',
  priceUnit: resource?.priceUnit ?? 'PER_BOOKING',
  rules: Object.fromEntries(
    RULE_FIELDS.map(({ key }) => [key, resource ? String(resource.bookingRules[key]) : '']),
  ) as Record<RuleField, string>,
  slotMinutes: resource?.bookingRules.slotMinutes?.toString() ?? '',
  autoConfirm: resource?.bookingRules.autoConfirm ?? false,
});

/** "90" → "90.00", as the API writes money; anything else goes as typed, for the API to judge. */
function money(text: string): string {
  const value = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return value;
  const [units, cents = ''] = value.split('.');
  return `${units}.${cents.padEnd(2, '0')}`;
}

const PLACED = new Set([
  'name',
  'type',
  'categoryId',
  'description',
  'price',
  'currency',
  'priceUnit',
  ...RULE_FIELDS.map(({ key }) => `bookingRules.${key}`),
  'bookingRules.slotMinutes',
  'bookingRules.autoConfirm',
]);

/**
 * A resource's details, price and booking rules: creates one (then shows its page) or saves the
 * changes to `resource`.
 */
export function ResourceForm({
  business,
  resource,
  onSaved,
}: {
  business: Business;
  resource?: Resource;
  onSaved?: (resource: Resource) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(resource));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [categories] = useLoad(business.id, () =>
    api.GET('/api/resources/categories', {
      params: { query: { businessId: business.id, limit: 100 } },
    }),
  );
  const errors = problem?.fields ?? {};
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft({ ...draft, [key]: value });

  const bookingRules = () => ({
    ...(Object.fromEntries(
      RULE_FIELDS.map(({ key }) => [key, wholeNumber(draft.rules[key]) ?? RULE_DEFAULTS[key]]),
    ) as Record<RuleField, number>),
    slotMinutes: draft.slotMinutes ? Number(draft.slotMinutes) : null,
    autoConfirm: draft.autoConfirm,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setDone(null);
    const common = {
      name: draft.name.trim(),
      price: money(draft.price),
      currency: draft.currency.trim().toUpperCase(),
      priceUnit: draft.priceUnit,
      bookingRules: bookingRules(),
    };
    const answer = await send(
      resource
        ? api.PATCH('/api/resources/{id}', {
            params: { path: { id: resource.id } },
            body: {
              ...common,
              categoryId: draft.categoryId || null,
              description: draft.description.trim() || null,
            },
          })
        : api.POST('/api/resources', {
            body: {
              ...common,
              type: draft.type,
              ...(draft.categoryId ? { categoryId: draft.categoryId } : {}),
              description: trimmed(draft.description),
            },
          }),
    );
    setBusy(false);
    if (!answer.data) {
      const refused = problemOf(answer.error, (path) => PLACED.has(path));
      setProblem(
        errorCode(answer.error) === 'BUSINESS_NOT_ACTIVE'
          ? {
              ...refused,
              message: `Resources can be added once an admin has verified your business and while it is active. ${statusWords(business)}`,
            }
          : refused,
      );
      return;
    }
    const saved = answer.data.data;
    if (resource) {
      setDraft(draftOf(saved));
      setDone('Resource saved.');
      onSaved?.(saved);
    } else {
      navigate(`/vendor/resources/${saved.id}?created=1`);
    }
  };

  return (
    <form className="form wide" noValidate onSubmit={(event) => void submit(event)}>
      {!resource && !isOpenForBusiness(business) && (
        <p className="notice">Your business is not taking bookings yet: {statusWords(business)}</p>
      )}
      <Field id="resource-name" label="Name" error={errors.name}>
        {(props) => (
          <input
            {...props}
            required
            maxLength={200}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
          />
        )}
      </Field>
      {resource ? (
        <p>Type: {resourceTypeLabel(resource.type)} (chosen when the resource was created)</p>
      ) : (
        <Field id="resource-type" label="Type" error={errors.type}>
          {(props) => (
            <select
              {...props}
              value={draft.type}
              onChange={(e) => set('type', e.target.value as Resource['type'])}
            >
              {RESOURCE_TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        id="resource-category"
        label="Category"
        hint={
          categories.state === 'failed'
            ? `Could not load the categories: ${categories.message}`
            : undefined
        }
        error={errors.categoryId}
      >
        {(props) => (
          <select
            {...props}
            value={draft.categoryId}
            onChange={(e) => set('categoryId', e.target.value)}
          >
            <option value="">No category</option>
            {categories.state === 'done' &&
              categories.value.data.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field id="resource-description" label="Description (optional)" error={errors.description}>
        {(props) => (
          <textarea
            {...props}
            rows={3}
            maxLength={5000}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <fieldset className="row">
        <legend>Price</legend>
        <Field
          id="resource-price"
          label="Amount"
          hint="For example 90 or 19.99."
          error={errors.price}
        >
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              required
              value={draft.price}
              onChange={(e) => set('price', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="resource-currency"
          label="Currency"
          hint="A three-letter code: USD, EUR, JPY…"
          error={errors.currency}
        >
          {(props) => (
            <input
              {...props}
              className="short"
              maxLength={3}
              autoCapitalize="characters"
              value={draft.currency}
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
            />
          )}
        </Field>
        <Field id="resource-price-unit" label="Charged" error={errors.priceUnit}>
          {(props) => (
            <select
              {...props}
              value={draft.priceUnit}
              onChange={(e) => set('priceUnit', e.target.value as Resource['priceUnit'])}
            >
              {PRICE_UNITS.map((unit) => (
                <option key={unit.value} value={unit.value}>
                  {unit.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset className="rules">
        <legend>Booking rules</legend>
        {RULE_FIELDS.map(({ key, label, hint, minutes }) => {
          const value = wholeNumber(draft.rules[key]);
          const words =
            minutes && value !== undefined && Number.isInteger(value) && value >= 60
              ? ` Now: ${minutesInWords(value)}.`
              : '';
          return (
            <Field
              key={key}
              id={`rule-${key}`}
              label={label}
              hint={`${hint}${words}`}
              error={errors[`bookingRules.${key}`]}
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  value={draft.rules[key]}
                  onChange={(e) => set('rules', { ...draft.rules, [key]: e.target.value })}
                />
              )}
            </Field>
          );
        })}
        <Field
          id="rule-slotMinutes"
          label="Start times"
          hint="With a grid, bookings start on it (counted from midnight) and last a whole number of steps."
          error={errors['bookingRules.slotMinutes']}
        >
          {(props) => (
            <select
              {...props}
              value={draft.slotMinutes}
              onChange={(e) => set('slotMinutes', e.target.value)}
            >
              <option value="">Any time (no grid)</option>
              {SLOT_GRIDS.map((minutes) => (
                <option key={minutes} value={String(minutes)}>
                  Every {minutesInWords(minutes)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="check">
          <input
            type="checkbox"
            id="rule-autoConfirm"
            checked={draft.autoConfirm}
            onChange={(e) => set('autoConfirm', e.target.checked)}
            aria-describedby="rule-autoConfirm-hint"
          />
          <label htmlFor="rule-autoConfirm">Confirm new bookings automatically</label>
          <p id="rule-autoConfirm-hint" className="hint">
            Otherwise each booking waits for you to confirm it (once paid, when customers pay when
            booking).
          </p>
        </div>
      </fieldset>
      <Outcome problem={problem} done={done} />
      <button type="submit" disabled={busy}>
        {resource ? 'Save resource' : 'Create resource'}
      </button>
    </form>
  );
}
