#!/usr/bin/env bash
# Compiles every ```csharp block of README.md as written, each in a new console project of its own outside the
# repository, with only what the README tells a reader to do: add the local feed as a package source (the README's
# `dotnet nuget add source`, into a throw-away home directory), then `dotnet add package Eligibility` and
# `dotnet add package Microsoft.Extensions.DependencyInjection` (and `dotnet add package Eligibility.Fhir` for a block
# that uses it, as the FHIR section says).
# A block that declares types only (a rule class) is compiled as a class library. Needs artifacts/packages (packs it
# when missing). Exits non-zero naming the block and the compiler's errors when a block does not compile.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version=${ELIGIBILITY_VERSION:-0.1.0}
feed="$root/artifacts/packages"
if [ ! -f "$feed/Eligibility.$version.nupkg" ]; then
  echo "== pack $version into $feed"
  dotnet pack Eligibility.sln -c Release -o "$feed" -p:Version="$version" -v quiet -nologo
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A package cache and a user NuGet.Config of this run's own: a re-packed $version is never shadowed by a stale copy,
# and the user's own NuGet settings are neither used nor changed.
export NUGET_PACKAGES="$work/packages"
export HOME="$work/home"
mkdir -p "$HOME"
dotnet nuget add source "$feed" --name eligibility-local > /dev/null

# Split README.md into one file per ```csharp block.
python3 - "$root/README.md" "$work" <<'PY'
import os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"^```csharp\n(.*?)^```", text, flags=re.S | re.M)
for i, block in enumerate(blocks, 1):
    os.makedirs(os.path.join(sys.argv[2], f"snippet{i}"))
    with open(os.path.join(sys.argv[2], f"snippet{i}", "Snippet.cs"), "w", encoding="utf-8") as f:
        f.write(block)
print(f"{len(blocks)} C# blocks in README.md")
PY

failures=0
for dir in "$work"/snippet*; do
  name=$(basename "$dir")
  # A block that starts (after its usings) with a type declaration declares types only: a library. Otherwise it is
  # top-level statements: a console app.
  first=$(grep -Ev '^(using |[[:space:]]*$|//)' "$dir/Snippet.cs" | head -1)
  case "$first" in
    public\ *|internal\ *|\[*) kind=Library ;;
    *) kind=Exe ;;
  esac
  cat > "$dir/$name.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>$kind</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
</Project>
XML
  # Keep the repository's Directory.Build.props / Directory.Packages.props out: this is someone else's new app.
  (
    cd "$dir"
    dotnet add package Eligibility --version "$version" > add.log 2>&1 &&
    dotnet add package Microsoft.Extensions.DependencyInjection --version 10.0.0 >> add.log 2>&1 &&
    # The FHIR section's snippets need the package that section tells the reader to add.
    { ! grep -q 'using Eligibility.Fhir;' Snippet.cs || dotnet add package Eligibility.Fhir --version "$version" >> add.log 2>&1; }
  ) || { echo "  FAIL $name: dotnet add package failed" >&2; tail -5 "$dir/add.log" >&2; failures=$((failures + 1)); continue; }
  if dotnet build "$dir" -v quiet -nologo > "$dir/build.log" 2>&1; then
    echo "  ok   README.md C# block ${name#snippet} ($kind)"
  else
    echo "  FAIL README.md C# block ${name#snippet} ($kind) does not compile:" >&2
    grep -E 'error' "$dir/build.log" | sort -u | head -10 >&2
    failures=$((failures + 1))
  fi
done

if [ "$failures" -ne 0 ]; then
  echo "$failures README.md C# block(s) failed" >&2
  exit 1
fi
