"""Light helpers every layer uses (text measures for every script); no Scrapy, no
trafilatura, so that they import fast anywhere."""
