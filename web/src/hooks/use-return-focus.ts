import { useRef } from 'react';

/**
 * Gives focus back to the element that opened a drawer or dialog when it closes (WCAG 2.4.3): the overlay's own
 * restore cannot run when the overlay is removed with its content. `capture()` when opening, `restore()` on close.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    capture: () => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    restore: () => {
      const element = opener.current;
      opener.current = null;
      // After the overlay has let go of focus.
      window.setTimeout(() => element?.isConnected && element.focus(), 0);
    },
  };
}
