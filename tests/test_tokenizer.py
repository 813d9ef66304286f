"""Tokenizer and sentence splitter on news-like sentences written for these tests."""

from __future__ import annotations

import pytest

from khronika.language.pipeline import blank
from khronika.language.tokenizer import abbreviations


@pytest.fixture(scope="module")
def nlp():
    return blank()


def words(nlp, text: str) -> list[str]:
    return [t.text for t in nlp(text) if not t.is_space]


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    "number",
    ["1 000", "1\u00a0000", "12 500 000", "2 300,5", "4\u202f750"],
)
def test_number_with_thousands_separator_is_one_token(nlp, number):
    assert words(nlp, f"Мерія виділила {number} гривень на ремонт.")[2] == number


def test_separate_numbers_stay_apart(nlp):
    # A year then a count: the second group is not three digits after a 1-3 digit head.
    assert words(nlp, "У 2024 15 волонтерів приїхали.") == ["У", "2024", "15", "волонтерів", "приїхали", "."]


def test_decimals_dates_urls_and_apostrophes(nlp):
    tokens = words(nlp, "Курс 41,25 гривні на 03.02.2026 опублікували на https://bank.example.ua/kurs?d=3 п'ятого дня.")
    for expected in ("41,25", "03.02.2026", "https://bank.example.ua/kurs?d=3", "п'ятого"):
        assert expected in tokens


def test_quotes_are_separate_tokens(nlp):
    assert words(nlp, "Компанія «Зелений світ» відкрилася.") == [
        "Компанія", "«", "Зелений", "світ", "»", "відкрилася", ".",
    ]


def test_abbreviations_keep_their_period_inside_a_sentence(nlp):
    tokens = words(nlp, "Згідно зі ст. 12 закону виплатили 3 тис. грн. пенсіонерам, а також ін. допомогу.")
    assert {"ст.", "тис.", "грн.", "ін."} <= set(tokens)


def test_abbreviation_at_sentence_end_gives_its_period_to_the_sentence(nlp):
    text = "Бюджет зріс до 5 млрд грн. Наступного року його скоротять."
    assert words(nlp, text)[5:7] == ["грн", "."]
    assert sentences(nlp, text) == ["Бюджет зріс до 5 млрд грн.", "Наступного року його скоротять."]


def test_hyphenated_words_stay_whole(nlp):
    assert "північно-західний" in words(nlp, "Це північно-західний район.")


def test_glued_initial_is_split_from_surname(nlp):
    assert words(nlp, "Заяву зробив О.Петренко вчора.")[2:4] == ["О.", "Петренко"]


def test_no_sentence_break_after_initials(nlp):
    text = "Учора Т. Г. Коваленко відвідав школу. Діти зраділи."
    assert sentences(nlp, text) == ["Учора Т. Г. Коваленко відвідав школу.", "Діти зраділи."]


def test_no_sentence_break_after_title_abbreviations(nlp):
    text = "Кафе на вул. Садовій відкрилось у 2023 р. і працює досі."
    assert len(sentences(nlp, text)) == 1


def test_sentence_breaks_at_paragraphs_and_question_marks(nlp):
    text = "Хто переможе?! Невідомо\nДругий абзац без крапки\n\nТретій абзац."
    assert sentences(nlp, text) == ["Хто переможе?!", "Невідомо", "Другий абзац без крапки", "Третій абзац."]


def test_quoted_speech_with_attribution_is_one_sentence(nlp):
    text = "«Ми готові!» — сказав мер. «Працюємо далі.» Засідання закрили."
    assert sentences(nlp, text) == ["«Ми готові!» — сказав мер.", "«Працюємо далі.»", "Засідання закрили."]


def test_lowercase_after_ellipsis_continues_the_sentence(nlp):
    assert len(sentences(nlp, "Він чекав... і дочекався.")) == 1


def test_abbreviation_list_has_capitalized_variants():
    abbr = abbreviations()
    assert "Вул." in abbr.title and "Тис." in abbr.terminal
    assert not abbr.title & abbr.terminal


def test_offsets_cover_the_text(nlp):
    text = "Понад 1 000 осіб\nзібралися 26.11.2025 р. на майдані."
    doc = nlp(text)
    assert "".join(t.text_with_ws for t in doc) == text
