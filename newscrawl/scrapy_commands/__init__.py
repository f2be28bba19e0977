"""Scrapy commands newscrawl adds or extends (`COMMANDS_MODULE`)."""
