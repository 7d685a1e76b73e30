"""The spaCy pipeline's declarations: every attribute a component requires is assigned
by an earlier one, so `analyze_pipes` finds nothing missing."""

from __future__ import annotations

from policygraph.nlp import PIPELINE, make_nlp


def test_nlp_pipeline_declarations_have_no_problems() -> None:
    analysis = make_nlp().analyze_pipes()
    assert list(analysis["problems"]) == list(PIPELINE)
    assert all(missing == [] for missing in analysis["problems"].values())
