// Every UI string goes through the catalogues: both locales have the same keys and placeholders,
// and no .tsx file outside the catalogues (lib/i18n and each features/<name>/messages.ts) carries user-visible text of its own.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { en, zhCN } from '../src/lib/i18n/catalogues.ts';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const CATALOGUES = new Set(['lib/i18n/zh-CN.ts', 'lib/i18n/en.ts']);
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LETTERS = /[A-Za-z\u3400-\u9fff]/;
const TEXT_PROPS = new Set([
  'title',
  'placeholder',
  'label',
  'alt',
  'aria-label',
  'okText',
  'cancelText',
  'subTitle',
  'description',
  'tooltip',
  'extra',
  'message',
  'content',
  'emptyText',
  'openLabel',
  'subtitle',
]);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('both locales have exactly the same keys', () => {
  const zh = Object.keys(zhCN);
  const english = Object.keys(en);
  assert.deepEqual(
    zh.filter((k) => !(k in en)),
    [],
    'keys missing in en',
  );
  assert.deepEqual(
    english.filter((k) => !(k in zhCN)),
    [],
    'keys missing in zh-CN',
  );
});

test('no message is empty and placeholders agree between locales', () => {
  for (const [key, zh] of Object.entries(zhCN) as [keyof typeof zhCN, string][]) {
    assert.ok(zh.trim(), `empty zh-CN message ${key}`);
    assert.ok(en[key].trim(), `empty en message ${key}`);
    assert.deepEqual(placeholders(en[key]), placeholders(zh), `placeholders differ for ${key}`);
  }
});

test('the en catalogue is English', () => {
  const chinese = Object.entries(en).filter(([k, v]) => k !== 'locale.zh-CN' && CJK.test(v));
  assert.deepEqual(chinese, []);
});

function sourceFiles(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => f.split('\\').join('/'))
    .filter((f) => !CATALOGUES.has(f) && !/^features\/[^/]+\/messages\.ts$/.test(f));
}

export function findLiterals(file: string, text: string): string[] {
  const found: string[] = [];
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const where = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTERS.test(node.text))
      found.push(`${where(node)} JSX text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression
          : null;
      if (literal && TEXT_PROPS.has(name) && LETTERS.test(literal.text)) {
        found.push(`${where(node)} ${name}="${literal.text}"`);
      }
    }
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression)) {
      if (ts.isJsxElement(node.parent) && LETTERS.test(node.expression.text)) {
        found.push(`${where(node)} JSX string "${node.expression.text}"`);
      }
    }
    if (
      (ts.isStringLiteralLike(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      CJK.test(node.text)
    ) {
      found.push(`${where(node)} Chinese text "${node.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

test('no UI text literal outside the catalogues', () => {
  const found = sourceFiles().flatMap((f) =>
    findLiterals(relative(SRC, join(SRC, f)), readFileSync(join(SRC, f), 'utf8')),
  );
  assert.deepEqual(found, []);
});

test('the scan catches text in JSX, in labelled props and Chinese anywhere', () => {
  const sample = [
    'export const A = () => <div title="Hello">Submit now<b>{"Click"}</b></div>;',
    "export const B = () => <input placeholder={'名字'} aria-label={t('x')} />;",
    "const msg = '提交成功';",
  ].join('\n');
  const found = findLiterals('sample.tsx', sample).join('\n');
  for (const text of ['Hello', 'Submit now', 'Click', '名字', '提交成功'])
    assert.ok(found.includes(text), text);
  assert.deepEqual(
    findLiterals('ok.tsx', 'export const C = () => <span className="x">{t(\'a\')} · {n}</span>;'),
    [],
  );
});
