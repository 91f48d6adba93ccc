import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Org } from '../../api/types.ts';
import { Page } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import { useNavigate } from 'react-router';
import { EMPTY_DRAFT } from './org-draft.ts';
import { OrgForm } from './org-form.tsx';

export function NewOrgPage() {
  const navigate = useNavigate();
  const t = useT();
  const queryClient = useQueryClient();
  return (
    <Page title={t('orgs.newTitle')}>
      <OrgForm
        initial={EMPTY_DRAFT}
        canSetStatus
        submitLabel={t('orgs.create')}
        onSubmit={async (input) => {
          const org = await api.post<Org>('/api/orgs', input);
          await queryClient.invalidateQueries({ queryKey: ['orgs'] });
          void navigate(`/orgs/${encodeURIComponent(org.id)}?created=1`);
        }}
        onCancel={() => void navigate('/orgs')}
      />
    </Page>
  );
}
