"""`statdiff batch`: many pairs in one run, in process, in local processes and on Dask.

40 pairs built from real text (runs of Sections of ILCS chapter 620 with seeded edits,
`tests/batch_pairs.py`) and one broken pair (its old file is missing) are compared with
`--jobs 1`, `--jobs 2` and on a 2-worker `dask.distributed.LocalCluster` started here
(127.0.0.1 only, no dashboard): the three runs must write the same files byte for byte.
Then: the records hold what `statdiff diff --json` gives, the index links every pair
(lxml, and Chromium), the manifest and folder rules, the outputs, a progress bar only on
a terminal, Ctrl-C and a worker that dies, and every message of the README's catalogue.
"""

from __future__ import annotations

import contextlib
import csv
import json
import operator
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from batch_pairs import Pair, write_manifest, write_pairs
from statdiff import batch, cli
from browser_pages import CHROMIUM, Watched, launch_browser
from test_cli_errors import catalogued, file_refusals, message_of, template_pattern

ROOT = Path(__file__).resolve().parent.parent
PIPA = ROOT / "statutes" / "pipa"
AS_ENACTED = PIPA / "815ILCS530_as_enacted_PA094-0036.txt"
THROUGH_947 = PIPA / "815ILCS530_through_PA094-0947.txt"
HB0605 = PIPA / "09500HB0605_introduced_full.txt"
BROKEN_AT = 17  # the broken pair's place in the manifest
BROKEN = ["pairs/missing-old.txt", "pairs/00-new.txt", "broken: old file missing"]
STATDIFF = [sys.executable, "-c", "import sys; from statdiff.cli import main; sys.argv[0] = 'statdiff'; main()"]

def run(*args: object):
    return CliRunner().invoke(cli.main, ["batch", *[str(arg) for arg in args]], catch_exceptions=False)


def records(outdir: Path) -> list[dict]:
    return [json.loads(line) for line in (outdir / "changes.jsonl").read_text(encoding="utf-8").splitlines()]


def files_of(outdir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(outdir.iterdir())}


# ---------------------------------------------------------------- the 41 pairs, three ways


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Pair]]:
    folder = tmp_path_factory.mktemp("corpus")
    pairs = write_pairs(folder, count=40)
    write_manifest(folder / "manifest.csv", pairs, [BROKEN], at=BROKEN_AT)
    return folder, pairs


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed", reason="dask[distributed] (the statdiff[dask] extra) is not installed")
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None) as local_cluster:
        assert local_cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        yield local_cluster


@pytest.fixture(scope="module")
def runs(corpus, tmp_path_factory) -> dict:
    folder, _ = corpus
    results = {}
    for jobs in ("1", "2"):
        outdir = tmp_path_factory.mktemp(f"jobs{jobs}") / "out"
        results[f"jobs {jobs}"] = (run(folder / "manifest.csv", "-o", outdir, "--jobs", jobs), outdir)
    return results


@pytest.fixture(scope="module")
def dask_run(corpus, cluster, tmp_path_factory):
    folder, _ = corpus
    outdir = tmp_path_factory.mktemp("dask") / "out"
    return run(folder / "manifest.csv", "-o", outdir, "--scheduler", cluster.scheduler_address), outdir


def test_every_way_writes_the_same_files(runs, dask_run):
    every = dict(runs, dask=dask_run)
    written = {way: files_of(outdir) for way, (_, outdir) in every.items()}
    assert len(written["jobs 1"]) == 40 + 2  # a redline for each pair compared, changes.jsonl, index.html
    assert written["jobs 2"] == written["jobs 1"]
    assert written["dask"] == written["jobs 1"]
    assert {way: result.exit_code for way, (result, _) in every.items()} == {"jobs 1": 2, "jobs 2": 2, "dask": 2}


def test_the_records_are_in_manifest_order_with_the_broken_pair_recorded(corpus, runs):
    folder, pairs = corpus
    result, outdir = runs["jobs 2"]
    found = records(outdir)
    expected_names = [pair.name for pair in pairs]
    expected_names.insert(BROKEN_AT, BROKEN[2])
    assert [record["name"] for record in found] == expected_names
    broken = found.pop(BROKEN_AT)
    assert broken["status"] == "failed" and broken["redline"] is None and broken["changes"] is None
    assert broken["error"] == f"{folder / BROKEN[0]}: no such file"
    assert [(record["old"], record["new"]) for record in found] == [(pair.old, pair.new) for pair in pairs]
    # The rest complete: each pair with seeded edits is changed, each without is not.
    assert [record["status"] for record in found] == ["changed" if pair.edits else "unchanged" for pair in pairs]
    assert all(record["error"] is None and (outdir / record["redline"]).is_file() for record in found)
    assert all(record["summary"]["changes"] == len(record["changes"]) for record in found)
    assert result.stderr.splitlines() == [
        f"statdiff: error: pair {BROKEN[2]}: {folder / BROKEN[0]}: no such file",
        f"wrote {outdir}: 41 pairs, 30 changed, 10 unchanged, 1 failed",
    ]


def test_a_record_holds_what_diff_json_gives_and_the_redline_is_statdiff_redline(corpus, runs, tmp_path):
    folder, pairs = corpus
    _, outdir = runs["jobs 1"]
    found = {record["name"]: record for record in records(outdir)}
    for pair in (pairs[3], pairs[4]):  # three edits; none
        old, new = folder / pair.old, folder / pair.new
        diff = CliRunner().invoke(cli.main, ["diff", "--json", str(old), str(new)])
        contract = json.loads(diff.stdout)
        record = found[pair.name]
        assert {key: record[key] for key in ("summary", "changes", "annotations")} == {
            key: contract[key] for key in ("summary", "changes", "annotations")}
        assert diff.exit_code == (1 if record["status"] == "changed" else 0)
        CliRunner().invoke(cli.main, ["redline", str(old), str(new), "-o", str(tmp_path / "r.html")])
        assert (outdir / record["redline"]).read_bytes() == (tmp_path / "r.html").read_bytes()


def test_the_index_links_every_pair(runs):
    _, outdir = runs["jobs 1"]
    found = records(outdir)
    page = lxml_html.parse(str(outdir / "index.html")).getroot()
    rows = page.xpath("//table[@id='pairs']/tbody/tr[contains(@class, 'pair')]")
    assert [row.get("data-name") for row in rows] == [record["name"] for record in found]
    assert [row.get("data-status") for row in rows] == [record["status"] for record in found]
    for row, record in zip(rows, found):
        links = row.xpath(".//a[@class='redline']/@href")
        if record["status"] == "failed":
            assert links == [] and row.xpath("string(.//div[@class='error'])") == record["error"]
        else:
            assert links == [record["redline"]] and (outdir / links[0]).is_file()
            assert int(row.xpath("string(td[4]/@data-value)")) == record["summary"]["changes"]
    headers = [" ".join(th.text_content().split()) for th in page.xpath("//tr[@class='sort-row']/th")]
    assert headers[:4] == ["#", "Pair", "Status", "Changes"] and {"insert", "delete", "replace"} <= set(headers)
    assert "41 pairs: 30 changed, 10 unchanged, 1 failed." in page.xpath("string(//p[@class='counts'])")
    assert page.xpath("//script/@src | //link/@href | //img/@src") == []  # nothing loaded from elsewhere


@pytest.fixture(scope="module")
def browser():
    yield from launch_browser()


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium")
def test_the_index_in_chromium_sorts_and_reads_without_javascript(runs, browser):
    _, outdir = runs["jobs 1"]
    found = records(outdir)
    watched = Watched(browser, outdir / "index.html")
    page = watched.page
    names = lambda: page.eval_on_selector_all("#pairs tbody tr", "rows => rows.map(r => r.dataset.name)")  # noqa: E731
    assert names() == [record["name"] for record in found]
    changes = page.locator("#pairs tr.sort-row th button.sort", has_text="Changes")
    changes.click()
    by_changes = sorted(found, key=lambda record: -1 if record["summary"] is None else record["summary"]["changes"])
    assert names() == [record["name"] for record in by_changes]  # ties keep manifest order
    assert page.locator("#pairs tr.sort-row th[aria-sort='ascending']").inner_text().startswith("Changes")
    changes.click()
    assert names()[0] == max(found, key=lambda r: r["summary"]["changes"] if r["summary"] else -1)["name"]
    page.locator("#pairs tr.sort-row th button.sort", has_text="#").click()
    assert names() == [record["name"] for record in found]
    assert watched.errors == [] and watched.requests == [] and watched.console == []
    page.locator("a.redline").first.click()
    page.wait_for_load_state("load")
    assert page.url == (outdir / found[0]["redline"]).as_uri() and page.locator("h1").count() == 1
    assert watched.errors == [] and watched.requests == [page.url]
    watched.close()
    plain = Watched(browser, outdir / "index.html", java_script_enabled=False)
    assert plain.page.locator("#pairs tbody tr").count() == 41 and plain.page.locator("button.sort").count() == 0
    assert plain.page.locator("a.redline").count() == 40
    plain.close()


# ---------------------------------------------------------------- exit statuses


def test_exit_status_0_none_changed_1_some_changed_2_a_pair_failed(corpus, tmp_path):
    folder, pairs = corpus
    unchanged = [pair for pair in pairs if not pair.edits][:2]
    changed = [pair for pair in pairs if pair.edits][:1]
    for name, listed, extra, status in (("same", unchanged, [], 0), ("some", unchanged + changed, [], 1),
                                        ("failed", unchanged, [BROKEN], 2)):
        write_manifest(folder / f"{name}.csv", listed, extra)
        result = run(folder / f"{name}.csv", "-o", tmp_path / name, "--jobs", "1")
        assert result.exit_code == status, result.output


# ---------------------------------------------------------------- the manifest


def manifest(folder: Path, text: str) -> Path:
    path = folder / "m.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_manifest_rules_blank_lines_names_paths_and_cells(corpus, tmp_path):
    folder, pairs = corpus
    a, b = pairs[1], pairs[2]
    path = manifest(folder, (
        "\ufeffOld , NEW,name\n"  # a BOM; header cells in any case, spaced
        "\n"
        f"{a.old},{a.new},Same name\n"
        " , \n"  # blank cells: skipped as a blank line
        f"{b.old},{b.new},Same name\n"  # a repeated name: named 'Same name #2', with a warning
        f"{a.old},{b.new}\n"  # no name: the new file's path without its suffix
        f"{a.old}\n"  # no new file
        f"../outside.txt,{a.new},outside\n"
        f"/etc/hostname,{a.new},absolute\n"
        f"{a.old},{a.new},x,extra\n"
        f"pairs/./{a.old.split('/')[1]},{a.new},dotted\n"
    ))
    result = run(path, "-o", tmp_path / "out", "--jobs", "1")
    found = records(tmp_path / "out")
    assert [(record["name"], record["status"], record["error"]) for record in found] == [
        ("Same name", "changed", None),
        ("Same name #2", "changed", None),
        (b.new.removesuffix(".txt"), "changed", None),
        ("line 7", "failed", "line 7: no new file"),
        ("outside", "failed", "line 8: ../outside.txt is outside the manifest's folder; paths in a manifest stay inside it"),
        ("absolute", "failed", "line 9: /etc/hostname is an absolute path; paths in a manifest are relative to its folder"),
        ("x", "failed",
         "line 10: 4 cells, but the header row names 3 columns (a path holding a comma must be quoted)"),
        ("dotted", "changed", None),
    ]
    assert [record["redline"] for record in found] == [
        "Same-name.html", "Same-name-2.html", "pairs-02-new.html", None, None, None, None, "dotted.html"]
    assert result.stderr.splitlines()[0] == (
        f"statdiff: warning: manifest {path}: line 5: the name 'Same name' is also line 3's; this pair is named 'Same name #2'")
    assert result.exit_code == 2


def test_a_hostile_name_is_escaped_in_the_index_and_harmless_on_the_terminal(corpus, tmp_path):
    folder, pairs = corpus
    hostile = '<img src=x onerror=alert(1)> "quoted" \x1b]0;pwned\x07 \u202eevil\nline'
    with (folder / "hostile.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["old", "new", "name"])
        writer.writerow([pairs[1].old, pairs[1].new, hostile])
        writer.writerow(["pairs/absent.txt", pairs[1].new, hostile + " 2"])
    result = run(folder / "hostile.csv", "-o", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 2
    assert not any(character in result.stderr for character in "\x1b\x07\u202e")
    assert result.stderr.count("\n") == 2  # the failed pair's line and the summary: no line split by the name
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    names = lxml_html.fromstring(page.encode("utf-8")).xpath("//tr[contains(@class, 'pair')]/@data-name")
    assert names == [hostile, hostile + " 2"]
    assert [record["name"] for record in records(tmp_path / "out")] == names
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "changes.jsonl", "img-src-x-onerror-alert-1-quoted-0-pwned-evil-line.html", "index.html"]


def test_redline_file_names_are_safe_and_unique():
    names = ["HB 605 / enrolled", "hb-605-enrolled", "Loi québécoise", "../../etc/passwd", "index", "INDEX", "con",
             "", "...", "a" * 200, "café", "cafe"]
    files = batch.redline_file_names(names)
    assert files == [
        "HB-605-enrolled.html", "hb-605-enrolled-2.html", "Loi-quebecoise.html", "etc-passwd.html", "index-2.html",
        "INDEX-3.html", "con-2.html", "pair.html", "pair-2.html", "a" * 80 + ".html", "cafe.html", "cafe-2.html"]
    assert len({file.lower() for file in files}) == len(files)


# ---------------------------------------------------------------- --pairs-from


def test_pairs_from_a_folder_old_and_new_by_name_or_by_the_versions_identity(tmp_path):
    root = tmp_path / "pairs"
    pairs = write_pairs(root, count=3, layout="folders")
    (root / "notes.txt").write_text("files beside the pair folders are ignored")
    (root / ".hidden").mkdir()
    history = root / "pipa-947"  # no old.*/new.*: P.A. 94-947's text is the newer by its Source notes
    history.mkdir()
    (history / "a.txt").write_bytes(THROUGH_947.read_bytes())
    (history / "b.txt").write_bytes(AS_ENACTED.read_bytes())
    unordered = root / "same-version"
    unordered.mkdir()
    (unordered / "a.txt").write_bytes(THROUGH_947.read_bytes())
    (unordered / "b.txt").write_bytes(THROUGH_947.read_bytes())
    three = root / "three"
    three.mkdir()
    for name in ("old.txt", "new.txt", "other.txt"):
        (three / name).write_bytes(AS_ENACTED.read_bytes())
    half = root / "half"
    half.mkdir()
    (half / "old.txt").write_bytes(AS_ENACTED.read_bytes())
    (half / "b.txt").write_bytes(THROUGH_947.read_bytes())
    outdir = root / "out"  # inside the folder: never taken for a pair, now or on a second run
    for attempt in (1, 2):
        result = run("--pairs-from", root, "-o", outdir, "--jobs", "1")
        assert result.exit_code == 2, result.output
    found = records(outdir)
    assert [record["name"] for record in found] == ["00", "01", "02", "half", "pipa-947", "same-version", "three"]
    assert [(record["old"], record["new"]) for record in found[:3]] == [(pair.old, pair.new) for pair in pairs]
    assert (found[4]["old"], found[4]["new"], found[4]["status"]) == ("pipa-947/b.txt", "pipa-947/a.txt", "changed")
    assert found[3]["error"] == "half: name its two files old.* and new.* (found b.txt, old.txt)"
    assert found[5]["error"] == (
        f"same-version: cannot tell which file is the old version ({unordered / 'a.txt'} and {unordered / 'b.txt'}"
        " read as the same version: neither is older); name them old.* and new.*")
    assert found[6]["error"] == "three: holds new.txt, old.txt, other.txt; a pair's folder holds exactly two files, its two versions"


# ---------------------------------------------------------------- outputs


def test_outdir_created_unrelated_files_kept_inputs_never_overwritten(corpus, tmp_path):
    folder, pairs = corpus
    path = tmp_path / "m.csv"
    write_manifest(path, [])  # header only: refused
    assert run(path, "-o", tmp_path / "out").stderr == f"statdiff: error: manifest {path}: no pairs (a header row and no rows)\n"
    assert not (tmp_path / "out").exists()
    (tmp_path / "pairs").mkdir()
    for pair in pairs[:2]:
        for relative in (pair.old, pair.new):
            (tmp_path / relative).write_bytes((folder / relative).read_bytes())
    write_manifest(path, pairs[:2])
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "keep.txt").write_text("mine")
    assert run(path, "-o", outdir, "--jobs", "1").exit_code == 1
    assert sorted(p.name for p in outdir.iterdir()) == sorted(
        ["keep.txt", "changes.jsonl", "index.html"] + batch.redline_file_names([p.name for p in pairs[:2]]))
    # An input where a redline would go: refused before any work, nothing written.
    before = files_of(outdir)
    redline = batch.redline_file_names([pairs[1].name])[0]
    (outdir / redline).unlink()
    os.link(tmp_path / pairs[1].new, outdir / redline)
    result = run(path, "-o", outdir, "--jobs", "1")
    assert result.stderr == (f"statdiff: error: {outdir / redline}: the output would overwrite the input"
                             f" {tmp_path / pairs[1].new}; choose another output file\n")
    assert {name: data for name, data in files_of(outdir).items() if name != redline} == {
        name: data for name, data in before.items() if name != redline}


# ---------------------------------------------------------------- the terminal, Ctrl-C, a worker that dies


def test_a_progress_bar_on_a_terminal_and_nothing_when_stderr_is_not_one(corpus, tmp_path):
    folder, pairs = corpus
    path = folder / "three.csv"
    write_manifest(path, pairs[:3])
    primary, secondary = pty.openpty()
    process = subprocess.Popen([*STATDIFF, "batch", str(path), "-o", str(tmp_path / "tty"), "--jobs", "1"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    assert process.wait(60) == 1
    text = shown.decode("utf-8", "replace")
    assert "comparing" in text and "3/3" in text and "0 failed" in text
    piped = subprocess.run([*STATDIFF, "batch", str(path), "-o", str(tmp_path / "piped"), "--jobs", "1"],
                           capture_output=True, text=True, timeout=60)
    assert piped.stderr == f"wrote {tmp_path / 'piped'}: 3 pairs, 2 changed, 1 unchanged, 0 failed\n"


def _processes() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command line) of every living process (not a zombie)."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        state, parent = stat.rsplit(")", 1)[1].split()[:2]
        if state != "Z":
            table[int(entry.name)] = (int(parent), command)
    return table


def workers_of(pid: int) -> set[int]:
    """The pool's workers under a batch process: the children of its forkserver."""
    table = _processes()
    servers = {child for child, (parent, command) in table.items() if parent == pid and "forkserver" in command}
    return {child for child, (parent, _) in table.items() if parent in servers}


def descendants_of(pid: int) -> set[int]:
    table = _processes()
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, (parent, _) in table.items() if parent in frontier} - found
        found |= frontier
    return found


def wait_for(condition, what: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@contextlib.contextmanager
def stuck_batch(corpus, tmp_path: Path) -> Iterator[tuple[subprocess.Popen, Path, list[str]]]:
    """A batch on two local workers whose pair 2's old file is a FIFO nobody writes: that
    pair blocks its worker for ever while the other pairs are compared. The batch runs in a
    session of its own, killed whole on the way out, so that a failing test leaves no
    process blocked on the FIFO behind it."""
    folder, pairs = corpus
    fifo = folder / f"fifo-{tmp_path.name}.txt"
    os.mkfifo(fifo)
    listed = pairs[:4]
    path = folder / f"stuck-{tmp_path.name}.csv"
    write_manifest(path, listed[:2] + [Pair(listed[2].name, fifo.name, listed[2].new, 0)] + listed[3:])
    outdir = tmp_path / "out"
    process = subprocess.Popen([*STATDIFF, "batch", str(path), "-o", str(outdir), "--jobs", "2"], start_new_session=True,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        others = [file for number, file in enumerate(batch.redline_file_names([p.name for p in listed])) if number != 2]
        wait_for(lambda: all((outdir / file).exists() for file in others), "the other pairs' redlines")
        yield process, outdir, others
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()


@pytest.mark.parametrize("signum, message", [(signal.SIGINT, "interrupted"), (signal.SIGTERM, "interrupted by SIGTERM")])
def test_ctrl_c_or_a_kill_stops_the_workers_and_leaves_no_temporary_file(corpus, tmp_path, signum, message):
    with stuck_batch(corpus, tmp_path) as (process, outdir, others):
        workers = wait_for(lambda: workers_of(process.pid), "the workers")
        everyone = descendants_of(process.pid)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 2 and stderr == f"statdiff: error: {message}\n"
        assert workers <= everyone
        wait_for(lambda: not everyone & set(_processes()), "the workers, the forkserver and the resource tracker to exit", 10)
        assert sorted(path.name for path in outdir.iterdir()) == sorted(others)  # no temporary file, no index yet


class _Stop(Exception):
    pass


def test_a_stopped_pool_has_closed_its_wake_up_pipe_before_the_interpreter_exits():
    """The race behind a stray `OSError: Bad file descriptor` traceback after
    `interrupted by SIGTERM`: the exit hook of concurrent.futures writes to the pool's
    wake-up pipe while the pool's manager thread closes it. A stopped pool waits for that
    thread, so the pipe is closed (and the hook skips it) before the hook runs."""
    from statdiff.batch.runners import _Pool, process_context

    pool = _Pool(1, process_context())
    with pytest.raises(_Stop), pool as executor:
        executor.submit(time.sleep, 60)
        wait_for(lambda: executor._processes and all(p.is_alive() for p in executor._processes.values()), "the worker")
        manager, wake_up = executor._executor_manager_thread, executor._executor_manager_thread_wakeup
        raise _Stop
    assert not manager.is_alive() and wake_up._closed


@pytest.fixture(scope="module")
def died(corpus, tmp_path_factory) -> tuple[int, str, list[dict]]:
    """The stuck batch with its worker killed (twice: in the pool, then alone): only the
    stuck pair fails, the batch completes."""
    with stuck_batch(corpus, tmp_path_factory.mktemp("died")) as (process, outdir, _):
        first = wait_for(lambda: workers_of(process.pid), "the workers")
        for pid in first:
            kill_if_alive(pid)
        alone = wait_for(lambda: workers_of(process.pid) - first, "the pair run again alone")
        for pid in alone:
            kill_if_alive(pid)
        _, stderr = process.communicate(timeout=60)
        return process.returncode, stderr, records(outdir)


def kill_if_alive(pid: int) -> None:
    """SIGKILL a process listed a moment ago; one that has ended since (a worker done with its
    pair, under load) is gone already, which is what the kill was for (ProcessLookupError)."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def test_a_worker_that_dies_fails_only_its_pair(died):
    status, stderr, found = died
    assert status == 2
    assert [record["status"] for record in found] == ["unchanged", "changed", "failed", "changed"]
    assert found[2]["error"] == batch.WORKER_DIED
    assert f"pair {found[2]['name']}: {batch.WORKER_DIED}" in stderr


# ---------------------------------------------------------------- Dask


def test_scheduler_without_dask_installed_is_one_line(corpus, tmp_path, monkeypatch):
    folder, _ = corpus
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    result = run(folder / "manifest.csv", "-o", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert result.stderr == "statdiff: error: --scheduler needs Dask's distributed scheduler: pip install 'statdiff[dask]'\n"
    assert not (tmp_path / "out").exists()


def test_a_scheduler_that_does_not_answer_is_one_line_and_nothing_is_written(corpus, tmp_path, monkeypatch):
    folder, _ = corpus
    monkeypatch.setattr(batch.runners, "CONNECT_TIMEOUT", 0.2)
    for address, reason in (("tcp://127.0.0.1:1", "Timed out trying to connect to tcp://127.0.0.1:1 after 0.2 s"),
                            ("nonsense", "missing port number in address 'nonsense'")):
        result = run(folder / "manifest.csv", "-o", tmp_path / "out", "--scheduler", address)
        assert result.exit_code == 2
        assert result.stderr.splitlines()[-1] == f"statdiff: error: cannot connect to the Dask scheduler at {address} ({reason})"
    assert not (tmp_path / "out").exists()


class _FailsToUnpickle:
    """A task argument a worker cannot unpickle (as one from a statdiff the workers do not have)."""

    def __reduce__(self):
        return operator.truediv, (1, 0)


@pytest.fixture(scope="module")
def undeliverable(cluster) -> batch.PairOutcome:
    from distributed import Client

    task = batch.PairTask(0, "p", "p.html", batch.PairFiles("a.txt", "b.txt", "/a.txt", "/b.txt"),
                          batch.PairOptions(format=_FailsToUnpickle()))  # type: ignore[arg-type]
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        [(_, outcome)] = list(batch.runners.on_dask([task], client))
    return outcome


def test_a_task_the_cluster_cannot_run_is_that_pairs_error(undeliverable):
    assert undeliverable.record["status"] == "failed" and undeliverable.redline_html is None
    assert undeliverable.record["error"].startswith("the Dask cluster could not run this pair (")
    assert "deserialization of the task graph" in undeliverable.record["error"]


# ---------------------------------------------------------------- the error catalogue


def batch_messages(corpus, tmp_path: Path, monkeypatch, died, undeliverable) -> list[str]:
    folder, pairs = corpus

    def plan(text: str | bytes) -> str:
        path = folder / "catalogue.csv"
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return message_of(lambda: batch.plan_manifest(path))

    def read(path: Path) -> None:
        with monkeypatch.context() as patch:
            patch.setattr(batch.plan, "MANIFEST_LIMIT", 1000)
            batch.plan_manifest(path)

    messages = file_refusals(tmp_path, monkeypatch, read, ".csv", b"old,new\na.txt,b.txt\n", b"old,new\n" + b"a,b\n" * 500)
    messages += [
        plan(b""), plan(b"old,new\n\xff\xfe\x00,b\n"), plan('old,new\n"a"b,c\n'), plan("\n \n"),
        plan("old,new,notes\n"), plan("old,new,old\n"), plan("old,name\n"), plan("old,new\n"),
    ]
    a = pairs[0]
    path = manifest(folder, f"old,new\n{a.old}\n{a.old},{a.new},x\n../a.txt,{a.new}\n/a.txt,{a.new}\n")
    messages += [task.files.problem for task in batch.plan_manifest(path).tasks]
    for args in ([], [path, "--pairs-from", folder], [path, "--jobs", "2", "--scheduler", "tcp://127.0.0.1:1"]):
        messages.append(run(*args, "-o", tmp_path / "o").stderr.splitlines()[-1])
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "distributed", None)
        messages.append(run(path, "-o", tmp_path / "o", "--scheduler", "tcp://127.0.0.1:1").stderr.splitlines()[-1])
    with monkeypatch.context() as patch:
        patch.setattr(batch.runners, "CONNECT_TIMEOUT", 0.2)
        messages.append(run(path, "-o", tmp_path / "o", "--scheduler", "tcp://127.0.0.1:1").stderr.splitlines()[-1])
    # --pairs-from and its pair folders
    root = tmp_path / "root"
    messages += [message_of(lambda: batch.plan_folder(root, tmp_path / "o"))]
    root.write_text("x")
    messages += [message_of(lambda: batch.plan_folder(root, tmp_path / "o"))]
    root.unlink()
    root.mkdir()
    messages += [message_of(lambda: batch.plan_folder(root, tmp_path / "o"))]
    for name, files in (("three", ["old.txt", "new.txt", "x.txt"]), ("half", ["old.txt", "b.txt"]),
                        ("unknown", ["a.txt", "b.txt"])):
        (root / name).mkdir()
        for file in files:
            (root / name / file).write_bytes((folder / a.old).read_bytes())
    tasks = batch.plan_folder(root, tmp_path / "o").tasks
    messages += [task.files.problem for task in tasks if task.files.problem]
    messages += [batch.run_pair(task).record["error"] for task in tasks if not task.files.problem]
    with monkeypatch.context() as patch:
        patch.setattr(os, "scandir", lambda path: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
        messages.append(message_of(lambda: batch.plan_folder(root, tmp_path / "o")))
    # OUTDIR
    plan_of = batch.plan_manifest(manifest(folder, f"old,new\n{a.old},{a.new}\n"))
    messages.append(message_of(lambda: batch.run_batch(plan_of, folder / "manifest.csv", jobs=1)))
    messages.append(message_of(lambda: batch.run_batch(plan_of, tmp_path / "no" / "out", jobs=1)))
    with monkeypatch.context() as patch:
        patch.setattr(Path, "mkdir", lambda self, *a, **k: (_ for _ in ()).throw(OSError(30, "Read-only file system")))
        messages.append(message_of(lambda: batch.run_batch(plan_of, tmp_path / "ro", jobs=1)))
    def killed() -> None:
        with batch.run._signals_interrupt():
            os.kill(os.getpid(), signal.SIGHUP)

    messages.append(message_of(killed))
    # a pair's failures at run time: a worker that died, a cluster that cannot run it, the stderr line
    _, stderr, found = died
    messages += [found[2]["error"], undeliverable.record["error"]]
    messages += [line for line in stderr.splitlines() if line.startswith("statdiff: error: pair ")]
    return [message.removeprefix("statdiff: error: ").rstrip("\n") for message in messages]


def test_every_catalogued_batch_message_can_be_produced_and_every_produced_one_is_catalogued(
        corpus, tmp_path, monkeypatch, died, undeliverable):
    templates = catalogued("batch")
    messages = batch_messages(corpus, tmp_path, monkeypatch, died, undeliverable)
    unmatched_templates = [t for t in templates if not any(template_pattern(t).match(m) for m in messages)]
    uncatalogued_messages = [m for m in messages if not any(template_pattern(t).match(m) for t in templates)]
    assert unmatched_templates == []
    assert uncatalogued_messages == []
    assert len(templates) >= 30


def test_a_pair_whose_comparison_warned_says_so_in_the_index_and_the_summary(tmp_path):
    """A warning (here: a Section printed twice with no version note) is not lost in a batch:
    the record has it, the index shows it under the pair's name and counts the pairs with
    warnings, the summary line says how many."""
    text = THROUGH_947.read_text(encoding="utf-8")
    start, end = text.index("    (815 ILCS 530/5)"), text.index("    (815 ILCS 530/10)")
    (tmp_path / "old.txt").write_text(text, encoding="utf-8")
    (tmp_path / "new.txt").write_text(text + text[start:end], encoding="utf-8")
    (tmp_path / "m.csv").write_text("old,new,name\nold.txt,new.txt,twice\nold.txt,old.txt,same\n", encoding="utf-8")
    result = run(tmp_path / "m.csv", "-o", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 1
    assert result.stderr.rstrip().endswith("; 1 with warnings (see changes.jsonl or index.html)")
    warned = records(tmp_path / "out")[0]["warnings"]
    assert any("printed more than once" in warning for warning in warned)
    page = lxml_html.parse(str(tmp_path / "out" / "index.html")).getroot()
    rows = page.xpath("//tr[contains(@class, 'pair')]")
    assert [len(row.xpath(".//details[@class='warnings']//li")) for row in rows] == [len(warned), 0]
    assert "1 with warnings to read before the counts" in page.xpath("string(//p[@class='counts'])")
