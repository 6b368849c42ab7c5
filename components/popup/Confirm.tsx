import { useEffect, useRef } from 'react';

export interface ConfirmProps {
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An inline "are you sure": focus lands on the safe choice. */
export function Confirm({ message, confirmLabel, cancelLabel, busy, onConfirm, onCancel }: ConfirmProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <fieldset className="tl-confirm">
      <legend>{message}</legend>
      <div className="tl-actions">
        <button type="button" className="tl-primary" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancelRef} disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </fieldset>
  );
}
