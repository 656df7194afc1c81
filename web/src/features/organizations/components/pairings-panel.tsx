import { Button, Checkbox, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createPairing,
  updatePairing,
  usePairings,
  type CreatePairingInput,
  type Pairing,
  type PairingKind,
} from '@/features/organizations/api/pairings';
import { OrganizationSelect } from '@/components/organization-select';
import { FormModal } from '@/components/form-modal';
import { useTableState } from '@/hooks/use-table-state';
import { shanghaiToday } from '@/lib/dates';
import { DateField } from '@/components/date-field';
import { QueryView } from '@/components/query-view';

const kinds: PairingKind[] = ['Contracting', 'Partnership'];

interface Props {
  organizationId: string;
  canWrite: boolean;
}

/** Pairings (包联, 结对共建) on either side of this organization; ending one sets its end date. */
export function PairingsPanel({ organizationId, canWrite }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const table = useTableState('-startsOn', 10);
  const [kind, setKind] = useState<PairingKind>();
  const [activeOnly, setActiveOnly] = useState(false);
  const pairings = usePairings(organizationId, kind, activeOnly, table.query);
  const [editing, setEditing] = useState<Pairing | 'new'>();
  const refresh = () => client.invalidateQueries({ queryKey: ['organizations', organizationId] });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canWrite && <Button onClick={() => setEditing('new')}>{t('pairings.create')}</Button>}
        <Select<PairingKind>
          aria-label={t('pairings.kind')}
          allowClear
          placeholder={t('pairings.kind')}
          style={{ width: 160 }}
          value={kind}
          onChange={(value) => {
            setKind(value);
            table.reset();
          }}
          options={kinds.map((k) => ({ value: k, label: t(`pairings.kinds.${k}`) }))}
        />
        <Checkbox
          checked={activeOnly}
          onChange={(e) => {
            setActiveOnly(e.target.checked);
            table.reset();
          }}
        >
          {t('pairings.activeOnly')}
        </Checkbox>
      </Space>
      <QueryView query={pairings}>
        <Table<Pairing>
          rowKey="id"
          size="small"
          loading={pairings.isFetching}
          dataSource={pairings.data?.items}
          pagination={table.pagination(pairings.data?.total)}
          onChange={table.onChange}
          columns={[
            { title: t('pairings.organization'), dataIndex: 'organizationName', key: 'organizationName' },
            {
              title: t('pairings.partner'),
              dataIndex: 'partnerOrganizationName',
              key: 'partnerName',
              ...table.sortable('partnerName'),
            },
            {
              title: t('pairings.kind'),
              dataIndex: 'kind',
              key: 'kind',
              ...table.sortable('kind'),
              render: (k: PairingKind) => t(`pairings.kinds.${k}`),
            },
            { title: t('pairings.startsOn'), dataIndex: 'startsOn', key: 'startsOn', ...table.sortable('startsOn') },
            {
              title: t('pairings.endsOn'),
              dataIndex: 'endsOn',
              key: 'endsOn',
              ...table.sortable('endsOn'),
              render: (d: string | null) => d ?? '—',
            },
            {
              title: t('organizations.status'),
              dataIndex: 'active',
              key: 'active',
              render: (active: boolean) => (
                <Tag color={active ? 'green' : 'default'}>{active ? t('pairings.active') : t('pairings.ended')}</Tag>
              ),
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, p: Pairing) => (
                      <Button size="small" onClick={() => setEditing(p)}>
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
        <FormModal<CreatePairingInput>
          title={t('pairings.create')}
          fields={['partnerOrganizationId', 'kind', 'startsOn', 'endsOn', 'notes']}
          initialValues={{ kind: 'Contracting', startsOn: shanghaiToday() }}
          onSubmit={async (values) => {
            await createPairing(organizationId, values);
            await refresh();
          }}
          onClose={() => setEditing(undefined)}
        >
          <Form.Item label={t('pairings.partner')} name="partnerOrganizationId" required>
            <OrganizationSelect aria-label={t('pairings.partner')} />
          </Form.Item>
          <Form.Item label={t('pairings.kind')} name="kind" required>
            <Select options={kinds.map((k) => ({ value: k, label: t(`pairings.kinds.${k}`) }))} />
          </Form.Item>
          <PairingTermsFields />
        </FormModal>
      )}
      {editing && editing !== 'new' && (
        <FormModal<CreatePairingInput>
          title={`${t('actions.edit')} · ${editing.partnerOrganizationName}`}
          fields={['startsOn', 'endsOn', 'notes']}
          initialValues={{ startsOn: editing.startsOn, endsOn: editing.endsOn, notes: editing.notes }}
          onSubmit={async (values) => {
            await updatePairing(organizationId, editing.id, editing.version, {
              startsOn: values.startsOn,
              endsOn: values.endsOn,
              notes: values.notes,
            });
            await refresh();
          }}
          onReload={() => void refresh()}
          onClose={() => setEditing(undefined)}
        >
          <PairingTermsFields />
        </FormModal>
      )}
    </>
  );
}

function PairingTermsFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('pairings.startsOn')} name="startsOn" required>
        <DateField />
      </Form.Item>
      <Form.Item label={t('pairings.endsOn')} name="endsOn">
        <DateField />
      </Form.Item>
      <Form.Item label={t('pairings.notes')} name="notes">
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
