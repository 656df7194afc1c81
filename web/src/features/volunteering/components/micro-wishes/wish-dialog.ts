import type { MicroWish } from '@/features/volunteering/api/micro-wishes';

/** What every step dialog of a wish gets: the wish as listed, a refresh after a change, and closing. */
export interface WishDialogProps {
  wish: MicroWish;
  onChanged: () => Promise<unknown>;
  onClose: () => void;
}
