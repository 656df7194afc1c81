import { Button, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member, RevealableField } from '@/features/members/api/members';

interface Props {
  member: Member;
  /** Absent for a caller who may not reveal personal data. */
  onReveal?: (field: RevealableField) => void;
}

/** The member's record, personal data masked, each masked value with its "reveal" link. */
export function RecordTab({ member: m, onReveal }: Props) {
  const { t } = useTranslation();
  const revealButton = (field: RevealableField) =>
    onReveal && (
      <Button size="small" type="link" onClick={() => onReveal(field)}>
        {t('members.reveal')}
      </Button>
    );
  return (
    <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap', width: 140 } }}>
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
      <Descriptions.Item label={t('members.category')}>{t(`members.categories.${m.category}`)}</Descriptions.Item>
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
  );
}
