import { Button, Card, Col, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMembers, type MemberStage } from '@/features/members/api/members';
import { QueryView } from '@/components/query-view';

const boardStages: MemberStage[] = ['Applicant', 'Activist', 'Candidate', 'Probationary'];

function StageColumn({ stage, onOpen }: { stage: MemberStage; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const members = useMembers(
    { stage, status: 'Active', includeDescendants: true },
    { page: 1, pageSize: 30, sort: 'createdAt' },
  );
  return (
    <Card
      size="small"
      title={
        <>
          {t(`members.stages.${stage}`)} <Tag>{members.data?.total ?? '…'}</Tag>
        </>
      }
    >
      <QueryView query={members}>
        <List
          size="small"
          loading={members.isLoading}
          dataSource={members.data?.items ?? []}
          renderItem={(m) => (
            <List.Item>
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(m.id)}>
                {m.name}
              </Button>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 140 }}>
                {m.organizationName}
              </Typography.Text>
            </List.Item>
          )}
          footer={
            members.data && members.data.total > members.data.items.length
              ? t('board.more', { count: members.data.total - members.data.items.length })
              : undefined
          }
        />
      </QueryView>
    </Card>
  );
}

/** The development pipeline by stage: who is where, oldest first; a name opens the person's timeline. */
export function PipelineBoard({ onOpen }: { onOpen: (id: string) => void }) {
  return (
    <Row gutter={[12, 12]}>
      {boardStages.map((stage) => (
        <Col key={stage} xs={24} md={12} xl={6}>
          <StageColumn stage={stage} onOpen={onOpen} />
        </Col>
      ))}
    </Row>
  );
}
