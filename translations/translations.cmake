# Translations of the GUI (tcplab_ui and the tcplab program), embedded under :/i18n and loaded by --lang.
# Included from ui/CMakeLists.txt so that the strings of the ui/ library and of app/gui_main.cpp are
# gathered into the same .ts files. Refresh them with: cmake --build <build> --target update_translations
# ${tcplab_ui_sources} is ui/'s own file list (absolute paths, sub-folders such as plots/ included).
qt_add_translations(tcplab_ui
    TS_FILES
        "${CMAKE_CURRENT_LIST_DIR}/tcplab_zh_CN.ts"
        "${CMAKE_CURRENT_LIST_DIR}/tcplab_en.ts"
    SOURCES
        ${tcplab_ui_sources}
        "${PROJECT_SOURCE_DIR}/app/gui_main.cpp"
    LUPDATE_OPTIONS -no-obsolete -locations none)
