#!/usr/bin/env python3
"""Regenerates data/entities/common_words.txt: words that English news writes
in lower case far more often than capitalized mid-sentence ("member",
"states", "several"). A name built only of such words ("Member States") is
no person's name, whatever its capitals.

Usage (standard library only):
    python3 scripts/entities/build_common_words.py ../shared/corpora/wikinews \
        > data/entities/common_words.txt

Source: English Wikinews articles 2019-2021 (CC BY 2.5, Wikinews
contributors), as shipped in ../shared/corpora/wikinews. Only word counts
are used; no text is copied.
"""
import os, re, sys
from collections import Counter

MIN_LOWER = 4      # seen in lower case at least this often
RATIO = 5          # and at least this many times as often as capitalized mid-sentence

def main(folder):
    lower, cap = Counter(), Counter()
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        for para in text.split("\n"):
            for sent in re.split(r"(?<=[.!?])[\"'\u201d\u2019]?\s+", para):
                words = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", sent)
                for i, w in enumerate(words):
                    if not w.isalpha() or len(w) < 3:
                        continue
                    if w.islower():
                        lower[w] += 1
                    elif i > 0 and w[0].isupper() and w[1:].islower():
                        cap[w.lower()] += 1
    keep = sorted(w for w, n in lower.items() if n >= MIN_LOWER and n >= RATIO * cap[w])
    print("# Words English news writes in lower case (>= %d times, >= %dx as often as" % (MIN_LOWER, RATIO))
    print("# capitalized mid-sentence), counted over English Wikinews 2019-2021")
    print("# (CC BY 2.5, Wikinews contributors). Regenerate with")
    print("# scripts/entities/build_common_words.py; one word per line.")
    for w in keep:
        print(w)

if __name__ == "__main__":
    main(sys.argv[1])
