"""Facet values, filter chips and entity headings are Vietnamese content: marked so in English."""

import re

NGO_QUYEN = "phường Ngô Quyền, Hải Phòng"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_facet_values_are_marked_vietnamese_in_the_english_interface(client):
    html = page(client, "/search?q=dai+hoi&lang=en")
    wards = re.findall(r'<label for="f-ward-\d+"><span([^>]*)>', html)
    officials = re.findall(r'<label for="f-official-\d+"><span([^>]*)>', html)
    terms = re.findall(r'<label for="f-term-\d+"><span([^>]*)>', html)
    assert wards and officials and terms
    assert set(wards + officials + terms) == {' lang="vi"'}
    assert set(re.findall(r'<label for="f-year-\d+"><span([^>]*)>', html)) == {""}  # years are numbers
    assert re.search(r'<span class="now">now: <span lang="vi">[^<]+</span></span>', html)


def test_nothing_is_marked_in_the_vietnamese_interface(client):
    html = page(client, f"/search?q=dai+hoi&ward={NGO_QUYEN}&lang=vi")
    assert ' lang="vi"' not in html.split("<main", 1)[1]


def test_filter_chips_are_marked_vietnamese_but_not_years_or_dates(client):
    html = page(client, f"/search?q=dai+hoi&ward={NGO_QUYEN}&year=2020&from=2019&lang=en")
    chips = dict((label, attrs) for attrs, label in
                 re.findall(r'<a class="chip"[^>]*><span([^>]*)>([^<]*)</span>', html))
    assert chips[NGO_QUYEN] == ' lang="vi"'
    assert chips["2020"] == "" and chips["From 2019"] == ""


def test_entity_headings_mark_the_name_and_the_title_stays_plain(client):
    html = page(client, f"/ward/{NGO_QUYEN}?lang=en")
    assert f'<h1 id="entity-heading">Ward or commune: <span lang="vi">{NGO_QUYEN}</span></h1>' in html
    assert f"<title>Ward or commune: {NGO_QUYEN} · " in html
    assert '<h1 id="entity-heading">Term 2020-2025</h1>' not in page(client, "/term/2020-2025?lang=en")
    assert '<h1 id="entity-heading">Term <span lang="vi">2020-2025</span></h1>' in page(client, "/term/2020-2025?lang=en")
    assert f'<h1 id="entity-heading">Phường, xã: {NGO_QUYEN}</h1>' in page(client, f"/ward/{NGO_QUYEN}?lang=vi")


def test_an_entity_name_is_escaped_inside_its_marked_heading(client):
    html = client.get("/official/<b>x</b>?lang=en").get_data(as_text=True)
    assert "<b>x</b>" not in html
