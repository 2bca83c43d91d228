import { useEffect } from 'react';
import { isShortcutKey } from '../queue/queue-walk.ts';

/** `L` opens the contact log (新添联系) wherever a customer is on screen, unless the rep is typing in a field. */
export function useLogContactKey(open: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutKey({ ...pick(event), target: event.target as HTMLElement | null }, 'l')) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, enabled]);
}

const pick = ({ key, ctrlKey, metaKey, altKey }: KeyboardEvent) => ({ key, ctrlKey, metaKey, altKey });
