import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onApiProblem, setCsrfToken } from '../api/client.ts';
import type { Me, SessionResponse, SignedIn } from '../api/types.ts';
import { changeLocale as setLocale, type Locale } from '../i18n/index.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

interface SessionValue {
  loading: boolean;
  /** Set when the session itself could not be loaded (server down). */
  loadError: string | null;
  user: Me | null;
  setupRequired: boolean;
  /** Whether the operator publishes the public page (/public): visitors are pointed to it. */
  publicPage: boolean;
  /** A message carried over a redirect, e.g. "set up two-factor first". */
  notice: string | null;
  setNotice: (notice: string | null) => void;
  signedIn: (result: SignedIn) => void;
  updateUser: (user: Me) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  changeLocale: (locale: Locale) => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  // Cached server state belongs to the person signed in: a new sign-in starts without the previous person's.
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [user, setUser] = useState<Me | null>(null);
  const [setupRequired, setSetupRequired] = useState(false);
  const [publicPage, setPublicPage] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const updateUser = useCallback(
    (next: Me) => {
      setUser(next);
      setLocale(next.locale);
    },
    [],
  );

  const refresh = useCallback(async () => {
    try {
      const session = await api.get<SessionResponse>('/api/auth/session');
      setCsrfToken(session.csrfToken);
      setSetupRequired(session.setupRequired);
      setPublicPage(session.publicPage);
      setLoadError(null);
      if (session.authenticated && session.user) updateUser(session.user);
      else setUser(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message || 'network_error' : 'network_error');
    } finally {
      setLoading(false);
    }
  }, [updateUser]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    onApiProblem((error) => {
      if (error.code === 'unauthenticated') {
        setUser(null);
        setCsrfToken(null);
        const here = window.location.pathname + window.location.search;
        if (!window.location.pathname.startsWith('/login')) void navigate(`/login?next=${encodeURIComponent(here)}`);
      } else if (error.code === 'mfa_enrollment_required') {
        setNotice(error.message);
        void navigate('/account');
      }
    });
    return () => onApiProblem(null);
  }, [navigate]);

  const signedIn = useCallback(
    (result: SignedIn) => {
      setCsrfToken(result.csrfToken);
      setSetupRequired(false);
      queryClient.clear();
      updateUser(result.user);
    },
    [updateUser, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } finally {
      setUser(null);
      setCsrfToken(null);
      setNotice(null);
      void navigate('/login');
    }
  }, [navigate]);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      if (!user) {
        setLocale(locale, true);
        return;
      }
      setLocale(locale);
      updateUser(await api.patch<Me>('/api/account', { locale }));
    },
    [user, updateUser],
  );

  const value = useMemo<SessionValue>(
    () => ({ loading, loadError, user, setupRequired, publicPage, notice, setNotice, signedIn, updateUser, refresh, signOut, changeLocale }),
    [loading, loadError, user, setupRequired, publicPage, notice, signedIn, updateUser, refresh, signOut, changeLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

export function hasRole(user: Me | null, ...roles: string[]): boolean {
  return !!user && user.platformRoles.some((role) => roles.includes(role));
}

export function isOrgAdmin(user: Me | null, orgId: string): boolean {
  return !!user && user.memberships.some((m) => m.orgId === orgId && m.role === 'org_admin');
}
