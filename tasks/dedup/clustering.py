"""Greedy complete-linkage clustering of event mentions in report order (the tests that score a pair of
mentions are in tasks/dedup/events.py, read through the module so the real-set ablations can swap them).

A mention may join a cluster only if it matches ALL its members (its score is the worst pair's); the
article's best (mention, cluster) pair is placed first (equal fits: the event nearest its date), each cluster
takes at most one mention of the article; a leftover mention, or an undated one whose week covers its
sibling's event, joins the event its sibling joined when it is a second coding of it, else it founds its own; a vague mention that fits nothing joins the one event it can be. Clusters are indexed by
(state, day) for every day their members' date periods cover, and by day alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tasks.dedup import events as scoring
from tasks.dedup.events import Mention


def _closeness(a: Mention, b: Mention) -> tuple[int, float]:
    """How near two mentions came to one event: the tests passed, then the product of their scores."""
    if a.article_id == b.article_id:
        return (-1, 0.0)
    passed, product = 0, 1.0
    for value in scoring.pair_factors(a, b).values():
        if value > 0:
            passed, product = passed + 1, product * value
    return passed, product


def cluster_id_for(founder_event_id: str) -> str:
    return hashlib.sha256(f"event-cluster|{founder_event_id}".encode()).hexdigest()[:32]


@dataclass(eq=False, slots=True)
class Cluster:
    cluster_id: str
    members: list[Mention] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)   # each member's join score (1.0 for the founder)
    articles: set[str] = field(default_factory=set)
    rules: list[str] = field(default_factory=list)      # each member's deciding factors ("founder" first)

    def score(self, mention: Mention) -> float:
        if mention.article_id in self.articles:
            return 0.0
        worst = 1.0
        for member in self.members:
            worst = min(worst, scoring.pair_score(member, mention))
            if worst < scoring.MIN_SCORE:
                return 0.0
        return worst

    def sole_candidate_score(self, mention: Mention) -> float:
        if mention.article_id in self.articles:
            return 0.0
        return min(scoring.sole_candidate_score(member, mention) for member in self.members)

    def day_gap(self, mention: Mention) -> int:
        """Days between `mention`'s date and the nearest member's: what decides between events it fits equally."""
        if not scoring.NEAREST_DAY_FIRST:
            return 0
        dated = [m for m in self.members if m.lo == m.hi] or self.members  # the day-precise reports tell its day
        return min(abs(member.day - mention.day) for member in dated)

    def nearest_member(self, mention: Mention) -> tuple[tuple[int, float], Mention]:
        """The member that kept `mention` out (the worst pair), with how near that pair came."""
        return min(((_closeness(member, mention), member) for member in self.members), key=lambda pair: pair[0])

    def join_rule(self, mention: Mention) -> str:
        """The factors of the worst pair `mention` makes with a member: the pair that decided the join."""
        worst = min(self.members, key=lambda member: scoring.pair_score(member, mention))
        return f"with {worst.event_id[:12]}: {scoring.pair_rule(worst, mention)}"


class Clustering:
    """Greedy complete-linkage clustering with a (state, day) block index."""

    def __init__(self) -> None:
        self.clusters: dict[str, Cluster] = {}
        self._by_state_day: dict[tuple[str | None, int], list[Cluster]] = {}
        self._by_day: dict[int, list[Cluster]] = {}

    def add(self, mention: Mention, cluster_id: str | None = None, score: float = 1.0,
            rule: str = "founder") -> Cluster:
        """Put `mention` into cluster `cluster_id` (a new one if None), without testing it."""
        cid = cluster_id or cluster_id_for(mention.event_id)
        cluster = self.clusters.get(cid)
        if cluster is None:
            cluster = self.clusters[cid] = Cluster(cid)
        cluster.members.append(mention)
        cluster.scores.append(score)
        cluster.rules.append(rule)
        cluster.articles.add(mention.article_id)
        for day in range(mention.lo, mention.hi + 1):
            for bucket in (self._by_state_day.setdefault((mention.state, day), []), self._by_day.setdefault(day, [])):
                if not any(c is cluster for c in bucket[-4:]):  # members of one cluster arrive together
                    bucket.append(cluster)
        return cluster

    def candidates(self, mention: Mention) -> list[Cluster]:
        seen: dict[str, Cluster] = {}
        for day in range(mention.lo - 1, mention.hi + 2):  # a day-precise neighbour may be one day off
            buckets = ([self._by_day.get(day, [])] if mention.state is None else
                       [self._by_state_day.get((mention.state, day), []), self._by_state_day.get((None, day), [])])
            for bucket in buckets:
                for cluster in bucket:
                    seen.setdefault(cluster.cluster_id, cluster)
        return list(seen.values())

    def place_article(self, mentions: Sequence[Mention]) -> None:
        """Place one article's mentions together: the best (mention, cluster) pair first, each cluster
        taking at most one of them; the rest found new clusters. Ties: the cluster whose date is nearest the
        mention's (an undated report, dated the day before publication, whose week covers two protests in one
        city tells the latest, not the first one reported), then the earliest-founded, then the mention's order."""
        options = []
        for mention in mentions:
            candidates = self.candidates(mention)
            found = False
            for cluster in candidates:
                score = cluster.score(mention)
                if score >= scoring.MIN_SCORE:
                    options.append((-score, cluster.day_gap(mention), cluster.members[0].order, mention.order,
                                    mention, cluster, ""))
                    found = True
            if not found and mention.depth <= scoring.VAGUE_DEPTH:
                sole = self.sole_candidate(mention, candidates)
                if sole is not None:
                    options.append((-scoring.MIN_SCORE, sole.day_gap(mention), sole.members[0].order, mention.order,
                                    mention, sole, scoring.SOLE_RULE))
        options.sort(key=lambda o: o[:4])
        placed: set[str] = set()
        taken: set[str] = set()
        for negative, _, _, _, mention, cluster, why in options:
            if mention.event_id in placed or cluster.cluster_id in taken:
                continue
            if mention.undated and scoring.UNDATED_SECOND_CODING and self._second_coding_fit(
                    mention, [self.clusters[cid] for cid in taken]) is not None:
                continue  # an undated sentence beside its article's dated news tells that news: placed below
            self.add(mention, cluster.cluster_id, round(-negative, 4), why + cluster.join_rule(mention))
            placed.add(mention.event_id)
            taken.add(cluster.cluster_id)
        joined = [self.clusters[cid] for cid in taken]
        for mention in mentions:
            if mention.event_id not in placed:
                self.place_second_coding(mention, joined)

    def place_second_coding(self, mention: Mention, joined: Sequence[Cluster]) -> None:
        """A mention left over once each event took one mention of its article joins the event a sibling
        mention joined when it is a second coding of that event: it passes every test with the sibling on the
        same day and at the same place, with a compatible type: "an air strike" and "an attack on the camp" in one report)
        and with every other member. Founding an event of its own instead would split the real event in two,
        as later reports then choose between the two halves (measured on the Laiza camp shelling, coded as an
        air strike and as an attack by one outlet). Otherwise it founds its own event."""
        best = self._second_coding_fit(mention, joined)
        if best is None:
            self.add(mention, rule=self.founder_rule(mention))
            return
        score, cluster, sibling = best
        self.add(mention, cluster.cluster_id, round(score, 4),
                 f"{scoring.SECOND_CODING_RULE}with {sibling.event_id[:12]}: {scoring.pair_rule(sibling, mention)}")

    @staticmethod
    def _second_coding_fit(mention: Mention, joined: Sequence[Cluster]) -> tuple[float, Cluster, Mention] | None:
        """The best event of `joined` (events the article's other mentions joined) that `mention` is a second
        coding of, with its score and the sibling mention; None when it is a second coding of none."""
        best: tuple[float, Cluster, Mention] | None = None
        for cluster in joined:
            siblings = [m for m in cluster.members if m.article_id == mention.article_id]
            others = [m for m in cluster.members if m.article_id != mention.article_id]
            score = min([scoring.second_coding_score(s, mention) for s in siblings] + [scoring.pair_score(m, mention) for m in others])
            if score >= scoring.MIN_SCORE and (best is None or score > best[0]):
                best = (score, cluster, siblings[0])
        return best

    @staticmethod
    def sole_candidate(mention: Mention, candidates: Sequence[Cluster]) -> Cluster | None:
        """The one earlier event a vague mention (no place finer than its state) can be, when exactly one on
        its days and in its state passes every test but the place: "an air strike in Sagaing Region on
        Tuesday" is the strike in Pale township that day if no other strike in Sagaing was reported then.
        With two or more such events the vague report could be either, so it stays apart (an event split
        in two is less harmful than an attack hidden inside another)."""
        fits = [c for c in candidates if c.sole_candidate_score(mention) >= scoring.MIN_SCORE]
        return fits[0] if len(fits) == 1 else None

    def founder_rule(self, mention: Mention) -> str:
        """Why a mention founds its own event: "founder" when no earlier event is on its days and state, else
        the test that split it from the nearest one ("founder; apart from 3f2a9c1e0b7d (with 9e1f...: type=1
        date=0 place=0.4 actors=1)"), so an analyst sees why two reports of one attack were counted twice."""
        nearest = None
        for cluster in self.candidates(mention):
            closeness, member = cluster.nearest_member(mention)
            if nearest is None or closeness > nearest[0]:
                nearest = (closeness, cluster, member)
        if nearest is None:
            return "founder"
        closeness, cluster, member = nearest
        why = "same article" if closeness[0] < 0 else scoring.pair_rule(member, mention)
        if closeness[0] == 4 and closeness[1] >= scoring.MIN_SCORE:
            why += "; that event took another mention of this article"
        return f"founder; apart from {cluster.cluster_id[:12]} (with {member.event_id[:12]}: {why})"


def cluster_mentions(fixed: Iterable[tuple[Mention, str, float, str]], replay: Sequence[Mention]) -> Clustering:
    """Rebuild the clusters of already-decided mentions (in report order), then place `replay` in order."""
    clustering = Clustering()
    for mention, cluster_id, score, rule in fixed:
        clustering.add(mention, cluster_id, score, rule)
    ordered = sorted(replay, key=lambda m: m.order)
    start = 0
    for end in range(1, len(ordered) + 1):
        if end == len(ordered) or ordered[end].article_id != ordered[start].article_id:
            clustering.place_article(ordered[start:end])
            start = end
    return clustering
