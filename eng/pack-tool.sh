#!/usr/bin/env bash
# Packs the eligibility tool, which is RID-specific, into a feed: its pointer package, the framework-dependent `any`
# package (every platform with the .NET runtime) and the NativeAOT linux-x64 one. `dotnet tool install` takes the
# package of the user's platform and fails if the pointer lists it but the feed lacks it, so all three go together.
# The native link needs clang and zlib1g-dev: installed with apt-get when missing.
#   bash eng/pack-tool.sh FEED VERSION
set -euo pipefail
cd "$(dirname "$0")/.."
feed=$1
version=$2
if ! command -v clang > /dev/null || ! [ -e /usr/include/zlib.h ]; then
  echo "  installing clang and zlib1g-dev (the NativeAOT linker's prerequisites)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev > /dev/null
fi
dotnet pack src/Eligibility.Cli -c Release -o "$feed" -p:Version="$version" -v quiet -nologo
dotnet pack src/Eligibility.Cli -c Release -o "$feed" -p:Version="$version" -r any -p:PublishAot=false -v quiet -nologo
dotnet pack src/Eligibility.Cli -c Release -o "$feed" -p:Version="$version" -r linux-x64 -v quiet -nologo
