"""HTML page templates, one per demo outlet, each with its own markup like real news sites.

The article text is the only part that should survive cleaning; everything else here (menus,
breadcrumbs, share buttons, related links, cookie banners, newsletter boxes, comments, footers) is
the boilerplate the cleaner has to drop.
"""

from __future__ import annotations

import json
import zlib
from datetime import timedelta
from html import escape

from burmese_pages import BURMESE_TEMPLATES
from demo_model import OUTLETS, Article, feed_for_outlet

B = "{{BASE}}"
_FEED_TYPES = {"rss20": "application/rss+xml", "atom10": "application/atom+xml", "rss10": "application/rdf+xml"}


def _head(a: Article, extra_css: str, jsonld: dict | None) -> str:
    outlet = OUTLETS[a.outlet]
    url = f"{B}{a.path}"
    feed = feed_for_outlet(a.outlet)
    ld = ""
    if jsonld is not None:
        ld = f'<script type="application/ld+json">{json.dumps(jsonld, ensure_ascii=False)}</script>\n'
    tags = "".join(f'<meta property="article:tag" content="{escape(t)}">\n' for t in a.tags)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(a.title)} | {escape(outlet.name)}</title>
<meta name="description" content="{escape(a.description)}">
<meta name="author" content="{escape(a.author)}">
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{escape(outlet.name)}">
<meta property="og:title" content="{escape(a.title)}">
<meta property="og:description" content="{escape(a.description)}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{B}/static/photo.svg">
<meta property="article:published_time" content="{a.published.isoformat()}">
<meta property="article:section" content="{escape(a.section)}">
{tags}<link rel="stylesheet" href="{B}/static/{extra_css}">
<link rel="alternate" type="{_FEED_TYPES[feed.kind]}" title="{escape(feed.name)}" href="{B}{feed.path}">
{ld}<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}</script>
</head>
"""


def _news_article_ld(a: Article) -> dict:
    return {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
        "description": a.description, "datePublished": a.published.isoformat(),
        "dateModified": (a.published + timedelta(hours=2)).isoformat(),
        "author": [{"@type": "Person", "name": a.author}],
        "publisher": {"@type": "Organization", "name": OUTLETS[a.outlet].name},
        "mainEntityOfPage": f"{B}{a.path}", "articleSection": a.section, "keywords": ", ".join(a.tags),
    }


def _paragraphs(a: Article, p_attrs: str = "", h_tag: str = "h2") -> str:
    out = []
    for block in a.body:
        if block.startswith("## "):
            out.append(f"<{h_tag}>{escape(block[3:])}</{h_tag}>")
        else:
            out.append(f"<p{p_attrs}>{escape(block)}</p>")
    return "\n".join(out)


def _comment_time(a: Article, i: int) -> str:
    return (a.published + timedelta(hours=3 + 5 * i)).strftime("%d %b %Y %H:%M")


def _related_items(related: list[Article]) -> str:
    return "\n".join(f'<li><a href="{B}{r.path}">{escape(r.title)}</a></li>' for r in related)


def _tag_slug(tag: str) -> str:
    return tag.lower().replace(" ", "-")


def _date_human(a: Article) -> str:
    return f"{a.published:%B} {a.published.day}, {a.published:%Y}"


def irrawaddy_chronicle(a: Article, related: list[Article]) -> str:
    """A WordPress-style theme: entry-header, entry-content, sharedaddy, comment-list, widgets."""
    comments = "\n".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<b class="fn">{escape(n)}</b> <time>{_comment_time(a, i)}</time></footer>'
        f'<div class="comment-content"><p>{escape(t)}</p></div>'
        f'<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></article></li>'
        for i, (n, t) in enumerate(a.comments))
    tags = " ".join(f'<a href="{B}/irrawaddy-chronicle/tag/{_tag_slug(t)}/" rel="tag">{escape(t)}</a>'
                    for t in a.tags)
    return _head(a, "chronicle.css", _news_article_ld(a) if a.jsonld else None) + f"""<body class="post-template-default single single-post">
<div id="cookie-notice" class="cookie-notice" role="dialog"><p>We use cookies to understand how our journalism is read and to keep the site free. By continuing you accept our <a href="{B}/irrawaddy-chronicle/privacy/">privacy policy</a>.</p><button>Accept all</button> <button>Only necessary</button></div>
<header id="masthead" class="site-header">
<div class="site-branding"><a href="{B}/irrawaddy-chronicle/" rel="home"><img src="{B}/static/photo.svg" alt="Irrawaddy Chronicle"></a><p class="site-description">{escape(OUTLETS[a.outlet].domain_blurb)}</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li><a href="{B}/irrawaddy-chronicle/">Home</a></li><li><a href="{B}/irrawaddy-chronicle/category/news/">News</a></li><li><a href="{B}/irrawaddy-chronicle/category/conflict/">Conflict</a></li><li><a href="{B}/irrawaddy-chronicle/category/business/">Business</a></li><li><a href="{B}/irrawaddy-chronicle/category/sport/">Sport</a></li><li><a href="{B}/irrawaddy-chronicle/category/opinion/">Opinion</a></li><li><a href="{B}/irrawaddy-chronicle/category/lifestyle/">Lifestyle</a></li><li><a href="{B}/irrawaddy-chronicle/burmese/">Burmese edition</a></li>
</ul></nav>
</header>
<div id="content" class="site-content">
<nav class="breadcrumbs" aria-label="breadcrumb"><a href="{B}/irrawaddy-chronicle/">Home</a> &raquo; <a href="{B}/irrawaddy-chronicle/category/{a.section.lower()}/">{escape(a.section)}</a> &raquo; <span>{escape(a.title)}</span></nav>
<main id="main" class="site-main">
<article id="post-{zlib.crc32(a.slug.encode()) % 90000 + 10000}" class="post type-post status-publish format-standard has-post-thumbnail">
<header class="entry-header">
<h1 class="entry-title">{escape(a.title)}</h1>
<div class="entry-meta"><span class="byline">By <span class="author vcard"><a class="url fn n" href="{B}/irrawaddy-chronicle/author/{_tag_slug(a.author)}/">{escape(a.author)}</a></span></span> <span class="posted-on"><time class="entry-date published" datetime="{a.published.isoformat()}">{_date_human(a)}</time></span></div>
</header>
<figure class="wp-block-image size-large"><img src="{B}/static/photo.svg" alt="{escape(a.photo)}"><figcaption>{escape(a.photo)}</figcaption></figure>
<div class="entry-content">
<p class="dateline"><strong>{escape(a.dateline)}</strong> &mdash;</p>
{_paragraphs(a, h_tag="h3")}
</div>
<footer class="entry-footer"><span class="tags-links">Tags: {tags}</span></footer>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-facebook" href="#">Facebook</a></li><li><a class="share-twitter" href="#">X</a></li><li><a class="share-telegram" href="#">Telegram</a></li><li><a class="share-print" href="#">Print</a></li></ul></div>
</article>
<aside class="jp-relatedposts"><h3>Related</h3><ul>
{_related_items(related)}
</ul></aside>
<div id="comments" class="comments-area"><h2 class="comments-title">{len(a.comments)} thoughts on &ldquo;{escape(a.title)}&rdquo;</h2>
<ol class="comment-list">
{comments}
</ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><textarea name="comment"></textarea><button>Post Comment</button></form></div>
</div>
</main>
<aside id="secondary" class="widget-area">
<section class="widget widget_newsletter"><h2 class="widget-title">Morning Briefing</h2><p>The day's most important Myanmar stories, in your inbox before breakfast.</p><form><input type="email" placeholder="Email address"><button>Subscribe</button></form></section>
<section class="widget widget_donate"><h2 class="widget-title">Support independent journalism</h2><p>Our reporters work at great personal risk. Become a member from $3 a month.</p></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><nav class="footer-menu"><a href="{B}/irrawaddy-chronicle/about/">About us</a> | <a href="{B}/irrawaddy-chronicle/contact/">Contact</a> | <a href="{B}/irrawaddy-chronicle/ethics/">Code of ethics</a> | <a href="{B}/irrawaddy-chronicle/privacy/">Privacy</a> | <a href="{B}/irrawaddy-chronicle/rss.xml">RSS</a></nav><p class="site-info">&copy; 2025 Irrawaddy Chronicle. All rights reserved.</p></footer>
</body>
</html>
"""


def northern_shan_monitor(a: Article, related: list[Article]) -> str:
    """A Bootstrap-style layout built from divs, with no <article> element and no JSON-LD."""
    comments = "\n".join(
        f'<div class="media comment"><div class="media-body"><h5 class="mt-0">{escape(n)} '
        f'<small class="text-muted">{_comment_time(a, i)}</small></h5>{escape(t)}</div></div>'
        for i, (n, t) in enumerate(a.comments))
    return _head(a, "monitor.css", _news_article_ld(a) if a.jsonld else None) + f"""<body>
<div class="gdpr-consent fixed-bottom"><div class="container"><span>This website uses cookies. Some are essential, others help us improve your experience.</span> <a class="btn btn-sm btn-light" href="#">Settings</a> <a class="btn btn-sm btn-primary" href="#">OK</a></div></div>
<div class="topbar"><div class="container"><span class="date-today">Northern Shan Monitor</span> <a href="{B}/northern-shan-monitor/shan/">ၵႂၢမ်းတႆး</a> <a href="{B}/northern-shan-monitor/burmese/">မြန်မာ</a> <a href="{B}/northern-shan-monitor/donate/">Donate</a></div></div>
<div class="navbar navbar-expand-lg"><div class="container"><a class="navbar-brand" href="{B}/northern-shan-monitor/">NSM</a>
<div class="navbar-nav"><a class="nav-link" href="{B}/northern-shan-monitor/">Home</a><a class="nav-link" href="{B}/northern-shan-monitor/news/">News</a><a class="nav-link" href="{B}/northern-shan-monitor/lashio/">Lashio</a><a class="nav-link" href="{B}/northern-shan-monitor/kachin/">Kachin</a><a class="nav-link" href="{B}/northern-shan-monitor/economy/">Economy</a><a class="nav-link" href="{B}/northern-shan-monitor/culture/">Culture</a><a class="nav-link" href="{B}/northern-shan-monitor/video/">Video</a></div></div></div>
<div class="container">
<ol class="breadcrumb"><li class="breadcrumb-item"><a href="{B}/northern-shan-monitor/">Home</a></li><li class="breadcrumb-item"><a href="{B}/northern-shan-monitor/news/">{escape(a.section)}</a></li></ol>
<div class="row">
<div class="col-md-8">
<div class="story-header"><span class="badge kicker">{escape(a.section)}</span><h1 class="story-title">{escape(a.title)}</h1>
<p class="story-meta">{escape(a.author)} &middot; <span class="published">{a.published:%d %B %Y}</span></p></div>
<div class="share-bar"><a href="#" class="fb">Share</a> <a href="#" class="tw">Post</a> <a href="#" class="ln">Line</a> <a href="#" class="copy">Copy link</a></div>
<div class="story-photo"><img class="img-fluid" src="{B}/static/photo.svg" alt=""><p class="caption">{escape(a.photo)}</p></div>
<div class="story-body">
<p><b>{escape(a.dateline)}</b> &ndash; {escape(a.body[0])}</p>
{_paragraphs(_rest(a), h_tag="h4")}
</div>
<div class="story-tags">{" ".join(f'<a class="badge" href="{B}/northern-shan-monitor/tag/{_tag_slug(t)}/">#{escape(t)}</a>' for t in a.tags)}</div>
<div class="related"><h3>Read also</h3><ul class="list-unstyled">
{_related_items(related)}
</ul></div>
<section class="reader-comments"><h3>Comments ({len(a.comments)})</h3>
{comments}
<p class="small">Comments are moderated. Be respectful.</p></section>
</div>
<div class="col-md-4 sidebar">
<div class="card"><div class="card-header">Most read</div><ul class="list-group">{_related_items(related[::-1])}</ul></div>
<div class="card newsletter"><div class="card-body"><h5>Get the weekly Shan digest</h5><p>News from Lashio, Muse, Kutkai and beyond, every Friday.</p><input type="email" placeholder="you@example.com"><button class="btn btn-primary">Sign up</button></div></div>
</div>
</div>
</div>
<div class="site-footer"><div class="container"><div class="row"><div class="col"><h6>Northern Shan Monitor</h6><p>{escape(OUTLETS[a.outlet].domain_blurb)}.</p></div><div class="col"><a href="{B}/northern-shan-monitor/about/">About</a><br><a href="{B}/northern-shan-monitor/tips/">Send us a tip</a><br><a href="{B}/northern-shan-monitor/atom.xml">Atom feed</a></div></div><p class="copyright">&copy; Northern Shan Monitor 2025</p></div></div>
</body>
</html>
"""


def _rest(a: Article) -> Article:
    """The article without its first paragraph (the monitor puts the dateline in that paragraph)."""
    return Article(**{**a.__dict__, "body": a.body[1:]})


def mekong_wire(a: Article, related: list[Article]) -> str:
    """A wire agency: microdata article, dateline in the lead, editing credits, sparse chrome."""
    comments = "\n".join(
        f'<li><span class="who">{escape(n)}</span> <span class="when">{_comment_time(a, i)}</span>'
        f'<blockquote>{escape(t)}</blockquote></li>' for i, (n, t) in enumerate(a.comments))
    lead_date = f"{a.published:%b} {a.published.day}"
    return _head(a, "wire.css", _news_article_ld(a) if a.jsonld else None) + f"""<body class="wire">
<div class="consent-bar" id="consent"><span>Mekong Wire and its partners use cookies for analytics and advertising.</span><a href="#" class="consent-accept">I agree</a><a href="#" class="consent-manage">Manage choices</a></div>
<header class="wire-header"><a class="logo" href="{B}/mekong-wire/">MEKONG WIRE</a>
<nav><a href="{B}/mekong-wire/">Top news</a> <a href="{B}/mekong-wire/myanmar/">Myanmar</a> <a href="{B}/mekong-wire/thailand/">Thailand</a> <a href="{B}/mekong-wire/laos-cambodia/">Laos &amp; Cambodia</a> <a href="{B}/mekong-wire/markets/">Markets</a> <a href="{B}/mekong-wire/subscribe/">For clients</a></nav></header>
<p class="crumbs"><a href="{B}/mekong-wire/">Mekong Wire</a> / <a href="{B}/mekong-wire/{a.section.lower()}/">{escape(a.section)}</a></p>
<main>
<article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{escape(a.title)}</h1>
<p class="byline">By <span itemprop="author">{escape(a.author)}</span> &bull; <time itemprop="datePublished" datetime="{a.published.isoformat()}">{a.published:%d %b %Y %H:%M} MMT</time></p>
<figure><img src="{B}/static/photo.svg" alt="{escape(a.photo)}"><figcaption>{escape(a.photo)} (Mekong Wire)</figcaption></figure>
<section itemprop="articleBody" class="wire-body">
<p>{escape(a.dateline)}, {lead_date} (Mekong Wire) - {escape(a.body[0])}</p>
{_paragraphs(_rest(a), h_tag="h3")}
<p class="credits">(Reporting by {escape(a.author)}; Editing by Mekong Wire regional desk)</p>
</section>
</article>
<div class="wire-share">Share: <a href="#">Email</a> <a href="#">X</a> <a href="#">LinkedIn</a></div>
<section class="more-from-wire"><h2>More from Mekong Wire</h2><ol>
{_related_items(related)}
</ol></section>
<section class="discussion"><h2>Discussion</h2><ul class="comments">
{comments}
</ul></section>
<aside class="briefing"><h2>Mekong Morning</h2><p>Our free newsletter for professionals following the region. Sign up in one click.</p><a href="{B}/mekong-wire/newsletter/">Subscribe</a></aside>
</main>
<footer class="wire-footer"><p>All quotes delayed a minimum of 15 minutes. &copy; 2025 Mekong Wire. <a href="{B}/mekong-wire/terms/">Terms</a> &middot; <a href="{B}/mekong-wire/accessibility/">Accessibility</a> &middot; <a href="{B}/mekong-wire/index.rdf">RDF feed</a> &middot; <a href="{B}/mekong-wire/careers/">Careers</a></p></footer>
</body>
</html>
"""


def asia_desk_daily(a: Article, related: list[Article]) -> str:
    """A big general news portal: ticker, standfirst, inline promo inside the body, Disqus-like comments."""
    comments = "\n".join(
        f'<div class="post"><div class="post-author">{escape(n)}</div><div class="post-meta">'
        f'{_comment_time(a, i)}</div><div class="post-message">{escape(t)}</div>'
        f'<div class="post-actions">Like &middot; Reply</div></div>' for i, (n, t) in enumerate(a.comments))
    body = _paragraphs(a, p_attrs=' class="para"')
    promo = (f'<div class="inline-promo"><strong>Read more:</strong> <a href="{B}{related[0].path}">'
             f'{escape(related[0].title)}</a></div>') if related else ""
    # The promo box sits inside the article text, after the third paragraph, as on many portals.
    parts = body.split("\n")
    body = "\n".join(parts[:3] + [promo] + parts[3:])
    ld = None
    if a.jsonld:
        article_ld = {k: v for k, v in _news_article_ld(a).items() if k != "@context"}
        ld = {"@context": "https://schema.org",
              "@graph": [{"@type": "WebPage", "@id": f"{B}{a.path}", "name": a.title}, article_ld]}
    return _head(a, "desk.css", ld) + f"""<body class="article-page">
<div id="cookie-modal" class="modal"><div class="modal-box"><h2>Your privacy</h2><p>We and our 143 partners store and access information on your device for personalised ads and content, ad and content measurement, audience insights and product development.</p><button class="accept">Accept and continue</button><button class="reject">Reject</button><a href="{B}/asia-desk-daily/cookies/">Cookie policy</a></div></div>
<div id="page">
<header class="masthead"><a class="brand" href="{B}/asia-desk-daily/">Asia Desk Daily</a><div class="edition">International edition</div><a class="subscribe-btn" href="{B}/asia-desk-daily/subscribe/">Subscribe</a></header>
<nav class="primary-nav"><ul><li><a href="{B}/asia-desk-daily/">Home</a></li><li><a href="{B}/asia-desk-daily/world/">World</a></li><li><a href="{B}/asia-desk-daily/world/asia/">Asia</a></li><li><a href="{B}/asia-desk-daily/world/africa/">Africa</a></li><li><a href="{B}/asia-desk-daily/world/europe/">Europe</a></li><li><a href="{B}/asia-desk-daily/business/">Business</a></li><li><a href="{B}/asia-desk-daily/climate/">Climate</a></li><li><a href="{B}/asia-desk-daily/sport/">Sport</a></li><li><a href="{B}/asia-desk-daily/video/">Video</a></li></ul></nav>
<div class="ticker"><span class="label">Latest</span> <a href="{B}/asia-desk-daily/world/">Markets steady as investors await central bank decisions</a></div>
<ol class="breadcrumb"><li><a href="{B}/asia-desk-daily/">Home</a></li><li><a href="{B}/asia-desk-daily/world/">World</a></li><li><a href="{B}/asia-desk-daily/world/{a.section.lower()}/">{escape(a.section)}</a></li></ol>
<div class="article-layout"><div class="article-main">
<h1 class="headline">{escape(a.title)}</h1>
<h2 class="standfirst">{escape(a.description)}</h2>
<div class="byline-block"><span class="author-name">{escape(a.author)}</span><span class="pubdate">Published {_date_human(a)}</span><span class="read-time">{max(1, a.word_count // 220)} min read</span></div>
<div class="share-tools"><button>Share</button><button>Save</button><button>Gift article</button></div>
<figure class="lead-image"><img src="{B}/static/photo.svg" alt=""><figcaption>{escape(a.photo)}</figcaption></figure>
<div class="article-text">
<p class="para"><span class="dateline">{escape(a.dateline)}</span> &mdash;</p>
{body}
</div>
<div class="tags">Topics: {", ".join(f'<a href="{B}/asia-desk-daily/topic/{_tag_slug(t)}/">{escape(t)}</a>' for t in a.tags)}</div>
<section class="recommended"><h3>Recommended for you</h3><ul>
{_related_items(related)}
</ul></section>
<div id="disqus_thread"><h3>{len(a.comments)} Comments</h3>
{comments}
</div>
</div>
<aside class="rail"><div class="newsletter-box"><h4>The Asia Brief</h4><p>Five stories you need to know, every weekday.</p><form><input type="email"><button>Sign up</button></form></div><div class="ad-slot">Advertisement</div></aside>
</div>
<footer class="site-footer"><ul><li><a href="{B}/asia-desk-daily/about/">About us</a></li><li><a href="{B}/asia-desk-daily/contact/">Contact us</a></li><li><a href="{B}/asia-desk-daily/careers/">Work for us</a></li><li><a href="{B}/asia-desk-daily/terms/">Terms of use</a></li><li><a href="{B}/asia-desk-daily/privacy/">Privacy notice</a></li><li><a href="{B}/asia-desk-daily/world/rss.xml">RSS</a></li></ul><p>&copy; 2025 Asia Desk Daily Media Group</p></footer>
</div>
</body>
</html>
"""


def outlet_index(outlet: str, articles: list[Article]) -> str:
    """A simple home page per outlet listing its stories (for anyone browsing the demo by hand)."""
    name = escape(OUTLETS[outlet].name)
    items = "\n".join(f'<li><a href="{B}{a.path}">{escape(a.title)}</a> <small>{a.published:%Y-%m-%d}</small></li>'
                      for a in articles if a.page == "ok")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{name}</title></head>\n'
            f'<body><h1>{name}</h1><p>{escape(OUTLETS[outlet].domain_blurb)}</p><ul>\n{items}\n</ul></body></html>\n')


PAGE_TEMPLATES = {
    "irrawaddy-chronicle": irrawaddy_chronicle,
    "northern-shan-monitor": northern_shan_monitor,
    "mekong-wire": mekong_wire,
    "asia-desk-daily": asia_desk_daily,
    **BURMESE_TEMPLATES,
}
