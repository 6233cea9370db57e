#!/usr/bin/env bash
# Installs the system packages the test suite needs and npm cannot provide: Chromium and CJK
# fonts for the browser tests (Hangul and Hanja must render), Maven and a JDK for the managed
# Neo4j, docker-compose to validate docker-compose.yml, and NetworkX to load the exported graphs
# as researchers do. Runs before `npm test`; does nothing
# when everything is present. Needs root (or sudo) only when something is missing.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto 2>/dev/null | grep -q CJK || missing+=(fonts-noto-cjk)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
# Debian's python3 (tests/unit/export/graph-readers.ts loads exports with it, not with
# whichever python3 comes first on PATH).
python=/usr/bin/python3; [ -x "$python" ] || python=python3
"$python" -c 'import networkx' >/dev/null 2>&1 || missing+=(python3-networkx)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing system packages for the test suite: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "These Debian packages are needed and this user cannot install them: ${missing[*]}" >&2
  echo "Install them (apt-get install ${missing[*]}) and run the tests again." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "apt-get is not available; install these packages with your system's package manager: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
