#!/usr/bin/env bash
# Fetches the mermaid npm package into artifacts/mermaid (git-ignored): `dotnet pack` of the checklist
# tool ships its dist/mermaid.min.js (and LICENSE) inside the tool package, and a build copies it next to
# the tool, so that `checklist export --html` draws diagrams offline (no CDN). `dotnet pack` fetches it
# itself when npm is there; this script does it ahead (CI runs it before the tests). The version is the
# one pinned in src/ChecklistDsl.Cli/ChecklistDsl.Cli.csproj (MermaidVersion); MERMAID_VERSION overrides.
# mermaid is MIT-licensed: redistributing mermaid.min.js is allowed with its copyright notice, which
# travels beside it (LICENSE; the exporter copies it as mermaid.LICENSE.txt).
# Only the package tarball is fetched (npm pack): its dist/mermaid.min.js is self-contained.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pinned="$(sed -n 's:.*<MermaidVersion>\(.*\)</MermaidVersion>.*:\1:p' "$root/src/ChecklistDsl.Cli/ChecklistDsl.Cli.csproj")"
version="${MERMAID_VERSION:-$pinned}"
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
