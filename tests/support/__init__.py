"""Helpers the tests share: real dev-set pages, a site that fails in many ways, sample article
HTML and an exporter that fails on purpose."""
