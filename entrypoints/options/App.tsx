import { useEffect, useState } from 'preact/hooks';
import { EnvContext, type OptionsEnv } from '../../lib/options/env';
import { GlossaryView } from '../../components/options/views/GlossaryView';
import { ImportExportView } from '../../components/options/views/ImportExportView';
import { ListsView } from '../../components/options/views/ListsView';
import { ReviewView } from '../../components/options/views/ReviewView';
import { SettingsView } from '../../components/options/views/SettingsView';

export const ROUTES = [
  { path: 'lists', label: 'Word lists', view: ListsView },
  { path: 'review', label: 'Review', view: ReviewView },
  { path: 'glossary', label: 'Glossary', view: GlossaryView },
  { path: 'import-export', label: 'Import and export', view: ImportExportView },
  { path: 'settings', label: 'Settings', view: SettingsView },
] as const;

export type Route = (typeof ROUTES)[number]['path'];

/** `#/review` → 'review'; anything unknown opens the lists. */
export function routeOf(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return ROUTES.find((r) => r.path === path)?.path ?? 'lists';
}

function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function App({ env }: { env: OptionsEnv }) {
  const route = useHashRoute();
  const View = ROUTES.find((r) => r.path === route)!.view;
  useEffect(() => {
    document.title = `${ROUTES.find((r) => r.path === route)!.label} · Dubao`;
  }, [route]);
  return (
    <EnvContext.Provider value={env}>
      <div class="app">
        <nav class="sidebar" aria-label="Sections">
          <h1>
            Dubao <span lang="zh">读报</span>
          </h1>
          <ul>
            {ROUTES.map((r) => (
              <li key={r.path}>
                <a
                  href={`#/${r.path}`}
                  class={r.path === route ? 'current' : undefined}
                  aria-current={r.path === route ? 'page' : undefined}
                  data-testid={`nav-${r.path}`}
                >
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main class="content" data-testid={`view-${route}`}>
          <View key={route} />
        </main>
      </div>
    </EnvContext.Provider>
  );
}
