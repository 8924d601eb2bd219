import type { ReactNode } from 'react';
import { errorMessage, type ApiError } from '../../api/client';

/** What an API call answered: its data, or the error body (or what a failed fetch threw). */
export type Answer<T> = { data: T; error?: undefined } | { data?: undefined; error: unknown };

/** Runs an openapi-fetch call; a network failure becomes an error like any refusal. */
export async function send<T>(call: Promise<{ data?: T; error?: unknown }>): Promise<Answer<T>> {
  try {
    const { data, error } = await call;
    return data !== undefined ? { data } : { error: error ?? null };
  } catch (thrown) {
    return { error: thrown };
  }
}

export function errorCode(error: unknown): string | undefined {
  return (error as Partial<ApiError> | undefined)?.error?.code;
}

/**
 * The fields a 400 VALIDATION_ERROR names (`details.fields`), by the body path without its
 * `body.` prefix ("name", "cancellationPolicy.lateRefundPercent", "weekly.MON.0").
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const details = (error as Partial<ApiError> | undefined)?.error?.details as
    { fields?: { field: string; message: string }[] } | undefined;
  const found: Record<string, string> = {};
  for (const { field, message } of details?.fields ?? []) {
    const path = field.replace(/^body\.?/, '');
    found[path] = found[path] ? `${found[path]}; ${message}` : message;
  }
  return found;
}

/** A refusal in words: the API's message, and for a validation error the fields not placed. */
export interface Problem {
  message: string;
  /** Messages by field path, for the fields that show their own. */
  fields: Record<string, string>;
}

/** The forms show their outcome right above their submit button, under the fields. */
const MARKED = 'Please correct what is marked above.';

/**
 * The problem to show for a refusal: validation errors on the fields `placed` says are shown, and
 * a refusal whose code concerns one field (`byCode`: CATEGORY_EXISTS → name) on that field too.
 */
export function problemOf(
  error: unknown,
  placed: (path: string) => boolean,
  byCode: Record<string, string> = {},
): Problem {
  const code = errorCode(error);
  const field = code ? byCode[code] : undefined;
  if (field) return { message: MARKED, fields: { [field]: errorMessage(error) } };
  const fields = fieldErrors(error);
  const elsewhere = Object.entries(fields).filter(([path]) => !placed(path));
  const shown = Object.keys(fields).length - elsewhere.length;
  const message =
    code === 'VALIDATION_ERROR'
      ? [
          shown > 0 ? MARKED : errorMessage(error),
          ...elsewhere.map(([path, text]) => `${path || 'the form'}: ${text}`),
        ].join(' ')
      : errorMessage(error);
  return { message, fields };
}

export interface FieldProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled field with its hint and, when the API refused it, its error next to it; the input
 * (given by `children`) is described by both.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (props: FieldProps) => ReactNode;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/** After a submit: the refusal (an alert) or what was done (a status). */
export function Outcome({ problem, done }: { problem?: Problem | null; done?: string | null }) {
  if (problem) {
    return (
      <p role="alert" className="error">
        {problem.message}
      </p>
    );
  }
  if (done) {
    return (
      <p role="status" className="ok">
        {done}
      </p>
    );
  }
  return null;
}

/** "" for a field left empty: the API then keeps (or takes) its default. */
export const trimmed = (value: string): string | undefined => value.trim() || undefined;

/** A whole number typed in a field, or undefined when left empty (a typo goes to the API as is). */
export function wholeNumber(value: string): number | undefined {
  const text = value.trim();
  if (!text) return undefined;
  return Number(text);
}

/** Runs a DELETE (answered 204): the API's refusal in words, or null when it was done. */
export async function deleted(
  call: Promise<{ error?: unknown; response: Response }>,
): Promise<string | null> {
  try {
    const { error, response } = await call;
    return response.ok ? null : errorMessage(error);
  } catch {
    return errorMessage(undefined);
  }
}

/** "2 days 3 hours" for a number of minutes. */
export function minutesInWords(minutes: number): string {
  const parts: string[] = [];
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (rest) parts.push(`${rest} ${rest === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ') || '0 minutes';
}
