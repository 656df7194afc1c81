import type { ComponentType } from 'react';
import type { Member } from '@/features/members/api/members';

/** What a member's dialog gets from the drawer. */
export interface MemberDialogProps {
  member: Member;
  /** The version the drawer read, for If-Match. */
  etag: string;
  /** Reads the member again: after a change, or after a 412 to redo it on fresh data. */
  reload: () => Promise<unknown>;
  /** Tells the list behind the drawer that the member changed. */
  onChanged: () => Promise<void>;
  onClose: () => void;
}

/** A button in the member drawer's header and the dialog it opens; the drawer offers it to writers only. */
export interface MemberAction {
  key: string;
  /** The button's text, an i18n key. */
  label: string;
  danger?: boolean;
  /** Whether the member's state allows it (the server refuses the others anyway). */
  offered: (member: Member) => boolean;
  Dialog: ComponentType<MemberDialogProps>;
}
