import { useState } from 'preact/hooks';
import {
  addUserTerm,
  deleteTerm,
  editTerm,
  exportUserTerms,
  importUserTerms,
  listTerms,
  revertTerm,
  setTermHidden,
  TERM_CATEGORIES,
  type Term,
  termByKey,
  termCountsByCategory,
} from '../../../lib/options/glossary';
import type { TermCategory } from '../../../lib/db/glossary-entry';
import { asOfLabel, GLOSSARY_AS_OF } from '../../../lib/glossary/meta';
import { dateStamp, downloadText, readImportFile } from '../../../lib/options/download';
import { useEnv } from '../../../lib/options/env';
import { plural } from '../../../lib/options/format';
import { CATEGORY_LABEL, TermForm } from '../parts/TermForm';
import { useLiveQuery } from '../../../lib/options/use-live-query';

type Mode = 'view' | 'edit' | 'add';

export function GlossaryView() {
  const { db } = useEnv();
  const [category, setCategory] = useState<TermCategory | ''>('');
  const [text, setText] = useState('');
  const [showHidden, setShowHidden] = useState(false);
  const [onlyMine, setOnlyMine] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const terms = useLiveQuery(
    () =>
      listTerms(db, {
        category: category || undefined,
        text,
        includeHidden: showHidden,
        origin: onlyMine ? 'user' : undefined,
      }),
    [db, category, text, showHidden, onlyMine],
    null as Term[] | null,
  );
  const counts = useLiveQuery(
    () => termCountsByCategory(db, { showHidden, onlyMine }),
    [db, showHidden, onlyMine],
    new Map<string, number>(),
  );
  const detail = useLiveQuery(
    async () => (selected ? termByKey(db, selected) : null),
    [db, selected],
    null as Term | null,
  );
  const all = [...counts.values()].reduce((a, b) => a + b, 0);

  const act = async (what: () => Promise<unknown>, done?: string) => {
    setNotice(null);
    try {
      await what();
      if (done) setNotice({ kind: 'ok', text: done });
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    let raw: unknown;
    let text: string;
    try {
      text = (await readImportFile(file, 'glossary')).text;
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
      return;
    }
    try {
      raw = JSON.parse(text);
    } catch {
      setNotice({
        kind: 'error',
        text: `${file.name} is not valid JSON, so it cannot be a glossary export.`,
      });
      return;
    }
    const r = await importUserTerms(db, raw);
    if (!r.ok) {
      setNotice({ kind: 'error', text: r.error });
      return;
    }
    const unknown = r.unknownBuiltins.length
      ? ` ${plural(r.unknownBuiltins.length, 'change')} named built-in terms this version does not have: ${r.unknownBuiltins.join(', ')}.`
      : '';
    setNotice({
      kind: 'ok',
      text: `Imported ${plural(r.added, 'own term')}, ${plural(r.edited, 'edit')} and ${plural(r.hidden, 'hidden term')}.${unknown}`,
    });
  };

  return (
    <div class="glossary-view">
      <aside class="categories" aria-label="Categories">
        <ul>
          <li>
            <button
              type="button"
              class={category === '' ? 'cat current' : 'cat'}
              data-testid="category-all"
              onClick={() => setCategory('')}
            >
              All terms <span class="count">{all}</span>
            </button>
          </li>
          {TERM_CATEGORIES.map((c) => (
            <li key={c}>
              <button
                type="button"
                class={category === c ? 'cat current' : 'cat'}
                data-testid="category"
                data-category={c}
                onClick={() => setCategory(c)}
              >
                {CATEGORY_LABEL[c]} <span class="count">{counts.get(c) ?? 0}</span>
              </button>
            </li>
          ))}
        </ul>
        <label class="check-row">
          <input
            type="checkbox"
            data-testid="show-hidden"
            checked={showHidden}
            onChange={(e) => setShowHidden(e.currentTarget.checked)}
          />{' '}
          Show hidden terms
        </label>
        <label class="check-row">
          <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.currentTarget.checked)} />{' '}
          Only my own terms
        </label>
        <div class="side-actions">
          <button
            type="button"
            class="primary"
            data-testid="term-add"
            onClick={() => {
              setSelected(null);
              setMode('add');
            }}
          >
            Add term
          </button>
          <button
            type="button"
            data-testid="terms-export"
            onClick={() =>
              act(async () => {
                const data = await exportUserTerms(db);
                downloadText(
                  JSON.stringify(data, null, 2),
                  `dubao-glossary-${dateStamp()}.json`,
                  'application/json',
                );
              })
            }
          >
            Export my terms
          </button>
          <label class="file-button">
            Import terms…
            <input
              type="file"
              accept=".json,application/json"
              data-testid="terms-import"
              onChange={(e) => {
                const input = e.currentTarget;
                void importFile(input.files?.[0]).finally(() => (input.value = ''));
              }}
            />
          </label>
        </div>
      </aside>
      <section class="terms-pane">
        <header class="pane-head">
          <h2>Glossary</h2>
          <p class="muted as-of" data-testid="glossary-as-of">
            Built-in terms as of <time dateTime={GLOSSARY_AS_OF}>{asOfLabel()}</time>
          </p>
          <input
            type="search"
            placeholder="Search: 共同富裕, 國家安全, gongtong fuyu, prosperity"
            aria-label="Search terms"
            data-testid="terms-search"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </header>
        {notice && (
          <p class={notice.kind === 'ok' ? 'notice' : 'error'} role="status" data-testid="glossary-notice">
            {notice.text}
          </p>
        )}
        {terms === null ? (
          <p class="muted">Loading…</p>
        ) : terms.length === 0 ? (
          <p class="empty">No terms match.</p>
        ) : (
          <ul class="term-list" data-testid="term-list">
            {terms.map((t) => (
              <li key={t.key}>
                <button
                  type="button"
                  class={t.key === selected ? 'term-row current' : 'term-row'}
                  data-testid="term-row"
                  data-term-key={t.key}
                  onClick={() => {
                    setSelected(t.key);
                    setMode('view');
                  }}
                >
                  <span class="term-zh" lang="zh">
                    {t.simplified}
                  </span>
                  <span class="term-pinyin">{t.pinyin}</span>
                  <span class="term-en">{t.english}</span>
                  <TermBadges term={t} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="term-detail" aria-label="Term">
        {mode === 'add' ? (
          <>
            <h3>Add a term</h3>
            <TermForm
              submitLabel="Add term"
              onCancel={() => setMode('view')}
              onSubmit={async (fields) => {
                const t = await addUserTerm(db, fields);
                setSelected(t.key);
                setMode('view');
                setNotice({ kind: 'ok', text: `Added ${t.simplified}.` });
              }}
            />
          </>
        ) : detail && mode === 'edit' ? (
          <>
            <h3>Edit {detail.simplified}</h3>
            <TermForm
              key={detail.key}
              term={detail}
              submitLabel="Save"
              onCancel={() => setMode('view')}
              onSubmit={async (fields) => {
                await editTerm(db, detail.key, fields);
                setMode('view');
              }}
            />
          </>
        ) : detail ? (
          <TermDetail
            term={detail}
            onEdit={() => setMode('edit')}
            onRevert={() =>
              act(() => revertTerm(db, detail.key), `${detail.simplified} is back to the built-in text.`)
            }
            onHide={(hidden) => act(() => setTermHidden(db, detail.key, hidden))}
            onDelete={() =>
              act(async () => {
                await deleteTerm(db, detail.key);
                setSelected(null);
              }, `Deleted ${detail.simplified}.`)
            }
          />
        ) : (
          <p class="muted">Choose a term to see its explanation, or add your own.</p>
        )}
      </section>
    </div>
  );
}

function TermBadges({ term }: { term: Term }) {
  return (
    <span class="badges">
      {term.origin === 'user' && <span class="badge mine">mine</span>}
      {term.edited && (
        <span class="badge edited" data-testid="term-edited">
          edited
        </span>
      )}
      {term.hidden && <span class="badge hidden">hidden</span>}
      {term.status === 'historical' && <span class="badge">historical</span>}
    </span>
  );
}

function TermDetail(props: {
  term: Term;
  onEdit(): void;
  onRevert(): void;
  onHide(hidden: boolean): void;
  onDelete(): void;
}) {
  const t = props.term;
  return (
    <article data-testid="term-detail">
      <h3 class="term-title" lang="zh">
        {t.simplified}
        {t.traditional && t.traditional !== t.simplified && (
          <span class="other-script"> {t.traditional}</span>
        )}
      </h3>
      <p class="term-pinyin">{t.pinyin}</p>
      <TermBadges term={t} />
      <p class="term-english">
        {t.english}{' '}
        <span class="muted">
          ({t.englishSource === 'official' ? `official${t.source ? `, ${t.source}` : ''}` : 'descriptive'})
        </span>
      </p>
      <p class="term-explanation">{t.explanation}</p>
      <dl class="facts">
        <dt>Category</dt>
        <dd>{CATEGORY_LABEL[t.category] ?? t.category}</dd>
        <dt>Status</dt>
        <dd>
          {t.status === 'historical' ? 'Historical' : 'Current'}
          {t.since ? `, since ${t.since}` : ''}
        </dd>
        {t.aliases && t.aliases.length > 0 && (
          <>
            <dt>Other forms</dt>
            <dd>
              {t.aliases.map((a) => (
                <span key={a.simplified} class="term-alias" data-testid="term-alias">
                  <span lang="zh-Hans">{a.simplified}</span>
                  {a.traditional && a.traditional !== a.simplified && (
                    <span lang="zh-Hant" class="muted">
                      {' '}
                      {a.traditional}
                    </span>
                  )}
                  {a.pinyin && <span class="pinyin muted"> {a.pinyin}</span>}
                </span>
              ))}
            </dd>
          </>
        )}
        {t.related.length > 0 && (
          <>
            <dt>Related</dt>
            <dd lang="zh">{t.related.join('、')}</dd>
          </>
        )}
      </dl>
      <div class="actions">
        <button type="button" data-testid="term-edit" onClick={props.onEdit}>
          Edit
        </button>
        {t.origin === 'builtin' && t.edited && (
          <button type="button" data-testid="term-revert" onClick={props.onRevert}>
            Revert to built-in
          </button>
        )}
        {t.origin === 'builtin' ? (
          <button type="button" data-testid="term-hide" onClick={() => props.onHide(!t.hidden)}>
            {t.hidden ? 'Unhide' : 'Hide'}
          </button>
        ) : (
          <button type="button" class="danger" data-testid="term-delete" onClick={props.onDelete}>
            Delete
          </button>
        )}
      </div>
    </article>
  );
}
