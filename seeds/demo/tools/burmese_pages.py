"""Pages of the demo's Burmese outlets: Mye Thin News (Unicode) and Taung Tan Voice, which still serves
Zawgyi, the pre-2019 font encoding many Burmese sites kept. The article sources stay Unicode; what is
served for a Zawgyi outlet (page text, feed titles and summaries) is converted here, so the tracker's
Zawgyi detection and conversion (tasks/burmese.py) have real work to do."""

from __future__ import annotations

from html import escape

from demo_model import OUTLETS, Article, feed_for_outlet

B = "{{BASE}}"


def served_text(outlet: str, text: str) -> str:
    """The text as the outlet serves it: Zawgyi for a Zawgyi outlet, else unchanged."""
    if OUTLETS[outlet].encoding != "zawgyi" or not text:
        return text
    from myanmar.converter import convert

    return convert(text, "unicode", "zawgyi")


def _paragraphs(a: Article) -> str:
    out = []
    for p in a.body:
        if p.startswith("## "):
            out.append(f"<h3>{escape(served_text(a.outlet, p[3:]))}</h3>")
        else:
            out.append(f"<p>{escape(served_text(a.outlet, p))}</p>")
    return "\n".join(out)


def burmese_news(a: Article, related: list[Article]) -> str:
    """A small Burmese news site: header, menu, headline, byline, body, related links, footer."""
    outlet = OUTLETS[a.outlet]
    feed = feed_for_outlet(a.outlet)
    t = lambda s: escape(served_text(a.outlet, s))  # noqa: E731 - one-line helper for the template
    items = "\n".join(f'<li><a href="{B}{r.path}">{t(r.title)}</a></li>' for r in related)
    comments = "\n".join(f'<div class="comment"><b>{t(n)}</b><p>{t(c)}</p></div>' for n, c in a.comments)
    return f"""<!DOCTYPE html>
<html lang="my">
<head>
<meta charset="utf-8">
<title>{t(a.title)} | {escape(outlet.name)}</title>
<meta name="description" content="{t(a.description)}">
<meta name="author" content="{escape(a.author)}">
<link rel="canonical" href="{B}{a.path}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{escape(outlet.name)}">
<meta property="og:title" content="{t(a.title)}">
<meta property="article:published_time" content="{a.published.isoformat()}">
<link rel="alternate" type="application/rss+xml" title="{escape(feed.name)}" href="{B}{feed.path}">
</head>
<body>
<div class="cookie-notice">{t("ဤဝဘ်ဆိုက်သည် cookie များကို အသုံးပြုပါသည်။")} <button>OK</button></div>
<header class="top"><a href="{B}/{a.outlet}/">{escape(outlet.name)}</a><p>{t(outlet.domain_blurb)}</p></header>
<nav><ul><li><a href="{B}/{a.outlet}/">{t("ပင်မစာမျက်နှာ")}</a></li><li><a href="{B}/{a.outlet}/news/">{t("သတင်း")}</a></li></ul></nav>
<main>
<article>
<h1>{t(a.title)}</h1>
<div class="byline">{escape(a.author)} · <time datetime="{a.published.isoformat()}">{a.published:%Y-%m-%d}</time></div>
<figure><img src="{B}/static/photo.svg" alt=""><figcaption>{t(a.photo)}</figcaption></figure>
<div class="entry-content">
<p class="dateline">{t(a.dateline)}</p>
{_paragraphs(a)}
</div>
</article>
<aside class="related"><h4>{t("ဆက်စပ်သတင်းများ")}</h4><ul>
{items}
</ul></aside>
<section class="comments"><h4>{t("မှတ်ချက်များ")} ({len(a.comments)})</h4>
{comments}
</section>
<div class="newsletter"><h4>{t("သတင်းလွှာ")}</h4><form><input type="email"><button>{t("စာရင်းသွင်းရန်")}</button></form></div>
</main>
<footer><p>&copy; 2025 {escape(outlet.name)}</p></footer>
</body>
</html>
"""


BURMESE_TEMPLATES = {slug: burmese_news for slug, o in OUTLETS.items() if o.language == "my"}
