import { Alert, Button, Drawer, Grid, Space, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMember, type RevealableField } from '@/features/members/api/members';
import { HardshipsPanel } from '@/features/members/components/hardships-panel';
import type { MemberAction } from '@/features/members/components/member-drawer/member-action';
import { memberActions } from '@/features/members/components/member-drawer/member-actions';
import { RecordTab } from '@/features/members/components/member-drawer/record-tab';
import { RevealDialog, revealedLabel } from '@/features/members/components/member-drawer/reveal-dialog';
import { PipelinePanel } from '@/features/members/components/pipeline-panel';
import { LoadFailure } from '@/components/result-pages';
import { useCan } from '@/lib/auth';

interface Props {
  memberId: string;
  onClose: () => void;
  onChanged: () => Promise<void>;
}

/**
 * One member, personal data masked; "reveal" asks for a reason and shows the whole value once. The header's actions
 * (member-drawer/member-actions.ts) and the tabs are each their own file.
 */
export function MemberDrawer({ memberId, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const query = useMember(memberId);
  const canWrite = useCan('members.write');
  const canReveal = useCan('members.reveal-pii');
  const [action, setAction] = useState<MemberAction>();
  const [revealing, setRevealing] = useState<RevealableField>();
  const [revealed, setRevealed] = useState<{ field: RevealableField; value: string | null }>();
  const m = query.data?.member;
  const ActionDialog = action?.Dialog;
  // On a phone the header has no room beside the name: the actions wrap above the tabs instead.
  const wide = Grid.useBreakpoint().md ?? true;
  const actions = m && canWrite && (
    <Space wrap style={wide ? undefined : { marginBottom: 12 }}>
      {memberActions
        .filter((a) => a.offered(m))
        .map((a) => (
          <Button key={a.key} danger={a.danger} onClick={() => setAction(a)}>
            {t(a.label)}
          </Button>
        ))}
    </Space>
  );

  return (
    <Drawer
      open
      size={wide ? 'large' : '100%'}
      onClose={onClose}
      title={m ? `${m.name} · ${t(`members.stages.${m.stage}`)}` : t('members.title')}
      extra={wide && actions}
    >
      {query.isError ? (
        <LoadFailure error={query.error} />
      ) : !m ? (
        <Spin />
      ) : (
        <>
          {!wide && actions}
          {revealed && (
            <Alert
              type="warning"
              showIcon
              closable
              onClose={() => setRevealed(undefined)}
              style={{ marginBottom: 12 }}
              title={`${t(revealedLabel(revealed.field))}：${revealed.value ?? '—'}`}
              description={t('members.revealedNote')}
            />
          )}
          <Tabs
            items={[
              {
                key: 'record',
                label: t('members.record'),
                children: <RecordTab member={m} onReveal={canReveal ? setRevealing : undefined} />,
              },
              { key: 'pipeline', label: t('pipeline.title'), children: <PipelinePanel memberId={m.id} /> },
              { key: 'hardships', label: t('hardships.title'), children: <HardshipsPanel memberId={m.id} /> },
            ]}
          />
        </>
      )}
      {ActionDialog && m && query.data && (
        <ActionDialog
          member={m}
          etag={query.data.etag}
          reload={query.refetch}
          onChanged={onChanged}
          onClose={() => setAction(undefined)}
        />
      )}
      {revealing && m && (
        <RevealDialog
          memberId={m.id}
          field={revealing}
          onRevealed={(value) => setRevealed({ field: revealing, value })}
          onClose={() => setRevealing(undefined)}
        />
      )}
    </Drawer>
  );
}
