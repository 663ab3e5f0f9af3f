"""`python -m wardnews`: the same command line as `wardnews`."""

from .cli import main

main(prog_name="wardnews")
