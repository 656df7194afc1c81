import { Alert, Button, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateField } from '@/components/date-field';
import { ExportButtons } from '@/components/export-buttons';
import { FormModal } from '@/components/form-modal';
import { QueryView } from '@/components/query-view';
import {
  recordShareChange,
  registerHousehold,
  revealMemberData,
  useShareRegister,
  type CollectiveDetail,
  type RegisterHousehold,
  type RegisterMember,
} from '@/features/dividends/api/register';
import { HouseholdStatementDrawer } from '@/features/dividends/components/household-statement-drawer';
import { useCan } from '@/lib/auth';
import { downloadFile, queryString } from '@/lib/download';
import type { components } from '@/types/api';
import { useQueryClient } from '@tanstack/react-query';

type Schemas = components['schemas'];

interface Row extends RegisterMember {
  household: RegisterHousehold;
  first: boolean;
}

interface HouseholdForm {
  number: string;
  address?: string;
  sharesFrom: string;
  confirmationId?: string;
  members: {
    name?: string;
    idNumber?: string;
    relation?: Schemas['HouseholdRelation'];
    bankName?: string;
    bankAccount?: string;
    quantities?: Record<string, number | null>;
  }[];
}

const relations = ['Head', 'Spouse', 'Child', 'Parent', 'Grandchild', 'Sibling', 'Other'] as const;
const changeKinds = ['Inheritance', 'Transfer', 'HouseholdSplit', 'Allotment', 'Cancellation'] as const;

/**
 * The share register as of a day: one row per member, grouped by household, each share type a column. Changes are
 * dated events (never edits): the register of any earlier day is the sum of the events up to it.
 */
export function RegisterTab({ detail }: { detail: CollectiveDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('dividends.write');
  const canReveal = useCan('dividends.reveal-pii');
  const id = detail.collective.id;
  const [asOf, setAsOf] = useState<string>();
  const [q, setQ] = useState<string>();
  const [dialog, setDialog] = useState<'household' | 'change'>();
  const [revealing, setRevealing] = useState<{ member: RegisterMember; field: 'IdNumber' | 'BankAccount' }>();
  const [revealed, setRevealed] = useState<{ name: string; value: string }>();
  const [statementOf, setStatementOf] = useState<string>();
  const register = useShareRegister(id, asOf, q);
  const shareTypes = register.data?.shareTypes ?? detail.shareTypes;
  const rows = useMemo<Row[]>(
    () =>
      (register.data?.households ?? []).flatMap((household) =>
        household.members.map((member, i) => ({ ...member, household, first: i === 0 })),
      ),
    [register.data],
  );
  const members = rows.map((r) => ({ value: r.id, label: `${r.name}（${r.household.number}）` }));
  const refresh = () => void client.invalidateQueries({ queryKey: ['dividends', 'collective', id] });
  const shareColumns = shareTypes.map((type) => ({
    title: type.name,
    key: type.id,
    align: 'right' as const,
    render: (_: unknown, row: Row) => row.shares.find((s) => s.shareTypeId === type.id)?.quantity ?? 0,
  }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <DateField
          aria-label={t('dividendScreens.asOf')}
          placeholder={t('dividendScreens.asOf')}
          value={asOf}
          onChange={setAsOf}
        />
        <Input.Search
          allowClear
          aria-label={t('dividendScreens.registerSearch')}
          placeholder={t('dividendScreens.registerSearch')}
          onSearch={(value) => setQ(value.trim() || undefined)}
          style={{ maxWidth: 260 }}
        />
        {canWrite && (
          <Button type="primary" onClick={() => setDialog('household')}>
            {t('dividendScreens.registerHousehold')}
          </Button>
        )}
        {canWrite && <Button onClick={() => setDialog('change')}>{t('dividendScreens.recordChange')}</Button>}
        <ExportButtons
          onExport={(format) =>
            downloadFile(
              `/api/v1/dividends/collectives/${id}/register/export?${queryString({ asOf, q, format })}`,
              `share-register.${format.toLowerCase()}`,
            )
          }
        />
      </Space>
      <QueryView query={register}>
        {register.data && (
          <Typography.Text type="secondary">
            {t('dividendScreens.asOf')}：{register.data.asOf} · {t('dividendScreens.totals')}：
            {register.data.totals
              .map((total) => `${shareTypes.find((s) => s.id === total.shareTypeId)?.name ?? ''} ${total.quantity}`)
              .join('，')}
          </Typography.Text>
        )}
        <Table<Row>
          rowKey="id"
          size="small"
          loading={register.isFetching}
          dataSource={rows}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            {
              title: t('dividendScreens.householdNo'),
              key: 'household',
              render: (_, row) =>
                row.first ? (
                  <Space direction="vertical" size={0}>
                    <span>{row.household.number}</span>
                    <Button
                      size="small"
                      type="link"
                      style={{ padding: 0 }}
                      aria-label={`${row.household.number} ${t('dividendPayouts.statement')}`}
                      onClick={() => setStatementOf(row.household.id)}
                    >
                      {t('dividendPayouts.statement')}
                    </Button>
                    <Link
                      to={`/dividends/households/${row.household.id}/certificate${asOf ? `?asOf=${asOf}` : ''}`}
                      aria-label={`${row.household.number} ${t('dividendFinish.certificate.button')}`}
                    >
                      {t('dividendFinish.certificate.button')}
                    </Link>
                  </Space>
                ) : (
                  ''
                ),
            },
            { title: t('dividendScreens.memberName'), dataIndex: 'name' },
            {
              title: t('dividendScreens.relation'),
              dataIndex: 'relation',
              render: (r: Schemas['HouseholdRelation']) => t(`dividendScreens.relations.${r}`),
            },
            {
              title: t('dividendScreens.idNumber'),
              key: 'idNumber',
              render: (_, row) => (
                <Space size={4}>
                  <span>{row.idNumberMasked}</span>
                  {canReveal && (
                    <Button size="small" type="link" onClick={() => setRevealing({ member: row, field: 'IdNumber' })}>
                      {t('dividendScreens.reveal')}
                    </Button>
                  )}
                </Space>
              ),
            },
            {
              title: t('dividendScreens.bankAccount'),
              key: 'bank',
              render: (_, row) => (row.bankAccountMasked ? `${row.bankName ?? ''} ${row.bankAccountMasked}` : '—'),
            },
            {
              title: t('dividendScreens.status'),
              dataIndex: 'status',
              render: (s: Schemas['CollectiveMemberStatus']) => t(`dividendScreens.memberStatuses.${s}`),
            },
            ...shareColumns,
          ]}
        />
      </QueryView>
      {statementOf && <HouseholdStatementDrawer householdId={statementOf} onClose={() => setStatementOf(undefined)} />}
      {revealed && (
        <Alert
          type="info"
          closable
          onClose={() => setRevealed(undefined)}
          title={`${revealed.name}：${revealed.value}`}
        />
      )}
      {revealing && (
        <FormModal<{ reason: string }>
          title={`${t('dividendScreens.reveal')} · ${revealing.member.name}`}
          fields={['reason']}
          onSubmit={async ({ reason }) => {
            const data = await revealMemberData(revealing.member.id, revealing.field, reason);
            setRevealed({ name: revealing.member.name, value: data.value ?? '' });
          }}
          onClose={() => setRevealing(undefined)}
        >
          <Form.Item name="reason" label={t('dividendScreens.revealReason')}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'household' && (
        <FormModal<HouseholdForm>
          title={t('dividendScreens.registerHousehold')}
          fields={['number', 'address', 'sharesFrom', 'confirmationId', 'members']}
          initialValues={{
            confirmationId: detail.confirmations[0]?.id,
            members: [{ relation: 'Head' }],
          }}
          onSubmit={async (values) => {
            await registerHousehold(id, {
              number: values.number,
              address: values.address,
              sharesFrom: values.sharesFrom,
              confirmationId: values.confirmationId,
              members: (values.members ?? []).map(({ quantities, ...member }) => ({
                ...member,
                shares: Object.entries(quantities ?? {})
                  .filter(([, quantity]) => quantity)
                  .map(([shareTypeId, quantity]) => ({ shareTypeId, quantity })),
              })),
            });
            refresh();
          }}
          onClose={() => setDialog(undefined)}
        >
          <Space wrap>
            <Form.Item name="number" label={t('dividendScreens.householdNo')}>
              <Input />
            </Form.Item>
            <Form.Item name="sharesFrom" label={t('dividendScreens.sharesFrom')}>
              <DateField />
            </Form.Item>
          </Space>
          <Form.Item name="address" label={t('dividendScreens.address')}>
            <Input />
          </Form.Item>
          <Form.Item name="confirmationId" label={t('dividendScreens.confirmation')}>
            <Select
              allowClear
              options={detail.confirmations.map((c) => ({
                value: c.id,
                label: `${c.assemblyOn} ${t(`dividendScreens.assemblyKinds.${c.assemblyKind}`)}`,
              }))}
            />
          </Form.Item>
          <Form.Item label={t('dividendScreens.members')} name="members">
            <Form.List name="members">
              {(fields, { add, remove }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((field) => (
                    <fieldset key={field.key} style={{ border: '1px solid #f0f0f0', padding: 8, borderRadius: 6 }}>
                      <Space wrap align="start">
                        <Form.Item name={[field.name, 'name']} label={t('dividendScreens.memberName')}>
                          <Input />
                        </Form.Item>
                        <Form.Item name={[field.name, 'relation']} label={t('dividendScreens.relation')}>
                          <Select
                            style={{ width: 120 }}
                            options={relations.map((r) => ({ value: r, label: t(`dividendScreens.relations.${r}`) }))}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'idNumber']} label={t('dividendScreens.idNumber')}>
                          <Input autoComplete="off" />
                        </Form.Item>
                        <Form.Item name={[field.name, 'bankName']} label={t('dividendScreens.bankName')}>
                          <Input />
                        </Form.Item>
                        <Form.Item name={[field.name, 'bankAccount']} label={t('dividendScreens.bankAccount')}>
                          <Input autoComplete="off" />
                        </Form.Item>
                        {shareTypes.map((type) => (
                          <Form.Item key={type.id} name={[field.name, 'quantities', type.id]} label={type.name}>
                            <InputNumber min={0} precision={0} />
                          </Form.Item>
                        ))}
                      </Space>
                      {fields.length > 1 && (
                        <Button size="small" danger onClick={() => remove(field.name)}>
                          {t('dividendScreens.removeMember')}
                        </Button>
                      )}
                    </fieldset>
                  ))}
                  <Button onClick={() => add({ relation: 'Child' })}>{t('dividendScreens.addMember')}</Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'change' && (
        <FormModal<Schemas['RecordShareChangeRequest']>
          title={t('dividendScreens.recordChange')}
          fields={['kind', 'effectiveOn', 'reason', 'documentRef', 'lines', 'deceasedMemberId', 'newHousehold']}
          initialValues={{ kind: 'Transfer', lines: [{}, {}] }}
          onSubmit={async (values) => {
            await recordShareChange(id, values);
            refresh();
          }}
          onClose={() => setDialog(undefined)}
        >
          {(form) => <ShareChangeFields form={form} members={members} shareTypes={shareTypes} />}
        </FormModal>
      )}
    </Space>
  );
}

function ShareChangeFields({
  form,
  members,
  shareTypes,
}: {
  form: Parameters<typeof Form.useWatch>[1];
  members: { value: string; label: string }[];
  shareTypes: Schemas['ShareTypeResponse'][];
}) {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind', form) as Schemas['ShareChangeKind'] | undefined;
  return (
    <>
      <Space wrap>
        <Form.Item name="kind" label={t('dividendScreens.changeKind')}>
          <Select
            style={{ width: 160 }}
            options={changeKinds.map((k) => ({ value: k, label: t(`dividendScreens.changeKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('dividendScreens.effectiveOn')}>
          <DateField />
        </Form.Item>
      </Space>
      <Form.Item name="reason" label={t('dividendScreens.reason')}>
        <Input />
      </Form.Item>
      <Form.Item name="documentRef" label={t('dividendScreens.documentRef')}>
        <Input />
      </Form.Item>
      {kind === 'Inheritance' && (
        <Form.Item name="deceasedMemberId" label={t('dividendScreens.deceased')}>
          <Select showSearch optionFilterProp="label" options={members} />
        </Form.Item>
      )}
      {kind === 'HouseholdSplit' ? (
        <Form.Item name="newHousehold" label={t('dividendScreens.changeKinds.HouseholdSplit')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Form.Item name={['newHousehold', 'number']} label={t('dividendScreens.newHouseholdNo')} noStyle={false}>
              <Input />
            </Form.Item>
            <Form.Item name={['newHousehold', 'address']} label={t('dividendScreens.address')}>
              <Input />
            </Form.Item>
            <Form.Item name={['newHousehold', 'memberIds']} label={t('dividendScreens.splitMembers')}>
              <Select mode="multiple" optionFilterProp="label" options={members} />
            </Form.Item>
            <Form.Item name={['newHousehold', 'headMemberId']} label={t('dividendScreens.newHead')}>
              <Select showSearch optionFilterProp="label" options={members} />
            </Form.Item>
          </Space>
        </Form.Item>
      ) : (
        <Form.Item label={t('dividendScreens.lines')} name="lines">
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field) => (
                  <Space key={field.key} wrap align="start">
                    <Form.Item name={[field.name, 'memberId']} label={t('dividendScreens.member')}>
                      <Select showSearch optionFilterProp="label" options={members} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'shareTypeId']} label={t('dividendScreens.shareType')}>
                      <Select
                        options={shareTypes.map((s) => ({ value: s.id, label: s.name }))}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'delta']} label={t('dividendScreens.delta')}>
                      <InputNumber precision={0} />
                    </Form.Item>
                    <Button size="small" onClick={() => remove(field.name)}>
                      {t('dividendScreens.removeMember')}
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({})}>{t('dividendScreens.addLine')}</Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
      )}
    </>
  );
}
