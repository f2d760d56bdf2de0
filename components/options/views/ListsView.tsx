import { useState } from 'preact/hooks';
import {
  copyEntries,
  createList,
  deleteEntries,
  deleteList,
  entryCountsByList,
  getEntries,
  getLists,
  isKnown,
  markKnown,
  moveEntries,
  renameList,
  reorderLists,
  restoreSnapshot,
  searchEntries,
  snapshotEntries,
  snapshotList,
  unmarkKnown,
  updateEntry,
  type VocabEntry,
  type VocabList,
} from '../../../lib/options/lists';
import { EntriesTable, sortEntries, type SortKey } from '../parts/EntriesTable';
import { useEnv } from '../../../lib/options/env';
import { plural } from '../../../lib/options/format';
import { Toast, type ToastMessage } from '../parts/Toast';
import { useLiveQuery } from '../../../lib/options/use-live-query';

type Chosen = number | 'all';

export function ListsView() {
  const env = useEnv();
  const { db } = env;
  const [chosen, setChosen] = useState<Chosen>('all');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('date');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const lists = useLiveQuery(() => getLists(db), [db], null as VocabList[] | null);
  const counts = useLiveQuery(() => entryCountsByList(db), [db], new Map<number, number>());
  const listId = chosen === 'all' || !lists?.some((l) => l.id === chosen) ? undefined : chosen;
  const entries = useLiveQuery(
    () => (query.trim() ? searchEntries(db, query, listId) : getEntries(db, listId)),
    [db, query, listId],
    null as VocabEntry[] | null,
  );
  const shown = entries ? sortEntries(entries, sort) : [];
  const visibleSelected = new Set(shown.filter((e) => selected.has(e.id)).map((e) => e.id));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);

  const run = async (what: () => Promise<void>) => {
    setError(null);
    try {
      await what();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const removeList = (list: VocabList) =>
    run(async () => {
      const snap = await snapshotList(db, list.id);
      await deleteList(db, list.id);
      if (chosen === list.id) setChosen('all');
      setToast({
        id: Date.now(),
        text: `Deleted “${list.name}” (${plural(snap.entries.length, 'word')}).`,
        undo: () => run(() => restoreSnapshot(db, snap)),
      });
    });

  const removeSelected = () =>
    run(async () => {
      const ids = [...visibleSelected];
      const snap = await snapshotEntries(db, ids);
      await deleteEntries(db, ids);
      setSelected(new Set());
      setToast({
        id: Date.now(),
        text: `Deleted ${plural(ids.length, 'word')}.`,
        undo: () => run(() => restoreSnapshot(db, snap)),
      });
    });

  // Words the reader has learnt: no pinyin over them on pages (both scripts). Undo forgets only those newly marked.
  const markSelectedKnown = () =>
    run(async () => {
      const chosenEntries = shown.filter((e) => visibleSelected.has(e.id));
      const words = chosenEntries.map((e) => ({
        simplified: e.simplified || e.word,
        traditional: e.traditional,
      }));
      const before = await Promise.all(words.map((w) => isKnown(db, w.simplified)));
      const added = await markKnown(db, words);
      await env.knownChanged();
      setSelected(new Set());
      const fresh = words.filter((_, i) => !before[i]).map((w) => w.simplified);
      setToast({
        id: Date.now(),
        text:
          `Marked ${plural(added, 'word')} known` +
          (words.length > added ? ` (${words.length - added} already were)` : '') +
          '; the reader leaves their pinyin off.',
        undo: fresh.length
          ? () =>
              run(async () => {
                await unmarkKnown(db, fresh);
                await env.knownChanged();
              })
          : undefined,
      });
    });

  const chosenList = lists?.find((l) => l.id === listId);
  return (
    <div class="lists-view">
      <ListsSidebar
        lists={lists ?? []}
        counts={counts}
        total={total}
        chosen={listId ?? 'all'}
        onChoose={(c) => {
          setChosen(c);
          setSelected(new Set());
        }}
        onCreate={(name) =>
          run(async () => {
            const l = await createList(db, name);
            setChosen(l.id);
          })
        }
        onRename={(id, name) => run(() => renameList(db, id, name))}
        onMove={(id, delta) =>
          run(async () => {
            const ids = (lists ?? []).map((l) => l.id);
            const i = ids.indexOf(id);
            const j = i + delta;
            if (i < 0 || j < 0 || j >= ids.length) return;
            [ids[i], ids[j]] = [ids[j], ids[i]];
            await reorderLists(db, ids);
          })
        }
        onDelete={removeList}
      />
      <section class="entries-pane">
        <header class="pane-head">
          <h2>{chosenList ? chosenList.name : 'All words'}</h2>
          <div class="toolbar">
            <input
              type="search"
              placeholder="Search: 银行, yinhang, yin2hang2, bank"
              aria-label="Search words"
              data-testid="entries-search"
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
            <label>
              Sort by{' '}
              <select
                data-testid="entries-sort"
                value={sort}
                onChange={(e) => setSort(e.currentTarget.value as SortKey)}
              >
                <option value="date">Date saved</option>
                <option value="word">Word</option>
                <option value="pinyin">Pinyin</option>
              </select>
            </label>
          </div>
        </header>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {visibleSelected.size > 0 && (
          <BulkBar
            count={visibleSelected.size}
            lists={lists ?? []}
            onMove={(to) =>
              run(async () => {
                await moveEntries(db, [...visibleSelected], to);
                setSelected(new Set());
              })
            }
            onCopy={(to) =>
              run(async () => {
                await copyEntries(db, [...visibleSelected], to);
                setSelected(new Set());
              })
            }
            onDelete={removeSelected}
            onKnown={markSelectedKnown}
          />
        )}
        {entries === null ? (
          <p class="muted">Loading…</p>
        ) : shown.length === 0 ? (
          query.trim() ? (
            <p class="empty" data-testid="entries-none">
              No saved words match “{query}”.
            </p>
          ) : (
            <EmptyState />
          )
        ) : (
          <EntriesTable
            entries={shown}
            lists={listId === undefined ? (lists ?? []) : undefined}
            selected={visibleSelected}
            onSelect={setSelected}
            onEdit={(id, patch) => run(async () => void (await updateEntry(db, id, patch)))}
          />
        )}
      </section>
      <Toast toast={toast} onClose={() => setToast(null)} />
    </div>
  );
}

function EmptyState() {
  return (
    <div class="empty" data-testid="entries-empty">
      <p>
        <strong>No words here yet.</strong>
      </p>
      <p>
        To save a word while you read a Chinese page, hover over it and press <em>Save</em> on the card that
        appears, or select it, right-click and choose <em>Save to Dubao</em>. Saved words show up here at
        once, with the sentence and page they came from.
      </p>
    </div>
  );
}

function BulkBar(props: {
  count: number;
  lists: readonly VocabList[];
  onMove(to: number): void;
  onCopy(to: number): void;
  onDelete(): void;
  onKnown(): void;
}) {
  const [target, setTarget] = useState<number | null>(null);
  const to = target ?? props.lists[0]?.id;
  return (
    <div class="bulk-bar" data-testid="bulk-bar">
      <span>{plural(props.count, 'word')} selected</span>
      <label>
        List{' '}
        <select
          data-testid="bulk-target"
          value={to === undefined ? '' : String(to)}
          onChange={(e) => setTarget(Number(e.currentTarget.value))}
        >
          {props.lists.map((l) => (
            <option key={l.id} value={String(l.id)}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="bulk-move"
        disabled={to === undefined}
        onClick={() => props.onMove(to)}
      >
        Move to list
      </button>
      <button
        type="button"
        data-testid="bulk-copy"
        disabled={to === undefined}
        onClick={() => props.onCopy(to)}
      >
        Copy to list
      </button>
      <button
        type="button"
        data-testid="bulk-known"
        title="No pinyin over these words on pages"
        onClick={props.onKnown}
      >
        Mark known
      </button>
      <button type="button" class="danger" data-testid="bulk-delete" onClick={props.onDelete}>
        Delete
      </button>
    </div>
  );
}

function ListsSidebar(props: {
  lists: readonly VocabList[];
  counts: ReadonlyMap<number, number>;
  total: number;
  chosen: Chosen;
  onChoose(c: Chosen): void;
  onCreate(name: string): void;
  onRename(id: number, name: string): void;
  onMove(id: number, delta: -1 | 1): void;
  onDelete(list: VocabList): void;
}) {
  const [renaming, setRenaming] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [newName, setNewName] = useState('');
  return (
    <aside class="lists-sidebar" aria-label="Lists">
      <ul class="list-items">
        <li class={props.chosen === 'all' ? 'list-item current' : 'list-item'} data-testid="list-all">
          <button type="button" class="list-name" onClick={() => props.onChoose('all')}>
            All words <span class="count">{props.total}</span>
          </button>
        </li>
        {props.lists.map((l, i) => (
          <li
            key={l.id}
            class={props.chosen === l.id ? 'list-item current' : 'list-item'}
            data-testid="list-item"
            data-list-id={l.id}
          >
            {renaming === l.id ? (
              <form
                class="rename"
                onSubmit={(e) => {
                  e.preventDefault();
                  props.onRename(l.id, draft);
                  setRenaming(null);
                }}
              >
                <input
                  aria-label={`New name for ${l.name}`}
                  data-testid="list-rename-input"
                  value={draft}
                  autoFocus
                  onInput={(e) => setDraft(e.currentTarget.value)}
                  onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                />
                <button type="submit">Save</button>
              </form>
            ) : (
              <button
                type="button"
                class="list-name"
                data-testid="list-name"
                onClick={() => props.onChoose(l.id)}
                onDblClick={() => {
                  setDraft(l.name);
                  setRenaming(l.id);
                }}
              >
                {l.name} <span class="count">{props.counts.get(l.id) ?? 0}</span>
              </button>
            )}
            <span class="list-actions">
              <button
                type="button"
                class="icon"
                title="Rename"
                aria-label={`Rename ${l.name}`}
                data-testid="list-rename"
                onClick={() => {
                  setDraft(l.name);
                  setRenaming(l.id);
                }}
              >
                ✎
              </button>
              <button
                type="button"
                class="icon"
                title="Move up"
                aria-label={`Move ${l.name} up`}
                data-testid="list-up"
                disabled={i === 0}
                onClick={() => props.onMove(l.id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="icon"
                title="Move down"
                aria-label={`Move ${l.name} down`}
                data-testid="list-down"
                disabled={i === props.lists.length - 1}
                onClick={() => props.onMove(l.id, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                class="icon danger"
                title="Delete list"
                aria-label={`Delete ${l.name}`}
                data-testid="list-delete"
                onClick={() => props.onDelete(l)}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form
        class="new-list"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newName.trim()) return;
          props.onCreate(newName);
          setNewName('');
        }}
      >
        <input
          placeholder="New list name"
          aria-label="New list name"
          data-testid="new-list-name"
          value={newName}
          onInput={(e) => setNewName(e.currentTarget.value)}
        />
        <button type="submit" data-testid="new-list">
          Add list
        </button>
      </form>
    </aside>
  );
}
