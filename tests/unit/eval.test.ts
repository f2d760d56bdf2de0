import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

function run(args: string[], input = '') {
  const r = spawnSync(tsx, ['tools/eval.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('tools/eval.ts', () => {
  it('segment: one line of words separated by single spaces per input line', () => {
    const r = run(['segment'], '我们要坚持改革开放\n国務院總理今天在北京\n\nGDP增长5.2%，  很好\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe('我们 要 坚持 改革开放\n国務院 總理 今天 在 北京\n\nGDP 增长 5.2% ， 很 好\n');
  });

  it('segment: the same characters come back, in order', () => {
    const line = '中华人民共和国成立于1949年10月1日，首都北京。😀𠮷';
    const r = run(['segment'], line);
    expect(r.out.endsWith('\n')).toBe(true);
    expect(r.out.trimEnd().split(' ').join('')).toBe(line);
    expect(r.out).not.toContain('  ');
  });

  it('convert --to: each configuration converts line by line', () => {
    expect(run(['convert', '--to', 'tw'], '汉语\n软件\n').out).toBe('漢語\n軟件\n');
    expect(run(['convert', '--to', 'twp'], '软件\n').out).toBe('軟體\n');
    expect(run(['convert', '--to', 'hk'], '里面').out).toBe('裏面\n');
    expect(run(['convert', '--to', 'cn'], '漢語\n').out).toBe('汉语\n');
    // Word by word, as pages are converted: no phrase match across words (一个|中国, not 一箇中國).
    expect(run(['convert', '--to', 'tw'], '一个中国\n').out).toBe('一個中國\n');
    expect(run(['convert', '--to', 'cn', '--from', 'tw'], '他跟著我走\n').out).toBe('他跟着我走\n');
  }, 180_000);

  it('convert: a missing or unknown target is a usage error', () => {
    const r = run(['convert'], 'x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--to/);
    expect(run(['convert', '--to', 'xx'], 'x').code).toBe(2);
  });

  it('detect: an HTML document in, the JSON verdict out', () => {
    const html = `<html><body><nav><a href="/">首页</a></nav>
      <p>国务院总理今天在北京主持召开国务院常务会议，部署推进乡村振兴的措施。</p></body></html>`;
    const r = run(['detect'], html);
    expect(r.code).toBe(0);
    expect(r.out).toBe('{"chinese":true,"script":"simplified","hanChars":34,"blocks":1}\n');
    expect(run(['detect'], '<p>Hello</p>').out).toBe(
      '{"chinese":false,"script":null,"hanChars":0,"blocks":0}\n',
    );
  });

  it('segment --glossary: glossary terms come out whole', () => {
    expect(run(['segment'], '扎实推进共同富裕\n').out).toBe('扎实 推进 共同 富裕\n');
    expect(run(['segment', '--glossary'], '扎实推进共同富裕\n').out).toBe('扎实 推进 共同富裕\n');
  });

  it('an unknown task is reported on stderr with exit code 2', () => {
    const r = run(['nonsense']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/unknown task/);
  });

  it('terms and glossary: JSON arrays from the built-in glossary', () => {
    const terms = run(['terms'], '扎实推进共同富裕和乡村振兴\n');
    expect(terms.code).toBe(0);
    const found = JSON.parse(terms.out);
    expect(found).toEqual(expect.arrayContaining(['共同富裕', '乡村振兴']));
    expect(found.indexOf('共同富裕')).toBeLessThan(found.indexOf('乡村振兴'));
    const glossary = JSON.parse(run(['glossary']).out);
    expect(glossary.length).toBeGreaterThan(10);
    expect(Object.keys(glossary[0])).toEqual(
      expect.arrayContaining(['simplified', 'traditional', 'pinyin', 'english', 'explanation', 'category']),
    );
  });
});
