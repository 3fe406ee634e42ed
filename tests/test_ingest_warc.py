"""WARC reader: an archive written in the test with warcio holding two corpus pages, a non-HTML record and a 404."""

from __future__ import annotations

from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace import ingest
from newstrace.errors import InputError
from newstrace.ingest import warc

PAGES = {
    "https://www.aljazeera.com/news/helicopter-crash.html": "aeb_aljazeera-com_7916ecca.html",
    "https://www.bbc.com/news/assange-sweden.html": "aeb_bbc-com_c7e39ac4.html",
}


def add_response(writer: WARCWriter, uri: str, status: str, content_type: str, body: bytes) -> None:
    http_headers = StatusAndHeaders(
        status, [("Content-Type", content_type), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
    )
    writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=http_headers))


def write_archive(path, shared, gzip: bool) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newstrace tests"}))
        for uri, name in PAGES.items():
            writer.write_record(
                writer.create_warc_record(uri, "request", payload=BytesIO(f"GET {uri} HTTP/1.1\r\n\r\n".encode()))
            )
            add_response(
                writer, uri, "200 OK", "text/html; charset=utf-8", (shared / "corpus" / "html" / name).read_bytes()
            )
        add_response(
            writer, "https://www.bbc.com/static/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)
        )
        add_response(
            writer,
            "https://www.bbc.com/news/gone.html",
            "404 Not Found",
            "text/html",
            b"<html><body><h1>Page not found</h1><p>Sorry, the page you asked for is not here.</p></body></html>",
        )


@pytest.mark.parametrize("name,gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_exactly_the_two_html_pages_come_out(tmp_path, shared, name, gzip):
    path = tmp_path / name
    write_archive(path, shared, gzip)
    docs = list(ingest.read(str(path)))  # the format is found from the name and first bytes
    assert [d.url for d in docs] == list(PAGES)
    assert docs[0].title == "US service members killed in Afghanistan helicopter crash"
    assert docs[1].title == "Sweden drops Assange rape investigation"
    assert docs[1].body.startswith("Prosecutors in Sweden have dropped an investigation")
    assert all(d.source == str(path) for d in docs)


def test_archive_without_html_pages_is_refused(tmp_path):
    path = tmp_path / "images.warc.gz"
    with open(path, "wb") as out:
        add_response(
            WARCWriter(out, gzip=True), "https://example.org/a.png", "200 OK", "image/png", b"\x89PNG" + bytes(32)
        )
    with pytest.raises(InputError, match="no HTML page with status 200"):
        list(warc.read(path, None))


def test_file_that_is_not_a_warc_is_refused(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive\n" * 20)
    with pytest.raises(InputError, match="not a readable WARC file"):
        list(ingest.read(str(path)))


def test_truncated_archive_gives_the_pages_before_the_cut(tmp_path, shared):
    whole = tmp_path / "whole.warc.gz"
    write_archive(whole, shared, gzip=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) // 2])  # inside the second page's record
    docs = list(ingest.read(str(cut)))
    assert docs and docs[0].url == next(iter(PAGES))
