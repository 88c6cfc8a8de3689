"""Runs every benchmark of BENCHMARKS.md and prints the figures (see scripts/bench/run).

End to end, baogao (`baogao-bench crawl`) and the peer (`peer_spider.py`:
Scrapy + trafilatura + pyarrow) crawl the same generated site, served by
`baogao-bench serve` on 127.0.0.1 in a process of its own, one after the
other; each crawler is a child process measured by os.wait4 (user + system
CPU, peak RSS), so both are measured the same way. Then the criterion
per-stage benches, the cleaner against trafilatura (speed and quality), and
optionally a callgrind profile. Then the scheduler's benchmarks (`baogao-bench
many-hosts`): 50, 300 and 1,000 small sites on as many loopback addresses
crawled at once at 2 requests/s each, and one site shedding 20% of its requests
with 503 + Retry-After: 1, against the same site without faults.
"""

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WORK = os.environ.get("BAOGAO_BENCH_WORK", "/tmp/baogao-bench")
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
CONCURRENCY = 16


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def machine():
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kib = int(f.readline().split()[1])
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "ram_gib": round(mem_kib / 2**20, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "rustc": subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip(),
        "loadavg_start": open("/proc/loadavg").read().split()[:3],
    }


def measured(cmd, stderr_path):
    """Runs cmd to completion; returns (stdout, wall s, cpu s, peak RSS bytes)."""
    t = time.perf_counter()
    with open(stderr_path, "w") as err:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True)
        out = p.stdout.read()
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} failed ({p.returncode}); see {stderr_path}")
    return out, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024


def generate(bin_, n):
    d = os.path.join(WORK, f"site-{n}")
    meta = os.path.join(d, "corpus.json")
    if os.path.exists(meta):
        c = json.load(open(meta))
        if c["pages"] >= n:
            return d, c
        shutil.rmtree(d)
    log(f"generating {n} pages into {d}")
    subprocess.run([bin_, "gen", "--pages", str(n), "--dir", d], check=True, stdout=subprocess.DEVNULL)
    return d, json.load(open(meta))


class Server:
    def __init__(self, bin_, site):
        self.p = subprocess.Popen(
            [bin_, "serve", "--dir", site], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.base = json.loads(self.p.stdout.readline())["base"]
        assert self.base.startswith("http://127.0.0.1:"), self.base

    def stop(self):
        self.p.stdin.close()
        _, _, ru = os.wait4(self.p.pid, 0)
        self.p.returncode = 0
        return ru.ru_utime + ru.ru_stime


def stats(xs):
    return {"min": min(xs), "median": statistics.median(xs), "max": max(xs)}


def end_to_end(bin_, python, n, runs_ours, runs_peer):
    site, corpus = generate(bin_, n)
    pages = corpus["pages"]
    res = {"n": n, "pages": pages, "articles": corpus["articles"], "bytes": corpus["bytes"]}
    server = Server(bin_, site)
    for name, runs in (("baogao", runs_ours), ("peer", runs_peer)):
        rows = []
        for k in range(runs):
            out_dir = os.path.join(WORK, f"out-{name}-{n}")
            shutil.rmtree(out_dir, ignore_errors=True)
            if name == "baogao":
                cmd = [bin_, "crawl", "--base", server.base, "--out", out_dir,
                       "--concurrency", str(CONCURRENCY)]
            else:
                cmd = [python, os.path.join(HERE, "peer_spider.py"), "--base", server.base,
                       "--out", out_dir, "--concurrency", str(CONCURRENCY)]
            log(f"{name} N={n} run {k + 1}/{runs}")
            out, wall, cpu, rss = measured(cmd, os.path.join(WORK, f"{name}-{n}.stderr"))
            report = json.loads(out)
            rows.append({"wall_s": wall, "cpu_s": cpu, "peak_rss_mib": rss / 2**20,
                         "pages_per_s": pages / wall, "cpu_ms_per_page": cpu * 1e3 / pages,
                         "pages_per_cpu_s": pages / cpu, "report": report})
            log(f"  {pages / wall:.0f} pages/s, {cpu * 1e3 / pages:.2f} CPU ms/page, {rss / 2**20:.0f} MiB peak")
        res[name] = {
            "runs": rows,
            **{k: stats([r[k] for r in rows]) for k in
               ("wall_s", "cpu_s", "peak_rss_mib", "pages_per_s", "cpu_ms_per_page", "pages_per_cpu_s")},
        }
    res["server_cpu_s"] = server.stop()
    o, p = res["baogao"], res["peer"]
    res["ratio"] = {
        "pages_per_s": o["pages_per_s"]["median"] / p["pages_per_s"]["median"],
        "pages_per_cpu_s": o["pages_per_cpu_s"]["median"] / p["pages_per_cpu_s"]["median"],
    }
    return res


def criterion(quick):
    meta_path = os.path.join(WORK, "stages-meta.json")
    env = dict(os.environ, BAOGAO_BENCH_META=meta_path)
    if quick:
        env["BAOGAO_BENCH_QUICK"] = "1"
    log("criterion: cargo bench -p baogao-bench --bench stages --features rs-trafilatura")
    subprocess.run(
        ["nice", "-n", "10", "cargo", "bench", "-q", "-p", "baogao-bench", "--bench", "stages",
         "--features", "rs-trafilatura"],
        cwd=ROOT, env=env, check=True, stdout=open(os.path.join(WORK, "criterion.log"), "w"),
    )
    meta = json.load(open(meta_path))
    out = {}
    for name, m in meta.items():
        path = os.path.join(TARGET, "criterion", "stages", name, "new", "sample.json")
        if not os.path.exists(path):
            continue
        s = json.load(open(path))
        per_iter = sorted(t / i for t, i in zip(s["times"], s["iters"]))  # ns
        secs = [x / 1e9 for x in per_iter]
        out[name] = {
            "unit": m.get("unit", "pages"),
            "pages": m["pages"],
            "bytes": m["bytes"],
            "ms_per_iter": stats([x * 1e3 for x in secs]),
            "mb_per_s": {"min": m["bytes"] / 1e6 / secs[-1], "median": m["bytes"] / 1e6 / statistics.median(secs),
                         "max": m["bytes"] / 1e6 / secs[0]},
            "pages_per_s": {"min": m["pages"] / secs[-1], "median": m["pages"] / statistics.median(secs),
                            "max": m["pages"] / secs[0]},
        }
    return out


def compare_cleaner(bin_, python, n, pages, repeats):
    site, _ = generate(bin_, n)
    log(f"cleaner vs trafilatura: speed on {pages} pages x{repeats}")
    ours = json.loads(subprocess.run([bin_, "speed", "--dir", site, "--pages", str(pages),
                                      "--repeats", str(repeats)], check=True, capture_output=True,
                                     text=True).stdout)
    theirs = json.loads(subprocess.run([python, os.path.join(HERE, "trafilatura_compare.py"), "speed",
                                        site, str(pages), str(repeats)], check=True, capture_output=True,
                                       text=True).stdout)
    traf_dir = os.path.join(WORK, "trafilatura-texts")
    subprocess.run([python, os.path.join(HERE, "trafilatura_compare.py"), "quality",
                    os.path.join(ROOT, "fixtures"), traf_dir], check=True, capture_output=True)
    quality = json.loads(subprocess.run([bin_, "quality", "--traf", traf_dir], check=True,
                                        capture_output=True, text=True).stdout)
    return {"speed": {**ours, "trafilatura": theirs}, "quality": quality}


def profile(bin_):
    """callgrind (perf cannot read hardware counters in this VM) of the cleaner and a crawl."""
    if not shutil.which("valgrind"):
        return {"skipped": "valgrind not installed"}
    site, _ = generate(bin_, 200)
    out = {}
    clean_out = os.path.join(WORK, "callgrind.speed.out")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={clean_out}", bin_, "speed",
                    "--dir", site, "--pages", "40", "--repeats", "1"], check=True, capture_output=True)
    server = Server(bin_, site)
    crawl_out = os.path.join(WORK, "callgrind.crawl.out")
    out_dir = os.path.join(WORK, "out-callgrind")
    shutil.rmtree(out_dir, ignore_errors=True)
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={crawl_out}", bin_, "crawl",
                    "--base", server.base, "--out", out_dir, "--concurrency", str(CONCURRENCY)],
                   check=True, capture_output=True)
    server.stop()
    for name, f in (("speed", clean_out), ("crawl", crawl_out)):
        ann = subprocess.run(["callgrind_annotate", "--inclusive=yes", f], capture_output=True, text=True).stdout
        excl = subprocess.run(["callgrind_annotate", f], capture_output=True, text=True).stdout
        open(f + ".inclusive.txt", "w").write(ann)
        open(f + ".exclusive.txt", "w").write(excl)
        out[name] = {"file": f, "inclusive": f + ".inclusive.txt", "exclusive": f + ".exclusive.txt"}
    return out


def raise_open_files():
    """Many hosts need two open files each (crawler and server); raise the soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 65536 if hard == resource.RLIM_INFINITY else hard
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def many_hosts(bin_, quick):
    """The scheduler: N hosts at 2 req/s, burst 1, concurrency 256; then pacing under 503s."""
    limit = raise_open_files()
    out = {"open_files_limit": limit, "hosts": [], "pacing": {}}
    for n in ([50, 300] if quick else [50, 300, 1000]):
        log(f"many-hosts N={n}")
        o, wall, cpu, rss = measured([bin_, "many-hosts", "--hosts", str(n), "--out",
                                      os.path.join(WORK, f"out-hosts-{n}")],
                                     os.path.join(WORK, f"hosts-{n}.stderr"))
        r = json.loads(o)
        r["peak_rss_mib_wait4"] = rss / 2**20
        out["hosts"].append(r)
        log(f"  wall {r['wall_s']:.1f} s / schedule {r['schedule_s']:.1f} s = {r['wall_over_schedule']:.2f}, "
            f"{r['requests_per_s']:.0f} req/s, peak RSS {r['peak_rss_mib']:.0f} MiB")
    for name, shed in (("clean", 0), ("shed_20pct", 5)):
        log(f"pacing {name}")
        o, _, _, _ = measured([bin_, "many-hosts", "--hosts", "1", "--articles", "40", "--rate", "50",
                               "--shed", str(shed), "--out", os.path.join(WORK, f"out-pacing-{name}")],
                              os.path.join(WORK, f"pacing-{name}.stderr"))
        out["pacing"][name] = json.loads(o)
    return out


def fmt(s, k=".0f"):
    return f"{s['min']:{k}} / {s['median']:{k}} / {s['max']:{k}}"


def print_report(r):
    m = r["machine"]
    print(f"\n## Machine\n{m['nproc']} × {m['cpu']}, {m['ram_gib']} GiB RAM, {m['rustc']}, Python {m['python']}; "
          f"load average {' '.join(m['loadavg_start'])} at start, {' '.join(r['loadavg_end'])} at end\n")
    print("## End to end (min / median / max)\n")
    print("| N pages | crawler | runs | pages/s | CPU ms/page | pages/CPU-s | peak RSS MiB |")
    print("|---|---|---|---|---|---|---|")
    for e in r["e2e"]:
        for name in ("baogao", "peer"):
            x = e[name]
            print(f"| {e['pages']} | {name} | {len(x['runs'])} | {fmt(x['pages_per_s'])} | "
                  f"{fmt(x['cpu_ms_per_page'], '.2f')} | {fmt(x['pages_per_cpu_s'])} | {fmt(x['peak_rss_mib'])} |")
    print()
    for e in r["e2e"]:
        print(f"N={e['pages']}: baogao/peer pages/s ×{e['ratio']['pages_per_s']:.1f}, "
              f"pages per CPU-second ×{e['ratio']['pages_per_cpu_s']:.1f}; server CPU {e['server_cpu_s']:.1f} s")
    if r.get("stages"):
        print("\n## Stages (criterion; min / median / max)\n")
        print("| stage | unit | per iteration | MB/s | units/s |")
        print("|---|---|---|---|---|")
        for name, s in r["stages"].items():
            print(f"| {name} | {s['pages']} {s['unit']}, {s['bytes'] / 1e6:.1f} MB | {fmt(s['ms_per_iter'], '.1f')} ms | "
                  f"{fmt(s['mb_per_s'], '.1f')} | {fmt(s['pages_per_s'])} |")
        st = r["stages"]
        if "clean" in st and "html5ever_parse" in st:
            ratio = st["clean"]["ms_per_iter"]["median"] / st["html5ever_parse"]["ms_per_iter"]["median"]
            print(f"\nclean / html5ever parse alone: ×{ratio:.2f} (goal ≤ ×2)")
    if r.get("cleaner"):
        sp = r["cleaner"]["speed"]
        print(f"\n## Cleaner vs trafilatura: speed on {sp['pages']} pages ({sp['utf8_bytes'] / 1e6:.1f} MB), pages/s min / median / max\n")
        for k in ("html5ever_parse", "baogao_clean", "rs_trafilatura", "trafilatura"):
            v = sp.get(k)
            if isinstance(v, dict):
                print(f"- {k}: {fmt(v['pages_per_s'])} pages/s, {v['ms_per_page_median']:.2f} ms/page, {v['mb_per_s_median']:.1f} MB/s")
            else:
                print(f"- {k}: {v}")
        q = r["cleaner"]["quality"]
        print("\n## Cleaner vs trafilatura: character precision / recall / F1 against the gold texts\n")
        tools = [t for t in ("baogao", "trafilatura", "rs_trafilatura") if t in q]
        print("| page | " + " | ".join(tools) + " |")
        print("|---|" + "---|" * len(tools))
        for it in q["items"]:
            cells = [f"{it[t]['precision']:.3f} / {it[t]['recall']:.3f} / {it[t]['f1']:.3f}" for t in tools]
            print(f"| {it['name']} | " + " | ".join(cells) + " |")
        cells = [f"{q[t]['precision']:.3f} / {q[t]['recall']:.3f} / {q[t]['f1']:.3f}" for t in tools]
        print("| **all (micro)** | " + " | ".join(cells) + " |")
    if r.get("many_hosts"):
        mh = r["many_hosts"]
        print(f"\n## Many hosts (2 req/s per host, burst 1, concurrency 256; open files limit {mh['open_files_limit']})\n")
        print("| hosts | requests | schedule s | wall s | wall / schedule | requests/s | peak RSS MiB | max req in any 1 s of a host |")
        print("|---|---|---|---|---|---|---|---|")
        for h in mh["hosts"]:
            print(f"| {h['hosts']} | {h['requests']} | {h['schedule_s']:.1f} | {h['wall_s']:.1f} | {h['wall_over_schedule']:.2f} | "
                  f"{h['requests_per_s']:.0f} | {h['peak_rss_mib']:.0f} | {h['server']['max_requests_in_any_1s_window_of_a_host']} |")
        print("\n## Pacing: one host at 50 req/s, 40 two-part articles, with and without 20% 503 + Retry-After: 1\n")
        print("| run | requests | 503s (= seconds asked to wait) | wall s | max req in any 1 s |")
        print("|---|---|---|---|---|")
        for name, p in mh["pacing"].items():
            print(f"| {name} | {p['requests']} | {p['server']['shed']} | {p['wall_s']:.2f} | "
                  f"{p['server']['max_requests_in_any_1s_window_of_a_host']} |")
    if r.get("profile"):
        print(f"\n## Profile\n{json.dumps(r['profile'], indent=1)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--skip", default="", help="comma list of e2e,stages,cleaner,hosts")
    a = ap.parse_args()
    os.makedirs(WORK, exist_ok=True)
    python = sys.executable
    skip = set(filter(None, a.skip.split(",")))
    r = {"machine": machine(), "quick": a.quick, "concurrency": CONCURRENCY}
    plan = [(200, 3, 1), (1000, 1, 1)] if a.quick else [(1000, 3, 3), (20000, 3, 1)]
    r["e2e"] = [] if "e2e" in skip else [end_to_end(a.bin, python, n, ro, rp) for n, ro, rp in plan]
    if "stages" not in skip:
        r["stages"] = criterion(a.quick)
    if "cleaner" not in skip:
        r["cleaner"] = compare_cleaner(a.bin, python, plan[0][0] if a.quick else 1000,
                                       200 if a.quick else 500, 3)
    if "hosts" not in skip:
        r["many_hosts"] = many_hosts(a.bin, a.quick)
    if a.profile:
        r["profile"] = profile(a.bin)
    r["loadavg_end"] = open("/proc/loadavg").read().split()[:3]
    path = os.path.join(WORK, "results.json")
    json.dump(r, open(path, "w"), indent=1)
    print_report(r)
    print(f"\n(results: {path})")


if __name__ == "__main__":
    main()
