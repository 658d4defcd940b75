import gzip
import io
import json

import os

import pytest

from marsad.errors import UsageError
from marsad.ingest import Limits, discover, read_records, sniff_kind, to_document
from marsad.ingest.discover import Source
from marsad.ingest.readers import read_jsonl
from marsad.models import DocKind, IngestFailure, RawRecord
from tests.conftest import write_warc

PAGE = (
    "Convoy Targeted Near Hilla\n\nMarch 16, 2022\n\nBy Staff, Agencies\n\n"
    "A logistics convoy was struck by a roadside bomb on the highway south of Hilla on Wednesday.\n\n"
    "No casualties were reported, security sources said.\n"
)
HTML = (
    "<!DOCTYPE html><html><head><title>Rockets land near Ain al-Asad | Tigris Wire</title>"
    '<meta property="og:site_name" content="Tigris Wire">'
    '<meta property="article:published_time" content="2022-06-02T08:30:00Z"></head><body>'
    "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>Rockets land near Ain al-Asad</h1>"
    "<p>Three rockets landed near the Ain al-Asad air base in western Anbar late on Wednesday, two security officials said.</p>"
    "<p>The base hosts Iraqi troops and foreign advisers. There was no immediate claim of responsibility for the attack.</p>"
    "<p>Similar attacks have targeted the base several times this year, according to the officials.</p>"
    "</article><footer>All rights reserved.</footer></body></html>"
)
FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Euphrates Monitor</title><link>https://example.org</link>
<item><title>Clashes east of Deir ez-Zor</title><link>https://example.org/1</link>
<pubDate>Tue, 07 Sep 2021 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Fighting broke out near al-Mayadin on Monday night.&lt;/p&gt;&lt;p&gt;Two fighters were killed.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://example.org/2</link></item>
<item><title>Protest in Nasiriyah</title><link>https://example.org/3</link>
<pubDate>Wed, 08 Sep 2021 09:00:00 GMT</pubDate><description>Hundreds protested power cuts in Nasiriyah.</description></item>
</channel></rss>"""


def records(path, limits=Limits()):
    return list(read_records(Source(str(path), str(path)), limits))


def test_discover_walks_folders_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(PAGE)
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / ".hidden.txt").write_text(PAGE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(PAGE)
    found = [s.origin for s in discover([str(tmp_path)])]
    assert found == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt")]


def test_discover_leaves_a_folders_own_documentation_unless_named(tmp_path):
    for name in ("README.md", "LICENSE", "notes.rst", "page.txt", "readme_first.txt"):
        (tmp_path / name).write_text(PAGE)
    found = [os.path.basename(s.origin) for s in discover([str(tmp_path)])]
    assert found == ["page.txt", "readme_first.txt"]
    assert [s.origin for s in discover([str(tmp_path / "README.md")])] == [str(tmp_path / "README.md")]


def test_discover_names_a_missing_input():
    with pytest.raises(UsageError, match="no such file"):
        list(discover(["/no/such/place"]))


@pytest.mark.parametrize("head,path,kind", [
    (b"WARC/1.1\r\n", "x.bin", "warc"),
    (b'{"id": "1", "text": "a"}\n', "x.txt", "jsonl"),
    (b"<?xml version='1.0'?><rss version='2.0'>", "x.txt", "feed"),
    (b"<!doctype html><html><body>", "page.txt", "html"),
    (b"Convoy hit near Hilla\n\nText.", "page.html", "page"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "f.atom", "feed"),
])
def test_kind_is_told_by_content_first(head, path, kind):
    assert sniff_kind(head, path) == kind


def test_page_dump_becomes_one_document_with_path_as_id(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    (raw,) = records(path)
    document = to_document(raw)
    assert document.doc_id == str(path) and document.kind is DocKind.PAGE
    assert document.text == PAGE


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    document = to_document(records(path)[0])
    assert "Ain al-Asad air base" in document.text
    assert "Home" not in document.text and "All rights reserved" not in document.text
    assert document.published == "2022-06-02"
    assert document.source == "Tigris Wire"
    assert "\n\n" in document.text  # paragraphs separated by a blank line


def test_feed_items_numbered_from_one_and_empty_item_named(tmp_path):
    path = tmp_path / "monitor.xml"
    path.write_text(FEED, encoding="utf-8")
    items = records(path)
    assert [i.doc_id for i in items] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert isinstance(items[1], IngestFailure) and items[1].reason == "no-text"
    first = to_document(items[0])
    assert first.text == "Fighting broke out near al-Mayadin on Monday night.\n\nTwo fighters were killed."
    assert (first.title, first.published, first.source) == ("Clashes east of Deir ez-Zor", "2021-09-07", "Euphrates Monitor")


def test_jsonl_fields_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "w-1", "text": "Clashes in Idlib.", "title": "Idlib", "published": "2021-07-03T10:00:00+03:00", "source": "Levant Dispatch", "lang": "en"}),
        '{"id": "w-2", "text": "broken',
        json.dumps({"text": "no id"}),
        json.dumps({"id": "w-1", "text": "again"}),
        json.dumps({"id": "w-3", "html": "<p>Protest in <b>Basra</b>.</p>"}),
        json.dumps(["not", "an", "object"]),
        "",
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = records(path)
    ok = [i for i in items if isinstance(i, RawRecord)]
    bad = {i.doc_id: i.reason for i in items if isinstance(i, IngestFailure)}
    assert [r.doc_id for r in ok] == ["w-1", "w-3"]
    assert bad == {f"{path}:2": "bad-json", f"{path}:3": "missing-id", f"{path}:4": "duplicate-id", f"{path}:6": "bad-json"}
    document = to_document(ok[0])
    assert (document.published, document.source, document.lang) == ("2021-07-03", "Levant Dispatch", "en")


def test_jsonl_line_over_limit_is_named_and_reading_goes_on():
    data = b'{"id": "big", "text": "' + b"x" * 500 + b'"}\n{"id": "small", "text": "ok"}\n'
    items = list(read_jsonl(io.BytesIO(data), "-", Limits(max_bytes=100)))
    assert isinstance(items[0], IngestFailure) and items[0].reason == "too-large"
    assert items[1].doc_id == "small"


def test_warc_one_document_per_html_response(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", [("https://example.org/a", HTML.encode()), ("https://example.org/b", HTML.encode())])
    items = records(path)
    assert [i.doc_id for i in items] == [f"{path}#1", f"{path}#2"]
    document = to_document(items[0])
    assert document.url == "https://example.org/a" and "Ain al-Asad" in document.text


def test_truncated_warc_keeps_what_was_read_and_names_the_archive(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", [(f"https://example.org/{n}", HTML.encode()) for n in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.8)])
    items = records(path)
    assert isinstance(items[-1], IngestFailure)
    assert items[-1].doc_id == str(path) and items[-1].reason == "truncated"
    assert all(isinstance(i, RawRecord) for i in items[:-1]) and len(items) >= 2


def test_gzip_bomb_is_named(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"A" * 5_000_000))
    (item,) = records(path, Limits(max_bytes=1_000_000))
    assert item.reason == "decompression-bomb"


def test_oversized_file_is_named(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(PAGE * 100)
    (item,) = records(path, Limits(max_bytes=1000))
    assert item.reason == "too-large"


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "binary"),
    (b"%PDF-1.7\n", "binary"),
    (b"\x00\x01\x02\x03binary\x00\x00" * 10, "binary"),
])
def test_bad_files_are_named_with_their_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = records(path)
    assert isinstance(item, IngestFailure) and item.reason == reason and item.doc_id == str(path)


BLOG = (
    "<html><head><title>Field notes</title></head><body><header>Field notes from the Euphrates</header>"
    "<article><h2>Shelling near al-Mayadin</h2><time datetime='2021-09-07T09:00:00+03:00'>7 Sep</time>"
    "<p>Shells fell on farmland east of al-Mayadin on Monday night, residents said.</p>"
    "<p>Nobody was hurt.</p></article>"
    "<article><h2>Protest in Hasakah</h2><time datetime='2021-09-05'>5 Sep</time>"
    "<p>Dozens of teachers protested unpaid wages outside the education office in Hasakah.</p></article>"
    "<footer>Comments are closed.</footer></body></html>"
)


def test_a_page_of_several_posts_keeps_each_title_and_date(tmp_path):
    path = tmp_path / "blog.html"
    path.write_text(BLOG, encoding="utf-8")
    document = to_document(records(path)[0])
    assert document.text.split("\n\n") == [
        "Shelling near al-Mayadin", "September 7, 2021",
        "Shells fell on farmland east of al-Mayadin on Monday night, residents said.", "Nobody was hurt.",
        "Protest in Hasakah", "September 5, 2021",
        "Dozens of teachers protested unpaid wages outside the education office in Hasakah.",
    ]
