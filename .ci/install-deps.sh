#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages Migration Sandbox needs to build, test and export (run as root).
# Used by the README's first command and by .ci/run, so the two never disagree.
set -euo pipefail

packages=(
    g++ make cmake ninja-build ccache clang-format
    libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev libcli11-dev libboost-dev
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libxkbcommon-dev
    qt6-l10n-tools qt6-tools-dev  # lupdate/lrelease and their CMake package (Qt6LinguistTools): the translations
    qt6-translations-l10n  # Qt's own German strings (QMessageBox buttons); the app works without them
    xvfb xauth x11-utils imagemagick poppler-utils fonts-dejavu-core
    ffmpeg  # MP4/GIF export and its tests; the app works without it
    chromium-headless-shell  # opens the exported HTML viewer in tests/web (skipped without it)
    spin  # the SPIN model checker: `migration-sandbox-cli spin` and its cross-check test (tests/cli)
    librsvg2-bin  # rsvg-convert renders the app icon's PNG sizes at build time
    desktop-file-utils appstream shared-mime-info groff-base  # validators of the installed files (tests/install)
    dpkg-dev file  # cpack -G DEB: dpkg-shlibdeps computes the package's dependencies
    lintian  # checks the .deb against Debian policy (tests/install)
    clang libclang-rt-14-dev  # clang: the core-asan workflow, with libFuzzer (tests/fuzz)
)

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "install-deps.sh: run as root (or install sudo) to install Debian packages" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}"
