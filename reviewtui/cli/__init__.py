"""The command line, one package whose files say what they are.

- `fast`: the entry point (`main`): a plain command line goes straight to its command, anything
  else through Typer; errors become messages and exit codes.
- `app`: the command line as Typer declares it (help, options, usage errors).
- `commands`: what each command does, by command family.

Nothing is imported here: the fast path must not load Typer.
"""
