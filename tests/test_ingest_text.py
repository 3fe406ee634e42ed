"""Plain-text reader and the directory / glob expansion in ingest.read."""

from __future__ import annotations

import shutil

import pytest

from newstrace import ingest
from newstrace.errors import InputError
from newstrace.ingest import text


@pytest.fixture(scope="module")
def corpus_texts(shared):
    files = sorted((shared / "corpus" / "text").glob("bbc_*.txt"))[:3]
    assert len(files) == 3
    return files


def test_directory_of_three_text_files_gives_three_documents(tmp_path, corpus_texts):
    for f in corpus_texts:
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01hidden")  # hidden files are not articles
    docs = list(ingest.read(str(tmp_path)))
    assert len(docs) == 3
    assert [d.source for d in docs] == [str(tmp_path / f.name) for f in corpus_texts]
    for doc, f in zip(docs, corpus_texts):
        assert doc.body == f.read_text(encoding="utf-8")
        assert doc.title is None  # plain text: clean.py decides whether the first line is a title


def test_glob_picks_matching_files(tmp_path, corpus_texts):
    for f in corpus_texts:
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert len(list(ingest.read(str(tmp_path / "*.txt")))) == 3
    with pytest.raises(InputError, match="no file matches"):
        list(ingest.read(str(tmp_path / "*.html")))


def test_missing_file_and_empty_directory_are_refused(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(ingest.read(str(tmp_path / "absent.txt")))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="directory has no files"):
        list(ingest.read(str(tmp_path / "empty")))


def test_empty_and_binary_files_are_refused(tmp_path):
    (tmp_path / "blank.txt").write_text(" \n\n ", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    with pytest.raises(InputError, match="empty file"):
        list(ingest.read(str(tmp_path / "blank.txt")))
    with pytest.raises(InputError, match="binary file"):
        list(ingest.read(str(tmp_path / "photo.jpg")))


def test_legacy_encoding_and_declared_charset():
    assert text.decode("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "x.txt") == "Caf\u00e9 \u201cquoted\u201d"
    assert text.decode("\ufeffHello".encode("utf-8"), "x.txt") == "Hello"
    assert text.decode("\u00c5se".encode("latin-1"), "x.txt", charset="ISO-8859-1") == "\u00c5se"
    assert text.decode(b"plain", "x.txt", charset="no-such-charset") == "plain"
