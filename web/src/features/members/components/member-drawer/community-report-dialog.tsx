import { App as AntApp, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportToCommunity, type ReportToCommunityInput } from '@/features/members/api/community-reports';
import type { MemberAction, MemberDialogProps } from '@/features/members/components/member-drawer/member-action';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';
import { shanghaiToday } from '@/lib/dates';

/** 双报到: the member reports to the community where they live. */
function CommunityReportDialog({ member, onChanged, onClose }: MemberDialogProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <FormModal<ReportToCommunityInput>
      title={`${t('communityReports.report')} · ${member.name}`}
      fields={['communityOrganizationId', 'reportedOn']}
      initialValues={{ reportedOn: shanghaiToday() }}
      onSubmit={async (values) => {
        const report = await reportToCommunity(member.id, values);
        void message.success(t('communityReports.reported', { community: report.communityName }));
        await onChanged();
      }}
      onClose={onClose}
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
  );
}

export const reportToCommunityAction: MemberAction = {
  key: 'community-report',
  label: 'communityReports.report',
  // 双报到 is for members in service; the server refuses the others (409 not_in_service).
  offered: (member) => member.status === 'Active' && member.category === 'InService',
  Dialog: CommunityReportDialog,
};
