import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  /** The accessible name: the id of the dialog's heading. */
  labelledBy: string;
  /** Escape and a click on the backdrop close it; absent, the dialog cannot be dismissed. */
  onClose?: () => void;
  /** `alertdialog` for an interruption the user must answer (the session has ended). */
  role?: 'dialog' | 'alertdialog';
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A native `<dialog>` opened with `showModal()` while mounted: the browser moves focus into it, keeps
 * it there (the page behind is inert), and shows it above everything. No hand-written focus trap,
 * nothing the strict CSP would refuse. On unmount it gives focus back to the control that opened it,
 * which a dialog removed by React (rather than closed) would not otherwise get.
 */
export function ModalDialog({ labelledBy, onClose, role, className, testId, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // Escape asks to close: the owner decides (its state unmounts this), or nothing happens.
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current?.();
    };
    // Chrome closes a dialog anyway on a second Escape with no click between: one that may not be
    // dismissed opens again, so the page behind never becomes usable in a state that forbids it.
    const onNativeClose = () => {
      if (dialog.isConnected && !onCloseRef.current) dialog.showModal();
      else onCloseRef.current?.();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    // A click on the backdrop lands on the <dialog> itself (its content fills it): that closes it, as
    // the overlay did before. Keyboard users have Escape and the Close button.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={labelledBy}
      aria-modal="true"
      data-testid={testId}
      className={`m-auto max-h-[90vh] overflow-hidden rounded-lg border bg-slate-900 p-0 text-slate-100 backdrop:bg-black/70 ${className ?? 'border-slate-600'}`}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose?.();
      }}
    >
      {children}
    </dialog>
  );
}
