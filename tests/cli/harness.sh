# SPDX-License-Identifier: MIT
# Shared by the CLI test scripts (sourced): a fresh work folder, failure counting, and running
# a command with its exit code checked. Set `work` before sourcing.
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 2
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
# expect CODE CMD...: runs CMD, keeps stdout in out.txt and stderr in err.txt, checks the exit
# code, and that stderr is empty when it succeeds.
expect() {
  local code="$1"
  shift
  "$@" > out.txt 2> err.txt
  local rc=$?
  if [[ $rc -ne $code ]]; then
    fail "exit $rc (wanted $code): $*"
    sed 's/^/    /' err.txt | head -5
  elif [[ $code -eq 0 && -s err.txt ]]; then
    fail "stderr not empty: $*"
    sed 's/^/    /' err.txt | head -5
  fi
}
contains() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"; }
# Ends the script: prints the count and exits non-zero on any failure.
finish() {
  echo "$failures failed"
  [[ $failures -eq 0 ]]
}
