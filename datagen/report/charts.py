"""Inline SVG charts drawn in Python, so the report needs no JavaScript, CDN or plotting library.

Every function returns an `<svg>` element as text: coordinates are rounded and items come in the
order given, so the same numbers always give the same bytes. Text is escaped; long labels are cut
with an ellipsis and kept whole in a `<title>` tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

PALETTE = ("#3b6fb6", "#e08a2c", "#4f9d69", "#c0504d", "#8064a2", "#4bacc6", "#9b8e3c", "#7f7f7f")
MUTED = "#d5dbe5"
INK = "#1f2933"
GRID = "#e6e9ee"
FONT = "font-family=\"DejaVu Sans, Arial, sans-serif\""


def _label(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _num(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f"<svg class=\"chart\" role=\"img\" aria-label=\"{escape(title)}\" viewBox=\"0 0 {width} {height}\" "
            f"width=\"{width}\" height=\"{height}\" {FONT} font-size=\"12\">"
            f"<title>{escape(title)}</title>{''.join(body)}</svg>")


def bar_chart(items: Sequence[tuple[str, float]], title: str, *, color: str = PALETTE[0],
              label_width: int = 190, width: int = 640, suffix: str = "") -> str:
    """Horizontal bars, one per `(label, value)`, with the value printed at the bar's end."""
    row, top = 22, 6
    height = top + row * max(len(items), 1) + 6
    top_value = max((v for _, v in items), default=0) or 1
    span = width - label_width - 70
    body: list[str] = []
    for i, (label, value) in enumerate(items):
        y = top + i * row
        w = round(span * value / top_value, 1)
        body.append(f"<text x=\"{label_width - 8}\" y=\"{y + 15}\" text-anchor=\"end\" fill=\"{INK}\">"
                    f"<title>{escape(label)}</title>{escape(_label(label, label_width // 7))}</text>"
                    f"<rect x=\"{label_width}\" y=\"{y + 3}\" width=\"{w}\" height=\"{row - 6}\" fill=\"{color}\" rx=\"2\"/>"
                    f"<text x=\"{label_width + w + 6}\" y=\"{y + 15}\" fill=\"{INK}\">{escape(_num(value) + suffix)}</text>")
    if not items:
        body.append(f"<text x=\"8\" y=\"18\" fill=\"{INK}\">no data</text>")
    return _svg(width, height, body, title)


def paired_bar_chart(items: list[tuple[str, int, int]], title: str, *, label_width: int = 190,
                     width: int = 640, legend: tuple[str, str] = ("available", "used")) -> str:
    """Per label, a pale bar for the whole (`available`) with a dark bar for the part (`used`) over it."""
    row, top = 22, 28
    height = top + row * max(len(items), 1) + 6
    top_value = max((whole for _, whole, _ in items), default=0) or 1
    span = width - label_width - 90
    body = [f"<rect x=\"{label_width}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{MUTED}\"/>"
            f"<text x=\"{label_width + 16}\" y=\"16\" fill=\"{INK}\">{escape(legend[0])}</text>"
            f"<rect x=\"{label_width + 110}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{PALETTE[2]}\"/>"
            f"<text x=\"{label_width + 126}\" y=\"16\" fill=\"{INK}\">{escape(legend[1])}</text>"]
    for i, (label, whole, part) in enumerate(items):
        y = top + i * row
        w_whole = round(span * whole / top_value, 1)
        w_part = round(span * part / top_value, 1)
        body.append(f"<text x=\"{label_width - 8}\" y=\"{y + 15}\" text-anchor=\"end\" fill=\"{INK}\">"
                    f"<title>{escape(label)}</title>{escape(_label(label, label_width // 7))}</text>"
                    f"<rect x=\"{label_width}\" y=\"{y + 3}\" width=\"{w_whole}\" height=\"{row - 6}\" fill=\"{MUTED}\" rx=\"2\"/>"
                    f"<rect x=\"{label_width}\" y=\"{y + 3}\" width=\"{w_part}\" height=\"{row - 6}\" fill=\"{PALETTE[2]}\" rx=\"2\"/>"
                    f"<text x=\"{label_width + w_whole + 6}\" y=\"{y + 15}\" fill=\"{INK}\">{part}/{whole}</text>")
    return _svg(width, height, body, title)


def histogram(counts: list[int], edges: list[float], title: str, *, color: str = PALETTE[0],
              width: int = 300, height: int = 170) -> str:
    """Vertical bars over `len(counts)` bins whose boundaries are `edges` (one more than counts)."""
    left, bottom, top = 30, 24, 16
    plot_w, plot_h = width - left - 8, height - bottom - top
    top_count = max(counts, default=0) or 1
    bar_w = plot_w / max(len(counts), 1)
    body = [f"<line x1=\"{left}\" y1=\"{top + plot_h}\" x2=\"{left + plot_w}\" y2=\"{top + plot_h}\" stroke=\"{INK}\"/>",
            f"<text x=\"{left - 4}\" y=\"{top + 4}\" text-anchor=\"end\" fill=\"{INK}\">{top_count}</text>",
            f"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left + plot_w}\" y2=\"{top}\" stroke=\"{GRID}\"/>"]
    for i, count in enumerate(counts):
        h = round(plot_h * count / top_count, 1)
        x = round(left + i * bar_w + 1, 1)
        body.append(f"<rect x=\"{x}\" y=\"{round(top + plot_h - h, 1)}\" width=\"{round(bar_w - 2, 1)}\" height=\"{h}\" "
                    f"fill=\"{color}\"><title>{_num(edges[i])}–{_num(edges[i + 1])}: {count}</title></rect>")
    step = max(1, len(edges) // 5)
    for i in range(0, len(edges), step):
        x = round(left + i * bar_w, 1)
        body.append(f"<text x=\"{x}\" y=\"{height - 8}\" text-anchor=\"middle\" fill=\"{INK}\">{_num(edges[i])}</text>")
    if (len(edges) - 1) % step:
        body.append(f"<text x=\"{left + plot_w}\" y=\"{height - 8}\" text-anchor=\"middle\" fill=\"{INK}\">{_num(edges[-1])}</text>")
    return _svg(width, height, body, title)


def share_bar(items: list[tuple[str, int]], title: str, *, width: int = 640) -> str:
    """One 100% stacked bar of `(label, count)` parts with a legend giving count and share."""
    total = sum(c for _, c in items) or 1
    bar_h, legend_row = 28, 20
    height = bar_h + 16 + legend_row * len(items)
    body: list[str] = []
    x = 0.0
    for i, (label, count) in enumerate(items):
        w = width * count / total
        color = PALETTE[i % len(PALETTE)]
        body.append(f"<rect x=\"{round(x, 1)}\" y=\"0\" width=\"{round(w, 1)}\" height=\"{bar_h}\" fill=\"{color}\">"
                    f"<title>{escape(label)}: {count}</title></rect>")
        ly = bar_h + 12 + i * legend_row
        body.append(f"<rect x=\"0\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{color}\"/>"
                    f"<text x=\"18\" y=\"{ly + 11}\" fill=\"{INK}\">{escape(label)}: {count} "
                    f"({100 * count / total:.1f}%)</text>")
        x += w
    return _svg(width, height, body, title)
