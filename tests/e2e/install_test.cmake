# `cmake --install --prefix /usr` into a DESTDIR holds the programs, the desktop entry, the icon and the
# AppStream metadata where Debian puts them.
# -DBUILD_DIR=… -DWORK_DIR=… -DWITH_GUI=ON|OFF
file(REMOVE_RECURSE "${WORK_DIR}")
set(ENV{DESTDIR} "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix /usr
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${result}):\n${output}")
endif()
set(_expected usr/bin/tcplab-cli)
if(WITH_GUI)
    list(APPEND _expected
        usr/bin/tcplab
        usr/share/applications/io.github.tcplab.tcplab.desktop
        usr/share/icons/hicolor/scalable/apps/tcplab.svg
        usr/share/metainfo/io.github.tcplab.tcplab.metainfo.xml)
endif()
foreach(_file ${_expected})
    if(NOT EXISTS "${WORK_DIR}/${_file}")
        message(FATAL_ERROR "the install has no /${_file}:\n${output}")
    endif()
endforeach()
# Nothing outside /usr: a package that writes to /etc or /opt is not what Debian expects.
file(GLOB _top RELATIVE "${WORK_DIR}" "${WORK_DIR}/*")
if(NOT _top STREQUAL "usr")
    message(FATAL_ERROR "the install writes outside /usr: ${_top}")
endif()
