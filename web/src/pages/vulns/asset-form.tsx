// Add or edit one device or software, in words a non-expert can fill in: the kind (with examples), maker, product,
// version (with where to find it for that kind), whether it faces the internet and at which registered address,
// owner, notes, sharing with the desk; the CPE name and package URL behind a disclosure for experts. The server checks
// every field (asset_invalid lists them): each problem shows under its field, the list is announced, and the first
// field with a problem gets the focus.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert, ProblemList } from '../../components/alerts.tsx';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.ts';
import { ChoiceGroup } from '../reports/quick-report-fields.tsx';
import { ASSET_CATEGORIES, ASSET_MAX, type Asset, type AssetInput } from './vulns-api.ts';

type FieldName = 'category' | 'vendor' | 'product' | 'version' | 'internetFacing' | 'exposedAddress' | 'owner' | 'notes' | 'cpe' | 'purl';
type Errors = Partial<Record<FieldName, string>>;

interface Draft {
  category: string;
  vendor: string;
  product: string;
  version: string;
  internet: '' | 'yes' | 'no';
  exposedAddress: string;
  owner: string;
  notes: string;
  shareWithDesk: boolean;
  cpe: string;
  purl: string;
}

const draftOf = (asset: Asset | null): Draft => asset
  ? {
    category: asset.category, vendor: asset.vendor, product: asset.product, version: asset.version, internet: asset.internetFacing ? 'yes' : 'no',
    exposedAddress: asset.exposedAddress ?? '', owner: asset.owner, notes: asset.notes, shareWithDesk: asset.shareWithDesk, cpe: asset.cpe ?? '', purl: asset.purl ?? '',
  }
  : { category: '', vendor: '', product: '', version: '', internet: '', exposedAddress: '', owner: '', notes: '', shareWithDesk: false, cpe: '', purl: '' };

const inputOf = (d: Draft): AssetInput => ({
  category: d.category, vendor: d.vendor, product: d.product, version: d.version, internetFacing: d.internet === 'yes',
  exposedAddress: d.internet === 'yes' && d.exposedAddress.trim() ? d.exposedAddress : null, owner: d.owner, notes: d.notes,
  shareWithDesk: d.shareWithDesk, cpe: d.cpe.trim() || null, purl: d.purl.trim() || null,
});

/** The order in which problems are listed and the first one focused: the order of the form. */
const ORDER: FieldName[] = ['category', 'vendor', 'product', 'version', 'internetFacing', 'exposedAddress', 'owner', 'notes', 'cpe', 'purl'];
const ADVANCED: FieldName[] = ['cpe', 'purl'];

const FIELD_LABEL: Record<FieldName, MessageKey> = {
  category: 'asset.form.category', vendor: 'asset.form.vendor', product: 'asset.form.product', version: 'asset.form.version',
  internetFacing: 'asset.form.internet', exposedAddress: 'asset.form.address', owner: 'asset.form.owner', notes: 'asset.form.notes',
  cpe: 'asset.form.cpe', purl: 'asset.form.purl',
};

const PROBLEMS = ['required', 'too_long', 'invalid', 'unknown_code', 'not_internet_facing'];

/** The server's per-field problems (and an unregistered address) as sentences under the fields. */
function errorsOf(t: Translate, error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'asset_address_unregistered') return { exposedAddress: error.message };
  if (error.code !== 'asset_invalid' || !Array.isArray(error.details)) return {};
  const errors: Errors = {};
  for (const item of error.details as Array<{ field?: unknown; problem?: unknown }>) {
    const field = String(item.field) as FieldName;
    if (!ORDER.includes(field) || errors[field]) continue;
    const problem = PROBLEMS.includes(String(item.problem)) ? String(item.problem) : 'invalid';
    errors[field] = t(`asset.problem.${problem}` as MessageKey, { field: t(FIELD_LABEL[field]).replace(/（任意）| \(optional\)/, '') });
  }
  return errors;
}

/** Checked here too, for at once: what the server would refuse first (the kind, maker and product). */
function localErrors(t: Translate, d: Draft): Errors {
  const errors: Errors = {};
  const field = (name: FieldName) => t(FIELD_LABEL[name]);
  if (!d.category) errors.category = t('asset.problem.unknown_code', { field: field('category') });
  if (!d.vendor.trim()) errors.vendor = t('asset.problem.required', { field: field('vendor') });
  if (!d.product.trim()) errors.product = t('asset.problem.required', { field: field('product') });
  return errors;
}

interface Props {
  asset: Asset | null;
  /** The organisation's registered domains and IP ranges, offered for the internet address. */
  registered: string[];
  onSave: (input: AssetInput) => Promise<unknown>;
  onCancel: () => void;
}

export function AssetForm({ asset, registered, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(asset));
  const [errors, setErrors] = useState<Errors>({});
  const [advancedOpen, setAdvancedOpen] = useState(() => !!(asset?.cpe || asset?.purl));
  const [focusWanted, setFocusWanted] = useState(0);
  const fields = useRef(new Map<FieldName, HTMLElement | null>());
  const heading = useRef<HTMLHeadingElement>(null);
  const save = useMutation({ mutationFn: onSave });
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const ref = (name: FieldName) => (el: HTMLElement | null) => void fields.current.set(name, el);

  // The form opens with its heading focused, so a screen reader starts at the form.
  useEffect(() => heading.current?.focus(), []);

  // After a refusal, the first field with a problem gets the focus (its error is read with it).
  useEffect(() => {
    if (focusWanted === 0) return;
    const first = ORDER.find((name) => errors[name]);
    const el = first ? fields.current.get(first) : null;
    // A radio group's wrapper hands the focus to its chosen (or first) choice.
    (el?.querySelector<HTMLElement>('input:checked') ?? el?.querySelector<HTMLElement>('input') ?? el)?.focus();
  }, [focusWanted, errors]);

  const refuse = (found: Errors) => {
    if (ADVANCED.some((name) => found[name])) setAdvancedOpen(true);
    setErrors(found);
    setFocusWanted((n) => n + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = localErrors(t, draft);
    if (Object.keys(found).length > 0) return refuse(found);
    setErrors({});
    save.mutate(inputOf(draft), { onError: (error) => refuse(errorsOf(t, error)) });
  };

  const problems = ORDER.flatMap((name) => (errors[name] ? [errors[name]] : []));
  const versionHint = draft.category ? t(`asset.version.${draft.category}` as MessageKey) : t('asset.version.other');
  const listId = `${titleId}-registered`;

  return (
    <form className="form asset-form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId} ref={heading} tabIndex={-1}>{asset ? t('asset.form.editTitle', { name: asset.product }) : t('asset.form.newTitle')}</h2>
      {problems.length > 0 ? <ProblemList problems={problems} /> : save.error ? <ErrorAlert error={save.error} /> : null}
      <div ref={ref('category')} className={errors.category ? 'choice-invalid' : undefined}>
        <ChoiceGroup
          legend={t('asset.form.category')} hint={errors.category ?? t('asset.form.categoryHint')}
          value={draft.category} onValue={set('category')}
          options={ASSET_CATEGORIES.map((code) => ({ value: code, label: t(`asset.cat.${code}` as MessageKey), hint: t(`asset.cat.${code}.hint` as MessageKey) }))}
        />
      </div>
      <Input name="vendor" label={t('asset.form.vendor')} hint={t('asset.form.vendorHint')} value={draft.vendor} onValue={set('vendor')} error={errors.vendor} inputRef={ref('vendor')} maxLength={ASSET_MAX.vendor} required />
      <Input name="product" label={t('asset.form.product')} hint={t('asset.form.productHint')} value={draft.product} onValue={set('product')} error={errors.product} inputRef={ref('product')} maxLength={ASSET_MAX.product} required />
      <Input name="version" label={t('asset.form.version')} hint={versionHint} value={draft.version} onValue={set('version')} error={errors.version} inputRef={ref('version')} maxLength={ASSET_MAX.version} />
      <div ref={ref('internetFacing')}>
        <ChoiceGroup
          legend={t('asset.form.internet')} hint={t('asset.form.internetHint')} value={draft.internet}
          onValue={(value) => set('internet')(value === 'yes' ? 'yes' : 'no')}
          options={[{ value: 'yes', label: t('asset.form.internet.yes') }, { value: 'no', label: t('asset.form.internet.no') }]}
        />
      </div>
      {draft.internet === 'yes' ? (
        <>
          <Input
            name="exposedAddress" label={t('asset.form.address')} value={draft.exposedAddress} onValue={set('exposedAddress')} error={errors.exposedAddress}
            inputRef={ref('exposedAddress')} maxLength={ASSET_MAX.address} list={registered.length > 0 ? listId : undefined} autoComplete="off"
            hint={registered.length > 0 ? t('asset.form.addressHint', { list: registered.join(', ') }) : t('asset.form.addressNone')}
          />
          {registered.length > 0 ? (
            <datalist id={listId}>
              {registered.map((value) => <option key={value} value={value} />)}
            </datalist>
          ) : null}
        </>
      ) : null}
      <Input name="owner" label={t('asset.form.owner')} hint={t('asset.form.ownerHint')} value={draft.owner} onValue={set('owner')} error={errors.owner} inputRef={ref('owner')} maxLength={ASSET_MAX.owner} />
      <Input name="notes" label={t('asset.form.notes')} hint={t('asset.form.notesHint')} value={draft.notes} onValue={set('notes')} error={errors.notes} inputRef={ref('notes')} maxLength={ASSET_MAX.notes} multiline />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={draft.shareWithDesk} onChange={(event) => set('shareWithDesk')(event.target.checked)} aria-describedby={`${titleId}-share-hint`} />
          {t('asset.form.share')}
        </label>
        <p className="hint" id={`${titleId}-share-hint`}>{t('asset.form.shareHint')}</p>
      </div>
      <details className="asset-advanced" open={advancedOpen} onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}>
        <summary>{t('asset.form.advanced')}</summary>
        <p className="hint">{t('asset.form.advancedHint')}</p>
        <Input name="cpe" label={t('asset.form.cpe')} hint={t('asset.form.cpeHint')} value={draft.cpe} onValue={set('cpe')} error={errors.cpe} inputRef={ref('cpe')} maxLength={ASSET_MAX.cpe} code />
        <Input name="purl" label={t('asset.form.purl')} hint={t('asset.form.purlHint')} value={draft.purl} onValue={set('purl')} error={errors.purl} inputRef={ref('purl')} maxLength={ASSET_MAX.purl} code />
      </details>
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>{save.isPending ? t('asset.form.saving') : t('asset.form.save')}</button>
        <button type="button" className="button-secondary" onClick={onCancel}>{t('asset.form.cancel')}</button>
      </div>
    </form>
  );
}

interface InputProps {
  name: FieldName;
  label: string;
  hint: ReactNode;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
  inputRef: (el: HTMLElement | null) => void;
  maxLength: number;
  required?: boolean;
  multiline?: boolean;
  /** Identifiers typed as they are: no spelling correction or capitalisation. */
  code?: boolean;
  list?: string | undefined;
  autoComplete?: string;
}

/** A text field whose error sits under its label and is read with it (aria-invalid, aria-describedby). */
function Input({ name, label, hint, value, onValue, error, inputRef, maxLength, required, multiline, code, list, autoComplete }: InputProps) {
  const id = useId();
  const described = [error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ');
  const common = {
    id, name, value, maxLength, required, 'aria-required': required, 'aria-invalid': error ? true : undefined, 'aria-describedby': described,
  };
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
      {multiline ? (
        <textarea {...common} ref={inputRef} rows={3} onChange={(event) => onValue(event.target.value)} />
      ) : (
        <input
          {...common} ref={inputRef} type="text" list={list} autoComplete={autoComplete}
          spellCheck={code ? false : undefined} autoCapitalize={code ? 'off' : undefined} onChange={(event) => onValue(event.target.value)}
        />
      )}
      <p className="hint" id={`${id}-hint`}>{hint}</p>
    </div>
  );
}
