"""A small team-written news site for pipeline tests: one RSS feed, N article pages, robots.txt."""

from __future__ import annotations

from tests.loopback import LoopbackSite

PLACES = [("Kani", "Sagaing"), ("Hpakant", "Kachin"), ("Kyauktaw", "Rakhine"), ("Demoso", "Kayah"),
          ("Myawaddy", "Kayin"), ("Gangaw", "Magway"), ("Lashio", "Shan"), ("Falam", "Chin")]
ACTORS = ["the People's Defence Force", "the Kachin Independence Army", "the Arakan Army", "the Karenni Army",
          "the Karen National Liberation Army", "local resistance fighters", "the MNDAA", "the Chin National Army"]


def story(index: int) -> tuple[str, list[str]]:
    """Headline and paragraphs of the index-th story, varied by place and actor."""
    town, region = PLACES[index % len(PLACES)]
    actor = ACTORS[index % len(ACTORS)]
    killed = 3 + index % 9
    title = f"Junta airstrike kills {killed} in {town} as fighting with {actor.removeprefix('the ')} spreads"
    paragraphs = [
        f"Military aircraft bombed a village in {town} Township, {region}, on Tuesday, killing {killed} "
        f"civilians and wounding at least {index + 4} others, residents and {actor} said on Wednesday.",
        f"The strike came two days after {actor} attacked a junta outpost near {town}, a resident who "
        "asked not to be named said. Several houses and a school were destroyed in the bombing.",
        f"More than {1000 + 250 * index} people have fled the area since the fighting began, according to "
        "local aid groups, who said food and medicine were running short in the camps.",
        "The regime's information team did not respond to requests for comment. State media said troops "
        "had repelled an attack by 'terrorists' in the area but did not mention civilian casualties.",
    ]
    return title, paragraphs


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><div class="cookie">We use cookies. Accept</div><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1><p class="byline">By Staff Reporter</p>{body}</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Rice prices rise again in Yangon</a></li></ul></aside>
<footer>Copyright 2024 Test Outlet. All rights reserved.</footer></body></html>""".encode()


def serve_news(site: LoopbackSite, count: int, feed_path: str = "/feed") -> list[str]:
    """Register the feed and its pages on site; returns the article paths."""
    paths, items = [], []
    for index in range(count):
        title, paragraphs = story(index)
        path = f"/news/2024/01/story-{index}.html"
        site.static(path, page(title, paragraphs))
        paths.append(path)
        items.append(f"<item><title>{title}</title><link>{site.base_url}{path}?utm_source=rss</link>"
                     f"<guid>{site.base_url}{path}</guid><pubDate>Wed, 10 Jan 2024 0{index % 10}:00:00 GMT</pubDate>"
                     f"<description>{paragraphs[0]}</description></item>")
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Outlet</title>{"".join(items)}</channel></rss>'
    site.static(feed_path, feed.encode(), "application/rss+xml", ETag='"feed-v1"')
    site.static("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
    return paths
