import { Card } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { OrganizationPanel } from '@/features/organizations/components/organization-panel';
import { OrganizationTree } from '@/features/organizations/components/organization-tree';
import { useOrganizationTree } from '@/features/organizations/components/use-organization-tree';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/lib/auth';
import { remember, remembered } from '@/lib/remembered';
import './organizations-page.css';

/** The organization tree beside the chosen organization; the choice is in the address, so it can be linked. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id } = useParams();
  const navigate = useNavigate();
  const scopeId = me.data?.scope?.id ?? undefined;
  const tree = useOrganizationTree(scopeId);
  const { loadRoots } = tree;

  useEffect(() => {
    if (me.data) {
      void loadRoots();
    }
  }, [me.data, loadRoots]);

  const open = (organizationId: string) => void navigate(`/organizations/${organizationId}`);

  // The organization last open comes back on the next visit (kept per user: another user's would be a 404).
  const rememberAs = me.data ? `jiceng.organizations.last.${me.data.id}` : undefined;
  useEffect(() => {
    if (!rememberAs) {
      return;
    }
    if (id) {
      remember(rememberAs, id);
    } else {
      const last = remembered(rememberAs);
      if (last) {
        void navigate(`/organizations/${last}`, { replace: true });
      }
    }
  }, [id, rememberAs, navigate]);

  return (
    <div className="organizations-layout">
      <Card title={<PageHeading>{t('layout.organizations')}</PageHeading>}>
        <OrganizationTree tree={tree} selectedId={id} onSelect={open} />
      </Card>
      <OrganizationPanel key={id ?? 'none'} organizationId={id} tree={tree} onOpen={open} />
    </div>
  );
}

export default OrganizationsPage;
