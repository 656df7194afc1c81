import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** 一星 … 五星, as a tag whose colour deepens with the level; none yet is plain. */
export function StarTag({ level }: { level: number }) {
  const { t } = useTranslation();
  const names = t('volunteerHours.stars', { returnObjects: true }) as string[];
  const colors = ['default', 'gold', 'orange', 'volcano', 'red', 'magenta'];
  return <Tag color={colors[level] ?? 'default'}>{`${'★'.repeat(level)} ${names[level] ?? ''}`.trim()}</Tag>;
}
