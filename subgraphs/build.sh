#!/usr/bin/env bash
# Builds subgraphs with the pinned, unmodified graph-cli: `graph codegen && graph build`.
#
#   subgraphs/build.sh [--force] [DIR|NAME …]
#
# Default: every subgraph under subgraphs/ (depin, network) and tests/fixtures/subgraphs/ (a folder
# with a subgraph.template.yaml or subgraph.yaml). A NAME is looked up in those two folders.
# For each subgraph it
#   1. renders subgraph.yaml from subgraph.template.yaml (depin/render-manifest.mjs; contract
#      addresses from $DEPIN_DEVNET_STATE, else <repo>/.devnet/state.json, else — or when the state
#      lists none of the template's contracts — zero addresses),
#   2. writes abis/<Contract>.json from the compiled contracts (sync-abis.mjs; compiles them first
#      with deploy/compile.mjs, which is a no-op when they are up to date),
#   3. skips the subgraph when a hash of its sources (manifest, schema, ABIs, mappings, toolchain
#      lock) equals the one stored in build/.source-hash by the last successful build (--force
#      rebuilds anyway),
#   4. runs `graph codegen` (generated/) and `graph build` (build/), failing loudly.
# One shared install in subgraphs/node_modules serves every subgraph: `npm ci` runs when it is
# missing or older than package-lock.json. Subgraphs outside subgraphs/ get a node_modules symlink
# to it, since graph-cli finds @graphprotocol/graph-ts by walking up from the manifest's folder.
# Concurrent runs (several test projects) are serialised with a lock file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
fixtures="$root/tests/fixtures/subgraphs"
say() { printf 'build.sh: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

force=0
args=()
for a in "$@"; do
  case "$a" in
    --force) force=1 ;;
    -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $a" ;;
    *) args+=("$a") ;;
  esac
done

command -v node >/dev/null || die "node is not installed (Node.js 20 is needed for graph-cli)"
command -v npm >/dev/null || die "npm is not installed"

# Serialise concurrent builds: they share node_modules and the build folders.
exec 9>"$here/.build.lock"
flock 9

# --- the shared toolchain -----------------------------------------------------------------------
lock_hash="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
stamp="$here/node_modules/.depin-lock-hash"
if [ ! -x "$here/node_modules/.bin/graph" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  say "npm ci (graph-cli, graph-ts) in $here"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $here"
  echo "$lock_hash" >"$stamp"
fi
graph="$here/node_modules/.bin/graph"

# --- which subgraphs ----------------------------------------------------------------------------
is_subgraph() { [ -f "$1/subgraph.template.yaml" ] || [ -f "$1/subgraph.yaml" ]; }
dirs=()
if [ ${#args[@]} -eq 0 ]; then
  for d in "$here"/*/ "$fixtures"/*/; do
    d="${d%/}"
    [ -d "$d" ] && [ "$(basename "$d")" != node_modules ] && is_subgraph "$d" && dirs+=("$d")
  done
else
  for a in "${args[@]}"; do
    if [ -d "$a" ]; then d="$(cd "$a" && pwd)"
    elif [ -d "$here/$a" ]; then d="$here/$a"
    elif [ -d "$fixtures/$a" ]; then d="$fixtures/$a"
    else die "no subgraph '$a' (not a folder, nor in $here or $fixtures)"; fi
    is_subgraph "$d" || die "$d has no subgraph.template.yaml or subgraph.yaml"
    dirs+=("$d")
  done
fi
[ ${#dirs[@]} -gt 0 ] || die "no subgraphs found"

# --- compiled contracts (for the ABIs) ----------------------------------------------------------
if [ -f "$root/deploy/compile.mjs" ]; then
  if [ ! -d "$root/deploy/node_modules/solc" ]; then
    say "npm ci in deploy/ (solc)"
    (cd "$root/deploy" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in deploy/"
  fi
  node "$root/deploy/compile.mjs" --quiet || die "contract compilation failed (node deploy/compile.mjs)"
fi

state_args=()
if [ -n "${DEPIN_DEVNET_STATE:-}" ]; then state_args=(--state "$DEPIN_DEVNET_STATE"); fi

# Hash of everything a build depends on: the subgraph's own files (not its outputs) and the lock.
source_hash() {
  (
    cd "$1"
    find . \( -name build -o -name generated -o -name node_modules \) -prune -o -type f -print \
      | LC_ALL=C sort | while IFS= read -r f; do printf '%s\n' "$f"; sha256sum <"$f"; done
    echo "$lock_hash"
  ) | sha256sum | cut -d' ' -f1
}

built=0; skipped=0
for dir in "${dirs[@]}"; do
  name="${dir#"$root"/}"
  case "$dir/" in
    "$here"/*) ;;
    *) # outside subgraphs/: let graph-cli find the shared install from the subgraph's folder
       if [ ! -e "$dir/node_modules" ]; then   # missing, or a dangling link
         rm -f "$dir/node_modules"
         ln -s "$(realpath --relative-to="$dir" "$here/node_modules")" "$dir/node_modules"
       fi ;;
  esac
  if [ -f "$dir/subgraph.template.yaml" ]; then
    node "$here/depin/render-manifest.mjs" --dir "$dir" "${state_args[@]}" || die "$name: rendering subgraph.yaml failed"
  fi
  node "$here/sync-abis.mjs" "$dir" || die "$name: writing the ABIs failed"
  hash="$(source_hash "$dir")"
  if [ $force -eq 0 ] && [ -f "$dir/build/subgraph.yaml" ] && [ "$(cat "$dir/build/.source-hash" 2>/dev/null)" = "$hash" ]; then
    say "$name: up to date"
    skipped=$((skipped + 1))
    continue
  fi
  say "$name: graph codegen && graph build"
  rm -f "$dir/build/.source-hash"
  log="$(mktemp)"
  if ! (cd "$dir" && "$graph" codegen --skip-migrations && "$graph" build --skip-migrations) >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    die "$name: graph codegen/build failed (output above)"
  fi
  rm -f "$log"
  [ -f "$dir/build/subgraph.yaml" ] || die "$name: graph build wrote no build/subgraph.yaml"
  echo "$hash" >"$dir/build/.source-hash"
  built=$((built + 1))
done
say "done: $built built, $skipped up to date"
