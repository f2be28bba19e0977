"""The crawl runtime: newscrawl's Scrapy components.

Pipelines (thin adapters around `newscrawl.stages`), the worker pool that runs extraction
off the reactor (`offload`, `warmup`), the address guard and robots.txt middleware, the
incremental spider middleware, the run lock, site health, the run summary, the progress
line, the kill-safe feed storage, the log formatter, newscrawl's own signals and the
spider loader. `newscrawl.addon` wires them into a crawl; nothing here is needed to clean
a text or extract one page (`newscrawl.api`).
"""
