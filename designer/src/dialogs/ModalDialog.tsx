import { useEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  /** The id of the heading that names the dialog. */
  labelledBy: string;
  onClose(): void;
  children: ReactNode;
}

const focusable = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog (the browser's own `<dialog>` shown modally: the page behind is inert). Tab and Shift-Tab go round
 * its controls without leaving it, Escape closes it, and on close the focus goes back to what opened it.
 */
export function ModalDialog({ labelledBy, onClose, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => {
      element?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Tab') return;
        const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)].filter((control) => !control.matches(':disabled') && control.offsetParent !== null);
        const first = controls[0];
        const last = controls.at(-1);
        if (first === undefined || last === undefined) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
    >
      {children}
    </dialog>
  );
}
