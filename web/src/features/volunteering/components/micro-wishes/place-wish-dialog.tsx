import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { placeMicroWish, wishKinds, type PlaceMicroWishInput } from '@/features/volunteering/api/micro-wishes';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';
import { shanghaiToday } from '@/lib/dates';

/** A resident's wish as the community collected it; the name and phone are stored encrypted and shown masked. */
export function PlaceWishDialog({ onChanged, onClose }: { onChanged: () => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<PlaceMicroWishInput>
      title={t('wishes.placeTitle')}
      fields={[
        'organizationId',
        'kind',
        'description',
        'estimatedValue',
        'personName',
        'personPhone',
        'beneficiaryMemberId',
        'placedOn',
      ]}
      initialValues={{ kind: 'ChildLeftBehind', placedOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await placeMicroWish(values);
        await onChanged();
      }}
      onClose={onClose}
    >
      <Form.Item label={t('wishes.community')} name="organizationId" required>
        <OrganizationSelect aria-label={t('wishes.community')} />
      </Form.Item>
      <Form.Item label={t('wishes.kind')} name="kind" required>
        <Select
          aria-label={t('wishes.kind')}
          options={wishKinds.map((k) => ({ value: k, label: t(`wishes.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('wishes.description')} name="description" required extra={t('wishes.descriptionHint')}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('wishes.estimatedValue')}
        name="estimatedValue"
        required
        extra={t('wishes.estimatedValueHint')}
      >
        <InputNumber min={0.01} step={10} precision={2} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('wishes.personName')} name="personName" required extra={t('wishes.personHint')}>
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('wishes.personPhone')} name="personPhone">
        <Input maxLength={20} autoComplete="off" inputMode="tel" />
      </Form.Item>
      <Form.Item label={t('wishes.placedOn')} name="placedOn">
        <DateField />
      </Form.Item>
    </FormModal>
  );
}
