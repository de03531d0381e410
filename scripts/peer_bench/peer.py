"""Peer benchmark: the Python stack doing lede's job on the same files.

spaCy (entities + sentence split), dateparser.search (dates), quantulum3
(figures), textacy direct quotations (quotes). Prints MB/s of input text.
Not part of CI; run through run.sh.
"""
import sys, time, pathlib

files = [pathlib.Path(p) for p in sys.argv[2:]]
texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
nbytes = sum(len(t.encode("utf-8")) for t in texts)

import spacy
model = sys.argv[1]
if model == "blank":
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    print("# WARNING: en_core_web_sm unavailable; spaCy runs a blank English pipeline "
          "(tokenizer + sentencizer, NO NER, no parser): its time is a lower bound", flush=True)
else:
    nlp = spacy.load(model)

stages = {}
def timed(name, fn):
    t = time.perf_counter()
    n = fn()
    stages[name] = time.perf_counter() - t
    print(f"{name:<28} {nbytes/1e6/stages[name]:10.4f} MB/s  ({n} items, {stages[name]:.1f}s)", flush=True)

docs = []
def ents():
    docs.extend(nlp.pipe(texts))
    return sum(len(d.ents) for d in docs)
timed("spacy", ents)

try:
    from dateparser.search import search_dates
    timed("dateparser.search", lambda: sum(len(search_dates(t) or []) for t in texts))
except Exception as e:
    print(f"# dateparser failed: {e!r}")

try:
    from quantulum3 import classifier as qclf, parser as qparser
    try:
        # Ambiguous units ("pounds") make it consult the model.
        qparser.parse("He paid 5 pounds for 2 pounds of apples.")
    except Exception as e:
        # Its pickled disambiguation model may not load with the installed
        # scikit-learn; without the model it still parses, only faster, so
        # its time is then a lower bound.
        print(f"# quantulum3 classifier unusable ({e!r}): parsing without it (time is a lower bound)")
        qclf.USE_CLF = False
    timed("quantulum3", lambda: sum(len(qparser.parse(t)) for t in texts))
except Exception as e:
    print(f"# quantulum3 failed: {e!r}")

try:
    from textacy.extract import direct_quotations
    def quotes():
        n = 0
        for d in docs:
            try:
                n += sum(1 for _ in direct_quotations(d))
            except Exception:
                pass  # textacy needs a parser; a blank pipeline has none
        return n
    timed("textacy direct_quotations", quotes)
except Exception as e:
    print(f"# textacy failed: {e!r}")

total = sum(stages.values())
print(f"TOTAL_PY_MBPS {nbytes/1e6/total:.4f} ({len(texts)} files, {nbytes/1e6:.3f} MB, {total:.1f}s)")
