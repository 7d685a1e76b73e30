"""The sentence-kind classifier: its training data, drawn from the gold annotations; the
pipeline component configured with a trained model; and the determinism of both.

The model is trained here from the dev set's tune part and four bundled plans, leaving
out kunming.txt, whose sentences it is then asked about."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from policygraph.build import extract_plan
from policygraph.errors import PolicygraphError
from policygraph.extract.sentence_kind import BASELINE, TARGET, has_figure
from policygraph.model import Target
from policygraph.nlp import char_tokens, make_nlp
from policygraph.normalize import normalize_text
from policygraph.read import read_plan
from policygraph.sentence_kind import gold_examples, load_classifier, train_classifier

ROOT = Path(__file__).resolve().parent.parent
CORPUS, GOLD = ROOT / "corpus", ROOT / "tests/gold"
TUNE = ROOT / "tests/devset/tune"
LEFT_OUT = "kunming"
TARGET_CLAUSE = "婴幼儿早期发展知识普及率、家长及婴幼儿照护者接受科学育儿指导率均达到90%，"
BASELINE_CLAUSE = "全市共有各类养老床位2.89万余张，"


def _training_data() -> list[tuple[str, str]]:
    labelled = [
        example
        for path in sorted(GOLD.glob("*.json"))
        if path.stem != LEFT_OUT
        for example in gold_examples(path, CORPUS)
    ]
    labelled += [
        example
        for path in sorted((TUNE / "gold").glob("*.json"))
        for example in gold_examples(path, TUNE / "texts")
    ]
    return [(clause.text, kind) for clause, kind in labelled]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sentence_kind")
    train_classifier(_training_data()).to_disk(out)
    return out


def _left_out_clauses() -> dict[str, str]:
    """The clauses of the left-out plan (own text → classifier text)."""
    return {c.own: c.text for c, _kind in gold_examples(GOLD / f"{LEFT_OUT}.json", CORPUS)}


def test_training_data_labels_a_gold_target_and_a_reported_figure() -> None:
    labelled = {c.own: (c.text, kind) for c, kind in gold_examples(GOLD / "lincang.json", CORPUS)}
    # lincang.json's target T2 quotes 护理型床位占养老机构床位总数55%以上
    text, kind = labelled["护理型床位占养老机构床位总数55%以上，"]
    assert kind == TARGET
    # the classifier reads the sentence up to the clause, figures as 0
    assert text.endswith("护理型床位占养老机构床位总数0%以上，")
    assert "55" not in text
    # 截至2020年底，全市60岁以上老年人达33.8万人: a report the rules silence, no gold target
    text, kind = labelled["全市60岁以上老年人达33.8万人，"]
    assert (text, kind) == ("截至0年底，全市0岁以上老年人达0万人，", BASELINE)
    # a clause whose only number is a year or an item's number is no example
    assert all(has_figure(own) for own in labelled)


def test_component_loads_from_config_and_tells_a_target_from_a_baseline(model_dir: Path) -> None:
    nlp = make_nlp.__wrapped__()
    nlp.add_pipe(
        "pg_sentence_kind",
        after="pg_targets",
        config={"model": str(model_dir), "threshold": 0.99},
    )
    component = nlp.get_pipe("pg_sentence_kind")
    assert (component.model, component.threshold) == (str(model_dir), 0.99)
    classifier = load_classifier(component.model)
    clauses = _left_out_clauses()
    target, baseline = classifier(clauses[TARGET_CLAUSE]), classifier(clauses[BASELINE_CLAUSE])
    assert max(target.cats, key=target.cats.get) == TARGET
    assert max(baseline.cats, key=baseline.cats.get) == BASELINE


def test_pipeline_with_the_component_is_deterministic(model_dir: Path) -> None:
    nlp = make_nlp.__wrapped__()
    nlp.add_pipe("pg_sentence_kind", after="pg_targets", config={"model": str(model_dir)})
    normalized = normalize_text(read_plan(CORPUS / f"{LEFT_OUT}.txt").text)

    def targets() -> tuple[Target, ...]:
        doc = Doc(nlp.vocab, *char_tokens(normalized.text))
        doc._.normalized, doc._.given_metadata = normalized, None
        return tuple(nlp(doc)._.targets)

    first = targets()
    assert first == targets()
    # the rules' targets of the left-out plan all stand: each is a gold target
    assert first == extract_plan(CORPUS / f"{LEFT_OUT}.txt").targets


def test_training_is_deterministic(model_dir: Path, tmp_path: Path) -> None:
    train_classifier(_training_data()).to_disk(tmp_path)
    assert (tmp_path / "textcat" / "model").read_bytes() == (
        model_dir / "textcat" / "model"
    ).read_bytes()


def test_a_folder_without_a_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PolicygraphError, match="no sentence-kind model here"):
        load_classifier(str(tmp_path))
