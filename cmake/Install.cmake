# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# `cmake --install` rules (GNUInstallDirs): the two programs, their man pages (generated from the
# real --help at build time), the CLI's bash completion, and for the GUI the desktop entry,
# AppStream metainfo, hicolor icons and the MIME types of recordings and scenario files.
# Included from the top-level CMakeLists.txt after app/. tests/install checks the result.

include(GNUInstallDirs)

# One reverse-DNS id names the desktop file, the metainfo, the icon and the MIME package
# (io.github.<user>.<App>, the GitHub user migration-sandbox with '-' written as '_').
set(MSB_APP_ID "io.github.migration_sandbox.MigrationSandbox")
set(MSB_HOMEPAGE_URL "https://github.com/migration-sandbox/migration-sandbox"
    CACHE STRING "Project home page, for the AppStream metainfo and the Debian package")
set(MSB_SCREENSHOT_BASE_URL "https://raw.githubusercontent.com/migration-sandbox/migration-sandbox/main/docs/screenshots"
    CACHE STRING "https URL of docs/screenshots/ in the published repository (AppStream wants remote images)")

set(MSB_ASSETS_DIR "${PROJECT_SOURCE_DIR}/assets")
set(MSB_GENERATED_DIR "${PROJECT_BINARY_DIR}/generated")
find_program(MSB_GZIP gzip REQUIRED)

# Man page for <target>, written from its --help and gzipped (as Debian ships man pages).
function(msb_add_man_page target summary)
  cmake_parse_arguments(PARSE_ARGV 2 ARG "SUBCOMMANDS" "SEE_ALSO" "")
  set(page "${MSB_GENERATED_DIR}/man/${target}.1")
  set(extra "")
  if(ARG_SUBCOMMANDS)
    list(APPEND extra -DSUBCOMMANDS=ON)
  endif()
  if(ARG_SEE_ALSO)
    list(APPEND extra "-DSEE_ALSO=${ARG_SEE_ALSO}")
  endif()
  add_custom_command(
    OUTPUT "${page}" "${page}.gz"
    COMMAND "${CMAKE_COMMAND}" "-DPROGRAM=$<TARGET_FILE:${target}>" "-DNAME=${target}" "-DSUMMARY=${summary}"
            "-DVERSION=${PROJECT_VERSION}" "-DOUTPUT=${page}" ${extra}
            -P "${PROJECT_SOURCE_DIR}/cmake/GenerateManPage.cmake"
    COMMAND "${MSB_GZIP}" -9 -n -f -k "${page}"
    DEPENDS ${target} "${PROJECT_SOURCE_DIR}/cmake/GenerateManPage.cmake"
    COMMENT "Writing the man page ${target}(1) from its --help"
    VERBATIM)
  add_custom_target(${target}-man ALL DEPENDS "${page}.gz")
  install(FILES "${page}.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endfunction()

# The project's libraries are static and Qt is in the system's library path: no RPATH
# (qt_standard_project_setup would add $ORIGIN/../lib, which Debian's policy forbids).
set_target_properties(migration-sandbox-cli PROPERTIES INSTALL_RPATH "")
install(TARGETS migration-sandbox-cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
msb_add_man_page(migration-sandbox-cli "run, replay and explore the device-private migration race without a GUI"
                 SUBCOMMANDS SEE_ALSO "migration-sandbox(1)")
install(FILES "${MSB_ASSETS_DIR}/completion/migration-sandbox-cli.bash"
        DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions"
        RENAME migration-sandbox-cli)
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE"
        DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/migration-sandbox" RENAME copyright)

# Debian wants every package's changelog, compressed with a fixed timestamp; its newest entry is
# the version being built (checked here, so a version bump without a changelog entry fails early).
set(msb_changelog "${MSB_ASSETS_DIR}/debian/changelog")
file(STRINGS "${msb_changelog}" msb_changelog_top LIMIT_COUNT 1)
if(NOT msb_changelog_top MATCHES "^migration-sandbox \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "${msb_changelog}:1: the newest entry is '${msb_changelog_top}', "
                      "not version ${PROJECT_VERSION} of project()")
endif()
add_custom_command(
  OUTPUT "${MSB_GENERATED_DIR}/changelog.gz"
  COMMAND "${MSB_GZIP}" -9 -n -c "${msb_changelog}" > "${MSB_GENERATED_DIR}/changelog.gz"
  DEPENDS "${msb_changelog}"
  COMMENT "Compressing the Debian changelog")
add_custom_target(msb-changelog ALL DEPENDS "${MSB_GENERATED_DIR}/changelog.gz")
install(FILES "${MSB_GENERATED_DIR}/changelog.gz" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/migration-sandbox")

if(MSB_BUILD_GUI)
  set_target_properties(migration-sandbox PROPERTIES INSTALL_RPATH "")
  install(TARGETS migration-sandbox RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
  msb_add_man_page(migration-sandbox "step, toggle and explore the device-private migration race"
                   SEE_ALSO "migration-sandbox-cli(1)")

  install(FILES "${MSB_ASSETS_DIR}/desktop/${MSB_APP_ID}.desktop"
          DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/applications")
  configure_file("${MSB_ASSETS_DIR}/desktop/${MSB_APP_ID}.metainfo.xml.in"
                 "${MSB_GENERATED_DIR}/${MSB_APP_ID}.metainfo.xml" @ONLY)
  install(FILES "${MSB_GENERATED_DIR}/${MSB_APP_ID}.metainfo.xml"
          DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/metainfo")
  install(FILES "${MSB_ASSETS_DIR}/desktop/${MSB_APP_ID}.mime.xml"
          DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/mime/packages" RENAME "${MSB_APP_ID}.xml")

  # The icon: the SVG is the source; the PNG sizes are rendered from it at build time.
  set(icon_svg "${MSB_ASSETS_DIR}/icons/${MSB_APP_ID}.svg")
  install(FILES "${icon_svg}" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps")
  find_program(MSB_RSVG_CONVERT rsvg-convert)
  if(NOT MSB_RSVG_CONVERT)
    message(FATAL_ERROR "rsvg-convert not found: it renders the app icon's PNG sizes "
                        "(Debian package librsvg2-bin, listed in .ci/install-deps.sh)")
  endif()
  set(MSB_ICON_SIZES 16 22 24 32 48 64 128 256)
  set(pngs "")
  foreach(size IN LISTS MSB_ICON_SIZES)
    set(png "${MSB_GENERATED_DIR}/icons/${size}x${size}/${MSB_APP_ID}.png")
    file(MAKE_DIRECTORY "${MSB_GENERATED_DIR}/icons/${size}x${size}")
    add_custom_command(
      OUTPUT "${png}"
      COMMAND "${MSB_RSVG_CONVERT}" --width ${size} --height ${size} --output "${png}" "${icon_svg}"
      DEPENDS "${icon_svg}"
      COMMENT "Rendering the ${size}x${size} app icon"
      VERBATIM)
    list(APPEND pngs "${png}")
    install(FILES "${png}" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/${size}x${size}/apps")
  endforeach()
  add_custom_target(msb-icons ALL DEPENDS ${pngs})
endif()
