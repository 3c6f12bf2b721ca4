"""A bill's or a law's history: its versions in order, each compared with the one before,
and every change of the whole history credited to the version that made it.

`statdiff history V1 V2 ... Vn` (`pipeline.history`):
1. the versions are read and put in the order they were made (`order_versions`, unless
   `--as-given`) and numbered 1 to n;
2. each gets the text it is compared by (`texts_of_versions`): a bill, a law or a Public Act
   as printed; an amendment applied to the printing it names, with the amendments adopted
   on that printing before it when it says `AS AMENDED` (the numbers stay the printing's),
   an amendment that cites another amendment's page and line numbers applied to that
   amendment first; a whole-replacement amendment applied the same way when its copy is
   whole and the printing is among the versions, else compared as given;
3. each text is compared with the one before (a step: `Step.number` is the version it leads
   to, 2 to n) and the first with the last (`History.final`);
4. every word of the last text is followed back, step by step, through the comparisons'
   unchanged runs to the step whose change put it in, and every word of the first text
   forward to the step whose change took it out (`_Links`): a change of the final
   comparison is credited to the steps whose changes made its words (`Credit.versions`;
   `to_version` the last of them), and a step's change no final change comes from was
   undone later (`StepChange.fate`: `undone`, with the version that undid it) or itself
   takes back an earlier step's change (`undoes`).

A change the final comparison reports but no step explains (the two comparisons aligned
the text differently) is credited to no version and said so (`History.warnings`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Protocol, Sequence

from statdiff.amend.amended import AmendedBill, build
from statdiff.amend.apply import InstructionRefused, apply_amendments
from statdiff.amend.credit import amendment_label, is_amendment
from statdiff.amend.history import latest_public_act, order_versions
from statdiff.amend.instructions import Amendment, Edit, identity_of, parse_amendment
from statdiff.errors import StatdiffError, os_reason
from statdiff.model import BodyLine, Change, Comparison, Document, Identity, Node, Op, ReadResult, Segment, WordSegment

# ------------------------------------------------------------------ the versions


@dataclass(slots=True, eq=False)
class Version:
    """One version as given: what its reader read and the tree built from it."""

    result: ReadResult
    document: Document
    number: int = 0  # 1..n once ordered

    @property
    def name(self) -> str:
        return self.document.name

    @property
    def identity(self) -> Identity:
        return identity_of(self.document)

    @property
    def label(self) -> str:
        """What the version is, in a few words: `P.A. 94-947`, `HB0605 introduced`,
        `HB1633 ham004`, `815 ILCS 530 through P.A. 94-947`; else its file name."""
        identity = self.identity
        if identity.public_act:
            return f"P.A. {identity.public_act}"
        if identity.bill:
            return " ".join(part for part in (identity.bill, identity.amendment or identity.version) if part)
        latest = latest_public_act(self.document)
        if identity.act and latest is not None:
            return f"{identity.act} through P.A. {latest[0]}-{latest[1]}"
        return identity.act or PurePath(self.name).name or self.name

    @property
    def credit(self) -> str:
        """`v2 P.A. 94-947`: how a change made by this version is credited."""
        return f"v{self.number} {self.label}"


def version_paths(paths: list[Path]) -> list[Path]:
    """The files of a history: the paths given, or the files of the one folder given (by
    name; hidden files and sub-folders left out)."""
    folders = [path for path in paths if path.is_dir()]
    if folders and len(paths) > 1:
        raise StatdiffError(f"{folders[0]}: is a folder; give one folder of versions, or the version files")
    if folders:
        try:
            files = sorted(path for path in folders[0].iterdir() if not path.name.startswith(".") and path.is_file())
        except OSError as error:
            raise StatdiffError(f"{folders[0]}: cannot list the folder ({os_reason(error)})") from None
        if len(files) < 2:
            raise StatdiffError(f"{folders[0]}: holds {len(files)} file{'' if len(files) == 1 else 's'}; "
                                "a history needs at least two versions")
        return files
    if len(paths) < 2:
        raise StatdiffError("a history needs at least two versions (files, or one folder holding them)")
    return paths


def order_of(versions: list[Version], as_given: bool) -> list[Version]:
    """The versions in the order they were made (`order_versions`), or as given; numbered from 1."""
    if not as_given:
        by_document = {id(version.document): version for version in versions}
        try:
            ordered = order_versions([version.document for version in versions])
        except StatdiffError as error:
            raise StatdiffError(f"{error} (--as-given takes the versions in the order given)") from None
        versions = [by_document[id(document)] for document in ordered]
    for number, version in enumerate(versions, start=1):
        version.number = number
    return versions


def _ties(versions: list[Version]) -> list[str]:
    """Versions next to each other that read as the same version (their order is the order
    given): the sort, stable, keeps them as given, so given the other way round they swap."""
    backward = order_versions([version.document for version in reversed(versions)])
    place = {id(document): index for index, document in enumerate(backward)}
    return [
        f"v{first.number} ({first.name}) and v{second.number} ({second.name}) read as the same version "
        f"({first.label}); they are taken in the order given"
        for first, second in zip(versions, versions[1:])
        if place[id(second.document)] < place[id(first.document)]
    ]


# ------------------------------------------------------------- the texts compared


@dataclass(slots=True, eq=False)
class VersionText:
    """The text a version is compared by: the version itself; (an amendment) the printing it
    names as amended (`amended`; `printing` is that printing's version, `applied` the
    amendment versions applied to it, in order); or a whole replacement's new text alone,
    when no printing is among the versions before it (`note` says why)."""

    version: Version
    document: Document
    amended: AmendedBill | None = None
    printing: Version | None = None
    applied: tuple[Version, ...] = ()
    own: Amendment | None = None  # the version's own instructions, when they were applied as they are
    note: str = ""  # what was left out or could not be done
    amends: Version | None = None  # the amendment whose page and line numbers it cites


    @property
    def how(self) -> str:
        """`applied to v1 HB0605 introduced`, `its new text alone (...)`, `compared as given
        (...)`; "" for a version that is not an amendment."""
        if self.printing is None:
            return self.note
        printing = f"v{self.printing.number} {self.printing.label}"
        if self.amends is not None:
            return f"applied to {self.amends.credit}, which applies to {printing}"
        others = [version.credit for version in self.applied[:-1]]
        also = f", after {', '.join(others)}" if others else ""
        cut = f" ({self.note})" if self.note else ""
        return f"applied to {printing}{also}{cut}"


@dataclass(slots=True, eq=False)
class _Adopted:
    """An amendment version taken into a printing, as it now reads (amended itself, when a
    later amendment cited its page and line numbers)."""

    version: Version
    amendment: Amendment
    source: ReadResult | Document
    number: Version  # the amendment version whose number it goes by (the one amended, once a later one amends it)


def texts_of_versions(versions: list[Version], check_printing: bool = True) -> list[VersionText]:
    """The text each version is compared by (see the module docstring, 2)."""
    texts: list[VersionText] = []
    printings: list[Version] = []  # the versions before that are a bill's printings, in order
    adopted: dict[int, list[_Adopted]] = {}  # id of a printing -> the amendments adopted on it, in order
    for version in versions:
        if not is_amendment(version.result):
            printings.append(version)
            adopted[id(version)] = []
            texts.append(VersionText(version, version.document))
            continue
        amendment = _instructions(version)
        if isinstance(amendment, str):
            texts.append(VersionText(version, version.document, note=f"compared as given ({amendment})"))
            continue
        replacement = amendment.replacement()
        cut = replacement is not None and replacement[1]
        cited: Version | None = None
        if amendment.target.printing.amendment:
            printing, stack, cited = _amended_in_place(version, amendment, printings, adopted, check_printing)
        else:
            named = _printing_named(amendment, printings)
            if named is None:
                if replacement is None:
                    raise StatdiffError(f"{version.name}: cannot apply this amendment: no version before it is a printing of "
                                        f"{amendment.target.describe()} (give that printing, or --as-given to choose the order)")
                alone = f"its new text alone: no printing of {amendment.target.bill} before it" + ("; its copy is cut off" if cut else "")
                texts.append(VersionText(version, _new_text_alone(version, replacement[0]), note=alone))
                continue
            printing = named
            if replacement is not None:  # it replaces whatever was adopted before
                stack = [_Adopted(version, replace(amendment, edits=(replacement[0],), problems=()), version.result, version)]
            else:
                earlier = adopted[id(printing)] if amendment.target.printing.as_amended else []
                stack = earlier + [_Adopted(version, amendment, version.result, version)]
        amended = _applied(version, printing.result, [item.amendment for item in stack], check_printing)
        adopted[id(printing)] = stack
        # A new text for everything after the enacting clause keeps the amendment's page:line (no
        # line of the bill is left to cite) and is the version's one instruction: credited to the
        # version. Page-and-line edits stand at the bill lines they cite, each credited to its own.
        whole = all(item.amendment.whole_replacement for item in stack)
        own = None if amendment.target.printing.amendment or whole else stack[-1].amendment
        note = "its copy is cut off: its new text as far as the copy goes" if cut else ""
        texts.append(VersionText(version, amended.to_document("amendment" if whole else "bill"), amended, printing,
                                 tuple(item.version for item in stack), own, note, cited))
    return texts


def _printing_named(amendment: Amendment, printings: list[Version]) -> Version | None:
    """The printing before it that the amendment cites: the last one of the version it names
    (as introduced, as engrossed), else the last printing (`apply` checks it is the one)."""
    wanted = amendment.target.printing.version
    named = [printing for printing in printings if wanted is not None and printing.identity.version == wanted]
    found = named or printings
    return found[-1] if found else None


def _applied(version: Version, printing: ReadResult | Document, amendments: list[Amendment], check_printing: bool) -> AmendedBill:
    """`apply_amendments`, a refusal naming the version whose instruction it is."""
    try:
        return apply_amendments(printing, list(amendments), check_printing=check_printing)
    except InstructionRefused as error:
        raise StatdiffError(f"{version.name}: {error}") from None


def _instructions(version: Version) -> Amendment | str:
    """The amendment's instructions (a whole replacement's even when its copy is cut off), or
    why it is compared as given (it prints no preamble)."""
    try:
        amendment = parse_amendment(version.result)
    except StatdiffError:
        return "it prints no \"Amend House Bill ...\" preamble"
    if amendment.problems and amendment.replacement() is None:
        raise StatdiffError(f"{version.name}: {amendment.problems[0]}")
    return amendment


def _new_text_alone(version: Version, edit: Edit) -> Document:
    """A whole replacement's new text as a document of its own, each line where the amendment prints it."""
    lines = [BodyLine(line.text, line.position.page, line.position.line, line.indented) for line in edit.new]
    return build(ReadResult(lines, version.result.rendering, version.identity, None, version.name))


def _amended_in_place(version: Version, amendment: Amendment, printings: list[Version],
                      adopted: dict[int, list[_Adopted]], check_printing: bool) -> tuple[Version, list[_Adopted], Version]:
    """An amendment citing an earlier amendment's page and line numbers amends that amendment:
    the cited one, as amended, takes its place among the amendments adopted on its printing."""
    if amendment.problems:
        raise StatdiffError(f"{version.name}: {amendment.problems[0]}")
    code = amendment.target.printing.amendment_code
    for printing in reversed(printings):
        stack = adopted[id(printing)]
        place = next((index for index, item in enumerate(stack) if item.number.identity.amendment == code), None)
        if place is None:
            continue
        cited = stack[place]
        amended = _applied(version, cited.source, [amendment], check_printing)
        source = amended.to_read_result()  # new text at the page:line this amendment printed it
        source.identity = cited.number.identity
        replaced = _Adopted(version, parse_amendment(source), source, cited.number)
        return printing, stack[:place] + [replaced] + stack[place + 1:], cited.number
    raise StatdiffError(f"{version.name}: cannot apply this amendment: it cites {amendment.target.printing.describe()}, "
                        "which is not among the amendments applied before it")


# ------------------------------------------------------------------ the history


@dataclass(slots=True, eq=False)
class StepChange:
    """A change one step made, and what became of it by the last version (`fate`):
    - `kept`: a change of the whole history (first version against last) comes from it;
    - `undone`: later versions took its words back out, or put back what it took out (`undone_in`);
    - `undoes`: it takes back what earlier versions did (`undoes`);
    - `left_out`: its words are in text the comparisons leave to one copy from version
      `left_out_in` on (a truncated copy), or (`left_out_in` empty) in text the comparison of
      the first and last versions does not compare (a bill's title against an Act)."""

    change: Change
    step: int
    fate: str = "kept"
    undone_in: tuple[int, ...] = ()
    undoes: tuple[int, ...] = ()
    left_out_in: tuple[int, ...] = ()


@dataclass(slots=True, eq=False)
class Step:
    """Version `number` (2..n) compared with the one before."""

    number: int
    text: VersionText
    comparison: Comparison
    warnings: list[str]
    changes: list[StepChange] = field(default_factory=list)

    @property
    def version(self) -> Version:
        return self.text.version

    @property
    def kept(self) -> list[StepChange]:
        return [change for change in self.changes if change.fate == "kept"]

    @property
    def later_undone(self) -> list[StepChange]:
        return [change for change in self.changes if change.fate != "kept"]


@dataclass(frozen=True, slots=True)
class Credit:
    """The versions a change of the whole history comes from (ascending), and the step changes."""

    versions: tuple[int, ...]
    made_by: tuple[StepChange, ...]

    @property
    def to_version(self) -> int | None:
        """The version that made it (the last one, when several made parts of it)."""
        return self.versions[-1] if self.versions else None


@dataclass(slots=True, eq=False)
class History:
    versions: list[Version]
    texts: list[VersionText]
    steps: list[Step]
    final: Comparison
    credits: dict[Change, Credit]
    order: str  # "identity" or "as given"
    warnings: list[str] = field(default_factory=list)

    @property
    def first(self) -> Version:
        return self.versions[0]

    @property
    def last(self) -> Version:
        return self.versions[-1]

    @property
    def undone(self) -> list[StepChange]:
        """Every step change a later version took back, or that takes back an earlier one."""
        return [change for step in self.steps for change in step.later_undone]

    def credit_of(self, change: Change) -> Credit:
        return self.credits.get(change, Credit((), ()))

    def __repr__(self) -> str:
        return (f"<History of {len(self.versions)} versions: {len(self.final.changes)} changes "
                f"from v1 to v{len(self.versions)}, {len(self.undone)} undone>")


class StepComparison(Protocol):
    """What `build_history` needs of a step: its comparison and its warnings (`pipeline.Diffed`)."""

    @property
    def comparison(self) -> Comparison: ...

    @property
    def warnings(self) -> list[str]: ...


def build_history(versions: list[Version], texts: list[VersionText], steps: Sequence[StepComparison],
                  final: Comparison, order: str) -> History:
    """Credit every change of `final` (first text against last) to the steps that made it, and
    tell each step's changes kept from those later undone (the module docstring, 4)."""
    built = [Step(number, text, step.comparison, list(step.warnings))
             for number, (text, step) in enumerate(zip(texts[1:], steps), start=2)]
    links = [_Links(step.comparison) for step in built]
    final_links = _Links(final)
    credits: dict[Change, Credit] = {}
    kept: set[int] = set()
    warnings: list[str] = []
    step_changes = {id(change): StepChange(change, step.number) for step in built for change in step.comparison.changes}
    for change in final.changes:
        makers = _makers(change, final_links, links, step_changes)
        kept.update(id(maker) for maker in makers)
        versions_made = tuple(sorted({maker.step for maker in makers}))
        credits[change] = Credit(versions_made, tuple(makers))
        if not versions_made:
            warnings.append(f"change {change.anchor} ({change.op} in {change.place}) "
                            "comes from no single step: the comparisons align this text differently")
    for step in built:
        step.changes = [step_changes[id(change)] for change in step.comparison.changes]
        for item in step.changes:
            if id(item) not in kept:
                _fate(item, links, final_links)
    notes = [note for text in texts if text.amended is not None for note in text.amended.notes]
    if order == "identity":
        notes += _ties(versions)
    history = History(versions, texts, built, final, credits, order, list(dict.fromkeys(notes)) + warnings)
    _credit_final(history)
    return history


def _credit_final(history: History) -> None:
    """Each change of the whole history credited to the versions that made it (`attributed_to`:
    `v2 P.A. 94-947`; a version applied by page and line adds its instruction:
    `v3 HB0605 ham001, page 3, line 2`)."""
    for change, credit in history.credits.items():
        texts = []
        for maker in credit.made_by:
            version = history.versions[maker.step - 1]
            instruction = maker.change.attributed_to if history.texts[maker.step - 1].own is not None else None
            texts.append(f"v{maker.step} {instruction}" if instruction else version.credit)
        change.attributed_to = "; ".join(dict.fromkeys(texts)) or None
    for step in history.steps:
        if step.text.own is None:  # its changes are the version's, by no instruction of its own
            for item in step.changes:
                item.change.attributed_to = step.version.credit


# ------------------------------------------------------------------ tracing words

Key = tuple[Node, int]  # a token: the node holding it and its place among the node's tokens


class _Links:
    """How one comparison ties its two texts' tokens: unchanged ones to each other, changed
    ones to the change that put them in or took them out; and nodes to nodes."""

    def __init__(self, comparison: Comparison):
        self.forward: dict[Key, Key] = {}
        self.backward: dict[Key, Key] = {}
        self.same_forward: dict[Node, Node] = {}  # whole nodes alike, token for token
        self.same_backward: dict[Node, Node] = {}
        self.inserted: dict[Key, Change] = {}
        self.deleted: dict[Key, Change] = {}
        self.node_forward: dict[Node, Node] = {}
        self.structural: dict[Node, Change] = {}  # old node -> its move or renumbering
        self.put_in: dict[int, list[Key]] = {}  # id of a change -> the tokens it put in
        self.took_out: dict[int, list[Key]] = {}  # ... and those it took out
        for section in comparison.sections:
            self._section(section.nodes, section.section_changes)
            if section.old is not None and section.new is not None:
                self.node_forward.setdefault(section.old, section.new)
            for change in section.section_changes:
                if change.op in (Op.MOVE, Op.RENUMBER) and section.old is not None:
                    self.structural[section.old] = change

    def _section(self, nodes: list, section_changes: list[Change]) -> None:
        one_sided_old: list[tuple[Key, str]] = []
        one_sided_new: list[tuple[Key, str]] = []
        whole = next((change for change in section_changes if change.op in (Op.ADD, Op.REMOVE)), None)
        for pair in nodes:
            old, new = pair.old, pair.new
            if old is not None and new is not None:
                self.node_forward.setdefault(old, new)
                for change in pair.changes:
                    if change.op in (Op.MOVE, Op.RENUMBER):
                        self.structural[old] = change
            if old is not None and new is not None and pair.segments and all(
                    segment.op == Op.EQUAL and segment.has_text() and _two_sided(segment) for segment in pair.segments):
                self.same_forward[old] = new
                self.same_backward[new] = old
                continue
            node_change = next((change for change in pair.changes if change.op in (Op.ADD, Op.REMOVE)), whole)
            anchors = {change.anchor: change for change in pair.changes}
            old_index = new_index = 0
            for segment in pair.segments:
                old_keys = [(old, old_index + i) for i in range(len(segment.old))] if old is not None else []
                new_keys = [(new, new_index + i) for i in range(len(segment.new))] if new is not None else []
                old_index += len(segment.old)
                new_index += len(segment.new)
                if segment.op == Op.EQUAL:
                    if old_keys and new_keys:
                        for a, b in zip(old_keys, new_keys):
                            self.forward[a] = b
                            self.backward[b] = a
                    else:
                        one_sided_old.extend(zip(old_keys, (token.text for token in segment.old)))
                        one_sided_new.extend(zip(new_keys, (token.text for token in segment.new)))
                    continue
                change = anchors.get(segment.anchor) if segment.anchor else node_change
                if change is None or segment.op in (Op.ONLY_OLD, Op.ONLY_NEW):
                    continue
                for key in old_keys:
                    self.deleted[key] = change
                for key in new_keys:
                    self.inserted[key] = change
                self.took_out.setdefault(id(change), []).extend(old_keys)
                self.put_in.setdefault(id(change), []).extend(new_keys)
        # A section diffed as one stream lists its nodes one side at a time: its unchanged
        # tokens are alike in order across the nodes.
        if one_sided_old and [text for _, text in one_sided_old] == [text for _, text in one_sided_new]:
            for (a, _), (b, _) in zip(one_sided_old, one_sided_new):
                self.forward[a] = b
                self.backward[b] = a

    def ahead(self, key: Key) -> Key | None:
        """The token of the new text an unchanged token of the old text is."""
        return _across(key, self.forward, self.same_forward)

    def back(self, key: Key) -> Key | None:
        """The token of the old text an unchanged token of the new text is."""
        return _across(key, self.backward, self.same_backward)


def _across(key: Key, tokens: dict[Key, Key], nodes: dict[Node, Node]) -> Key | None:
    found = tokens.get(key)
    if found is None and key[0] in nodes:
        return nodes[key[0]], key[1]
    return found


def _two_sided(segment: Segment) -> bool:
    """An unchanged run both texts hold token for token. A run of whole words is told from its
    words, not tokenized: most nodes of two versions are unchanged."""
    if isinstance(segment, WordSegment):
        return bool(segment.old_words) and bool(segment.new_words)
    return bool(segment.old) and bool(segment.new) and len(segment.old) == len(segment.new)


@dataclass(frozen=True, slots=True)
class _Trace:
    """Where following a token led: to the step (0-based) and change that put it in or took
    it out; to a step that leaves it to one copy (`change` None: a truncated copy, a text the
    comparison does not compare); or through every step (`step` None) to `key`."""

    step: int | None
    change: Change | None = None
    key: Key | None = None


def _born(key: Key, links: list[_Links]) -> _Trace:
    """Follow a token of the last of the texts `links` tie back to the step that put it in."""
    return _follow(key, links, range(len(links) - 1, -1, -1), backward=True)


def _died(key: Key, links: list[_Links], start: int = 0) -> _Trace:
    """Follow a token of text `start` forward to the step that took it out."""
    return _follow(key, links, range(start, len(links)), backward=False)


def _follow(key: Key, links: list[_Links], steps: range, backward: bool) -> _Trace:
    current = key
    for index in steps:
        link = links[index]
        change = (link.inserted if backward else link.deleted).get(current)
        if change is not None:
            return _Trace(index, change)
        found = link.back(current) if backward else link.ahead(current)
        if found is None:
            return _Trace(index)
        current = found
    return _Trace(None, None, current)


def _makers(change: Change, final: _Links, links: list[_Links], step_changes: dict[int, StepChange]) -> list[StepChange]:
    """The step changes a change of the final comparison comes from: those that put in its
    new words, took out its old words, or (a move, a renumbering) moved its node."""
    found: dict[int, StepChange] = {}

    def add(trace: _Trace) -> None:
        if trace.change is not None and id(trace.change) in step_changes:
            found.setdefault(id(trace.change), step_changes[id(trace.change)])

    for key in final.put_in.get(id(change), ()):
        add(_born(key, links))
    for key in final.took_out.get(id(change), ()):
        add(_died(key, links))
    for node, owner in final.structural.items():
        if owner is change:
            current: Node | None = node
            for index, step in enumerate(links):
                if current is None:
                    break
                if current in step.structural:
                    add(_Trace(index, step.structural[current]))
                current = step.node_forward.get(current)
    return sorted(found.values(), key=lambda item: item.step)


def _fate(item: StepChange, links: list[_Links], final: _Links) -> None:
    """What became of a step change no final change comes from (`StepChange`): the versions
    that took its new words out or put its old words back; the earlier versions whose words it
    takes out or puts back; or the version from which the texts compared leave its words out."""
    index = item.step - 2  # its comparison among `links`: text `index` against text `index + 1`
    undone_in: set[int] = set()
    undoes: set[int] = set()
    left_out: set[int] = set()

    def note(trace: _Trace, into: set[int]) -> None:
        if trace.step is None:
            return
        (into if trace.change is not None else left_out).add(trace.step + 2)

    step = links[index]
    for key in step.put_in.get(id(item.change), ()):
        died = _died(key, links, index + 1)
        if died.step is not None:
            note(died, undone_in)
            continue
        # it reaches the last text: held by the first text too, it puts back what a version took out
        first = final.back(died.key) if died.key is not None else None
        if first is not None:
            note(_died(first, links), undoes)
    for key in step.took_out.get(id(item.change), ()):
        born = _born(key, links[:index])
        if born.step is not None:  # words an earlier version put in (or that no comparison before holds)
            if born.change is not None:
                undoes.add(born.step + 2)
            continue
        # a word of the first text: back in the last text, a later version put it back
        last = final.ahead(born.key) if born.key is not None else None
        if last is not None:
            note(_born(last, links), undone_in)
    item.undone_in = tuple(sorted(undone_in))
    item.undoes = tuple(sorted(undoes))
    item.left_out_in = tuple(sorted(left_out))
    item.fate = "undone" if undone_in else "undoes" if undoes else "left_out"
