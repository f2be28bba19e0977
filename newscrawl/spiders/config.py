"""Sites without Python: a TOML file declares a site, and becomes a `NewsSpider` subclass.

One code path: `spider_from_config` turns the declaration into exactly the class a Python
site module would write by hand, so TOML and Python sites behave identically. A file holds
one site (top-level keys) or many (`[[sites]]`). Every key is validated on load; an
unknown or mistyped key is an error that names it and the file.

    name = "harbourgazette"
    domains = ["harbourgazette.example"]
    language = "en"                # ISO 639-1, of the site's articles

    [sources]                      # requested in this order
    news_sitemaps = ["https://www.harbourgazette.example/sitemaps/news.xml"]
    feeds = ["https://www.harbourgazette.example/feeds/rss.xml"]
    listings = ["https://www.harbourgazette.example/"]

    [articles]                     # article URL rules (regular expressions)
    allow = ['/\\d{4}/\\d{2}/\\d{2}/[\\w-]+\\.html$']
    deny = ['/live/']

    [sitemaps]                     # child sitemaps of an index to read (regexes; all if absent)
    follow = ['/sitemap-2026-']

    [listings]
    follow = ['/[\\w-]+/$']
    depth = 1

    [cleaning]
    drop = ["div.promo-box"]       # CSS selectors of chrome
    tail_headers = ["More from the Gazette"]

    [fields]                       # where a field is, when the page's metadata is wrong
    authors = "css:.byline a"
    section = "jsonld:articleSection"
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscrawl.cleaning.html import SiteRules
from newscrawl.extraction.overrides import FIELD_NAMES, parse_field_rule
from newscrawl.spiders.base import NewsSpider

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# Matched whole (`fullmatch`): `$` would let a trailing newline through.
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_LANGUAGE = re.compile(r"[a-z]{2}")
#: The longest site or spider name: a name becomes a folder and file names
#: (`data/<name>/`, `<name>.lock`), a stats key and part of every log line.
MAX_NAME_LENGTH = 64

#: The schema: table -> key -> expected type (list means "list of strings").
SCHEMA: dict[str, dict[str, type]] = {
    "": {"name": str, "domains": list, "description": str, "language": str},
    "sources": {"sitemaps": list, "news_sitemaps": list, "feeds": list, "listings": list},
    "articles": {"allow": list, "deny": list},
    "sitemaps": {"follow": list},
    "listings": {"follow": list, "depth": int},
    "cleaning": {"drop": list, "tail_headers": list},
    "fields": dict.fromkeys(FIELD_NAMES, str),
    "settings": {},  # free-form Scrapy settings (custom_settings)
}


def is_valid_name(name: str) -> bool:
    """Whether `name` can name a site: lower-case letters, digits and _, a letter first,
    at most `MAX_NAME_LENGTH` characters."""
    return name_problem(name) is None


def name_problem(name: object, what: str = "site name") -> str | None:
    """What is wrong with `name` as a site name, in one line (None: nothing)."""
    if not isinstance(name, str):
        return f"{what} must be a string, not {type(name).__name__}"
    if len(name) > MAX_NAME_LENGTH:
        return (
            f"{what} {_shown(name)} must be at most {MAX_NAME_LENGTH} characters, not {len(name)}"
        )
    if not _NAME.fullmatch(name):
        return f"{what} {_shown(name)} must be lower-case letters, digits and _, a letter first"
    return None


def spider_name_problem(name: str) -> str | None:
    """What is wrong with `name` as a spider name (None: nothing). Scrapy allows any
    name; newscrawl's names become file names and log lines, so none may hold a space
    or a control character (a newline), a path separator, or be longer than
    `MAX_NAME_LENGTH`."""
    if len(name) > MAX_NAME_LENGTH:
        return f"spider name {_shown(name)} must be at most {MAX_NAME_LENGTH} characters"
    if not name or not name.isprintable() or any(c.isspace() or c in "/\\" for c in name):
        return (
            f"spider name {_shown(name)} must have no spaces, newlines, control characters "
            "or slashes"
        )
    return None


def _shown(name: str) -> str:
    """The name for an error message: quoted, escaped, and cut when long."""
    return repr(name) if len(name) <= 40 else f"{name[:40]!r}..."


class SiteConfigError(ValueError):
    """A site file is invalid; the message names the file and the key."""


def load_sites(path: Path | str | Traversable) -> list[type[NewsSpider]]:
    """The spider classes declared in a TOML file (one site, or `[[sites]]`): a path, or
    a package resource (`importlib.resources`, so the sites newscrawl ships load from a
    zipped egg too, as scrapyd runs it)."""
    if isinstance(path, str):
        path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SiteConfigError(f"{path}: cannot read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise SiteConfigError(f"{path}: not valid TOML: {error}") from None
    declarations = data.get("sites", [data])
    if not isinstance(declarations, list) or not declarations:
        raise SiteConfigError(f"{path}: 'sites' must be a non-empty array of tables")
    spiders = [spider_from_config(d, source=f"{path}") for d in declarations]
    names = [s.name for s in spiders]
    if len(names) != len(set(names)):
        raise SiteConfigError(f"{path}: site names must be unique, got {names}")
    return spiders


def spider_from_config(config: Mapping[str, Any], source: str = "<config>") -> type[NewsSpider]:
    """Validate one site declaration and build its spider class."""
    _validate(config, source)
    name = config["name"]
    sources = config.get("sources", {})
    articles = config.get("articles", {})
    listings = config.get("listings", {})
    cleaning = config.get("cleaning", {})
    attributes: dict[str, Any] = {
        "name": name,
        "__doc__": config.get("description") or f"Site spider for {name}, from {source}.",
        "__module__": __name__,
        "allowed_domains": list(config["domains"]),
        "language": config.get("language"),
        "sitemap_urls": tuple(sources.get("sitemaps", ())),
        "news_sitemap_urls": tuple(sources.get("news_sitemaps", ())),
        "feed_urls": tuple(sources.get("feeds", ())),
        "listing_urls": tuple(sources.get("listings", ())),
        "source_order": tuple(_SOURCE_ATTRIBUTES[k] for k in sources),
        "article_allow": tuple(articles.get("allow", ())),
        "article_deny": tuple(articles.get("deny", ())),
        "sitemap_follow": tuple(config.get("sitemaps", {}).get("follow", ())),
        "listing_follow": tuple(listings.get("follow", ())),
        "listing_depth": listings.get("depth", NewsSpider.listing_depth),
        "cleaning_rules": SiteRules(
            drop=tuple(cleaning.get("drop", ())),
            tail_headers=tuple(cleaning.get("tail_headers", ())),
            fields=tuple(config.get("fields", {}).items()),
        ),
        "config_source": source,
    }
    if config.get("settings"):
        attributes["custom_settings"] = dict(config["settings"])
    class_name = "".join(part.capitalize() for part in name.split("_")) + "Spider"
    return type(class_name, (NewsSpider,), attributes)


_SOURCE_ATTRIBUTES = {
    "sitemaps": "sitemap",
    "news_sitemaps": "news_sitemap",
    "feeds": "feed",
    "listings": "listing",
}


def _validate(config: Mapping[str, Any], source: str) -> None:
    if not isinstance(config, Mapping):
        raise SiteConfigError(f"{source}: a site must be a table")
    for key, value in config.items():
        if key in SCHEMA and key:
            _check_table(key, value, source)
        elif key not in SCHEMA[""]:
            raise SiteConfigError(f"{source}: unknown key {key!r} (known: {_known('')})")
        else:
            _check_value(key, value, SCHEMA[""][key], source)
    for required in ("name", "domains"):
        if required not in config:
            raise SiteConfigError(f"{source}: missing required key {required!r}")
    problem = name_problem(config["name"], "name")
    if problem:
        raise SiteConfigError(f"{source}: {problem}")
    if "language" in config and not _LANGUAGE.fullmatch(config["language"]):
        raise SiteConfigError(
            f'{source}: language {config["language"]!r} must be an ISO 639-1 code ("en")'
        )
    if not any(config.get("sources", {}).values()):
        raise SiteConfigError(f"{source}: [sources] must list at least one URL")
    for key in ("allow", "deny"):
        _check_regexes(f"articles.{key}", config.get("articles", {}).get(key, ()), source)
    _check_regexes("listings.follow", config.get("listings", {}).get("follow", ()), source)
    _check_regexes("sitemaps.follow", config.get("sitemaps", {}).get("follow", ()), source)
    for selector in config.get("cleaning", {}).get("drop", ()):
        try:
            parse_field_rule(f"css:{selector}")
        except ValueError:
            raise SiteConfigError(
                f"{source}: cleaning.drop: invalid CSS selector {selector!r}"
            ) from None
    for field, rule in config.get("fields", {}).items():
        try:
            parse_field_rule(rule)
        except ValueError as error:
            raise SiteConfigError(f"{source}: fields.{field}: {error}") from None


def _check_table(table: str, value: Any, source: str) -> None:
    if not isinstance(value, Mapping):
        raise SiteConfigError(f"{source}: {table!r} must be a table ([{table}])")
    if table == "settings":
        return
    for key, item in value.items():
        if key not in SCHEMA[table]:
            raise SiteConfigError(f"{source}: unknown key {table}.{key!r} (known: {_known(table)})")
        _check_value(f"{table}.{key}", item, SCHEMA[table][key], source)


def _check_value(key: str, value: Any, expected: type, source: str) -> None:
    if expected is list:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SiteConfigError(f"{source}: {key} must be a list of strings")
    elif not isinstance(value, expected) or isinstance(value, bool):
        raise SiteConfigError(f"{source}: {key} must be a {expected.__name__}")


def _check_regexes(key: str, patterns: Any, source: str) -> None:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise SiteConfigError(
                f"{source}: {key}: bad regular expression {pattern!r}: {error}"
            ) from None


def _known(table: str) -> str:
    keys = [k for k in SCHEMA if k] if table == "" else []
    return ", ".join(sorted([*SCHEMA[table], *keys]))
