#pragma once
// `tcplab-cli conform [options] FILE|DIR...`: runs packetdrill scripts against one core endpoint in
// virtual time (see docs/packetdrill.md). The last line printed is exactly "N passed, N failed, N skipped".

// argv[0] is the subcommand's name ("conform"); the options and files follow. Returns the exit status:
// 0 when no script failed (with --departures: when exactly the listed scripts failed), 1 otherwise,
// 2 on a usage error.
int runConform(int argc, char **argv);
