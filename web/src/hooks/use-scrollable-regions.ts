import { useEffect, type RefObject } from 'react';

/**
 * A table wider than the screen scrolls inside its card; the keyboard must reach it too (WCAG 2.1.1), so a
 * container that overflows becomes a Tab stop named as a region, and stops being one when it fits again. `ready`
 * turns true once `root` is drawn.
 */
export function useScrollableRegions(root: RefObject<HTMLElement | null>, label: string, ready: boolean): void {
  useEffect(() => {
    const element = root.current;
    if (!element) {
      return;
    }
    let frame = 0;
    const mark = () => {
      frame = 0;
      for (const region of element.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
        if (region.scrollWidth > region.clientWidth + 1) {
          region.tabIndex = 0;
          region.setAttribute('role', 'region');
          region.setAttribute('aria-label', label);
        } else if (region.getAttribute('role') === 'region') {
          region.removeAttribute('tabindex');
          region.removeAttribute('role');
          region.removeAttribute('aria-label');
        }
      }
    };
    const schedule = () => {
      if (!frame) {
        frame = window.requestAnimationFrame(mark);
      }
    };
    const observer = new MutationObserver(schedule);
    observer.observe(element, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame) {
        window.cancelAnimationFrame(frame);
      }
    };
  }, [root, label, ready]);
}
