"""A search as an Atom feed (RFC 4287), newest first, so that a researcher can follow it.

Written with ElementTree, which escapes every value; the feed's id is the search's own URL,
each entry's id its article's page.
"""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from .exports import plain_snippet

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50  # the newest articles a feed lists


def atom(result, title: str, feed_url: str, search_url: str, permalink, built_at: str | None) -> bytes:
    """The feed of one search's newest hits."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", title)
    _text(feed, "id", search_url)
    _link(feed, feed_url, "self", "application/atom+xml")
    _link(feed, search_url, "alternate", "text/html")
    updated = _stamp(built_at) or dt.datetime.now(dt.timezone.utc)
    _text(feed, "updated", _iso(updated))
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", "wardnews")
    for hit in result.hits:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", hit.title)
        _text(entry, "id", permalink(hit.id))
        _link(entry, permalink(hit.id), "alternate", "text/html")
        # an undated article is placed at the index's build: Atom asks every entry for a time
        day = hit.date or _partial_day(hit.date_partial)
        _text(entry, "updated", _iso(dt.datetime.combine(day, dt.time(), dt.timezone.utc)) if day else _iso(updated))
        if hit.url:
            _link(entry, hit.url, "related", "text/html")
        _text(entry, "summary", plain_snippet(hit.snippet))
        for term in hit.terms:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=term)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent, name: str, value: str):
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = value
    return element


def _link(parent, href: str, rel: str, kind: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", href=href, rel=rel, type=kind)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _stamp(text: str | None) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _partial_day(partial: str | None) -> dt.date | None:
    """The first day of a date known to its month or year ("2020-05", "2020"); None else."""
    if not partial or partial.startswith("--"):
        return None
    parts = [int(p) for p in partial.split("-")]
    return dt.date(parts[0], *(parts[1:] + [1, 1])[:2])
