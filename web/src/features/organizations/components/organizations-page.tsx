import { App as AntApp, Button, Card, Descriptions, Empty, Popconfirm, Space, Spin, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/features/auth/api/get-me';
import { dissolveOrganization } from '@/features/organizations/api/dissolve-organization';
import { useOrganization } from '@/features/organizations/api/get-organization';
import { moveOrganization } from '@/features/organizations/api/move-organization';
import { createOrganization, updateOrganization } from '@/features/organizations/api/save-organization';
import { MoveOrganizationDialog } from '@/features/organizations/components/move-organization-dialog';
import { OrganizationForm } from '@/features/organizations/components/organization-form';
import { ApiError } from '@/lib/problem';
import { listChildren, type OrganizationListItem } from '@/features/organizations/api/list-children';
import { listRoots } from '@/features/organizations/api/list-roots';

function toNode(item: OrganizationListItem): TreeDataNode {
  return { key: item.id, title: item.name, isLeaf: item.activeChildCount === 0 };
}

function withChildren(nodes: TreeDataNode[], key: React.Key, children: TreeDataNode[]): TreeDataNode[] {
  return nodes.map((node) =>
    node.key === key
      ? { ...node, children, isLeaf: children.length === 0 }
      : node.children
        ? { ...node, children: withChildren(node.children, key, children) }
        : node,
  );
}

type Dialog = 'create' | 'edit' | 'move' | undefined;

/** The organization tree, loaded a level at a time, beside the selected organization's details. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = AntApp.useApp();
  const [tree, setTree] = useState<TreeDataNode[]>();
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [loaded, setLoaded] = useState<React.Key[]>([]);
  const [selected, setSelected] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>();
  const organization = useOrganization(selected);

  async function loadRoots() {
    const roots = await listRoots(me.data?.scope?.id ?? undefined);
    setTree(roots.map(toNode));
    setExpanded([]);
    setLoaded([]);
  }

  useEffect(() => {
    if (me.data) {
      void loadRoots();
    }
    // Roots depend on who is signed in only.
  }, [me.data]);

  async function loadChildren(node: TreeDataNode) {
    const children = await listChildren(String(node.key));
    setTree((current) => withChildren(current ?? [], node.key, children.map(toNode)));
    setLoaded((keys) => [...new Set([...keys, node.key])]);
  }

  /** After a create: the parent's children again, expanded, so the new organization is in view. */
  async function showChildren(key: string) {
    await loadChildren({ key } as TreeDataNode);
    setExpanded((keys) => [...new Set([...keys, key])]);
  }

  async function afterChange() {
    await organization.refetch();
  }

  const details = organization.data?.organization;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(280px, 1fr) 2fr', gap: 16 }}>
      <Card title={t('organizations.tree')}>
        {tree ? (
          <Tree
            treeData={tree}
            loadData={loadChildren}
            loadedKeys={loaded}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys)}
            onSelect={(keys) => setSelected(keys[0] as string | undefined)}
            aria-label={t('organizations.tree')}
          />
        ) : (
          <Spin />
        )}
      </Card>
      <Card
        title={details?.name ?? t('organizations.details')}
        extra={
          details?.status === 'Active' && (
            <Space wrap>
              <Button type="primary" onClick={() => setDialog('create')}>{t('actions.create')}</Button>
              <Button onClick={() => setDialog('edit')}>{t('actions.edit')}</Button>
              <Button onClick={() => setDialog('move')}>{t('actions.move')}</Button>
              <Popconfirm
                title={t('actions.dissolveConfirm')}
                onConfirm={async () => {
                  try {
                    await dissolveOrganization(details.id, organization.data!.etag);
                    await afterChange();
                    await loadRoots();
                  } catch (error) {
                    void message.error(error instanceof ApiError && error.status === 412 ? t('errors.conflict') : (error as Error).message);
                  }
                }}>
                <Button danger>{t('actions.dissolve')}</Button>
              </Popconfirm>
            </Space>
          )
        }>
        {!selected && <Empty description={t('organizations.choose')} />}
        {selected && organization.isLoading && <Spin />}
        {details && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('organizations.kind')}>{t(`kind.${details.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('organizations.field')}>{t(`field.${details.field}`)}</Descriptions.Item>
            <Descriptions.Item label={t('organizations.secretary')}>{details.secretaryName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organizations.termEndsOn')}>{details.termEndsOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organizations.status')}>
              <Tag color={details.status === 'Active' ? 'green' : 'default'}>{t(`status.${details.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('organizations.children')}>{details.activeChildCount}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {dialog === 'create' && details && (
        <OrganizationForm
          title={`${t('actions.create')} · ${details.name}`}
          onSubmit={async (input) => {
            await createOrganization(details.id, input);
            await showChildren(details.id);
            await afterChange();
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'edit' && details && (
        <OrganizationForm
          title={`${t('actions.edit')} · ${details.name}`}
          initial={{ ...details }}
          onSubmit={async (input) => {
            await updateOrganization(details.id, organization.data!.etag, input);
            await afterChange();
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'move' && details && tree && (
        <MoveOrganizationDialog
          tree={tree}
          loadData={loadChildren}
          onMove={async (newParentId) => {
            await moveOrganization(details.id, organization.data!.etag, newParentId);
            await afterChange();
            await loadRoots();
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
    </div>
  );
}

export default OrganizationsPage;
