import { Alert, Modal, Tree } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationTreeState } from '@/features/organizations/components/use-organization-tree';
import { ApiError } from '@/lib/problem';

interface Props {
  tree: OrganizationTreeState;
  onMove: (newParentId: string) => Promise<void>;
  onClose: () => void;
}

/**
 * Picks the new parent in the same lazily loaded tree, opened as
 * the main tree is; the server refuses a cycle with its own message.
 */
export function MoveOrganizationDialog({ tree, onMove, onClose }: Props) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [moving, setMoving] = useState(false);

  async function move() {
    if (!target) {
      setProblem(t('move.choose'));
      return;
    }
    setMoving(true);
    setProblem(undefined);
    try {
      await onMove(target);
      onClose();
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 412
          ? t('errors.conflict')
          : error instanceof Error
            ? error.message
            : t('errors.generic'),
      );
    } finally {
      setMoving(false);
    }
  }

  return (
    <Modal
      open
      title={t('move.title')}
      onOk={() => void move()}
      onCancel={onClose}
      confirmLoading={moving}
      okText={t('move.submit')}
      cancelText={t('form.cancel')}
    >
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
      <Tree
        treeData={tree.nodes}
        loadData={(node) => tree.loadChildren(node.key)}
        loadedKeys={tree.loadedKeys}
        defaultExpandedKeys={tree.expanded}
        onSelect={(keys) => setTarget(keys[0] as string | undefined)}
        aria-label={t('move.title')}
      />
    </Modal>
  );
}
