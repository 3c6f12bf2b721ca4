"""Reader's notes: loading YAML / TOML files and matching them to nodes."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline_fixtures import HB0605, ROOT, THROUGH_947, headline_comparison, real_comparison
from statdiff.errors import StatdiffError
from statdiff.annotate.notes import ReaderNote, load_notes, match_notes


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_yaml_notes_with_texts_and_lists(tmp_path):
    path = write(tmp_path, "n.yaml", '"815 ILCS 530/10(a)": one\n"815 ILCS 530/5":\n  - two\n  - three\n')
    assert load_notes(path) == {"815 ILCS 530/10(a)": "one", "815 ILCS 530/5": ["two", "three"]}


def test_toml_and_yml_read_the_same(tmp_path):
    toml = write(tmp_path, "n.toml", '"815 ILCS 530/10(a)" = "one"\n"815 ILCS 530/5" = ["two"]\n')
    yml = write(tmp_path, "n.yml", '"815 ILCS 530/10(a)": one\n"815 ILCS 530/5": [two]\n')
    assert load_notes(toml) == load_notes(yml) == {"815 ILCS 530/10(a)": "one", "815 ILCS 530/5": ["two"]}


def test_empty_yaml_is_no_notes(tmp_path):
    assert load_notes(write(tmp_path, "n.yaml", "# nothing yet\n")) == {}


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("n.yaml", "a: [unclosed\n", "not valid YAML"),
        ("n.toml", "a = \n", "not valid TOML"),
        ("n.yaml", "- just\n- a list\n", "expected a mapping"),
        ("n.yaml", "a: 3\n", "must be a text or a list of texts"),
        ("n.yaml", "a: [x, {y: 1}]\n", "must be a text or a list of texts"),
        ("n.yaml", "3: text\n", "the key “3” is not a node path"),
        ("n.yaml", "\"Driver's license\": 3\n", "the note for “Driver's license” must be a text or a list of texts"),
        ("n.json", "{}", "expected a .yaml, .yml or .toml file"),
        ("n.yaml", b"a: \xff\xfe\n", "not UTF-8"),
        ("n.yaml", "!!python/object:os.system x\n", "not valid YAML"),
    ],
)
def test_bad_notes_files_raise_one_line_errors(tmp_path, name, text, message):
    with pytest.raises(StatdiffError) as error:
        load_notes(write(tmp_path, name, text))
    assert message in str(error.value) and "\n" not in str(error.value)


def test_missing_notes_file(tmp_path):
    with pytest.raises(StatdiffError, match="no such file"):
        load_notes(tmp_path / "absent.yaml")


def test_match_notes_finds_nodes_of_either_text_and_warns_about_the_rest():
    notes = {
        "815 ILCS 530/10(a)": ["first", "second"],
        "815 ILCS 530/1": "only in the old text",
        "815 ILCS 530/99": "nowhere",
        "815 ILCS 530/5": "  ",
    }
    matched, warnings = match_notes(notes, headline_comparison())
    assert matched == [
        ReaderNote("815 ILCS 530/10(a)", ("first", "second"), "815 ILCS 530/10"),
        ReaderNote("815 ILCS 530/1", ("only in the old text",), "815 ILCS 530/1"),
    ]
    assert warnings == ["note for “815 ILCS 530/99” matches no node of either text"]


def test_the_sample_notes_file_loads():
    notes = load_notes(ROOT / "reports/notes-headline.yaml")
    assert set(notes) == {"815 ILCS 530/1", "815 ILCS 530/10(a)", "815 ILCS 530/10(b-5)", "815 ILCS 530/10(d)"}
    matched, warnings = match_notes(notes, real_comparison(THROUGH_947, HB0605))
    assert [note.path for note in matched] == ["815 ILCS 530/1", "815 ILCS 530/10(a)", "815 ILCS 530/10(b-5)",
                                               "815 ILCS 530/10(d)"]
    assert warnings == []


# --- read as inputs are: bounded, whatever the file says its size is -----------------------------


def test_notes_symlinked_to_dev_zero_are_refused_not_read(tmp_path):
    link = tmp_path / "notes.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(StatdiffError, match=r"notes\.yaml: is a device or socket, not a file"):
        load_notes(link)


def test_a_fifo_named_yaml_is_read_no_further_than_the_limit(tmp_path):
    import os
    import threading

    from statdiff.annotate.notes import MAX_NOTES_BYTES

    fifo = tmp_path / "endless.yaml"
    os.mkfifo(fifo)
    sent = []

    def endless_writer():
        try:
            with open(fifo, "wb") as handle:
                for _ in range(4 * MAX_NOTES_BYTES // 65536):
                    handle.write(b"#" * 65536)
                    sent.append(65536)
        except BrokenPipeError:  # the reader stopped at the limit
            pass

    writer = threading.Thread(target=endless_writer, daemon=True)
    writer.start()
    with pytest.raises(StatdiffError, match=r"endless\.yaml: the input is over the 5\.0 MB limit$"):
        load_notes(fifo)
    writer.join(10)
    assert sum(sent) < 4 * MAX_NOTES_BYTES


def test_an_empty_notes_file_is_no_notes(tmp_path):
    assert load_notes(write(tmp_path, "n.yaml", b"")) == {}
    assert load_notes(write(tmp_path, "n.toml", b"")) == {}


def test_a_notes_file_over_the_limit_is_refused_from_its_size(tmp_path, monkeypatch):
    from statdiff.annotate.notes import MAX_NOTES_BYTES
    from statdiff.read import decode

    path = write(tmp_path, "n.yaml", b"#" * (MAX_NOTES_BYTES + 1))
    monkeypatch.setattr(decode, "open", lambda *a, **k: pytest.fail("read a notes file over the limit"), raising=False)
    with pytest.raises(StatdiffError, match=r"^notes file .*n\.yaml: the file is 5\.0 MB, over the 5\.0 MB limit$"):
        load_notes(path)
