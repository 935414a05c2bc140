# Runs `tcplab --screenshot OUT ARGS...` and checks the PNG with CHECKER.
# -DTCPLAB=… -DCHECKER=… -DOUT=… -DARGS=… -DWIDTH=… -DHEIGHT=…
file(REMOVE "${OUT}")
execute_process(COMMAND "${TCPLAB}" --screenshot "${OUT}" ${ARGS}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output TIMEOUT 60)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "tcplab --screenshot exited with ${result}:\n${output}")
endif()
if(NOT EXISTS "${OUT}")
    message(FATAL_ERROR "tcplab --screenshot exited 0 but wrote no ${OUT}")
endif()
# A window full of diagram, text and anti-aliased lines has hundreds of colours; a blank one has a few.
execute_process(COMMAND "${CHECKER}" "${OUT}" "${WIDTH}" "${HEIGHT}" 200
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
message(STATUS "${output}")
if(NOT result EQUAL 0)
    message(FATAL_ERROR "screenshot check failed:\n${output}")
endif()
