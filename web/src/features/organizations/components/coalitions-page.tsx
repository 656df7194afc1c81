import { App as AntApp, Button, Card, Form, Input, Table } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createCoalition,
  updateCoalition,
  useCoalition,
  useCoalitions,
  type CoalitionInput,
  type CoalitionListItem,
} from '@/features/organizations/api/coalitions';
import { OrganizationSelect } from '@/components/organization-select';
import { FormModal } from '@/components/form-modal';
import { PageHeading } from '@/components/page-heading';
import { useTableState } from '@/hooks/use-table-state';
import { useCan } from '@/lib/auth';
import { QueryView } from '@/components/query-view';

/** Coalitions (党建联合体): named groups of organizations across the tree, searched by name. */
export function CoalitionsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('organizations.write');
  const table = useTableState('name');
  const [q, setQ] = useState('');
  const coalitions = useCoalitions(q, table.query);
  const [editing, setEditing] = useState<string | 'new'>();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['coalitions'] });
    await client.invalidateQueries({ queryKey: ['coalition'] });
  };

  return (
    <Card
      title={<PageHeading>{t('coalitions.title')}</PageHeading>}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('coalitions.create')}
          </Button>
        )
      }
    >
      <Input.Search
        aria-label={t('coalitions.search')}
        placeholder={t('coalitions.search')}
        allowClear
        onSearch={(value) => {
          setQ(value);
          table.reset();
        }}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      <QueryView query={coalitions}>
        <Table<CoalitionListItem>
          rowKey="id"
          size="small"
          loading={coalitions.isFetching}
          dataSource={coalitions.data?.items}
          pagination={table.pagination(coalitions.data?.total)}
          onChange={table.onChange}
          columns={[
            { title: t('form.name'), dataIndex: 'name', key: 'name', ...table.sortable('name') },
            {
              title: t('form.description'),
              dataIndex: 'description',
              key: 'description',
              render: (d: string | null) => d ?? '—',
            },
            { title: t('coalitions.members'), dataIndex: 'memberCount', key: 'memberCount' },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, c: CoalitionListItem) => (
                      <Button size="small" onClick={() => setEditing(c.id)}>
                        {t('actions.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </QueryView>
      {editing === 'new' && (
        <CoalitionForm
          title={t('coalitions.create')}
          onSubmit={async (values) => {
            await createCoalition(values);
            await refresh();
          }}
          onClose={() => setEditing(undefined)}
        />
      )}
      {editing && editing !== 'new' && (
        <EditCoalition id={editing} onSaved={refresh} onClose={() => setEditing(undefined)} />
      )}
    </Card>
  );
}

function EditCoalition({ id, onSaved, onClose }: { id: string; onSaved: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const coalition = useCoalition(id);
  const data = coalition.data;
  const failed = coalition.isError;
  useEffect(() => {
    if (failed) {
      void message.error(coalition.error.message);
      onClose();
    }
  }, [failed]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!data) {
    return null;
  }
  return (
    <CoalitionForm
      key={data.etag}
      title={`${t('actions.edit')} · ${data.coalition.name}`}
      initial={{
        name: data.coalition.name,
        description: data.coalition.description,
        memberOrganizationIds: data.coalition.members.map((m) => m.id),
      }}
      known={data.coalition.members}
      onSubmit={async (values) => {
        await updateCoalition(id, data.etag, values);
        await onSaved();
      }}
      onReload={() => void coalition.refetch()}
      onClose={onClose}
    />
  );
}

interface FormProps {
  title: string;
  initial?: CoalitionInput;
  known?: { id: string; name: string }[];
  onSubmit: (values: CoalitionInput) => Promise<void>;
  onReload?: () => void;
  onClose: () => void;
}

function CoalitionForm({ title, initial, known, onSubmit, onReload, onClose }: FormProps) {
  const { t } = useTranslation();
  return (
    <FormModal<CoalitionInput>
      title={title}
      fields={['name', 'description', 'memberOrganizationIds']}
      initialValues={initial ?? { memberOrganizationIds: [] }}
      onSubmit={(values) => onSubmit({ ...values, memberOrganizationIds: values.memberOrganizationIds ?? [] })}
      onReload={onReload}
      onClose={onClose}
    >
      <Form.Item label={t('form.name')} name="name" required>
        <Input />
      </Form.Item>
      <Form.Item label={t('form.description')} name="description">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label={t('coalitions.members')} name="memberOrganizationIds" required>
        <OrganizationSelect multiple known={known} aria-label={t('coalitions.members')} />
      </Form.Item>
    </FormModal>
  );
}

export default CoalitionsPage;
