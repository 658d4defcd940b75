"""The dashboard in headless Chromium against a live app over the fixture database."""

from __future__ import annotations

from tests.api.fixture_db import AR_TITLE, E_DAMASCUS, E_MOSUL, HOSTILE_IMG, HOSTILE_SCRIPT


def table_ids(page) -> list[str]:
    return page.eval_on_selector_all("#events-table tbody tr[data-event-id]", "rows => rows.map(r => r.dataset.eventId)")


def test_map_shows_a_marker_per_event_over_the_basemap(page):
    page.wait_for_selector("path.event-marker")
    assert page.locator("path.event-marker").count() == 4
    assert page.locator(".leaflet-basemap-pane path").count() > 50  # countries
    assert page.locator(".leaflet-admin1-pane path").count() > 20  # admin-1 outlines
    assert page.external_requests == []


def test_marker_click_opens_the_event(page):
    page.locator(f"path.event-marker[data-event-id='{E_MOSUL}']").click(force=True)
    page.wait_for_selector("#event-panel:not([hidden]) mark.hl-evidence")
    assert "Air/drone strike" in page.inner_text("#event-content h2")


def test_timeline_has_a_bar_per_day_with_events(page):
    bars = page.locator("#timeline rect.bar")
    assert bars.count() == 4
    assert sorted(bars.evaluate_all("bs => bs.map(b => b.dataset.date)")) == [
        "2024-03-01", "2024-03-02", "2024-03-05", "2024-03-10"]
    bars.first.click()
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-event-id]').length === 1")
    assert page.input_value("input[name=date_from]") == "2024-03-01"


def test_filters_narrow_the_table_map_and_timeline(page):
    assert len(table_ids(page)) == 4
    page.select_option("select[name=event_type]", "Protests")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-event-id]').length === 1")
    assert table_ids(page) == [E_DAMASCUS]
    assert page.locator("path.event-marker").count() == 1
    assert page.locator("#timeline rect.bar").count() == 1
    page.click("button[type=reset]")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-event-id]').length === 4")


def test_text_search_and_min_sources(page):
    page.fill("input[name=q]", "الموصل")
    page.click("button[type=submit]")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-event-id]').length === 1")
    assert table_ids(page) == [E_MOSUL]
    page.fill("input[name=q]", "")
    page.fill("input[name=min_sources]", "2")
    page.click("button[type=submit]")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-event-id]').length === 2")


def test_invalid_filter_shows_the_api_message(page):
    page.fill("input[name=q]", '""')
    page.click("button[type=submit]")
    page.wait_for_selector("#filter-error:not([hidden])")
    assert "no searchable words" in page.inner_text("#filter-error")


def test_sorting_by_sources(page):
    page.click("th[data-sort=n_sources] button")
    page.wait_for_selector("th[data-sort=n_sources][aria-sort=descending]")
    page.wait_for_function("() => document.querySelector('#events-table tbody tr').dataset.eventId === 'evt_aleppo'")


def test_event_page_shows_sources_claims_and_highlighted_evidence(page):
    page.click(f"#events-table tbody tr[data-event-id='{E_MOSUL}']")
    page.wait_for_selector("#event-panel:not([hidden]) .article-text mark.hl-evidence")
    page.wait_for_function("() => document.querySelectorAll('.article-text').length === 2")
    content = page.inner_text("#event-content")
    assert "Example Wire" in content and "وكالة الأنباء" in content
    evidence = page.locator(".article-text mark.hl-evidence").all_inner_texts()
    assert "An airstrike hit a market in Mosul on Saturday, killing 5 civilians" in evidence
    assert "قصفت طائرة حربية سوقا شعبيا في مدينة الموصل" in evidence
    arabic = page.locator(".article-text p", has_text=AR_TITLE).first
    assert arabic.get_attribute("dir") == "auto"
    assert arabic.evaluate("p => getComputedStyle(p).direction") == "rtl"
    assert page.locator("#event-content .badge.status-reported").count() >= 1


def test_claims_and_status_badges(page):
    page.goto(page.url.split("#")[0] + f"#event/{E_DAMASCUS}")
    page.wait_for_selector("#event-panel:not([hidden]) .article-text mark.hl-claim")
    assert page.locator("#event-content h2 .badge.status-disputed").count() == 1
    assert page.locator("ul.claims .badge.status-denied").count() == 1
    assert "interior ministry" in page.inner_text("ul.claims")


def test_hostile_text_is_shown_literally_and_never_runs(page):
    page.click(f"#events-table tbody tr[data-event-id='{E_DAMASCUS}']")
    page.wait_for_selector("#event-panel:not([hidden]) .article-text mark.hl-evidence")
    page.locator(f"path.event-marker[data-event-id='{E_DAMASCUS}']").hover(force=True)
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    text = page.inner_text("#event-content")
    assert HOSTILE_SCRIPT in text and HOSTILE_IMG in text
    assert page.locator("#event-content script, #event-content img, .leaflet-tooltip img").count() == 0
    assert page.locator("#event-content a[href^='javascript']").count() == 0
    assert HOSTILE_IMG in page.locator(".article-text mark.hl-evidence").first.inner_text()
    assert page.errors == []


def test_screenshot(page, tmp_path):
    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
