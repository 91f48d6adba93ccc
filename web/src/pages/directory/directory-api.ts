import { ApiError, api, sessionHeaders } from '../../api/client.ts';
import type { DirectoryEntry, DirectoryEntryInput } from '../../../../src/modules/directory/directory-model.ts';

export { PROBLEM_CODES } from '../../../../src/modules/directory/directory-model.ts';
export type { DirectoryEntry, DirectoryEntryInput };

export interface DirectoryPage {
  items: DirectoryEntry[];
  total: number;
}

export interface DirectorySearch {
  prefecture: string;
  problem: string;
  q: string;
}

/** What is wrong, per field (and per row of an import), as the server lists it. */
export interface FieldIssue {
  row?: number;
  field: string;
  code: string;
}

export class DetailedApiError extends ApiError {
  constructor(status: number, code: string, message: string, readonly details: FieldIssue[]) {
    super(status, code, message);
  }
}

export const searchDirectory = (search: DirectorySearch, offset = 0) =>
  api.get<DirectoryPage>('/api/directory', { ...search, limit: 50, offset });

// Changes go through fetch directly: their error answers carry the per-field details the UI translates.
async function send<T>(method: string, path: string, body: string, contentType: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method, body, credentials: 'same-origin', headers: { ...sessionHeaders(), Accept: 'application/json', 'Content-Type': contentType } });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (response.ok) return parsed as T;
  const error = (parsed as { error?: { code?: string; message?: string; details?: FieldIssue[] } } | undefined)?.error;
  throw new DetailedApiError(response.status, error?.code ?? 'http_error', error?.message ?? '', error?.details ?? []);
}

export const createEntry = (input: DirectoryEntryInput) => send<DirectoryEntry>('POST', '/api/directory', JSON.stringify(input), 'application/json');
export const updateEntry = (id: string, input: DirectoryEntryInput, version: number) =>
  send<DirectoryEntry>('PUT', `/api/directory/${encodeURIComponent(id)}`, JSON.stringify({ ...input, version }), 'application/json');
export const deleteEntry = (id: string) => api.delete(`/api/directory/${encodeURIComponent(id)}`);

export function importFile(file: File): Promise<{ created: number; updated: number }> {
  const json = file.name.toLowerCase().endsWith('.json') || file.type === 'application/json';
  return file.text().then((text) => send('POST', '/api/directory/import', text, json ? 'application/json' : 'text/csv'));
}
