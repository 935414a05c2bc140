# Installing tcplab like a Debian program, and building its .deb with CPack:
#   cmake --install <build> --prefix /usr          bin/, share/applications, share/icons, share/metainfo
#   cpack -G DEB --config <build>/CPackConfig.cmake tcplab_<version>_<arch>.deb
# The programs' own install rules stay beside their targets (app/CMakeLists.txt); this file adds the desktop
# integration and the package's metadata. Included last from the top-level CMakeLists.txt.
include(GNUInstallDirs)

# The application's id, reverse-DNS as AppStream asks: the desktop file is installed under it, so that the
# metainfo's <launchable> and the desktop environment agree on which entry is tcplab.
set(TCPLAB_APP_ID "io.github.tcplab.tcplab")

if(TCPLAB_BUILD_GUI)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/tcplab.desktop"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications RENAME ${TCPLAB_APP_ID}.desktop)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/tcplab.svg"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/${TCPLAB_APP_ID}.metainfo.xml"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
endif()
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/LICENSE"
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME "tcplab")
set(CPACK_PACKAGE_VENDOR "The tcplab authors")
set(CPACK_PACKAGE_CONTACT "tcplab maintainers <tcplab@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "lab for teaching how TCP opens and closes connections")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "tcplab")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # tcplab_0.1.0_amd64.deb, as Debian names packages
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/tcplab/tcplab")
# The long description: CPack writes the summary as its synopsis line and indents these as deb-control(5) asks.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "tcplab runs a real TCP state machine (RFC 9293) and draws every segment of the
three-way handshake and the four-way close on a sequence diagram, with both
sides' states and timers and a narration of each step. Segments can be lost,
delayed or duplicated with a click, and a session exported as PNG, SVG, PDF,
pcap, JSON lines, Mermaid or PlantUML. tcplab-cli runs sessions headless.")
# dpkg-shlibdeps finds the libraries the programs link (Qt 6, QCustomPlot, libpcap) and declares them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt finds its platform plugin and SVG icon loader at run time, which shlibdeps cannot see.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "tshark, fonts-noto-cjk")

include(CPack)
