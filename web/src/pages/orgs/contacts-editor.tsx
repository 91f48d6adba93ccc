import { SelectField, TextField } from '../../components/fields.tsx';
import { useT } from '../../i18n/index.ts';
import { contactKindOptions } from '../../lib/options.ts';
import { newContact, type ContactDraft } from './org-draft.ts';

interface ContactsEditorProps {
  contacts: ContactDraft[];
  onChange: (contacts: ContactDraft[]) => void;
}

export function ContactsEditor({ contacts, onChange }: ContactsEditorProps) {
  const t = useT();
  const update = (key: number, patch: Partial<ContactDraft>) =>
    onChange(contacts.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const remove = (key: number) => onChange(contacts.filter((c) => c.key !== key));

  return (
    <fieldset className="field contacts">
      <legend>{t('org.contacts')}</legend>
      {contacts.length === 0 ? <p className="muted">{t('org.noContacts')}</p> : null}
      {contacts.map((contact, index) => {
        const n = index + 1;
        return (
          <fieldset key={contact.key} className="contact-row">
            <legend>{t('org.contactN', { n })}</legend>
            <SelectField
              label={t('org.contactKindN', { n })}
              value={contact.kind}
              onValue={(kind) => update(contact.key, { kind })}
              options={contactKindOptions(t)}
            />
            <TextField label={t('org.contactNameN', { n })} value={contact.name} onValue={(name) => update(contact.key, { name })} />
            <TextField
              label={t('org.contactEmailN', { n })}
              type="email"
              value={contact.email}
              onValue={(email) => update(contact.key, { email })}
            />
            <TextField
              label={t('org.contactPhoneN', { n })}
              type="tel"
              value={contact.phone}
              onValue={(phone) => update(contact.key, { phone })}
            />
            <div className="row-actions">
              <button type="button" className="button-secondary button-small" onClick={() => remove(contact.key)}>
                {t('org.removeContactN', { n })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="button-secondary" onClick={() => onChange([...contacts, newContact()])}>
        {t('org.addContact')}
      </button>
    </fieldset>
  );
}
