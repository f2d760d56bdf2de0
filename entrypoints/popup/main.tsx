import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { PopupPanel, type PopupSettings } from '../../components/PopupPanel';
import { isErrorResponse, type SettingsView, type TabStats } from '../../lib/messages';
import { openDb, reviewCounts } from '../../lib/db';
import { send } from '../../lib/send';
import './style.css';

// Site switches stay with the site; the look of pinyin and highlighting follows the reader everywhere.
const SITE_KEYS: ReadonlySet<keyof PopupSettings> = new Set(['enabled', 'pinyin', 'script']);

let changes = 0;

function Popup({ tabId, url }: { tabId: number | null; url: string }) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [stats, setStats] = useState<TabStats | null>(null);
  const [due, setDue] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [readResult, setReadResult] = useState<string | undefined>(undefined);

  useEffect(() => {
    void send({ type: 'getSettings', host: url }).then((r) =>
      isErrorResponse(r) ? setError(r.error) : setView(r),
    );
    if (tabId != null)
      void send({ type: 'getPageStats', tabId }).then((r) => {
        if (!isErrorResponse(r)) setStats(r);
      });
    openDb()
      .then((db) => reviewCounts(db))
      .then((c) => setDue(c.due))
      .catch(() => setDue(undefined));
  }, [tabId, url]);

  if (error) return <p class="error">{error}</p>;
  if (!view) return <p class="loading">Loading…</p>;
  const d = stats?.detected;
  const r = stats?.reader;
  return (
    <PopupPanel
      host={view.host || null}
      stats={d ? { ...d, terms: r?.terms, active: r != null } : null}
      settings={view.settings}
      dueCount={due}
      onChange={async (patch) => {
        const [key] = Object.keys(patch) as (keyof PopupSettings)[];
        const site = SITE_KEYS.has(key) && view.host;
        // Shown at once; the stored answer replaces it unless a later change is already on its way, so a quick
        // second click is never undone by the answer to the first.
        const request = ++changes;
        setView((v) => (v ? { ...v, settings: { ...v.settings, ...patch } } : v));
        const next = await send({
          type: 'setSettings',
          scope: site ? 'site' : 'global',
          host: site ? view.host : undefined,
          patch,
        });
        if (isErrorResponse(next)) setError(next.error);
        else if (request === changes) setView(next);
      }}
      onOpenOptions={() => browser.runtime.openOptionsPage()}
      readResult={readResult}
      onReadPage={
        tabId == null
          ? undefined
          : async () => {
              setReadResult('Looking for Chinese text…');
              const r = await send({ type: 'readPage', tabId });
              if (isErrorResponse(r)) setReadResult(`Dubao cannot read this page: ${r.error}`);
              else if (r.hanChars === 0) setReadResult('No Chinese text on this page.');
              else if (r.frames === 0) setReadResult('Dubao is off here.');
              else setReadResult(`Reading ${r.hanChars.toLocaleString('en')} Chinese characters.`);
            }
      }
    />
  );
}

async function main() {
  // Tests open the popup as a tab and name the tab to describe with ?tab=ID.
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  const tab = forced
    ? await browser.tabs.get(forced)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  render(<Popup tabId={tab?.id ?? null} url={tab?.url ?? ''} />, document.getElementById('app')!);
}

void main();
