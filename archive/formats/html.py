"""Saved HTML pages: title, date, section and body text from the markup, menus left out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..article import Document
from ..clean import byline_date, clean_lines, is_tail_marker, line_key, parse_date
from ..errors import Problem
from ..extract.dates import url_date
from ..normalise import clean_text
from . import decoded, load_single

__all__ = ["Page", "parse_page", "declared_charset", "html_document", "read_html"]

TRUNCATED = "truncated HTML: the page stops before any article text; save the page again"
NO_TEXT = (
    "no article text in the page (only menus, scripts or markup); "
    "check that it is an article page"
)


@dataclass(frozen=True)
class Page:
    """What the markup of one page says, before text-level cleaning."""

    title: str | None
    category: str | None
    published: dt.date | None
    lines: tuple[str, ...]
    complete: bool  # the markup reaches </body> or </html>


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its <meta> tags, if any.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
    'windows-1258'
    """
    match = _CHARSET.search(data[:8192])
    return match.group(1).decode("ascii").lower() if match else None


# --- metadata -------------------------------------------------------------------------

_DATE_META = (
    "article:published_time", "og:published_time", "pubdate", "publishdate", "publish_date",
    "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
    "article:modified_time",
)


def _metas(tree: LexborHTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        name = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if name and content and content.strip():
            found.setdefault(name.strip().lower(), clean_text(content).strip())
    return found


def _text(node: LexborNode | None) -> str:
    return clean_text(node.text(separator=" ")).strip() if node is not None else ""


_SITE_SUFFIX = re.compile(r"^(?P<title>.+?)\s+(?:\||-|–|—|::)\s+(?P<site>[^|–—]+)$")


def _strip_site(title: str, site: str | None = None) -> str:
    """A <title> without the site name after " - " or " | "; a term's "2020 - 2025" stays.

    >>> _strip_site("Phường A tổ chức đại hội - Cổng thông tin điện tử phường A")
    'Phường A tổ chức đại hội'
    >>> _strip_site("Đại hội nhiệm kỳ 2020 - 2025")
    'Đại hội nhiệm kỳ 2020 - 2025'
    """
    if site and title.endswith(site) and len(title) > len(site) + 3:
        return title[: -len(site)].rstrip(" |-–—:")
    match = _SITE_SUFFIX.match(title)
    if not match:
        return title
    rest, suffix = match.group("title"), match.group("site")
    if any(c.isdigit() for c in suffix) or len(suffix.split()) > 10 or len(rest.split()) < 3:
        return title
    return rest


def _styled_title(scope: LexborNode) -> str:
    """The text of the first element styled as a title that reads like a headline."""
    for node in scope.css("[class*=title], [class*=Title], [class*=tieude]"):
        text = _text(node)
        if 4 <= len(text.split()) <= 40:
            return text
    return ""


def _title(
    tree: LexborHTMLParser,
    metas: dict[str, str],
    body: LexborNode | None,
    scope: LexborNode | None = None,
) -> str | None:
    """og:title, then the article's <h1> or headline, then <title> without the site's name."""
    if metas.get("og:title"):
        return _strip_site(metas["og:title"], metas.get("og:site_name"))
    heading = _text(body.css_first("h1")) if body is not None else ""
    heading = heading or (_styled_title(scope) if scope is not None else "")
    if heading:
        return heading
    head_title = _text(tree.css_first("title"))
    if head_title:
        return _strip_site(head_title, metas.get("og:site_name"))
    return _text(tree.css_first("h1")) or None


_DATE_HOLDERS = (
    "[class*=date], [class*=Date], [class*=time], [class*=ngay], [class*=posted], "
    "[class*=publish], [id*=date], [class*=byline], [class*=meta]"
)


def _dated_element(scope: LexborNode) -> dt.date | None:
    """The date in a short element styled as a date or byline, such as <div class="date">."""
    for node in scope.css(_DATE_HOLDERS):
        text = _text(node)
        if 0 < len(text) <= 100 and (date := byline_date(text) or parse_date(text)):
            return date
    return None


def _published(tree: LexborHTMLParser, metas: dict[str, str]) -> dt.date | None:
    """The publication date from meta tags, itemprop or <time datetime>."""
    for name in _DATE_META:
        if name in metas and (date := parse_date(metas[name])):
            return date
    for node in tree.css("[itemprop=datePublished], time[datetime]"):
        value = node.attributes.get("datetime") or node.attributes.get("content") or _text(node)
        if value and (date := parse_date(value)):
            return date
    return None


_CRUMBS = (
    "[class*=breadcrumb], [id*=breadcrumb], [itemtype*=BreadcrumbList], "
    "nav[aria-label*=readcrumb], .duongdan, .path, .navigation-path"
)
_HOME = {"trang chủ", "home", "trang nhất", "trang chu"}
# Between steps: the arrows portals put there; a plain hyphen is part of "Tin tức - Sự kiện".
_CRUMB_SPLIT = re.compile(r"\s*(?:»|›|>>|>|→|\|)\s*|\s+/\s+|\ue001")
_CRUMB_LEAD = re.compile(r"^(?:bạn đang ở|vị trí|đang xem|you are here)\s*:?\s*$", re.IGNORECASE)


def crumb_steps(crumbs: LexborNode) -> list[str]:
    """The named steps of a breadcrumb element, in order: its links and its last plain item.

    >>> tree = LexborHTMLParser('<div class="breadcrumb"><a>Trang chủ</a> &raquo; '
    ...     '<a>Tin tức - Sự kiện</a> &raquo; <span>Xây dựng Đảng</span></div>')
    >>> crumb_steps(tree.css_first(".breadcrumb"))
    ['Trang chủ', 'Tin tức - Sự kiện', 'Xây dựng Đảng']
    """
    items = crumbs.css("li")
    texts = [_text(i) for i in items] if items else [crumbs.text(separator="\ue001")]
    steps = []
    for text in texts:
        for step in _CRUMB_SPLIT.split(clean_text(text)):
            step = step.strip(" :")
            if step and any(c.isalnum() for c in step) and not _CRUMB_LEAD.match(step):
                steps.append(step)
    return steps


def _category(tree: LexborHTMLParser, metas: dict[str, str], title: str | None) -> str | None:
    """The section: the breadcrumb's last step that is not the title, else article:section."""
    title_key = line_key(title) if title else None
    for crumbs in tree.css(_CRUMBS):
        names = [
            n for n in crumb_steps(crumbs) if line_key(n) not in _HOME and line_key(n) != title_key
        ]
        if names and len(names[-1].split()) <= 12:
            return names[-1]
    return metas.get("article:section") or None


# --- the body -------------------------------------------------------------------------

# Never text: removed from the whole page first.
_CODE_TAGS = "script, style, noscript, template, svg, iframe, object, embed, canvas, map"
# Page furniture: removed inside the content block once title and date are read from it.
# Not from the whole page first: ASP.NET and SharePoint portals wrap everything in one <form>.
_NOISE_TAGS = "nav, header, footer, aside, form, button, select, textarea, input, dialog"
_NOISE_NAMES = re.compile(
    # Anywhere in a name ("leftmenu", "box-share", "tinlienquan"): rarely part of other words.
    r"menu|breadcrumb|share|sharing|social|toolbar|footer|header|sidebar|related|lienquan|"
    r"othernews|other-news|tinkhac|tin-khac|comment|binhluan|banner|advert|quangcao|pagination|"
    r"popup|modal|"
    # Short words only as whole parts of a name: "nav" is in "canvas", "ads" in "loads".
    r"(?:^|[-_\s])(?:nav|navbar|topbar|print|ads|tags?|keywords?|paging|login|search|rating|"
    r"vote|widget|hidden)(?:$|[-_\s\d])",
    re.IGNORECASE,
)
_CONTENT_SELECTORS = (
    "[itemprop=articleBody]", "article", ".article-content", ".article-body", ".article__body",
    ".news-content", ".news-detail", ".detail-content", ".content-detail", ".detail__content",
    ".entry-content", ".post-content", ".noidung", ".chitiet", ".ms-rtestate-field",
    "#content", ".content", "main", "[role=main]",
)
_BLOCKS = (
    "p, div, li, h1, h2, h3, h4, h5, h6, blockquote, tr, section, article, figure, figcaption, "
    "table, ul, ol, dl, dd, dt, pre, address, center, main, caption, td, th"
)
_MARK = "\ue000"  # a private-use character: where a block starts or ends
_SPACES = re.compile(r"\s+")
_WORTH_TAKING = 200  # characters of text a matched content container must hold


def _paragraph_text(node: LexborNode) -> int:
    return sum(len(p.text(strip=True)) for p in node.css("p"))


def _densest_block(root: LexborNode) -> LexborNode:
    """The element holding the most running text: in its own <p> children or as bare text.

    Old table-layout portals write paragraphs as text and <br> inside one <div> or <td>.
    """
    totals: dict[int, tuple[int, LexborNode]] = {}

    def add(node: LexborNode, size: int) -> None:
        count, _ = totals.get(node.mem_id, (0, node))
        totals[node.mem_id] = (count + size, node)

    for p in root.css("p"):
        if p.parent is not None:
            add(p.parent, len(p.text(strip=True)))
    for block in root.css("div, td, section, article"):
        own = len(block.text(deep=False, strip=True))
        if own >= 100:
            add(block, own)
    if not totals:
        return root
    return max(totals.values(), key=lambda pair: pair[0])[1]


def _container(body: LexborNode) -> LexborNode:
    """The main content block: a known container if it holds the text, else the densest."""
    densest = _densest_block(body)
    best = _paragraph_text(densest) if densest is not body else 0
    for selector in _CONTENT_SELECTORS:
        for node in body.css(selector):
            size = len(node.text(strip=True))
            if size >= _WORTH_TAKING and _paragraph_text(node) >= best // 2:
                return node
    return densest


# --- lists of other news -------------------------------------------------------------

_RELATED_NAMES = re.compile(
    r"related|lienquan|lien-quan|lien_quan|othernews|other-news|other_news|tinkhac|tin-khac|"
    r"tin_khac|samecat|same-cat|cungchuyenmuc|cung-chuyen-muc|morenews|more-news|tinmoi|"
    r"tin-moi|xemthem|xem-them|newslist-other",
    re.IGNORECASE,
)
_INLINE_AFTER = 400  # characters of paragraph text after a box that make it an inline box


def _related_candidates(body: LexborNode) -> list[LexborNode]:
    """Elements that hold or head a list of other news, in document order."""
    found = []
    for node in body.traverse():
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        own = node.text(deep=False, strip=True)
        if (names.strip() and _RELATED_NAMES.search(names)) or (own and is_tail_marker(own)):
            found.append(node)
    return found


def _inside(node: LexborNode, ancestor: LexborNode) -> bool:
    while node is not None:
        if node.mem_id == ancestor.mem_id:
            return True
        node = node.parent
    return False


def _following(node: LexborNode, stop: LexborNode) -> list[LexborNode]:
    """Every node after `node` in document order, up to the end of `stop`."""
    after = []
    while node is not None and node.mem_id != stop.mem_id:
        sibling = node.next
        while sibling is not None:
            after.append(sibling)
            sibling = sibling.next
        node = node.parent
    return after


def _block(node: LexborNode) -> LexborNode:
    """The list a heading such as "Tin liên quan" opens: its parent when that is short."""
    if _RELATED_NAMES.search(f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"):
        return node
    parent = node.parent
    return parent if parent is not None and len(parent.text(strip=True)) < 1500 else node


def _paragraph_chars(nodes: list[LexborNode]) -> int:
    total = 0
    for node in nodes:
        if node.is_element_node:
            paragraphs = [node] if node.tag == "p" else node.css("p")
            total += sum(len(p.text(strip=True)) for p in paragraphs)
    return total


def cut_related(body: LexborNode, container: LexborNode) -> None:
    """Remove lists of other news; from the first one after the article starts, all that follows.

    A box before the article (a sidebar of latest news) goes alone, as does a box inside the
    article with more paragraphs after it; the dates and titles in these lists are theirs.
    """
    order = {node.mem_id: i for i, node in enumerate(body.traverse())}
    start = order.get(container.mem_id, 0)
    removed: set[int] = set()
    for node in _related_candidates(body):
        if node.mem_id in removed or _inside(container, node):
            continue  # gone already, or a wrapper named "related" around the article itself
        block = _block(node)
        if _inside(container, block):
            block = node
        if order.get(node.mem_id, 0) < start:
            removed.update(n.mem_id for n in block.traverse())
            block.decompose()
            continue
        after = _following(block, container) if _inside(block, container) else []
        if _paragraph_chars(after) > _INLINE_AFTER:
            removed.update(n.mem_id for n in block.traverse())
            block.decompose()
            continue
        for later in _following(block, body):
            later.decompose()
        block.decompose()
        return


_NOISE_TAG_NAMES = frozenset(_NOISE_TAGS.replace(",", " ").split())


def _is_noise(node: LexborNode) -> bool:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(names.strip()) and _NOISE_NAMES.search(names) is not None


def _drop_noise(container: LexborNode) -> None:
    """Remove menus, share bars and related-news lists inside the content block."""
    total = len(container.text(strip=True)) or 1
    doomed = []
    for node in container.css("*"):
        noisy = node.tag in _NOISE_TAG_NAMES or _is_noise(node)
        # A "wrapper" named like noise that holds most of the text is the article itself.
        if noisy and len(node.text(strip=True)) < max(500, total // 2):
            doomed.append(node)
    gone: set[int] = set()
    for node in doomed:
        ancestor, inside = node.parent, False
        while ancestor is not None and not inside:
            inside = ancestor.mem_id in gone
            ancestor = ancestor.parent
        gone.add(node.mem_id)
        if not inside:  # its ancestor is gone already; touching it again is unsafe
            node.decompose()


def _lines(container: LexborNode) -> list[str]:
    """The container's text, one line per block and per <br>."""
    for br in container.css("br"):
        br.replace_with(_MARK)
    for block in container.css(_BLOCKS):
        block.insert_before(_MARK)
        block.insert_after(_MARK)
    text = _SPACES.sub(" ", container.text(separator=""))
    return [line.strip() for line in text.split(_MARK) if line.strip()]


_CAPTION = re.compile(r"^\(?\s*(?:ảnh|hình|photo)\b", re.IGNORECASE)


def parse_page(html: str) -> Page:
    """Title, section, date and body lines of an HTML page."""
    tree = LexborHTMLParser(html)
    metas = _metas(tree)
    tail = html[-2000:].lower()
    complete = "</html>" in tail or "</body>" in tail
    for node in tree.css(_CODE_TAGS):
        node.decompose()
    body = tree.body
    if body is None:
        return Page(_title(tree, metas, None), None, _published(tree, metas), (), complete)
    container = _container(body)
    cut_related(body, container)
    # Headline and byline near the content block, not those in lists of other news.
    scope = container.parent.parent if container.parent and container.parent.parent else body
    title = _title(tree, metas, container, scope)
    category = _category(tree, metas, title)
    published = _published(tree, metas) or _dated_element(scope)
    alts = {line_key(img.attributes.get("alt") or "") for img in container.css("img")}
    alts.discard("")
    _drop_noise(container)
    lines = [
        line for line in _lines(container) if _CAPTION.match(line) or line_key(line) not in alts
    ]
    return Page(title, category, published, tuple(lines), complete)


def publication(metadata: dt.date | None, cleaned: dt.date | None, url: str | None,
                captured: dt.date | None) -> dict:
    """The page's publication date and what gave it, most trusted first: the page's metadata,
    its byline, a date in its URL, the date it was captured."""
    for date, source in ((metadata, "metadata"), (cleaned, "byline"), (url_date(url), "URL"),
                         (captured, "capture date")):
        if date is not None:
            return {"published": date, "published_from": source}
    return {}


def html_document(
    html: str,
    source: str,
    encoding: str,
    *,
    key: str | None = None,
    url: str | None = None,
    captured: dt.date | None = None,
    where: str | None = None,
) -> Document | Problem:
    """A Document from a decoded HTML page; `captured` is the date used when the page has none."""
    page = parse_page(html)
    cleaned = clean_lines(
        page.lines, title=page.title, category=page.category, published=page.published
    )
    if not cleaned.paragraphs:
        return Problem(source, NO_TEXT if page.complete else TRUNCATED, where)
    return Document(
        source=source,
        key=key,
        title=cleaned.title or "",
        paragraphs=cleaned.paragraphs,
        encoding=encoding,
        url=url,
        category=cleaned.category,
        **publication(page.published, cleaned.published, url, captured),
    )


def read_html(path: Path, source: str) -> Iterator[Document | Problem]:
    """The one article of a saved .html/.htm page, or the Problem that keeps it out."""
    data = load_single(path, source)
    found = decoded(data, source, None if isinstance(data, Problem) else declared_charset(data))
    if isinstance(found, Problem):
        yield found
        return
    yield html_document(found.text, source, found.encoding)
