/* dict_cli.h -- `dyad dict ...`: checking dictionaries and looking phrases
 * up in them (src/cli/cmd_dict.c). */
#ifndef DYAD_DICT_CLI_H
#define DYAD_DICT_CLI_H

/* argv[0] is the subcommand ("check", "lookup"); returns the exit status:
 * 0 clean, 1 findings or unreadable input, 2 usage error. */
int cmd_dict(int argc, char **argv);

#endif
