// One linter for the whole tree (Prettier formats): typescript-eslint's type-checked rules, and the boundaries of
// docs/DESIGN.md as import rules per folder. `npm run lint` runs it; `npm test` and CI run that.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** An import path (as written) that a folder may not use, with the reason shown in the error. */
const banned = (regex, message) => ({ regex, message });

const DEXIE = banned(
  '^dexie',
  'IndexedDB belongs to the extension: reach it through lib/messages.ts (see docs/DESIGN.md)',
);
const DB = banned(
  '(^|/)db(/|$)',
  'No database here: data comes through lib/messages.ts or, in pages, a data module',
);
const WXT = banned('^(wxt|#imports)', 'No extension API here: lib/ logic takes data in and gives data out');
const HEAVY = ['pinyin-pro', 'opencc-js', 'dexie', 'preact', 'valibot', '@pinyin-pro/data'].map((name) =>
  banned(`^${name}($|/)`, 'The detector runs on every page and frame: budget 10 KB, nothing heavy'),
);
const ENTRYPOINTS = ['background', 'reader\\.content', 'popup', 'options', 'detector', 'detect-prose'];
/** Entrypoints never import each other's folders: what two contexts share lives in lib/. */
const notOtherEntrypoints = (self) =>
  banned(
    `(^|/)(${ENTRYPOINTS.filter((e) => e !== self).join('|')})(/|$)`,
    'An entrypoint never imports another entrypoint: move what both need to lib/',
  );
const NOT_ENTRYPOINTS = banned('(^|/)entrypoints/', 'lib/ and components/ never import an entrypoint');

const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.flat() }],
});

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'public/**', '.screenshots-tmp/**', 'tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Preact calls event handlers and ignores what they return: an async onClick is fine there.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Message handlers are async without awaiting on purpose: a throw becomes a rejection the dispatcher answers.
      '@typescript-eslint/require-await': 'off',
      // Its newer check wants type arguments where an assertion reads better (`(await t.primaryKeys()) as number[]`,
      // `sendMessage(msg) as Promise<…>`); the assertions it found unnecessary were removed when it was added.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Props and ports are declared with method syntax (`onSave(): void`) and passed along unbound by design.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  // ---- boundaries (docs/DESIGN.md "The house") ----------------------------------------------------------------
  {
    files: ['lib/**', 'components/**'],
    rules: restrict(NOT_ENTRYPOINTS),
  },
  {
    // Logic with no extension API; storage.ts and send.ts are the two doors to it.
    files: ['lib/**'],
    ignores: ['lib/storage.ts', 'lib/send.ts'],
    rules: {
      ...restrict(NOT_ENTRYPOINTS, WXT),
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Extension APIs stay in entrypoints/ (or lib/send.ts, lib/storage.ts)' },
        { name: 'chrome', message: 'Extension APIs stay in entrypoints/' },
      ],
    },
  },
  {
    // The text core: no DOM, no storage, nothing of the page or the extension.
    files: ['lib/text/**'],
    rules: {
      ...restrict(
        NOT_ENTRYPOINTS,
        WXT,
        DEXIE,
        DB,
        banned(
          '(^|/)(dom|reader|engine|storage|send|messages|vocab|glossary)(/|$|\\.ts$)',
          'lib/text is the core: it imports nothing else of lib/',
        ),
      ),
      'no-restricted-globals': [
        'error',
        'document',
        'window',
        'navigator',
        'localStorage',
        'indexedDB',
        'browser',
        'chrome',
      ],
    },
  },
  {
    // What runs inside visited pages: IndexedDB opened there would belong to the site.
    files: [
      'entrypoints/reader.content/**',
      'entrypoints/detector.ts',
      'entrypoints/detect-prose.ts',
      'entrypoints/site-look.ts',
      'lib/reader/**',
      'lib/dom/**',
    ],
    rules: restrict(
      NOT_ENTRYPOINTS,
      DEXIE,
      DB,
      banned('(^|/)(engine|storage-db)(/|$)', 'The engine runs in the background'),
    ),
  },
  {
    files: ['entrypoints/reader.content/**'],
    rules: restrict(
      DEXIE,
      DB,
      notOtherEntrypoints('reader\\.content'),
      banned('(^|/)engine(/|$)', 'The engine runs in the background'),
    ),
  },
  {
    // The detector and what it imports: every page and frame pays for it (the full detector, every page with CJK).
    files: [
      'entrypoints/detector.ts',
      'entrypoints/detect-prose.ts',
      'entrypoints/site-look.ts',
      'lib/dom/detect-document.ts',
      'lib/dom/first-look.ts',
      'lib/dom/late-look.ts',
      'lib/dom/first-screen.ts',
      'lib/dom/runs.ts',
      'lib/dom/editable.ts',
      'lib/text/han.ts',
      'lib/text/detect.ts',
      'lib/text/script.ts',
    ],
    rules: restrict(NOT_ENTRYPOINTS, DEXIE, DB, HEAVY, notOtherEntrypoints('detector')),
  },
  { files: ['entrypoints/background/**'], rules: restrict(notOtherEntrypoints('background')) },
  { files: ['entrypoints/popup/**'], rules: restrict(notOtherEntrypoints('popup')) },
  { files: ['entrypoints/options/**'], rules: restrict(notOtherEntrypoints('options')) },
  {
    // The options page's views get their data from their data module (lib/options/<view>.ts), never the database.
    files: ['components/options/views/**', 'entrypoints/options/App.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            notOtherEntrypoints('options'),
            DEXIE,
            {
              ...banned(
                '(^|/)lib/(db|engine)(/|$)',
                'Views reach the database through their data module (lib/options/)',
              ),
              allowTypeImports: true,
            },
            banned(
              '(^|/)lib/vocab/(backup|import-rows|export-items)$',
              'Views reach the database through their data module (lib/options/)',
            ),
            banned(
              '(^|/)lib/(storage|send)(\\.ts)?$',
              'Only main.tsx binds storage and messaging (lib/options/env.ts)',
            ),
          ],
        },
      ],
    },
  },
  {
    // The options page's pieces: props in, events out.
    files: ['components/options/parts/**'],
    rules: restrict(
      NOT_ENTRYPOINTS,
      DEXIE,
      WXT,
      { ...banned('(^|/)lib/(db|engine)(/|$)', 'Parts get their data by props'), allowTypeImports: true },
      banned(
        '(^|/)(lib/)?options/(?!format$)[^/]+$|(^|/)(lib/)?(storage|send)(\\.ts)?$',
        'Parts get their data by props',
      ),
    ),
  },
  {
    // Prop-driven pieces: no database, no storage, no messaging.
    files: ['components/**'],
    ignores: ['components/options/**'],
    rules: restrict(
      NOT_ENTRYPOINTS,
      DEXIE,
      WXT,
      banned('(^|/)lib/(db|engine|storage|send)(/|$|\\.ts$)', 'Components get their data by props'),
    ),
  },
  {
    // Tests and tools may reach anything; their own sloppiness costs less than rules they would disable.
    files: ['tests/**', 'tools/**', 'eslint.config.js'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
);
