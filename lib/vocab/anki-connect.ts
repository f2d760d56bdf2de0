import * as v from 'valibot';
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
  /** How long one call may take; requestPermission gets longer (the user answers a prompt in Anki). */
  timeoutMs?: number;
}

/** Limits on what is read from whatever listens on AnkiConnect's port: it is another program, not trusted. */
export const ANKI_LIMITS = {
  /** Bytes of one answer (an addNotes answer for 10,000 notes is ~150 KB). */
  answerBytes: 4 * 1024 * 1024,
  timeoutMs: 20_000,
  permissionTimeoutMs: 120_000,
  /** Characters of an error message from Anki shown to the user. */
  messageChars: 300,
} as const;

const clip = (s: string) =>
  s.length > ANKI_LIMITS.messageChars ? `${s.slice(0, ANKI_LIMITS.messageChars)}…` : s;

const EnvelopeSchema = v.object({
  result: v.optional(v.unknown()),
  error: v.optional(v.nullable(v.string())),
});
const PermissionSchema = v.object({ permission: v.string() });
const CheckSchema = v.array(v.object({ canAdd: v.boolean(), error: v.optional(v.nullable(v.string())) }));
const CanAddSchema = v.array(v.boolean());
const NoteIdsSchema = v.array(v.nullable(v.number()));

/** The body as text, read no further than `max` bytes (an endless or huge answer is cut off, not buffered). */
async function readCapped(response: Response, max: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > max) return null;
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return new TextDecoder().decode(all);
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

  async function call<T>(
    action: string,
    params: object | undefined,
    schema: v.GenericSchema<unknown, T>,
  ): Promise<T> {
    const timeout =
      action === 'requestPermission'
        ? ANKI_LIMITS.permissionTimeoutMs
        : (opts.timeoutMs ?? ANKI_LIMITS.timeoutMs);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    const slow = () =>
      new AnkiError(
        `Anki did not answer ${action} within ${Math.round(timeout / 1000)} s; nothing more was sent.`,
      );
    try {
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
          signal: controller.signal,
        });
      } catch {
        throw controller.signal.aborted ? slow() : new AnkiError(NOT_RUNNING);
      }
      if (!response.ok) throw new AnkiError(`AnkiConnect answered ${response.status} to ${action}`);
      let text: string | null;
      try {
        text = await readCapped(response, ANKI_LIMITS.answerBytes);
      } catch {
        throw controller.signal.aborted ? slow() : new AnkiError(NOT_RUNNING);
      }
      if (text === null)
        throw new AnkiError(
          `The answer to ${action} from ${url} is larger than ${ANKI_LIMITS.answerBytes / 1024 / 1024} MB; it is not AnkiConnect's.`,
        );
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new AnkiError(`Something at ${url} answered, but it is not AnkiConnect`);
      }
      const body = v.safeParse(EnvelopeSchema, raw);
      if (!body.success) throw new AnkiError(`Something at ${url} answered, but it is not AnkiConnect`);
      if (body.output.error) throw new AnkiError(clip(`AnkiConnect ${action}: ${body.output.error}`));
      const result = v.safeParse(schema, body.output.result);
      if (!result.success)
        throw new AnkiError(
          `AnkiConnect gave an answer to ${action} that Dubao cannot read; nothing more was sent.`,
        );
      return result.output;
    } finally {
      clearTimeout(timer);
    }
  }

  /** An answer with one item per note sent, or an error (a short or long list would misattribute results). */
  const perNote = <T>(list: T[], n: number, action: string): T[] => {
    if (list.length !== n)
      throw new AnkiError(
        `AnkiConnect answered ${action} for ${list.length} notes, not the ${n} sent; nothing more was sent.`,
      );
    return list;
  };

  // AnkiConnect before 2023 lacks the detailed check; its plain one only says no, which is nearly always a duplicate.
  async function canAdd(notes: AnkiNote[]): Promise<{ canAdd: boolean; error?: string | null }[]> {
    try {
      const checks = await call('canAddNotesWithErrorDetail', { notes }, CheckSchema);
      return perNote(checks, notes.length, 'canAddNotesWithErrorDetail');
    } catch (err) {
      if (!(err instanceof AnkiError) || !/unsupported action/i.test(err.message)) throw err;
      const ok = perNote(await call('canAddNotes', { notes }, CanAddSchema), notes.length, 'canAddNotes');
      return ok.map((canAdd) => (canAdd ? { canAdd } : { canAdd, error: 'duplicate' }));
    }
  }

  try {
    const permission = await call('requestPermission', undefined, PermissionSchema);
    if (permission.permission !== 'granted') {
      throw new AnkiError(
        'Anki refused the connection. Allow Dubao in the AnkiConnect prompt in Anki and try again.',
      );
    }
    if (items.length === 0) return result;
    await call('createDeck', { deck: opts.deck }, v.unknown());
    const notes = items.map((item) => toAnkiNote(item, opts.deck));
    const checks = await canAdd(notes);
    const addable: number[] = [];
    checks.forEach((check, i) => {
      if (check.canAdd) addable.push(i);
      else if (/duplicate/i.test(check.error ?? '')) result.duplicates++;
      else result.errors.push(clip(`${items[i].entry.word}: ${check.error ?? 'Anki cannot add this note'}`));
    });
    if (addable.length === 0) return result;
    const ids = perNote(
      await call('addNotes', { notes: addable.map((i) => notes[i]) }, NoteIdsSchema),
      addable.length,
      'addNotes',
    );
    ids.forEach((noteId, k) => {
      if (noteId !== null) result.added++;
      else result.errors.push(`${items[addable[k]].entry.word}: Anki did not add this note`);
    });
  } catch (err) {
    result.failed = err instanceof Error ? err.message : String(err);
  }
  return result;
}
