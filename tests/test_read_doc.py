"""read/word97.py: Word 97–2003 (.doc) files, as offices save them, read as the .docx
reader reads the same document (the files in tests/data/doc/ were saved as .doc by
LibreOffice from .docx files: scripts/make_doc_fixtures.py)."""

from __future__ import annotations

import shutil
import struct
from array import array
from collections.abc import Callable
from pathlib import Path

import olefile
import pytest

from policygraph.api import validate_draft
from policygraph.build import extract_plan
from policygraph.errors import DamagedFileError
from policygraph.model import Plan
from policygraph.read import read_plan
from policygraph.read.word97 import LISTS_FC, Properties, _properties, _shown
from tests.conftest import CORPUS

DOCS = Path(__file__).parent / "data" / "doc"
PLANS = ("wanzhou", "lincang", "kunming", "xixian", "zhoukou")
NUMBERED = ("lincang", "kunming", "zhoukou")


def _facts(plan: Plan) -> tuple[object, ...]:
    targets = {(t.indicator, t.year, t.value, t.comparator, t.unit, t.region) for t in plan.targets}
    measures = [(m.key, m.number, m.title) for m in plan.measures]
    owners = [tuple(d.name for d in m.responsible + m.lead) for m in plan.measures]
    return targets, measures, owners


@pytest.mark.parametrize("name", PLANS)
def test_a_doc_gives_the_targets_measures_and_owners_of_the_txt_build(name: str) -> None:
    assert _facts(extract_plan(DOCS / f"{name}.doc")) == _facts(
        extract_plan(CORPUS / f"{name}.txt")
    )


def test_a_doc_reads_tables_as_rows_and_only_the_text_word_shows() -> None:
    """A field shows its result, not its code; hidden text and a tracked deletion are not
    read; a manual line break breaks the line; a row-spanned 领域 cell is written once."""
    assert read_plan(DOCS / "shown.doc").text.split("\n") == [
        "某市养老服务体系建设实施方案",
        "依据《养老服务条例》全市养老床位达到5000张",
        "护理型床位占比达到55%",
        "| 领域 | 指标 | 2025年 |",
        "| 养老 | 养老床位（张） | 5000 |",
        "|  | 护理型床位占比（%） |  |",
        "（一）完善养老服务网络。",
    ]


def _compared(lines: list[str]) -> list[str]:
    """Non-empty lines without their white space, a table row's cells one a line (as
    LibreOffice writes a table in text)."""
    cells = [c for line in lines for c in (line[2:-2].split(" | ") if line[:2] == "| " else [line])]
    return [squeezed for c in cells if (squeezed := "".join(c.split()))]


@pytest.mark.parametrize("name", NUMBERED)
def test_automatic_numbering_reads_as_libreoffice_reads_the_same_doc(name: str) -> None:
    """The labels Word draws but does not store (一、 （一） 1. and the 序号 of table rows)
    in front of their paragraphs, as an independent reader of the format (LibreOffice,
    which saved the file) draws them, list by list and level by level."""
    ours = read_plan(DOCS / f"{name}-numbered.doc").text.split("\n")
    theirs = (DOCS / f"{name}-numbered.libreoffice.txt").read_text(encoding="utf-8-sig")
    assert _compared(ours) == _compared(theirs.split("\n"))
    assert any(line.startswith(("一、", "1.")) for line in ours)


def test_a_doc_whose_list_structures_are_damaged_is_read_without_its_labels(
    tmp_path: Path,
) -> None:
    """Damaged numbering costs the labels Word would draw, not the document: the text of a
    numbered .doc whose list table (PlfLst) points past its stream is read unlabelled."""
    path = tmp_path / "plan.doc"
    shutil.copy(DOCS / "kunming-numbered.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        csw = int.from_bytes(word[32:34], "little")
        cslw = int.from_bytes(word[34 + 2 * csw : 36 + 2 * csw], "little")
        lists_fc = 34 + 2 * csw + 2 + 4 * cslw + 2 + 8 * LISTS_FC
        word[lists_fc : lists_fc + 4] = (2**31).to_bytes(4, "little")
        ole.write_stream("WordDocument", bytes(word))
    damaged = read_plan(path).text.split("\n")
    labelled = read_plan(DOCS / "kunming-numbered.doc").text.split("\n")
    assert "一、出台背景" in labelled and "出台背景" in damaged
    assert len(damaged) == len(labelled)


def _with_flags(tmp_path: Path, ident: int | None = None, flags: int | None = None) -> Path:
    """shown.doc with its FIB's identifier or flags rewritten (the stream keeps its size)."""
    path = tmp_path / "plan.doc"
    shutil.copy(DOCS / "shown.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        if ident is not None:
            word[0:2] = ident.to_bytes(2, "little")
        if flags is not None:
            word[0x0A:0x0C] = (int.from_bytes(word[0x0A:0x0C], "little") | flags).to_bytes(
                2, "little"
            )
        ole.write_stream("WordDocument", bytes(word))
    return path


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0 not really a compound file"),
            "damaged or truncated",
        ),
        (
            lambda p: p.write_bytes((DOCS / "zhoukou.doc").read_bytes()[:3000]),
            "damaged or truncated",
        ),
        (lambda p: p.write_bytes(b"{\\rtf1 \\ansi saved as .doc}"), "damaged or truncated"),
        (lambda p: _with_flags(p.parent, ident=0xA5DC), "a Word 6/95 document: save it as .docx"),
        (lambda p: _with_flags(p.parent, flags=0x0100), "encrypted: save it without a password"),
    ],
    ids=["junk", "truncated", "rtf-named-doc", "word95", "encrypted"],
)
def test_a_doc_that_cannot_be_read_is_named_with_its_reason(
    make: object, problem: str, tmp_path: Path
) -> None:
    path = tmp_path / "plan.doc"
    assert callable(make)
    make(path)
    with pytest.raises(DamagedFileError) as error:
        read_plan(path)
    message = str(error.value)
    assert "plan.doc" in message and "not a readable Word 97–2003 .doc" in message
    assert problem in message and "\n" not in message


def test_a_doc_upload_is_validated_as_its_text() -> None:
    """The web explorer's and the API's upload path: a .doc given as bytes."""
    checked = validate_draft("昆明方案.doc", (DOCS / "kunming.doc").read_bytes())
    assert checked.lines == read_plan(DOCS / "kunming.doc").text.splitlines()
    assert "《昆明市促进养老托育服务体系发展整体解决方案》" in "".join(checked.lines)


def _edited(path: Path, edit: Callable[[bytearray, bytearray], None]) -> Path:
    """shown.doc with its WordDocument and 1Table streams edited in place (each keeps its
    size), written to `path`."""
    shutil.copy(DOCS / "shown.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        table = bytearray(ole.openstream("1Table").read())
        edit(word, table)
        ole.write_stream("WordDocument", bytes(word))
        ole.write_stream("1Table", bytes(table))
    return path


def _fib_at(word: bytearray) -> tuple[int, int]:
    """Where the FIB's ccpText and its (fc, lcb) pairs start."""
    at = 34 + 2 * int.from_bytes(word[32:34], "little")
    return at + 2 + 12, at + 2 + 4 * int.from_bytes(word[at : at + 2], "little") + 2


def _piece_table(word: bytearray, table: bytearray) -> tuple[int, int]:
    """Where the piece table's character positions start in the table stream, and how many
    pieces it lists."""
    fc = int.from_bytes(word[_fib_at(word)[1] + 8 * 33 :][:4], "little")
    while table[fc] == 1:
        fc += 3 + int.from_bytes(table[fc + 1 : fc + 3], "little")
    return fc + 5, (int.from_bytes(table[fc + 1 : fc + 5], "little") - 4) // 12


def _pieces_past_the_stream(word: bytearray, table: bytearray) -> None:
    cps, count = _piece_table(word, table)
    for i in range(count):
        at = cps + 4 * (count + 1) + 8 * i + 2
        table[at : at + 4] = (0x3FFFFF00).to_bytes(4, "little")


def _pieces_out_of_order(word: bytearray, table: bytearray) -> None:
    cps = _piece_table(word, table)[0]
    table[cps : cps + 4] = (0x7FFFFFFF).to_bytes(
        4, "little"
    )  # the first piece ends before it starts


def _text_longer_than_the_stream(word: bytearray, table: bytearray) -> None:
    at = _fib_at(word)[0]
    word[at : at + 4] = (0xFFFFFFFF).to_bytes(4, "little")


def _junk_sector_shift(path: Path) -> None:
    data = bytearray((DOCS / "shown.doc").read_bytes())
    data[0x20:0x22] = b"\xff\xff"  # the mini sector size is 2**65535
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "make",
    [
        _junk_sector_shift,
        lambda p: _edited(p, _pieces_past_the_stream),
        lambda p: _edited(p, _pieces_out_of_order),
        lambda p: _edited(p, _text_longer_than_the_stream),
    ],
    ids=["junk-sector-shift", "pieces-past-the-stream", "pieces-out-of-order", "text-too-long"],
)
def test_a_doc_with_junk_in_its_structures_is_refused_as_damaged(
    make: Callable[[Path], object], tmp_path: Path
) -> None:
    """Counts and positions read from the file are checked before they are used: a header
    olefile cannot size, pieces of text outside the WordDocument stream or out of order, a
    text longer than its stream are a damaged file (exit 5), not a traceback, a "no text"
    or a text decoded again and again."""
    path = tmp_path / "plan.doc"
    make(path)
    with pytest.raises(DamagedFileError) as error:
        read_plan(path)
    assert "not a readable Word 97–2003 .doc" in str(error.value)


def test_fields_show_their_results_nested_or_unclosed_and_never_their_codes() -> None:
    """A field's code (between its begin and separator marks) is not shown, its result is,
    in nested fields too; stray separators and ends and a field left open (a damaged or
    hostile paragraph of field marks: 20 MB hold millions, read in one pass since the open
    fields are counted, not searched at each character) keep the text around them."""
    no_runs = Properties(array("I"), array("I"), array("I"), [])
    text = "依据\x13 REF a \x13 PAGE \x142\x15\x14《条例》\x15\x14\x15第\x13 SEQ \x14"
    assert _shown(text, 0, len(text), no_runs, lambda cp: cp) == "依据《条例》第"
    many = "\x13\x14字" * 80_000
    assert _shown(many, 0, len(many), no_runs, lambda cp: cp) == "字" * 80_000


def test_a_property_page_listed_again_and_again_is_read_once() -> None:
    """A PlcBte whose 5,000 entries all name one page of 90 hidden runs gives those 90
    runs, not 450,000: a 20 MB file so made took 1.4 GB."""
    runs = 90
    page = bytearray(512)
    struct.pack_into(f"<{runs + 1}I", page, 0, *range(0, 2 * (runs + 1), 2))
    page[4 * (runs + 1) : 4 * (runs + 1) + runs] = bytes([230]) * runs  # each run's Chpx …
    page[460:464] = bytes([3]) + (0x083C).to_bytes(2, "little") + b"\x01"  # … hides it
    page[511] = runs
    listed = 5_000
    table = bytes(4 * (listed + 1)) + bytes(4 * listed)  # every entry names page 0
    found = _properties(bytes(page), table, b"", 0, len(table), paragraph=False)
    assert len(found.starts) == runs
    assert found.at(2 * runs - 1) == {0x083C: 1} and found.at(2 * runs) == {}
