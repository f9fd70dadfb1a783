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

struct store;

/* Tags every article again when the tagging rules changed since the
 * database's articles were tagged (retag_if_rules_changed), saying so on
 * stderr, as serve and import do first. A failure is reported and the
 * command goes on: the site with the old tags beats no site. */
void cli_retag_if_rules_changed(struct store *s, const char *command);

#endif
