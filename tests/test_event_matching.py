"""When two event mentions are one event (tasks/dedup/events.py): the matching rules on invented rows."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from tasks.dedup.clustering import cluster_mentions
from tasks.dedup.events import MIN_SCORE, make_mention, pair_rule, pair_score

NOON = datetime(2024, 6, 28, 6, 0, tzinfo=timezone.utc)  # 12:30 in Myanmar
KYAUKME = {"place_id": "MMR015012", "location": "Kyaukme", "admin3": "Kyaukme", "admin3_pcode": "MMR015012",
           "admin2_pcode": "MMR015D004", "admin1": "Shan State (North)", "admin1_pcode": "MMR015", "country_iso": "MMR"}
TYPES = {"Armed clash": "Battles", "Air/drone strike": "Explosions/Remote violence",
         "Shelling/artillery/missile attack": "Explosions/Remote violence"}


def _mention(article: str, day: date, published: datetime, precision: int = 1, date_text: str | None = "on Friday",
             sub: str = "Armed clash", place: dict | None = None, actor2: str = "TNLA", inter2: int = 2,
             actor2_id: str | None = None):
    row = {"event_id": f"{article}-e", "article_id": article, "event_date": day, "time_precision": precision,
           "date_text": date_text, "event_type": TYPES[sub], "sub_event_type": sub,
           "actor1": "Military Forces of Myanmar (2021-)", "actor1_id": "mil", "inter1": 1,
           "actor2": actor2, "actor2_id": actor2_id or actor2.lower(), "inter2": inter2, **(place or KYAUKME)}
    return make_mention(row, published)


def test_a_month_period_ends_on_the_day_its_article_was_published() -> None:
    # Published on the 27th: "fighting broke out in Kyaukme this month" cannot tell of a clash on the 28th ...
    this_month = _mention("a1", date(2024, 6, 14), NOON - timedelta(days=1), precision=3, date_text="this month")
    next_day = _mention("a2", date(2024, 6, 28), NOON)
    assert pair_score(this_month, next_day) == 0.0
    clustering = cluster_mentions([], [this_month, next_day])
    assert len(clustering.clusters) == 2
    # ... but still covers a clash earlier in the month.
    earlier = _mention("a3", date(2024, 6, 20), NOON)
    assert pair_score(this_month, earlier) >= MIN_SCORE and "date=0.7" in pair_rule(this_month, earlier)


def test_the_publication_day_is_the_day_in_myanmar() -> None:
    # 20:00 UTC on the 27th is the morning of the 28th in Myanmar: a week period may reach the 28th.
    late = datetime(2024, 6, 27, 20, 0, tzinfo=timezone.utc)
    past_week = _mention("a1", date(2024, 6, 28), late, precision=2, date_text=None)
    same_day = _mention("a2", date(2024, 6, 28), NOON)
    assert pair_score(past_week, same_day) >= MIN_SCORE


def test_unidentified_gunmen_contradict_no_named_group() -> None:
    # "Unknown gunmen shot two men in Kyaukme on Friday" and "TNLA fighters killed two men ..." may be one
    # attack; a TNLA report and a KIA report of the same day are still two groups' attacks.
    unknown = _mention("a1", date(2024, 6, 28), NOON, actor2="Unidentified Armed Group (Myanmar)", inter2=3,
                       actor2_id="unidentified_armed_group")
    named = _mention("a2", date(2024, 6, 28), NOON)
    other = _mention("a3", date(2024, 6, 28), NOON, actor2="KIA", inter2=2)
    assert pair_score(unknown, named) >= MIN_SCORE
    assert pair_score(named, other) == 0.0
