#!/usr/bin/env bash
# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
# Reformat every tracked *.h/*.cpp in place with clang-format (14, per .clang-format).
# `.ci/format.sh --check` only reports, like the `format-check` CTest test.
set -euo pipefail
cd "$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
CLANG_FORMAT=${CLANG_FORMAT:-clang-format}
if [[ ${1:-} == --check ]]; then
    mode=(--dry-run -Werror)
else
    mode=(-i)
fi
git ls-files -z -- '*.h' '*.cpp' | xargs -0 -r "$CLANG_FORMAT" "${mode[@]}"
