import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  Space,
  Spin,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportToCommunity, type ReportToCommunityInput } from '@/features/members/api/community-reports';
import {
  recordDeath,
  revealMemberData,
  updateMember,
  useMember,
  type RecordDeathInput,
  type RevealableField,
} from '@/features/members/api/members';
import { transferMember } from '@/features/members/api/transfers';
import { HardshipsPanel } from '@/features/members/components/hardships-panel';
import { MemberForm } from '@/features/members/components/member-form';
import { PipelinePanel } from '@/features/members/components/pipeline-panel';
import { FormModal } from '@/components/form-modal';
import { LoadFailure } from '@/components/result-pages';
import { OrganizationSelect } from '@/components/organization-select';
import { useCan } from '@/lib/auth';
import { shanghaiToday } from '@/lib/dates';
import { DateField } from '@/components/date-field';

interface Props {
  memberId: string;
  onClose: () => void;
  onChanged: () => Promise<void>;
}

/** One member, personal data masked; "reveal" asks for a reason and shows the whole value once. */
export function MemberDrawer({ memberId, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const query = useMember(memberId);
  const canWrite = useCan('members.write');
  const canReveal = useCan('members.reveal-pii');
  const [editing, setEditing] = useState(false);
  const [revealing, setRevealing] = useState<RevealableField>();
  const [transferring, setTransferring] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [recordingDeath, setRecordingDeath] = useState(false);
  const [revealed, setRevealed] = useState<{ field: RevealableField; value: string | null }>();
  const m = query.data?.member;

  const revealButton = (field: RevealableField) =>
    canReveal && (
      <Button size="small" type="link" onClick={() => setRevealing(field)}>
        {t('members.reveal')}
      </Button>
    );

  return (
    <Drawer
      open
      size="large"
      onClose={onClose}
      title={m ? `${m.name} · ${t(`members.stages.${m.stage}`)}` : t('members.title')}
      extra={
        m &&
        canWrite && (
          <Space>
            <Button onClick={() => setEditing(true)}>{t('actions.edit')}</Button>
            {m.status === 'Active' && (
              <Button onClick={() => setTransferring(true)}>{t('transfers.transferOut')}</Button>
            )}
            {/* 双报到 is for members in service; the server refuses the others (409 not_in_service). */}
            {m.status === 'Active' && m.category === 'InService' && (
              <Button onClick={() => setReporting(true)}>{t('communityReports.report')}</Button>
            )}
            {m.status === 'Active' && (
              <Button danger onClick={() => setRecordingDeath(true)}>
                {t('members.recordDeath')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {query.isError ? (
        <LoadFailure error={query.error} />
      ) : !m ? (
        <Spin />
      ) : (
        <>
          {revealed && (
            <Alert
              type="warning"
              showIcon
              closable
              onClose={() => setRevealed(undefined)}
              style={{ marginBottom: 12 }}
              title={`${t(revealed.field === 'IdNumber' ? 'members.idNumber' : 'members.phone')}：${revealed.value ?? '—'}`}
              description={t('members.revealedNote')}
            />
          )}
          <Tabs
            items={[
              {
                key: 'record',
                label: t('members.record'),
                children: (
                  <Descriptions
                    column={1}
                    bordered
                    size="small"
                    styles={{ label: { whiteSpace: 'nowrap', width: 140 } }}
                  >
                    <Descriptions.Item label={t('members.organization')}>{m.organizationName}</Descriptions.Item>
                    <Descriptions.Item label={t('members.idNumber')}>
                      <Space>
                        {m.idNumber}
                        {revealButton('IdNumber')}
                      </Space>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.phone')}>
                      <Space>
                        {m.phone ?? '—'}
                        {m.phone && revealButton('Phone')}
                      </Space>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.gender')}>
                      {t(`members.genders.${m.gender}`)} · {m.birthDate} · {t('members.ageYears', { count: m.age })}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.ethnicity')}>{m.ethnicity ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('members.education')}>
                      {m.education ? t(`members.educations.${m.education}`) : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.occupation')}>{m.occupation ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('members.category')}>
                      {t(`members.categories.${m.category}`)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.status')}>
                      <Tag>{t(`members.statuses.${m.status}`)}</Tag>
                      {m.diedOn && ` ${m.diedOn}`}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.joinedOn')}>{m.joinedOn ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('members.fullMemberOn')}>
                      {m.fullMemberOn ?? '—'}
                      {m.partyStandingYears !== null &&
                        m.partyStandingYears !== undefined &&
                        ` · ${t('members.standingYears', { count: m.partyStandingYears })}`}
                    </Descriptions.Item>
                  </Descriptions>
                ),
              },
              { key: 'pipeline', label: t('pipeline.title'), children: <PipelinePanel memberId={m.id} /> },
              { key: 'hardships', label: t('hardships.title'), children: <HardshipsPanel memberId={m.id} /> },
            ]}
          />
        </>
      )}
      {editing && m && query.data && (
        <MemberForm
          member={m}
          onSubmit={async (values) => {
            await updateMember(m.id, query.data.etag, values);
            await query.refetch();
            await onChanged();
          }}
          onReload={() => void query.refetch()}
          onClose={() => setEditing(false)}
        />
      )}
      {transferring && m && (
        <FormModal<{
          toOrganizationId?: string;
          toExternal?: string;
          letterNumber: string;
          issuedOn?: string;
          acrossProvinces?: boolean;
        }>
          title={`${t('transfers.transferOut')} · ${m.name}`}
          fields={['toOrganizationId', 'toExternal', 'letterNumber', 'issuedOn', 'acrossProvinces']}
          onSubmit={async (values) => {
            await transferMember(m.id, values);
            await onChanged();
          }}
          onClose={() => setTransferring(false)}
        >
          <Form.Item label={t('transfers.toOrganization')} name="toOrganizationId">
            <OrganizationSelect aria-label={t('transfers.toOrganization')} scope="all" />
          </Form.Item>
          <Form.Item label={t('transfers.toExternal')} name="toExternal" extra={t('transfers.toExternalHint')}>
            <Input />
          </Form.Item>
          <Form.Item label={t('transfers.letter')} name="letterNumber" required>
            <Input />
          </Form.Item>
          <Form.Item label={t('transfers.issuedOn')} name="issuedOn">
            <DateField />
          </Form.Item>
          <Form.Item name="acrossProvinces" valuePropName="checked" extra={t('transfers.acrossProvincesHint')}>
            <Checkbox>{t('transfers.acrossProvinces')}</Checkbox>
          </Form.Item>
        </FormModal>
      )}
      {recordingDeath && m && query.data && (
        <FormModal<RecordDeathInput>
          title={`${t('members.recordDeath')} · ${m.name}`}
          fields={['diedOn']}
          okText={t('members.recordDeath')}
          onSubmit={async (values) => {
            await recordDeath(m.id, query.data.etag, values);
            await query.refetch();
            await onChanged();
          }}
          onReload={() => void query.refetch()}
          onClose={() => setRecordingDeath(false)}
        >
          <Alert type="info" showIcon title={t('members.recordDeathNote')} style={{ marginBottom: 12 }} />
          <Form.Item label={t('members.diedOn')} name="diedOn" required>
            <DateField />
          </Form.Item>
        </FormModal>
      )}
      {reporting && m && (
        <FormModal<ReportToCommunityInput>
          title={`${t('communityReports.report')} · ${m.name}`}
          fields={['communityOrganizationId', 'reportedOn']}
          initialValues={{ reportedOn: shanghaiToday() }}
          onSubmit={async (values) => {
            const report = await reportToCommunity(m.id, values);
            void message.success(t('communityReports.reported', { community: report.communityName }));
            await onChanged();
          }}
          onClose={() => setReporting(false)}
        >
          {/* The residence community may be in any region: the names-only directory, as for a transfer letter. */}
          <Form.Item
            label={t('communityReports.community')}
            name="communityOrganizationId"
            required
            extra={t('communityReports.communityHint')}
          >
            <OrganizationSelect aria-label={t('communityReports.community')} scope="all" />
          </Form.Item>
          <Form.Item label={t('communityReports.reportedOn')} name="reportedOn" required>
            <DateField />
          </Form.Item>
        </FormModal>
      )}
      {revealing && m && (
        <FormModal<{ reason: string }>
          title={t('members.revealTitle', {
            field: t(revealing === 'IdNumber' ? 'members.idNumber' : 'members.phone'),
          })}
          fields={['reason']}
          okText={t('members.reveal')}
          onSubmit={async ({ reason }) =>
            setRevealed({ field: revealing, value: await revealMemberData(m.id, revealing, reason ?? '') })
          }
          onClose={() => setRevealing(undefined)}
        >
          <Alert type="info" showIcon title={t('members.revealAudited')} style={{ marginBottom: 12 }} />
          <Form.Item label={t('members.revealReason')} name="reason" required>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </Drawer>
  );
}
