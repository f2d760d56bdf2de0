/**
 * Command-line evaluation of lib/ on text (contract in docs/DESIGN.md): `npm run -s eval -- TASK [options] < input`.
 *   segment [--glossary]   line → words separated by single spaces (--glossary: glossary terms stay whole)
 *   convert --to cn|tw|twp|hk [--from any|tw|hk]   lines → converted lines, word by word as pages are
 *   detect                 an HTML document → {"chinese","script","hanChars","blocks"}
 *   pinyin                 line → one token per character, Han as pinyin with tone number, no sandhi
 *   terms                  line → JSON array of the glossary terms found (Simplified forms), in order
 *   glossary               no input → JSON array of the built-in glossary
 */
import { readFileSync } from 'node:fs';

type Task = (input: string, args: string[]) => Promise<string> | string;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

/** Input lines without their terminators; a final newline does not make an extra empty line. */
function lines(input: string): string[] {
  if (input.length === 0) return [];
  const out = input.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (out[out.length - 1] === '') out.pop();
  return out;
}

class UsageError extends Error {}

const tasks: Record<string, Task> = {
  async segment(input, args) {
    const { createSegmenter } = await import('../lib/text/segment');
    const { defaultLexicon } = await import('../lib/text/lexicon-default');
    const segmenter = createSegmenter(defaultLexicon());
    let terms: string[] | undefined;
    if (args.includes('--glossary')) {
      const { builtinGlossary, termsForEngine } = await import('../lib/glossary/index');
      terms = termsForEngine(builtinGlossary()).map((t) => t.word);
    }
    return lines(input)
      .map((line) =>
        segmenter
          .segment(line, { terms })
          .map((t) => t.text)
          .filter((t) => t.trim() !== '')
          .join(' '),
      )
      .join('\n');
  },

  async convert(input, args) {
    const { getWordConverter, isScriptTarget, TRADITIONAL_SOURCES } = await import('../lib/text/convert');
    const to = option(args, '--to');
    if (!to || !isScriptTarget(to)) throw new UsageError('convert needs --to cn|tw|twp|hk');
    const from = option(args, '--from') ?? 'any';
    if (!(TRADITIONAL_SOURCES as readonly string[]).includes(from)) {
      throw new UsageError('--from must be any, tw or hk');
    }
    // As pages are converted: segmented with the glossary's terms, word by word, terms in their own forms.
    const { createSegmenter } = await import('../lib/text/segment');
    const { defaultLexicon } = await import('../lib/text/lexicon-default');
    const { builtinGlossary, termsForEngine } = await import('../lib/glossary/index');
    const { createTermMatcher } = await import('../lib/glossary/match');
    const { buildView } = await import('../lib/engine/build-view');
    const glossary = builtinGlossary();
    const terms = termsForEngine(glossary);
    const engine = {
      segmenter: createSegmenter(defaultLexicon()),
      terms,
      termWords: terms.map((t) => t.word),
      matcher: createTermMatcher(glossary),
      convert: getWordConverter(to, from as 'any' | 'tw' | 'hk'),
    };
    const settings = { pinyin: false, pinyinStyle: 'marks' as const, script: to };
    return lines(input)
      .map((line) =>
        buildView(line, settings, engine)
          .tokens.map((t) => t.display)
          .join(''),
      )
      .join('\n');
  },

  async pinyin(input) {
    const { pinyinLineForEval } = await import('../lib/text/pinyin');
    const { builtinGlossary, termsForEngine } = await import('../lib/glossary/index');
    const terms = termsForEngine(builtinGlossary());
    return lines(input)
      .map((line) => pinyinLineForEval(line, terms))
      .join('\n');
  },

  async detect(input) {
    const { Window } = await import('happy-dom');
    const { detectDocument } = await import('../lib/dom/detect-document');
    const window = new Window();
    const document = new window.DOMParser().parseFromString(input, 'text/html') as unknown as Document;
    const { chinese, script, hanChars, blocks } = detectDocument(document);
    await window.happyDOM.close();
    return JSON.stringify({ chinese, script, hanChars, blocks });
  },

  async terms(input) {
    const { builtinGlossary, findTerms } = await import('../lib/glossary/index');
    const entries = builtinGlossary();
    return lines(input)
      .map((line) => JSON.stringify(findTerms(line, entries).map((m) => m.form.simplified)))
      .join('\n');
  },

  async glossary() {
    const { builtinGlossary } = await import('../lib/glossary/index');
    return JSON.stringify(builtinGlossary());
  },
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const task = name ? tasks[name] : undefined;
  if (!task) {
    process.stderr.write(
      `eval: unknown task ${JSON.stringify(name ?? '')}; tasks: ${Object.keys(tasks).join(', ')}\n`,
    );
    return 2;
  }
  const input = name === 'glossary' ? '' : readFileSync(0, 'utf8');
  try {
    const out = await task(input, args);
    process.stdout.write(out.endsWith('\n') ? out : out + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`eval ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main();
