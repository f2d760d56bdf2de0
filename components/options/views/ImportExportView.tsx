import { useState } from 'preact/hooks';
import {
  applyBackup,
  exportBackup,
  getLists,
  importRows,
  loadExportItems,
  parseBackup,
  type BackupParse,
} from '../../../lib/options/import-export';
import { pushToAnki } from '../../../lib/vocab/anki-connect';
import {
  parseCsv,
  parsePleco,
  toAnkiTsv,
  toCsv,
  toPlecoText,
  type ExportItem,
  type ParseReport,
} from '../../../lib/vocab/formats';
import { dateStamp, downloadText, readImportFile } from '../../../lib/options/download';
import { useEnv } from '../../../lib/options/env';
import { plural } from '../../../lib/options/format';
import { ImportReport } from '../parts/ImportReport';
import { useLiveQuery } from '../../../lib/options/use-live-query';
import { ListSelect } from '../parts/ListSelect';

export type ImportFormat = 'backup' | 'csv' | 'pleco';

const FORMAT_NAME: Record<ImportFormat, string> = {
  backup: 'a Dubao JSON backup',
  csv: 'CSV',
  pleco: 'Pleco flashcard text',
};

/** Guesses the format from the name, then the content: JSON starts with a brace, Pleco files are tab-separated. */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const name = fileName.toLowerCase();
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (name.endsWith('.json') || start.startsWith('{') || start.startsWith('[')) return 'backup';
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  return 'pleco';
}

type Pending =
  | { format: 'csv' | 'pleco'; fileName: string; report: ParseReport }
  | { format: 'backup'; fileName: string; parsed: BackupParse };

export function ImportExportView() {
  const env = useEnv();
  const { db } = env;
  const lists = useLiveQuery(() => getLists(db), [db], []);
  const [scope, setScope] = useState<'all' | number>('all');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [deck, setDeck] = useState('Dubao');
  const [anki, setAnki] = useState<{ busy: boolean; text?: string; failed?: boolean; errors?: string[] }>({
    busy: false,
  });
  const [choice, setChoice] = useState<'auto' | ImportFormat>('auto');
  const [pending, setPending] = useState<Pending | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [busy, setBusy] = useState(false);

  const listId = scope === 'all' ? undefined : scope;
  const items = () => loadExportItems(db, listId === undefined ? undefined : [listId]);
  const stamp = dateStamp();

  const exportAs = async (make: (items: ExportItem[]) => string, name: string, type: string) => {
    try {
      const its = await items();
      if (its.length === 0) {
        setStatus({ kind: 'error', text: 'There are no words to export in this selection.' });
        return;
      }
      downloadText(make(its), name, type);
      setStatus({ kind: 'ok', text: `Exported ${plural(its.length, 'word')} to ${name}.` });
    } catch (err) {
      setStatus({ kind: 'error', text: `Export failed: ${message(err)}` });
    }
  };

  const exportJson = async () => {
    try {
      const text = await exportBackup(db, await env.settings.load());
      const name = `dubao-backup-${stamp}.json`;
      downloadText(text, name, 'application/json');
      setStatus({ kind: 'ok', text: `Saved a full backup to ${name}.` });
    } catch (err) {
      setStatus({ kind: 'error', text: `Backup failed: ${message(err)}` });
    }
  };

  const pushAnki = async () => {
    // The permission prompt must come first, while the click still counts as a user gesture.
    const granted = await env.requestAnkiPermission().catch(() => false);
    if (!granted) {
      setAnki({
        busy: false,
        failed: true,
        text: 'Dubao needs permission to reach AnkiConnect on this computer to send cards.',
      });
      return;
    }
    const name = deck.trim() || 'Dubao';
    setAnki({ busy: true, text: 'Sending…' });
    try {
      const its = await items();
      if (its.length === 0) {
        setAnki({ busy: false, failed: true, text: 'There are no words to send in this selection.' });
        return;
      }
      const r = await pushToAnki(its, { deck: name });
      // A push that stopped (Anki not running, permission refused in Anki) added nothing: say why, not "0 cards".
      setAnki(
        r.failed
          ? { busy: false, failed: true, text: r.failed, errors: r.errors }
          : {
              busy: false,
              text: `Added ${plural(r.added, 'card')} to “${name}”; ${plural(r.duplicates, 'duplicate')} skipped.`,
              errors: r.errors,
            },
      );
    } catch (err) {
      setAnki({ busy: false, failed: true, text: `Could not send the words to Anki: ${message(err)}` });
    }
  };

  const onFile = async (file: File | undefined) => {
    setStatus(null);
    setPending(null);
    if (!file) return;
    let text: string;
    try {
      const decoded = await readImportFile(file, 'words');
      text = decoded.text;
      if (decoded.note) setStatus({ kind: 'ok', text: `${file.name}: ${decoded.note}` });
    } catch (err) {
      setStatus({ kind: 'error', text: `Could not read ${file.name}: ${message(err)}` });
      return;
    }
    const format = choice === 'auto' ? detectFormat(file.name, text) : choice;
    if (format === 'backup') setPending({ format, fileName: file.name, parsed: parseBackup(text) });
    else
      setPending({
        format,
        fileName: file.name,
        report: format === 'csv' ? parseCsv(text) : parsePleco(text),
      });
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      if (pending.format === 'backup') {
        if (!pending.parsed.backup) return;
        const r = await applyBackup(db, pending.parsed.backup, mode);
        // A merge keeps the settings in use; a replace brings back the backup's.
        if (mode === 'replace') await env.settings.replace(pending.parsed.backup.settings);
        await env.knownChanged();
        setStatus({
          kind: 'ok',
          text:
            `${mode === 'replace' ? 'Replaced your data with' : 'Merged'} ${pending.fileName}: ` +
            `${plural(r.lists, 'list')}, ${plural(r.entries, 'word')}, ${plural(r.reviews, 'review')}, ` +
            `${plural(r.terms, 'glossary term')}, ${plural(r.known, 'known word')}.`,
        });
      } else {
        const n = await importRows(db, pending.report.rows);
        setStatus({ kind: 'ok', text: `Imported ${plural(n, 'word')} from ${pending.fileName}.` });
      }
      setPending(null);
    } catch (err) {
      setStatus({ kind: 'error', text: `Import failed, nothing was changed: ${message(err)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="page import-export">
      <h2>Import and export</h2>
      {status && (
        <p class={status.kind === 'ok' ? 'notice' : 'error'} role="status" data-testid="io-status">
          {status.text}
        </p>
      )}
      <section class="card">
        <h3>Export</h3>
        <label>
          Words from <ListSelect testid="export-scope" lists={lists} value={scope} onChange={setScope} />
        </label>
        <div class="button-row">
          <button
            type="button"
            data-testid="export-anki"
            onClick={() => exportAs(toAnkiTsv, `dubao-anki-${stamp}.txt`, 'text/tab-separated-values')}
          >
            Anki (TSV)
          </button>
          <button
            type="button"
            data-testid="export-pleco"
            onClick={() => exportAs(toPlecoText, `dubao-pleco-${stamp}.txt`, 'text/plain')}
          >
            Pleco flashcards
          </button>
          <button
            type="button"
            data-testid="export-csv"
            onClick={() => exportAs(toCsv, `dubao-${stamp}.csv`, 'text/csv')}
          >
            CSV
          </button>
          <button type="button" data-testid="export-json" onClick={exportJson}>
            Full backup (JSON)
          </button>
        </div>
        <p class="muted">
          The JSON backup holds every list, word, review history, glossary change and setting; the other
          formats hold the words of the chosen lists.
        </p>
      </section>

      <section class="card">
        <h3>Send to Anki</h3>
        <p class="muted">
          With Anki open and the AnkiConnect add-on installed, Dubao can add the words as cards directly. Your
          browser will ask once for permission to talk to Anki on this computer.
        </p>
        <div class="button-row">
          <label>
            Deck{' '}
            <input data-testid="anki-deck" value={deck} onInput={(e) => setDeck(e.currentTarget.value)} />
          </label>
          <button type="button" data-testid="anki-push" disabled={anki.busy} onClick={pushAnki}>
            Send to Anki
          </button>
        </div>
        {anki.text && (
          <p role="status" class={anki.failed ? 'error' : undefined} data-testid="anki-result">
            {anki.text}
          </p>
        )}
        {anki.errors && anki.errors.length > 0 && (
          <ul class="row-errors" data-testid="anki-errors">
            {anki.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        )}
      </section>

      <section class="card">
        <h3>Import</h3>
        <div class="button-row">
          <label>
            Format{' '}
            <select
              data-testid="import-format"
              value={choice}
              onChange={(e) => setChoice(e.currentTarget.value as 'auto' | ImportFormat)}
            >
              <option value="auto">Detect from the file</option>
              <option value="backup">Dubao backup (JSON)</option>
              <option value="csv">CSV</option>
              <option value="pleco">Pleco flashcards</option>
            </select>
          </label>
          <input
            type="file"
            accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/plain"
            data-testid="import-file"
            aria-label="File to import"
            onChange={(e) => {
              const input = e.currentTarget;
              void onFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </div>
        <p class="muted">Nothing is changed until you confirm, after seeing what the file contains.</p>
        {pending?.format === 'backup' ? (
          <BackupReport
            parsed={pending.parsed}
            mode={mode}
            busy={busy}
            onMode={setMode}
            onConfirm={confirm}
            onCancel={() => setPending(null)}
          />
        ) : pending ? (
          <ImportReport
            report={pending.report}
            format={FORMAT_NAME[pending.format]}
            busy={busy}
            onConfirm={confirm}
            onCancel={() => setPending(null)}
          />
        ) : null}
      </section>
    </div>
  );
}

function BackupReport(props: {
  parsed: BackupParse;
  mode: 'merge' | 'replace';
  busy: boolean;
  onMode(m: 'merge' | 'replace'): void;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { backup, errors } = props.parsed;
  if (!backup) {
    return (
      <div class="import-report" data-testid="import-report">
        <p class="error" role="alert" data-testid="import-malformed">
          This file is not a Dubao backup, or it is damaged. Nothing was imported.
        </p>
        {errors.length > 0 && (
          <ul class="row-errors" data-testid="import-errors">
            {errors.slice(0, 50).map((e, i) => (
              <li key={i} data-testid="import-error">
                <span class="line">{e.path || 'file'}:</span> {e.message}
              </li>
            ))}
          </ul>
        )}
        <button type="button" data-testid="import-cancel" onClick={props.onCancel}>
          Close
        </button>
      </div>
    );
  }
  return (
    <div class="import-report" data-testid="import-report">
      <p data-testid="backup-summary">
        A Dubao backup of {new Date(backup.exported).toLocaleString()}: {plural(backup.lists.length, 'list')},{' '}
        {plural(backup.entries.length, 'word')}, {plural(backup.reviews.length, 'review card')},{' '}
        {plural(backup.userTerms.added.length, 'own glossary term')}.
      </p>
      {errors.length > 0 && (
        <ul class="row-errors" data-testid="import-errors">
          {errors.map((e, i) => (
            <li key={i} data-testid="import-error">
              <span class="line">{e.path}:</span> {e.message}
            </li>
          ))}
        </ul>
      )}
      <fieldset class="choices">
        <legend>How to import it</legend>
        <label>
          <input
            type="radio"
            name="backup-mode"
            data-testid="import-merge"
            checked={props.mode === 'merge'}
            onChange={() => props.onMode('merge')}
          />{' '}
          Merge: add what is new, keep everything you have
        </label>
        <label>
          <input
            type="radio"
            name="backup-mode"
            data-testid="import-replace"
            checked={props.mode === 'replace'}
            onChange={() => props.onMode('replace')}
          />{' '}
          Replace: delete your current lists, words, reviews, glossary changes and settings first
        </label>
      </fieldset>
      <div class="actions">
        <button
          type="button"
          class={props.mode === 'replace' ? 'danger' : 'primary'}
          data-testid="import-confirm"
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.mode === 'replace' ? 'Replace my data with this backup' : 'Merge this backup'}
        </button>
        <button type="button" data-testid="import-cancel" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
