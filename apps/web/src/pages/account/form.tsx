import { useState, type InputHTMLAttributes } from 'react';
import { errorMessage, type ApiError, type User } from '../../api/client';

/** What an API call answered: its data, or the error body (or what a failed fetch threw). */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: unknown };

/** Runs an openapi-fetch call; a network failure becomes an error like any refusal. */
export async function send<R extends { data?: unknown; error?: unknown }>(
  call: Promise<R>,
): Promise<Answer<NonNullable<R['data']>>> {
  try {
    const { data, error } = await call;
    return data !== undefined && data !== null
      ? { ok: true, data }
      : { ok: false, error: error ?? null };
  } catch (thrown) {
    return { ok: false, error: thrown };
  }
}

/** A call answered 204: null when it was done, else the refusal. */
export async function sendEmpty(
  call: Promise<{ error?: unknown; response: Response }>,
): Promise<unknown> {
  try {
    const { error, response } = await call;
    return response.ok ? null : (error ?? null);
  } catch (thrown) {
    return thrown;
  }
}

export function errorCode(error: unknown): string | undefined {
  return (error as Partial<ApiError> | undefined)?.error?.code;
}

const CORRECT_MARKED = 'Please correct the fields marked with an error.';

/** A refusal in words: the API's message, and the messages that belong next to a field. */
export interface Problem {
  message: string;
  fields: Record<string, string>;
}

/**
 * The problem to show for a refusal. A 400 VALIDATION_ERROR's `details.fields` ("body.email")
 * go next to the fields the form has; a refusal whose code concerns one field (`byCode`:
 * EMAIL_TAKEN → email) goes next to that field.
 */
export function problemOf(
  error: unknown,
  formFields: readonly string[],
  byCode: Record<string, string> = {},
): Problem {
  const code = errorCode(error);
  const message = errorMessage(error);
  const field = code ? byCode[code] : undefined;
  if (field) return { message: CORRECT_MARKED, fields: { [field]: message } };
  const details = (error as Partial<ApiError> | undefined)?.error?.details as
    { fields?: { field: string; message: string }[] } | undefined;
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const found of details?.fields ?? []) {
    const name = found.field.replace(/^body\.?/, '');
    if (formFields.includes(name)) {
      fields[name] = fields[name] ? `${fields[name]}; ${found.message}` : found.message;
    } else {
      elsewhere.push(`${name || 'the form'}: ${found.message}`);
    }
  }
  const placed = Object.keys(fields).length > 0;
  return {
    message: [placed ? CORRECT_MARKED : message, ...elsewhere].join(' '),
    fields,
  };
}

/** One submit at a time: busy while it runs, then its problem or what it did. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (work: () => Promise<Problem | string | null>) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    const outcome = await work();
    setBusy(false);
    if (typeof outcome === 'string') setDone(outcome);
    else setProblem(outcome);
  };
  return { busy, problem, done, run, setProblem };
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/**
 * A labelled input with its hint and, when the API refused it, its error next to it; the input is
 * described by both and marked invalid.
 */
export function Field({
  id,
  label,
  hint,
  error,
  ...input
}: InputProps & { id: string; label: string; hint?: string; error?: string | undefined }) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="account-input"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <p id={hintId} className="account-hint">
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

/** The six-digit code from a mail: digits only, offered by the phone's keyboard and autofill. */
export function CodeField(props: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  onChange: (code: string) => void;
}) {
  const { onChange, ...field } = props;
  return (
    <Field
      {...field}
      hint="The 6-digit code from the email we sent you."
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
    />
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

export const PASSWORD_HINT = '8 to 128 characters.';

/** Only paths of this app, never an account page: never a redirect to another site. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return null;
  const path = next.split(/[?#]/)[0];
  const entry = ['/sign-in', '/sign-up', '/verify-email', '/forgot-password', '/reset-password'];
  return entry.some((page) => path === page || path?.startsWith(`${page}/`)) ? null : next;
}

/** Where a person lands once signed in: where they were going, or their role's home. */
export function landingFor(user: User, next: string | null): string {
  const home = user.role === 'VENDOR' ? '/vendor' : user.role === 'ADMIN' ? '/admin' : '/';
  return safeNext(next) ?? home;
}

/** A query string of the given values, the empty ones left out ("" when none is left). */
export function queryOf(values: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}
