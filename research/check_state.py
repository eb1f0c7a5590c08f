#!/usr/bin/env python3
"""Checks jurisdiction files: JSON Schema, file name, known condition ids, date order and overlaps."""
import json, sys, os, glob, re
from jsonschema import Draft202012Validator

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
schema = json.load(open(os.path.join(root, "data/states/schema.json")))
# Condition ids come from the catalog itself, the file the library loads (see GUIDE.md, "Adding a condition id").
catalog = json.load(open(os.path.join(root, "data/conditions/conditions.json"), encoding="utf-8"))
known = {c["id"] for c in catalog["conditions"]}

def overlaps(items, key):
    problems = []
    groups = {}
    for i, it in enumerate(items):
        groups.setdefault(key(it), []).append((i, it))
    for k, lst in groups.items():
        spans = []
        for i, it in lst:
            f = it.get("from") or "0000-01-01"; u = it.get("until") or "9999-12-31"
            if f >= u: problems.append(f"[{i}] {k}: from {f} is not before until {u}")
            spans.append((f, u, i))
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]: problems.append(f"{k}: entries [{a[2]}] and [{b[2]}] overlap")
    return problems

ok = True
for path in sys.argv[1:]:
    if os.path.basename(path) == "schema.json":
        continue
    errs = []
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        print(f"{path}: not JSON: {e}"); ok = False; continue
    for e in Draft202012Validator(schema).iter_errors(doc):
        errs.append(f"schema at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
    if isinstance(doc, dict):
        name = os.path.basename(path)[:-5]
        if doc.get("code", "").lower() != name: errs.append(f"code {doc.get('code')} does not match file name {name}")
        for i, c in enumerate(doc.get("conditions", [])):
            if c.get("condition") not in known: errs.append(f"conditions[{i}]: unknown condition id '{c.get('condition')}' (add it to data/conditions/conditions.json; see research/GUIDE.md, 'Adding a condition id')")
        errs += overlaps(doc.get("conditions", []), lambda c: c.get("condition"))
        errs += overlaps(doc.get("programs", []), lambda c: "program")
        errs += overlaps(doc.get("adultUse", []), lambda c: "adultUse")
        errs += overlaps(doc.get("practitionerDiscretion", []), lambda c: "discretion")
        errs += overlaps(doc.get("kratom", []), lambda c: "kratom")
    if errs:
        ok = False
        print(f"{path}: {len(errs)} problem(s)")
        for e in errs: print("  - " + e)
    else:
        print(f"{path}: OK")
sys.exit(0 if ok else 1)
