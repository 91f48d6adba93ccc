import { useLocation } from 'react-router';

/** The one-time token of a setup, invitation or reset link: `/setup#token=XYZ`. */
export function useHashToken(): string {
  return new URLSearchParams(useLocation().hash.slice(1)).get('token') ?? '';
}
