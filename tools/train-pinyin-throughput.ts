// Pinyin throughput over the sample newspaper page, as `npm run bench` measures it (chars/ms, median of warm
// passes), three times: a quick check that a new pinyin model keeps lib/text/pinyin fast.
// tsx tools/train-pinyin-throughput.ts
import { measureLibThroughput } from './bench/lib-throughput';

for (let i = 0; i < 3; i++) console.log(`pinyin: ${measureLibThroughput().pinyinCharsPerMs} chars/ms`);
