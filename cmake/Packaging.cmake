# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# A Debian package of what cmake/Install.cmake installs: `cpack -G DEB` in a (release) build
# directory writes migration-sandbox_<version>_<arch>.deb, installed with
# `apt install ./migration-sandbox_*.deb`. Included last from the top-level CMakeLists.txt.
# The menu entry, icons and MIME types need no maintainer scripts: desktop-file-utils,
# hicolor-icon-theme and shared-mime-info refresh their caches through dpkg triggers.

set(CPACK_PACKAGE_NAME "migration-sandbox")
set(CPACK_PACKAGE_VENDOR "Migration Sandbox authors")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "step through a Linux kernel page-migration race")
set(CPACK_PACKAGE_HOMEPAGE_URL "${MSB_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # migration-sandbox_0.1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Migration Sandbox authors <migration-sandbox@users.noreply.github.com>")
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${MSB_HOMEPAGE_URL}")
# dpkg-shlibdeps (dpkg-dev) computes Depends: from the binaries' shared libraries (Qt, libstdc++).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The app exports recordings to MP4 and GIF through ffmpeg when it is there.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "ffmpeg")
# The extended description (CPack puts the summary above it and indents the lines as Debian wants).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Migration Sandbox lets you run one real Linux kernel race step by step and
prove which outcomes it can have: several CPU threads fault on the same
device-private page (GPU memory managed through HMM) while it is migrated
back to system RAM. Step the threads, watch the reference count, page lock,
wait queue and page table entry, flip kernel policies and explore every
interleaving for livelock, deadlock, SIGBUS or lost writes.
.
This package holds the Qt desktop app (migration-sandbox) and the
command-line tool (migration-sandbox-cli).")

include(CPack)
