"""`python -m policygraph`: the command line."""

from policygraph.cli import main

main()
