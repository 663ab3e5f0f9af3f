"""Readable terminal text for articles and for a run's problems."""

from __future__ import annotations

import textwrap

from .archive import Article, Problem, Ward

_DATE_KINDS = {"published": "published", "event": "event date found in the text"}


def ward_place(ward: Ward) -> str:
    """A ward and where it is: 'phường X (District, Province)'.

    >>> ward_place(Ward("xã", "Trường Xuân", province="Lâm Đồng"))
    'xã Trường Xuân (Lâm Đồng)'
    """
    place = ", ".join(p for p in (ward.district, ward.province) if p)
    return f"{ward.type} {ward.name}" + (f" ({place})" if place else "")


def describe_ward(ward: Ward) -> str:
    """One ward as a reader expects it: 'phường X (District, Province) → now Y'."""
    return ward_place(ward) + (f" → now {ward.now}" if ward.now else "")


def describe_article(article: Article, width: int = 100) -> str:
    """A short, readable summary of one article."""
    date = (
        f"{article.date:%d/%m/%Y} ({_DATE_KINDS[article.date_kind]})" if article.date else "none found"
    )
    officials = [
        o.name + (f" — {'; '.join(o.roles)}" if o.roles else "") for o in article.officials
    ]
    lines = [
        f"── {article.source}" + (f" [{article.key}]" if article.key else ""),
        f"Title:      {article.title}",
        f"Date:       {date}",
        f"Category:   {article.category or '-'}",
        f"Wards:      {'; '.join(map(describe_ward, article.wards)) or '-'}",
        f"Terms:      {', '.join(article.terms) or '-'}",
        f"Officials:  {officials[0] if officials else '-'}",
        *(f"            {o}" for o in officials[1:]),
        f"Encoding:   {article.encoding}",
        f"URL:        {article.url or '-'}",
        f"Id:         {article.id}",
    ]
    words = len(article.text.split())
    preview = textwrap.shorten(article.text, width=width * 3, placeholder=" …")
    lines.append(f"Text:       ({words} words)")
    lines.extend("            " + line for line in textwrap.wrap(preview, width - 12))
    return "\n".join(lines)


def describe_problems(problems: list[Problem]) -> str:
    """The problems of a run, rejected files first, one line each."""
    ordered = sorted(problems, key=lambda p: (p.kind != "rejected", p.order))
    return "\n".join(f"  {p.kind}: {p}" for p in ordered)
