"""A poll's results: counts per option, the response rate, comments, and a bar chart."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Delivery, DeliveryStatus, Poll, PollChoice, PollOption, PollVote
from bot.services.polls.store import get
from bot.texts import DEFAULT_LANGUAGE, t


@dataclass(frozen=True)
class Results:
    """How a poll stands: votes per option, who answered, who got it, and the comments."""

    poll: Poll
    counts: list[tuple[PollOption, int]]
    voters: int
    recipients: int  # deliveries sent
    comments: list[str]

    def percent(self, count: int) -> float:
        """The share of voters (0–100) behind a count; 0 when nobody has answered."""
        return 100.0 * count / self.voters if self.voters else 0.0

    @property
    def response_rate(self) -> float:
        """Voters per recipient (0–1, 0 when nobody got it yet; capped at 1)."""
        return min(1.0, self.voters / self.recipients) if self.recipients else 0.0


async def results(session: AsyncSession, poll_id: int) -> Results:
    """Count the poll's votes; comments come in a fixed, time-independent order."""
    poll = await get(session, poll_id)
    per_option = dict(
        (
            await session.execute(
                select(PollChoice.option_id, func.count(PollChoice.id))
                .join(PollVote, PollVote.id == PollChoice.vote_id)
                .where(PollVote.poll_id == poll_id)
                .group_by(PollChoice.option_id)
            )
        ).all()
    )
    voters = await session.scalar(
        select(func.count(PollVote.id)).where(PollVote.poll_id == poll_id)
    )
    recipients = 0
    if poll.campaign_id is not None:
        recipients = (
            await session.scalar(
                select(func.count(Delivery.id)).where(
                    Delivery.campaign_id == poll.campaign_id,
                    Delivery.status == DeliveryStatus.SENT,
                )
            )
            or 0
        )
    # Sorted by text, not by time or row id, so an anonymous comment cannot be matched to
    # the moment someone was seen answering.
    stored = await session.scalars(
        select(PollVote.comment).where(PollVote.poll_id == poll_id, PollVote.comment.is_not(None))
    )
    comments = sorted((text for text in stored if text), key=str.casefold)
    return Results(
        poll=poll,
        counts=[(option, int(per_option.get(option.id, 0))) for option in poll.options],
        voters=int(voters or 0),
        recipients=int(recipients),
        comments=comments,
    )


@dataclass(frozen=True)
class ChartLabels:
    """The chart's words, from the catalogue in the reader's language."""

    axis: str  # e.g. "Antal svar"
    footer: str  # e.g. "12 av 40 har svarat (30 %)"
    bar: str  # str.format with count and percent, e.g. "{count} ({percent} %)"


def chart_labels(results: Results, lang: str = DEFAULT_LANGUAGE) -> ChartLabels:
    """The chart's words for these results in a language."""
    rate = f"{100 * results.response_rate:.0f}"
    return ChartLabels(
        axis=t("poll_chart_axis", lang),
        footer=t(
            "poll_chart_footer",
            lang,
            voters=results.voters,
            recipients=results.recipients,
            rate=rate,
        ),
        bar=t("poll_chart_votes", lang),
    )


def _plain(text: str) -> str:
    """Text shown as written: matplotlib reads "$...$" as mathematics."""
    return text.replace("$", r"\$")


def chart_png(results: Results, *, title: str, labels: ChartLabels) -> bytes:
    """A horizontal bar chart of the counts with count and percentage per bar (PNG bytes)."""
    rows = list(reversed(results.counts))  # the first option at the top
    names = [_plain("\n".join(textwrap.wrap(option.text, 40))) or " " for option, _ in rows]
    values = [count for _, count in rows]
    figure = Figure(figsize=(8, 1.6 + 0.6 * len(rows)), dpi=110, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bars = axes.barh(range(len(rows)), values, color="#2f6db5")
    axes.set_yticks(range(len(rows)), labels=names)
    axes.bar_label(
        bars,
        labels=[
            _plain(labels.bar).format(count=count, percent=f"{results.percent(count):.0f}")
            for count in values
        ],
        padding=4,
    )
    axes.set_xlim(0, max([*values, 1]) * 1.3)  # room for the labels, also with no votes
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(_plain(labels.axis))
    axes.spines[["top", "right"]].set_visible(False)
    figure.suptitle(_plain("\n".join(textwrap.wrap(title, 60))), x=0.02, ha="left")
    figure.supxlabel(_plain(labels.footer), fontsize="small", color="#555555")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
