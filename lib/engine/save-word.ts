import type { MessageOf, SaveWordResponse } from '../messages';
import { lookupWord } from '../db/dict';
import { isQuotaError, QuotaExceededError } from '../db/errors';
import type { DubaoDb } from '../db/schema';
import { formFor, type TermForm } from '../glossary/forms';
import { termsForAny } from '../db/terms';
import { storableSource } from '../vocab/formats';
import { addEntry, defaultListId, ListNotFoundError } from '../db/vocab';

/**
 * Handles a `saveWord` message: fills pinyin, definition and both scripts from the dictionary when the sender
 * did not give them, and files the word in the chosen or default list. Never throws: failures are answers.
 */
export async function saveWord(db: DubaoDb, msg: MessageOf<'saveWord'>): Promise<SaveWordResponse> {
  try {
    const [[dict], terms] = await Promise.all([lookupWord(db, msg.word), termsForAny(db, [msg.word])]);
    // A glossary term (共同富裕) is not in CC-CEDICT: its own pinyin and English fill the entry. The form saved is
    // the one on the page, headword or alias, with its own reading (工商联 gōng shāng lián, not its headword's).
    let form: TermForm | undefined;
    const term = terms.find((t) => (form = formFor(t, msg.word)));
    const listId = msg.listId ?? (await defaultListId(db));
    const offset = msg.offset >= 0 ? msg.offset : msg.sentence.indexOf(msg.word);
    const entry = await addEntry(db, {
      listId,
      word: msg.word,
      simplified: form?.simplified || dict?.simplified || msg.word,
      traditional: form?.traditional || dict?.traditional || msg.word,
      pinyin: msg.pinyin || form?.pinyin || dict?.pinyin || '',
      definition: msg.definition || dict?.definitions.join('; ') || term?.english || '',
      context: msg.sentence ? { sentence: msg.sentence, offset } : null,
      source: storableSource(msg.title, msg.url),
    });
    return { ok: true, entryId: entry.id, listId };
  } catch (err) {
    if (err instanceof QuotaExceededError || isQuotaError(err)) {
      const e = err instanceof QuotaExceededError ? err : new QuotaExceededError('save the word');
      return { ok: false, error: e.message, quota: true };
    }
    if (err instanceof ListNotFoundError)
      return { ok: false, error: 'That list no longer exists.', quota: false };
    return { ok: false, error: err instanceof Error ? err.message : String(err), quota: false };
  }
}
