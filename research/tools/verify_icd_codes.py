#!/usr/bin/env python3
"""Verify the ICD-10-CM codes of data/conditions/conditions.json against an official order file.

The CMS/CDC "order" file (icd10cm-order-<release>.txt, inside the code-descriptions download) lists every code of a
release, headers included, with a flag saying whether it is billable and its long title. Addenda in the same order
format (icd10cm-order-addenda-<year>.txt) list what a later release added, deleted or retitled; a JSON addenda list
({"adds": [...], "deletes": [...], "revisions": [...]} with "code", "desc", and "action" "Revise to") is read the same way.

For every code entry still "verified": false the script records the official title exactly as read (the latest
retitling wins) and the source URL given for the file it was read in, and lists the codes that are headers (not
billable) there, which map a family of codes by prefix; a range
("C00-C96") is verified when both ends exist, and its title names both ends. A code absent from every file given, or
deleted by an addendum, is left unverified and listed, for a maintainer to fix the mapping. Nothing is guessed.

A list of the codes of the current release (one per line, headers included, as in the April 2026 code list) can be
given with --current FILE: every catalog code, and both ends of every range, must be in it; any that is not is listed.

Usage:
  verify_icd_codes.py CATALOG ORDER_FILE ORDER_URL [--addenda FILE URL]... [--addenda-json FILE URL]... [--current FILE] [--write]
"""
import json
import re
import sys


def read_order(path):
    codes = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(line) < 16 or not line[:5].isdigit():
                continue
            code = line[6:13].strip()
            billable = line[14] == "1"
            codes[code] = (billable, line[77:].strip())
    return codes


def read_order_addenda(path):
    changes = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(Add|Delete|Revise from|Revise to):\s+([01]) (\S+)\s+(.{60})(.*)$", line.rstrip("\n"))
            if m:
                changes.append((m.group(1), m.group(3), m.group(2) == "1", m.group(5).strip()))
    return changes


def read_json_addenda(path):
    d = json.load(open(path, encoding="utf-8"))
    changes = []
    for key in ("adds", "deletes", "revisions"):
        for c in d.get(key, []):
            changes.append((c["action"], c["code"], None, c["desc"]))
    return changes


def main(argv):
    catalog_path, order_path, order_url = argv[1:4]
    rest = argv[4:]
    write = "--write" in rest
    addenda = []
    current = None
    k = 0
    while k < len(rest):
        if rest[k] == "--addenda":
            addenda.append((read_order_addenda(rest[k + 1]), rest[k + 2]))
            k += 3
        elif rest[k] == "--current":
            current = {line.strip() for line in open(rest[k + 1], encoding="utf-8") if line.strip()}
            k += 2
        elif rest[k] == "--addenda-json":
            addenda.append((read_json_addenda(rest[k + 1]), rest[k + 2]))
            k += 3
        else:
            k += 1

    base = read_order(order_path)
    # Current state of each code: (billable, title, source url), or None when deleted.
    state = {code: (b, t, order_url) for code, (b, t) in base.items()}
    for changes, url in addenda:
        for action, code, billable, title in changes:
            if action == "Delete":
                state[code] = None
            elif action in ("Add", "Revise to"):
                previous = state.get(code)
                b = billable if billable is not None else (previous[0] if previous else None)
                state[code] = (b, title, url)

    catalog = json.load(open(catalog_path, encoding="utf-8"))
    before = sum(1 for c in catalog["conditions"] for k2 in ("codes", "excludedCodes") for e in c.get(k2, []) if e.get("verified"))
    unresolved = []
    headers = []
    for c in catalog["conditions"]:
        for field in ("codes", "excludedCodes"):
            for entry in c.get(field, []):
                code = entry["code"]
                compact = code.replace(".", "")
                found = None
                if "-" in code:
                    first, last = compact.split("-")
                    a, b = state.get(first), state.get(last)
                    if a and b:
                        found = (None, f"{first} {a[1]} \u2026 {last} {b[1]}", a[2] if a[2] == b[2] else a[2])
                else:
                    found = state.get(compact)
                if entry.get("verified"):
                    if found is None:
                        unresolved.append((c["id"], field, code, "marked verified but not found in the files given"))
                    elif found[1] != entry.get("title"):
                        print("TITLE DIFFERS", code, repr(entry.get("title")), "official:", repr(found[1]))
                    continue
                if found is None:
                    reason = "deleted by an addendum" if compact in state else "not in the files given"
                    unresolved.append((c["id"], field, code, reason))
                    continue
                billable, title, url = found
                entry["verified"] = True
                entry["title"] = title
                entry["source"] = url
                if billable is False:
                    headers.append(code)

    after = sum(1 for c in catalog["conditions"] for k2 in ("codes", "excludedCodes") for e in c.get(k2, []) if e.get("verified"))
    total = sum(1 for c in catalog["conditions"] for k2 in ("codes", "excludedCodes") for e in c.get(k2, []))
    print(f"verified {before} -> {after} of {total}")
    for u in unresolved:
        print("UNVERIFIED", *u)
    print("headers (not billable in the order file read):", " ".join(headers))
    if current is not None:
        absent = sorted({part for c in catalog["conditions"] for k2 in ("codes", "excludedCodes") for e in c.get(k2, [])
                         for part in e["code"].replace(".", "").split("-") if part not in current})
        print("absent from the current release:", " ".join(absent) if absent else "none")
    if write:
        with open(catalog_path, "w", encoding="utf-8") as f:
            f.write(json.dumps(catalog, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv)
