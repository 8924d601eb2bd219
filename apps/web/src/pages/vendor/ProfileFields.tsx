import type { ReactNode } from 'react';
import type { Business } from '../../api/client';
import { browserTimeZone, timeZones } from './business';
import { Field } from './form';

export interface ProfileDraft {
  name: string;
  timezone: string;
  address: string;
  description: string;
  email: string;
  phone: string;
}

export const PROFILE_FIELDS = ['name', 'timezone', 'address', 'description', 'email', 'phone'];

export const BUSINESS_TYPES: { value: Business['type']; label: string }[] = [
  { value: 'HOTEL', label: 'Hotel' },
  { value: 'CLINIC', label: 'Clinic' },
  { value: 'SALON', label: 'Salon' },
  { value: 'CO_WORKING', label: 'Co-working space' },
  { value: 'OTHER', label: 'Other' },
];

export const emptyProfile = (): ProfileDraft => ({
  name: '',
  timezone: browserTimeZone(),
  address: '',
  description: '',
  email: '',
  phone: '',
});

export const profileOf = (business: Business): ProfileDraft => ({
  name: business.name,
  timezone: business.timezone,
  address: business.address ?? '',
  description: business.description ?? '',
  email: business.email ?? '',
  phone: business.phone ?? '',
});

/** The fields of a business's profile, each with the API's refusal next to it. */
export function ProfileFields({
  draft,
  onChange,
  errors,
  afterName,
}: {
  draft: ProfileDraft;
  onChange: (draft: ProfileDraft) => void;
  errors: Record<string, string>;
  /** What comes right after the name: the type, chosen once. */
  afterName?: ReactNode;
}) {
  const set = (key: keyof ProfileDraft) => (value: string) => onChange({ ...draft, [key]: value });
  return (
    <>
      <Field id="business-name" label="Name" error={errors.name}>
        {(props) => (
          <input
            {...props}
            required
            maxLength={200}
            autoComplete="organization"
            value={draft.name}
            onChange={(e) => set('name')(e.target.value)}
          />
        )}
      </Field>
      {afterName}
      <Field
        id="business-timezone"
        label="Time zone"
        hint="Opening hours and bookings are in this zone's local time."
        error={errors.timezone}
      >
        {(props) => (
          <select
            {...props}
            value={draft.timezone}
            onChange={(e) => set('timezone')(e.target.value)}
          >
            {timeZones(draft.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="business-address" label="Address (optional)" error={errors.address}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            maxLength={500}
            autoComplete="street-address"
            value={draft.address}
            onChange={(e) => set('address')(e.target.value)}
          />
        )}
      </Field>
      <Field id="business-description" label="Description (optional)" error={errors.description}>
        {(props) => (
          <textarea
            {...props}
            rows={4}
            maxLength={2000}
            value={draft.description}
            onChange={(e) => set('description')(e.target.value)}
          />
        )}
      </Field>
      <Field id="business-email" label="Email (optional)" error={errors.email}>
        {(props) => (
          <input
            {...props}
            type="email"
            autoComplete="email"
            value={draft.email}
            onChange={(e) => set('email')(e.target.value)}
          />
        )}
      </Field>
      <Field id="business-phone" label="Phone (optional)" error={errors.phone}>
        {(props) => (
          <input
            {...props}
            type="tel"
            autoComplete="tel"
            value={draft.phone}
            onChange={(e) => set('phone')(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
