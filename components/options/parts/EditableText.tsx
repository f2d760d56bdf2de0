import { useEffect, useRef, useState } from 'preact/hooks';

/** Text that turns into a field on click; Enter or leaving the field saves, Escape cancels. */
export function EditableText({
  value,
  onSave,
  placeholder,
  label,
  multiline = false,
  testid,
}: {
  value: string;
  onSave(next: string): void | Promise<void>;
  placeholder: string;
  label: string;
  multiline?: boolean;
  testid?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // Enter closes the field, and some browsers then also send blur: save once per edit.
  const finished = useRef(false);

  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);

  if (!editing) {
    return (
      <button
        type="button"
        class={value ? 'editable' : 'editable empty'}
        title={`Edit ${label}`}
        data-testid={testid}
        onClick={() => {
          setDraft(value);
          finished.current = false;
          setEditing(true);
        }}
      >
        {value || placeholder}
      </button>
    );
  }

  const finish = async (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    setEditing(false);
    if (save && draft !== value) await onSave(draft);
  };
  const props = {
    ref: field,
    value: draft,
    'aria-label': label,
    'data-testid': testid ? `${testid}-input` : undefined,
    onInput: (e: Event) => setDraft((e.currentTarget as HTMLInputElement).value),
    onBlur: () => void finish(true),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        void finish(false);
      } else if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        void finish(true);
      }
    },
  };
  return multiline ? (
    <textarea class="edit-field" rows={3} {...props} />
  ) : (
    <input class="edit-field" {...props} />
  );
}
