/* commands: the zhaoshang subcommands; each takes the arguments after its name
 * and returns the process exit status (0 ok, 1 failure, 2 usage error). */
#ifndef ZS_CLI_COMMANDS_H
#define ZS_CLI_COMMANDS_H

int cmd_serve(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_retag(int argc, char **argv);
int cmd_backup(int argc, char **argv);

enum { EXIT_USAGE = 2 };

#endif
