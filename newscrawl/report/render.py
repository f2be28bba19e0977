"""The report as one HTML file: Plotly figures and a table per site, no network needed.

Plotly (plotly.py, with plotly.js inlined once) draws the figures: interactive (hover
for the numbers, zoom into a month, hide a site by clicking its legend entry), and the
page is one file that opens offline, from a mail attachment or a CI artifact. Every
figure's data sits in one JSON block (`<script type="application/json"
id="newscrawl-figures">`), which a few lines of script hand to plotly.js, so the numbers
can be read back from the file (the tests do).
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from newscrawl import __version__, _imports
from newscrawl.report.collect import REMOVAL_KINDS, WORD_BIN, WORD_CAP

if TYPE_CHECKING:
    from collections.abc import Iterable

    from newscrawl.report.collect import ReportData, Run, Site

#: Sites drawn one by one in the articles-per-day figure; the others share one trace.
TOP_SITES = 10
FIGURE_IDS = ("articles_per_day", "runs", "chars_removed", "health", "word_counts", "languages")
PLOT_CONFIG = {"displaylogo": False, "responsive": True}

_KIND_NAMES = {
    "furniture": "page furniture (navigation, footers, scripts)",
    "chrome": "chrome (share bars, newsletter boxes, captions, bylines)",
    "tail": "related-headline tail",
}
_KIND_COLOURS = {"furniture": "#c7ccd6", "chrome": "#4c78a8", "tail": "#f58518"}
_EXPORTED_COLOUR = "#54a24b"


def render(data: ReportData, sources: Iterable[str]) -> str:
    """The report's HTML."""
    plotly = _imports.require("plotly")
    offline = _imports.require("plotly.offline")
    pio = _imports.require("plotly.io")
    go = _imports.require("plotly.graph_objects")
    figures = {
        "articles_per_day": _articles_per_day(data),
        "runs": _runs(data),
        "chars_removed": _chars_removed(data),
        "health": _health(data),
        "word_counts": _word_counts(data),
        "languages": _languages(data),
    }
    layout_defaults = {
        "template": "plotly_white",
        "margin": {"l": 60, "r": 20, "t": 10, "b": 50},
        # Above the plot: below it, a long legend runs into the axis title.
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "showlegend": True,
        "font": {"family": "system-ui, sans-serif", "size": 12},
    }
    specs = {}
    for name, (traces, layout) in figures.items():
        figure = {"data": traces, "layout": {**layout_defaults, **layout}}
        # Through plotly.py: validated, and the template resolved into the layout.
        specs[name] = json.loads(pio.to_json(go.Figure(figure)))
    payload = json.dumps(specs, separators=(",", ":")).replace("</", "<\\/")
    return _PAGE.format(
        title="newscrawl report",
        made=datetime.now(UTC).isoformat(timespec="seconds"),
        version=__version__,
        plotly_version=plotly.__version__,
        sources=", ".join(f"<code>{html.escape(s)}</code>" for s in sources),
        overview=_overview(data),
        sections=_sections(data),
        table=_site_table(data),
        payload=payload,
        plotly_js=offline.get_plotlyjs(),
        config=json.dumps(PLOT_CONFIG),
        style=_STYLE,
    )


# Figures: (traces, layout) as plain dicts, the JSON plotly.js reads.

Figure = tuple[list[dict[str, Any]], dict[str, Any]]


def _articles_per_day(data: ReportData) -> Figure:
    ranked = sorted(data.sites.items(), key=lambda kv: (-sum(kv[1].per_day.values()), kv[0]))
    ranked = [(name, site) for name, site in ranked if site.per_day]
    traces = [_day_trace(name, site.per_day) for name, site in ranked[:TOP_SITES]]
    if len(ranked) > TOP_SITES:
        others: dict[str, int] = {}
        for _, site in ranked[TOP_SITES:]:
            for day, count in site.per_day.items():
                others[day] = others.get(day, 0) + count
        traces.append(_day_trace(f"{len(ranked) - TOP_SITES} other sites", others))
    for number, trace in enumerate(traces):
        trace["marker"] = {"color": _SITE_COLOURS[number] if number < TOP_SITES else _OTHERS}
    layout = {
        "barmode": "stack",
        "height": 420,
        "legend": _SIDE_LEGEND,
        "margin": {"l": 60, "r": 20, "t": 36, "b": 50},  # the tool bar above the legend
        "xaxis": {"type": "date", "title": {"text": "publication day (UTC)"}},
        "yaxis": {"title": {"text": "articles"}},
    }
    return traces, _empty(layout, "No dated articles in the feeds") if not traces else layout


def _day_trace(name: str, per_day: dict[str, int]) -> dict[str, Any]:
    days = sorted(per_day)
    return {
        "type": "bar",
        "name": name,
        "x": days,
        "y": [per_day[d] for d in days],
        "hovertemplate": f"{html.escape(name)}<br>%{{x|%Y-%m-%d}}: %{{y}} articles<extra></extra>",
    }


def _runs(data: ReportData) -> Figure:
    """A spider's runs on a time axis (a missed cron run is a gap), one spider at a time:
    a menu picks the spider."""
    spiders = sorted({run.spider for run in data.runs})
    # One colour per drop reason, whichever spider is shown.
    reasons = sorted({reason for run in data.runs for reason in run.dropped})
    colours = {r: _REASON_COLOURS[n % len(_REASON_COLOURS)] for n, r in enumerate(reasons)}
    traces: list[dict[str, Any]] = []
    for number, spider in enumerate(spiders):
        runs = [run for run in data.runs if run.spider == spider]
        traces += _run_traces(spider, runs, number == 0, colours)
    layout: dict[str, Any] = {
        "barmode": "stack",
        "height": 460,
        "legend": _SIDE_LEGEND,
        "xaxis": {"type": "date", "title": {"text": "run start (UTC)"}},
        "yaxis": {"title": {"text": "article pages"}},
    }
    if len(spiders) > 1:
        # Top left: the top right is the plot's tool bar.
        layout["margin"] = {"l": 60, "r": 20, "t": 40, "b": 50}
        layout["updatemenus"] = [
            {
                "type": "dropdown",
                "x": 0,
                "xanchor": "left",
                "y": 1.02,
                "yanchor": "bottom",
                "buttons": [
                    {
                        "label": spider,
                        "method": "restyle",
                        "args": [{"visible": [t["meta"]["spider"] == spider for t in traces]}],
                    }
                    for spider in spiders
                ],
            }
        ]
    return (traces, layout) if traces else ([], _empty(layout, "No run summaries found"))


def _run_traces(
    spider: str, runs: list[Run], visible: bool, colours: dict[str, str]
) -> list[dict[str, Any]]:
    times = [run.started_at for run in runs]
    about = [[run.run_id, run.pages_fetched] for run in runs]
    totals: dict[str, int] = {}
    for run in runs:
        for reason, count in run.dropped.items():
            totals[reason] = totals.get(reason, 0) + count
    reasons = sorted(totals, key=lambda r: (-totals[r], r))
    common = {"x": times, "customdata": about, "meta": {"spider": spider}, "visible": visible}
    head = f"{spider} run %{{customdata[0]}} (%{{customdata[1]}} article pages fetched)<br>"
    traces: list[dict[str, Any]] = [
        {
            "type": "bar",
            "name": "exported",
            "y": [run.articles_exported for run in runs],
            "marker": {"color": _EXPORTED_COLOUR},
            "hovertemplate": head + "exported: %{y}<extra></extra>",
            **common,
        }
    ]
    for reason in reasons:
        traces.append(
            {
                "type": "bar",
                "name": f"dropped: {reason}",
                "y": [run.dropped.get(reason, 0) for run in runs],
                "marker": {"color": colours[reason]},
                "hovertemplate": head + f"dropped, {reason}: %{{y}}<extra></extra>",
                **common,
            }
        )
    return traces


#: Legend beside the plot, for figures with many series: above it, a long legend runs
#: under the plot's tool bar.
_SIDE_LEGEND = {"orientation": "v", "x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top"}
#: One colour per site of the articles-per-day figure (TOP_SITES of them), grey for the rest.
_SITE_COLOURS = (
    "#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6",
    "#9d755d", "#2f4b7c",
)  # fmt: skip
_OTHERS = "#c7ccd6"
_REASON_COLOURS = (
    "#e45756", "#f58518", "#b279a2", "#9d755d", "#eeca3b", "#ff9da6", "#bab0ac", "#72b7b2",
)  # fmt: skip


def _chars_removed(data: ReportData) -> Figure:
    kinds = {name: site.removed_by_kind() for name, site in data.sites.items()}
    sites = sorted(
        (n for n in kinds if sum(kinds[n].values())), key=lambda n: sum(kinds[n].values())
    )
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": _KIND_NAMES[kind],
            "y": sites,
            "x": [kinds[site][kind] for site in sites],
            "marker": {"color": _KIND_COLOURS[kind]},
            "hovertemplate": f"%{{y}}<br>{kind}: %{{x:,}} characters<extra></extra>",
        }
        for kind in REMOVAL_KINDS
    ]
    layout = {
        "barmode": "stack",
        "height": 140 + 26 * len(sites),
        "xaxis": {"title": {"text": "characters removed (all runs)"}},
        "yaxis": {"type": "category", "automargin": True},
    }
    return (traces, layout) if sites else ([], _empty(layout, "No cleaning recorded per site"))


def _health(data: ReportData) -> Figure:
    symptoms = sorted({w.symptom for w in data.warnings})
    sites = sorted({w.site for w in data.warnings}, reverse=True)
    traces = []
    for symptom in symptoms:
        found = [w for w in data.warnings if w.symptom == symptom]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": symptom,
                "x": [w.at for w in found],
                "y": [w.site for w in found],
                "marker": {"size": 11, "symbol": "diamond"},
                "hovertemplate": f"%{{y}}: {symptom}<br>run at %{{x}}<extra></extra>",
            }
        )
    span = _padded(data.runs[0].started_at, data.runs[-1].started_at) if data.runs else None
    layout = {
        "height": 160 + 30 * len(sites),
        # The whole period of the runs: when the warnings began, against all runs.
        "xaxis": {"type": "date", "title": {"text": "run start (UTC)"}, "range": span},
        "yaxis": {"type": "category", "categoryarray": sites, "automargin": True},
    }
    if not traces:
        return [], _empty(layout, "No site-health warnings in these runs")
    return traces, layout


def _word_counts(data: ReportData) -> Figure:
    bins = sorted(data.words)
    traces = [
        {
            "type": "bar",
            "name": "articles",
            "x": [lower + WORD_BIN / 2 for lower in bins],
            "y": [data.words[lower] for lower in bins],
            "width": [WORD_BIN * 0.95] * len(bins),
            "customdata": [_bin_label(lower) for lower in bins],
            "marker": {"color": "#4c78a8"},
            "hovertemplate": "%{customdata} words: %{y} articles<extra></extra>",
        }
    ]
    layout = {
        "height": 360,
        "showlegend": False,
        "xaxis": {"title": {"text": f"words per article (bins of {WORD_BIN})"}},
        "yaxis": {"title": {"text": "articles"}},
    }
    return (traces, layout) if bins else ([], _empty(layout, "No articles in the feeds"))


def _languages(data: ReportData) -> Figure:
    ranked = sorted(data.languages.items(), key=lambda kv: (-kv[1], kv[0]))
    traces = [
        {
            "type": "bar",
            "name": "articles",
            "x": [language for language, _ in ranked],
            "y": [count for _, count in ranked],
            "marker": {"color": "#72b7b2"},
            "hovertemplate": "%{x}: %{y} articles<extra></extra>",
        }
    ]
    layout = {
        "height": 320,
        "showlegend": False,
        "xaxis": {"type": "category", "title": {"text": "language (ISO 639-1)"}},
        "yaxis": {"title": {"text": "articles"}},
    }
    return (traces, layout) if ranked else ([], _empty(layout, "No articles in the feeds"))


def _padded(first: str, last: str) -> list[str] | None:
    """A date axis range from `first` to `last`, with room for the marks at both ends."""
    try:
        start, end = datetime.fromisoformat(first), datetime.fromisoformat(last)
    except ValueError:
        return None
    pad = max((end - start) / 40, timedelta(hours=1))
    return [(start - pad).isoformat(), (end + pad).isoformat()]


def _empty(layout: dict[str, Any], message: str) -> dict[str, Any]:
    return {
        **layout,
        "height": 160,
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
        "showlegend": False,
        "annotations": [
            {
                "text": message,
                "showarrow": False,
                "font": {"size": 14},
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
            }
        ],
    }


def _bin_label(lower: int) -> str:
    return f"{WORD_CAP:,}+" if lower >= WORD_CAP else f"{lower:,}–{lower + WORD_BIN - 1:,}"


def _short_time(stamp: str) -> str:
    return stamp[:16].replace("T", " ") if stamp else "?"


# Page


def _overview(data: ReportData) -> str:
    spiders = sorted({run.spider for run in data.runs})
    first = data.runs[0].started_at if data.runs else None
    last = data.runs[-1].started_at if data.runs else None
    span = f", {_short_time(first)} to {_short_time(last)} UTC" if first and last else ""
    items = [
        f"{_many(len(data.runs), 'run')} of {_many(len(spiders), 'spider')}{span}",
        f"{_many(data.records, 'article')} in {_many(data.feeds, 'feed file')}",
        _many(len(data.sites), "site"),
        _many(len(data.warnings), "site-health warning"),
    ]
    if data.skipped:
        skipped = ", ".join(f"{reason}: {n:,}" for reason, n in sorted(data.skipped.items()))
        items.append(f"left out: {html.escape(skipped)}")
    return "".join(f"<li>{item}</li>" for item in items)


def _many(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


_SECTIONS = {
    "articles_per_day": (
        "Articles per site per day",
        "Articles in the feeds by publication day (UTC), the {top} largest sites one by one. "
        "A site that falls silent shows here first.",
    ),
    "runs": (
        "Pages, articles and drops per run",
        "Each run's article pages, one spider at a time (the menu picks it): exported, or "
        "dropped by reason, stacked to the pages fetched. Pages skipped as seen by an "
        "earlier run are not fetched.",
    ),
    "chars_removed": (
        "Characters removed per site",
        "What cleaning cut from the pages of each site, over all runs: page furniture the "
        "extractor would drop anyway, chrome, and the related-headline tail.",
    ),
    "health": (
        "Site-health warnings over time",
        "One mark per warning a run logged (see README, Site health): a site whose layout "
        "changed shows up from the first run after the change.",
    ),
    "word_counts": ("Word counts", "Words per article, in the feeds."),
    "languages": ("Languages", "Articles per language, in the feeds."),
}


def _sections(data: ReportData) -> str:
    parts = []
    for name in FIGURE_IDS:
        title, text = _SECTIONS[name]
        parts.append(
            f'<section id="{name}-section"><h2>{title}</h2>'
            f"<p>{text.format(top=TOP_SITES)}</p>"
            f'<div class="figure" id="{name}"></div></section>'
        )
    return "\n".join(parts)


_COLUMNS = (
    "site",
    "runs",
    "pages fetched",
    "articles exported",
    "articles in feeds",
    "dropped",
    "no date",
    "chrome removed",
    "tail removed",
    "median words",
    "languages",
    "published",
    "health warnings",
)


def _site_table(data: ReportData) -> str:
    head = "".join(f"<th>{c}</th>" for c in _COLUMNS)
    rows = []
    ranked = sorted(data.sites.items(), key=lambda kv: (-kv[1].records, kv[0]))
    for name, site in ranked:
        cells = [
            f'<th scope="row">{html.escape(name)}</th>',
            _number(site.runs),
            _number(site.pages),
            _number(site.articles_exported),
            _number(site.records),
            f"<td>{html.escape(_dropped(site))}</td>",
            _share(site.no_date, site.articles_exported),
            _number(site.removed_by_kind()["chrome"]),
            _number(site.removed_by_kind()["tail"]),
            _number(site.median_words()),
            f"<td>{html.escape(_languages_cell(site))}</td>",
            f"<td>{html.escape(_published(site))}</td>",
            f"<td>{html.escape(_warnings_cell(site))}</td>",
        ]
        warn = ' class="warned"' if site.warnings else ""
        rows.append(f"<tr{warn}>{''.join(cells)}</tr>")
    body = "\n".join(rows) or f'<tr><td colspan="{len(_COLUMNS)}">No sites.</td></tr>'
    return f'<table id="sites"><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>'


def _number(value: int | None) -> str:
    return '<td class="n">–</td>' if value is None else f'<td class="n">{value:,}</td>'


def _share(part: int, whole: int) -> str:
    return '<td class="n">–</td>' if not whole else f'<td class="n">{part / whole:.0%}</td>'


def _dropped(site: Site) -> str:
    ranked = sorted(site.dropped.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{reason} {count:,}" for reason, count in ranked if count) or "–"


def _languages_cell(site: Site) -> str:
    total = site.languages.total()
    ranked = sorted(site.languages.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return ", ".join(f"{lang} {count / total:.0%}" for lang, count in ranked) or "–"


def _published(site: Site) -> str:
    if site.first_published is None or site.last_published is None:
        span = "–"
    else:
        span = f"{site.first_published[:10]} to {site.last_published[:10]}"
    return span + (f" ({site.undated:,} undated)" if site.undated else "")


def _warnings_cell(site: Site) -> str:
    if not site.warnings:
        return "none"
    counts = ", ".join(f"{symptom} {n}" for symptom, n in sorted(site.warnings.items()))
    return f"{counts} (last {_short_time(site.last_warning or '')})"


_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; color: #222; margin: 0 auto; max-width: 1320px;
       padding: 16px 24px 48px; }
h1 { font-size: 24px; margin: 8px 0 4px; }
h2 { font-size: 18px; margin: 28px 0 4px; }
p, ul { margin: 4px 0; }
.meta { color: #666; }
.figure { width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 8px; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 8px; text-align: left;
         vertical-align: top; }
thead th { position: sticky; top: 0; background: #f5f5f5; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.warned th { color: #b45309; }
code { font-size: 12px; }
"""

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<h1>{title}</h1>
<p class="meta">Made {made} by newscrawl {version} (Plotly {plotly_version}) from {sources}.</p>
<ul>{overview}</ul>
{sections}
<section id="sites-section"><h2>Sites</h2>
<p>One row per site: the spider of a site spider, each host for <code>urls</code> and
<code>warc</code>. Runs, pages, drops, dates and cleaning come from the run summaries;
articles, words, languages and publication dates from the feeds.</p>
{table}
</section>
<script type="application/json" id="newscrawl-figures">{payload}</script>
<script>{plotly_js}</script>
<script>
(function () {{
  var figures = JSON.parse(document.getElementById("newscrawl-figures").textContent);
  Object.keys(figures).forEach(function (id) {{
    Plotly.newPlot(id, figures[id].data, figures[id].layout, {config});
  }});
}})();
</script>
</body>
</html>
"""
