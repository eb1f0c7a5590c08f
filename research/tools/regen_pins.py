#!/usr/bin/env python3
"""Regenerates tests/Eligibility.Tests/Jurisdictions/focus-pins.tsv from the CLI after a deliberate, reviewed data change.
Pins: today's outcome, 2019-01-01, and the day before / day of each change since 2018 (from `history`).
Usage: dotnet build src/Eligibility.Cli && python3 research/tools/regen_pins.py [CODE ...]   (default: all; others are kept)"""
import datetime, json, subprocess, sys, os
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
pins = os.path.join(root, 'tests/Eligibility.Tests/Jurisdictions/focus-pins.tsv')
focus = ['chronic-pain', 'opioid-use-disorder', 'opioid-withdrawal']
today = '2026-11-22'

def cli(*args):
    out = subprocess.run(['dotnet', 'run', '--project', os.path.join(root, 'src/Eligibility.Cli'), '--no-build', '--', '--format', 'json', *args],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)

states = cli('states')
codes = sys.argv[1:] or [s['code'] for s in states]
kept = [l.rstrip('\n').split('\t') for l in open(pins) if not l.startswith('#')] if os.path.exists(pins) else []
rows = [r for r in kept if r[0] not in codes]
for code in codes:
    for cond in focus:
        history = cli('history', '--state', code, '--condition', cond)['periods']
        # The period in force on `today` (the data may already hold a future one, e.g. a program that starts later).
        now = next(p for p in history if (not p['from'] or p['from'] <= today) and (not p['until'] or today < p['until']))
        rows.append([code, cond, today, now['outcome'], (now['citation'] or '')[:30]])
        for i, p in enumerate(history):
            if i == 0 or not p['from'] or p['from'] < '2018-01-01':
                continue
            day = datetime.date.fromisoformat(p['from'])
            prev = history[i - 1]
            rows.append([code, cond, str(day - datetime.timedelta(days=1)), prev['outcome'], (prev['citation'] or '')[:30]])
            rows.append([code, cond, p['from'], p['outcome'], (p['citation'] or '')[:30]])
    decision = cli('check', '--state', code, *sum((['--condition', c] for c in focus), []), '--as-of', '2019-01-01')
    for c in decision['conditions']:
        rows.append([code, c['condition'], '2019-01-01', c['outcome'], (c['citation'] or '')[:30]])
unique = {}
for r in rows:
    unique.setdefault(tuple(r[:3]), r)
with open(pins, 'w') as f:
    f.write('# Pinned focus-condition outcomes per jurisdiction: today, 2019-01-01, and both edges of each change since 2018.\n')
    f.write('# Reviewed against research/notes; regenerate (research/tools/regen_pins.py) only after a deliberate data change. code\tcondition\tas-of\toutcome\tcitation starts with\n')
    for r in sorted(unique.values(), key=lambda r: (r[0], r[1], r[2])):
        f.write('\t'.join(r) + '\n')
print(f'{len(unique)} pins')
