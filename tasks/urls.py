"""Canonical URLs: one key per story however a feed, a share button or a mobile site spelled its link.

The canonical form is a dedup key, not a link to fetch (the article keeps the link it was found under):
scheme folded to https, host lower-cased without www./m./amp. prefixes, default port, fragment,
tracking parameters and AMP markers removed, remaining query parameters sorted, trailing slash dropped.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

# Parameters that identify the click, not the page. Matched case-insensitively. Deliberately absent:
# short generic names (cid, src, id, p) that some sites use to name the article itself: merging two
# stories is worse than storing one twice.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "igshid", "igsh", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_enc_id",
        "oly_anon_id", "vero_id", "wickedid", "ref", "ref_src", "ref_url", "referrer", "cmpid", "cmp",
        "ocid", "ncid", "sr_share", "s_kwcid", "spm", "share", "shared", "at_medium", "at_campaign",
        "at_custom1", "at_custom2", "at_custom3", "at_custom4", "__twitter_impression", "fromrss",
        "rss", "from_rss", "smid", "smtyp", "taid", "icid", "int_source", "dicbo",
        "amp", "outputtype", "amp_js_v", "usqp", "nr_email_referer", "mbid", "fb_action_ids",
        "fb_action_types", "fb_source", "fb_ref", "action_object_map", "action_type_map", "action_ref_map",
        "guccounter", "guce_referrer", "guce_referrer_sig", "source_ref", "trk", "trkcampaign",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_", "ga_", "matomo_", "itm_")
HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.", "www1.", "www2.")
DEFAULT_PORTS = {"http": 80, "https": 443}
_AMP_CACHE = re.compile(r"^[a-z0-9-]+\.cdn\.ampproject\.org$")
_AMP_CACHE_KINDS = frozenset({"c", "v", "i"})
# A DNS host name with at least one dot: labels of letters, digits and inner hyphens.
_HOST_NAME = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_AMP_SUFFIX = re.compile(r"(?:/amp|\.amp)(?=(?:\.html?)?$)", re.IGNORECASE)
_AMP_SEGMENT = re.compile(r"^/amp(?=/)", re.IGNORECASE)
_INDEX_PAGE = re.compile(r"/(?:index|default)\.(?:html?|php|aspx?)$", re.IGNORECASE)
_MULTI_SLASH = re.compile(r"/{2,}")


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _unwrap_amp_cache(host: str, path: str) -> tuple[str, str] | None:
    """www-example-com.cdn.ampproject.org/c/s/www.example.com/story -> (www.example.com, /story).

    Only a real cache path unwraps: /c/, /v/ or /i/, an optional s/ (https), then a publisher host name.
    Anything else on a cache host ("//0/.amp.html") is left as an ordinary path: unwrapping a path piece
    that is no host name turned ".html" into a host on the second pass, so canonicalising was not idempotent.
    """
    if not _AMP_CACHE.match(host):
        return None
    parts = path.split("/")
    # ['', 'c'|'v'|'i', ('s')?, host, ...rest]
    if len(parts) < 3 or parts[0] != "" or parts[1] not in _AMP_CACHE_KINDS:
        return None
    rest = parts[2:]
    if rest and rest[0] == "s":
        rest = rest[1:]
    if not rest or not _HOST_NAME.match(rest[0].lower()):
        return None
    return rest[0].lower(), "/" + "/".join(rest[1:])


def _canonical_host(host: str) -> str:
    host = host.strip(".").lower()
    stripped = True
    while stripped:  # "www.m.example.com": every prefix goes, or canonicalising twice would differ
        stripped = False
        for prefix in HOST_PREFIXES:
            if host.startswith(prefix) and host.count(".") >= 2:
                host, stripped = host[len(prefix):], True
                break
    return host


def _canonical_path(path: str) -> str:
    # Re-quote so %7E and ~ (and other equivalent spellings) give one key; keep reserved characters.
    path = quote(unquote(path), safe="/:@!$&'()*+,;=-._~")
    path = _MULTI_SLASH.sub("/", path) or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    path = _AMP_SEGMENT.sub("", path)
    path = _AMP_SUFFIX.sub("", path) or "/"
    path = _INDEX_PAGE.sub("/", path)
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return path


def _canonical_query(query: str) -> str:
    pairs = [
        (name, value)
        for name, value in parse_qsl(query, keep_blank_values=True)
        if not is_tracking_param(name)
    ]
    return urlencode(sorted(pairs), quote_via=quote)


def canonical_url(url: str) -> str:
    """The dedup key of a link. Non-http(s) or unparsable input comes back stripped but otherwise as is."""
    raw = (url or "").strip()
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        return raw
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return raw
    # The AMP cache is recognised on the canonical host: "www.x.cdn.ampproject.org" would otherwise pass
    # the first time as an ordinary host and be unwrapped only when canonicalised again.
    # The cache path is tested in its canonical form ("//c/s/x.com" or "/amp/c/s/x.com" would otherwise
    # become a cache path only after the first pass), and a cache URL of a cache URL unwraps fully here.
    host, path = _canonical_host(parts.hostname), _canonical_path(parts.path)
    for _ in range(4):
        unwrapped = _unwrap_amp_cache(host, path)
        if not unwrapped:
            break
        host, path = _canonical_host(unwrapped[0]), _canonical_path(unwrapped[1])
    # The scheme folds to https, so an explicit :443 is the default port whatever the scheme was.
    if port and port not in (DEFAULT_PORTS[scheme], DEFAULT_PORTS["https"]):
        host = f"{host}:{port}"
    return urlunsplit(("https", host, path, _canonical_query(parts.query), ""))


def article_id(canonical: str) -> str:
    """The article key: the first 32 hex characters of sha256 of the canonical URL."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]
