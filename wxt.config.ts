import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

/**
 * The detector runs on every page and frame at document_end, where the page's DOMContentLoaded waits for it. What
 * it costs there is its evaluation: compiling whatever runs at its top level (WXT's wrapper, the modules' constants)
 * and its first touch of the page. Its whole bundle is therefore set a task later: at document_end the script only
 * calls setTimeout, and the rest of its ~3 KB is merely pre-parsed (V8 compiles a function when it first runs).
 * Measured on the 1 MB English page (CPU, medians of 15): ~1.5 ms over the floor as WXT builds it, ~0.4 wrapped.
 * The same plugin wraps reader.js so that, on a return visit, it can wait for the site's look (see below).
 */
function detectorNextTask(): Plugin {
  return {
    name: 'dubao:detector-next-task',
    generateBundle(_options, bundle) {
      const chunk = bundle['detector.js'];
      if (chunk?.type === 'chunk') chunk.code = `setTimeout(function(){${chunk.code}\n});\n`;
      // On the sites where the reader is registered (entrypoints/background/reader-sites.ts), the site's look
      // (entrypoints/site-look.ts) runs at document_start and reader.js right after it: there the reader's bundle
      // is only parsed, and waits for the look's verdict (`__dubaoSiteRun`); where the page holds no Chinese prose it
      // is never evaluated. Injected by the background (no look pending), reader.js runs at once as before.
      const reader = bundle['content-scripts/reader.js'];
      if (reader?.type === 'chunk')
        reader.code =
          `(function(){var g=globalThis;function run(){\n${reader.code}\n}` +
          `if(g.__dubaoSiteLooking)g.__dubaoSiteRun=run;else run()})();\n`;
    },
  };
}

// Permissions are kept to what the product needs; tests/e2e/manifest.test.ts pins them.
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  modules: [],
  vite: () => ({
    plugins: [preact(), detectorNextTask()],
    // DUBAO_NOMINIFY=1 keeps function names in the bundle, for a CPU profile that names them.
    build: { chunkSizeWarningLimit: 4000, minify: process.env.DUBAO_NOMINIFY ? false : undefined },
  }),
  manifest: ({ browser }) => ({
    name: 'Dubao 读报',
    description:
      'Read Chinese newspapers: pinyin over the text, a hover dictionary and a glossary of political terms.',
    permissions: ['storage', 'contextMenus', 'scripting'],
    host_permissions: ['<all_urls>'],
    optional_host_permissions: ['http://127.0.0.1:8765/*'],
    // The detector (entrypoints/detector.ts): the one script on every page; the reader is injected where it finds
    // Chinese prose.
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['detector.js'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_end',
      },
    ],
    commands: {
      'toggle-pinyin': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Toggle pinyin on this page',
      },
      'cycle-script': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Cycle the script: original, Simplified, Traditional (Taiwan), Traditional (Hong Kong)',
      },
      'read-page': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Read this page: pinyin on any Chinese text here, even where Dubao did not offer it',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: 'Turn Dubao on or off for this site',
      },
    },
    ...(browser === 'firefox'
      ? {
          // WXT builds Firefox as MV2, where an optional host is an optional permission.
          optional_permissions: ['http://127.0.0.1:8765/*'],
          browser_specific_settings: {
            gecko: {
              id: 'dubao@dubao.example',
              strict_min_version: '115.0',
              // Nothing leaves the browser (AnkiConnect is on this computer and asked for by the user).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
