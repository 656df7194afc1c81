import { updateMember } from '@/features/members/api/members';
import type { MemberAction, MemberDialogProps } from '@/features/members/components/member-drawer/member-action';
import { MemberForm } from '@/features/members/components/member-form';

/** The member's record, edited with the version read. */
function EditMemberDialog({ member, etag, reload, onChanged, onClose }: MemberDialogProps) {
  return (
    <MemberForm
      member={member}
      onSubmit={async (values) => {
        await updateMember(member.id, etag, values);
        await reload();
        await onChanged();
      }}
      onReload={() => void reload()}
      onClose={onClose}
    />
  );
}

export const editMember: MemberAction = {
  key: 'edit',
  label: 'actions.edit',
  offered: () => true,
  Dialog: EditMemberDialog,
};
