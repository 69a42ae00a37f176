/**
 * Keeps the catalogue whole: every key the code asks for exists in every
 * language with the same {{values}}, no language has keys the others lack,
 * and no component shows text that bypasses the catalogue.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from './index';

const SRC = join(__dirname, '..', '..');

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, ext));
    else if (ext.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}

function flatten(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (obj && typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') out.set(key, v);
      else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    }
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const values = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Components whose text is still being moved into the catalogue. Must shrink to nothing. */
const PENDING = new Set<string>([
]);

// Text a component may show as written: symbols, units, and names that are not words of a language.
const ALLOWED_TEXT = /^[\s\d\p{P}\p{S}×–—…·→←↑↓]*$/u;
// The product's name is the same in every language.
const NAMES = new Set(['Meridian']);
const TEXT_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label', 'aria-description', 'aria-roledescription', 'aria-valuetext']);

interface Node {
  type: string;
  data?: string;
  name?: string;
  value?: unknown;
  start: number;
  [k: string]: unknown;
}

/** Text nodes and static text attributes with letters in them. */
function hardCoded(source: string): string[] {
  const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
  const found: string[] = [];
  const line = (pos: number) => source.slice(0, pos).split('\n').length;
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as Node;
    if (n.type === 'Text' && typeof n.data === 'string' && !ALLOWED_TEXT.test(n.data) && !NAMES.has(n.data.trim())) {
      found.push(`line ${line(n.start)}: "${n.data.trim().slice(0, 60)}"`);
    }
    if (n.type === 'Attribute' && n.name && TEXT_ATTRIBUTES.has(n.name) && Array.isArray(n.value)) {
      for (const part of n.value as Node[]) {
        if (part.type === 'Text' && typeof part.data === 'string' && !ALLOWED_TEXT.test(part.data)) {
          found.push(`line ${line(part.start)}: ${n.name}="${part.data.slice(0, 60)}"`);
        }
      }
    }
    // Other attributes (class, role, ids, paths) are code.
    if (n.type === 'Attribute') return;
    for (const [k, v] of Object.entries(n)) {
      // Scripts and styles are code, not text shown.
      if (k === 'instance' || k === 'module' || k === 'css') continue;
      if (v && typeof v === 'object') walk(v);
    }
  };
  walk(ast.fragment);
  return found;
}

describe('the message catalogue', () => {
  const en = flatten(CATALOGUES.en);

  it('has every language with exactly the keys and {{values}} of English', () => {
    expect(en.size).toBeGreaterThan(0);
    for (const lang of LANGUAGES) {
      const other = flatten(CATALOGUES[lang]);
      const base = (k: string) => k.replace(PLURAL, '');
      const enBases = new Set([...en.keys()].map(base));
      const otherBases = new Set([...other.keys()].map(base));
      expect([...enBases].filter((k) => !otherBases.has(k)), `keys missing in ${lang}`).toEqual([]);
      expect([...otherBases].filter((k) => !enBases.has(k)), `keys only in ${lang}`).toEqual([]);
      for (const [key, text] of other) {
        expect(text.trim(), `${lang} ${key} is empty`).not.toBe('');
        const enText = en.get(key) ?? en.get(`${base(key)}_other`) ?? en.get(base(key)) ?? '';
        expect(values(text), `${lang} ${key} names other values than English`).toEqual(values(enText));
      }
    }
  });

  it('has every key the code asks for', () => {
    const missing: string[] = [];
    for (const file of files(SRC, /\.(svelte|ts)$/)) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'\s*(,\s*\{[^}]*\bcount\b)?/g)) {
        const key = m[1];
        const plural = Boolean(m[2]);
        const ok = plural ? en.has(`${key}_one`) || en.has(`${key}_other`) || en.has(key) : en.has(key);
        if (!ok) missing.push(`${relative(SRC, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('leaves no text in a component outside the catalogue', () => {
    const found: string[] = [];
    const stillPending: string[] = [];
    for (const file of files(SRC, /\.svelte$/)) {
      const name = relative(SRC, file);
      const hits = hardCoded(readFileSync(file, 'utf8'));
      if (PENDING.has(name)) {
        if (hits.length === 0) stillPending.push(name);
      } else {
        found.push(...hits.map((h) => `${name} ${h}`));
      }
    }
    expect(found).toEqual([]);
    expect(stillPending, 'these are done: take them off PENDING').toEqual([]);
  });
});
