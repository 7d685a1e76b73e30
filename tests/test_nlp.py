"""The spaCy pipeline's declarations: every attribute a component requires is assigned
by an earlier one, so `analyze_pipes` finds nothing missing."""

from __future__ import annotations

from policygraph.nlp import PIPELINE, make_nlp


def test_nlp_pipeline_declarations_have_no_problems() -> None:
    analysis = make_nlp().analyze_pipes()
    assert list(analysis["problems"]) == list(PIPELINE)
    assert all(missing == [] for missing in analysis["problems"].values())


def test_nlp_targets_are_spans_of_the_doc() -> None:
    """Each target stored on the Doc is also a span of `doc.spans["targets"]` over the
    normalised text its quote comes from."""
    from policygraph.normalize import normalize_text

    normalized = normalize_text(
        "某县养老服务实施方案\n一、发展目标\n到2025年，全县養老機構護理型床位占比达到55%以上。\n"
    )
    nlp = make_nlp()
    doc = nlp.make_doc(normalized.text)
    doc._.normalized = normalized
    doc._.given_metadata = None
    doc = nlp(doc)
    spans = list(doc.spans["targets"])
    assert [t.quote.text for t in doc._.targets] == ["養老機構護理型床位占比达到55%以上"]
    assert [(s.text, s.label_) for s in spans] == [("养老机构护理型床位占比达到55%以上", "target")]


def test_a_doc_made_from_word_ids_is_the_doc_made_from_the_words() -> None:
    """`word_ids` (the Doc of `plan_from_text`) gives the Doc the words give, for words
    met before and new ones, whitespace runs among them."""
    from policygraph.nlp import char_tokens, word_ids
    from policygraph.spacy_runtime import Doc

    vocab = make_nlp().vocab
    for text in ("一、发展目标\n\n到2025年， 养老床位  达到55%。", "新词：鍪鍪 \t 托位 4.5"):
        words, spaces = char_tokens(text)
        by_id = Doc(vocab, word_ids(vocab, words), spaces)
        assert by_id.to_bytes() == Doc(vocab, words, spaces).to_bytes()
        assert by_id.text == text
