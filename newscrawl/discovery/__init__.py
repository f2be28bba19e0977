"""Discover a news site's sources and write a site stub: the logic of `newscrawl discover`.

    from newscrawl.discovery import discover, render_toml, site_name

    found = discover("https://www.harbourgazette.example/")
    print(render_toml(found, site_name(found.domain)))

`sources` finds and checks sitemaps and feeds, `patterns` proposes the article URL rule,
`stub` writes the Python or TOML site, `fetch` is the bounded urllib client they share.
"""

from newscrawl.discovery.sources import Discovery, DiscoveryError, Problem, Source, discover
from newscrawl.discovery.stub import render_python, render_toml, site_name

__all__ = [
    "Discovery",
    "DiscoveryError",
    "Problem",
    "Source",
    "discover",
    "render_python",
    "render_toml",
    "site_name",
]
