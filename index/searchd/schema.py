"""What searchd holds per article: full-text fields of analysis keys, and attributes.

The fields are the embedded index's key fields (schema.py) under the same names, so a
compiled query names the same field on both backends.  Facet values are multi-valued
attributes of integer ids (the dictionary lives beside the shard map, dictionary.py);
`aid` and `record` let an article be read back by id without the embedded index.
"""

from __future__ import annotations

KEY_FIELDS = ("title_exact", "title_folded", "title_pairs", "title_exact_pairs",
              "text_exact", "text_folded", "text_pairs", "text_exact_pairs")
FACET_FIELDS = ("ward", "official", "term", "category")  # searchable by folded key (ward:...)
EVERY_FIELD = "every"  # one constant token, so a query of exclusions alone has a positive side
DATES_FIELD = "dates"  # the date as tokens, for dates typed in the query (dates.py)
FIELDS = KEY_FIELDS + FACET_FIELDS + (DATES_FIELD, EVERY_FIELD)

# Facet value ids per article, one attribute per facet the embedded columns count.
FACET_ATTRIBUTES = ("ward", "district", "province", "now", "now_province",
                    "ward_all", "district_all", "province_all", "now_all", "now_province_all",
                    "term", "official", "category")
UINT_ATTRIBUTES = ("seq", "day", "oldest", "first_day", "last_day", "year", "md", "kind",
                   "year_kind", "month_kind", "text_length")
STRING_ATTRIBUTES = ("aid", "source", "record")

# The two index names each shard declares: a rebuild fills the idle one, then the archive's
# configuration names it live (cluster.py), so searches never see half an archive.
SLOTS = ("articles_a", "articles_b")
HEADS = {"articles_a": "head_a", "articles_b": "head_b"}


def mva(name: str) -> str:
    """The attribute holding a facet's value ids (a field may not share an attribute's name)."""
    return f"f_{name}"
