"""The values stage: quantities and dates (DESIGN §4), on focused cases, our gold set and the seed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import spacy

from khronika.evaluate.values import read_gold, run
from khronika.language import Analysis, analyze
from khronika.model import Article, DateExpr, Quantity, Token
from khronika.text import for_matching
from khronika.values import Values, extract
from khronika.values.dates import pick

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "values"
NOVEMBER = date(2025, 11, 26)  # a Wednesday


def values_of(text: str, published: date = NOVEMBER) -> Values:
    return extract(analyze(Article("test", text, published)), published)


def only_quantity(text: str) -> Quantity:
    quantities = values_of(text).quantities
    assert len(quantities) == 1, quantities
    return quantities[0]


def only_date(text: str, published: date = NOVEMBER) -> DateExpr:
    dates = values_of(text, published).dates
    assert len(dates) == 1, dates
    return dates[0]


# --- quantities ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Табір покинули 1 000 біженців.", "1 000", 1000),
        ("Табір покинули 1\u00a0000 біженців.", "1\u00a0000", 1000),
        ("Табір покинули 1,000 біженців.", "1,000", 1000),
        ("Табір покинули 1.000 біженців.", "1.000", 1000),
        ("Табір покинули 12 345 678 біженців.", "12 345 678", 12345678),
        ("Табір покинули 2,5 тис. біженців.", "2,5 тис.", 2500),
    ],
)
def test_digits_with_every_separator(text: str, span: str, value: int) -> None:
    quantity = only_quantity(text)
    assert (quantity.text, quantity.min, quantity.max, quantity.counted) == (span, value, value, "біженець")


@pytest.mark.parametrize(
    ("text", "span", "value", "counted"),
    [
        ("Медики врятували сто пацієнтів.", "сто", 100, "пацієнт"),
        ("Суд виправдав тридцять одного протестувальника.", "тридцять одного", 31, "протестувальник"),
        ("Премії вручили п'ятдесятьом науковцям.", "п'ятдесятьом", 50, "науковець"),
        ("Евакуювали понад двохсот пацієнтів.", "понад двохсот", 201, "пацієнт"),
        ("Зібрали півтори тисячі підписів.", "півтори тисячі", 1500, "підпис"),
        ("До міста прибули три ешелони.", "три", 3, "ешелон"),
        ("Нагороди отримали дев'ятеро курсантів.", "дев'ятеро", 9, "курсант"),
        ("Будинок покинули дві тисячі п'ятсот сорок мешканців.", "дві тисячі п'ятсот сорок", 2540, "мешканець"),
        ("Країну покинули два з половиною мільйони громадян.", "два з половиною мільйони", 2_500_000, "громадянин"),
    ],
)
def test_number_words_in_all_cases(text: str, span: str, value: int, counted: str) -> None:
    quantity = only_quantity(text)
    assert quantity.text == span
    assert quantity.max == value or quantity.min == value
    assert quantity.counted == counted


@pytest.mark.parametrize(
    ("phrase", "minimum", "maximum", "qualifier", "approximate"),
    [
        ("щонайменше 100", 100, None, "at_least", False),
        ("не менше ніж 100", 100, None, "at_least", False),
        ("мінімум 100", 100, None, "at_least", False),
        ("понад 100", 101, None, "more_than", False),
        ("більше ніж 100", 101, None, "more_than", False),
        ("більш як 100", 101, None, "more_than", False),
        ("до 100", None, 100, "at_most", False),
        ("менше ніж 100", None, 99, "less_than", False),
        ("майже 100", 100, 100, "approx", True),
        ("близько 100", 100, 100, "approx", True),
        ("приблизно 100", 100, 100, "approx", True),
        ("орієнтовно 100", 100, 100, "approx", True),
        ("від 100 до 120", 100, 120, "range", False),
        ("100–120", 100, 120, "range", False),
        ("десятки", 20, 99, "vague", False),
        ("сотні", 200, 999, "vague", False),
        ("кілька", 2, 9, "vague", False),
        ("півсотні", 50, 50, "vague", False),
        ("тисячі", 2000, 9999, "vague", False),
        ("кілька тисяч", 2000, 9999, "vague", False),
        ("десятки тисяч", 20000, 99999, "vague", False),
    ],
)
def test_qualifiers_become_inclusive_intervals(
    phrase: str, minimum: int | None, maximum: int | None, qualifier: str, approximate: bool
) -> None:
    quantity = only_quantity(f"Поліція затримала {phrase} демонстрантів.")
    assert quantity.text == phrase
    assert (quantity.min, quantity.max, quantity.qualifier, quantity.approximate) == (
        minimum, maximum, qualifier, approximate,
    )
    assert quantity.counted == "демонстрант"


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Уряд виділив 7,08 млн грн на ремонт.", "7,08 млн грн", 7_080_000, "UAH"),
        ("Союзники обіцяють $5 млн на відбудову.", "$5 млн", 5_000_000, "USD"),
        ("Фонд отримав €3 млрд для енергетики.", "€3 млрд", 3_000_000_000, "EUR"),
        ("Штраф становить 200 євро для кожного.", "200 євро", 200, "EUR"),
        ("Позика на 40 мільйонів доларів надійде восени.", "40 мільйонів доларів", 40_000_000, "USD"),
        ("Підтримка зросла до рівня 35%.", "35%", 35, "percent"),
        ("Рейтинг становить 41,5 відсотка.", "41,5 відсотка", 41.5, "percent"),
    ],
)
def test_money_and_percentages(text: str, span: str, value: float, unit: str) -> None:
    quantity = only_quantity(text)
    assert (quantity.text, quantity.min, quantity.max, quantity.unit, quantity.counted) == (
        span, value, value, unit, None,
    )


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "qualifier", "counted"),
    [
        ("Суд засудив активіста до семи років колонії.", "семи", 7, 7, "exact", "рік"),
        ("Обвинуваченим загрожує до десяти років ув'язнення.", "до десяти", None, 10, "at_most", "рік"),
        ("Число поранених протестувальників зросло до сорока.", "сорока", 40, 40, "exact", None),
        ("Місія отримала доступ лише до кількох сотень полонених.", "кількох сотень", 200, 999, "vague", "полонений"),
        ("Сторони обміняються по тисячі полонених.", "тисячі", 1000, 1000, "exact", "полонений"),
        ("Посадовці кілька разів переносили зустріч.", "кілька", 2, 9, "vague", "раз"),
        ("Під обстрілом загинула одна жінка.", "одна", 1, 1, "exact", "жінка"),
        ("Поліція перевірила щонайменше у дев'яти квартирах.", "щонайменше у дев'яти", 9, None, "at_least", "квартира"),
        ("Затримали 40 людей, з них понад десять — студенти.", "понад десять", 11, None, "more_than", "студент"),
        ("Росія передала двадцять трьох тяжкопоранених бійців.", "двадцять трьох", 23, 23, "exact", "боєць"),
    ],
)
def test_terms_vague_bounds_and_harder_counted_nouns(
    text: str, span: str, low: int | None, high: int | None, qualifier: str, counted: str | None
) -> None:
    found = [q for q in values_of(text).quantities if q.text == span]
    assert len(found) == 1, values_of(text).quantities
    assert (found[0].min, found[0].max, found[0].qualifier, found[0].counted) == (low, high, qualifier, counted)


def test_a_bare_count_takes_the_noun_counted_before() -> None:
    text = "Додому повернулися 120 військових. Щонайменше десятеро з них потребують лікування."
    assert [(q.text, q.counted) for q in values_of(text).quantities] == [
        ("120", "військовий"),
        ("Щонайменше десятеро", "військовий"),
    ]


def test_the_count_of_a_duration_is_a_quantity_too() -> None:
    values = values_of("Уряд пообіцяв протягом трьох місяців провести аудит.")
    assert [d.text for d in values.dates] == ["протягом трьох місяців"]
    assert [(q.text, q.counted) for q in values.quantities] == [("трьох", "місяць")]


def test_after_an_event_is_not_after_publication() -> None:
    values = values_of("Удар стався через кілька днів після того, як переговори зірвалися.")
    assert values.dates == []
    assert [(q.text, q.counted) for q in values.quantities] == [("кілька", "день")]


def test_both_and_times_are_counts_only_with_a_noun() -> None:
    assert values_of("Обом повідомили про підозру, а полонених звільнили з обох сторін.").quantities == []
    assert [q.counted for q in values_of("Обидва пілоти вижили.").quantities] == ["пілот"]
    assert values_of("Ціни зросли у 2 рази.").quantities == []


def test_counted_group_and_its_nationality() -> None:
    by_text = {q.text: q for q in values_of("Звільнили 31 українця і 7 литовських журналістів.").quantities}
    assert (by_text["31"].counted, by_text["31"].nationality) == ("українець", "UKR")
    assert (by_text["7"].counted, by_text["7"].nationality) == ("журналіст", "LTU")


@pytest.mark.parametrize(
    "text",
    [
        "Закон ухвалили у 1996 році.",
        "Відповідно до ст. 5 кодексу рішення оскаржили.",
        "Засідання почнеться о 14:30.",
        "Над містом пролетів Су-34.",
        "Подію призначили на 5-те число.",
        "Довідки за номером 044 234 56 78.",
        "Ціни зросли у 3 рази.",
        "Один із лідерів опозиції виступив.",
        "Другий раунд переговорів завершився.",
        "Матч завершився з рахунком 2 : 1.",
        "Сусіди допомагали одне одному.",
    ],
)
def test_years_times_articles_codes_and_ordinals_are_not_counts(text: str) -> None:
    assert values_of(text).quantities == []


def test_text_is_quoted_from_the_original_article() -> None:
    quantity = only_quantity("Затримали щонайменше п’ятьох осіб.")
    assert quantity.text == "щонайменше п’ятьох"  # the article's own apostrophe, not U+0027
    assert (quantity.min, quantity.counted) == (5, "особа")


def test_works_on_a_blank_pipeline_through_pymorphy3() -> None:
    """Without the language stage's morphology, counted nouns and tense come from pymorphy3."""
    text = "Минулого тижня звільнили 12 політичних в’язнів, а у вересні звільнили ще 20."
    doc = spacy.blank("uk")(for_matching(text))
    tokens = [Token(t.idx, t.idx + len(t), text[t.idx : t.idx + len(t)], "", "", "") for t in doc]
    values = extract(Analysis(doc, [], tokens, []), NOVEMBER)
    # "ще 20" has no noun of its own: it counts what the sentence's last count counted
    assert [(q.text, q.counted) for q in values.quantities] == [("12", "в'язень"), ("20", "в'язень")]
    assert [(d.text, d.date_start) for d in values.dates] == [
        ("Минулого тижня", date(2025, 11, 17)),
        ("у вересні", date(2025, 9, 1)),
    ]


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "precision"),
    [
        ("Угоду підписали 26 листопада 2025 року.", "26 листопада 2025 року", "2025-11-26", "2025-11-26", "day"),
        ("Угоду підписали 26.11.2025.", "26.11.2025", "2025-11-26", "2025-11-26", "day"),
        ("Угоду підписали 2025-11-26.", "2025-11-26", "2025-11-26", "2025-11-26", "day"),
        ("Заворушення тривали з 1 по 5 листопада.", "з 1 по 5 листопада", "2025-11-01", "2025-11-05", "days"),
        ("Вчора президент підписав указ.", "Вчора", "2025-11-25", "2025-11-25", "day"),
        ("Позавчора президент підписав указ.", "Позавчора", "2025-11-24", "2025-11-24", "day"),
        ("Сьогодні президент підписав указ.", "Сьогодні", "2025-11-26", "2025-11-26", "day"),
        ("Минулого тижня президент підписав указ.", "Минулого тижня", "2025-11-17", "2025-11-23", "week"),
        ("Минулого місяця президент підписав указ.", "Минулого місяця", "2025-10-01", "2025-10-31", "month"),
        ("Цього місяця президент підписав указ.", "Цього місяця", "2025-11-01", "2025-11-30", "month"),
        ("На початку цього місяця президент підписав указ.", "На початку цього місяця", "2025-11-01", "2025-11-10", "part_of_month"),
        ("Наприкінці жовтня президент підписав указ.", "Наприкінці жовтня", "2025-10-21", "2025-10-31", "part_of_month"),
        ("В середині жовтня президент підписав указ.", "В середині жовтня", "2025-10-11", "2025-10-20", "part_of_month"),
        ("Минулими вихідними президент підписав указ.", "Минулими вихідними", "2025-11-22", "2025-11-23", "days"),
        ("Останніми місяцями президент підписав кілька указів.", "Останніми місяцями", "2025-08-01", "2025-11-26", "vague"),
        ("Останніми днями президент підписав указ.", "Останніми днями", "2025-11-19", "2025-11-26", "vague"),
        ("Днями президент підписав указ.", "Днями", "2025-11-19", "2025-11-26", "vague"),
        ("Наступного тижня президент підпише указ.", "Наступного тижня", "2025-12-01", "2025-12-07", "week"),
        ("Найближчими днями президент підпише указ.", "Найближчими днями", "2025-11-26", "2025-12-03", "vague"),
        ("Протягом двох тижнів тривали консультації.", "Протягом двох тижнів", "2025-11-12", "2025-11-26", "vague"),
        ("Навесні президент підписав указ.", "Навесні", "2025-03-01", "2025-05-31", "season"),
        ("У 2024 році президент підписав указ.", "У 2024 році", "2024-01-01", "2024-12-31", "year"),
        ("У 1990-х президент підписав указ.", "У 1990-х", "1990-01-01", "1999-12-31", "year"),
        ("Минулої середи президент підписав указ.", "Минулої середи", "2025-11-19", "2025-11-19", "day"),
        ("За останню добу ворог атакував громаду.", "За останню добу", "2025-11-25", "2025-11-26", "vague"),
        ("До кінця року президент підпише указ.", "До кінця року", "2025-11-26", "2025-12-31", "vague"),
        ("Наприкінці 2024 року президент підписав указ.", "Наприкінці 2024 року", "2024-10-01", "2024-12-31", "vague"),
        ("Три дні тому президент підписав указ.", "Три дні тому", "2025-11-23", "2025-11-23", "day"),
        ("Через два тижні президент підпише указ.", "Через два тижні", "2025-12-08", "2025-12-14", "week"),
        ("Дрони атакували місто в ніч на неділю.", "в ніч на неділю", "2025-11-22", "2025-11-23", "days"),
        ("Вибухи пролунали в ніч проти вівторка.", "в ніч проти вівторка", "2025-11-24", "2025-11-25", "days"),
        ("Сторони ведуть перемовини з 2023 року.", "з 2023 року", "2023-01-01", "2025-11-26", "vague"),
        ("Активісти мітингують від жовтня.", "від жовтня", "2025-10-01", "2025-11-26", "vague"),
        ("Блокада триває з весни 2024 року.", "з весни 2024 року", "2024-03-01", "2025-11-26", "vague"),
        ("Страйк триває від кінця вересня.", "від кінця вересня", "2025-09-21", "2025-11-26", "vague"),
        ("Рішення ухвалять до кінця січня.", "до кінця січня", "2025-11-26", "2026-01-31", "vague"),
        ("Нові системи можуть надійти до кінця зими.", "до кінця зими", "2025-11-26", "2026-02-28", "vague"),
        ("На початку тижня делегація прибула до Варшави.", "На початку тижня", "2025-11-24", "2025-11-26", "days"),
        ("Учасників торішніх акцій затримали.", "торішніх", "2024-01-01", "2024-12-31", "year"),
        ("Заборона діятиме з наступного року.", "з наступного року", "2026-01-01", "2026-12-31", "vague"),
        ("Втрати лише за жовтень зросли.", "за жовтень", "2025-10-01", "2025-10-31", "month"),
        ("Опозиціонера затримали торік навесні.", "торік навесні", "2024-03-01", "2024-05-31", "season"),
        ("Обміни тривають від початку повномасштабного вторгнення.", "від початку повномасштабного вторгнення", "2022-02-24", "2025-11-26", "vague"),
        ("Асамблея зібралася у третю річницю повномасштабного вторгнення.", "у третю річницю повномасштабного вторгнення", "2025-02-24", "2025-02-24", "day"),
        ("Вантажівки стоять на кордоні ще з осені минулого року.", "з осені минулого року", "2024-09-01", "2025-11-26", "vague"),
    ],
)
def test_date_forms(text: str, span: str, start: str, end: str, precision: str) -> None:
    found = only_date(text)
    assert (found.text, found.date_start, found.date_end, found.precision) == (
        span, date.fromisoformat(start), date.fromisoformat(end), precision,
    )


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("У вересні уряд звільнив в'язнів.", "2025-09-01"),  # past: this year's September
        ("У вересні уряд звільнить в'язнів.", "2026-09-01"),  # future: the next September
        ("У грудні уряд звільняє в'язнів.", "2025-12-01"),  # present: the nearest December
        ("У понеділок уряд звільнив в'язнів.", "2025-11-24"),  # past: the last Monday
        ("У понеділок уряд звільнить в'язнів.", "2025-12-01"),  # future: the next Monday
        ("Навесні уряд звільнить в'язнів.", "2026-03-01"),
        ("Переговори, які почалися у січні, тривають.", "2025-01-01"),  # the verb of its own clause decides
    ],
)
def test_partial_dates_follow_the_tense_of_their_clause(text: str, start: str) -> None:
    assert only_date(text).date_start == date.fromisoformat(start)


def test_anaphoric_dates_take_the_day_mentioned_before() -> None:
    text = (
        "У понеділок посол вручив ноту. Того ж дня міністр скликав нараду. Наступного дня уряд"
        " ухвалив постанову. Того ж тижня парламент проголосував за закон."
    )
    found = [(d.text, d.date_start, d.date_end) for d in values_of(text).dates]
    assert found == [
        ("У понеділок", date(2025, 11, 24), date(2025, 11, 24)),
        ("Того ж дня", date(2025, 11, 24), date(2025, 11, 24)),
        ("Наступного дня", date(2025, 11, 25), date(2025, 11, 25)),
        ("Того ж тижня", date(2025, 11, 24), date(2025, 11, 30)),
    ]
    assert values_of("Того ж дня міністр скликав нараду.").dates == []  # nothing to refer to
    eve = values_of("У вівторок прем'єр подав у відставку. Напередодні студенти перекрили міст.").dates
    assert [(d.text, d.date_start) for d in eve] == [
        ("У вівторок", date(2025, 11, 25)),
        ("Напередодні", date(2025, 11, 24)),
    ]
    # the eve of a named event is not the day before the date mentioned
    assert [d.text for d in values_of("У вівторок поліція провела обшуки напередодні виборів.").dates] == ["У вівторок"]
    # a time of day alone is on the day mentioned before; right after a date it only narrows it
    evening = values_of("У суботу сторони погодили перемир'я. Увечері його порушили. У неділю ввечері знову стріляли.").dates
    assert [(d.text, d.date_start) for d in evening] == [
        ("У суботу", date(2025, 11, 22)),
        ("Увечері", date(2025, 11, 22)),
        ("У неділю", date(2025, 11, 23)),
    ]


def test_plans_and_infinitives_point_forward() -> None:
    assert only_date("Сторони домовилися провести обмін у лютому.").date_start == date(2026, 2, 1)
    assert only_date("Наступну зустріч запланували на початку березня.").date_start == date(2026, 3, 1)
    assert only_date("У лютому сторони провели обмін.").date_start == date(2025, 2, 1)


def test_to_date_is_not_a_date() -> None:
    assert values_of("Це найбільший на сьогодні обмін.").dates == []


def test_pick_breaks_ties_toward_the_past() -> None:
    before = (date(2025, 5, 1), date(2025, 5, 31))
    after = (date(2025, 7, 1), date(2025, 7, 31))
    assert pick([before, after], None, date(2025, 6, 15)) == before
    assert pick([before, after], "future", date(2025, 6, 15)) == after


def test_numbers_inside_dates_are_not_counts() -> None:
    values = values_of("З 1 по 5 листопада 2025 року звільнили 14 заручників.")
    assert [q.text for q in values.quantities] == ["14"]
    assert [d.text for d in values.dates] == ["З 1 по 5 листопада 2025 року"]


# --- gold sets ----------------------------------------------------------------------------


def test_gold_set_is_large_and_covers_every_form() -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.gold.json"))]
    quantities = [q for g in golds for q in g["quantities"]]
    timex = [t for g in golds for t in g["timex"]]
    assert len(quantities) + len(timex) >= 200
    assert {q["qualifier"] for q in quantities} == {
        "exact", "at_least", "more_than", "at_most", "less_than", "approx", "vague", "range",
    }
    assert {q.get("unit") for q in quantities} >= {"UAH", "USD", "EUR", "percent", None}
    assert {t["precision"] for t in timex} == {
        "day", "days", "week", "month", "part_of_month", "season", "year", "vague",
    }
    for path in GOLD_DIR.glob("*.gold.json"):
        article, _ = read_gold(path)  # every gold file names a readable article
        assert article.text


def test_scores_on_our_gold_set_beat_dateparser() -> None:
    report = run(sorted(GOLD_DIR.glob("*.gold.json")))
    assert report.quantities.f1 >= 0.95, report.quantity_errors
    assert report.quantity_spans.f1 >= 0.97, report.quantity_errors
    assert report.dates.f1 >= 0.97, report.date_errors
    assert report.date_precision_accuracy >= 0.97
    assert report.dates_in_interval.f1 > report.dateparser_in_interval.f1
    assert report.to_dict()["dates"]["gold"] == report.dates.gold
    assert report.render().renderables[0].row_count == 7


def test_seed_gold_exactly(shared_data: Path) -> None:
    gold_path = shared_data / "seed" / "belarus-prisoners-2025-11-26.gold.json"
    article, gold = read_gold(gold_path)
    values = extract(analyze(article), article.published)

    for expected in gold["quantities"]:
        matches = [q for q in values.quantities if q.text == expected["text"]]
        assert matches, f"missing quantity {expected['text']!r}"
        found = [
            q for q in matches
            if (q.min, q.max, q.counted, q.nationality, q.qualifier)
            == (expected["min"], expected["max"], expected["counted"], expected.get("nationality"), expected["qualifier"])
        ]
        assert found, f"{expected} != {matches}"

    for expected in gold["timex"]:
        matches = [d for d in values.dates if d.text.lower() == expected["text"].lower()]
        assert matches, f"missing date {expected['text']!r}"
        interval = (date.fromisoformat(expected["start"]), date.fromisoformat(expected["end"]))
        assert any(
            (d.date_start, d.date_end, d.precision) == (*interval, expected["precision"]) for d in matches
        ), f"{expected} != {matches}"
