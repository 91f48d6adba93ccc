// The one place that talks HTTP to the Anshin server.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What some errors add beside the code and message (e.g. publication_leak: the fields that leak). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Language = 'ja' | 'en';
type ProblemHandler = (error: ApiError) => void;

let language: Language = 'ja';
let csrfToken: string | null = null;
let problemHandler: ProblemHandler | null = null;

export function setApiLanguage(next: Language): void {
  language = next;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called for errors every page handles the same way (signed out, two-factor enrolment required). */
export function onApiProblem(handler: ProblemHandler | null): void {
  problemHandler = handler;
}

export type Query = Record<string, string | number | null | undefined>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.code) {
      return new ApiError(response.status, body.error.code, body.error.message ?? body.error.code, body.error.details);
    }
  } catch {
    // not JSON: fall through to a generic error
  }
  return new ApiError(response.status, 'http_error', '');
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    // the message is filled in by the UI from its own dictionary
    throw new ApiError(0, 'network_error', '');
  }
  if (!response.ok) {
    const error = await readError(response);
    if (error.code === 'unauthenticated' || error.code === 'mfa_enrollment_required') problemHandler?.(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query: Query = {}) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** For requests the JSON helpers cannot make (raw file uploads): the language and CSRF headers. */
export function sessionHeaders(): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': language };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}
