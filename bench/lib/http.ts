/** One JSON call to the platform outside any measurement (set-up, checks). */
export interface Answer {
  status: number;
  json: unknown;
}

export async function call(
  url: string,
  { method = 'GET', token, body }: { method?: string; token?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the error message.
  }
  return { status: response.status, json };
}

/** Throws with the answer in the message unless it has the expected status. */
export function expect(what: string, answer: Answer, status: number): Answer {
  if (answer.status !== status)
    throw new Error(
      `${what} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.json).slice(0, 500)}`,
    );
  return answer;
}

/** `data` of a `{ data: … }` answer. */
export function dataOf<T>(answer: Answer): T {
  const data = (answer.json as { data?: T } | null)?.data;
  if (data === undefined)
    throw new Error(`no data in ${JSON.stringify(answer.json).slice(0, 500)}`);
  return data;
}

/** The error code of an `{ error: { code } }` answer body, or null. */
export function errorCode(body: string): string | null {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } } | null)?.error?.code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}
