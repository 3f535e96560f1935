"""Readers and writers: every input form becomes the same records; bad input is one line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from corpus_tools.errors import InputError
from corpus_tools.io import Reader, TextDirWriter, decode_bytes, read_records

from .conftest import run_ct

RU = "Жители столицы принесли сотни транспарантов и фотографий к монументу.\n"


def test_plain_text_file_becomes_record_with_path_id(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(RU, encoding="utf-8")
    [record] = read_records([str(path)])
    assert record["id"] == str(path)
    assert record["text"] == RU
    assert record["meta"]["source"] == str(path)


def test_folder_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("два", encoding="utf-8")
    (tmp_path / "1.txt").write_text("один", encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    texts = [r["text"] for r in read_records([str(tmp_path)])]
    assert texts == ["один", "два"]


def test_glob_and_jsonl_gz(tmp_path: Path) -> None:
    rows = [{"id": "x", "text": "первый", "url": "https://e.kz/1"}, {"text": "второй"}]
    with gzip.open(tmp_path / "part.jsonl.gz", "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    records = list(read_records([str(tmp_path / "*.jsonl.gz")]))
    assert [r["text"] for r in records] == ["первый", "второй"]
    assert records[0]["url"] == "https://e.kz/1"  # unknown fields carried through
    assert records[1]["id"].endswith("part.jsonl.gz:2")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_cyrillic_code_pages_are_detected(encoding: str) -> None:
    text, found = decode_bytes(RU.encode(encoding), "page.txt")
    assert (text, found) == (RU, encoding)


def test_utf8_cut_mid_character_stays_utf8() -> None:
    data = RU.encode("utf-8")[:-3]  # the last letter's bytes cut in half
    text, found = decode_bytes(data, "cut.txt")
    assert found == "utf-8, invalid bytes replaced"
    assert text.startswith("Жители столицы") and text.endswith("\ufffd")


def test_binary_and_undecodable_input_raise_one_line_errors() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"PK\x03\x04\x00\x00", "x.zip")
    with pytest.raises(InputError, match="invalid UTF-8"):
        decode_bytes(b"abc \xff\xfe\xfa", "x.txt")


def test_malformed_jsonl_line_is_reported_with_its_number_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": 1, "text": "a"}\n{"id": 2, "text": \n{"id": 3, "text": "c"}\n')
    messages: list[str] = []
    reader = Reader([str(path)], report=messages.append)
    assert [r["id"] for r in reader] == [1, 3]
    assert reader.skipped == 1
    assert f"{path}:2" in messages[0]
    with pytest.raises(InputError, match=":2: malformed JSON"):
        list(Reader([str(path)], on_error="stop"))


def test_a_folder_without_corpus_files_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not a corpus file")
    messages: list[str] = []
    reader = Reader([str(tmp_path)], report=messages.append)
    assert list(reader) == []
    assert messages == [
        f"{tmp_path}: no corpus files in this folder "
        "(looked for .txt, .text, .jsonl, .ndjson, optionally .gz)"
    ]
    assert reader.skipped == 0  # a warning: an empty folder is not a broken input


def test_text_dir_writer_refuses_to_overwrite_input(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(RU, encoding="utf-8")
    [record] = read_records([str(tmp_path)])
    with pytest.raises(InputError, match="refusing to overwrite"):
        TextDirWriter(tmp_path).write(record)
    assert path.read_text(encoding="utf-8") == RU


def test_cli_bad_inputs_give_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("")
    for args in (["missing.txt"], [str(tmp_path / "bin.txt")]):
        result = run_ct("clean", *args)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("ct: warning:")
    result = run_ct("clean", str(tmp_path / "empty.txt"))
    assert result.returncode == 0 and "empty file" in result.stderr


def test_cli_koi8_stdin_is_decoded_and_said(tmp_path: Path) -> None:
    result = run_ct("clean", "--text", "-", input=RU.encode("koi8_r"))
    assert result.returncode == 0
    assert result.stdout == RU
    assert "koi8_r" in result.stderr


def test_cli_long_single_line_is_handled(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("слово " * 9_000_000, encoding="utf-8")  # about 50 MB, one line
    result = run_ct("clean", "--text", str(path))
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
