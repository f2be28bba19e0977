"""Write what discovery found as a site stub: a Python site module in the shape of the
`scrapy genspider -t news` template, or a TOML site file (`newscrawl/spiders/config.py`).

Both declare the same spider. Every source carries a comment saying what it is and where
it was found, and the article rule says how many sampled URLs it matches and why, so the
user checks a short file instead of re-doing the search.

Everything in a stub comes from the site (URLs, its host name, what its pages declare),
so every value is written as a literal that means exactly it, and the URLs in comments
and in the docstring are escaped: a stub compiles, or loads as TOML, whatever the URLs
hold (quotes, backslashes, control characters).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newscrawl.spiders.config import MAX_NAME_LENGTH, is_valid_name

if TYPE_CHECKING:
    from newscrawl.discovery.sources import Discovery, Source

#: The template's default: pages that are rarely text articles.
DEFAULT_DENY = r"/(video|gallery|live|podcast)s?/"
_IP_ADDRESS = re.compile(r"^\d+\.\d+\.\d+\.\d+$")
# Two-letter country domains with a second level ("co.uk", "com.au"): not the site's name.
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or"})


def site_name(domain: str) -> str:
    """A spider name from a domain: "www.theguardian.com" -> "theguardian",
    "news.bbc.co.uk" -> "bbc", "127.0.0.1" -> "site_127_0_0_1"."""
    labels = domain.lower().removeprefix("www.").split(".")
    if not _IP_ADDRESS.match(domain) and len(labels) > 1:
        drop = 2 if len(labels) > 2 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 1
        labels = labels[:-drop]
        labels = labels[-1:]
    name = re.sub(r"[^a-z0-9_]+", "_", "_".join(labels)).strip("_")[:MAX_NAME_LENGTH].rstrip("_")
    return name if is_valid_name(name) else f"site_{name}"[:MAX_NAME_LENGTH].rstrip("_")


def class_name(name: str) -> str:
    """As `scrapy genspider` names the class: "harbour_gazette" -> "HarbourGazetteSpider"."""
    return "".join(part.capitalize() for part in name.split("_")) + "Spider"


def render_python(found: Discovery, name: str) -> str:
    """A site module for `newscrawl/spiders/sites/` (or any `SPIDER_MODULES` package)."""
    lines = [
        f'"""{_docstring(f"{name}: articles of {found.domain}.")}',
        "",
        *_comment(
            _docstring(
                f"Written by `newscrawl discover {found.url}`. Check each source URL in a "
                "browser, tighten the article URL rules, then record a golden fixture."
            ),
            "",
        ),
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from newscrawl.cleaning.html import SiteRules",
        "from newscrawl.spiders import NewsSpider",
        "",
        "",
        f"class {class_name(name)}(NewsSpider):",
        f"    name = {_py(name)}",
        f"    allowed_domains = [{_py(found.domain)}]",
        f"    language = {_py(found.language)}  # of the site's articles (ISO 639-1)"
        if found.language
        else "    language = None  # the home page declares none: set the ISO 639-1 code",
        "",
        "    # Sources, requested in this order: news sitemaps, sitemaps, feeds, listing pages.",
        *_py_sources("news_sitemap_urls", found.news_sitemaps),
        *_py_sources("sitemap_urls", found.sitemaps),
        *_py_sources("feed_urls", found.feeds),
        f"    listing_urls = ({_py(found.home_url)},)",
        "",
        "    # What an article URL looks like (regular expressions; any of `allow`, none of "
        "`deny`).",
        *_comment(found.proposal.explain(), "    # "),
        f"    article_allow = {_py_tuple([_py_regex(p) for p in found.proposal.allow])}",
        f"    article_deny = ({_py_regex(DEFAULT_DENY)},)",
        "    listing_follow = ()",
        "",
        "    # Optional: chrome to drop, extra tail headers, fields the metadata gets wrong",
        '    # ("css:...", "xpath:...", "jsonld:path.to.value", "meta:name").',
        "    cleaning_rules = SiteRules(",
        "        drop=(),",
        "        tail_headers=(),",
        "        fields=(),",
        "    )",
    ]
    return "\n".join(lines) + "\n"


def render_toml(found: Discovery, name: str) -> str:
    """A site file for a `sites/` folder (`NEWSCRAWL_SITE_DIRS`)."""
    lines = [
        *_comment(f"{name}: articles of {found.domain}.", "# "),
        *_comment(
            f"Written by `newscrawl discover {found.url}`. Save as sites/{name}.toml, check "
            "each source URL in a browser, tighten the article URL rules, then "
            f"`scrapy crawl {name}`.",
            "# ",
        ),
        f"name = {_toml(name)}",
        f"domains = [{_toml(found.domain)}]",
        f"language = {_toml(found.language)}"
        if found.language
        else '# language = "en"  # the home page declares none',
        "",
        "[sources]  # requested in this order",
        *_toml_sources("news_sitemaps", found.news_sitemaps),
        *_toml_sources("sitemaps", found.sitemaps),
        *_toml_sources("feeds", found.feeds),
        f"listings = [{_toml(found.home_url)}]",
        "",
        "[articles]  # regular expressions: any of `allow`, none of `deny`",
        *_comment(found.proposal.explain(), "# "),
        f"allow = [{', '.join(_toml(p) for p in found.proposal.allow)}]",
        f"deny = [{_toml(DEFAULT_DENY)}]",
    ]
    return "\n".join(lines) + "\n"


def _py_sources(attribute: str, sources: list[Source]) -> list[str]:
    if not sources:
        return [f"    {attribute} = ()"]
    lines = [f"    {attribute} = ("]
    for source in sources:
        lines += [*_comment(source.describe(), "        # "), f"        {_py(source.url)},"]
    return [*lines, "    )"]


def _toml_sources(key: str, sources: list[Source]) -> list[str]:
    if not sources:
        return []
    lines = [f"{key} = ["]
    for source in sources:
        lines += [*_comment(source.describe(), "    # "), f"    {_toml(source.url)},"]
    return [*lines, "]"]


def _comment(text: str, prefix: str, width: int = 96) -> list[str]:
    """`text` as comment lines no wider than `width` (a long URL stays whole); line breaks
    in `text` are spaces, and characters that are not printable are escapes."""
    lines: list[str] = []
    current = ""
    for word in map(_visible, text.split()):
        if current and len(prefix) + len(current) + 1 + len(word) > width:
            lines.append(prefix + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, prefix + current] if current else lines


def _visible(text: str) -> str:
    """`text` with each character that is not printable (a control character, a line
    separator) written as its escape, `\\x07`, `\\u2028`: safe in a comment of either
    format, and read back as the character inside a Python string."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def _escape(character: str) -> str:
    code = ord(character)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _docstring(text: str) -> str:
    """`text` inside a triple-quoted (not raw) docstring: backslashes and quotes escaped."""
    return _visible(text.replace("\\", "\\\\").replace('"', '\\"'))


def _py(text: str) -> str:
    """A Python string literal, double-quoted as in the template where possible."""
    if '"' not in text and "\\" not in text and text.isprintable():
        return f'"{text}"'
    return repr(text)


def _py_regex(pattern: str) -> str:
    """A raw string literal for a regex, as a person would write it."""
    if '"' not in pattern and not pattern.endswith("\\") and pattern.isprintable():
        return f'r"{pattern}"'
    return repr(pattern)


def _py_tuple(items: list[str]) -> str:
    return f"({', '.join(items)},)" if items else "()"


def _toml(text: str) -> str:
    """A TOML string: basic ("...") for plain text, literal ('...', no escapes, so regexes
    stay readable) for text with backslashes, escaped basic as the last resort."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    if text.isprintable() and "'" not in text:
        return f"'{text}'"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else _toml_escape(c) for c in escaped) + '"'


def _toml_escape(character: str) -> str:
    code = ord(character)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
