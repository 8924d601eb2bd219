import { useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import { Link } from '../../router';

/** An API call as openapi-fetch answers it. */
type Call = () => Promise<{ data?: unknown; error?: unknown }>;

export interface RowActions {
  /** The row whose action is under way: its buttons wait meanwhile. */
  busy: string | null;
  /** Each row's last refusal, in the API's words, shown next to that row. */
  refusals: Record<string, string>;
  /** What the last action that went through did, for the page's status line. */
  done: string;
  /** Runs `call` for `row`: true when the API did it, else its refusal is kept for the row. */
  run(row: string, what: string, call: Call, success: string): Promise<boolean>;
}

/** The actions on a list's rows (verify, suspend, restore), one at a time. */
export function useRowActions(): RowActions {
  const [busy, setBusy] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');

  const run = async (row: string, what: string, call: Call, success: string) => {
    setBusy(row);
    setDone('');
    setRefusals(({ [row]: _previous, ...others }) => others);
    const { data, error } = await call().catch((thrown: unknown) => ({
      data: undefined,
      error: thrown,
    }));
    setBusy(null);
    if (data !== undefined) {
      setDone(success);
      return true;
    }
    setRefusals((others) => ({ ...others, [row]: `Could not ${what}: ${errorMessage(error)}` }));
    return false;
  };
  return { busy, refusals, done, run };
}

/**
 * The page's live line saying what the last action did (empty until one has). It takes the focus
 * then: the button that was pressed may be gone with its row (a verified business leaves the queue).
 */
export function ActionStatus({ actions }: { actions: RowActions }) {
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (actions.done) line.current?.focus();
  }, [actions.done]);
  return (
    <p role="status" className="ok admin-done" tabIndex={-1} ref={line}>
      {actions.done}
    </p>
  );
}

/** A row's refusal, right under its buttons. */
export function Refusal({ actions, row }: { actions: RowActions; row: string }) {
  const refusal = actions.refusals[row];
  return refusal ? (
    <p role="alert" className="error">
      {refusal}
    </p>
  ) : null;
}

/** Words only screen readers hear: which row a button acts on ("Verify" + " Sakura Inn"). */
export const Unseen = ({ children }: { children: ReactNode }) => (
  <span className="admin-unseen">{children}</span>
);

/**
 * A button for what cannot be undone lightly (a suspension cancels bookings and sessions): it asks
 * first, saying what will happen, and acts only on the second button.
 */
export function ConfirmButton({
  label,
  subject,
  consequence,
  disabled,
  onConfirm,
}: {
  label: string;
  subject: string;
  consequence: string;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className="secondary"
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
        <Unseen> {subject}</Unseen>
      </button>
    );
  }
  return (
    <div className="admin-confirm">
      <p>{consequence}</p>
      <button
        type="button"
        ref={confirm}
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        Yes, {label.toLowerCase()}
        <Unseen> {subject}</Unseen>
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  );
}

/** A row's facts as a description list. */
export function Facts({ facts }: { facts: [term: string, value: ReactNode][] }) {
  return (
    <dl className="admin-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A day in the reader's own calendar and language. */
export const formatDate = (iso: string): string =>
  new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(iso),
  );

/** Previous and next page of a list whose filters are in the address. */
export function Pager({
  meta,
  hrefOf,
}: {
  meta: { page: number; limit: number; total: number };
  hrefOf: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(meta.total / meta.limit));
  if (pages === 1) return null;
  return (
    <nav aria-label="Pages" className="admin-pager">
      {meta.page > 1 && <Link href={hrefOf(meta.page - 1)}>Previous page</Link>}
      <span>
        Page {meta.page} of {pages}
      </span>
      {meta.page < pages && <Link href={hrefOf(meta.page + 1)}>Next page</Link>}
    </nav>
  );
}

/** The list page's address with these filters (empty ones left out) and page. */
export function listHref(path: string, filters: Record<string, string>, page = 1): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** `?page=` as a whole number from 1 (anything else is the first page). */
export const pageOf = (query: URLSearchParams): number =>
  Math.max(1, Math.floor(Number(query.get('page')) || 1));
