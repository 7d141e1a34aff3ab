#!/usr/bin/env bash
# Publishes the program as the image ships it (Native AOT, for this machine's platform) and runs the end-to-end
# tests against that binary instead of `dotnet cipublisher.dll`: reflection that Native AOT cannot do fails here,
# not in a user's release job. Needs a C toolchain (gcc or clang) and zlib headers, as any Native AOT publish does.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d "${TMPDIR:-/tmp}/cipublisher-aot.XXXXXX")"
trap 'rm -rf "$out"' EXIT

dotnet publish "$root/src/CiPublisher" -c Release --use-current-runtime -p:PublishAot=true -o "$out" -nologo
# The tests that never start the program (trait Runs=InProcess) would only repeat, so they are left out.
ACCEPTANCE_PROGRAM="$out/cipublisher" dotnet test "$root/tests/CiPublisher.IntegrationTests" -c Release -nologo --filter "Runs!=InProcess"
