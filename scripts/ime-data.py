#!/usr/bin/env python3
"""Generates data/ime/chars.txt, the character data of the kiosk's built-in
pinyin and stroke input (src/kiosk/input/dict.rs reads it at build time).

Sources, all Debian packages (see docs/ime.md for the licences):

  rime-data-pinyin-simp  pinyin_simp.dict.yaml  simplified characters, their
                         readings and a count per reading (Apache-2.0,
                         derived from the Android Pinyin IME)
  rime-data-stroke       stroke.dict.yaml       each character's strokes as
                         h s p n z (LGPL-3; CNS11643 and a mainland table)
  rime-essay             essay.txt              character frequencies of a
                         Traditional-character corpus (LGPL-3)
  libopencc-data         STCharacters.ocd2, TSCharacters.ocd2: simplified to
                         Traditional and back (Apache-2.0); opencc_dict (from
                         the opencc package) turns them into text

Run:  python3 scripts/ime-data.py --fetch        (downloads the packages with
      apt-get download into --src, default /tmp/ime-src, and unpacks them)
      python3 scripts/ime-data.py                 (sources already there)

The hand-written lists data/ime/surnames.txt and data/ime/given-names.txt
are read too: every character they name is kept, whatever its frequency.

Output, one character a line, most frequent first (the line order is the
general frequency rank):

  char TAB readings TAB strokes [TAB simplified]

  readings    syllable:weight, space-separated, heaviest first; weight is
              round(10 * log2(count + 1)), so 10 points = twice as frequent
  strokes     h/s/p/n/z codes: the mainland stroke order, and for a
              Traditional-only form also the CNS11643 one when it differs
              (empty when the stroke table lacks the character)
  simplified  only for Traditional-only forms: the simplified character
              they stand for (張 -> 张)
"""

import argparse
import collections
import math
import os
import subprocess
import sys

PACKAGES = ["rime-data-pinyin-simp", "rime-data-stroke", "rime-essay", "libopencc-data",
            "libopencc1.1", "opencc", "libmarisa0"]
SIMPLIFIED_KEPT = 7000
# Interjection syllables (嗯 n, 呣 m, 哼 hng): no kiosk user types them, and
# as syllables they would break the segmentation of ordinary pinyin.
SKIPPED_SYLLABLES = {"m", "n", "ng", "hm", "hng"}
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fetch(src):
    os.makedirs(src, exist_ok=True)
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=src, check=True)
    for deb in sorted(f for f in os.listdir(src) if f.endswith(".deb")):
        subprocess.run(["dpkg", "-x", deb, "root"], cwd=src, check=True)


def opencc_text(src, name):
    """An OpenCC dictionary as text lines: key TAB values."""
    root = os.path.join(src, "root")
    out = os.path.join(src, name + ".txt")
    if not os.path.exists(out):
        env = dict(os.environ, LD_LIBRARY_PATH=os.path.join(root, "usr/lib/x86_64-linux-gnu"))
        subprocess.run([os.path.join(root, "usr/bin/opencc_dict"), "-i",
                        os.path.join(root, "usr/share/opencc", name + ".ocd2"), "-o", out,
                        "-f", "ocd2", "-t", "text"], check=True, env=env)
    table = {}
    for line in open(out, encoding="utf-8"):
        key, values = line.rstrip("\n").split("\t")
        table[key] = values.split(" ")
    return table


def rime(src, name):
    return os.path.join(src, "root/usr/share/rime-data", name)


def is_han(c):
    return len(c) == 1 and (0x4E00 <= ord(c) <= 0x9FFF or 0x3400 <= ord(c) <= 0x4DBF)


def read_readings(src):
    """char -> {syllable: count}, from pinyin_simp."""
    counts = collections.defaultdict(dict)
    for line in open(rime(src, "pinyin_simp.dict.yaml"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 3 and is_han(parts[0]) and parts[1] not in SKIPPED_SYLLABLES:
            counts[parts[0]][parts[1]] = int(parts[2])
    return counts


def read_strokes(src):
    """char -> stroke codes, the mainland table's first (it follows the CNS one)."""
    cns, mainland, second = {}, {}, False
    for line in open(rime(src, "stroke.dict.yaml"), encoding="utf-8"):
        if line.startswith("#The following entries"):
            second = True
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and is_han(parts[0]):
            (mainland if second else cns).setdefault(parts[0], parts[1])
    codes = {}
    for c in set(cns) | set(mainland):
        seq = [mainland.get(c), cns.get(c)]
        codes[c] = [s for i, s in enumerate(seq) if s and s not in seq[:i]]
    return codes


def read_essay(src):
    freq = {}
    for line in open(rime(src, "essay.txt"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2 and is_han(parts[0]):
            freq[parts[0]] = int(parts[1])
    return freq


def read_lists():
    """Characters and their readings from the hand-written name lists."""
    wanted = []
    for line in open(os.path.join(REPO, "data/ime/surnames.txt"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            text, syllables = line.split()
            wanted += zip(text, syllables.split("'"))
    for line in open(os.path.join(REPO, "data/ime/given-names.txt"), encoding="utf-8"):
        if not line.startswith("#"):
            wanted += [(t[0], t[1:]) for t in line.split()]
    return wanted


def weight(count):
    return round(10 * math.log2(count + 1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default="/tmp/ime-src", help="where the packages are unpacked")
    ap.add_argument("--fetch", action="store_true", help="apt-get download and unpack them first")
    ap.add_argument("--out", default=os.path.join(REPO, "data/ime/chars.txt"))
    args = ap.parse_args()
    if args.fetch:
        fetch(args.src)
    counts = read_readings(args.src)
    strokes = read_strokes(args.src)
    essay = read_essay(args.src)
    s2t = opencc_text(args.src, "STCharacters")
    t2s = opencc_text(args.src, "TSCharacters")

    # A Traditional-only form turns into another character when simplified.
    def traditional_only(c):
        return c in t2s and c not in t2s[c]

    pool = sorted((c for c in counts if not traditional_only(c)),
                  key=lambda c: (-sum(counts[c].values()), c))
    chosen = {c: dict(counts[c]) for c in pool[:SIMPLIFIED_KEPT]}
    for c, syllable in read_lists():
        readings = chosen.setdefault(c, dict(counts.get(c, {})))
        if not readings.get(syllable):
            print(f"note: {c} has no reading {syllable} in pinyin_simp; added", file=sys.stderr)
            readings[syllable] = 1

    # Traditional forms share their simplified character's counts, split by
    # how often each form is written (essay.txt): 发 -> 發 (most), 髮.
    simplified_of = {}
    traditional = collections.defaultdict(lambda: collections.defaultdict(float))
    for s in list(chosen):
        forms = [t for t in s2t.get(s, []) if t != s and is_han(t)]
        if not forms:
            continue
        everyone = [t for t in s2t[s] if is_han(t)]
        total = sum(essay.get(t, 0) + 1 for t in everyone)
        for t in forms:
            share = (essay.get(t, 0) + 1) / total
            for syllable, n in chosen[s].items():
                traditional[t][syllable] += n * share
            if traditional_only(t):
                simplified_of.setdefault(t, s)
    for t, readings in traditional.items():
        own = chosen.setdefault(t, {})
        if traditional_only(t):
            # Its own counts come from simplified text, where it is rare.
            own.clear()
        for syllable, n in readings.items():
            own[syllable] = own.get(syllable, 0) + n

    lines = []
    for c, readings in chosen.items():
        kept = {s: n for s, n in readings.items() if n > 0} or readings
        if not kept:
            continue
        ordered = sorted(kept.items(), key=lambda r: (-r[1], r[0]))
        # A Traditional form keeps the CNS11643 (Taiwan) stroke order too,
        # for those who learnt to write it that way; the mainland order
        # alone serves the simplified characters.
        codes = strokes.get(c, [])[: 2 if c in simplified_of else 1]
        fields = [c, " ".join(f"{s}:{weight(n)}" for s, n in ordered), " ".join(codes)]
        if c in simplified_of:
            fields.append(simplified_of[c])
        lines.append((-sum(kept.values()), c in simplified_of, c, "\t".join(fields)))
    lines.sort()
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# onestop IME characters; generated by scripts/ime-data.py, do not edit.\n")
        out.write("# Sources and licences: docs/ime.md. Format: see the script's header.\n")
        for *_, line in lines:
            out.write(line + "\n")
    traditional_count = sum(1 for c in chosen if c in simplified_of)
    print(f"{len(lines)} characters ({traditional_count} Traditional-only) -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
