import { Button, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { confirmMembership, createShareType, type CollectiveDetail } from '@/features/dividends/api/register';
import { useCan } from '@/lib/auth';
import type { components } from '@/types/api';

type Schemas = components['schemas'];

/** Share types with their weights, and the membership confirmations with their 公示 and the assembly's vote. */
export function OverviewTab({ detail, onChanged }: { detail: CollectiveDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const canWrite = useCan('dividends.write');
  const [dialog, setDialog] = useState<'shareType' | 'confirmation'>();
  const id = detail.collective.id;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('dividendScreens.shareTypes')}
          </Typography.Title>
          {canWrite && <Button onClick={() => setDialog('shareType')}>{t('dividendScreens.addShareType')}</Button>}
        </Space>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={detail.shareTypes}
          columns={[
            { title: t('dividends.name'), dataIndex: 'name' },
            {
              title: t('dividends.kind'),
              dataIndex: 'kind',
              render: (kind: Schemas['ShareTypeKind']) => t(`dividendScreens.shareTypeKinds.${kind}`),
            },
            { title: t('dividendScreens.weight'), dataIndex: 'weight', align: 'right' },
          ]}
        />
      </section>
      <section>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('dividendScreens.confirmations')}
          </Typography.Title>
          {canWrite && (
            <Button onClick={() => setDialog('confirmation')}>{t('dividendScreens.confirmMembership')}</Button>
          )}
        </Space>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={detail.confirmations}
          columns={[
            {
              title: t('dividendScreens.plan.notice'),
              render: (_, c) => `${c.noticeFrom} ~ ${c.noticeTo}`,
            },
            { title: t('dividendScreens.assemblyOn'), dataIndex: 'assemblyOn' },
            {
              title: t('dividendScreens.assemblyKind'),
              dataIndex: 'assemblyKind',
              render: (k: Schemas['AssemblyKind']) => t(`dividendScreens.assemblyKinds.${k}`),
            },
            {
              title: t('dividendScreens.present'),
              render: (_, c) => `${c.present}/${c.entitled}`,
            },
            {
              title: `${t('dividendScreens.votesFor')}/${t('dividendScreens.votesAgainst')}`,
              render: (_, c) => `${c.votesFor} / ${c.votesAgainst}`,
            },
            { title: t('dividendScreens.documentRef'), dataIndex: 'documentRef' },
            { title: t('dividendScreens.confirmedMembers'), dataIndex: 'members', align: 'right' },
          ]}
        />
      </section>
      {dialog === 'shareType' && (
        <FormModal<Schemas['CreateShareTypeRequest']>
          title={t('dividendScreens.addShareType')}
          fields={['name', 'kind', 'weight', 'sortOrder']}
          initialValues={{ kind: 'Population', weight: 1 }}
          onSubmit={async (values) => {
            await createShareType(id, values);
            onChanged();
          }}
          onClose={() => setDialog(undefined)}
        >
          <Form.Item name="name" label={t('dividends.name')}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('dividends.kind')}>
            <Select
              options={(['Population', 'LabourAge', 'Capital', 'Other'] as const).map((k) => ({
                value: k,
                label: t(`dividendScreens.shareTypeKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="weight" label={t('dividendScreens.weight')}>
            <InputNumber min={0} step={0.1} style={{ width: '100%' }} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'confirmation' && (
        <FormModal<Schemas['ConfirmMembershipRequest']>
          title={t('dividendScreens.confirmMembership')}
          fields={[
            'noticeFrom',
            'noticeTo',
            'assemblyOn',
            'assemblyKind',
            'entitled',
            'present',
            'votesFor',
            'votesAgainst',
            'documentRef',
          ]}
          initialValues={{ assemblyKind: 'Members' }}
          onSubmit={async (values) => {
            await confirmMembership(id, values);
            onChanged();
          }}
          onClose={() => setDialog(undefined)}
        >
          <Space wrap>
            <Form.Item name="noticeFrom" label={t('dividendScreens.noticeFrom')}>
              <DateField />
            </Form.Item>
            <Form.Item name="noticeTo" label={t('dividendScreens.noticeTo')}>
              <DateField />
            </Form.Item>
            <Form.Item name="assemblyOn" label={t('dividendScreens.assemblyOn')}>
              <DateField />
            </Form.Item>
          </Space>
          <Form.Item name="assemblyKind" label={t('dividendScreens.assemblyKind')}>
            <Select
              options={(['Members', 'Representatives'] as const).map((k) => ({
                value: k,
                label: t(`dividendScreens.assemblyKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Space wrap>
            {(['entitled', 'present', 'votesFor', 'votesAgainst'] as const).map((name) => (
              <Form.Item key={name} name={name} label={t(`dividendScreens.${name}`)}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item name="documentRef" label={t('dividendScreens.documentRef')}>
            <Input />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
