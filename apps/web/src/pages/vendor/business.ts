import { useEffect, useState } from 'react';
import { api, errorMessage, type Business } from '../../api/client';

export type BusinessState =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  /** `business: null`: the vendor has none yet (GET /api/businesses/me answered 404). */
  | { state: 'done'; business: Business | null };

/** The signed-in vendor's business, and a way to replace it with what a change answered. */
export function useMyBusiness(): [BusinessState, (business: Business) => void] {
  const [result, setResult] = useState<BusinessState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    api.GET('/api/businesses/me').then(
      ({ data, error, response }) => {
        if (!current) return;
        if (data) setResult({ state: 'done', business: data.data });
        else if (response.status === 404) setResult({ state: 'done', business: null });
        else setResult({ state: 'failed', message: errorMessage(error) });
      },
      () => current && setResult({ state: 'failed', message: errorMessage(undefined) }),
    );
    return () => {
      current = false;
    };
  }, []);
  return [result, (business) => setResult({ state: 'done', business })];
}

/** Whether the business may publish resources and take bookings (API.md: ACTIVE and verified). */
export const isOpenForBusiness = (business: Business): boolean =>
  business.status === 'ACTIVE' && business.isVerified;

/** The business's status in words, for its owner. */
export function statusWords(business: Business): string {
  switch (business.status) {
    case 'PENDING':
      return 'Pending: waiting for verification by an admin. Meanwhile you can prepare your hours, policies and categories; resources can be added once it is verified.';
    case 'ACTIVE':
      return 'Active: customers can find it and book.';
    case 'INACTIVE':
      return 'Inactive: hidden from customers, who cannot book until you set it active again.';
    case 'SUSPENDED':
      return 'Suspended by an admin: hidden from customers, and you cannot change it. Contact the Slotwise team.';
    case 'DELETED':
      return 'Deleted.';
  }
}

/** The zone the browser is in: the default for a new business. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every IANA zone this browser knows, with `current` in it even if the list leaves it out. */
export function timeZones(current: string): string[] {
  const zones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', current]);
  return [...zones].sort();
}
