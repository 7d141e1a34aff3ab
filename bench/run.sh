#!/usr/bin/env bash
# Prints the performance table of docs/PERFORMANCE.md (Markdown on stdout, progress on stderr).
#   bench/run.sh                 256 MiB and 1 GiB, 3 interleaved rounds
#   bench/run.sh 256M,1G,4G      add 4 GiB (several minutes; needs ~6 GiB free in $TMPDIR)
# Environment: REPS (rounds, default 3), STARTUP_RUNS (default 20), BASELINE (another cipublisher.dll
# to measure beside this one, e.g. a build of main), AOT=1 (also try a Native AOT publish).
set -euo pipefail
sizes="${1:-256M,1G}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/cipublisher-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

missing=()
for tool in curl openssl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
fi

echo "building (Release): the shipped publish, a ReadyToRun publish, the bench driver" >&2
dotnet publish "$root/src/CiPublisher" -c Release -o "$work/shipped" -nologo -v q >&2
dotnet publish "$root/src/CiPublisher" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/r2r" -nologo -v q >&2
others="ReadyToRun=$work/r2r/cipublisher.dll"
if [ "${AOT:-0}" = 1 ]; then
  if dotnet publish "$root/src/CiPublisher" -c Release -r linux-x64 -p:PublishAot=true -p:PublishTrimmed=true \
       -p:CustomBeforeMicrosoftCommonTargets="$root/bench/aot/TrimmerRoots.targets" \
       -o "$work/aot" -nologo -v q >"$work/aot.log" 2>&1 \
     && head -c 1024 /dev/urandom >"$work/aot-check.dmg" \
     && (cd "$work" && "$work/aot/cipublisher" publish --artifacts "$work/aot-check.dmg" --fenfa-url http://127.0.0.1:9/ \
          --fenfa-token aot-check-token --fenfa-variant-id v --version 1.0.0 --build-number 1 --dry-run) >>"$work/aot.log" 2>&1; then
    others="$others,Native AOT=$work/aot/cipublisher"
  else
    # A dry run exercises arguments, inspection and the report JSON: what fails under AOT today.
    echo "Native AOT publish or its dry run failed (see docs/PERFORMANCE.md, Native AOT); measuring without it. Last lines:" >&2
    tail -5 "$work/aot.log" >&2
  fi
fi
[ -n "${BASELINE:-}" ] && others="$others,baseline=$BASELINE"
dotnet build "$root/bench/CiPublisher.Bench" -c Release -o "$work/bench" -nologo -v q >&2

dotnet "$work/bench/CiPublisher.Bench.dll" --program "$work/shipped/cipublisher.dll" --others "$others" \
  --sizes "$sizes" --reps "${REPS:-3}" --startup-runs "${STARTUP_RUNS:-20}" --work "$work/files"
