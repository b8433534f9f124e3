"""The subcommands of `python -m catalogue`, one module per concern: `catalogue.cli` parses the arguments and runs
the handler each subcommand names.

`common` holds what every handler shares (exit codes, the usage error, reading the settings, writing generated
files); `data_checks` checks and reports on the data, `office_tools` writes the office's generated files and runs its
tools, `town` creates, upgrades, builds and verifies a town. A command module may import every stage, never
`catalogue.cli`.
"""
