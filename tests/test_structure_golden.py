"""What the headline case and the other seeds must contain (the golden tree outlines of
real texts are checked by test_tree_golden.py)."""

from __future__ import annotations

from pathlib import Path

from statdiff.read import read_path
from statdiff.structure import build_document

REPO = Path(__file__).resolve().parent.parent
HB0605 = REPO / "statutes/seeds/002_524df963b8163e99.txt"
PIPA_0947 = REPO / "statutes/pipa/815ILCS530_through_PA094-0947.txt"
SB731 = REPO / "statutes/seeds/003_80d6f31b0979e4b4.txt"
SB2031 = REPO / "statutes/seeds/004_b7c007cf1e6f9ae7.txt"


def parse(path: Path):
    return build_document(read_path(path))


def spans(document, path: str) -> str:
    return str(document.find(path).source)


def test_hb0605_identity_and_its_one_amendatory_bill_section():
    document = parse(HB0605)
    assert (document.identity.bill, document.identity.general_assembly, document.identity.version) == (
        "HB0605",
        95,
        "introduced",
    )
    bill_sections = [node for node in document.walk() if node.kind == "bill_section"]
    assert [node.path for node in bill_sections] == ["Section 5"]
    amends = bill_sections[0].meta.amends
    assert amends.act == "Personal Information Protection Act"
    assert amends.citation == "815 ILCS 530"
    assert amends.changing == ("5", "10")
    assert [child.path for child in bill_sections[0].children] == ["815 ILCS 530/5", "815 ILCS 530/10"]


def test_hb0605_sec_5_has_exactly_three_definitions():
    section = parse(HB0605).find("815 ILCS 530/5")
    definitions = [child.meta.term for child in section.children if child.kind == "definition"]
    assert definitions == [
        "Data Collector",
        "Breach of the security of the system data or written material",
        "Personal information",
    ]


def test_hb0605_sec_10_structure_and_page_lines():
    document = parse(HB0605)
    section = document.find("815 ILCS 530/10")
    assert section.meta.heading == "Notice of Breach."
    assert [child.path for child in section.children if child.kind == "subsection"] == [
        "815 ILCS 530/10(a)",
        "815 ILCS 530/10(b)",
        "815 ILCS 530/10(b-5)",
        "815 ILCS 530/10(c)",
        "815 ILCS 530/10(d)",
    ]
    assert [child.path for child in document.find("815 ILCS 530/10(c)").children] == [
        "815 ILCS 530/10(c)(1)",
        "815 ILCS 530/10(c)(2)",
        "815 ILCS 530/10(c)(3)",
    ]
    assert [child.path for child in document.find("815 ILCS 530/10(c)(3)").children] == [
        "815 ILCS 530/10(c)(3)(i)",
        "815 ILCS 530/10(c)(3)(ii)",
        "815 ILCS 530/10(c)(3)(iii)",
    ]
    assert spans(document, "815 ILCS 530/10 [citation]") == "2:17"
    assert spans(document, "815 ILCS 530/10 [1]") == "2:18"
    assert document.find("815 ILCS 530/10 [1]").text == "Sec. 10. Notice of Breach."
    assert spans(document, "815 ILCS 530/10(c)(3)(ii)") == "4:9-11"
    assert spans(document, "815 ILCS 530/10 [source]") == "4:21"
    assert section.meta.public_acts == ("94-36", "94-947")


def test_the_act_in_force_has_the_same_section_paths_as_the_bill_plus_sec_1():
    act = parse(PIPA_0947)
    bill = parse(HB0605)
    act_sections = [node.path for node in act.walk() if node.kind == "section"]
    assert act_sections == ["815 ILCS 530/1", "815 ILCS 530/5", "815 ILCS 530/10"]
    for path in ("815 ILCS 530/5", "815 ILCS 530/10"):
        act_paths = [node.path for node in act.find(path).walk()]
        bill_paths = [node.path for node in bill.find(path).walk()]
        # the bill renames one definition ("... data or written material"); every other path is shared
        assert set(act_paths) ^ set(bill_paths) <= {
            '815 ILCS 530/5 "Breach of the security of the system data"',
            '815 ILCS 530/5 "Breach of the security of the system data or written material"',
        }
    assert act.find("815 ILCS 530/1").meta.heading == "Short title."


def test_sb731_amendment_sections_and_definitions_with_page_lines():
    document = parse(SB731)
    sections = [node.path for node in document.root.children if node.kind in ("section", "bill_section")]
    assert sections == [f"Section {number}" for number in (10, 15, 20, 25, 30, 35, 40, 45, 50, 55)]
    assert document.find('Section 10 "Business"').kind == "definition"
    assert spans(document, 'Section 10 "Business"') == "3:7-22"
    assert document.find('Section 10 "Business" [2]').text.startswith('"Business" does not include')
    assert spans(document, "Section 15(3)(A)") == "11:14-15"
    assert document.find("Section 30(d)(4)(viii)").kind == "item"
    assert spans(document, "Section 55") == "25:20-24"


def test_sb2031_legisnet_sections_and_page_lines():
    document = parse(SB2031)
    top = [(node.kind, node.path) for node in document.root.children if node.kind != "text"]
    assert top == [
        ("section", "Section 1"),
        ("section", "Section 5"),
        ("section", "Section 10"),
        ("section", "Section 15"),
        ("section", "Section 20"),
        ("bill_section", "Section 99"),
    ]
    assert spans(document, "Section 10") == "1:28-3:30"
    assert spans(document, "Section 10(d)(1)") == "2:19-20"
    assert document.find("Section 10(d)(1)").text.endswith("as defined in subdivision (c) of Section 20.")
    assert spans(document, "Section 99") == "9:3-4"
