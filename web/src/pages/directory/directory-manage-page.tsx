import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert, Loading, SuccessNote } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Link } from 'react-router';
import { createEntry, deleteEntry, searchDirectory, updateEntry, type DirectoryEntry, type DirectoryEntryInput } from './directory-api.ts';
import { DirectoryEntryCard } from './directory-entry-card.tsx';
import { DirectoryTransfer } from './directory-transfer.tsx';
import { EntryForm } from './entry-form.tsx';
import './directory.css';

const ALL = { prefecture: '', problem: '', q: '' };

// Enough for a community's directory on one page; the public search pages through any number.
async function loadAll(): Promise<DirectoryEntry[]> {
  const first = await searchDirectory(ALL);
  const items = [...first.items];
  while (items.length < first.total && items.length < 1000) items.push(...(await searchDirectory(ALL, items.length)).items);
  return items;
}

/** The coordinators' curation: add, edit, remove, import and export. */
export function DirectoryManagePage() {
  const { t, locale } = useI18n();
  const entries = useQuery({ queryKey: ['directory', 'all'], queryFn: loadAll });
  const [editing, setEditing] = useState<DirectoryEntry | 'new' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const reloadEntries = () => queryClient.invalidateQueries({ queryKey: ['directory'] });
  const removal = useMutation({
    mutationFn: (entry: DirectoryEntry) => deleteEntry(entry.id),
    onSuccess: () => {
      setNote(t('dir.manage.deleted'));
      return reloadEntries();
    },
  });

  const save = async (input: DirectoryEntryInput) => {
    try {
      if (editing === 'new') await createEntry(input);
      else if (editing) await updateEntry(editing.id, input, editing.version);
    } catch (error) {
      // Someone else changed or removed it: the list shows what is there now; the form keeps what was typed.
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) void reloadEntries();
      throw error;
    }
    setNote(editing === 'new' ? t('dir.manage.created') : t('dir.manage.saved'));
    setEditing(null);
    await reloadEntries();
  };
  const remove = (entry: DirectoryEntry) => {
    const name = locale === 'en' && entry.nameEn ? entry.nameEn : entry.nameJa;
    if (!window.confirm(t('dir.manage.deleteConfirm', { name }))) return;
    removal.mutate(entry);
  };

  return (
    <Page
      title={t('dir.manage.title')}
      actions={
        editing === null ? (
          <button type="button" onClick={() => { setNote(null); setEditing('new'); }}>
            {t('dir.manage.new')}
          </button>
        ) : null
      }
    >
      <p>{t('dir.manage.intro')}</p>
      <p>
        <Link to="/directory">{t('dir.title')}</Link>
      </p>
      <SuccessNote>{note}</SuccessNote>
      <ErrorAlert error={removal.error} />
      {editing !== null ? (
        <section className="card">
          <EntryForm key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`} entry={editing === 'new' ? null : editing} onSave={save} onCancel={() => setEditing(null)} />
        </section>
      ) : null}
      <DirectoryTransfer />
      <h2>{t('dir.manage.entries')}</h2>
      <ErrorAlert error={entries.error} />
      {entries.isPending ? <Loading /> : null}
      <ul className="directory-list">
        {(entries.data ?? []).map((entry) => (
          <li key={entry.id}>
            <DirectoryEntryCard
              entry={entry}
              actions={
                <div className="form-actions">
                  <span className="muted">{t('dir.manage.version', { version: entry.version })}</span>
                  <button type="button" className="button-secondary" onClick={() => { setNote(null); setEditing(entry); window.scrollTo(0, 0); }}>
                    {t('dir.manage.edit')}
                  </button>
                  <button type="button" className="button-secondary" onClick={() => remove(entry)}>
                    {t('dir.manage.delete')}
                  </button>
                </div>
              }
            />
          </li>
        ))}
      </ul>
    </Page>
  );
}
