import { App as AntApp, Button, Card, Descriptions, Empty, Popconfirm, Space, Spin, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { dissolveOrganization } from '@/features/organizations/api/dissolve-organization';
import { useOrganization } from '@/features/organizations/api/get-organization';
import { moveOrganization } from '@/features/organizations/api/move-organization';
import { createOrganization, updateOrganization } from '@/features/organizations/api/save-organization';
import { GradingsPanel } from '@/features/organizations/components/gradings-panel';
import { MoveOrganizationDialog } from '@/features/organizations/components/move-organization-dialog';
import { OrganizationForm } from '@/features/organizations/components/organization-form';
import { PairingsPanel } from '@/features/organizations/components/pairings-panel';
import { RectificationsPanel } from '@/features/organizations/components/rectifications-panel';
import { StatisticsPanel } from '@/features/organizations/components/statistics-panel';
import type { OrganizationTreeState } from '@/features/organizations/components/use-organization-tree';
import { WarningsPanel } from '@/features/organizations/components/warnings-panel';
import { LoadFailure } from '@/components/result-pages';
import { useCan } from '@/lib/auth';
import { ApiError } from '@/lib/problem';

type Dialog = 'create' | 'edit' | 'move' | undefined;
const tabs = ['overview', 'gradings', 'rectifications', 'pairings', 'warnings'] as const;

interface Props {
  organizationId?: string;
  tree: OrganizationTreeState;
  onOpen: (id: string) => void;
}

/**
 * The chosen organization: details and actions, then its subtree's
 * statistics, gradings, rectifications, pairings and warnings.
 */
export function OrganizationPanel({ organizationId, tree, onOpen }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const canWrite = useCan('organizations.write');
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>();
  const organization = useOrganization(organizationId);
  const details = organization.data?.organization;
  const { reveal } = tree;
  const ancestorKey = details?.ancestors.map((a) => a.id).join('/');

  // Whatever brought the user here (a search, a link, a move), the tree opens down to this organization.
  useEffect(() => {
    if (tree.nodes && ancestorKey !== undefined) {
      void reveal(ancestorKey ? ancestorKey.split('/') : []);
    }
  }, [tree.nodes !== undefined, ancestorKey, reveal]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!organizationId) {
    return (
      <Card>
        <Empty description={t('organizations.choose')} />
      </Card>
    );
  }
  if (organization.isError) {
    return (
      <Card>
        <LoadFailure error={organization.error} />
      </Card>
    );
  }
  if (!details) {
    return (
      <Card>
        <Spin />
      </Card>
    );
  }
  const tab = tabs.find((name) => name === params.get('tab')) ?? 'overview';
  const active = details.status === 'Active';
  const editable = active && canWrite;

  return (
    <Card
      title={
        <Space>
          {details.name}
          <Tag color={active ? 'green' : 'default'}>{t(`status.${details.status}`)}</Tag>
        </Space>
      }
      extra={
        editable && (
          <Space wrap>
            <Button type="primary" onClick={() => setDialog('create')}>
              {t('actions.create')}
            </Button>
            <Button onClick={() => setDialog('edit')}>{t('actions.edit')}</Button>
            <Button onClick={() => setDialog('move')}>{t('actions.move')}</Button>
            <Popconfirm
              title={t('actions.dissolveConfirm')}
              onConfirm={async () => {
                try {
                  await dissolveOrganization(details.id, organization.data!.etag);
                  await organization.refetch();
                  // Only the parent's children changed; the rest of the tree stays open as it was.
                  await (details.parentId ? tree.refreshChildren(details.parentId) : tree.loadRoots());
                } catch (error) {
                  void message.error(
                    error instanceof ApiError && error.status === 412 ? t('errors.conflict') : (error as Error).message,
                  );
                }
              }}
            >
              <Button danger>{t('actions.dissolve')}</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'overview',
            label: t('tabs.overview'),
            children: (
              <>
                <Descriptions
                  column={{ xs: 1, md: 2 }}
                  bordered
                  size="small"
                  style={{ marginBottom: 16 }}
                  styles={{ label: { whiteSpace: 'nowrap' } }}
                >
                  <Descriptions.Item label={t('organizations.path')} span={2}>
                    {details.ancestors.length ? details.ancestors.map((a) => a.name).join(' / ') : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('organizations.kind')}>{t(`kind.${details.kind}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('organizations.field')}>{t(`field.${details.field}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('organizations.secretary')}>
                    {details.secretaryName ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('form.establishedOn')}>{details.establishedOn ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('form.termStartedOn')}>{details.termStartedOn ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('organizations.termEndsOn')}>
                    {details.termEndsOn ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('organizations.children')}>{details.activeChildCount}</Descriptions.Item>
                  <Descriptions.Item label={t('form.description')}>{details.description ?? '—'}</Descriptions.Item>
                </Descriptions>
                <StatisticsPanel organizationId={details.id} />
              </>
            ),
          },
          {
            key: 'gradings',
            label: t('tabs.gradings'),
            children: <GradingsPanel organizationId={details.id} canWrite={editable} />,
          },
          {
            key: 'rectifications',
            label: t('tabs.rectifications'),
            children: <RectificationsPanel organizationId={details.id} canWrite={editable} />,
          },
          {
            key: 'pairings',
            label: t('tabs.pairings'),
            children: <PairingsPanel organizationId={details.id} canWrite={editable} />,
          },
          {
            key: 'warnings',
            label: t('tabs.warnings'),
            children: <WarningsPanel organizationId={details.id} onOpen={onOpen} />,
          },
        ]}
        destroyOnHidden
      />
      {dialog === 'create' && (
        <OrganizationForm
          title={`${t('actions.create')} · ${details.name}`}
          onSubmit={async (input) => {
            const created = await createOrganization(details.id, input);
            await tree.refreshChildren(details.id);
            await organization.refetch();
            onOpen(created.organization.id);
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'edit' && (
        <OrganizationForm
          title={`${t('actions.edit')} · ${details.name}`}
          initial={{ ...details }}
          onSubmit={async (input) => {
            await updateOrganization(details.id, organization.data!.etag, input);
            await organization.refetch();
          }}
          onReload={() => void organization.refetch()}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'move' && (
        <MoveOrganizationDialog
          tree={tree}
          onMove={async (newParentId) => {
            const moved = await moveOrganization(details.id, organization.data!.etag, newParentId);
            // The old and new parents' children changed: start the tree again and open it down to the new place.
            await tree.loadRoots();
            await tree.reveal(moved.organization.ancestors.map((a) => a.id));
            await organization.refetch();
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Card>
  );
}
