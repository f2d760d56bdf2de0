import type { EntryPatch, VocabEntry, VocabList } from '../../../lib/db';
import { ContextSentence } from './ContextSentence';
import { EditableText } from './EditableText';
import { formatDate, splitList } from '../../../lib/options/format';

export type SortKey = 'date' | 'word' | 'pinyin';

export function sortEntries(entries: readonly VocabEntry[], key: SortKey): VocabEntry[] {
  const out = [...entries];
  if (key === 'word') out.sort((a, b) => a.word.localeCompare(b.word, 'zh'));
  else if (key === 'pinyin')
    out.sort(
      (a, b) =>
        plainPinyin(a.pinyin).localeCompare(plainPinyin(b.pinyin)) || a.pinyin.localeCompare(b.pinyin),
    );
  else out.sort((a, b) => b.created - a.created || b.id - a.id);
  return out;
}

// Sorting by pinyin ignores tones and case, as a dictionary does.
function plainPinyin(p: string): string {
  return p
    .normalize('NFD')
    .replace(/[\u0300-\u036f\d\s]/g, '')
    .replace(/ü/g, 'v')
    .toLowerCase();
}

export interface EntriesTableProps {
  entries: readonly VocabEntry[];
  /** Shown in a List column when the table mixes lists. */
  lists?: readonly VocabList[];
  selected: ReadonlySet<number>;
  onSelect(ids: Set<number>): void;
  onEdit(id: number, patch: EntryPatch): void | Promise<void>;
}

export function EntriesTable({ entries, lists, selected, onSelect, onEdit }: EntriesTableProps) {
  const listName = new Map(lists?.map((l) => [l.id, l.name]));
  const allSelected = entries.length > 0 && entries.every((e) => selected.has(e.id));
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  return (
    <div class="table-wrap">
      <table class="entries" data-testid="entries-table">
        <thead>
          <tr>
            <th class="check">
              <input
                type="checkbox"
                aria-label="Select all"
                data-testid="select-all"
                checked={allSelected}
                onChange={(e) =>
                  onSelect(e.currentTarget.checked ? new Set(entries.map((x) => x.id)) : new Set())
                }
              />
            </th>
            <th>Word</th>
            <th>Pinyin</th>
            <th>Definition</th>
            <th>Context</th>
            <th>Source</th>
            <th>Saved</th>
            <th>Tags</th>
            <th>Notes</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr
              key={e.id}
              data-testid="entry-row"
              data-entry-id={e.id}
              class={selected.has(e.id) ? 'selected' : ''}
            >
              <td class="check">
                <input
                  type="checkbox"
                  aria-label={`Select ${e.word}`}
                  data-testid="entry-select"
                  checked={selected.has(e.id)}
                  onChange={(ev) => toggle(e.id, ev.currentTarget.checked)}
                />
              </td>
              <td>
                <span class="word" lang="zh" data-testid="entry-word">
                  {e.word}
                </span>
                {e.simplified !== e.traditional && (
                  <span class="other-script" lang="zh">
                    {e.word === e.simplified ? e.traditional : e.simplified}
                  </span>
                )}
                {lists && listName.has(e.listId) && <span class="list-tag">{listName.get(e.listId)}</span>}
              </td>
              <td class="pinyin" data-testid="entry-pinyin">
                {e.pinyin}
              </td>
              <td class="definition">
                <EditableText
                  value={e.definition}
                  label={`definition of ${e.word}`}
                  placeholder="Add a definition"
                  multiline
                  testid="entry-definition"
                  onSave={(definition) => onEdit(e.id, { definition })}
                />
              </td>
              <td class="context-cell" data-testid="entry-context">
                <ContextSentence context={e.context} word={e.word} />
              </td>
              <td class="source">
                {e.source?.url ? (
                  <a href={safeUrl(e.source.url)} target="_blank" rel="noreferrer" data-testid="entry-source">
                    {e.source.title || hostOf(e.source.url)}
                  </a>
                ) : null}
              </td>
              <td class="date">{formatDate(e.created)}</td>
              <td class="tags">
                <EditableText
                  value={e.tags.join(', ')}
                  label={`tags of ${e.word}`}
                  placeholder="Add tags"
                  testid="entry-tags"
                  onSave={(text) => onEdit(e.id, { tags: splitList(text) })}
                />
              </td>
              <td class="notes">
                <EditableText
                  value={e.notes}
                  label={`notes on ${e.word}`}
                  placeholder="Add a note"
                  multiline
                  testid="entry-notes"
                  onSave={(notes) => onEdit(e.id, { notes })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

// Saved URLs come from pages; only web links are followed, never javascript: or data:.
export function safeUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
