import { SaxesParser } from 'saxes';

export interface Node {
  name: string;
  children: Node[];
  text: string;
}

/** Parses strictly (saxes rejects any well-formedness error) and returns the root element. */
export function parseXml(xml: string): { root: Node; declaration: boolean } {
  const parser = new SaxesParser();
  const stack: Node[] = [];
  let root: Node | undefined;
  let declaration = false;
  parser.on('xmldecl', (d) => {
    declaration = d.encoding?.toLowerCase() === 'utf-8';
  });
  parser.on('opentag', (t) => {
    if (Object.keys(t.attributes).length) throw new Error(`attributes on <${t.name}>`);
    if (t.name.includes(':')) throw new Error(`namespaced <${t.name}>`);
    const n: Node = { name: t.name, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(n);
    else root = n;
    stack.push(n);
  });
  parser.on('text', (s) => {
    if (stack.length) stack[stack.length - 1].text += s;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return { root, declaration };
}

const COLLECTIONS: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
};

/**
 * The Spark convention read back: collections become arrays of their singular children, leaves
 * become strings. Checks each collection holds only its named child.
 */
export function spark(n: Node): unknown {
  const child = COLLECTIONS[n.name];
  if (child) {
    for (const c of n.children) if (c.name !== child) throw new Error(`<${n.name}> holds <${c.name}>`);
    return n.children.map(spark);
  }
  if (!n.children.length) return n.text;
  return Object.fromEntries(n.children.map((c) => [c.name, spark(c)]));
}

/** JSON → the strings XML carries: booleans and numbers as text, null as empty. */
export function asXmlText(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(asXmlText);
  if (typeof v === 'object')
    return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, asXmlText(x)]));
  return String(v);
}
