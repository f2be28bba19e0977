"""One module per news site, each a few declarative lines on `NewsSpider`."""
