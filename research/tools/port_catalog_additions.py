#!/usr/bin/env python3
"""Ports condition ids written in the old C# catalog shape (CatalogData*.cs, C("id", "name", "description", isA: [...],
syn: [...], ...)) into data/conditions/conditions.json, for branches that still added ids there.

    git show <branch>:src/Eligibility/Conditions/Internal/CatalogData.Added.cs > /tmp/added.cs
    python3 research/tools/port_catalog_additions.py /tmp/added.cs          # dry run: lists the ids it would add
    python3 research/tools/port_catalog_additions.py /tmp/added.cs --write  # appends them to the catalog file

Only ids missing from the catalog are added; codes are recorded unverified (verify them and add title and source).
"""
import json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
catalog_path = os.path.join(os.path.dirname(os.path.dirname(here)), "data", "conditions", "conditions.json")
FIELDS = {"isA": "isA", "implies": "implies", "syn": "synonyms", "abbr": "abbreviations", "lay": "layPhrases",
          "miss": "misspellings", "icd": "codes", "excl": "excludedCodes", "source": "codeNote"}


def entries(text):
    """Yields the argument text of each top-level C( ... ) call."""
    i = 0
    while True:
        i = text.find('C("', i)
        if i < 0:
            return
        j, depth, in_str = i + 1, 0, False
        while j < len(text):
            ch = text[j]
            if in_str:
                if ch == "\\":
                    j += 1
                elif ch == '"':
                    in_str = False
            elif ch == '"':
                in_str = True
            elif ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        yield text[i + 2:j]
        i = j


def split_top(args):
    parts, depth, in_str, cur = [], 0, False, ""
    k = 0
    while k < len(args):
        ch = args[k]
        if in_str:
            cur += ch
            if ch == "\\":
                cur += args[k + 1]
                k += 1
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
            cur += ch
        elif ch in "([":
            depth += 1
            cur += ch
        elif ch in ")]":
            depth -= 1
            cur += ch
        elif ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
        k += 1
    if cur.strip():
        parts.append(cur.strip())
    return parts


def strings(value):
    return [json.loads('"' + s + '"') for s in re.findall(r'"((?:[^"\\]|\\.)*)"', value)]


def codes(value):
    out = []
    for a, b in re.findall(r'Range\("([A-Z0-9]+)",\s*"([A-Z0-9]+)"\)', value):
        out.append(f"{a}-{b}")
    value = re.sub(r'Range\([^)]*\)', "", value)
    out += strings(value)
    return [{"code": c, "verified": False} for c in out]


def convert(args):
    parts = split_top(args)
    positional = [p for p in parts if not re.match(r"^\w+:", p)]
    named = {m.group(1): m.group(2) for m in (re.match(r"^(\w+):\s*(.*)$", p, re.S) for p in parts) if m}
    cid, name, description = (strings(p)[0] for p in positional[:3])
    entry = {"id": cid, "name": name, "description": description}
    for key, field in FIELDS.items():
        if key not in named:
            continue
        if field in ("codes", "excludedCodes"):
            entry[field] = codes(named[key])
        elif field == "codeNote":
            note = " ".join(strings(named[key])).strip()
            entry[field] = note or "Not verified; codes recorded from the earlier C# catalog."
        else:
            entry[field] = strings(named[key])
    entry.setdefault("codes", [])
    entry.setdefault("codeNote", "No dedicated ICD-10-CM code; resolved from text only.")
    return entry


def main():
    source = open(sys.argv[1], encoding="utf-8").read()
    catalog = json.load(open(catalog_path, encoding="utf-8"))
    known = {c["id"] for c in catalog["conditions"]}
    added = [convert(a) for a in entries(source)]
    new = [e for e in added if e["id"] not in known]
    for e in new:
        print(f"{e['id']} | {e['name']} | isA {e.get('isA', [])} | {len(e['codes'])} code(s), unverified")
    if "--write" in sys.argv and new:
        catalog["conditions"].extend(new)
        with open(catalog_path, "w", encoding="utf-8") as f:
            json.dump(catalog, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print(f"added {len(new)} id(s) to {catalog_path}")


if __name__ == "__main__":
    main()
