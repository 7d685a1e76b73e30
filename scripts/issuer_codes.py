"""Generate data/issuer_codes.csv: the codes of every provincial government and its office,
from the province stems of data/province_abbreviations.csv, plus the codes listed by hand
in data/issuer_codes_listed.csv (central bodies, ministries, irregular local codes), each
with the level of its jurisdiction read from ontology/regions.ttl. Run with `make issuers`.

The provincial pattern: a government's documents are <stem>发 (京政发, 川府发) or the bare
stem where the province numbers them so (皖政〔2021〕1号), its letters <stem>函; the same
for the office (京政办发, 川办发, 赣府厅发, 渝府办函).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from policygraph.lexicon_data import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
PROVINCES = ROOT / "data" / "province_abbreviations.csv"
LISTED = ROOT / "data" / "issuer_codes_listed.csv"
OUT = ROOT / "data" / "issuer_codes.csv"
COLUMNS = ["code", "issuer", "jurisdiction", "level", "source"]
BODIES = (("government", "人民政府"), ("office", "人民政府办公厅"))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def provincial_codes(row: dict[str, str]) -> list[dict[str, str]]:
    """The codes of one province's government and office (皖政, 皖政函, 皖政办, 皖政办函)."""
    source = f"generated from data/province_abbreviations.csv: {row['source']}"
    out = []
    for column, body in BODIES:
        stem = row[column]
        documents = stem if row["bare"] else stem + "发"
        for code in (documents, stem + "函"):
            out.append(
                {
                    "code": code,
                    "issuer": row["province"] + body,
                    "jurisdiction": row["province"],
                    "source": source,
                }
            )
    return out


def main() -> None:
    lexicon = load_lexicon()
    rows = [code for row in _rows(PROVINCES) for code in provincial_codes(row)]
    rows += _rows(LISTED)
    seen: set[str] = set()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            key = lexicon.regions.get(row["jurisdiction"])
            if key is None or row["code"] in seen:
                sys.exit(f"issuer codes: unknown region or repeated code in {row}")
            seen.add(row["code"])
            writer.writerow({**row, "level": lexicon.region_levels[key]})
    sys.stdout.write(f"issuer codes: wrote {len(rows)} codes to {OUT.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
