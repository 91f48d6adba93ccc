import { useLocation } from '../router.tsx';

/** The one-time token of a setup, invitation or reset link: `/setup#token=XYZ`. */
export function useHashToken(): string {
  return useLocation().hash.get('token') ?? '';
}
