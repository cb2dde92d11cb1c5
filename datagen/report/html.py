"""The report page: one HTML file with inline CSS and inline SVG, readable offline in any browser.

No scripts, fonts, images or links to load: everything is in the file. Sections follow what people
ask of a dataset: how big and how varied (summary, domains, patterns), how much of the tool catalog it
exercises (coverage, needs the registry), how good it is (judge scores, when evaluated) and how
grounded its arguments are (session-memory grounding rate, where argument values came from).
"""

from __future__ import annotations

from html import escape

from datagen.report.charts import PALETTE, bar_chart, histogram, paired_bar_chart, share_bar
from datagen.report.stats import ReportStats, histogram_counts

TOP = 15
SCORE_EDGES = [1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
RATE_EDGES = [round(i / 10, 1) for i in range(11)]

CSS = """
body{margin:0;background:#f4f6f9;color:#1f2933;font:14px/1.45 "DejaVu Sans",Arial,sans-serif}
main{max-width:1120px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:0 0 12px}h3{font-size:14px;margin:12px 0 6px}
.sub{color:#52606d;margin:0 0 20px}
section{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:16px 20px;margin:0 0 18px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:10px}
.card{background:#f8fafc;border:1px solid #e3e8ef;border-radius:6px;padding:10px 12px}
.card b{display:block;font-size:22px;color:#3b6fb6}.card span{color:#52606d;font-size:12px}
.row{display:flex;flex-wrap:wrap;gap:24px}.row>div{flex:1 1 300px}
.note{color:#52606d;font-style:italic}.warn{color:#a33}
svg.chart{max-width:100%;height:auto}
table{border-collapse:collapse}td,th{padding:2px 10px 2px 0;text-align:left}
footer{color:#7b8794;font-size:12px;text-align:center;padding:8px}
"""


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _card(value: str, label: str) -> str:
    return f"<div class=\"card\"><b>{escape(value)}</b><span>{escape(label)}</span></div>"


def _section(title: str, body: str, anchor: str) -> str:
    return f"<section id=\"{anchor}\"><h2>{escape(title)}</h2>{body}</section>"


def _summary(s: ReportStats) -> str:
    cards = [
        _card(str(s.conversations), "conversations"),
        _card(str(s.tool_calls), "tool calls"),
        _card(f"{s.mean_turns:.2f}", "messages per conversation"),
        _card(f"{s.mean_tool_calls:.2f}", "tool calls per conversation"),
        _card(_pct(s.with_clarification, s.conversations), "ask a clarifying question"),
        _card(_pct(s.multi_tool, s.conversations), "use two or more tools"),
        _card(str(len(s.tool_calls_by_tool)), "distinct tools used"),
        _card(str(len(s.endpoint_calls)), "distinct endpoints used"),
    ]
    if s.coverage is not None:
        cards.append(_card(_pct(s.coverage.endpoints_used, s.coverage.endpoints_available), "of registry endpoints used"))
    judge = s.judge
    cards.append(_card(_pct(judge.passed, judge.evaluated) if judge.evaluated else "not evaluated", "judge pass rate"))
    rates = s.grounding_rates
    cards.append(_card(f"{sum(rates) / len(rates):.2f}" if rates else "–", "mean memory grounding rate"))
    total_args = sum(c for _, c in s.argument_sources)
    mock = dict(s.argument_sources).get("mock_fallback", 0)
    cards.append(_card(_pct(mock, total_args), "arguments from mock fallback"))
    facts = [f"seeds: {', '.join(map(str, s.seeds)) or '–'}", f"runs: {s.runs}",
             "corpus memory: " + (", ".join(f"{k} {v}" for k, v in s.corpus_memory) or "–")]
    return f"<div class=\"cards\">{''.join(cards)}</div><p class=\"note\">{escape(' · '.join(facts))}</p>"


def _distributions(s: ReportStats) -> str:
    return (f"<div class=\"row\"><div><h3>Domains</h3>{bar_chart(s.domains, 'Conversations by domain')}</div></div>"
            f"<div class=\"row\"><div><h3>Patterns</h3>{bar_chart(s.patterns, 'Conversations by pattern', color=PALETTE[1], width=480, label_width=170)}</div>"
            f"<div><h3>Sampling modes</h3>{bar_chart(s.sampling_modes, 'Conversations by sampling mode', color=PALETTE[4], width=480, label_width=170)}</div></div>")


def _tools(s: ReportStats) -> str:
    parts: list[str] = []
    cov = s.coverage
    if cov is None:
        parts.append("<p class=\"note\">Tools available: unknown — pass <code>--registry artifacts/registry.json</code> "
                     "(written by <code>datagen build</code>) to compare with the catalog.</p>")
    else:
        parts.append(f"<p>{cov.tools_used} of {cov.tools_available} tools and {cov.endpoints_used} of "
                     f"{cov.endpoints_available} endpoints in the registry are called at least once "
                     f"({cov.endpoints_available - cov.endpoints_used} endpoints never called).</p>")
        parts.append("<h3>Endpoints used vs available, by category</h3>"
                     + paired_bar_chart(cov.by_category, "Endpoints used vs available by category"))
        if cov.unknown_endpoints:
            shown = ", ".join(cov.unknown_endpoints[:10])
            parts.append(f"<p class=\"warn\">{len(cov.unknown_endpoints)} endpoint(s) called but not in the registry "
                         f"(another build?): {escape(shown)}</p>")
    parts.append(f"<div class=\"row\"><div><h3>Most called tools (top {TOP})</h3>"
                 f"{bar_chart(s.tool_calls_by_tool[:TOP], 'Calls by tool', color=PALETTE[2])}</div></div>"
                 f"<div class=\"row\"><div><h3>Most called endpoints (top {TOP})</h3>"
                 f"{bar_chart(s.endpoint_calls[:TOP], 'Calls by endpoint', color=PALETTE[5], label_width=300, width=760)}</div></div>")
    return "".join(parts)


def _judge(s: ReportStats) -> str:
    judge = s.judge
    if not judge.evaluated:
        return ("<p class=\"note\">Not evaluated: no record has <code>judge_scores</code>. "
                "Run <code>datagen evaluate</code> and report on its output.</p>")
    head = (f"<p>{judge.evaluated} of {s.conversations} conversations evaluated, {judge.passed} passed "
            f"({_pct(judge.passed, judge.evaluated)}); judge: {escape(', '.join(judge.models) or 'unknown')}.</p>")
    charts = []
    for i, (dim, values) in enumerate(judge.scores.items()):
        counts = histogram_counts(values, SCORE_EDGES)
        mean = f"mean {sum(values) / len(values):.2f}" if values else "no scores"
        charts.append(f"<div><h3>{escape(dim)} ({mean})</h3>"
                      f"{histogram(counts, SCORE_EDGES, f'{dim} histogram', color=PALETTE[i % len(PALETTE)])}</div>")
    gates = ""
    if judge.failed_gates:
        gates = "<h3>Failed gates</h3>" + bar_chart(judge.failed_gates, "Failed gates", color=PALETTE[3])
    return head + f"<div class=\"row\">{''.join(charts)}</div>" + gates


def _grounding(s: ReportStats) -> str:
    rates = s.grounding_rates
    counts = histogram_counts(rates, RATE_EDGES)
    text = (f"<p>Memory grounding rate: the share of a conversation's later calls for which session memory held "
            f"an earlier result. {len(rates)} conversation(s) measured"
            + (f", mean {sum(rates) / len(rates):.2f}" if rates else "")
            + f"; {s.grounding_not_applicable} not applicable (a single call, or no rate recorded).</p>")
    chart = histogram(counts, RATE_EDGES, "Memory grounding rate histogram", width=420, color=PALETTE[2])
    if s.argument_sources:
        sources = "<h3>Where argument values came from</h3>" + share_bar(s.argument_sources, "Arguments by source")
    else:
        sources = "<p class=\"note\">No record has <code>metadata.argument_sources</code>.</p>"
    if s.records_without_sources and s.argument_sources:
        sources += f"<p class=\"note\">{s.records_without_sources} record(s) without argument_sources.</p>"
    return text + chart + sources


def render(stats: ReportStats, title: str, source: str) -> str:
    """The whole page for `stats`; `source` names the input in the subtitle."""
    body = "".join([
        _section("Summary", _summary(stats), "summary"),
        _section("Domains and patterns", _distributions(stats), "distribution"),
        _section("Tools used vs available", _tools(stats), "tools"),
        _section("Judge scores", _judge(stats), "judge"),
        _section("Grounding", _grounding(stats), "grounding"),
    ])
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>"
            f"<h1>{escape(title)}</h1><p class=\"sub\">{stats.conversations} conversations from {escape(source)}</p>"
            f"{body}<footer>datagen report · self-contained, no scripts or external resources</footer>"
            f"</main></body></html>\n")
