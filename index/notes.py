"""What a search could not read in its query, said in English and kept translatable.

A note is the English sentence the JSON `notes` list has always carried (it *is* that
string, so callers comparing or printing notes see no change), and it also keeps a code and
the values it was made from, so that a front end can say it in another language.

>>> n = note("field_empty", name="ward")
>>> n, n.code, n.values
("'ward:' has no value and was left out", 'field_empty', {'name': 'ward'})
>>> import json; json.dumps([n])
'["\\'ward:\\' has no value and was left out"]'
"""

from __future__ import annotations

# code → the English sentence, with the note's values in braces
ENGLISH = {
    "query_cut": "the query was cut to its first {most} characters",
    "clauses_cut": "only the first {most} words and phrases of the query were used",
    "quote_unclosed": "a quote was not closed; the phrase runs to the end of the query",
    "field_empty": "'{name}:' has no value and was left out",
    "field_unknown": "'{name}:' is not a field (fields: {fields}); searched as text",
    "date_unreadable": "'date:{value}' is not a date or range (YYYY, YYYY-MM, YYYY-MM-DD, A..B, --MM-DD)",
    "bracket_unopened": "a closing bracket had no opening one and was ignored",
    "nesting_deep": "brackets and NOTs nested deeper than {most} were ignored",
    "not_dangling": "NOT had nothing after it and was ignored",
    "bracket_unclosed": "a bracket was not closed; it closes at the end",
    "nothing_to_search": ("nothing in the query can be searched (only punctuation or operators): "
                          "no word narrows the articles"),
    "prefix_many": "'{prefix}*' begins more than {most} words: the {most} most frequent were searched",
    "loose_instead": ("no article has the words as typed; these {more} have them with other "
                      "accents or with their syllables apart"),
}


class Note(str):
    """A note: equal to its English text, with `code` and `values` to translate it by."""

    code: str
    values: dict

    def __new__(cls, code: str, values: dict):
        made = super().__new__(cls, ENGLISH[code].format(**values))
        made.code, made.values = code, dict(values)
        return made

    def __reduce__(self):  # pickled (between worker processes) as what it was made from
        return (Note, (self.code, self.values))


def note(code: str, **values) -> Note:
    """The note of this code with these values."""
    return Note(code, values)
