# `tcplab --export FILE` for every extension: exits 0 and writes a file that starts as its format does;
# an unknown extension exits non-zero and says which extensions there are.
# -DTCPLAB=… -DWORK_DIR=…
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(_expected_png "89504e47")       # \x89PNG
set(_expected_svg "3c3f786d")       # <?xm
set(_expected_pdf "25504446")       # %PDF
set(_expected_jsonl "7b22745f")     # {"t_
set(_expected_json "7b22745f")
set(_expected_pcap "d4c3b2a1")      # little-endian microsecond magic
set(_expected_mmd "73657175")       # sequ(enceDiagram)
set(_expected_puml "40737461")      # @sta(rtuml)
foreach(_ext png svg pdf jsonl json pcap mmd puml)
    set(_out "${WORK_DIR}/session.${_ext}")
    execute_process(COMMAND "${TCPLAB}" --export "${_out}"
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output TIMEOUT 60)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "tcplab --export ${_out} exited with ${result}:\n${output}")
    endif()
    file(READ "${_out}" _head LIMIT 4 HEX)
    if(NOT _head STREQUAL _expected_${_ext})
        message(FATAL_ERROR "${_out} starts with ${_head}, expected ${_expected_${_ext}}")
    endif()
    message(STATUS "${_ext}: ok")
endforeach()

execute_process(COMMAND "${TCPLAB}" --export "${WORK_DIR}/session.docx"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output TIMEOUT 60)
if(result EQUAL 0 OR NOT output MATCHES "session.docx.*\\.png")
    message(FATAL_ERROR "an unknown extension: exit ${result}, output:\n${output}")
endif()
execute_process(COMMAND "${TCPLAB}" --export "${WORK_DIR}/no-such-folder/session.svg"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output TIMEOUT 60)
if(result EQUAL 0 OR NOT output MATCHES "session.svg")
    message(FATAL_ERROR "a write error: exit ${result}, output:\n${output}")
endif()
