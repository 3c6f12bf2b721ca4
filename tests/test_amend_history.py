"""The order of versions for `statdiff history`: real HB1633 versions, PIPA's laws and
bill, Public Acts by number, and the rule for amendments of each chamber."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from statdiff.amend import identity_of, latest_public_act, order_versions
from statdiff.errors import StatdiffError
from statdiff.model import Document, Identity, Node
from statdiff.read import read_path
from statdiff.structure import build_document

STATUTES = Path(__file__).parent.parent / "statutes"


def _load(*names: str) -> list[Document]:
    return [build_document(read_path(STATUTES / name)) for name in names]


def _names(documents: list[Document]) -> list[str]:
    return [Path(document.name).name for document in documents]


HB1633 = [  # in the order they were made
    "fragments/09400HB1633ham001_PARTIAL.txt",  # House Committee Amendment 1
    "fragments/09400HB1633ham004_ftp_PARTIAL.txt",  # House Floor Amendment 4
    "fragments/09400HB1633eng_ftp_PARTIAL.txt",  # engrossed: the page prints no header, the file name says it
    "fragments/09400HB1633enr_PARTIAL.txt",
    "fragments/PA094-0036_ilga_publicact_fulltext_PARTIAL.txt",
]


def test_hb1633_versions_in_any_order():
    documents = _load(*HB1633)
    expected = [Path(name).name for name in HB1633]
    for permutation in itertools.permutations(documents):
        assert _names(order_versions(list(permutation))) == expected


def test_hb2412_engrossed_enrolled_and_re_enrolled_in_any_order():
    """The 92nd GA's HB2412: passed, vetoed in part, enrolled again once both chambers
    accepted the Governor's amendatory veto (the page prints `HB2412 Re-Enrolled`)."""
    names = ["fragments/920HB2412eng_92ndGA_legisnet_PARTIAL.txt",
             "fragments/920HB2412enr_92ndGA_beta_flat_PARTIAL.txt",
             "fragments/920HB2412LV_92ndGA_legisnet_PARTIAL.txt"]
    documents = _load(*names)
    assert [document.identity.version for document in documents] == ["engrossed", "enrolled", "re-enrolled"]
    for permutation in itertools.permutations(documents):
        assert _names(order_versions(list(permutation))) == [Path(name).name for name in names]


def test_pipa_law_and_bill_in_any_order():
    names = [
        "pipa/815ILCS530_as_enacted_PA094-0036.txt",  # ILCS text, latest Source note P.A. 94-36
        "pipa/815ILCS530_through_PA094-0947.txt",  # latest Source note P.A. 94-947
        "pipa/09500HB0605_introduced_full.txt",  # a bill of the next General Assembly
    ]
    documents = _load(*names)
    for permutation in itertools.permutations(documents):
        assert _names(order_versions(list(permutation))) == [Path(name).name for name in names]
    assert latest_public_act(documents[1]) == (94, 947)


def test_public_acts_by_number_and_a_bill_before_its_own_act():
    names = [
        "fragments/PA094-0036_ilga_publicact_fulltext_PARTIAL.txt",
        "fragments/PA094-0947_ilga_fulltext_PARTIAL.txt",
        "fragments/PA097-0483_ilga_fulltext_PARTIAL.txt",
        "fragments/09900HB1260enr_lv_PARTIAL.txt",  # HB1260 became P.A. 99-503
        "fragments/PA099-0503_ilga_print_PARTIAL.txt",
        "fragments/PA101-0343_ilga_publicacts_PARTIAL.txt",
    ]
    documents = _load(*names)
    shuffled = documents[:]
    random.Random(15).shuffle(shuffled)
    assert _names(order_versions(shuffled)) == [Path(name).name for name in names]


def _version(name: str, **fields) -> Document:
    return Document(Identity(**fields), Node("document", ""), "numbered", name)


def test_amendments_of_each_chamber_around_engrossment():
    """A Senate bill: Senate amendments come before it is engrossed, House amendments after."""
    versions = [
        _version("introduced", general_assembly=102, bill="SB0731", version="introduced"),
        _version("sam001", general_assembly=102, bill="SB0731", version="amendment", amendment="sam001"),
        _version("sam002", general_assembly=102, bill="SB0731", version="amendment", amendment="sam002"),
        _version("engrossed", general_assembly=102, bill="SB0731", version="engrossed"),
        _version("ham001", general_assembly=102, bill="SB0731", version="amendment", amendment="ham001"),
        _version("ham003", general_assembly=102, bill="SB0731", version="amendment", amendment="ham003"),
        _version("enrolled", general_assembly=102, bill="SB0731", version="enrolled"),
        _version("public act", general_assembly=102, bill="SB0731", version="public act", public_act="102-1"),
    ]
    for seed in range(20):
        shuffled = versions[:]
        random.Random(seed).shuffle(shuffled)
        assert [version.name for version in order_versions(shuffled)] == [version.name for version in versions]


def test_versions_of_one_bill_need_no_general_assembly():
    versions = [
        _version("b", bill="HB0001", version="engrossed"),
        _version("a", bill="HB0001", version="introduced"),
    ]
    assert [version.name for version in order_versions(versions)] == ["a", "b"]


@pytest.mark.parametrize(
    "versions, message",
    [
        ([_version("law", version="compiled", act="815 ILCS 530")], "law: cannot place this ILCS text among the versions: it has no Source note"),
        ([_version("am", general_assembly=94, bill="HB0001", version="amendment")], "am: cannot place this amendment to HB0001: its number and chamber"),
        (
            [_version("one", general_assembly=94, bill="HB0001", version="introduced"), _version("two", general_assembly=94, bill="HB0002", version="introduced")],
            "cannot order versions of two bills of one General Assembly (HB0001 and HB0002)",
        ),
        (
            [_version("one", bill="HB0001", version="introduced"), _version("two", bill="HB0002", version="introduced")],
            "cannot place HB0001 among the versions: the text does not say its General Assembly",
        ),
        ([_version("blank")], "blank: cannot place this text among the versions: it does not say which bill or Public Act it is"),
    ],
)
def test_versions_that_cannot_be_placed_are_refused(versions, message):
    with pytest.raises(StatdiffError) as refused:
        order_versions(versions)
    assert message in str(refused.value)


@pytest.mark.parametrize(
    "name, fields",
    [
        ("09400HB1633eng_ftp_PARTIAL.txt", (94, "HB1633", "engrossed", None)),
        ("09200HB2412ren.htm", (92, "HB2412", "re-enrolled", None)),
        ("10000SB1424sam002_ftp_pipes_PARTIAL.txt", (100, "SB1424", "amendment", "sam002")),
        ("920HB4947LV_92ndGA_legisnet_PARTIAL.txt", (92, "HB4947", None, None)),  # LV: the latest version, unsaid
        ("093_HB0475ham001", (93, "HB0475", "amendment", "ham001")),
        ("09500HC0044ham001_COMPLETE.txt", (95, "HJRCA0044", "amendment", "ham001")),
        ("notes.txt", (None, None, None, None)),
    ],
)
def test_identity_from_an_ilga_file_name(name, fields):
    identity = identity_of(_version(name))
    assert (identity.general_assembly, identity.bill, identity.version, identity.amendment) == fields


def test_identity_the_text_gives_wins_over_the_file_name():
    document = _version("09400HB1633eng.txt", general_assembly=94, bill="HB1633", version="enrolled")
    assert identity_of(document).version == "enrolled"
