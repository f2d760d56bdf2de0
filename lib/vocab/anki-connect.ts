import { ankiTags, type ExportItem } from './formats';

export const ANKI_CONNECT_URL = 'http://127.0.0.1:8765';

const NOT_RUNNING =
  'Could not reach Anki. Start Anki with the AnkiConnect add-on installed (code 2055492159) and try again.';

export interface PushOptions {
  deck: string;
  fetch?: typeof fetch;
  url?: string;
  /** AnkiConnect's API key, when the user set one in its configuration. */
  key?: string;
}

export interface PushResult {
  added: number;
  duplicates: number;
  /** Notes Anki would not take, one line each. */
  errors: string[];
  /** Why the push stopped (Anki not running, permission refused, an AnkiConnect error); absent when it ran. */
  failed?: string;
}

interface AnkiNote {
  deckName: string;
  modelName: string;
  fields: { Front: string; Back: string };
  tags: string[];
  options: { allowDuplicate: boolean; duplicateScope: 'deck' };
}

class AnkiError extends Error {}

/** Anki fields are HTML: page text goes in escaped, line breaks as <br>. */
export function escapeAnkiHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\n|\r/g, '<br>');
}

/** A "Basic" note: the word and its sentence on the front; pinyin, definition and source on the back. */
export function toAnkiNote(item: ExportItem, deck: string): AnkiNote {
  const e = item.entry;
  const lines = (parts: (string | undefined)[]) =>
    parts
      .filter((p): p is string => !!p && p.trim() !== '')
      .map(escapeAnkiHtml)
      .join('<br>');
  const source = [e.source?.title, e.source?.url].filter((s) => s && s.trim()).join(' — ');
  return {
    deckName: deck,
    modelName: 'Basic',
    fields: {
      Front: lines([e.word, e.context?.sentence]),
      Back: lines([e.pinyin, e.definition, source]),
    },
    tags: ankiTags(item),
    options: { allowDuplicate: false, duplicateScope: 'deck' },
  };
}

/**
 * Adds the items to an Anki deck through AnkiConnect (API version 6), creating the deck if needed. Notes Anki
 * already has in the deck are counted as duplicates, not added again. Problems come back in the result rather than
 * as exceptions: a rejected note in `errors`, what stopped the push (Anki not running, permission refused) in
 * `failed`.
 */
export async function pushToAnki(items: ExportItem[], opts: PushOptions): Promise<PushResult> {
  const result: PushResult = { added: 0, duplicates: 0, errors: [] };
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const url = opts.url ?? ANKI_CONNECT_URL;

  async function call<T>(action: string, params?: object): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          action,
          version: 6,
          params: params ?? {},
          ...(opts.key ? { key: opts.key } : {}),
        }),
      });
    } catch {
      throw new AnkiError(NOT_RUNNING);
    }
    if (!response.ok) throw new AnkiError(`AnkiConnect answered ${response.status} to ${action}`);
    let body: { result?: T; error?: string | null };
    try {
      body = await response.json();
    } catch {
      throw new AnkiError(`Something at ${url} answered, but it is not AnkiConnect`);
    }
    if (body.error) throw new AnkiError(`AnkiConnect ${action}: ${body.error}`);
    return body.result as T;
  }

  // AnkiConnect before 2023 lacks the detailed check; its plain one only says no, which is nearly always a duplicate.
  async function canAdd(notes: AnkiNote[]): Promise<{ canAdd: boolean; error?: string }[]> {
    try {
      return await call<{ canAdd: boolean; error?: string }[]>('canAddNotesWithErrorDetail', { notes });
    } catch (err) {
      if (!(err instanceof AnkiError) || !/unsupported action/i.test(err.message)) throw err;
      const ok = await call<boolean[]>('canAddNotes', { notes });
      return ok.map((canAdd) => (canAdd ? { canAdd } : { canAdd, error: 'duplicate' }));
    }
  }

  try {
    const permission = await call<{ permission: string }>('requestPermission');
    if (permission?.permission !== 'granted') {
      throw new AnkiError(
        'Anki refused the connection. Allow Dubao in the AnkiConnect prompt in Anki and try again.',
      );
    }
    if (items.length === 0) return result;
    await call('createDeck', { deck: opts.deck });
    const notes = items.map((item) => toAnkiNote(item, opts.deck));
    const checks = await canAdd(notes);
    const addable: number[] = [];
    checks.forEach((check, i) => {
      if (check.canAdd) addable.push(i);
      else if (/duplicate/i.test(check.error ?? '')) result.duplicates++;
      else result.errors.push(`${items[i].entry.word}: ${check.error ?? 'Anki cannot add this note'}`);
    });
    if (addable.length === 0) return result;
    const ids = await call<(number | null)[]>('addNotes', { notes: addable.map((i) => notes[i]) });
    ids.forEach((noteId, k) => {
      if (noteId !== null) result.added++;
      else result.errors.push(`${items[addable[k]].entry.word}: Anki did not add this note`);
    });
  } catch (err) {
    result.failed = err instanceof Error ? err.message : String(err);
  }
  return result;
}
