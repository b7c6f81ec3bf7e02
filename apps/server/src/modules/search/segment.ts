import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

// jieba (N-API, prebuilt in its npm package) with its bundled dictionary, loaded on first use.
let jieba: Jieba | undefined;
function load(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba: J } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = J.withDict(dict);
  }
  return jieba;
}

const WORD = /[\p{L}\p{N}]/u;

/** Index terms for a document: jieba's search mode also emits the words inside long words. */
export function indexTerms(text: string): string[] {
  return [...new Set(load().cutForSearch(text, true).map(norm).filter(keep))];
}

/** The words of a query or of a text to compare: jieba's precise mode. */
export function words(text: string): string[] {
  return load().cut(text, true).map(norm).filter(keep);
}

const norm = (t: string) => t.trim().toLowerCase();
const keep = (t: string) => t.length > 0 && t.length <= 60 && WORD.test(t);
