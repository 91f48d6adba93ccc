import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/index.ts';

/** Shows an error (from the server or from validation) so screen readers announce it. */
export function ErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  let text: string;
  if (error instanceof ApiError) {
    if (error.code === 'network_error') text = t('error.network');
    else text = error.message || t('error.unexpected', { status: error.status });
  } else if (typeof error === 'string') {
    text = error;
  } else {
    text = t('error.unexpected', { status: '?' });
  }
  return (
    <div className="alert alert-error" role="alert">
      {text}
    </div>
  );
}

/** A list of validation problems, announced as one alert. */
export function ProblemList({ problems }: { problems: string[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{t('form.problems')}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}

export function SuccessNote({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
