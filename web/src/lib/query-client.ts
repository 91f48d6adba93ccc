import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

/**
 * Server state for the whole UI (TanStack Query). A page's data is refetched when the window regains focus and after
 * a change (mutations invalidate their feature's queries). A request the server refused (4xx: signed out, no access,
 * not found, invalid) is final and shows at once; only a lost connection or a server failure is tried once more.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: true,
        retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
