"""The demo news site (The Harbour Gazette): source data, generator and rendered pages.

``content.toml`` is the source of truth, ``build.py`` renders it into ``site/``; see the
docstring of :mod:`newscrawl.demo.build`.
"""
