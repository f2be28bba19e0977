# scrapyd-deploy builds an egg with `python setup.py bdist_egg` and writes a setup.py of
# its own when none exists (one whose metadata pyproject.toml overrides, entry point
# included). Everything is in pyproject.toml; this file only keeps scrapyd-deploy's away.
from setuptools import setup

setup()
