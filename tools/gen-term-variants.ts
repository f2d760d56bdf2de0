// Writes lib/glossary/data/variants.json: regional variant characters of Traditional print, each folded to the
// one form the glossary's data writes (Taiwan standard, as OpenCC's s2tw gives it), one code unit for one, so the
// term matcher can read Hong Kong and Taiwan text as printed without converting it and without moving offsets.
// Sources: OpenCC's TWVariants and HKVariants tables as opencc-js ships them (Apache-2.0), plus the pairs below
// that OpenCC keeps apart but the press uses interchangeably.
// tsx tools/gen-term-variants.ts
import { writeFileSync } from 'node:fs';

const openccDict = async (name: string): Promise<string> =>
  ((await import(`opencc-js/dict/${name}`)) as { default: string }).default;
const pairs = (packed: string) => packed.split('|').map((e) => e.split(' ') as [string, string]);

// Characters that are words of their own and must not merge: 幺 (yāo, "one") is not 么.
const KEEP_APART = new Set(['幺']);
// Same word, two spellings, both current: [variant, the data's form].
const EXTRA: [string, string][] = [
  ['綫', '線'], // Hong Kong print
  ['台', '臺'], // 台灣 / 臺灣: both current in Taiwan and Hong Kong print; the data writes 臺 (s2tw)
  ['着', '著'], // Hong Kong 着 for the particle, Taiwan 著
  ['裏', '裡'],
];

const fold = new Map<string, string>();
const resolve = (c: string): string => {
  for (let seen = 0, x = c; seen < 10; seen++) {
    const next = fold.get(x);
    if (next === undefined) return x;
    x = next;
  }
  throw new Error(`cycle at ${c}`);
};
const add = (variant: string, canonical: string) => {
  if (KEEP_APART.has(variant) || KEEP_APART.has(canonical)) return;
  if (variant.length !== 1 || canonical.length !== 1) return; // one UTF-16 unit each, so offsets survive
  const a = resolve(variant);
  const b = resolve(canonical);
  if (a !== b) fold.set(a, b);
};
// TWVariants: OpenCC standard → Taiwan form, and Taiwan's is the data's. HKVariants: standard → Hong Kong form,
// so the Hong Kong form folds to the standard (then on to Taiwan's where that differs).
for (const [standard, taiwan] of pairs(await openccDict('TWVariants'))) add(standard, taiwan);
for (const [variant, canonical] of EXTRA) add(variant, canonical);
for (const [standard, hongKong] of pairs(await openccDict('HKVariants'))) add(hongKong, standard);

const chars = Object.fromEntries([...fold.keys()].sort().map((c) => [c, resolve(c)] as const));
writeFileSync(
  'lib/glossary/data/variants.json',
  JSON.stringify(chars, null, 2).replace(/\n {2}/g, '\n  ') + '\n',
);
console.log(`wrote lib/glossary/data/variants.json: ${Object.keys(chars).length} characters`);
