// Small pieces shared by the correlation views: a value with its type, a source as a link.
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { Link } from 'react-router';
import { objectHref } from '../intel/intel-api.ts';
import type { SourceRef } from './correlation-api.ts';
import { TypeTag } from '../intel/intel-parts.tsx';

export const typeName = (t: Translate, type: string): string => t(`corr.type.${type}` as MessageKey);

export function ValueText({ type, value, t }: { type: string; value: string; t: Translate }) {
  return (
    <span>
      <span className="tag">{typeName(t, type)}</span> <code className="wrap">{value}</code>
    </span>
  );
}

export function SourceLink({ source, t }: { source: SourceRef | Omit<SourceRef, 'shared'>; t: Translate }) {
  if (source.kind === 'report') return <span>{t('corr.campaigns.report', { id: source.id })}</span>;
  return (
    <span>
      <TypeTag type={source.type} /> <Link to={objectHref(source.id)} className="wrap">{source.name ?? source.id}</Link>
    </span>
  );
}
