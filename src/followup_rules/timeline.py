"""Plans on one timeline: a row per rule set, a marker per planned contact, and how each ended.

Seeing the plans of several philosophies one above the other shows at a glance who calls every
day, who waits a week, and who gives up first. matplotlib is an optional extra (``plot``),
imported only when a timeline is drawn.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from followup_rules._extras import requires_extra
from followup_rules.errors import InvalidArgumentError
from followup_rules.plan import Plan, PlanEnd
from followup_rules.vocabulary import Channel, Purpose

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_plans"]

_MARKERS = {Purpose.STATUS: "o", Purpose.THANK_YOU: "^", Purpose.ASK_WHETHER_TO_CONTINUE: "D"}
"""A planned contact's marker says what it is for: shapes that differ in outline, so they are
told apart in print (a star and a circle were not)."""

_COLORS = {
    Channel.PHONE: "#0072B2",
    Channel.EMAIL: "#E69F00",
    Channel.MAIL: "#D55E00",
    Channel.IN_PERSON: "#000000",
    Channel.OTHER: "#F0E442",
}
"""A planned contact's colour says how it is made: the Okabe-Ito colours, which differ in
lightness too, so that they stay apart printed in grey; every marker has a black edge."""

_PURPOSE_WORDS = {
    Purpose.STATUS: "status",
    Purpose.THANK_YOU: "thank-you",
    Purpose.ASK_WHETHER_TO_CONTINUE: "ask whether to go on",
}
"""A purpose in the key, in words short enough for it."""

_END_WORDS = {
    PlanEnd.STOP: "the rules stop here",
    PlanEnd.DONE: "process over",
    PlanEnd.BLOCKED: "no day allowed",
    PlanEnd.END_OF_DATA: "past the holiday data",
    PlanEnd.HORIZON: "end of the plan's horizon",
    PlanEnd.CONTACT_LIMIT: "contact limit reached",
    PlanEnd.NO_MESSAGE_LEFT: "no message left to leave",
    PlanEnd.UNTIMED: "no time set for the next",
    PlanEnd.SILENT: "silent at this stage",
}
"""How a plan ended, in words, at the end of its row."""

_END_MARKERS = {
    PlanEnd.STOP: "x",
    PlanEnd.DONE: "x",
    PlanEnd.BLOCKED: "x",
    PlanEnd.NO_MESSAGE_LEFT: "x",
    PlanEnd.END_OF_DATA: "|",
    PlanEnd.HORIZON: "|",
    PlanEnd.CONTACT_LIMIT: "|",
    PlanEnd.UNTIMED: "$?$",
    PlanEnd.SILENT: "$?$",
}
"""The mark at the end of a row: a cross where the rules end the plan, a bar where the plan's
own limits cut it, a question mark where the document gives no time (or no opinion) for the
next contact, which is neither an end nor a cut."""


def _checked(plans: object) -> dict[str, Plan]:
    if not isinstance(plans, Mapping):
        raise InvalidArgumentError(
            f"plans {plans!r} is not a mapping: expected labels (such as rule-set names) to plans"
        )
    if not plans:
        raise InvalidArgumentError("plans is empty: expected at least one label and its Plan")
    for label, plan in plans.items():
        if not isinstance(label, str):
            raise InvalidArgumentError(f"plan label {label!r}: expected a string")
        if not isinstance(plan, Plan):
            raise InvalidArgumentError(
                f"plans[{label!r}] is {plan!r}: expected a Plan from followup_rules.plan()"
            )
    return dict(plans)


def _end_day(plan: Plan) -> date:
    """Where the plan's end is drawn: the horizon, the contact not taken, or the last day."""
    if plan.end is PlanEnd.HORIZON:
        return plan.until
    return plan.ending.next_date or plan.ending.today


def _ticks(first: date, last: date) -> tuple[list[date], list[str]]:
    """Mondays over ten weeks or less, else the first of every month or few months."""
    span = (last - first).days
    if span <= 70:
        monday = first - timedelta(days=first.weekday())
        days = [monday + timedelta(weeks=n) for n in range(span // 7 + 2)]
        return days, [f"{d:%b} {d.day}" for d in days]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = -(-months // 12)
    index = first.year * 12 + first.month - 1
    days = [date(i // 12, i % 12 + 1, 1) for i in range(index, index + months + 1, step)]
    return days, [f"{d:%b %Y}" for d in days]


def _draw(ax: Axes, row: int, plan: Plan) -> None:
    end = _end_day(plan)
    ax.hlines(row, plan.today.toordinal(), end.toordinal(), colors="lightgray", zorder=0)
    for contact in plan.contacts:
        ax.plot(
            [contact.on.toordinal()],
            [row],
            marker=_MARKERS[contact.purpose],
            color=_COLORS[contact.channel],
            markeredgecolor="black",
            linestyle="none",
            zorder=2,
        )
    ax.plot([end.toordinal()], [row], marker=_END_MARKERS[plan.end], color="black", markersize=9)
    ax.annotate(
        _END_WORDS[plan.end],
        (end.toordinal(), row),
        xytext=(6, 5),
        textcoords="offset points",
        fontsize="small",
    )


def _legends(ax: Axes, plans: dict[str, Plan], *, x: float) -> None:
    """Two keys on ``ax`` from ``x`` (in its width) on, each titled: the purpose by shape (in
    white, so shape alone tells it), the channel by colour; only what was drawn."""
    from matplotlib.lines import Line2D

    contacts = [contact for plan in plans.values() for contact in plan.contacts]
    if not contacts:
        return
    purposes = [p for p in Purpose if any(c.purpose is p for c in contacts)]
    channels = [c for c in Channel if any(contact.channel is c for contact in contacts)]
    shapes = [
        Line2D([], [], marker=_MARKERS[p], color="white", markeredgecolor="black",
               linestyle="none", label=_PURPOSE_WORDS[p])
        for p in purposes
    ]  # fmt: skip
    colours = [
        Line2D([], [], marker="s", color=_COLORS[c], markeredgecolor="black",
               linestyle="none", label=c.value)
        for c in channels
    ]  # fmt: skip
    keys = [
        ax.legend(
            handles=handles,
            title=title,
            loc="upper left",
            bbox_to_anchor=(x, top),
            fontsize="small",
            title_fontsize="small",
        )
        for handles, title, top in ((shapes, "Purpose", 1.0), (colours, "Channel", 0.45))
    ]
    ax.add_artist(keys[0])  # a new legend replaces the Axes' legend: keep the first as an artist


def _assumption(plans: dict[str, Plan]) -> str:
    """The what-if the plans were made under, in words, for the title."""
    made = {(plan.assume, plan.replies) for plan in plans.values()}
    if len(made) > 1:
        return "under several what-ifs"
    [(assume, replies)] = made
    what = f"assuming every contact ends {assume.value}" if assume else "assuming nobody answers"
    return what + (", with a reply each time" if replies else "")


def plot_plans(
    plans: Mapping[str, Plan], *, ax: Axes | None = None, application: str | None = None
) -> Axes:
    """Draw each plan as a row of ``ax`` (a new figure's when None), labelled by its key.

    A marker's shape is the contact's purpose and its colour the channel, each with its own
    titled key; a cross marks where the rules end a plan (stop, done, blocked, no message
    left), a bar where the horizon, the contact limit or the holiday data cut it, and a question
    mark where the document gives no time for the next contact, each with the reason in words;
    a dashed line marks today. The title names ``application`` (when given) and the what-if the
    plans assume. Returns the Axes; needs the ``plot`` extra (matplotlib).
    """
    checked = _checked(plans)
    with requires_extra("plot", needed_by="plot_plans()"):
        from matplotlib.axes import Axes

    if ax is None:
        import matplotlib.pyplot as plt

        # The keys get an Axes of their own, so that the layout leaves room for both.
        height = max(2.6, 1.2 + 0.6 * len(checked))
        _, (ax, keys) = plt.subplots(
            1, 2, figsize=(10, height), width_ratios=(4, 1), layout="constrained"
        )
        keys.axis("off")
        _legends(keys, checked, x=0.0)
    elif not isinstance(ax, Axes):
        raise InvalidArgumentError(f"ax={ax!r}: expected a matplotlib Axes or None")
    else:
        _legends(ax, checked, x=1.0)
    for row, plan in enumerate(checked.values()):
        _draw(ax, row, plan)
    ax.set_yticks(range(len(checked)), labels=list(checked))
    ax.set_ylim(len(checked) - 0.5, -0.5)
    first = min(plan.today for plan in checked.values())
    last = max(_end_day(plan) for plan in checked.values())
    ticks, labels = _ticks(first, last)
    ax.set_xticks([d.toordinal() for d in ticks], labels=labels)
    ax.set_xlim(first.toordinal() - 2, last.toordinal() + 10)
    ax.axvline(first.toordinal(), color="gray", linestyle="--", linewidth=1, zorder=1)
    ax.annotate(
        "today",
        (first.toordinal(), 0),
        xycoords=("data", "axes fraction"),
        xytext=(3, 3),
        textcoords="offset points",
        fontsize="small",
        color="dimgray",
    )
    about = f" for {application}" if application else ""
    ax.set_title(f"Planned contacts{about}, {_assumption(checked)}")
    return ax
