#!/usr/bin/env python3
"""Brands named like people, for the PERSON recognizer's precision (core/src/pii/person_brands.c).

Reads the brand entries of name-suggestion-index (BSD-3-Clause; `npm install name-suggestion-index` into a
temporary directory, never committed) and the name gazetteer data/pii/names.tsv, and keeps the brand names
in which a word is a known given or family name: the only brands the recognizer could take for a person
(Michael Kors, Tim Hortons, Wendy's). Brand names that read as an ordinary person's full name (every word
a common English given or family name: John Lewis, Frank Ross) are left out: a private person is far more
often called that. Writes data/pii/brands.tsv (reviewable) and core/src/pii/brands_data.c (sorted keys,
lower-case, searched by bisection).

usage: build_brands.py NODE_MODULES_DIR REPO_ROOT
"""
import json
import os
import re
import sys

SUFFIX = {"new york", "outlet", "outlets", "home", "kids", "men", "women"}  # "Kate Spade New York"
PREFIX = {"polo"}
BLOOM_BITS = 16384  # must match PII_BRAND_BLOOM_BITS in person_brands.h  # "Polo Ralph Lauren"


def load_names(path):
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            k, fl = line.rstrip("\n").split("\t")
            names[k] = int(fl)
    return names


def words(nm):
    return nm.split(" ")


def base(t):
    t = t.lower()
    return t[:-2] if t.endswith("'s") else t


def is_name(names, t):
    f = names.get(base(t), 0)
    return bool(f & 3) and not (f & 4 and not f & 3)


def ordinary_full_name(names, ws):
    """Every word a common English given or family name (John Lewis): a person first."""
    if len(ws) < 2 or any(w.lower().endswith("'s") for w in ws):
        return False
    return all(names.get(w.lower(), 0) & (8 | 16) for w in ws)


def keys_of(names, nm):
    """The keys a brand name gives: itself, and its person-named core without a generic suffix or prefix."""
    nm = nm.replace("\u2019", "'").strip()
    if not re.fullmatch(r"[A-Z][A-Za-z'.&\- ]*", nm) or "  " in nm:
        return []
    ws = words(nm)
    if len(ws) > 4 or any(not w for w in ws):
        return []
    out = [ws]
    low = nm.lower()
    for sfx in SUFFIX:
        if low.endswith(" " + sfx) and len(ws) - len(sfx.split()) >= 2:
            out.append(ws[: len(ws) - len(sfx.split())])
    if ws[0].lower() in PREFIX and len(ws) >= 3:
        out.append(ws[1:])
    keep = []
    for k in out:
        if len(k) == 1 and not k[0].lower().endswith("'s"):
            continue  # a lone name (Dyson, Chase) is a person too often: only "Wendy's" shapes
        if not all(w[0].isupper() or w == "&" for w in k):
            continue
        if not any(is_name(names, w) for w in k if w != "&"):
            continue
        if ordinary_full_name(names, k):
            continue
        keep.append(" ".join(k))
    return keep


# Firm words: the last word of many brand and operator names ("Thomas Cook Travel Services", "Acme Bank") that is
# no given, family or place name of names.tsv and is a lower-case English word of Debian's wamerican list
# (a common noun, not a town: "Stadtwerke München"), or, outside English, ends 15 or more names ("Netz",
# "GmbH", "Eczanesi"). Left out: words that as often open a new phrase after a person's name in
# title case or in a chat ("Hi Anna Now ...", "Maria Home office"): adverbs, adjectives and verbs of the list,
# and country or region names that the name list does not flag.
FIRM_MIN, FIRM_MIN_CATS = 8, 2
FIRM_DROP = {"one", "now", "plus", "super", "popular", "select", "direct", "local", "fresh", "stop", "share",
             "charge", "connect", "drive", "point", "place", "home", "land", "lands", "zone", "corner", "box",
             "force", "kids", "wind", "works", "project", "operating", "gathering", "social", "international",
             "deutschland", "münchen", "norte", "charging", "rescue", "security", "protection", "patrol",
             "army", "government", "union", "board", "mail", "spa", "first", "out", "together", "zero", "john's",
             "guys", "people", "break", "change", "move", "contact", "collect", "executive", "living", "sonic",
             "planet", "republic", "civil", "northwest", "culture", "children", "safety", "survey", "tree",
             "glass", "rural", "mountain"}
WORDLIST = "/usr/share/dict/american-english"


def firm_words(nsi, names):
    try:
        english = {w.strip() for w in open(WORDLIST, encoding="utf-8")}
    except OSError:
        sys.exit("build_brands.py: " + WORDLIST + " is missing (apt-get install wamerican)")
    count, cats = {}, {}
    for path, v in nsi.items():
        parts = path.split("/")
        if parts[0] not in ("brands", "operators"):
            continue
        for it in v["items"]:
            tags = it.get("tags", {})
            seen = set()
            for nm in {it.get("displayName", ""), tags.get("brand", ""), tags.get("name", "")}:
                ws = nm.split()
                if len(ws) < 2:
                    continue
                w = ws[-1]
                if not w[:1].isupper() or w.isupper() or w in seen:
                    continue
                seen.add(w)
                count[w] = count.get(w, 0) + 1
                cats.setdefault(w, set()).add(parts[1] if len(parts) > 1 else parts[0])
    out = set()
    for w, c in count.items():
        low = w.lower()
        if names.get(low, 0) & (1 | 2 | 32) or w.endswith(")") or len(w) < 3 or low in FIRM_DROP:
            continue
        if not (c >= FIRM_MIN or (c >= 4 and len(cats[w]) >= FIRM_MIN_CATS)):
            continue
        if low in english or (c >= 15 and w not in english):
            out.add(low)
    return sorted(out, key=lambda k: k.encode())


def eponym_firms(nsi, names):
    """Brand names that read as an ordinary person's full name (Morgan Stanley, Thomas Cook, Raymond James): left
    out of the brand list, they are kept here for person_named_things.c, which takes them for the firm only
    in a firm's frame (a business noun after them, "at" after a person's name)."""
    out = set()
    for path, v in nsi.items():
        if not path.startswith("brands/"):
            continue
        for it in v["items"]:
            tags = it.get("tags", {})
            for nm in {it.get("displayName", ""), tags.get("brand", ""), tags.get("name", "")}:
                ws = words(nm.replace("\u2019", "'").strip())
                if (2 <= len(ws) <= 3 and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in ws)
                        and ordinary_full_name(names, ws)):
                    out.add(" ".join(ws).lower())
    return sorted(out, key=lambda k: k.encode())


def write_firm_words(root, version, words, eponyms):
    with open(os.path.join(root, "data/pii/firm_words.tsv"), "w", encoding="utf-8") as f:
        f.write("# Words that end firm names, generated by tools/brands/build_brands.py from name-suggestion-index "
                f"{version} (BSD-3-Clause) and wamerican; do not edit.\n")
        for k in words:
            f.write(k + "\n")
    with open(os.path.join(root, "core/src/pii/firm_words_data.c"), "w", encoding="utf-8") as f:
        f.write("/* Words that end firm names (lower case, sorted by bytes), generated by tools/brands/build_brands.py\n"
                f" * from name-suggestion-index {version} (BSD-3-Clause) and wamerican; do not edit. */\n")
        f.write('#include "person_brands.h"\n\n')
        f.write("const char *const pii_firm_words[] = {\n")
        for k in words:
            f.write('    "' + "".join(c if ord(c) < 128 else "".join(f"\\{b:03o}" for b in c.encode()) for c in k) + '",\n')
        f.write("    NULL};\n")
        f.write(f"const size_t pii_firm_word_count = {len(words)};\n")
        f.write("\n/* Brands named exactly like an ordinary person (\"morgan stanley\", \"thomas cook\"), lower case, sorted by bytes:\n"
                " * a firm only in a firm's frame. */\n")
        f.write("const char *const pii_eponym_firms[] = {\n")
        for k in eponyms:
            f.write('    "' + k + '",\n')
        f.write("    NULL};\n")
        f.write(f"const size_t pii_eponym_firm_count = {len(eponyms)};\n")


def main():
    nm_dir, root = sys.argv[1], sys.argv[2]
    names = load_names(os.path.join(root, "data/pii/names.tsv"))
    pkg = os.path.join(nm_dir, "name-suggestion-index")
    version = json.load(open(os.path.join(pkg, "package.json")))["version"]
    nsi = json.load(open(os.path.join(pkg, "dist/json/nsi.json"), encoding="utf-8"))["nsi"]
    keys = set()
    for path, v in nsi.items():
        if not path.startswith("brands/"):
            continue
        for it in v["items"]:
            tags = it.get("tags", {})
            for nm in {it.get("displayName", ""), tags.get("brand", ""), tags.get("name", "")}:
                for k in keys_of(names, nm):
                    keys.add(k.lower())
    keys = sorted(keys, key=lambda k: k.encode())
    with open(os.path.join(root, "data/pii/brands.tsv"), "w", encoding="utf-8") as f:
        f.write("# Brands named like people, generated by tools/brands/build_brands.py from name-suggestion-index "
                f"{version} (BSD-3-Clause); do not edit.\n")
        for k in keys:
            f.write(k + "\n")
    with open(os.path.join(root, "core/src/pii/brands_data.c"), "w", encoding="utf-8") as f:
        f.write("/* Brands named like people (lower case, sorted by bytes), generated by tools/brands/build_brands.py\n"
                f" * from name-suggestion-index {version} (BSD-3-Clause); do not edit. */\n")
        f.write('#include "person_brands.h"\n\n')
        f.write("const char *const pii_brand_keys[] = {\n")
        for k in keys:
            f.write('    "' + k.replace("\\", "\\\\").replace('"', '\\"') + '",\n')
        f.write("};\n")
        f.write(f"const size_t pii_brand_count = {len(keys)};\n")
        bits = [0] * (BLOOM_BITS // 64)
        for k in keys:
            h = first_word_hash(k) % BLOOM_BITS
            bits[h // 64] |= 1 << (h % 64)
        f.write("/* one bit per first word of a key (FNV-1a modulo the size): most names ask no further */\n")
        f.write(f"const uint64_t pii_brand_first_bits[{BLOOM_BITS // 64}] = {{\n")
        for i in range(0, len(bits), 4):
            f.write("    " + " ".join(f"0x{b:016x}u," for b in bits[i:i + 4]) + "\n")
        f.write("};\n")
    print(len(keys), "keys")
    firm = firm_words(nsi, names)
    eponyms = eponym_firms(nsi, names)
    write_firm_words(root, version, firm, eponyms)
    print(len(firm), "firm words,", len(eponyms), "firms named like a person")


def first_word_hash(key):
    """FNV-1a (32 bits) of the key's first word, as person_brands.c computes it."""
    h = 2166136261
    for c in key.split(" ")[0].encode():
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


if __name__ == "__main__":
    main()
