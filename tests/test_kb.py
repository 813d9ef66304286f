"""Knowledge base: countries, metonyms, organisations, people, places."""

from __future__ import annotations

import time

from khronika.language.kb import load_kb, with_coordinates


def test_kb_is_built_once_and_holds_every_country():
    kb = load_kb()
    assert load_kb() is kb
    countries = [e for e in kb.entries.values() if e.id.startswith("country:")]
    assert len(countries) >= 249
    assert len(kb) > len(countries) + 100


def test_countries_by_official_short_and_inflected_names():
    kb = load_kb()
    assert kb.lookup(["велика", "британія"]).code == "GBR"
    assert kb.lookup(["британія"]).code == "GBR"
    assert kb.lookup(["сша"]).code == "USA"
    assert kb.lookup(["росія"]).code == "RUS"
    assert kb.lookup_name("Німеччина").code == "DEU"
    assert kb.lookup_name("Республіки Польща").code == "POL"


def test_adjectives_and_demonyms_give_the_country():
    kb = load_kb()
    assert kb.country_of("білоруський") == "BLR"
    assert kb.country_of("українець") == "UKR"
    assert kb.country_of("росіянка") == "RUS"
    assert kb.country_of("Литва") == "LTU"
    assert kb.country_of("західний") == "WST"
    assert kb.country_of("стіл") is None


def test_capitals_and_seats_are_government_metonyms():
    kb = load_kb()
    minsk = kb.lookup(["мінськ"])
    assert (minsk.code, minsk.sector, minsk.metonym) == ("BLR", "GOV", True)
    white_house = kb.lookup(["білий", "дім"])
    assert (white_house.code, white_house.sector, white_house.metonym) == ("USA", "GOV", True)
    assert kb.lookup(["брюссель"]).code == "EUR"


def test_organisations_by_abbreviation_and_full_name():
    kb = load_kb()
    assert kb.lookup(["єс"]) is kb.lookup(["європейський", "союз"]) is kb.lookup(["євросоюз"])
    assert kb.lookup(["нато"]).sector == "IGO"
    assert kb.lookup(["міністерство", "фінансів", "сша"]).sector == "GOV"
    assert kb.lookup(["гур"]).sector == "MIL"
    assert kb.lookup_name("Reuters").sector == "MED"
    assert kb.lookup_name("Human Rights Watch").sector == "NGO"
    assert kb.lookup_name("Мін'юсту").code == "UKR"


def test_people_by_full_name_surname_and_near_miss():
    kb = load_kb()
    trump = kb.lookup(["дональд", "трамп"])
    assert trump is kb.lookup(["трамп"])
    assert (trump.code, trump.sector) == ("USA", "GOV")
    # two people share the surname stem: the gendered surface form tells them apart
    assert kb.lookup_name("Тихановська").sector == "OPP"
    assert kb.lookup_name("Тихановська") is not kb.lookup_name("Тихановський")
    assert kb.lookup(["віткоф"]) is kb.lookup(["віткофф"])  # spelling variants listed as aliases
    assert kb.lookup(["дональд", "трампф"]) is trump  # a near miss on a long key
    assert kb.lookup(["трампф"]) is None  # short keys must match exactly
    assert kb.lookup(["невідомченко"]) is None


def test_places_resolve_to_coordinates():
    kb = load_kb()
    started = time.perf_counter()
    lviv = kb.place("Львів")
    assert time.perf_counter() - started < 5
    assert lviv.country == "UKR" and 49 < lviv.lat < 50.5
    assert kb.place("Вашингтон").country == "USA"  # the capital, the most populous of that name
    minsk = with_coordinates(kb.lookup(["мінськ"]), kb)
    assert 53 < minsk.lat < 54.5 and 27 < minsk.lon < 28


def test_a_surname_that_is_a_first_name_of_somebody_else_is_not_matched_alone():
    kb = load_kb()
    assert kb.lookup_name("Густаво Петро").code == "COL"
    assert kb.lookup_name("Петро") is None  # Петро Порошенко's first name as much as Petro's surname
    assert kb.lookup_name("Пезешкіан").code == "IRN"
