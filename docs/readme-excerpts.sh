#!/usr/bin/env bash
# Regenerates every program excerpt in README.md from the current build, or checks them (--check).
#
#   docs/readme-excerpts.sh            rewrite the excerpts (and the pictures, with --pictures) in place
#   docs/readme-excerpts.sh --check    exit 1 and show a diff if an excerpt differs from what the program prints
#
# An excerpt is a fenced block between two HTML comments, which Markdown does not show:
#
#   <!-- output: ./nn4j xor --explain | sed -n '/^== Backward/,/^$/p' -->      the command's output
#   <!-- session: ./nn4j xor --epochs many; echo $? -->                        each command as "$ command", then its output
#   ```
#   ...
#   ```
#   <!-- end -->
#
# Commands run with bash in an empty scratch directory, where ./nn4j is the repository's launcher (so the files they
# write are thrown away), with standard error merged into standard output (errors are part of what a user sees)
# and the JVM's one "WARNING: Using incubator modules" line left out. Blocks without markers are left alone, so the script works on any
# version of the README. --pictures also redraws the README's pictures (docs/images/generate.sh) from the same build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mode=write
pictures=no
for arg in "$@"; do
    case $arg in
        --check) mode=check ;;
        --pictures) pictures=yes ;;
        *) echo "usage: $0 [--check] [--pictures]" >&2; exit 2 ;;
    esac
done
readme=${README:-README.md}
export SCRATCH
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
mkdir "$SCRATCH/run"
printf '#!/bin/sh\nexec "%s/nn4j" "$@"\n' "$root" > "$SCRATCH/run/nn4j"
chmod +x "$SCRATCH/run/nn4j"

# Runs one marker's commands and prints the fenced block that shows them.
render() {
    local kind=$1 commands=$2
    echo '```'
    if [ "$kind" = output ]; then
        (eval "$commands") 2>&1 | grep -v '^WARNING: Using incubator modules' || true
    else
        local IFS=$'\n' status=0 run
        # "; " separates the session's commands; "$?" in one of them is the status of the command before it.
        for command in $(printf '%s\n' "$commands" | sed 's/; /\n/g'); do
            printf '$ %s\n' "$command"
            run=${command//\$\?/$status}
            status=0
            eval "$run" > "$SCRATCH/out" 2>&1 || status=$?
            grep -v '^WARNING: Using incubator modules' "$SCRATCH/out" || true
        done
    fi
    echo '```'
}

generated=$SCRATCH/README.generated
inside=no
while IFS= read -r line || [ -n "$line" ]; do
    if [ "$inside" = yes ]; then
        if [ "$line" = '<!-- end -->' ]; then
            inside=no
            printf '%s\n' "$line"
        fi
        continue
    fi
    printf '%s\n' "$line"
    if [[ $line =~ ^\<\!--\ (output|session):\ (.*)\ --\>$ ]]; then
        (cd "$SCRATCH/run" && render "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}")
        inside=yes
    fi
done < "$readme" > "$generated"
if [ "$inside" = yes ]; then
    echo "$readme: an excerpt marker has no <!-- end -->" >&2
    exit 1
fi

if [ "$mode" = check ]; then
    if ! diff -u "$readme" "$generated"; then
        echo "$readme: the excerpts above differ from the program's output; run docs/readme-excerpts.sh" >&2
        exit 1
    fi
    echo "$readme: every excerpt matches the program's output"
else
    cp "$generated" "$readme"
fi

if [ "$pictures" = yes ]; then
    docs/images/generate.sh > /dev/null
fi
