import { Card, Descriptions, Empty, Spin, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/features/auth/api/get-me';
import { useOrganization } from '@/features/organizations/api/get-organization';
import { listChildren, type OrganizationListItem } from '@/features/organizations/api/list-children';
import { listRoots } from '@/features/organizations/api/list-roots';

function toNode(item: OrganizationListItem): TreeDataNode {
  return { key: item.id, title: item.name, isLeaf: item.activeChildCount === 0 };
}

function withChildren(nodes: TreeDataNode[], key: React.Key, children: TreeDataNode[]): TreeDataNode[] {
  return nodes.map((node) =>
    node.key === key ? { ...node, children } : node.children ? { ...node, children: withChildren(node.children, key, children) } : node,
  );
}

/** The organization tree, loaded a level at a time, beside the selected organization's details. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [tree, setTree] = useState<TreeDataNode[]>();
  const [selected, setSelected] = useState<string>();
  const organization = useOrganization(selected);

  useEffect(() => {
    if (me.data) {
      void listRoots(me.data.scope?.id ?? undefined).then((roots) => setTree(roots.map(toNode)));
    }
  }, [me.data]);

  async function loadChildren(node: TreeDataNode) {
    const children = await listChildren(String(node.key));
    setTree((current) => withChildren(current ?? [], node.key, children.map(toNode)));
  }

  const details = organization.data?.organization;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(280px, 1fr) 2fr', gap: 16 }}>
      <Card title={t('organizations.tree')}>
        {tree ? (
          <Tree treeData={tree} loadData={loadChildren} onSelect={(keys) => setSelected(keys[0] as string | undefined)} aria-label={t('organizations.tree')} />
        ) : (
          <Spin />
        )}
      </Card>
      <Card title={details?.name ?? t('organizations.details')}>
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
    </div>
  );
}

export default OrganizationsPage;
