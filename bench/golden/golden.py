#!/usr/bin/env python3
"""Compact golden of a decision dump (bench --dump FILE), and a comparison of two.

  golden.py make DUMP.jsonl GOLDEN.tsv.gz      one line per decision: line, decision hash, explanation hash
  golden.py compare GOLDEN.tsv.gz DUMP.jsonl   counts differences; prints the first few of each kind

The decision hash covers what an answer is: the overall outcome and, per condition, input, id, outcome, basis,
citation, product scope and requirements; the patient requirements; the advisory codes. The explanation hash covers
the words: summaries, the rule trace (rule, conclusion, uses, citation) and the near-misses.
"""
import gzip, hashlib, json, sys

def decision_key(d):
    parts = [d.get("outcome", "")]
    for c in d.get("conditions", []):
        parts.append("C:%s:%s:%s:%s:%s:%s" % (c.get("input", ""), c.get("condition") or "", c.get("outcome", ""),
                                             c.get("basis", ""), c.get("citation") or "", c.get("productScope") or ""))
        parts.append("Q:" + ";".join(c.get("requirements", [])))
    parts.append("R:" + ";".join("%s/%s" % (r.get("kind", ""), r.get("text", "")) for r in d.get("requirements", [])))
    parts.append("A:" + ";".join(a.get("code", "") for a in d.get("advisories", [])))
    return "\n".join(parts)

def explanation_key(d):
    parts = [d.get("summary", "")]
    parts += [c.get("summary", "") for c in d.get("conditions", [])]
    for s in d.get("explanation") or []:
        parts.append("%s|%s|%s|%s" % (s.get("ruleId"), s.get("conclusion"), ",".join(map(str, s.get("uses", []))), s.get("citation")))
    for n in d.get("nearMisses") or []:
        parts.append("N:%s:%s" % (n.get("ruleId"), ";".join(n.get("failed", []))))
    return "\n".join(parts)

def h(text):
    return hashlib.sha256(text.encode()).hexdigest()[:10]

def make(dump, golden):
    with open(dump) as f, gzip.open(golden, "wt") as o:
        o.write("# line\tdecision\texplanation (bench/golden/golden.py)\n")
        for i, line in enumerate(f):
            d = json.loads(line)
            o.write("%d\t%s\t%s\n" % (i + 1, h(decision_key(d)), h(explanation_key(d))))

def compare(golden, dump):
    expected = {}
    with gzip.open(golden, "rt") as g:
        for line in g:
            if not line.startswith("#"):
                n, a, b = line.split()
                expected[int(n)] = (a, b)
    decisions, explanations, shown = 0, 0, 0
    with open(dump) as f:
        for i, line in enumerate(f):
            d = json.loads(line)
            a, b = expected.get(i + 1, ("", ""))
            if h(decision_key(d)) != a:
                decisions += 1
                if shown < 5:
                    shown += 1
                    print("decision differs at line %d (%s %s)" % (i + 1, d.get("jurisdiction"), d.get("asOf")))
            elif h(explanation_key(d)) != b:
                explanations += 1
    print("%d lines; %d decisions differ; %d differ only in explanation text" % (i + 1, decisions, explanations))
    return 1 if decisions else 0

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("make", "compare"):
        sys.exit(__doc__)
    sys.exit(make(sys.argv[2], sys.argv[3]) if sys.argv[1] == "make" else compare(sys.argv[2], sys.argv[3]))
