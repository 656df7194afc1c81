import { reportToCommunityAction } from '@/features/members/components/member-drawer/community-report-dialog';
import { recordDeathAction } from '@/features/members/components/member-drawer/death-dialog';
import { editMember } from '@/features/members/components/member-drawer/edit-member-dialog';
import type { MemberAction } from '@/features/members/components/member-drawer/member-action';
import { transferOut } from '@/features/members/components/member-drawer/transfer-dialog';

/** The drawer's header buttons, in this order: a new action is its own dialog file and one line here. */
export const memberActions: MemberAction[] = [editMember, transferOut, reportToCommunityAction, recordDeathAction];
