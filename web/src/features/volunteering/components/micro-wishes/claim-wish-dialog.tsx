import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  claimantKinds,
  claimMicroWish,
  type ClaimMicroWishInput,
  type WishClaimantKind,
} from '@/features/volunteering/api/micro-wishes';
import type { WishDialogProps } from '@/features/volunteering/components/micro-wishes/wish-dialog';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';
import { MemberVolunteerPicker, TeamPicker } from '@/features/volunteering/components/pickers';
import { shanghaiToday } from '@/lib/dates';

interface ClaimForm {
  claimantKind: WishClaimantKind;
  claimantId: string;
  claimedOn: string;
}

/**
 * A member, a team or an organization takes the wish on. If someone else claimed it meanwhile the server says so
 * (wish_already_claimed) above the form.
 */
export function ClaimWishDialog({ wish, onChanged, onClose }: WishDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal<ClaimForm>
      title={`${t('wishes.claimTitle')} · ${wish.description}`}
      fields={['claimantKind', 'claimantId', 'claimedOn']}
      initialValues={{ claimantKind: 'Organization', claimedOn: shanghaiToday() }}
      onSubmit={async ({ claimantKind, claimantId, claimedOn }) => {
        const body: ClaimMicroWishInput = { claimant: { kind: claimantKind, id: claimantId }, claimedOn };
        await claimMicroWish(wish, body);
        await onChanged();
      }}
      onReload={() => void onChanged()}
      onClose={onClose}
    >
      {(form) => (
        <>
          <Form.Item label={t('wishes.claimantKind')} name="claimantKind" required>
            <Select
              aria-label={t('wishes.claimantKind')}
              onChange={() => form.setFieldValue('claimantId', undefined)}
              options={claimantKinds.map((k) => ({ value: k, label: t(`wishes.claimantKinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['claimantKind']}>
            {() =>
              form.getFieldValue('claimantKind') === 'Organization' ? (
                <Form.Item label={t('wishes.claimant')} name="claimantId" required>
                  <OrganizationSelect aria-label={t('wishes.claimant')} />
                </Form.Item>
              ) : form.getFieldValue('claimantKind') === 'Team' ? (
                <Form.Item label={t('wishes.claimant')} name="claimantId" required>
                  <TeamPicker aria-label={t('wishes.claimant')} />
                </Form.Item>
              ) : (
                <Form.Item label={t('wishes.claimant')} name="claimantId" required>
                  <MemberVolunteerPicker aria-label={t('wishes.claimant')} />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item label={t('wishes.claimedOn')} name="claimedOn">
            <DateField />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
