# SPDX-License-Identifier: GPL-3.0-or-later
# Two Debian packages (CPack, one component each):
#   samkolld — the server and its admin command line, the systemd service with
#              its configuration, a daily backup timer, the operator's docs;
#   samkoll  — the desktop client with its menu entry, icon and AppStream data.
# `cpack -G DEB` in a build directory makes both; tests/packages.sh checks them
# with lintian, unpacks them and runs them. Dependencies are computed from the
# binaries (shlibdeps) — nothing is bundled.
include(GNUInstallDirs)
set(SAMKOLL_INSTALLER "${PROJECT_SOURCE_DIR}/installer")
set(SAMKOLL_MAINTAINER "Samkoll <kansli@samkoll.se>")

# Each package's changelog (native packages: changelog.gz, gzip -9n) and copyright.
foreach(pkg samkolld samkoll)
  set(dir "${CMAKE_BINARY_DIR}/packaging/${pkg}")
  file(MAKE_DIRECTORY "${dir}")
  file(WRITE "${dir}/changelog"
"${pkg} (${PROJECT_VERSION}) unstable; urgency=medium

  * First packaged release.

 -- ${SAMKOLL_MAINTAINER}  Mon, 30 Nov 2026 12:00:00 +0000
")
  execute_process(COMMAND gzip -9nf "${dir}/changelog")
  if(pkg STREQUAL "samkolld")
    set(component server)
  else()
    set(component client)
  endif()
  install(FILES "${dir}/changelog.gz" "${SAMKOLL_INSTALLER}/copyright"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${pkg}" COMPONENT ${component})
  # The manual page, compressed as Debian wants it.
  configure_file("${SAMKOLL_INSTALLER}/man/${pkg}.1" "${dir}/${pkg}.1" COPYONLY)
  execute_process(COMMAND gzip -9nf "${dir}/${pkg}.1")
  install(FILES "${dir}/${pkg}.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT ${component})
endforeach()

# --- samkolld --------------------------------------------------------------------
install(FILES "${PROJECT_SOURCE_DIR}/docs/drift.md" "${PROJECT_SOURCE_DIR}/docs/formats.md"
              "${PROJECT_SOURCE_DIR}/docs/impactindex.md" "${PROJECT_SOURCE_DIR}/docs/security.md"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/samkolld" COMPONENT server)
install(FILES "${SAMKOLL_INSTALLER}/server/samkolld.conf" DESTINATION /etc/samkoll COMPONENT server)
# Debian bookworm keeps system units in /lib/systemd/system.
install(FILES "${SAMKOLL_INSTALLER}/server/samkolld.service" "${SAMKOLL_INSTALLER}/server/samkolld-backup.service"
              "${SAMKOLL_INSTALLER}/server/samkolld-backup.timer"
        DESTINATION /lib/systemd/system COMPONENT server)
install(PROGRAMS "${SAMKOLL_INSTALLER}/server/samkolld-backup" DESTINATION "${CMAKE_INSTALL_LIBDIR}/samkolld"
        COMPONENT server)

# --- samkoll ---------------------------------------------------------------------
install(FILES "${SAMKOLL_INSTALLER}/client/se.samkoll.Samkoll.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT client)
install(FILES "${SAMKOLL_INSTALLER}/client/se.samkoll.Samkoll.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo" COMPONENT client)
install(FILES "${SAMKOLL_INSTALLER}/client/se.samkoll.Samkoll.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" COMPONENT client)
install(FILES "${PROJECT_SOURCE_DIR}/docs/klienten.md" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/samkoll" COMPONENT client)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_VENDOR "Samkoll")
# Each package's description begins with its own synopsis (no shared summary line).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGE_CONTACT "${SAMKOLL_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL server client)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://samkoll.se/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME samkolld)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${SAMKOLL_INSTALLER}/server/postinst;${SAMKOLL_INSTALLER}/server/prerm;${SAMKOLL_INSTALLER}/server/postrm;${SAMKOLL_INSTALLER}/server/conffiles")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# First line the synopsis; CPack indents the rest and marks the empty line.
set(CPACK_DEBIAN_SERVER_DESCRIPTION
"server for the follow-up of Swedish coordination associations
Samkoll's server merges the teams' cases, survey tallies and success stories,
computes the Impactindex per team and for the whole association and the
financial follow-up against the budget, and serves the client over HTTPS.

The package runs it as the systemd service samkolld under its own system
user, with a daily backup timer; samkolld is also the operator's command
line for users, enrolment codes, devices, imports, backups and checks.")

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME samkoll)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION misc)
# The QML modules the screens import are loaded at run time, so shlibdeps
# cannot see them: named here (the client does not start without them).
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS
    "qml6-module-qtqml, qml6-module-qtqml-models, qml6-module-qtqml-workerscript, qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-dialogs, qml6-module-qtquick-layouts, qml6-module-qtquick-shapes, qml6-module-qtquick-templates, qml6-module-qtquick-window")
set(CPACK_DEBIAN_CLIENT_DESCRIPTION
"follow-up client for Swedish coordination associations
The desktop client of Samkoll: coordinators record cases (pseudonymous),
survey answers and success stories, also offline, and sync when a network
is there; the central office and the board follow the Impactindex and the
budget against the outcome. The user interface is in Swedish, with English
available.")

include(CPack)
