// The conformance CTest's own driver: `tcplab-cli conform` without the rest of the CLI, so that the test
// does not depend on the CLI's other subcommands.
#include "cli_conform.h"

int main(int argc, char **argv)
{
    return runConform(argc, argv);
}
