"""A Word 97–2003 (.doc) plan as text: paragraphs in order, tables row by row.

Government sites still publish many plans as `.doc` attachments. The binary format
([MS-DOC]) keeps the characters of the document in pieces of the WordDocument stream,
listed by the piece table (the Clx in the table stream), and the properties of
paragraphs and runs in formatted disk pages (FKPs) of 512 bytes. This reader takes
the main document's characters through the piece table, and from the FKPs only what
decides what Word shows as text:

- paragraphs in a table (sprmPFInTable, sprmPItap) and the mark that ends a row
  (sprmPFTtp): each row is written as the `.docx` reader writes it, one line,
  its cells between `|` (`| 序号 | 指标 | 2025年 |`);
- runs that Word does not show: hidden text (sprmCFVanish) and tracked deletions
  (sprmCFRMarkDel);
- fields: their result is shown, their code (PAGEREF, HYPERLINK …) is not.

Automatic numbering (list labels that Word draws but does not store as characters)
is drawn in front of its paragraphs (sprmPIlfo, sprmPIlvl; the lists are read by
`word97_numbering` and counted as for a .docx). Word 6/95 files and encrypted files are
refused with their reason, and so is a file whose counts or positions point outside its
streams.
"""

from __future__ import annotations

import struct
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import olefile

from policygraph.read.word97_numbering import list_instances
from policygraph.read.word_numbering import count_labels, labelled

WORD97_IDENT = 0xA5EC
WORD95_IDENT = 0xA5DC
FLAG_ENCRYPTED = 0x0100
FLAG_TABLE_1 = 0x0200
FKP_SIZE = 512
CLX_FC = 33
"""Positions in the FIB's FibRgFcLcb97 pairs: the piece table, the run and paragraph
property pages ([MS-DOC] 2.5.6)."""
BTE_CHPX_FC = 12
BTE_PAPX_FC = 13
LISTS_FC = 73
LIST_INSTANCES_FC = 74
CCP_TEXT = 3
"""Position of ccpText (the main document's length in characters) in FibRgLw97."""
SPRM_IN_TABLE = 0x2416
SPRM_ROW_END = 0x2417
SPRM_TABLE_DEPTH = 0x6649
SPRM_INNER_ROW_END = 0x244C
SPRM_HUGE_PAPX = 0x6646
SPRM_LIST = 0x460B
SPRM_LIST_LEVEL = 0x260A
SPRM_TABLE_DEFINITION = 0xD608
SPRM_HIDDEN = 0x083C
SPRM_DELETED = 0x0800
READ = frozenset(
    {
        SPRM_IN_TABLE,
        SPRM_ROW_END,
        SPRM_TABLE_DEPTH,
        SPRM_INNER_ROW_END,
        SPRM_LIST,
        SPRM_LIST_LEVEL,
        SPRM_HIDDEN,
        SPRM_DELETED,
    }
)
ON = (1, 0x81)
PARAGRAPH_END = "\r"
CELL_END = "\x07"
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
SHOWN = str.maketrans(
    {
        "\x0b": "\n",  # a manual line break
        "\x0c": "\n",  # a page or section break
        "\x1e": "-",  # a non-breaking hyphen
        "\x1f": None,  # an optional hyphen, shown only at a line's end
        "\xa0": " ",
        "\x01": None,  # an embedded picture or object, a footnote mark, a drawing
        "\x02": None,
        "\x05": None,
        "\x08": None,
    }
)


class DocError(ValueError):
    """The file is not a readable Word 97–2003 document."""


@dataclass(frozen=True)
class Piece:
    """A run of characters: character positions [start, end) stored from byte `fc` on,
    one byte a character (cp1252) when `compressed`, else UTF-16."""

    start: int
    end: int
    fc: int
    compressed: bool

    def fc_of(self, cp: int) -> int:
        return self.fc + (cp - self.start) * (1 if self.compressed else 2)


@dataclass(frozen=True)
class Properties:
    """File ranges [start, end) with the values of the sprms this reader reads, sorted by
    start; a range with none of them is left out. Arrays, and each range's values an index
    into `distinct`: a 20 MB file can list millions of runs, with few distinct values."""

    starts: array[int]
    ends: array[int]
    kinds: array[int]
    distinct: list[dict[int, int]]

    def at(self, fc: int) -> dict[int, int]:
        i = bisect_right(self.starts, fc) - 1
        return self.distinct[self.kinds[i]] if i >= 0 and fc < self.ends[i] else {}


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as Word shows it, the mark that ends it (a paragraph's or a table
    cell's) and its properties."""

    text: str
    mark: str
    properties: dict[int, int]

    @property
    def in_table(self) -> bool:
        return bool(self.properties.get(SPRM_IN_TABLE) or self.properties.get(SPRM_TABLE_DEPTH))

    @property
    def ends_row(self) -> bool:
        return bool(self.properties.get(SPRM_ROW_END) or self.properties.get(SPRM_INNER_ROW_END))


def doc_to_text(path: Path) -> str:
    """The paragraphs and tables of the document's main text, in reading order."""
    word, table, data = _streams(path)
    try:
        return _document_text(word, table, data)
    except (struct.error, IndexError) as error:
        raise DocError(f"damaged structure ({error})") from error


def _streams(path: Path) -> tuple[bytes, bytes, bytes]:
    """The WordDocument, table and Data streams of a Word 97–2003 file."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                raise DocError("no WordDocument stream: not a Word document")
            word = ole.openstream("WordDocument").read()
            ident, flags = _u16(word, 0), _u16(word, 0x0A)
            if ident == WORD95_IDENT:
                raise DocError("a Word 6/95 document: save it as .docx")
            if ident != WORD97_IDENT:
                raise DocError("not a Word 97–2003 document")
            if flags & FLAG_ENCRYPTED:
                raise DocError("encrypted: save it without a password")
            table_name = "1Table" if flags & FLAG_TABLE_1 else "0Table"
            if not ole.exists(table_name):
                raise DocError(f"no {table_name} stream")
            table = ole.openstream(table_name).read()
            data = ole.openstream("Data").read() if ole.exists("Data") else b""
    except DocError:
        raise
    except (OSError, struct.error) as error:  # olefile: not an OLE file, a truncated one
        raise DocError(str(error)) from error
    except ValueError as error:  # olefile: a junk sector size (2**shift) in the header
        raise DocError("a damaged compound-file header") from error
    return word, table, data


def _document_text(word: bytes, table: bytes, data: bytes) -> str:
    pairs, ccp_text = _fib(word)
    if ccp_text > len(word):  # a character takes at least a byte of the stream
        raise DocError(f"damaged structure (a text of {ccp_text} characters)")
    pieces = _pieces(table, *pairs[CLX_FC])
    text = "".join(_piece_text(word, piece) for piece in pieces if piece.start < ccp_text)
    text = text[:ccp_text]
    paragraphs = _paragraphs(
        text,
        pieces,
        _properties(word, table, data, *pairs[BTE_PAPX_FC], paragraph=True),
        _properties(word, table, data, *pairs[BTE_CHPX_FC], paragraph=False),
    )
    try:
        instances = list_instances(table, pairs[LISTS_FC], pairs[LIST_INSTANCES_FC])
    except IndexError:  # damaged list structures: the text is read without its labels
        instances = {}
    labels = count_labels(
        (i, str(ilfo), instances[ilfo], p.properties.get(SPRM_LIST_LEVEL, 0))
        for i, p in enumerate(paragraphs)
        if (ilfo := p.properties.get(SPRM_LIST, 0)) in instances
    )
    return "\n".join(_lines(paragraphs, labels))


def _fib(word: bytes) -> tuple[list[tuple[int, int]], int]:
    """The (fc, lcb) pairs of the FIB and the length of the main text ([MS-DOC] 2.5.1)."""
    csw = _u16(word, 32)
    at = 34 + 2 * csw
    cslw = _u16(word, at)
    ccp_text = _u32(word, at + 2 + 4 * CCP_TEXT)
    at += 2 + 4 * cslw
    count = _u16(word, at)
    values = struct.unpack_from(f"<{2 * count}I", word, at + 2)
    return list(zip(values[::2], values[1::2], strict=True)), ccp_text


def _pieces(table: bytes, fc: int, lcb: int) -> list[Piece]:
    """The piece table: the Clx's Pcdt after any property runs (Prc) before it."""
    at, end = fc, fc + lcb
    while at < end and table[at] == 1:  # a Prc: clxt, cbGrpprl, grpprl
        at += 3 + _u16(table, at + 1)
    if at >= end or table[at] != 2:
        raise DocError("no piece table")
    size = _u32(table, at + 1)
    count = (size - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", table, at + 5)
    descriptors = at + 5 + 4 * (count + 1)
    if any(cps[i] > cps[i + 1] for i in range(count)):
        raise DocError("damaged structure (the piece table is out of order)")
    pieces = []
    for i in range(count):
        fc_compressed = _u32(table, descriptors + 8 * i + 2)
        compressed = bool(fc_compressed & 0x40000000)
        fc = fc_compressed & 0x3FFFFFFF
        pieces.append(Piece(cps[i], cps[i + 1], fc // 2 if compressed else fc, compressed))
    return pieces


def _piece_text(word: bytes, piece: Piece) -> str:
    """The piece's characters, which must lie in the WordDocument stream."""
    end = piece.fc_of(piece.end)
    if end > len(word):
        raise DocError(f"damaged structure (a piece of text runs to byte {end}, past the stream)")
    if piece.compressed:
        return word[piece.fc : end].decode("cp1252", errors="replace")
    return word[piece.fc : end].decode("utf-16-le", errors="replace")


def _properties(
    word: bytes, table: bytes, data: bytes, fc: int, lcb: int, paragraph: bool
) -> Properties:
    """The ranges of the paragraph (or run) property pages and the sprms this reader
    reads in each ([MS-DOC] 2.9.177 PlcBtePapx, 2.9.85 ChpxFkp, 2.9.175 PapxFkp)."""
    count = (lcb - 4) // 8
    pages = struct.unpack_from(f"<{count}I", table, fc + 4 * (count + 1)) if count > 0 else ()
    starts, ends, kinds = array("I"), array("I"), array("I")
    distinct: dict[tuple[tuple[int, int], ...], int] = {}
    entry = 13 if paragraph else 1
    for page in sorted({page & 0x3FFFFF for page in pages}):  # a page listed twice, read once
        fkp = word[page * FKP_SIZE : (page + 1) * FKP_SIZE]
        runs = fkp[FKP_SIZE - 1]
        if 4 * (runs + 1) + entry * runs >= FKP_SIZE:
            raise DocError(f"damaged structure (a property page of {runs} runs)")
        bounds = struct.unpack_from(f"<{runs + 1}I", fkp, 0)
        for i in range(runs):
            offset = 2 * fkp[4 * (runs + 1) + entry * i]
            values = _values(_grpprl(fkp, offset, data, paragraph)) if offset else {}
            if values:
                starts.append(bounds[i])
                ends.append(bounds[i + 1])
                kinds.append(distinct.setdefault(tuple(sorted(values.items())), len(distinct)))
    if any(starts[i] > starts[i + 1] for i in range(len(starts) - 1)):
        order = sorted(range(len(starts)), key=starts.__getitem__)
        starts, ends, kinds = (array("I", (a[i] for i in order)) for a in (starts, ends, kinds))
    return Properties(starts, ends, kinds, [dict(key) for key in distinct])


def _grpprl(fkp: bytes, offset: int, data: bytes, paragraph: bool) -> bytes:
    """The sprms of a PapxInFkp (after its style index) or a Chpx."""
    if not paragraph:
        return fkp[offset + 1 : offset + 1 + fkp[offset]]
    size = fkp[offset]
    start, length = (offset + 1, 2 * size - 1) if size else (offset + 2, 2 * fkp[offset + 1])
    grpprl = fkp[start + 2 : start + length]  # after istd
    if len(grpprl) >= 6 and _u16(grpprl, 0) == SPRM_HUGE_PAPX:  # the sprms are in the Data stream
        at = _u32(grpprl, 2)
        grpprl = data[at + 2 : at + 2 + _u16(data, at)][2:]
    return grpprl


def _values(grpprl: bytes) -> dict[int, int]:
    """The operands of the sprms this reader needs, as unsigned integers."""
    return {
        sprm: int.from_bytes(operand, "little") for sprm, operand in _sprms(grpprl) if sprm in READ
    }


def _sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(sprm, operand) pairs; the operand's size follows from the sprm's spra bits
    ([MS-DOC] 2.2.5.1), a variable one from its first byte (two for a table definition)."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == SPRM_TABLE_DEFINITION:
                if at + 2 > len(grpprl):
                    return
                size, at = _u16(grpprl, at) - 1, at + 2
            else:
                if at >= len(grpprl):
                    return
                size, at = grpprl[at], at + 1
        else:
            size = (1, 1, 2, 4, 2, 2, 0, 3)[spra]
        yield sprm, grpprl[at : at + size]
        at += size


def _paragraphs(
    text: str, pieces: list[Piece], paragraphs: Properties, runs: Properties
) -> list[Paragraph]:
    """The text's paragraphs (and table cells), each with the properties of its mark."""
    starts = [piece.start for piece in pieces]

    def fc_of(cp: int) -> int:
        return pieces[max(0, bisect_right(starts, cp) - 1)].fc_of(cp)

    found = []
    start = 0
    for cp, char in enumerate(text):
        if char in (PARAGRAPH_END, CELL_END):
            shown = _shown(text, start, cp, runs, fc_of)
            found.append(Paragraph(shown, char, paragraphs.at(fc_of(cp))))
            start = cp + 1
    return found


def _lines(paragraphs: list[Paragraph], labels: dict[int, tuple[str, str]]) -> Iterator[str]:
    """The paragraphs as lines, behind their numbering labels; a table's cells joined
    into one line a row."""
    row: list[str] = []
    cell: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        text = labelled(*labels[i], paragraph.text) if i in labels else paragraph.text
        if not paragraph.in_table:
            yield from text.split("\n")
        elif paragraph.ends_row:
            yield "| " + " | ".join(row) + " |"
            row = []
        else:
            cell.append(text)
            if paragraph.mark == CELL_END:
                row.append(" ".join(" ".join(cell).split()))
                cell = []
    if row:
        yield "| " + " | ".join(row) + " |"


def _shown(text: str, start: int, end: int, runs: Properties, fc_of: Callable[[int], int]) -> str:
    """The characters of [start, end) that Word shows: not hidden or deleted runs, not
    a field's code; control characters as `SHOWN` says."""
    kept: list[str] = []
    fields: list[bool] = []  # per open field: whether its code is still being read
    in_code = 0  # how many of them are: counted, not searched for each character
    for cp in range(start, end):
        char = text[cp]
        if char == FIELD_BEGIN:
            fields.append(True)
            in_code += 1
        elif char == FIELD_SEPARATOR:
            if fields and fields[-1]:
                fields[-1] = False
                in_code -= 1
        elif char == FIELD_END:
            if fields:
                in_code -= fields.pop()
        elif in_code:
            continue
        elif not _unseen(runs.at(fc_of(cp))):
            kept.append(char)
    return "".join(kept).translate(SHOWN)


def _unseen(run: dict[int, int]) -> bool:
    """Hidden text or a tracked deletion: a toggle on (1) or the opposite of a style that
    has it off (0x81)."""
    return run.get(SPRM_HIDDEN) in ON or run.get(SPRM_DELETED) in ON


def _u16(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 2], "little") if at + 2 <= len(data) else _short(at)


def _u32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "little") if at + 4 <= len(data) else _short(at)


def _short(at: int) -> NoReturn:
    raise DocError(f"damaged structure (a field at byte {at} is past the end of its stream)")
