#!/usr/bin/env bash
# Prints the performance table of docs/PERFORMANCE.md (Markdown on stdout, progress on stderr).
#   bench/run.sh                 256 MiB and 1 GiB, 3 interleaved rounds
#   bench/run.sh 256M,1G,4G      add 4 GiB (several minutes; needs ~6 GiB free in $TMPDIR)
#   bench/run.sh 16M             a quick end-to-end check (sizes: K, M or G, binary units)
# The goals are judged on the Native AOT publish, as the image ships it; the framework-dependent JIT build
# (`dotnet cipublisher.dll`) is measured beside it for goal 4's "version <= 150 ms with JIT".
# Environment: REPS (rounds, default 3), STARTUP_RUNS (default 20), BASELINE (another build to measure
# beside these, e.g. a build of main: a cipublisher.dll or a native cipublisher).
set -euo pipefail
sizes="${1:-256M,1G}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/cipublisher-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

missing=()
for tool in curl openssl unzip; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
fi

# One dotnet command at a time: the publishes and the build share the project's obj folders.
echo "building (Release): the shipped Native AOT publish, the framework-dependent JIT publish, the bench driver" >&2
dotnet publish "$root/src/CiPublisher" -c Release --ucr -p:PublishAot=true -o "$work/aot" -nologo -v q >&2
dotnet publish "$root/src/CiPublisher" -c Release -o "$work/jit" -nologo -v q >&2
others=""
[ -n "${BASELINE:-}" ] && others="baseline=$BASELINE"
dotnet build "$root/bench/CiPublisher.Bench" -c Release -o "$work/bench" -nologo -v q >&2

dotnet "$work/bench/CiPublisher.Bench.dll" --program "$work/aot/cipublisher" --program-label "Native AOT" \
  --jit "$work/jit/cipublisher.dll" --others "$others" \
  --sizes "$sizes" --reps "${REPS:-3}" --startup-runs "${STARTUP_RUNS:-20}" --work "$work/files"
