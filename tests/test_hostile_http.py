"""The HTTP policy against a misbehaving server: every fault ends in a reason, on time, in bounded memory,
and refused targets are never dialled."""

from __future__ import annotations

import dataclasses
import time
import tracemalloc

import pytest

from tasks.http import HttpPolicy
from tasks.netguard import BlockedTarget, check_target
from tests.hostile_site import MB, PRIVATE_TARGETS, HostileSite, SilentServer, connection_log, port_of
from tests.loopback import LoopbackSite

SLACK_S = 0.75  # scheduling noise allowed past a deadline on a busy 2-core CI machine


@pytest.fixture(scope="module")
def site():
    with LoopbackSite() as other, HostileSite() as hostile:
        hostile.other_port = port_of(other)
        other.static("/secret", b"secret", "text/plain")
        hostile.other = other
        yield hostile


def _fetch(settings, url: str, max_bytes: int = MB, **changes) -> tuple:
    settings = dataclasses.replace(settings, **changes)
    with HttpPolicy(settings) as policy:
        started = time.monotonic()
        result = policy.fetch(url, max_bytes=max_bytes, allow_private=True)
        return result, time.monotonic() - started


def test_server_errors_end_with_the_status_as_reason(site, settings) -> None:
    results = {code: _fetch(settings, site.url(f"/status/{code}"))[0] for code in (500, 503, 429, 403)}
    assert {code: r.error for code, r in results.items()} == {c: f"HTTP {c}" for c in (500, 503, 429, 403)}
    assert results[503].retry_after_s == 120 and results[503].attempts == 1  # too long to wait in-process
    assert results[429].retry_after_s == 1 and results[429].attempts == 2    # short: waited and retried once
    assert results[403].attempts == 1                                        # 4xx is not retried


def test_connection_reset_mid_body_is_a_network_error(site, settings) -> None:
    result, _ = _fetch(settings, site.url("/reset"))
    assert result.error and result.error.startswith("network"), result.error
    assert result.body == b""


def test_server_that_accepts_and_never_answers_is_cut_off_before_the_deadline(settings) -> None:
    with SilentServer() as silent:
        result, elapsed = _fetch(settings, silent.url, request_deadline_s=3.0, read_timeout_s=1.0, retries=5)
    assert result.error in ("read timeout", "deadline exceeded")
    assert elapsed <= 3.0 + SLACK_S


def test_request_read_and_never_answered_times_out(site, settings) -> None:
    result, elapsed = _fetch(settings, site.url("/hang"), read_timeout_s=1.0, retries=0)
    assert result.error == "read timeout" and elapsed <= 1.0 + SLACK_S


def test_slow_drip_is_stopped_at_the_deadline_not_a_read_timeout_later(site, settings) -> None:
    # One byte a second never trips a 2 s read timeout; only the hard deadline can stop it.
    result, elapsed = _fetch(settings, site.url("/drip"), request_deadline_s=2.5, read_timeout_s=2.0)
    assert result.error.startswith("deadline exceeded"), result.error
    assert 2.5 - SLACK_S <= elapsed <= 2.5 + SLACK_S


def test_redirect_loop_is_refused(site, settings) -> None:
    result, _ = _fetch(settings, site.url("/loop/a"))
    assert result.error and result.error.startswith("redirect loop")


def test_redirect_chains_are_followed_up_to_the_cap_and_no_further(site, settings) -> None:
    at_cap, _ = _fetch(settings, site.chain_url(settings.max_redirects))
    beyond, _ = _fetch(settings, site.chain_url(settings.max_redirects + 1))
    long_chain, _ = _fetch(settings, site.chain_url(25))
    assert at_cap.ok and at_cap.body == b"end of chain"
    assert beyond.error == f"too many redirects (more than {settings.max_redirects})"
    assert long_chain.error == beyond.error


@pytest.mark.parametrize("target", sorted(PRIVATE_TARGETS))
def test_redirect_to_a_private_or_non_http_target_is_refused_without_connecting(site, settings, target) -> None:
    # The feed is NOT allowed private addresses; only this exact test host:port is, so the first hop works.
    settings = dataclasses.replace(settings, allow_private_hosts=(f"127.0.0.1:{site.port}",))
    secret_hits = site.hits("/secret") + site.other.hits("/secret")
    with HttpPolicy(settings) as policy, connection_log() as connects:
        result = policy.fetch(site.url(f"/redirect/{target}"), max_bytes=MB, allow_private=False)
    assert result.error and result.error.startswith("blocked:"), result.error
    assert result.error.startswith(f"blocked: redirect to {site.private_target(target)}: ")
    assert {address[:2] for address in connects} == {("127.0.0.1", site.port)}  # only the first hop
    assert site.hits("/secret") + site.other.hits("/secret") == secret_hits


def test_a_name_resolving_to_loopback_is_refused_by_its_dns_answer(site, settings) -> None:
    url = f"http://localhost:{site.port}/secret"
    with pytest.raises(BlockedTarget, match="resolves to non-public address 127.0.0.1"):
        check_target(url, allow_private=False)
    before = site.hits("/secret")
    with connection_log() as connects:
        refused, _ = _fetch(settings, url, allow_private_hosts=())
        with HttpPolicy(settings) as policy:
            blocked = policy.fetch(url, max_bytes=MB, allow_private=False)
    assert refused.ok  # _fetch allows private: the site itself is fine
    assert blocked.error.startswith("blocked: localhost resolves to non-public address")
    assert site.hits("/secret") == before + 1 and len(connects) == 1


def test_allow_list_entry_with_a_port_allows_that_port_only(site, settings) -> None:
    exact = (f"localhost:{site.port}",)
    check_target(f"http://localhost:{site.port}/x", allow_private=False, allowed_hosts=exact)
    check_target("http://localhost:1/x", allow_private=False, allowed_hosts=("localhost",))
    with pytest.raises(BlockedTarget):
        check_target(f"http://localhost:{site.port + 1}/x", allow_private=False, allowed_hosts=exact)
    with pytest.raises(BlockedTarget):
        check_target(f"http://127.0.0.1:{site.port}/x", allow_private=False, allowed_hosts=exact)


def test_connect_time_guard_refuses_private_addresses_even_if_the_first_check_is_bypassed(
    site, settings, monkeypatch
) -> None:
    # A DNS answer can change between check_target and the connect (rebinding): the connect is checked too.
    monkeypatch.setattr("tasks.http.check_target", lambda *_a, **_k: None)
    before = site.hits("/secret")
    with HttpPolicy(settings) as policy, connection_log() as connects:
        result = policy.fetch(f"http://localhost:{site.port}/secret", max_bytes=MB, allow_private=False)
    assert result.error.startswith("blocked:") and connects == []
    assert site.hits("/secret") == before


@pytest.mark.parametrize("path", ["/big/declared", "/big/streamed"])
def test_fifty_megabyte_body_stops_at_the_cap(site, settings, path) -> None:
    tracemalloc.start()
    try:
        result, elapsed = _fetch(settings, site.url(path), max_bytes=5 * MB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.error and result.error.startswith("body too large"), result.error
    assert result.body == b"" and peak < 16 * MB and elapsed < settings.request_deadline_s


def test_gzip_bomb_stops_at_the_cap_after_inflating_little_more_than_it(site, settings) -> None:
    tracemalloc.start()
    try:
        result, elapsed = _fetch(settings, site.url("/bomb/gzip"), max_bytes=5 * MB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.error == f"body too large: over {5 * MB} bytes"
    assert peak < 16 * MB, f"peak {peak / MB:.1f} MiB while reading a 4 GiB bomb"
    assert elapsed < settings.request_deadline_s


def test_nested_gzip_bomb_is_refused_unread(site, settings) -> None:
    result, _ = _fetch(settings, site.url("/bomb/nested"), max_bytes=5 * MB)
    assert result.error.startswith("network: undecodable content encoding"), result.error
    assert "unsupported content encoding 'gzip, gzip'" in result.error
