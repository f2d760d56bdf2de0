import { useEffect } from 'preact/hooks';

export interface ToastMessage {
  id: number;
  text: string;
  /** Offered for `ms`, then the toast goes and the action with it. */
  undo?: () => void | Promise<void>;
  ms?: number;
}

export const UNDO_MS = 8000;

export function Toast({ toast, onClose }: { toast: ToastMessage | null; onClose(): void }) {
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(onClose, toast.ms ?? UNDO_MS);
    return () => clearTimeout(t);
  }, [toast]);
  if (!toast) return null;
  return (
    <div class="toast" role="status" data-testid="toast">
      <span>{toast.text}</span>
      {toast.undo && (
        <button
          type="button"
          data-testid="toast-undo"
          onClick={async () => {
            onClose();
            await toast.undo!();
          }}
        >
          Undo
        </button>
      )}
      <button type="button" class="quiet" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
