"""A query without its field names and quotes: what the no-results page offers to try."""

import pytest

from wardnews.index import without_fields
from wardnews.index.query import parse


@pytest.mark.parametrize("query, loosened", [
    ('"ban chấp hành"', "ban chấp hành"),
    ('title:"hội nghị" phường', "hội nghị phường"),
    ('ward:"Lương Khánh Thiện" đại hội', "Lương Khánh Thiện đại hội"),
    ("official:\"Bùi Văn Hùng\" term:2020-2025", "Bùi Văn Hùng 2020-2025"),
    ("đại hội date:2020", "đại hội"),  # a date is no word: dropped
    ('đại hội -"hội nghị"', None),  # only what is kept out has quotes: it stays as typed
    ('title:"đại hội" -"hội nghị" -ward:X', 'đại hội -"hội nghị" -ward:"X"'),
    ('"đại hội" OR (hội nghị title:phường)', "đại hội OR (hội nghị phường)"),
    ("Thiệ* title:x", "Thiệ* x"),
    ('"OR"', None),  # unquoted it would be an operator
    ("đại hội", None), ("", None), ("date:2020", None), ("!!!", None),
])
def test_without_fields(query, loosened):
    assert without_fields(query) == loosened


def test_the_loosened_query_reads_back_without_notes():
    for query in ('title:"a" -date:2020 -(b OR c)', 'ward:"x y" -"p q" date:--05-15 z*'):
        assert parse(without_fields(query)).notes == []
