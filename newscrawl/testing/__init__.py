"""Support for testing crawls and measuring quality, kept apart from the runtime.

A folder served on a loopback port (`localsite`), a synthetic news site of any size
(`synthetic`), golden fixtures of a site's pages (`golden`, behind `newscrawl fixture`),
the article-text quality metric (`evaluation`) and real Redis and scrapyd servers on free
ports (`services`). newscrawl's own tests and benchmarks use them, and so can the tests of
a project that adds its own sites. A crawl of a real site never imports this package (the
demo spider serves its site with `localsite`).
"""
