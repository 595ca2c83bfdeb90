# SPDX-License-Identifier: GPL-3.0-or-later
# Debian package of what exists today: the samkolld admin command line.
# `cpack -G DEB` in a release build directory makes samkoll_<version>_amd64.deb.
# The systemd unit and the client's desktop entry come with the server and client issues.
install(FILES "${PROJECT_SOURCE_DIR}/docs/formats.md" "${PROJECT_SOURCE_DIR}/docs/impactindex.md"
        DESTINATION share/doc/samkoll)
set(CPACK_PACKAGE_NAME samkoll)
set(CPACK_PACKAGE_VENDOR "Samkoll")
set(CPACK_PACKAGE_CONTACT "Samkoll <kansli@samkoll.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Uppföljningssystem för samordningsförbund (Finsam)")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_GENERATOR DEB)
include(CPack)
