#!/usr/bin/env bash
# Fetches the mermaid npm package into artifacts/mermaid (git-ignored), where `checklist export
# --html` finds mermaid.min.js to copy next to the exported pages (no CDN at view time).
# mermaid is MIT-licensed: redistributing mermaid.min.js is allowed with its copyright notice,
# which the exporter copies alongside as mermaid.LICENSE.txt.
# Only the package tarball is fetched (npm pack): its dist/mermaid.min.js is self-contained.
set -euo pipefail
version="${MERMAID_VERSION:-11.17.2}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/artifacts/mermaid"
if [[ -f "$target/package/dist/mermaid.min.js" ]] && grep -q "\"version\": \"$version\"" "$target/package/package.json"; then
  echo "mermaid $version already in $target"
  exit 0
fi
rm -rf "$target"
mkdir -p "$target"
tarball="$(cd "$target" && npm pack --silent "mermaid@$version")"
tar -xzf "$target/$tarball" -C "$target" package/package.json package/LICENSE package/dist/mermaid.min.js
rm -f "$target/$tarball"
echo "mermaid $version: $target/package/dist/mermaid.min.js"
