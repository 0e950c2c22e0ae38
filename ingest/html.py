"""Visible article text out of an HTML page: the story, not the page around it.

Navigation, scripts, forms, asides and footers go; block elements become lines, so the
cleaner downstream sees the same shape as a .txt article. Metadata that pages carry in
standard places (title, canonical URL, publication time, site name) is kept.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser as HTMLParser

_DROP = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, figure.ads, .advertisement"
_BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, td, th, pre"
_CONTAINERS = ("article", "main", "[itemprop=articleBody]", ".article-body", ".detail-content", "body")


def _meta(tree: HTMLParser, *selectors: str) -> str | None:
    for sel in selectors:
        node = tree.css_first(sel)
        if node is not None:
            value = node.attributes.get("content") or node.attributes.get("href") or node.attributes.get("datetime")
            if value:
                return value.strip()
    return None


def html_to_article(html: str) -> dict[str, Any]:
    """Fields for a ``RawArticle``: text, title, url, published, outlet. ValueError when the
    page has no readable text."""
    tree = HTMLParser(html)
    title = _meta(tree, "meta[property='og:title']", "meta[name='title']")
    if title is None and tree.css_first("title") is not None:
        title = tree.css_first("title").text(strip=True) or None
    url = _meta(tree, "link[rel=canonical]", "meta[property='og:url']")
    published = _meta(tree, "meta[property='article:published_time']", "meta[name=pubdate]", "time[datetime]")
    outlet = _meta(tree, "meta[property='og:site_name']")
    for node in tree.css(_DROP):
        node.decompose()
    root = next((tree.css_first(s) for s in _CONTAINERS if tree.css_first(s) is not None), None)
    if root is None:
        raise ValueError("HTML page without a body")
    lines = []
    for node in root.css(_BLOCKS):
        # a block holding other blocks: its children speak for it (lexbor's css() on a node
        # includes the node itself when it matches, hence "more than one")
        if len(node.css(_BLOCKS)) > 1:
            continue
        line = " ".join(node.text(separator=" ", strip=True).split())
        if line:
            lines.append(line)
    if not lines:
        text = root.text(separator="\n", strip=True)
        lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise ValueError("no visible text in the HTML page")
    h1 = root.css_first("h1")
    if h1 is not None:
        title = h1.text(strip=True) or title
    return {"text": "\n\n".join(lines), "title": title, "url": url, "published": published, "outlet": outlet}
