"""Pictures of the warehouse as PNG bytes: the cooperation network and a timeline per pair of countries.

matplotlib's object API with the Agg canvas: no pyplot, no display, nothing global touched, so it
runs the same in a Dagster worker, a test or a server.
"""

import io

import networkx as nx
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

MEETING, DOCUMENT = "#2b6cb0", "#c0392b"
DPI = 110
MAX_DYADS = 30


def _mix(share: float) -> tuple[float, float, float]:
    """The edge colour: MEETING blue for meetings only, DOCUMENT red for documents only, between them mixed."""
    (r1, g1, b1), (r2, g2, b2) = to_rgb(MEETING), to_rgb(DOCUMENT)
    return (r1 + (r2 - r1) * share, g1 + (g2 - g1) * share, b1 + (b2 - b1) * share)


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
    return buf.getvalue()


def _empty(fig: Figure, title: str, message: str) -> bytes:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#666666", transform=ax.transAxes)
    return _png(fig)


def network_png(edges: pd.DataFrame) -> bytes:
    """Countries as nodes, one edge per pair weighted by meetings + documents.

    ``edges`` has country_a, country_b, meetings, agreements (totals over all years).
    """
    title = "Defence cooperation network"
    fig = Figure(figsize=(9, 7.5))
    edges = edges[(edges["meetings"] + edges["agreements"]) > 0]
    if edges.empty:
        return _empty(fig, title, "no meetings or documents between countries in the warehouse")
    graph = nx.Graph()
    for e in edges.itertuples(index=False):
        graph.add_edge(e.country_a, e.country_b, meetings=int(e.meetings), agreements=int(e.agreements))
    for _, _, d in graph.edges(data=True):
        d["weight"] = d["meetings"] + d["agreements"]
    activity = dict(graph.degree(weight="weight"))
    # a fixed seed: the same warehouse gives the same picture
    pos = nx.spring_layout(graph, seed=7, weight="weight", k=1.6 / max(1, len(graph)) ** 0.5)
    top = max(d["weight"] for *_, d in graph.edges(data=True))

    ax = fig.add_subplot()
    ax.set_axis_off()
    for a, b, d in graph.edges(data=True):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        colour = _mix(d["agreements"] / d["weight"])
        ax.plot([xa, xb], [ya, yb], color=colour, alpha=0.6, lw=1.5 + 9 * d["weight"] / top, zorder=1)
        ax.text(
            (xa + xb) / 2,
            (ya + yb) / 2,
            f"{d['meetings']} m · {d['agreements']} d",
            fontsize=8,
            ha="center",
            va="center",
            zorder=3,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    most = max(activity.values())
    nodes = list(pos)
    # one collection for every node (a call each drew the same markers in the same order, ~0.2 s slower)
    ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=[500 + 2500 * activity[n] / most for n in nodes],
        color="#f6e05e",
        edgecolors="#744210",
        zorder=2,
    )
    for node in nodes:
        ax.text(*pos[node], node, ha="center", va="center", fontsize=10, fontweight="bold", zorder=4)
    ax.margins(0.12)
    ax.set_title(f"{title}: {graph.number_of_nodes()} countries, {graph.number_of_edges()} pairs")
    ax.legend(
        handles=[
            Line2D([], [], color=_mix(0), lw=4, alpha=0.6, label="meetings only"),
            Line2D([], [], color=_mix(0.5), lw=4, alpha=0.6, label="as many documents as meetings"),
            Line2D([], [], color=_mix(1), lw=4, alpha=0.6, label="documents only"),
        ],
        loc="lower right",
        fontsize=8,
        title="edge width: meetings + documents (m · d)",
        title_fontsize=8,
    )
    return _png(fig)


def timelines_png(events: pd.DataFrame) -> bytes:
    """One row per pair of countries (the MAX_DYADS most active), its events along time.

    ``events`` has country_a, country_b, event_type ('meeting' / 'agreement'), event_date,
    date_source, status. Hollow markers took the article's date; undated events are counted at the right.
    """
    title = "Events per pair of countries"
    totals = events.groupby(["country_a", "country_b"]).size().sort_values(ascending=False, kind="stable")
    dyads = list(totals.index[:MAX_DYADS])
    fig = Figure(figsize=(11, 1.6 + 0.42 * max(1, len(dyads))))
    if not dyads:
        return _empty(fig, title, "no meetings or documents between countries in the warehouse")
    ax = fig.add_subplot()
    rows = {d: i for i, d in enumerate(reversed(dyads))}  # the busiest pair on top
    shown = pd.Series([pair in rows for pair in zip(events["country_a"], events["country_b"], strict=True)], dtype=bool)
    dated = events[events["event_date"].notna().to_numpy() & shown.to_numpy()]
    # events of one pair on one day share a marker, with their number beside it
    marks = dated.groupby(["event_type", "date_source", "status", "country_a", "country_b", "event_date"]).size()
    # one collection per look (kind, dating, status): a call per marker drew the same, ~0.3 s slower on 300 events
    for (kind, source, status), look in marks.groupby(level=[0, 1, 2], sort=False):
        colour, marker, dy = (MEETING, "o", 0.12) if kind == "meeting" else (DOCUMENT, "D", -0.12)
        xs = [pd.Timestamp(day) for *_, day in look.index]
        ys = [rows[(a, b)] + dy for _, _, _, a, b, _ in look.index]
        ax.scatter(
            xs,
            ys,
            marker=marker,
            s=55,
            linewidths=1.5,
            edgecolors=colour,
            facecolors=colour if source == "event" else "none",
            alpha=0.45 if status == "planned" else 0.9,
        )
        for x, y, n in zip(xs, ys, look.to_numpy(), strict=True):
            if n > 1:
                ax.annotate(f"×{n}", (x, y), xytext=(6, 2), textcoords="offset points", fontsize=8, color=colour)
    undated = events[events["event_date"].isna()].groupby(["country_a", "country_b"]).size()
    for dyad, y in rows.items():
        if undated.get(dyad, 0):
            ax.annotate(
                f"+{undated[dyad]} undated",
                (1.0, y),
                xycoords=("axes fraction", "data"),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                color="#666666",
            )
    ax.set_yticks(list(rows.values()), [f"{a} – {b}" for a, b in rows])
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.grid(axis="x", color="#dddddd")
    ax.set_axisbelow(True)
    if dated.empty:
        ax.set_xticks([])
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes, color="#666666")
    ax.set_title(f"{title} ({len(rows)} of {len(totals)} pairs)")
    ax.legend(
        handles=[
            Line2D([], [], marker="o", ls="", color=MEETING, label="meeting"),
            Line2D([], [], marker="D", ls="", color=DOCUMENT, label="document"),
            Line2D([], [], marker="o", ls="", mfc="none", color="#444444", label="dated by the article"),
            Line2D([], [], marker="o", ls="", color="#444444", alpha=0.45, label="planned"),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08),
        ncols=4,
        fontsize=8,
        frameon=False,
    )
    return _png(fig)
