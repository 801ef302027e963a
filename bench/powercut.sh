#!/usr/bin/env bash
# Power cuts, not just kills: runs the market-day driver over a FUSE filesystem that forgets every
# write not fsynced, cuts the power at random moments and counts acknowledged writes lost.
#   bench/powercut.sh                                   1,000 cuts at synchronous=FULL (the store's setting)
#   bench/powercut.sh --cuts 200 --synchronous off      proves the harness bites: OFF loses acknowledged writes
#   bench/powercut.sh --cuts 50 --seed 7 --max-delay-ms 1000 --log /tmp/powercut.log
# Needs root, /dev/fuse and Debian's fuse3 + python3-fusepy (for /usr/bin/python3):
#   apt-get install -y fuse3 python3-fusepy
# Prints one JSON summary line (cuts, acknowledged, lost, violations, corrupt, seconds, seed).
# How it works: bench/powercut/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
/usr/bin/python3 bench/powercut/powercut.py --check
dotnet build bench/powercut/Yalu.PowerCut/Yalu.PowerCut.csproj -c Release -warnaserror -v q -nologo >&2
driver=$(ls bench/powercut/Yalu.PowerCut/bin/Release/net10.0/*/Yalu.PowerCut | head -1)
exec /usr/bin/python3 bench/powercut/powercut.py --driver "$driver" --max-delay-ms 1000 "$@"
