#!/usr/bin/env bash
# Packs the libraries and the CLI tool into a local feed, then proves each package works the way a consumer uses it:
#   1. samples/Eligibility.Sample restores Eligibility from the feed, runs, and its output is checked;
#      it is also published trimmed (self-contained; only NRules' own IL2104 trim warning allowed) and must print the same;
#   2. samples/Eligibility.Api starts on 127.0.0.1 (a free port), every endpoint is called with curl over real
#      HTTP and status codes and bodies are checked, then it is stopped;
#   3. the CLI installs as a dotnet tool from the feed (the NativeAOT package, on linux-x64) and answers a query, also
#      in --input (JSON Lines) mode.
# Exits non-zero on the first broken step, or at the end if any check failed. Needs the .NET SDK and curl (and clang and
# zlib1g-dev for the native tool, installed by eng/pack-tool.sh when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version=${ELIGIBILITY_VERSION:-0.1.0}
feed="$root/artifacts/packages"
tools="$root/artifacts/tools"
logs="$root/artifacts/logs"
# The samples' own package cache (also set in samples/nuget.config): a re-packed $version is never shadowed by a
# stale copy, and nothing is written to the user's ~/.nuget/packages for Eligibility.
export NUGET_PACKAGES="$root/artifacts/nuget-packages"
mkdir -p "$logs" "$NUGET_PACKAGES"

# shellcheck source=samples/listening-url.sh
source "$root/samples/listening-url.sh"

failures=0
pass() { echo "  ok   $1"; }
fail() { echo "  FAIL $1" >&2; failures=$((failures + 1)); }

echo "== pack $version into $feed"
rm -rf "$feed" "$NUGET_PACKAGES"/eligibility "$NUGET_PACKAGES"/eligibility.*
dotnet pack Eligibility.sln -c Release -o "$feed" -p:Version="$version" -v quiet -nologo
# The tool is RID-specific: its pointer, `any` and NativeAOT linux-x64 packages (eng/pack-tool.sh).
bash eng/pack-tool.sh "$feed" "$version"
for package in Eligibility Eligibility.Rules Eligibility.Cli.any Eligibility.Cli.linux-x64; do
  for ext in nupkg snupkg; do
    if [ -f "$feed/$package.$version.$ext" ]; then pass "$package.$version.$ext"; else fail "$package.$version.$ext was not packed"; fi
  done
done
if [ -f "$feed/Eligibility.Cli.$version.nupkg" ]; then pass "Eligibility.Cli.$version.nupkg (the tool's pointer package)"; else fail "Eligibility.Cli.$version.nupkg was not packed"; fi

echo "== samples/Eligibility.Sample (the Eligibility package from the local feed, with DI and a clinic rule)"
dotnet build samples/Eligibility.Sample -c Release -p:EligibilityPackageVersion="$version" --force -v quiet -nologo
sample_out="$logs/sample.txt"
dotnet samples/Eligibility.Sample/bin/Release/net10.0/Eligibility.Sample.dll > "$sample_out"
cat "$sample_out"
expect_line() { # file description extended-regex [count]
  local n
  n=$(grep -cE -- "$3" "$1" || true)
  if [ "$n" -ge 1 ] && { [ -z "${4:-}" ] || [ "$n" -eq "$4" ]; }; then pass "$2"; else fail "$2: expected ${4:-some} line(s) matching '$3', found $n"; fi
}
expect_line "$sample_out" "NJ opioid use disorder qualifies" '^NJ opioid use disorder \(age 42, as of 2026-11-22\): qualifies$'
expect_line "$sample_out" "NJ listing cites N.J.S.A. 24:6I-3" '^  opioid-use-disorder: qualifies \(listed\) N\.J\.S\.A\. 24:6I-3'
expect_line "$sample_out" "TX chronic pain qualifies with requirements, low-THC only" '^TX chronic pain \(age 55, as of 2026-11-22\): qualifies-with-requirements$'
expect_line "$sample_out" "TX chronic pain is low-THC" '^  chronic-pain: qualifies-with-requirements \(listed\) \[low-thc\]'
expect_line "$sample_out" "ID has no program" '^ID opioid-use-disorder \(age 30, as of 2026-11-22\): no-program$'
expect_line "$sample_out" "the minor (PA, 17) qualifies with requirements" '^PA chronic pain \(age 17, as of 2026-11-22\): qualifies-with-requirements$'
expect_line "$sample_out" "the minor needs a caregiver (the law)" '^  requirement: a parent or legal guardian registers as the patient.s caregiver$'
expect_line "$sample_out" "the clinic rule fires for the minor only" '^  requirement: clinic policy: a second practitioner reviews patients under 21$' 1

echo "== the sample published trimmed (self-contained; NRules has no trim annotations, so its IL2104 warning is allowed)"
dotnet publish samples/Eligibility.Sample -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true -p:WarningsNotAsErrors=IL2104 \
  -p:EligibilityPackageVersion="$version" -o "$root/artifacts/sample-trimmed" -v quiet -nologo
if "$root/artifacts/sample-trimmed/Eligibility.Sample" | diff -u "$sample_out" - > "$logs/sample-trimmed.diff"; then
  pass "the trimmed sample prints the same decisions"
else
  cat "$logs/sample-trimmed.diff" >&2
  fail "the trimmed sample's output differs"
fi

echo "== samples/Eligibility.Api over real HTTP on 127.0.0.1"
dotnet build samples/Eligibility.Api -c Release -p:EligibilityPackageVersion="$version" --force -v quiet -nologo
api_log="$logs/api.log"
# Port 0: the server takes a free port and says which on its "Now listening on" line.
dotnet samples/Eligibility.Api/bin/Release/net10.0/Eligibility.Api.dll --urls http://127.0.0.1:0 > "$api_log" 2>&1 &
api_pid=$!
trap 'kill "$api_pid" 2>/dev/null || true' EXIT
base=$(listening_url "$api_log" "$api_pid")
if [ -z "$base" ]; then
  cat "$api_log" >&2
  echo "the API did not start" >&2
  exit 1
fi
echo "  listening on $base"

# http NAME EXPECTED_STATUS EXPECTED_CONTENT_TYPE BODY_REGEX curl-args...
http() {
  local name=$1 status=$2 type=$3 pattern=$4 out code ctype
  shift 4
  out="$logs/http-$(printf %s "$name" | tr -c 'A-Za-z0-9' '-').json"
  read -r code ctype < <(curl -sS --max-time 30 -o "$out" -w '%{http_code} %{content_type}\n' "$@" || echo "000 none")
  if [ "$code" != "$status" ]; then
    fail "$name: HTTP $code, expected $status: $(head -c 300 "$out")"
  elif [[ "$ctype" != "$type"* ]]; then
    fail "$name: Content-Type '$ctype', expected $type"
  elif ! grep -qE -- "$pattern" "$out"; then
    fail "$name: body does not match '$pattern': $(head -c 300 "$out")"
  else
    pass "$name ($code $type)"
  fi
}
json=(-H 'Content-Type: application/json')
problem='application/problem+json'

http "POST check NJ opioid use disorder" 200 application/json '"jurisdiction":"NJ".*"outcome":"qualifies"' \
  "${json[@]}" -d '{"jurisdiction":"NJ","conditions":["opioid use disorder"],"asOf":"2026-11-22"}' "$base/eligibility/check"
http "POST check TX chronic pain" 200 application/json '"outcome":"qualifies-with-requirements".*"productScope":"low-thc"' \
  "${json[@]}" -d '{"jurisdiction":"TX","conditions":["chronic pain"],"asOf":"2026-11-22","age":55}' "$base/eligibility/check"
http "POST check a minor with explain" 200 application/json '"nearMisses":\[' \
  "${json[@]}" -d '{"jurisdiction":"PA","conditions":["chronic pain"],"age":17,"explain":true,"attested":["severe"]}' "$base/eligibility/check"
http "POST check unknown jurisdiction" 400 "$problem" '"status":400.*"detail":"Unknown jurisdiction' \
  "${json[@]}" -d '{"jurisdiction":"XX","conditions":["cancer"]}' "$base/eligibility/check"
http "POST check malformed JSON" 400 "$problem" '"title":"Malformed query".*[Ss]end one JSON object' \
  "${json[@]}" -d '{"jurisdiction":"NJ",' "$base/eligibility/check"
http "POST check bad date" 400 "$problem" 'asOf must be a date string YYYY-MM-DD' \
  "${json[@]}" -d '{"jurisdiction":"NJ","conditions":["cancer"],"asOf":"2019-02-30"}' "$base/eligibility/check"
http "POST check unknown property" 400 "$problem" "unknown property \\(did you mean 'jurisdiction'\\?\\)" \
  "${json[@]}" -d '{"jurisdicton":"NJ","conditions":["cancer"]}' "$base/eligibility/check"
http "POST check not JSON" 415 "$problem" 'Content-Type: application/json' \
  -d 'state=NJ' "$base/eligibility/check"
http "GET scan opioid withdrawal" 200 application/json '^\[\{"schemaVersion":1,"jurisdiction":"AK"' \
  "$base/eligibility/scan?condition=opioid%20withdrawal&asOf=2026-11-22"
scanned=$(grep -o '"schemaVersion":' "$logs/http-GET-scan-opioid-withdrawal.json" | wc -l)
if [ "$scanned" -eq 56 ]; then pass "scan answers for 56 jurisdictions"; else fail "scan answered for $scanned jurisdictions, expected 56"; fi
http "GET scan bad date" 400 "$problem" "asOf is not a date; send asOf=YYYY-MM-DD" \
  "$base/eligibility/scan?condition=chronic%20pain&asOf=2019-13-01"
http "POST scan chronic pain" 200 application/json '^\[\{"schemaVersion":1,"jurisdiction":"AK"' \
  "${json[@]}" -d '{"condition":"chronic pain","asOf":"2026-11-22"}' "$base/eligibility/scan"
http "GET scan without condition" 400 "$problem" 'Send the condition to look up' \
  "$base/eligibility/scan"
http "GET states" 200 application/json '"code":"ID","name":"Idaho","program":"none"' \
  "$base/eligibility/states?asOf=2026-11-22"
http "GET states bad date" 400 "$problem" 'send asOf=YYYY-MM-DD' \
  "$base/eligibility/states?asOf=yesterday"
http "GET unknown path" 404 "$problem" 'POST /eligibility/check' \
  "$base/nope"
http "GET OpenAPI document" 200 application/json '"openapi": "3\.1' \
  "$base/openapi/v1.json"
for path in '/eligibility/check' '/eligibility/scan' '/eligibility/states' '"EligibilityQuery"' '"EligibilityDecision"'; do
  if grep -q -- "$path" "$logs/http-GET-OpenAPI-document.json"; then pass "OpenAPI describes $path"; else fail "OpenAPI lacks $path"; fi
done

# == The page for people and its map endpoint (Page/PageEndpoints.cs) ==
http "GET / (the page)" 200 text/html '<form id="question" method="post"' "$base/"
csp=$(curl -sS --max-time 30 -D - -o /dev/null "$base/" | tr -d '\r' | grep -i '^content-security-policy:' || true)
if [[ "$csp" == *"default-src 'none'"* && "$csp" == *"script-src 'self'"* ]]; then pass "the page has a strict Content-Security-Policy"; else fail "the page's Content-Security-Policy is '$csp'"; fi
http "GET /page/app.js" 200 text/javascript 'fetch\("/eligibility/check"|postJson\("/eligibility/check"' "$base/page/app.js"
http "POST map NJ opioid use disorder (SVG)" 200 image/svg+xml 'data-jurisdiction="NJ" data-outcome="qualifies"' \
  "${json[@]}" -d '{"condition":"opioid use disorder","asOf":"2026-11-22"}' "$base/eligibility/map"
tiles=$(grep -o 'data-jurisdiction=' "$logs/http-POST-map-NJ-opioid-use-disorder--SVG-.json" | wc -l)
if [ "$tiles" -eq 56 ]; then pass "the map has 56 tiles"; else fail "the map has $tiles tiles, expected 56"; fi
http "POST map ID (JSON)" 200 application/json '"jurisdiction":"ID","name":"Idaho","outcome":"no-program"' \
  "${json[@]}" -H 'Accept: application/json' -d '{"condition":"heroin addiction","asOf":"2026-11-22"}' "$base/eligibility/map"
if grep -q '"/eligibility/map"' "$logs/http-GET-OpenAPI-document.json"; then pass "OpenAPI describes /eligibility/map"; else fail "OpenAPI lacks /eligibility/map"; fi
http "POST map unknown property" 400 "$problem" 'An unknown property was sent' \
  "${json[@]}" -d '{"condition":"cancer","state":"NJ"}' "$base/eligibility/map"

# Hostile clients (Issue 14): the sample's own answers to what the abuse test sent, in brief; the full set is
# tests/Eligibility.Api.Tests below.
http "POST check without Content-Type" 415 "$problem" 'Content-Type: application/json' \
  --data-binary '{"jurisdiction":"NJ","conditions":["cancer"]}' -H 'Content-Type:' "$base/eligibility/check"
http "POST check duplicate property" 400 "$problem" 'jurisdiction appears more than once' \
  "${json[@]}" -d '{"jurisdiction":"NJ","jurisdiction":"TX","conditions":["chronic pain"]}' "$base/eligibility/check"
http "POST check not JSON is not echoed" 400 "$problem" '"title":"Malformed query"' \
  "${json[@]}" -d 'tPatient HIV+ on methadone' "$base/eligibility/check"
if grep -q 'methadone' "$logs/http-POST-check-not-JSON-is-not-echoed.json"; then fail "the malformed body was echoed"; else pass "the malformed body is not echoed"; fi
head -c $((31 * 1024 * 1024)) /dev/zero > "$logs/big-body.bin"
http "POST check 31 MB body" 413 "$problem" 'Body too large' \
  "${json[@]}" --data-binary @"$logs/big-body.bin" "$base/eligibility/check"
rm -f "$logs/big-body.bin"
code=$(curl -sS -o /dev/null -w '%{http_code}' -I "$base/eligibility/states" || echo 000)
if [ "$code" = 200 ]; then pass "HEAD /eligibility/states (200)"; else fail "HEAD /eligibility/states: HTTP $code"; fi
if grep -qE 'condition=|Request starting' "$api_log"; then fail "the request log holds a query string"; else pass "no query string in the log"; fi

echo "== a brief bounded load on the running sample (samples/load; fails only if a request failed)"
if bash samples/load/run-load.sh --url "$base" --seconds 2 --concurrency 4 --mix check,mixed; then
  pass "bounded load: every request answered 200"
else
  fail "bounded load: some requests failed"
fi

kill "$api_pid" 2>/dev/null || true
wait "$api_pid" 2>/dev/null || true
trap - EXIT
echo "  stopped"

echo "== the web sample under hostile clients over real HTTP (tests/Eligibility.Api.Tests: logging at Trace)"
if ELIGIBILITY_API_DLL="$root/samples/Eligibility.Api/bin/Release/net10.0/Eligibility.Api.dll" \
   dotnet test tests/Eligibility.Api.Tests -c Release -nologo -v quiet > "$logs/api-tests.txt" 2>&1; then
  pass "tests/Eligibility.Api.Tests: $(grep -oE 'Passed: +[0-9]+' "$logs/api-tests.txt" | head -n 1)"
else
  tail -n 40 "$logs/api-tests.txt" >&2
  fail "tests/Eligibility.Api.Tests failed (see $logs/api-tests.txt)"
fi

echo "== the CLI as a dotnet tool from the local feed"
rm -rf "$tools"
dotnet tool install --tool-path "$tools" --add-source "$feed" Eligibility.Cli --version "$version"
tool_out="$logs/tool.txt"
"$tools/eligibility" check --state NJ --condition opioid-use-disorder | tee "$tool_out"
expect_line "$tool_out" "eligibility check --state NJ --condition opioid-use-disorder qualifies" 'qualifies'
expect_line "$tool_out" "the tool cites N.J.S.A. 24:6I-3" '24:6I-3'
printf '%s\n' '{"jurisdiction":"NJ","conditions":["opioid-use-disorder"]}' '{"jurisdiction":"TX","conditions":["chronic pain"],"age":55}' \
  '{"jurisdiction":"ID","conditions":["opioid use disorder"]}' > "$logs/queries.jsonl"
if "$tools/eligibility" check --input - --as-of 2026-11-22 < "$logs/queries.jsonl" > "$logs/decisions.jsonl"; then
  pass "eligibility check --input - exits 0"
else
  fail "eligibility check --input - exited non-zero"
fi
lines=$(wc -l < "$logs/decisions.jsonl")
if [ "$lines" -eq 3 ]; then pass "three queries in, three decisions out"; else fail "$lines decisions for 3 queries"; fi
expect_line "$logs/decisions.jsonl" "the piped ID query has no program" '^\{"schemaVersion":1,"jurisdiction":"ID".*"outcome":"no-program"' 1
devzero_status=0
"$tools/eligibility" check --input /dev/zero > /dev/null 2> "$logs/devzero.txt" || devzero_status=$?
if [ "$devzero_status" -eq 3 ] && grep -q 'NUL character' "$logs/devzero.txt"; then
  pass "check --input /dev/zero ends at once with exit 3 (unreadable input)"
else
  fail "check --input /dev/zero: exit $devzero_status, $(head -c 300 "$logs/devzero.txt")"
fi

# --- CDS Hooks over real HTTP (Eligibility.Fhir from the local feed) -------------------------------------------------
# Its own API instance, so this block stands apart from the checks above. The example requests in samples/cds-examples
# are synthetic patient-view calls; each answer is checked for its cards (or none) and its status.
echo "== CDS Hooks: samples/Eligibility.Api with the Eligibility.Fhir package, over real HTTP on 127.0.0.1"
for ext in nupkg snupkg; do
  if [ -f "$feed/Eligibility.Fhir.$version.$ext" ]; then pass "Eligibility.Fhir.$version.$ext"; else fail "Eligibility.Fhir.$version.$ext was not packed"; fi
done
cds_log="$logs/api-cds.log"
dotnet samples/Eligibility.Api/bin/Release/net10.0/Eligibility.Api.dll --urls http://127.0.0.1:0 > "$cds_log" 2>&1 &
cds_pid=$!
trap 'kill "$cds_pid" 2>/dev/null || true' EXIT
base=$(listening_url "$cds_log" "$cds_pid")
if [ -z "$base" ]; then
  cat "$cds_log" >&2
  fail "the API did not start for the CDS Hooks checks"
else
  examples=samples/cds-examples
  service="$base/cds-services/cannabis-eligibility"
  http "CDS discovery" 200 application/json '"hook":"patient-view","id":"cannabis-eligibility".*"prefetch":\{"patient":"Patient/\{\{context.patientId\}\}","conditions":"Condition\?patient=' \
    "$base/cds-services"
  http "CDS NJ OUD + chronic pain on buprenorphine" 200 application/json '"summary":"Opioid use disorder qualifies for medical cannabis in New Jersey","indicator":"info".*N\.J\.S\.A\. 24:6I-3.*methadone or buprenorphine.*"summary":"Chronic pain qualifies' \
    "${json[@]}" -d @"$examples/nj-oud-chronic-pain-buprenorphine.json" "$service"
  cards=$(grep -o '"summary":' "$logs/http-CDS-NJ-OUD---chronic-pain-on-buprenorphine.json" | wc -l)
  if [ "$cards" -eq 2 ]; then pass "two cards for two qualifying conditions (the entered-in-error one is not used)"; else fail "$cards cards, expected 2"; fi
  http "CDS TX chronic pain in SNOMED CT" 200 application/json '"summary":"Chronic pain may qualify for medical cannabis in Texas \(low-THC only\): requirements to meet","indicator":"warning".*From the record: Condition/tx-1-pain, by SNOMED CT 82423001 \|Chronic pain\|' \
    "${json[@]}" -d @"$examples/tx-chronic-pain-snomed.json" "$service"
  http "CDS minor in PA" 200 application/json 'Pennsylvania.*a parent or legal guardian registers as the patient.s caregiver' \
    "${json[@]}" -d @"$examples/pa-minor-chronic-pain.json" "$service"
  http "CDS no known condition" 200 application/json '^\{"cards":\[\]\}$' \
    "${json[@]}" -d @"$examples/no-known-condition.json" "$service"
  http "CDS missing prefetch" 412 "$problem" 'Send prefetch.patient and prefetch.conditions' \
    "${json[@]}" -d @"$examples/missing-prefetch.json" "$service"
  http "CDS wrong hook" 400 "$problem" "answers the 'patient-view' hook only" \
    "${json[@]}" -d '{"hook":"order-select","hookInstance":"x","context":{"patientId":"p"}}' "$service"
  http "CDS malformed JSON" 400 "$problem" 'The body is not JSON \(line 1' \
    "${json[@]}" -d '{"hook":' "$service"
  http "CDS invalid FHIR in prefetch, value not echoed" 400 "$problem" 'prefetch.patient is not a valid FHIR R4 resource: .*Patient.birthDate' \
    "${json[@]}" -d '{"hook":"patient-view","hookInstance":"x","context":{"patientId":"p"},"prefetch":{"patient":{"resourceType":"Patient","id":"p","birthDate":"SECRET-VALUE"},"conditions":{"resourceType":"Bundle","type":"searchset"}}}' "$service"
  if grep -q 'SECRET-VALUE' "$logs/http-CDS-invalid-FHIR-in-prefetch--value-not-echoed.json"; then fail "the problem echoes the client's value"; else pass "the problem does not echo the client's value"; fi
  http "CDS not JSON" 415 "$problem" 'Content-Type: application/json' \
    -d 'hook=patient-view' "$service"
  long=$(cat "$logs"/http-CDS-*.json | grep -oE '"summary":"[^"]*"' | awk '{ if (length($0) - 12 > 140) print }' | wc -l)
  if [ "$long" -eq 0 ]; then pass "every card summary is at most 140 characters"; else fail "$long card summaries are longer than 140 characters"; fi
  if grep -qE 'F11\.20|82423001|1984-03-15|Newark|Buprenorphine' "$cds_log"; then fail "the API log holds patient data"; else pass "the API log holds no patient data"; fi
fi
kill "$cds_pid" 2>/dev/null || true
wait "$cds_pid" 2>/dev/null || true
trap - EXIT
# --- end of the CDS Hooks block --------------------------------------------------------------------------------------

if [ "$failures" -ne 0 ]; then
  echo "run-samples: $failures check(s) failed" >&2
  exit 1
fi
echo "run-samples: all checks passed"
