#!/usr/bin/env bash
# Runs every test of WorkSights: unit, functional, integration (against the Microsoft 365 sandbox over loopback),
# architecture and browser tests (headless Debian Chromium). Installs Chromium first when it is missing.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Chromium from Debian's packages…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium' first." >&2
    exit 1
  fi
fi

dotnet tool restore >/dev/null
log=$(mktemp)
dotnet test WorkSights.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly closes with "Passed!  - Failed: F, Passed: P, ..." or "Failed!  - Failed: F, Passed: P, ...".
read -r passed failed < <(grep -aE '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+).*/\2 \1/' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the build or a test host failed before any test could report
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
