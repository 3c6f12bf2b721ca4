"""Diff tokens keep legal units whole, split punctuation off, and rebuild exactly."""

from hypothesis import given, settings
from hypothesis import strategies as st

from statdiff.model import Position, Word
from statdiff.compare.tokens import tokenize
from statdiff.model import rebuild


def words_of(text: str, page: int = 1) -> list[Word]:
    return [Word(text, Position(page, index // 5 + 1)) for index, text in enumerate(text.split())]


def texts(text: str) -> list[str]:
    return [token.text for token in tokenize(words_of(text))]


def test_legal_units_stay_whole():
    assert texts("(815 ILCS 530/10)") == ["(", "815 ILCS 530/10", ")"]
    assert texts("(Source: P.A. 94-36, eff. 1-1-06; 94-947, eff. 6-27-06.)") == [
        "(", "Source", ":", "P.A. 94-36", ",", "eff", ".", "1-1-06", ";", "94-947", ",", "eff", ".",
        "6-27-06", ".", ")",
    ]
    assert texts("(b-5) The notification required by subsection (a), within 48 hours") == [
        "(b-5)", "The", "notification", "required", "by", "subsection", "(a)", ",", "within", "48", "hours",
    ]
    assert texts("exceed $250,000 or 500,000, of 15 U.S.C., (iii) (A) (1.5)") == [
        "exceed", "$250,000", "or", "500,000", ",", "of", "15", "U.S.C.", ",", "(iii)", "(A)", "(1.5)",
    ]


def test_the_units_are_the_illinois_grammars():
    """An enumerator is a unit exactly as the structure stage reads one (`law.enumerators`):
    up to five capitals (`(VIII)`, a fifth-level item), `.N` suffixes (`(b.5)`); `(5a)` is
    no Illinois enumerator. An ILCS reference keeps the Unicode hyphens mirrors print."""
    assert texts("(VIII) (b.5) (c-10.5) (5a)") == ["(VIII)", "(b.5)", "(c-10.5)", "(", "5a", ")"]
    assert texts("see 30 ILCS 500/50\u20111, and 1000 ILCS 5/1.") == [
        "see", "30 ILCS 500/50\u20111", ",", "and", "1000", "ILCS", "5/1", ".",
    ]
    assert texts("P.A. 94-947; Public Act 94-947") == ["P.A. 94-947", ";", "Public", "Act", "94-947"]


def test_punctuation_is_its_own_token_without_space():
    tokens = tokenize(words_of('the data system. "Breach of data" means'))
    assert [(token.text, token.space_before) for token in tokens] == [
        ("the", False), ("data", True), ("system", True), (".", False), ('"', True), ("Breach", False),
        ("of", True), ("data", True), ('"', False), ("means", True),
    ]


def test_tokens_carry_their_words_position_and_a_unit_its_first_words():
    words = [Word("(815", Position(3, 7)), Word("ILCS", Position(3, 7)), Word("530/10)", Position(3, 8))]
    tokens = tokenize(words)
    assert [(token.text, token.position) for token in tokens] == [
        ("(", Position(3, 7)), ("815 ILCS 530/10", Position(3, 7)), (")", Position(3, 8)),
    ]


def test_possessive_and_inner_punctuation_are_kept():
    assert texts("collector's collectors' 1-1-06 (b-5) x--y") == ["collector's", "collectors'", "1-1-06", "(b-5)", "x--y"]


def test_a_compound_is_cut_after_its_hyphens_so_a_line_break_there_is_no_change():
    """A text printed in lines (a PDF, a page re-wrapped) breaks `non-forwardable` after its
    hyphen; the pieces compare alike however the compound was printed, and still rebuild it."""
    assert texts("web-site e-mail") == ["web-", "site", "e-", "mail"]
    assert texts("non- forwardable") == texts("non-forwardable") == ["non-", "forwardable"]
    joined, broken = tokenize(words_of('"Dual-purpose"')), tokenize(words_of('"Dual- purpose"'))
    assert [token.space_before for token in joined] == [False, False, False, False]
    assert rebuild(joined) == '"Dual-purpose"' and rebuild(broken) == '"Dual- purpose"'


word_text = st.one_of(
    st.text(alphabet=st.sampled_from(list('abcXYZ019$/-.,;:()"“”[]\'’!?')), min_size=1, max_size=8),
    st.text(min_size=1, max_size=6).filter(lambda text: text.split() == [text]),
    st.sampled_from(["ILCS", "P.A.", "U.S.C.", "815", "530/10)", "94-947,"]),
)


@settings(max_examples=300)
@given(st.lists(word_text, max_size=30))
def test_rebuild_restores_the_text_of_any_words(texts_):
    words = [Word(text) for text in texts_]
    assert rebuild(tokenize(words)) == " ".join(texts_)


@settings(max_examples=100)
@given(st.lists(st.sampled_from(["815", "ILCS", "530/10", "P.A.", "94-947", "(a)", "(b-5),", "data."]), max_size=20))
def test_rebuild_restores_unit_heavy_text(texts_):
    assert rebuild(tokenize([Word(text) for text in texts_])) == " ".join(texts_)


def test_no_character_below_the_first_cjk_one_is_searched_for_in_vain():
    """`_split_word` searches a word for Chinese or Japanese characters only when it holds one
    at or above `_FIRST_CJK`: that must be the least character of the pattern's class."""
    import re

    from statdiff.compare import tokens

    least = min(chr(code) for code in range(0x80, 0x3100) if re.fullmatch(tokens._CJK_CHARACTER.pattern, chr(code)))
    assert least == tokens._FIRST_CJK
    assert texts("§ 5 “notice” 第5条。") == ["§", "5", "“", "notice", "”", "第", "5", "条", "。"]
