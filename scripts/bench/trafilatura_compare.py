"""trafilatura on the cleaner's pages: texts for the quality score, and speed.

    python trafilatura_compare.py quality FIXTURES OUT_DIR
        writes OUT_DIR/<name>.txt for every sample-site article (each part
        extracted, texts joined with a newline) and every fixtures/pages page;
        `baogao-bench quality --traf OUT_DIR` scores them with the cleaner's
        scorer (baogao_clean::score) against the same gold texts.
    python trafilatura_compare.py speed SITE_DIR PAGES REPEATS
        times trafilatura.extract on the first PAGES article pages of a
        generated site (the pages `baogao-bench speed` times), REPEATS times.

Prints one JSON object.
"""

import json
import os
import sys
import time
import unicodedata

import trafilatura


def read_html(path):
    data = open(path, "rb").read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def quality(fixtures, out):
    os.makedirs(out, exist_ok=True)
    manifest = json.load(open(os.path.join(fixtures, "site-gold", "manifest.json")))
    items = []
    for aid, art in manifest["articles"].items():
        parts = [read_html(os.path.join(fixtures, "site" + p)) for p in art["pages"]]
        items.append(("site_" + aid, parts))
    pages = os.path.join(fixtures, "pages")
    for f in sorted(os.listdir(pages)):
        if f.endswith(".html"):
            items.append(("pages_" + f[:-5], [read_html(os.path.join(pages, f))]))
    t = time.perf_counter()
    for name, parts in items:
        texts = [trafilatura.extract(p) or "" for p in parts]
        with open(os.path.join(out, name + ".txt"), "w") as fh:
            # NFKC, as the gold texts and the cleaner's output are: score the
            # choice of text, not the width of the punctuation.
            fh.write(unicodedata.normalize("NFKC", "\n".join(texts)))
    return {"items": len(items), "seconds": time.perf_counter() - t}


def speed(site, limit, repeats):
    manifest = json.load(open(os.path.join(site, "corpus.json")))
    pages = []
    for paths, gbk in zip(manifest["article_paths"], manifest["gbk"]):
        for p in paths:
            data = open(os.path.join(site, p.lstrip("/")), "rb").read()
            pages.append(data.decode("gbk" if gbk else "utf-8", errors="replace"))
            if len(pages) == limit:
                break
        if len(pages) == limit:
            break
    nbytes = sum(len(p.encode("utf-8")) for p in pages)
    secs = []
    for _ in range(repeats):
        t = time.perf_counter()
        for html in pages:
            trafilatura.extract(html)
        secs.append(time.perf_counter() - t)
    s = sorted(secs)
    median = s[len(s) // 2]
    return {
        "pages": len(pages),
        "utf8_bytes": nbytes,
        "seconds": s,
        "pages_per_s": {"min": len(pages) / s[-1], "median": len(pages) / median, "max": len(pages) / s[0]},
        "mb_per_s_median": nbytes / 1e6 / median,
        "ms_per_page_median": median * 1e3 / len(pages),
    }


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "quality":
        print(json.dumps(quality(sys.argv[2], sys.argv[3])))
    elif cmd == "speed":
        print(json.dumps(speed(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
    else:
        sys.exit(f"unknown command {cmd}")
