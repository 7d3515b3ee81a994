#!/usr/bin/env bash
# app-corpus.sh OUT
#
# Builds the APPLICATION corpus (docs/app-corpus.md): the .py files of the
# pinned commit (bench/apps.tsv) of every listed repository, extracted into
# OUT/<owner>+<name>/<path-in-repo>. It is for measuring PyGuard's false
# positives and missed defects on real ML application code (training
# scripts, serving apps, TorchServe handlers, Flower strategies, MLOps
# pipelines, feature repos). The corpus itself is never committed.
#
# No network. The repositories must already be on this machine as snapshots
# under $MIRROR (default /work/.mirror/<owner>+<name>/); they get there with
# the `fetch` tool of the engineering session (fetch github:<owner>/<name>),
# which leaves a git directory at <owner>+<name>/repo (or repo/.git). The
# mirrors are per machine: a repository missing from $MIRROR is skipped with
# a message, and the rest of the corpus is still built.
#
# Only .py files are extracted (.ipynb are kept out for now). Symlinks,
# files whose blob is absent from the snapshot (snapshots lack files of
# 4 MiB and more), anything under a site-packages/ directory (a committed
# virtualenv) and paths under an excluded prefix are skipped.
#
# Output: the corpus under OUT, and on stdout one tab-separated line per
# list entry: repo, subdirectory, files, lines of Python (or "missing"),
# then a TOTAL line.
set -euo pipefail

usage() {
  echo "usage: $0 OUT" >&2
  exit 2
}
[[ $# -eq 1 ]] || usage
OUT=$1
MIRROR=${MIRROR:-/work/.mirror}

# The list, with the commit each repository is pinned to: bench/apps.tsv
# (repo, subdirectory or ".", commit, excluded path prefixes or "-",
# category). Why each entry is in: docs/app-corpus.md.
LIST=${LIST:-$(dirname "$0")/apps.tsv}
REPOS=$(awk -F'\t' '!/^#/ && NF >= 3 { ex = ($4 == "-" ? "" : $4); print $1, $2, $3, ex }' "$LIST")

# gitdir OWNER+NAME: the snapshot's git directory, or nothing.
gitdir() {
  local d
  for d in "$MIRROR/$1/repo/.git" "$MIRROR/$1/repo" "$MIRROR/$1"; do
    if [[ -f "$d/HEAD" && -d "$d/objects" ]]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

mkdir -p "$OUT"
total_files=0 total_lines=0 missing=0

while read -r repo subdir commit excludes; do
  [[ -z "$repo" || "$repo" == \#* ]] && continue
  name=${repo/\//+}
  if ! git=$(gitdir "$name"); then
    echo "app-corpus: $repo is not in $MIRROR (fetch it with the fetch tool: fetch github:$repo); skipped" >&2
    printf '%s\t%s\tmissing\n' "$repo" "$subdir"
    missing=$((missing + 1))
    continue
  fi
  if ! git --git-dir="$git" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "app-corpus: $repo: the snapshot lacks the pinned commit $commit (a newer snapshot?); skipped" >&2
    printf '%s\t%s\tmissing\n' "$repo" "$subdir"
    missing=$((missing + 1))
    continue
  fi
  dest=$OUT/$name
  mkdir -p "$dest"
  spec=()
  [[ "$subdir" != "." ]] && spec=(-- "$subdir")
  # Select: mode type sha<TAB>path, NUL-terminated.
  paths=() shas=()
  while IFS= read -r -d '' entry; do
    meta=${entry%%$'\t'*} path=${entry#*$'\t'}
    read -r mode type sha <<<"$meta"
    [[ "$type" == blob && "$mode" != 120000 && "$path" == *.py ]] || continue
    # a committed virtualenv is not the application's code
    [[ "$path" == */site-packages/* || "$path" == site-packages/* ]] && continue
    skip=0
    for ex in $excludes; do
      ex=${ex#!}
      [[ "$path" == "$ex" || "$path" == "$ex"/* ]] && skip=1
    done
    [[ $skip -eq 0 ]] || continue
    paths+=("$path") shas+=("$sha")
  done < <(git --git-dir="$git" ls-tree -r -z "$commit" "${spec[@]}")
  # Leave out blobs the snapshot lacks (git archive would stop on them).
  declare -A absent=()
  if [[ ${#shas[@]} -gt 0 ]]; then
    while read -r sha what; do
      [[ "$what" == missing ]] && absent[$sha]=1
    done < <(printf '%s\n' "${shas[@]}" | git --git-dir="$git" cat-file --batch-check)
  fi
  keep=()
  for i in "${!paths[@]}"; do
    if [[ -n "${absent[${shas[$i]}]:-}" ]]; then
      echo "app-corpus: $repo: ${paths[$i]} is not in the snapshot (large file?); skipped" >&2
    else
      keep+=("${paths[$i]}")
    fi
  done
  unset absent
  files=${#keep[@]} lines=0
  if [[ $files -gt 0 ]]; then
    # Literal pathspecs: a path is a path, never a pattern.
    # git archive complains of every absent blob in the tree, even outside
    # the paths asked for; those complaints are dropped, and what was asked
    # for is checked below.
    printf '%s\0' "${keep[@]}" |
      GIT_LITERAL_PATHSPECS=1 xargs -0 git --git-dir="$git" archive --format=tar "$commit" -- \
        2> >(grep -v '^error: invalid object ' >&2 || true) |
      tar -x -C "$dest"
    for p in "${keep[@]}"; do
      [[ -f "$dest/$p" ]] || { echo "app-corpus: $repo: $p was not extracted" >&2; exit 1; }
    done
    lines=$(cd "$dest" && printf '%s\0' "${keep[@]}" | xargs -0 cat -- | wc -l)
  fi
  printf '%s\t%s\t%d\t%d\n' "$repo" "$subdir" "$files" "$lines"
  total_files=$((total_files + files)) total_lines=$((total_lines + lines))
done <<<"$REPOS"

printf 'TOTAL\t-\t%d\t%d\n' "$total_files" "$total_lines"
[[ $missing -eq 0 ]] || echo "app-corpus: $missing list entries missing from $MIRROR" >&2
