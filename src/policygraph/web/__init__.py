"""The web explorer: pages for policy staff, validators and researchers, next to the SPARQL
endpoint, over one embedded store (`policygraph serve`)."""

from policygraph.web.app import make_explorer

__all__ = ["make_explorer"]
