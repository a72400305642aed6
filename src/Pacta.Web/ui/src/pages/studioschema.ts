import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
// The project's JSON Schema for agreement files, bundled at build time: completion offers its keys and enum values.
import schema from '../../../../../schema/agreement.schema.json';

type Node = any;

/** A line's parts: indentation, the list dashes after it, the key (if the line is "key: …"). */
function parts(line: string) {
  const m = /^(\s*)((?:-\s+)*)(.*)$/.exec(line)!;
  const key = /^([A-Za-z0-9_-]+)\s*:/.exec(m[3])?.[1];
  return { indent: m[1].length, dashes: m[2].length, keyIndent: m[1].length + m[2].length, rest: m[3], key };
}

/**
 * The path of keys (and '[]' for a list item) that contains a key written at column `col` of line `n` (0-based), read
 * from indentation alone, so it works on text that does not parse yet (which is when completion is wanted).
 */
export function pathAt(lines: string[], n: number, col: number, inItem: boolean, dashCol: number): string[] {
  const path: string[] = [];
  let cur = col;
  if (inItem) { path.unshift('[]'); cur = dashCol; }
  for (let i = n - 1; i >= 0 && cur > 0; i--) {
    const p = parts(lines[i]);
    if (!p.rest || p.rest.startsWith('#')) continue;
    if (p.key && p.keyIndent < cur) {
      path.unshift(p.key); cur = p.keyIndent;
      if (p.dashes) { path.unshift('[]'); cur = p.indent; }
    } else if (p.dashes && p.indent < cur) { path.unshift('[]'); cur = p.indent; }
  }
  return path;
}

/** The node and every alternative it allows (oneOf/anyOf/allOf), so a key of any variant is offered. */
function variants(node: Node): Node[] {
  if (!node || typeof node !== 'object') return [];
  return [node, ...['oneOf', 'anyOf', 'allOf'].flatMap(k => (node[k] ?? []).flatMap(variants))];
}

export function resolve(path: string[]): Node | undefined {
  let node: Node = schema;
  for (const step of path) {
    const vs = variants(node);
    node = step === '[]' ? vs.map(v => v.items).find(Boolean) : vs.map(v => v.properties?.[step]).find(Boolean);
    if (!node) return undefined;
  }
  return node;
}

export function keysOf(node: Node): { key: string; info?: string }[] {
  const seen = new Map<string, string | undefined>();
  for (const v of variants(node)) for (const [k, p] of Object.entries<any>(v.properties ?? {})) if (!seen.has(k)) seen.set(k, p?.description);
  return [...seen].map(([key, info]) => ({ key, info }));
}

export function enumOf(node: Node): string[] {
  const out = new Set<string>();
  for (const v of variants(node)) {
    for (const x of v.enum ?? []) if (typeof x === 'string') out.add(x);
    if (typeof v.const === 'string') out.add(v.const);
    for (const iv of variants(v.items)) for (const x of iv.enum ?? []) if (typeof x === 'string') out.add(x);
  }
  return [...out];
}

/** CodeMirror completion source: keys where a key goes, enum values after "key: " (or inside "[…]"). */
export function schemaCompletion(ctx: CompletionContext): CompletionResult | null {
  const line = ctx.state.doc.lineAt(ctx.pos);
  const before = line.text.slice(0, ctx.pos - line.from);
  const lines = ctx.state.doc.toString().split('\n');
  const n = line.number - 1;
  const keyHere = /^(\s*)((?:-\s+)*)([A-Za-z0-9_-]*)$/.exec(before);
  if (keyHere) {
    if (!ctx.explicit && keyHere[3] === '' && !keyHere[2]) return null;
    const col = keyHere[1].length + keyHere[2].length;
    const node = resolve(pathAt(lines, n, col, keyHere[2].length > 0, keyHere[1].length));
    const keys = keysOf(node);
    if (keys.length === 0) return null;
    return { from: ctx.pos - keyHere[3].length, options: keys.map(k => ({ label: k.key, apply: `${k.key}: `, type: 'property', info: k.info })), validFor: /^[A-Za-z0-9_-]*$/ };
  }
  const valueHere = /^(\s*)((?:-\s+)*)([A-Za-z0-9_-]+):\s*(?:\[(?:[^\]]*,\s*)?)?([A-Za-z0-9_-]*)$/.exec(before);
  if (valueHere) {
    const col = valueHere[1].length + valueHere[2].length;
    const node = resolve([...pathAt(lines, n, col, valueHere[2].length > 0, valueHere[1].length), valueHere[3]]);
    const values = enumOf(node);
    if (values.length === 0) return null;
    return { from: ctx.pos - valueHere[4].length, options: values.map(v => ({ label: v, type: 'enum' })), validFor: /^[A-Za-z0-9_-]*$/ };
  }
  return null;
}
