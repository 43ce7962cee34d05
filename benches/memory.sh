#!/usr/bin/env bash
# Resident memory of the app with a generated 5 MB article open, under a virtual display:
#   bash benches/memory.sh [BYTES]
# Prints the resident set (VmRSS) once the window has settled, and the peak (VmHWM), in MB.
# Needs Xvfb (Debian: xvfb). The software renderer (Mesa llvmpipe) is included in the figure.
set -euo pipefail
bytes=${1:-5000000}
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin claimlens --example generate_report
work=$(mktemp -d)
trap 'kill "${app:-}" "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
target/release/examples/generate_report "$bytes" > "$work/report.txt"
Xvfb :97 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=:97 XDG_DATA_HOME="$work/data" target/release/claimlens "$work/report.txt" >/dev/null 2>&1 &
app=$!
# Settled: the resident set has not grown for two seconds.
last=0; same=0
for _ in $(seq 1 120); do
  sleep 0.5
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$app/status")
  if [ "$rss" -le "$last" ]; then same=$((same + 1)); else same=0; fi
  last=$rss
  [ "$same" -ge 4 ] && break
done
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$app/status")
echo "article: $(stat -c %s "$work/report.txt") bytes"
echo "resident after open: $((last / 1024)) MB; peak: $((hwm / 1024)) MB"
