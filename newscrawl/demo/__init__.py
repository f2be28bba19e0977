"""The demo news site (The Harbour Gazette), rendered: ``site/`` is package data that the
`demo` spider serves on a loopback port. Its source of truth and generator live outside the
package, in ``tools/demo_content.toml`` and ``tools/build_demo.py``.
"""
