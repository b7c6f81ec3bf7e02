import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { lifecycleEdges } from './diagram.ts';

it('docs/domain/case-lifecycle.md draws exactly the transition table', () => {
  const doc = readFileSync(new URL('../../../../docs/domain/case-lifecycle.md', import.meta.url), 'utf8');
  const block = doc.split('```mermaid')[1]?.split('```')[0] ?? '';
  const drawn = block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.includes('-->'))
    .sort();
  assert.deepEqual(drawn, lifecycleEdges());
});
