"""The events stage: PLOVER records, their arguments, and the evaluation against gold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khronika.evaluate.events import run, same_reporter, score_article
from khronika.events import extract
from khronika.events.actors import ActorResolver
from khronika.events.lexicon import load as load_lexicon
from khronika.events.syntax import words_of
from khronika.language import analyze
from khronika.model import Article, Event
from khronika.text import article_id
from khronika import values

DEV_GOLD_DIR = Path(__file__).parent / "gold" / "dev"

PUBLISHED = date(2025, 6, 12)  # a Thursday
# measured on the development gold set (64 articles, 01-64): F1 0.910 (P 0.928, R 0.892), recipient 0.840,
# reporter 0.873 (0.855 since an unattributed lead takes the next sentence's outlet, as the independently
# written sets annotate it); the floors leave room for the set still growing and for a retrained NER model
DEV_F1_FLOOR = 0.87
DEV_ARGUMENT_FLOORS = {"recipient": 0.81, "reporter": 0.85}


def events_of(text: str, published: date = PUBLISHED) -> list[Event]:
    article = Article(article_id(text, published), text, published)
    analysis = analyze(article)
    return extract(article, analysis, values.extract(analysis, published))


def only(events: list[Event], category: str) -> Event:
    found = [e for e in events if e.event == category]
    assert len(found) == 1, [(e.event, e.eventText) for e in events]
    return found[0]


def categories(events: list[Event]) -> set[str]:
    return {e.event for e in events}


def codes(actors: list) -> set[str]:
    return {a.code for a in actors if a.code}


# -- the seed and the development gold set ------------------------------------------


def test_seed_every_event_and_argument(shared_data: Path) -> None:
    report = run([shared_data / "seed" / "belarus-prisoners-2025-11-26.gold.json"])
    assert report.errors() == []
    assert report.precision == 1.0 and report.recall == 1.0
    assert all(total > 0 and ok == total for ok, total in report.argument_counts().values())


def test_development_gold_set_f1() -> None:
    gold = sorted(DEV_GOLD_DIR.glob("*.gold.json"))
    if not gold:
        pytest.skip("no development gold files")
    report = run(gold)
    assert report.f1 >= DEV_F1_FLOOR
    counts = report.argument_counts()
    for argument, floor in DEV_ARGUMENT_FLOORS.items():
        correct, total = counts[argument]
        assert correct / total >= floor, (argument, correct, total)


# -- status ---------------------------------------------------------------------------


def test_status_from_tense_negation_and_modality() -> None:
    assert only(events_of("Поліція вчора затримала трьох активістів у Мінську."), "COERCE").status == "occurred"
    assert only(events_of("Литва не вислала російського дипломата."), "SANCTION").status == "denied"
    assert only(events_of("Уряд Молдови вишле двох російських дипломатів наступного тижня."), "SANCTION").status == "planned"
    assert only(events_of("Білорусь може звільнити ще двадцять в'язнів."), "RETREAT").status == "possible"
    assert only(events_of("Влада Ірану досі утримує двох громадян Франції."), "COERCE").status == "ongoing"


def test_discussed_release_is_possible_while_the_talks_are_ongoing() -> None:
    events = events_of("Польща та Білорусь обговорюють можливе звільнення Мінськом двох журналістів.")
    talks, release = only(events, "CONSULT"), only(events, "RETREAT")
    assert (talks.status, release.status) == ("ongoing", "possible")
    assert codes(talks.actor) == {"POL", "BLR"} and codes(release.actor) == {"BLR"}


def test_an_open_question_without_an_agent_is_not_a_record() -> None:
    assert events_of("Невідомо, коли саме можуть звільнити цих людей.") == []


# -- actors ---------------------------------------------------------------------------


def test_compound_actor_and_instrumental_partner() -> None:
    event = only(events_of("Трамп і його посланці зустрілися з Лукашенком у Мінську."), "CONSULT")
    assert codes(event.actor) == {"USA"} and len(event.actor) == 2
    assert codes(event.recipient) == {"BLR"}


def test_relative_clause_gives_actor_and_recipient() -> None:
    event = only(events_of("Посланцем став Джон Коул, якого Трамп призначив у вересні."), "APPOINT")
    assert codes(event.actor) == {"USA"}
    assert [a.name for a in event.recipient] == ["Джон Коул"]


def test_description_of_a_country_named_before() -> None:
    text = "Білорусь давно тримає опозиціонерів під вартою. Проте авторитарна держава звільнила сорок в'язнів."
    event = only(events_of(text), "RETREAT")
    assert codes(event.actor) == {"BLR"}
    assert (event.magnitude.min, event.magnitude.max) == (40, 40)


def test_metonym_capital_is_the_government() -> None:
    event = only(events_of("Будапешт вислав двох українських дипломатів."), "SANCTION")
    assert event.mode == "expel"
    assert codes(event.actor) == {"HUN"} and codes(event.recipient) == {"UKR"}


def test_nationality_of_the_counted_people_is_the_recipient() -> None:
    event = only(events_of("Лукашенко помилував дванадцять литовців минулого тижня."), "CONCEDE")
    assert event.mode == "pardon" and codes(event.recipient) == {"LTU"}
    assert event.date_start == date(2025, 6, 2) and not event.date_from_publication


def test_request_is_one_record_with_the_mode_of_what_is_requested() -> None:
    events = events_of("Франція закликала Іран негайно звільнити своїх громадян.")
    assert [e.event for e in events] == ["REQUEST"]
    assert events[0].mode == "yield" and codes(events[0].recipient) == {"IRN"}


# -- attribution and time -------------------------------------------------------------


def test_attribution_reporter_sources_and_anonymity() -> None:
    event = only(events_of("Литва вислала двох дипломатів, пише Reuters із посиланням на два джерела."), "SANCTION")
    assert event.attribution.reporter == "Reuters"
    assert event.attribution.sources == 2 and event.attribution.anonymous


def test_named_speaker_is_not_a_reporter() -> None:
    event = only(events_of("Угорщина вислала двох українських дипломатів, заявив Віктор Орбан."), "SANCTION")
    assert event.attribution.speaker == "Віктор Орбан" and event.attribution.reporter is None


def test_attribution_in_the_next_sentence_of_the_paragraph() -> None:
    text = "Міністр провів у Відні консультації з представниками ОБСЄ. Про це повідомило Міністерство закордонних справ України."
    event = only(events_of(text), "CONSULT")
    assert same_reporter("Міністерство закордонних справ України", event.attribution.reporter)


def test_publication_date_only_when_the_text_gives_no_time() -> None:
    event = only(events_of("Естонія вислала російського дипломата."), "SANCTION")
    assert event.date_from_publication and event.date_start == PUBLISHED


# -- scoring --------------------------------------------------------------------------


def test_reporter_names_compare_by_words_and_knowledge_base() -> None:
    assert same_reporter("Вясна", "правозахисний центр «Вясна»")
    assert same_reporter("СБУ", "Служба безпеки України")
    assert not same_reporter("Reuters", "Укрінформ")
    assert same_reporter(None, None) and not same_reporter("Reuters", None)


def test_scoring_counts_optional_gold_neither_way() -> None:
    text = "Литва вислала дипломата. Білорусь відмовилася коментувати."
    events = events_of(text)
    gold = {
        "article": {"file": "x.txt", "published": PUBLISHED.isoformat()},
        "events": [
            {"in": "Литва вислала", "event": "SANCTION", "mode": "expel", "actor": ["LTU"], "status": "occurred"},
            {"in": "відмовилася коментувати", "event": "COMMENT", "actor": ["BLR"], "optional": True},
            {"in": "Литва вислала", "event": "ASSAULT", "actor": ["LTU"]},
        ],
    }
    result = score_article(Path("x.gold.json"), gold, events)
    assert len(result.matches) == 1 and len(result.optional_matches) == 1
    assert [g.event for g in result.missed] == ["ASSAULT"] and result.spurious == []
    assert all(a.correct for a in result.matches[0].arguments)


# -- agents the text implies --------------------------------------------------------


def test_impersonal_arrest_is_the_state_of_the_place() -> None:
    event = only(events_of("Учора в Гродно затримали п'ятьох студентів."), "COERCE")
    assert codes(event.actor) == {"BLR"} and event.magnitude.min == 5


def test_the_sides_are_the_parties_of_the_talks_before() -> None:
    text = "Делегації Вірменії та Азербайджану провели переговори в Абу-Дабі. Сторони домовилися про обмін полоненими."
    assert codes(only(events_of(text), "AGREE").actor) == {"ARM", "AZE"}


def test_an_exchange_that_may_happen_is_possible_and_between_the_parties() -> None:
    text = "Україна та Росія провели переговори у Стамбулі. Наступний обмін може відбутися вже наступного тижня."
    event = only(events_of(text), "RETREAT")
    assert (event.mode, event.status) == ("exchange", "possible")
    assert codes(event.actor) == {"UKR", "RUS"}


def test_signing_a_decree_enacts_its_event() -> None:
    events = events_of("Президент Азербайджану підписав указ про помилування двадцяти засуджених.")
    assert [e.event for e in events] == ["CONCEDE"]
    assert events[0].mode == "pardon" and codes(events[0].actor) == {"AZE"}


def test_an_institution_named_as_a_place_speaks_for_itself() -> None:
    event = only(events_of("У Кремлі пригрозили Молдові жорсткою відповіддю."), "THREATEN")
    assert codes(event.actor) == {"RUS"} and codes(event.recipient) == {"MDA"}


# -- clauses, roles and attribution beyond one clause -------------------------------------


def test_subject_before_an_inserted_relative_clause() -> None:
    event = only(events_of("Латвія, через порти якої раніше йшли ці вантажі, також відкинула пропозицію Мінська."), "REJECT")
    assert codes(event.actor) == {"LVA"}


def test_a_quoted_party_name_is_not_the_country_its_words_name() -> None:
    event = only(events_of("Опозиційна партія «Європейський вибір» вимагає, щоб уряд України пояснив рішення."), "REQUEST")
    assert "EUR" not in codes(event.actor)


def test_an_impersonal_place_speaks_even_before_an_accusative_object() -> None:
    event = only(events_of("У Москві рішення Вільнюса назвали незаконним."), "ACCUSE")
    assert codes(event.actor) == {"RUS"}


def test_a_verbal_act_with_nobody_acting_is_no_record() -> None:
    assert "COMMENT" not in categories(events_of("Коментувати це рішення відмовилися."))


def test_the_next_step_of_a_case_concerns_the_same_people() -> None:
    found = events_of("СБУ затримала двох агентів російських спецслужб у Полтаві. Суд обрав їм запобіжний захід.")
    arrests = [e for e in found if e.event == "COERCE"]
    assert len(arrests) == 2 and all(codes(e.recipient) == {"RUS"} for e in arrests)


def test_a_meeting_in_the_other_sides_country_is_a_visit() -> None:
    event = only(events_of("Президент Польщі зустрівся з Володимиром Зеленським у Києві."), "CONSULT")
    assert event.mode == "visit" and codes(event.actor) == {"POL"} and codes(event.recipient) == {"UKR"}


def test_who_receives_is_the_recipient_and_the_giver_acts() -> None:
    event = only(events_of("Україна отримала від Японії кредит на 300 млн доларів."), "AID")
    assert codes(event.actor) == {"JPN"} and codes(event.recipient) == {"UKR"}


def test_an_unnamed_spokesperson_speaks_for_the_body_named_before() -> None:
    text = "Міжнародний комітет Червоного Хреста відвідав табір. Речниця комітету сказала, що Росія досі утримує сотні цивільних."
    event = only(events_of(text), "COERCE")
    assert same_reporter("МКЧХ", event.attribution.reporter)


def test_a_described_reporter_is_the_one_the_paragraph_named() -> None:
    text = "За даними правозахисного центру «Вясна», у в'язницях залишаються сотні людей. Минулого тижня силовики затримали ще п'ятьох, зазначають правозахисники."
    event = [e for e in events_of(text) if e.event == "COERCE"][-1]
    assert event.attribution.reporter == "Вясна"


# -- agency style: lists, passives, nouns and clauses that carry the event ----------------


def test_a_listed_compound_actor_keeps_every_member() -> None:
    event = only(events_of("Литва, Латвія та Естонія запровадили нові обмеження проти Білорусі."), "SANCTION")
    assert codes(event.actor) == {"LTU", "LVA", "EST"} and codes(event.recipient) == {"BLR"}
    # after a clause of saying, the comma ends that clause: the speaker is not one of the list
    agreed = only(events_of("Як заявив Макрон, Франція та Німеччина домовилися про спільні закупівлі."), "AGREE")
    assert codes(agreed.actor) == {"FRA", "DEU"}


def test_a_subject_before_an_inserted_source_clause() -> None:
    text = "Польща, Чехія та Словаччина, як повідомляє агентство, обговорюють запровадження санкцій проти Росії."
    event = only(events_of(text), "SANCTION")
    assert codes(event.actor) == {"POL", "CZE", "SVK"} and event.status == "possible"


def test_impersonal_and_participle_passives_name_whom_not_who() -> None:
    counted = only(events_of("У понеділок у Львові щонайменше шістьох було затримано."), "COERCE")
    assert codes(counted.actor) == {"UKR"} and counted.magnitude is not None and counted.magnitude.min == 6
    participle = only(events_of("Минулого тижня в Гродні опозиційний блогер був затриманий."), "COERCE")
    assert codes(participle.actor) == {"BLR"} and participle.status == "occurred"
    released = only(events_of("Усі п'ятеро естонців були звільнені в неділю."), "RETREAT")
    assert released.mode == "release" and codes(released.recipient) == {"EST"}


def test_the_freed_as_subject_is_a_release() -> None:
    event = only(events_of("Після помилування троє латвійців вийшли на свободу."), "RETREAT")
    assert event.mode == "release" and event.status == "occurred"


def test_an_event_noun_happens_through_the_support_verb_of_its_relative_clause() -> None:
    event = only(events_of("Після нічної атаки, яку Росія здійснила по Запоріжжю, світла немає досі."), "ASSAULT")
    assert codes(event.actor) == {"RUS"} and event.status == "occurred"


def test_an_announced_resignation_is_the_event() -> None:
    event = only(events_of("Прем'єр-міністр Румунії в понеділок оголосив про відставку."), "RETREAT")
    assert event.mode == "resign" and codes(event.actor) == {"ROU"}


def test_lexicon_families_beyond_the_basic_verbs() -> None:
    summoned = only(events_of("МЗС Латвії викликало посла Росії через провокацію на кордоні."), "ACCUSE")
    assert summoned.mode == "disapprove" and codes(summoned.recipient) == {"RUS"}
    banned = only(events_of("Польща заборонила в'їзд двадцяти білоруським суддям."), "SANCTION")
    assert codes(banned.actor) == {"POL"} and banned.mode == "discontinue"
    warned = only(events_of("Росія попередила Фінляндію про наслідки вступу до НАТО."), "THREATEN")
    assert codes(warned.actor) == {"RUS"} and codes(warned.recipient) == {"FIN"}
    appeal = only(events_of("Естонія звернулася до НАТО з проханням посилити захист неба."), "REQUEST")
    assert codes(appeal.actor) == {"EST"} and codes(appeal.recipient) == {"NATO"}
    refused = only(events_of("Казахстан відмовив Росії у видачі дезертира."), "REJECT")
    assert refused.mode == "yield" and codes(refused.recipient) == {"RUS"}


def test_lexicon_aspect_pairs_synonyms_and_event_nouns() -> None:
    arresting = only(events_of("Влада Туреччини заарештовує опозиційних мерів."), "COERCE")
    assert arresting.mode == "arrest" and codes(arresting.actor) == {"TUR"} and arresting.status == "ongoing"
    veto = only(events_of("Польща наклала вето на нове рішення Євросоюзу."), "REJECT")
    assert codes(veto.actor) == {"POL"}
    handed_over = only(events_of("Минулого року Казахстан передав Росії двох дезертирів."), "COOPERATE")
    assert codes(handed_over.actor) == {"KAZ"} and codes(handed_over.recipient) == {"RUS"}
    removed = only(events_of("Президент України зняв з посади командувача об'єднаних сил."), "APPOINT")
    assert removed.mode == "dismiss" and codes(removed.actor) == {"UKR"}
    quit_office = only(events_of("Прем'єр-міністр Словенії пішов з посади після скандалу."), "RETREAT")
    assert quit_office.mode == "resign" and codes(quit_office.actor) == {"SVN"}
    ceasefire = only(events_of("Україна та Росія припинили вогонь на тридцять днів."), "RETREAT")
    assert ceasefire.mode == "ceasefire" and codes(ceasefire.actor) == {"UKR", "RUS"}
    curfew = only(events_of("Влада Грузії запровадила комендантську годину в Тбілісі."), "COERCE")
    assert curfew.mode == "restrict" and codes(curfew.actor) == {"GEO"}
    riot_police = only(events_of("Білоруська влада стягнула до Мінська тисячі силовиків."), "MOBILIZE")
    assert riot_police.mode == "police" and codes(riot_police.actor) == {"BLR"}
    silent = only(events_of("Уряд Молдови не прокоментував ці повідомлення."), "COMMENT")
    assert silent.mode == "decline" and codes(silent.actor) == {"MDA"}
    # thanking is courtesy, not an endorsement: no SUPPORT record
    assert "SUPPORT" not in categories(events_of("Міністр оборони Литви подякував Польщі за допомогу."))


def test_in_response_is_no_threat() -> None:
    found = events_of("У відповідь Вашингтон пообіцяв відновити постачання зброї Україні.")
    assert "THREATEN" not in categories(found)


# -- generalization: constructions of news the development set did not teach (issue 5) ------------


def test_a_genitive_list_after_a_head_names_every_party() -> None:
    meeting = only(events_of("Міністри оборони Естонії, Латвії та Литви провели зустріч у Вільнюсі."), "CONSULT")
    assert codes(meeting.actor) == {"EST", "LVA", "LTU"} and meeting.mode == "multilateral"


def test_taking_part_in_talks_or_a_summit_is_consultation() -> None:
    talks = only(events_of("Делегації Катару, Єгипту та Туреччини взяли участь у переговорах щодо Гази."), "CONSULT")
    assert codes(talks.actor) == {"QAT", "EGY", "TUR"} and talks.mode == "multilateral"
    summit = only(events_of("Прем'єр-міністр Канади взяв участь у саміті в Брюсселі."), "CONSULT")
    assert codes(summit.actor) == {"CAN"} and summit.mode == "multilateral"
    inverted = only(events_of("У переговорах у Женеві взяли участь делегації Вірменії та Азербайджану."), "CONSULT")
    assert codes(inverted.actor) == {"ARM", "AZE"} and inverted.mode == "third-party"


def test_an_event_noun_names_its_parties_with_mizh_or_in_the_genitive() -> None:
    swap = only(events_of("У неділю відбувся обмін полоненими між Вірменією та Азербайджаном."), "RETREAT")
    assert swap.mode == "exchange" and codes(swap.actor) == {"ARM", "AZE"}
    talks = only(events_of("Переговори Сербії та Угорщини в Белграді тривали до вечора."), "CONSULT")
    assert codes(talks.actor) == {"SRB", "HUN"} and talks.mode is None  # two sides, nobody between them
    # the genitive of an act done to people is whom it is done to, not who acts
    release = [e for e in events_of("Звільнення заручників Хамасу відбулося в неділю.") if e.event == "RETREAT"]
    assert all("PSE" not in codes(e.actor) for e in release)


def test_an_event_told_as_the_time_of_another_is_recorded_once() -> None:
    alone = only(events_of("Після переговорів Японії та Південної Кореї міністри оприлюднили спільну заяву."), "CONSULT")
    assert codes(alone.actor) == {"JPN", "KOR"} and alone.status == "occurred"
    told_before = events_of("Японія та Південна Корея провели переговори в Сеулі. Після переговорів Японії та Південної Кореї міністри оприлюднили спільну заяву.")
    assert len([e for e in told_before if e.event == "CONSULT"]) == 1


def test_an_aim_introduced_by_shchob_is_no_event() -> None:
    found = events_of("Лідери Франції та Італії провели відеоконференцію, щоб узгодити спільну позицію.")
    assert [e.event for e in found] == ["CONSULT"]


def test_naming_something_by_a_quoted_judgement() -> None:
    condemned = only(events_of("У МЗС Польщі рішення Мінська назвали «цинічною провокацією»."), "ACCUSE")
    assert condemned.mode == "disapprove" and codes(condemned.actor) == {"POL"} and codes(condemned.recipient) == {"BLR"}
    assert not events_of("Президент Чехії назвав переговори з Австрією «дуже корисними».")
    # the gerund explains the rejection before it: one record
    rejected = events_of("Кремль відкинув звинувачення Варшави, назвавши їх «вигадкою».")
    assert [e.event for e in rejected] == ["REJECT"]


def test_condemning_an_act_is_no_sentence() -> None:
    condemned = only(events_of("Затримання журналістки засудили в МЗС Франції."), "ACCUSE")
    assert condemned.mode == "disapprove" and codes(condemned.actor) == {"FRA"}
    sentence = only(events_of("Суд Білорусі засудив журналістку до трьох років ув'язнення."), "SANCTION")
    assert sentence.mode == "convict"


def test_insisting_that_is_a_claim_not_a_request() -> None:
    assert "REQUEST" not in categories(events_of("Адвокат наполягає, що його клієнта затримали незаконно."))


def test_figures_of_speech_are_no_attacks() -> None:
    for text in ("Опозиція атакувала уряд Молдови критикою.", "Санкції б'ють по економіці Росії."):
        assert "ASSAULT" not in categories(events_of(text)), text
    launched = only(events_of("Минулої ночі Росія випустила по Україні понад сто дронів."), "ASSAULT")
    assert codes(launched.actor) == {"RUS"}


def test_coordinated_infinitives_are_the_content_of_one_request() -> None:
    found = events_of("Рада ЄС закликала Баку переглянути вирок і звільнити активістів.")
    request = only(found, "REQUEST")
    assert request.mode == "yield" and codes(request.recipient) == {"AZE"}
    assert "RETREAT" not in categories(found)


def test_while_prisoners_remain_is_a_fact_until_they_are_freed_is_a_condition() -> None:
    held = only(events_of("Литва не скасує санкцій проти Білорусі, доки за ґратами там залишаються політв'язні."), "COERCE")
    assert held.status == "ongoing"
    found = events_of("Литва не скасує санкцій, доки Мінськ не звільнить політв'язнів.")
    assert not [e for e in found if e.event == "RETREAT" and e.mode == "release"]


def test_institutions_speak_where_the_verb_is_impersonal() -> None:
    declined = only(events_of("У посольстві Ірану від коментарів щодо цього рішення відмовилися."), "COMMENT")
    assert declined.mode == "decline" and codes(declined.actor) == {"IRN"}


def test_more_cue_classes() -> None:
    files = only(events_of("Прокуратура Литви передала Україні матеріали справи."), "COOPERATE")
    assert codes(files.actor) == {"LTU"} and codes(files.recipient) == {"UKR"}
    lifted = only(events_of("Казначейство США зняло санкції з білоруської авіакомпанії."), "RETREAT")
    assert lifted.mode == "ease_sanctions" and codes(lifted.recipient) == {"BLR"}
    host = only(events_of("Президент Туреччини прийняв в Анкарі делегацію України."), "CONSULT")
    assert host.mode == "visit" and codes(host.actor) == {"TUR"} and codes(host.recipient) == {"UKR"}
    force = only(events_of("Поліція Сербії застосувала сльозогінний газ проти демонстрантів."), "COERCE")
    assert codes(force.actor) == {"SRB"}
    call = only(events_of("Трамп телефоном поінформував Зеленського про підсумки зустрічі."), "CONSULT")
    assert call.mode == "phone" and codes(call.recipient) == {"UKR"}
    meeting = only(events_of("Лукашенко провів зустріч зі спецпосланцем США."), "CONSULT")
    assert codes(meeting.recipient) == {"USA"}
    appointed = only(events_of("У вівторок міністром оборони Литви призначено колишнього генерала."), "APPOINT")
    assert appointed.mode == "appoint" and codes(appointed.actor) == {"LTU"}


def test_sanctions_unnamed_are_imposed_or_lifted_by_who_imposed_them() -> None:
    found = events_of("ЄС запровадив санкції проти Ірану. Згодом зі санкційного списку вилучили двох бізнесменів.")
    lifted = only(found, "RETREAT")
    assert lifted.mode == "ease_sanctions" and codes(lifted.actor) == {"EUR"}
    more = events_of("ЄС запровадив санкції проти Ірану. Обмеження також запроваджено проти трьох банків.")
    assert [codes(e.actor) for e in more if e.event == "SANCTION"] == [{"EUR"}, {"EUR"}]


def test_thanks_to_a_leader_by_name_is_support() -> None:
    thanks = only(events_of("Прем'єр-міністр Польщі подякував президентові Дональду Трампу за підтримку."), "SUPPORT")
    assert codes(thanks.recipient) == {"USA"}
    assert not events_of("Міністр подякував партнерам за допомогу.")


def test_an_aid_package_happens_when_announced_or_approved() -> None:
    announced = only(events_of("Німеччина оголосила про новий пакет військової допомоги Україні на 500 млн євро."), "AID")
    assert codes(announced.actor) == {"DEU"} and codes(announced.recipient) == {"UKR"}
    approved = events_of("Уряд Японії затвердив пакет гуманітарної допомоги для України.")
    assert [(e.event, codes(e.actor)) for e in approved] == [("AID", {"JPN"})]  # the decision enacts it, no record of its own


def test_idioms_of_threat_and_refusal() -> None:
    threat = only(events_of("У Москві заявили, що рішення Кишинева не залишиться без наслідків."), "THREATEN")
    assert codes(threat.actor) == {"RUS"} and threat.status == "occurred"
    refusal = only(events_of("Словаччина не планує долучатися до ініціативи."), "REJECT")
    assert refusal.mode == "assist" and codes(refusal.actor) == {"SVK"}


def test_the_side_that_returns_people_is_not_the_one_they_return_to() -> None:
    found = events_of("Росія та Україна провели черговий обмін. Того ж дня Україні повернули тіла двохсот загиблих.")
    bodies = [e for e in found if e.event == "RETREAT" and e.mode == "release"]
    assert len(bodies) == 1 and codes(bodies[0].actor) == {"RUS"} and codes(bodies[0].recipient) == {"UKR"}


def test_the_scene_set_before_an_unnamed_agent() -> None:
    charged = only(events_of("Україна затримала двох агентів. Тим часом у Польщі прокуратура висунула звинувачення трьом підозрюваним."), "ACCUSE")
    assert codes(charged.actor) == {"POL"}
    arrest = [e for e in events_of("Тим часом у Вірменії, яка вийшла з ОДКБ, минулого тижня затримали ще одного дезертира.") if e.event == "COERCE"]
    assert len(arrest) == 1 and codes(arrest[0].actor) == {"ARM"}


def test_several_institutions_after_an_impersonal_verb() -> None:
    condemned = only(events_of("Вирок опозиціонерові засудили в ЄС та США."), "ACCUSE")
    assert codes(condemned.actor) == {"EUR", "USA"}


def test_a_rally_with_demands_is_a_protest() -> None:
    rally = only(events_of("Родичі полонених провели акцію в Києві з вимогою пришвидшити обмін."), "PROTEST")
    assert codes(rally.actor) == {"UKR"}


def test_a_refuted_commitment_is_denied() -> None:
    found = events_of("Речник Кремля спростував, що Москва взяла на себе зобов'язання щодо обміну.")
    commitment = only(found, "AGREE")
    assert codes(commitment.actor) == {"RUS"} and commitment.status == "denied"


def test_a_passive_participle_makes_an_event_noun_happen() -> None:
    talks = only(events_of("Наступний раунд переговорів між Вірменією та Азербайджаном запланований на травень."), "CONSULT")
    assert codes(talks.actor) == {"ARM", "AZE"} and talks.status == "planned"


def test_what_is_proposed_is_possible() -> None:
    proposed = only(events_of("Україна запропонує Росії обміняти всіх полонених."), "RETREAT")
    assert proposed.mode == "exchange" and proposed.status == "possible"


def test_money_a_person_receives_is_no_aid() -> None:
    assert not events_of("Студента завербували в мережі. Від куратора він отримав 40 тисяч гривень.")
    aid = only(events_of("Україна отримала від ЄС 500 млн євро."), "AID")
    assert codes(aid.actor) == {"EUR"} and codes(aid.recipient) == {"UKR"}


def test_a_title_before_a_split_name_says_whose_the_person_is() -> None:
    found = events_of("Гуманітарний координатор ООН в Україні Маттіас Шмале засудив удар. Він закликав сторони гарантувати доступ.")
    assert codes(only(found, "ACCUSE").actor) == {"UN"}
    # the next sentence's 'Він' is the person the last one was about, though the knowledge base does not know him
    assert codes(only(found, "REQUEST").actor) == {"UN"}


def test_people_returned_home_are_released_by_the_side_that_held_them() -> None:
    found = events_of("Росія та Україна провели обмін. Україна повернула з полону 84 людини.")
    released = [e for e in found if e.event == "RETREAT" and e.mode == "release"]
    assert len(released) == 1 and codes(released[0].actor) == {"RUS"} and codes(released[0].recipient) == {"UKR"}
    handed = only(events_of("Україна повернула Росії тіла загиблих військових."), "RETREAT")
    assert codes(handed.actor) == {"UKR"} and codes(handed.recipient) == {"RUS"}


# -- second round: lists after the verb, occupation authorities, names misread, counterparts --------------


def test_a_list_after_the_verb_is_one_group_of_parties() -> None:
    talks = only(events_of("У переговорах у Женеві взяли участь представники США, Канади та Польщі."), "CONSULT")
    assert codes(talks.actor) == {"USA", "CAN", "POL"}
    # a reflexive verb takes no object: the place before it does not speak, the list after it meets
    met = only(events_of("У Відні зустрілися міністри оборони Австрії, Чехії та Словаччини."), "CONSULT")
    assert codes(met.actor) == {"AUT", "CZE", "SVK"}
    # ... but a verb it governs does take one: 'відмовилася схвалити план' has the plan as its object
    refused = only(events_of("Ірландія поки відмовляється схвалити цей план."), "REJECT")
    assert codes(refused.actor) == {"IRL"}


def test_occupation_authorities_act_for_the_occupier() -> None:
    court = only(events_of("Окупаційний суд у Бердянську засудив трьох місцевих рибалок до восьми років."), "SANCTION")
    assert codes(court.actor) == {"RUS"} and court.actor[0].sector == "JUD"
    so_called = only(events_of("Так званий «суд» в окупованому Луганську засудив українського військовополоненого."), "SANCTION")
    assert codes(so_called.actor) == {"RUS"} and codes(so_called.recipient) == {"UKR"}
    seated = only(events_of("Суд у Сімферополі заарештував кримського активіста."), "COERCE")
    assert codes(seated.actor) == {"RUS"}
    place = only(events_of("В окупованому Криму затримали трьох кримських татар."), "COERCE")
    assert codes(place.actor) == {"RUS"}
    # force named before an occupied place is still the subject, not the place
    police = only(events_of("Російські силовики в окупованому Херсоні затримали двох волонтерок."), "COERCE")
    assert codes(police.actor) == {"RUS"}
    # a court of a free Ukrainian city stays Ukrainian
    free = only(events_of("Суд у Полтаві засудив колаборанта до п'яти років."), "SANCTION")
    assert codes(free.actor) == {"UKR"}


def test_a_surname_misread_as_an_adjective_is_a_name() -> None:
    text = "Білий засудив удар по Києву."
    article = Article(article_id(text, PUBLISHED), text, PUBLISHED)
    analysis = analyze(article)
    if not any(e.type == "PERS" and e.text == "Білий" for e in analysis.entities):
        pytest.skip("the NER model does not see the surname")
    from khronika.events.syntax import words_of

    assert words_of(analysis)[0].pos == "PROPN"


def test_condemnation_is_addressed_to_every_author_of_the_act() -> None:
    found = events_of(
        "Норвегія, Данія та Фінляндія заборонили в'їзд п'ятьом білоруським суддям. "
        "У МЗС Білорусі це рішення назвали «недружнім кроком»."
    )
    assert codes(only(found, "ACCUSE").recipient) == {"NOR", "DNK", "FIN"}
    # a critic of his own state's court addresses that state
    own = events_of("Суд у Мінську засудив блогера до шести років. Адвокат блогера назвав вирок «розправою».")
    assert codes(only(own, "ACCUSE").recipient) == {"BLR"}
    # a verbal condemnation is not a step of a legal case whose people a later arrest concerns
    later = events_of(
        "Литва вислала білоруського дипломата. У Мінську це назвали «провокацією». У країні затримали двох блогерів."
    )
    assert not codes(only(later, "COERCE").recipient)


def test_the_agent_after_the_verb_of_a_relative_clause_whose_pronoun_is_the_object() -> None:
    found = events_of("Чоловіка, якого затримали литовські прикордонники, передали Білорусі.")
    arrest = only(found, "COERCE")
    assert codes(arrest.actor) == {"LTU"}


def test_what_a_quotation_says_is_not_whom_it_is_said_to() -> None:
    promise = only(events_of("Єврокомісія пообіцяла Словаччині «обговорити з Україною транзит газу»."), "AGREE")
    assert codes(promise.recipient) == {"SVK"}
    # objects after the next verb are that verb's; they address the first act only when it names nobody
    found = events_of("Суд у Мінську засудив журналіста до п'яти років. Польща назвала вирок «розправою» і закликала партнерів посилити тиск.")
    condemned = [e for e in found if e.event == "ACCUSE" and "Польща" in e.text]
    assert len(condemned) == 1 and codes(condemned[0].recipient) == {"BLR"}
    pressed = events_of("ЄС засудив «жорстоке застосування сили» і закликав грузинську владу звільнити затриманих.")
    assert codes(only(pressed, "ACCUSE").recipient) == {"GEO"}


def test_recipients_of_diplomatic_steps() -> None:
    expelled = only(events_of("МЗС Чехії оголосило персоною нон ґрата військового аташе посольства Росії в Празі."), "SANCTION")
    assert codes(expelled.recipient) == {"RUS"}
    recalled = only(events_of("Грузія відкликала для консультацій свого посла в Білорусі."), "SANCTION")
    assert recalled.mode == "withdraw" and codes(recalled.recipient) == {"BLR"}


def test_the_opposition_accuses_its_own_state() -> None:
    found = events_of("Уряд України звільнив голову митниці. Опозиційні депутати звинуватили уряд у тиску на митників.")
    accusation = only(found, "ACCUSE")
    assert codes(accusation.actor) == {"UKR"} and codes(accusation.recipient) == {"UKR"}


def test_a_threat_in_the_same_breath_answers_the_same_party() -> None:
    found = events_of(
        "Фінляндія заборонила в'їзд десятьом російським чиновникам. "
        "У Москві це рішення назвали «ворожим» і пообіцяли дзеркальні заходи."
    )
    assert codes(only(found, "ACCUSE").recipient) == {"FIN"}
    assert codes(only(found, "THREATEN").recipient) == {"FIN"}


def test_a_call_on_both_sides_addresses_the_parties() -> None:
    found = events_of("Вірменія звинуватила Азербайджан в обстрілі кордону. Генсек ООН закликав обидві сторони до стриманості.")
    call = only(found, "REQUEST")
    assert codes(call.actor) == {"UN"} and codes(call.recipient) == {"ARM", "AZE"}


def test_agreeing_to_a_proposal_is_agreeing_with_its_author() -> None:
    agreed = only(events_of("Київ погодився на пропозицію Франції."), "AGREE")
    assert codes(agreed.recipient) == {"FRA"}
    # 'на' after another verb belongs to that verb, not the promise
    promised = only(events_of("Данія пообіцяла виділити Україні 100 млн євро на закупівлю американської зброї."), "AGREE")
    assert codes(promised.recipient) == {"UKR"}


def test_the_arrest_of_a_person_named_before_a_relative_clause() -> None:
    found = events_of("Адвокати опозиціонера Ільгара Мамедова, якого торік затримали в Баку, подали апеляцію.")
    assert codes(only(found, "COERCE").actor) == {"AZE"}
    # an unnamed agent in a relative clause about somebody undescribed stays background
    assert not events_of("Адвокати опозиціонера, якого торік затримали в Баку, подали апеляцію.")
    assert not events_of("Серед помилуваних — пенсіонер із Гомеля, якого торік ув'язнили за коментарі.")


def test_people_of_a_case_named_without_a_country_are_whose_the_case_says() -> None:
    found = events_of("СБУ затримала у Львові двох агентів російської розвідки. Затриманим оголосили підозру в державній зраді.")
    charge = only(found, "ACCUSE")
    assert codes(charge.recipient) == {"RUS"}
    # partners called on are nobody's in particular: no earlier case names them
    call = only(events_of("Росія обстріляла Одесу. Міністр закликав партнерів посилити тиск."), "REQUEST")
    assert not codes(call.recipient)


def test_a_demand_made_while_protesting_or_threatening_is_its_own_record() -> None:
    # the gerund's doer is whoever protests: the unnamed townspeople of the country the rally is in
    rally = events_of("Сотні жителів Вільнюса в суботу вийшли на мітинг біля сейму Литви, вимагаючи відставки уряду.")
    assert {e.event for e in rally} == {"PROTEST", "REQUEST"}
    demand, protest = only(rally, "REQUEST"), only(rally, "PROTEST")
    assert codes(demand.actor) == codes(protest.actor) and codes(demand.recipient) == codes(protest.recipient) == {"LTU"}
    threat = events_of("Варшава пригрозила заблокувати угоду, вимагаючи від Берліна компенсацій.")
    assert {e.event for e in threat} == {"THREATEN", "REQUEST"}
    assert codes(only(threat, "REQUEST").actor) == {"POL"}
    # the same act told twice, or the demand that explains a refusal, stays one record
    repeated = events_of("Міністр закордонних справ Латвії закликав союзників допомогти, вимагаючи нових поставок зброї.")
    assert [e.event for e in repeated] == ["REQUEST"]
    refusal = events_of("Кремль відкинув пропозицію Києва, наполягаючи на власних умовах.")
    assert [e.event for e in refusal] == ["REJECT"]


def test_a_gerund_after_a_report_is_the_speakers_act() -> None:
    condemned = only(events_of("Про вирок повідомили в Міністерстві закордонних справ України, назвавши його «судовою розправою»."), "ACCUSE")
    assert codes(condemned.actor) == {"UKR"} and condemned.mode == "disapprove"


def test_a_second_verb_after_however_keeps_the_doer() -> None:
    found = events_of("У Міністерстві закордонних справ Литви цей крок привітали, проте закликали союзників не послаблювати тиску.")
    assert codes(only(found, "SUPPORT").actor) == {"LTU"} and codes(only(found, "REQUEST").actor) == {"LTU"}


def test_a_body_that_makes_a_statement_reports_it() -> None:
    called = only(events_of("Міністерство закордонних справ України закликало партнерів посилити санкції."), "REQUEST")
    assert called.attribution.reporter == "Міністерство закордонних справ України"
    # a state or a seat of power standing for it is an actor, not a reporter
    assert only(events_of("Угорщина закликала Брюссель переглянути рішення."), "REQUEST").attribution.reporter is None
    assert only(events_of("Кремль закликав Київ до переговорів."), "REQUEST").attribution.reporter is None


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        ("Згідно з даними Reuters, Норвегія вислала трьох білоруських дипломатів.", "Reuters"),
        ("За повідомленням агентства Bloomberg, Норвегія вислала трьох білоруських дипломатів.", "Bloomberg"),
        ("За версією Reuters, Норвегія вислала трьох білоруських дипломатів.", "Reuters"),
        ("Норвегія вислала трьох білоруських дипломатів, йдеться в заяві МЗС Норвегії.", "МЗС Норвегії"),
        ("Норвегія вислала трьох білоруських дипломатів, зазначається на сайті МЗС Норвегії.", "МЗС Норвегії"),
        ("Норвегія вислала трьох білоруських дипломатів, заявив журналістам речник уряду Норвегії.", "уряд Норвегії"),
    ],
)
def test_attribution_expressions_in_every_order(text: str, reporter: str) -> None:
    expelled = only(events_of(text), "SANCTION")
    assert same_reporter(reporter, expelled.attribution.reporter), expelled.attribution


def test_a_host_unknown_by_name_is_of_the_state_the_meeting_is_in() -> None:
    visit = only(events_of("Прем'єр-міністр Польщі перебуває з візитом у Японії, де вчора зустрівся з імператором."), "CONSULT")
    assert codes(visit.actor) == {"POL"} and codes(visit.recipient) == {"JPN"}
    # two sides meeting in a third state: the host is no party
    talks = only(events_of("Делегації Вірменії та Азербайджану вчора зустрілися в Женеві."), "CONSULT")
    assert codes(talks.actor) == {"ARM", "AZE"} and not codes(talks.recipient)


def test_refusing_talks_is_a_rejection_made_when_said() -> None:
    refused = only(events_of("Естонія не вестиме з Москвою жодних переговорів щодо кордону."), "REJECT")
    assert codes(refused.actor) == {"EST"} and codes(refused.recipient) == {"RUS"} and refused.status == "occurred"
    assert "CONSULT" not in categories(events_of("Естонія не вестиме з Москвою жодних переговорів щодо кордону."))


def test_an_announced_measure_lies_ahead_but_an_announced_resignation_is_done() -> None:
    guards = only(events_of("Польща оголосила про посилення охорони кордону з Білоруссю."), "MOBILIZE")
    assert guards.mode == "police" and codes(guards.actor) == {"POL"} and guards.status == "planned"
    drills = only(events_of("Угорщина та Сербія анонсували спільні навчання."), "COOPERATE")
    assert drills.status == "planned"
    resigned = only(events_of("Міністр оборони Литви оголосив про відставку."), "RETREAT")
    assert resigned.status == "occurred"


def test_a_cue_separated_from_its_object_by_an_inserted_time() -> None:
    extended = only(events_of("Велика Британія продовжила ще на дванадцять місяців торговельні санкції проти Ірану."), "SANCTION")
    assert codes(extended.actor) == {"GBR"} and extended.status == "occurred"  # extending is the act, not an aspect
    # a sentence's term is no object of condemnation: 'засудив до ... ув'язнення' stays a sentence
    sentenced = events_of("Суд у Мінську засудив до п'яти років ув'язнення ще одного активіста.")
    assert [e.event for e in sentenced] == ["SANCTION"]


def test_an_intention_or_readiness_governing_the_infinitive_sets_its_status() -> None:
    intended = only(events_of("Румунія має намір вислати російського дипломата."), "SANCTION")
    assert intended.status == "planned" and codes(intended.actor) == {"ROU"}
    assert only(events_of("Естонія готова запровадити нові санкції проти Росії."), "SANCTION").status == "possible"


def test_verbs_joined_by_a_conjunction_share_their_object() -> None:
    released = only(events_of("Росія звільнила та передала Франції двох журналістів."), "RETREAT")
    assert codes(released.actor) == {"RUS"} and codes(released.recipient) == {"FRA"}


def test_a_call_to_do_something_unlisted_asks_for_a_change_of_policy() -> None:
    request = only(events_of("Генсек ООН закликав Аддис-Абебу негайно розслідувати всі напади на табори біженців."), "REQUEST")
    assert request.mode == "change"
    # without an act asked for there is no mode to read
    assert only(events_of("Генсек ООН закликав Аддис-Абебу до стриманості."), "REQUEST").mode != "yield"


def test_people_from_a_known_body_act_for_it_not_for_the_country_of_the_text() -> None:
    events = events_of(
        "Влада Нігеру затримала трьох журналістів у Ніамеї. "
        "Правозахисники з Amnesty International засудили арешти і закликали владу звільнити журналістів."
    )
    condemnation = only(events, "ACCUSE")
    assert condemnation.actor and not codes(condemnation.actor)
    assert codes(only(events, "COERCE").actor) == {"NER"}


def test_a_relative_pronoun_that_can_only_be_the_subject_is_it_before_an_indeclinable_name() -> None:
    # 'Тбілісі' after the verb could be read as its subject; 'яка' can only be one
    events = events_of("Виступила речниця Європейської служби зовнішніх справ, яка закликала Тбілісі звільнити опозиціонерів.")
    request = only(events, "REQUEST")
    assert codes(request.actor) == {"EUR"} and codes(request.recipient) == {"GEO"}


def test_readiness_stated_by_an_adjective_keeps_the_subject_before_it() -> None:
    aid = only(events_of("Німеччина готова виділити Україні 2 млн євро."), "AID")
    assert codes(aid.actor) == {"DEU"} and codes(aid.recipient) == {"UKR"} and aid.status == "possible"


def test_demanding_money_is_extortion_not_a_political_demand() -> None:
    assert "REQUEST" not in categories(events_of("За даними слідства, посадовець вимагав 300 тисяч гривень за дозвіл."))
    assert only(events_of("Опозиція вимагає відставки уряду."), "REQUEST").mode == "change"


def test_police_arriving_in_numbers_are_mobilized_by_the_state_of_the_text() -> None:
    events = events_of("У Сеулі тривають протести. Цього разу до будинку прибули понад 3 000 поліцейських.")
    mobilized = only(events, "MOBILIZE")
    assert mobilized.mode == "police" and codes(mobilized.actor) == {"KOR"}
    assert "CONSULT" not in categories(events)


def test_troops_leaving_parties_dissolved_and_supporters_gathering() -> None:
    withdrawal = only(events_of("Французькі війська залишили Малі ще 2022 року."), "RETREAT")
    assert withdrawal.mode == "withdraw" and codes(withdrawal.actor) == {"FRA"}
    assert only(events_of("У Малі генерал розпустив усі політичні партії."), "COERCE").mode == "restrict"
    gathering = only(events_of("У Сеулі біля будинку з ночі збиралися тисячі прихильників опозиції."), "PROTEST")
    assert codes(gathering.actor) == {"KOR"}
    # leaving an office is a resignation, not a withdrawal
    assert only(events_of("Міністр оборони Литви залишив посаду."), "RETREAT").mode == "resign"


def test_cabinet_confirmed_and_food_delivered() -> None:
    confirmed = only(events_of("Того ж дня депутати затвердили склад нового Кабінету міністрів України."), "APPOINT")
    assert confirmed.mode == "appoint" and codes(confirmed.actor) == {"UKR"}
    aid = only(events_of("Колона ООН доставила до околиць міста продовольство для 40 тисяч людей."), "AID")
    assert codes(aid.actor) == {"UN"}


def test_an_announced_arrest_or_ceasefire_has_happened() -> None:
    arrest = only(events_of("Влада Малі оголосила про затримання двох генералів."), "COERCE")
    assert arrest.status == "occurred"
    truce = only(events_of("Альянс трьох братерств оголосив про одностороннє перемирʼя."), "RETREAT")
    assert truce.mode == "ceasefire" and truce.status == "occurred"


def test_an_unattributed_lead_takes_the_outlet_its_paragraph_names_next() -> None:
    events = events_of("Суд у Мінську засудив активіста до трьох років. Як повідомляє «Вясна», вирок оголосили в закритому засіданні.")
    assert only(events, "SANCTION").attribution.reporter == "Вясна"
    # a later paragraph's outlet does not reach back
    events = events_of("Суд у Мінську засудив активіста до трьох років.\nЯк повідомляє «Вясна», у колонії перебувають сотні людей.")
    assert not only(events, "SANCTION").attribution.reporter


def test_citizens_naming_nobody_ask_their_own_state() -> None:
    events = events_of("У Белграді тривають протести. Протестувальники вимагають покарати винних.")
    assert codes(only(events, "REQUEST").recipient) == {"SRB"}
    # a state that names nobody is not its own addressee
    assert codes(only(events_of("Уряд Сербії вимагає покарати винних."), "REQUEST").recipient) == set()


# -- issue 5: constructions met on unseen news ------------------------------------------


def test_a_country_named_with_a_capitalized_adjective_is_a_mention_without_ner() -> None:
    # 'Південної Кореї' is one name the knowledge base knows, though neither word alone is a country
    text = "Слідчі служби з розслідування корупції Південної Кореї затримали колишнього прем'єра."
    article = Article(article_id(text, PUBLISHED), text, PUBLISHED)
    resolver = ActorResolver(text, words_of(analyze(article)), [], load_lexicon())
    assert [(m.actor.actorText, m.actor.code) for m in resolver.mentions] == [("Південної Кореї", "KOR")]


def test_a_persons_first_name_is_no_town_and_the_adjective_gives_the_country() -> None:
    text = "У травні Іран звільнив британського журналіста Марка Олдріджа після двох років ув'язнення."
    assert codes(only(events_of(text), "RETREAT").recipient) == {"GBR"}


def test_a_title_with_a_tail_names_whose_envoy_speaks() -> None:
    text = "Тимчасовий повірений у справах Канади в Польщі Ендрю Мейсон у понеділок привітав рішення уряду."
    assert codes(only(events_of(text), "SUPPORT").actor) == {"CAN"}


def test_an_unnamed_step_of_a_case_is_taken_by_the_state_of_the_last_step() -> None:
    text = (
        "Суд у Вільнюсі в четвер засудив двох білоруських громадян до п'яти років ув'язнення за шпигунство. "
        "Обох взяли під варту просто в залі засідань."
    )
    arrest = only(events_of(text), "COERCE")
    assert codes(arrest.actor) == {"LTU"}


def test_a_rally_addresses_its_own_state_not_the_place_named_last() -> None:
    rally = only(events_of("Грузинські студенти, які навчаються у Варшаві, провели мітинг у Тбілісі."), "PROTEST")
    assert codes(rally.recipient) == {"GEO"}


def test_calling_someone_an_agent_is_an_allegation() -> None:
    text = "Влада Нігеру затримала бельгійського інженера, якого військовий уряд називає агентом іноземних спецслужб."
    found = events_of(text)
    assert ("ACCUSE", "allege") in {(e.event, e.mode) for e in found}


def test_receiving_a_sentence_is_a_conviction_by_the_court_of_the_case() -> None:
    text = (
        "Апеляційний суд Вірменії у вівторок засудив колишнього мера Гюмрі до шести років позбавлення волі. "
        "Такий самий вирок отримав його заступник."
    )
    convictions = [e for e in events_of(text) if e.event == "SANCTION"]
    assert len(convictions) == 2 and codes(convictions[1].actor) == {"ARM"} and convictions[1].eventText == "отримав"


def test_a_name_in_brackets_does_not_cut_the_clause() -> None:
    text = "Детективи Національного антикорупційного бюро (НАБУ) у четвер затримали в Польщі заступника голови обласної ради."
    assert codes(only(events_of(text), "COERCE").actor) == {"UKR"}


def test_according_to_whom_opens_no_relative_clause() -> None:
    text = (
        "Про обшуки повідомив міністр внутрішніх справ Грузії Вахтанг Гомелаурі, за словами якого під варту "
        "взяли ще дванадцять людей."
    )
    arrest = only(events_of(text), "COERCE")
    assert codes(arrest.actor) == {"GEO"} and arrest.magnitude is not None


def test_a_name_misread_as_a_singular_adjective_is_no_subject_of_a_plural_verb() -> None:
    # 'Юна' (the accusative of a Korean surname) also reads as the adjective 'юна'; 'підозрюють' is impersonal
    allegation = only(events_of("Слідство в Сеулі триває. Юна підозрюють у хабарництві."), "ACCUSE")
    assert codes(allegation.actor) == {"KOR"}


def test_the_object_after_an_idiom_noun_is_the_recipient() -> None:
    text = "Прикордонники Латвії взяли під варту громадянина Білорусі, який перетнув кордон."
    assert codes(only(events_of(text), "COERCE").recipient) == {"BLR"}


def test_the_object_of_an_impersonal_form_stands_before_it() -> None:
    text = "Тепер Кулебу призначено віцепрем'єр-міністром, повідомили в Кабміні України."
    appointment = only(events_of(text), "APPOINT")
    assert [r.actorText for r in appointment.recipient] == ["Кулебу"] and codes(appointment.recipient) == {"UKR"}


def test_troops_leave_the_country_the_text_is_about_not_their_own() -> None:
    text = "Турецькі війська залишили країну після переговорів у Багдаді, повідомляють іракські джерела."
    assert codes(only(events_of(text), "RETREAT").recipient) == {"IRQ"}


def test_an_attack_told_through_its_consequence_has_happened() -> None:
    text = "Кількість загиблих унаслідок удару трьох російських ракет по центру Запоріжжя зросла до дев'яти."
    attack = only(events_of(text), "ASSAULT")
    assert codes(attack.actor) == {"RUS"} and codes(attack.recipient) == {"UKR"} and attack.status == "occurred"


def test_a_fronted_accusative_object_leaves_the_subject_after_the_verb() -> None:
    support = only(events_of("Резолюцію підтримали Європейський Союз і Ліга арабських держав."), "SUPPORT")
    assert codes(support.actor) == {"EUR", "ARL"}


def test_capitals_named_after_an_impersonal_statement_make_it_and_answer_the_signers() -> None:
    text = "Угоду в понеділок підписали Вірменія та Азербайджан. Угоду вже привітали в Анкарі, Берліні та Парижі."
    welcome = [e for e in events_of(text) if e.event == "SUPPORT"][-1]
    assert codes(welcome.actor) == {"TUR", "DEU", "FRA"} and codes(welcome.recipient) == {"ARM", "AZE"}


def test_a_state_arresting_its_own_citizen_is_not_swapped_for_another_side() -> None:
    text = (
        "Поліція Туреччини в понеділок затримала трьох активістів. Турецького журналіста Мехмета Озтюрка, "
        "якого затримали вночі, також допитали. Німеччина назвала арешти неприйнятними."
    )
    arrests = [e for e in events_of(text) if e.event == "COERCE"]
    assert len(arrests) == 2 and codes(arrests[1].actor) == {"TUR"} and not codes(arrests[1].recipient) - {"TUR"}


def test_a_capitalized_adjective_before_a_country_ner_found_alone_completes_its_name() -> None:
    # NER may see only 'Судану' in 'Південного Судану': the whole name is South Sudan, not Sudan
    withdrawal = only(events_of("Міністр оборони Південного Судану в понеділок заявив, що армія відведе війська."), "RETREAT")
    assert codes(withdrawal.actor) == {"SSD"}


def test_what_after_a_verbless_subject_opens_a_relative_clause() -> None:
    text = "Посольства Франції, Італії та Іспанії, що раніше підтримали переговори, висловили занепокоєння арештами в Тбілісі."
    concern = only(events_of(text), "ACCUSE")
    assert codes(concern.actor) == {"FRA", "ITA", "ESP"}


def test_starting_an_investigation_has_happened() -> None:
    text = "Поліція Сербії в понеділок розпочала досудове розслідування щодо нападу на студентів."
    assert only(events_of(text), "ACCUSE").status == "occurred"


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("У МЗС Росії ці твердження назвали брехнею.", "ACCUSE", "disapprove"),
        ("Увечері близько трьохсот людей прийшли до будівлі парламенту Грузії.", "PROTEST", None),
        ("Президент Казахстану усунув міністра від виконання обов'язків.", "APPOINT", "dismiss"),
        ("Колишній прем'єр Пакистану перебуває під домашнім арештом.", "COERCE", "arrest"),
        ("Перемир'я між Таїландом і Камбоджею набуло чинності опівночі.", "RETREAT", "ceasefire"),
        ("Речниця МЗС Китаю висловила розуміння позиції Пхеньяна.", "SUPPORT", None),
        ("Словаччина в останній момент зняла свої заперечення щодо нового пакета.", "CONCEDE", None),
    ],
)
def test_lexical_families_met_on_unseen_news(text: str, category: str, mode: str | None) -> None:
    assert only(events_of(text), category).mode == mode


def test_units_of_both_countries_are_the_parties() -> None:
    text = "Азербайджан і Вірменія домовилися про мир. Прикордонники обох країн відведуть підрозділи від кордону."
    assert codes(only(events_of(text), "RETREAT").actor) == {"AZE", "ARM"}


def test_anonymous_channels_do_not_make_the_clause_about_the_source() -> None:
    text = "Двох блогерів у СБУ підозрюють у поширенні ворожої пропаганди через мережу анонімних каналів."
    assert codes(only(events_of(text), "ACCUSE").actor) == {"UKR"}


def test_a_word_of_a_persons_full_name_is_no_body_the_knowledge_base_knows() -> None:
    text = "Міністри закордонних справ Вірменії та Азербайджану Арарат Мірзоян і Джейхун Вагнер у вівторок підписали угоду."
    assert "RUS" not in codes(only(events_of(text), "SUPPORT").actor)


def test_an_official_named_by_post_alone_is_of_the_state_that_dismisses() -> None:
    dismissal = only(events_of("Уряд Литви в середу звільнив з посади заступника міністра оборони."), "APPOINT")
    assert codes(dismissal.recipient) == {"LTU"}


def test_an_investigation_with_nobody_named_is_of_who_attacked_before() -> None:
    text = "Вночі російські війська вдарили ракетами по Херсону. Поліція розпочала досудове розслідування."
    assert codes(only(events_of(text), "ACCUSE").recipient) == {"RUS"}


def test_a_subject_split_from_its_genitive_name_before_a_relative_clause() -> None:
    text = "Уряд Судану, який тимчасово працює в Кассалі, звернувся до Африканського союзу з проханням про допомогу."
    assert codes(only(events_of(text), "REQUEST").actor) == {"SDN"}


def test_a_country_inside_a_phrase_misread_as_a_person_still_names_the_actor() -> None:
    text = "Сейм Литви, який засідав у вівторок, закликав уряд вислати посла."
    assert codes(only(events_of(text), "REQUEST").actor) == {"LTU"}


def test_a_call_on_an_international_body_to_act_asks_for_help() -> None:
    request = only(events_of("МЗС Литви закликало Раду Безпеки ООН дати оцінку обстрілу."), "REQUEST")
    assert request.mode == "assist" and codes(request.recipient) == {"UN"}


def test_calling_a_decision_names_who_took_it_even_ones_own_state() -> None:
    text = (
        "Рада нацбезпеки Молдови запровадила санкції проти двох депутатів. "
        "Депутат Ігор Ченчу у вівторок назвав рішення «політичною помстою»."
    )
    assert codes(only(events_of(text), "ACCUSE").recipient) == {"MDA"}


def test_putting_a_decision_into_force_enacts_the_sanctions_it_is_about() -> None:
    text = (
        "Президент Латвії у вівторок увів у дію рішення Національної ради оборони та безпеки "
        "про санкції проти трьох російських компаній."
    )
    sanction = only(events_of(text), "SANCTION")
    assert codes(sanction.actor) == {"LVA"} and codes(sanction.recipient) == {"RUS"} and sanction.status == "occurred"


def test_the_cooperation_a_suspension_ends_is_no_record_of_its_own() -> None:
    found = events_of("Президент Грузії у середу ввів у дію закон про призупинення співпраці з Радою Європи.")
    assert categories(found) == {"SANCTION"}


def test_promised_aid_is_a_planned_record_besides_the_promise() -> None:
    found = events_of("Японія пообіцяла виділити 5 млн доларів на відновлення енергетики Молдови.")
    aid = only(found, "AID")
    assert "AGREE" in categories(found) and aid.status == "planned" and codes(aid.actor) == {"JPN"}


def test_an_agreement_to_fund_is_no_promised_record() -> None:
    assert categories(events_of("Ірландія та Бельгія домовилися профінансувати навчання українських пілотів.")) == {"AGREE"}


def test_promised_sanctions_are_planned_and_a_ministry_named_by_country_is_that_countrys() -> None:
    text = "Міністерство закордонних справ Канади пообіцяло нові санкції проти іранських посадовців."
    sanction = only(events_of(text), "SANCTION")
    assert sanction.status == "planned" and codes(sanction.actor) == {"CAN"} and codes(sanction.recipient) == {"IRN"}


def test_people_handed_over_with_nobody_named_go_to_the_other_party() -> None:
    text = "У четвер Росія та Україна провели обмін полоненими. Окремо російська сторона передала трьох важкопоранених захисників."
    handover = [e for e in events_of(text) if e.event == "RETREAT"][-1]
    assert codes(handover.actor) == {"RUS"} and codes(handover.recipient) == {"UKR"}


def test_what_a_colon_opens_tells_the_same_event_in_detail() -> None:
    text = "У Тбілісі в неділю відбувся масовий протест: за даними організаторів, на вулиці вийшли понад 50 тисяч людей."
    rally = only(events_of(text), "PROTEST")
    assert rally.magnitude is not None and rally.magnitude.min == 50001


def test_understanding_expressed_for_a_position_supports_its_holder() -> None:
    support = only(events_of("Речниця МЗС Китаю висловила розуміння позиції Пхеньяна."), "SUPPORT")
    assert codes(support.actor) == {"CHN"} and codes(support.recipient) == {"PRK"}


def test_an_inserted_end_date_does_not_separate_a_cue_from_its_object() -> None:
    text = "Рада ЄС у середу продовжила ще на рік, до 15 березня, персональні санкції проти російських чиновників."
    sanction = only(events_of(text), "SANCTION")
    assert codes(sanction.actor) == {"EUR"} and codes(sanction.recipient) == {"RUS"}


@pytest.mark.parametrize(
    ("text", "category", "actor"),
    [
        ("Кишинівський апеляційний суд у вівторок засудив двох колишніх депутатів. Про вирок повідомила агенція з Румунії.", "SANCTION", "MDA"),
        ("Варшавський окружний суд заарештував двох громадян Білорусі.", "COERCE", "POL"),
    ],
)
def test_an_adjective_of_a_city_names_the_country_of_its_institutions(text: str, category: str, actor: str) -> None:
    assert codes(only(events_of(text), category).actor) == {actor}


def test_a_rights_group_calling_on_the_government_addresses_its_own_state() -> None:
    request = only(events_of("Вільнюська правозахисна група «Світанок» закликала уряд не висилати білоруських біженців."), "REQUEST")
    assert codes(request.actor) == {"LTU"} and request.actor[0].sector == "NGO" and codes(request.recipient) == {"LTU"}


def test_an_event_noun_with_nobody_named_refers_back_across_a_paragraph() -> None:
    text = "Міністри Польщі та Литви в понеділок провели переговори у Вільнюсі.\nПереговори тривали понад чотири години."
    assert len([e for e in events_of(text) if e.event == "CONSULT"]) == 1


def test_a_politician_described_calls_the_investigation_unlawful() -> None:
    text = "Слідчі Литви в понеділок допитали колишнього мера Каунаса. Сам політик назвав розслідування незаконним."
    condemnation = only(events_of(text), "ACCUSE")
    assert condemnation.mode == "disapprove" and codes(condemnation.actor) == {"LTU"}


def test_signing_a_law_supports_nobody_but_enacts_what_it_is_about() -> None:
    assert events_of("Президент Молдови в середу підписав закон про мовлення.") == []
    found = events_of("Президент Вірменії підписав закон про амністію для учасників протестів.")
    assert categories(found) == {"CONCEDE"}


def test_the_nation_an_event_noun_is_of_did_it() -> None:
    attack = only(events_of("Вночі стався масований російський удар по Одесі."), "ASSAULT")
    assert codes(attack.actor) == {"RUS"} and codes(attack.recipient) == {"UKR"}


def test_a_transfer_by_nobody_the_text_names_is_no_aid() -> None:
    assert events_of("Суд встановив, що вона організувала передачу двох мільйонів гривень на потреби партії.") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Латвійська прокуратура оголосила підозру ще чотирьом депутатам.", 4),
        ("Прокуратура Литви висунула звинувачення двом громадянам Білорусі.", 2),
    ],
)
def test_a_charge_counts_the_people_charged(text: str, count: int) -> None:
    charge = only(events_of(text), "ACCUSE")
    assert charge.magnitude is not None and charge.magnitude.min == charge.magnitude.max == count


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Російські війська вдарили по Херсону чотирма ракетами, загинули шестеро людей.", (6, 6)),
        ("Кількість загиблих унаслідок удару трьох російських дронів по Миколаєву зросла до дев'яти, повідомила обласна адміністрація.", (9, 9)),
    ],
)
def test_an_attack_counts_the_people_killed_not_the_weapons(text: str, killed: tuple[int, int]) -> None:
    attack = only(events_of(text), "ASSAULT")
    assert attack.magnitude is not None and (attack.magnitude.min, attack.magnitude.max) == killed


def test_an_attack_with_nobody_killed_counts_its_weapons() -> None:
    attack = only(events_of("Росія атакувала Житомир п'ятьма дронами, ніхто не загинув."), "ASSAULT")
    assert attack.magnitude is not None and attack.magnitude.min == 5


def test_calling_an_act_terrorist_condemns_it_and_calling_a_person_so_accuses_him() -> None:
    act = only(events_of("Уряд Грузії назвав підпал офісу партії «терористичним актом»."), "ACCUSE")
    person = only(events_of("Уряд Грузії назвав опозиційного блогера «терористом»."), "ACCUSE")
    assert act.mode == "disapprove" and person.mode == "allege"


def test_calling_an_agreement_an_example_is_praise_not_condemnation() -> None:
    found = events_of("Прем'єр Норвегії назвав угоду Вірменії та Азербайджану «зразком для всього регіону».")
    assert "ACCUSE" not in categories(found)


def test_a_ceasefire_with_nobody_named_is_kept_by_the_sides_not_the_mediator() -> None:
    text = (
        "Вірменія та Азербайджан у вівторок погодилися припинити вогонь, посередником виступив президент Казахстану.\n"
        "Перемир'я набуло чинності в середу."
    )
    ceasefire = only(events_of(text), "RETREAT")
    assert ceasefire.mode == "ceasefire" and codes(ceasefire.actor) == {"ARM", "AZE"}


def test_a_ban_on_holding_office_is_nobody_taking_office() -> None:
    found = events_of("Суд Молдови засудив колишнього мера до двох років ув'язнення і заборонив йому обіймати посади.")
    assert "APPOINT" not in categories(found) and "SANCTION" in categories(found)
    assert only(events_of("Новий міністр оборони Латвії у вівторок обійняв посаду."), "APPOINT").mode == "assume_office"


def test_titles_of_two_countries_before_two_names_give_each_name_its_country() -> None:
    text = "Міністри закордонних справ Латвії та Естонії Андріс Вітолс і Маргус Тамм у понеділок підписали в Берліні угоду про кордон."
    signing = only(events_of(text), "SUPPORT")
    assert [a.code for a in signing.actor] == ["LVA", "EST"] and signing.recipient == []


def test_people_of_any_occupation_returned_to_their_country_are_released() -> None:
    release = only(events_of("Туреччина в понеділок повернула Греції трьох рибалок, чий катер зайшов у її води."), "RETREAT")
    assert release.mode == "release" and codes(release.actor) == {"TUR"} and codes(release.recipient) == {"GRC"}


def test_who_ordered_an_act_with_nobody_named_did_it() -> None:
    text = (
        "Президент Литви Гітанас Науседа звинуватив Білорусь у провокаціях. "
        "За його наказом до кордону стягнули підрозділи армії."
    )
    mobilization = only(events_of(text), "MOBILIZE")
    assert codes(mobilization.actor) == {"LTU"}


def test_a_warning_of_ones_own_act_is_one_threat() -> None:
    found = events_of("Прем'єр Польщі попередив Литву, що не підписуватиме жодних торговельних угод, доки триває блокада.")
    threat = only(found, "THREATEN")
    assert codes(threat.actor) == {"POL"} and codes(threat.recipient) == {"LTU"} and "AGREE" not in categories(found)


def test_a_warning_that_something_else_will_happen_is_no_threat() -> None:
    assert "THREATEN" not in categories(events_of("Уряд Молдови попередив, що ціни на газ узимку зростуть."))


def test_a_withdrawal_an_agreement_provides_for_is_planned_by_the_troops_nation() -> None:
    text = "Посли Вірменії та Азербайджану в понеділок підписали угоду, яка передбачає виведення вірменських військ із прикордонних сіл Азербайджану."
    withdrawal = only(events_of(text), "RETREAT")
    assert withdrawal.mode == "withdraw" and withdrawal.status == "planned"
    assert codes(withdrawal.actor) == {"ARM"} and codes(withdrawal.recipient) == {"AZE"}


def test_a_state_body_tells_what_its_state_did_with_nobody_named() -> None:
    text = "Міністерство внутрішніх справ Грузії визнало підпал складу, але стверджує, що пожежу загасили, а двох підозрюваних затримано."
    arrest = only(events_of(text), "COERCE")
    assert codes(arrest.actor) == {"GEO"}


def test_there_speaks_for_who_acted_in_the_sentence_before() -> None:
    text = "Міністерство оборони Білорусі в середу звинуватило Польщу в провокаціях на кордоні. Там назвали навчання польської армії «прямою загрозою»."
    condemnation = [e for e in events_of(text) if e.eventText.startswith("назвали")]
    assert len(condemnation) == 1 and codes(condemnation[0].actor) == {"BLR"}


def test_a_meeting_where_something_was_agreed_is_a_record_of_both_named_sides_not_the_mediator() -> None:
    text = (
        "Угоди досягли в турецькій Анталії на зустрічі прем'єр-міністра Вірменії Ніколи Пашиняна та президента "
        "Азербайджану Ільхама Алієва, посередником на якій виступив президент Туреччини."
    )
    meeting = only(events_of(text), "CONSULT")
    assert codes(meeting.actor) == {"ARM", "AZE"} and "TUR" not in codes(meeting.recipient)


def test_protesters_coming_to_a_square_named_at_the_opening_of_the_clause() -> None:
    text = "На Майдан Незалежності в Києві у суботу та неділю вийшли кілька сотень студентів із саморобними плакатами."
    assert only(events_of(text), "PROTEST").actor


def test_a_demand_to_resume_something_asks_for_a_change() -> None:
    request = only(events_of("Прем'єр Словаччини наполягав, щоб Україна відновила транзит нафти."), "REQUEST")
    assert request.mode == "change" and codes(request.recipient) == {"UKR"}


def test_citizens_naming_nobody_ask_their_own_state_not_the_other_side() -> None:
    text = (
        "Казахстан і Узбекистан у понеділок підписали договір про кордон. "
        "Тим часом активісти з Алмати вимагають оприлюднити повний текст договору."
    )
    request = only(events_of(text), "REQUEST")
    assert codes(request.recipient) == codes(request.actor) == {"KAZ"}


def test_refusing_investigators_is_a_refusal_and_refusing_journalists_declines_comment() -> None:
    refusal = only(events_of("Колишній міністр оборони Литви після допиту відмовився відповідати на запитання слідчих."), "REJECT")
    comment = only(events_of("Речник МЗС Литви відмовився відповідати на запитання журналістів."), "COMMENT")
    assert codes(refusal.actor) == {"LTU"} and comment.mode == "decline"


def test_what_a_prosecutor_asks_of_a_court_is_no_political_request() -> None:
    assert "REQUEST" not in categories(events_of("Прокурор у Вільнюсі проситиме для колишнього мера три роки ув'язнення."))
    assert "REQUEST" not in categories(events_of("Прокуратура Латвії наполягала на реальних строках для обвинувачених."))


def test_an_event_noun_with_nobody_named_refers_back_across_the_text() -> None:
    text = (
        "Поліція Грузії в понеділок затримала трьох опозиційних активістів.\n"
        "Міністр внутрішніх справ заявив, що вони готували заворушення.\n"
        "Посольство США висловило занепокоєння.\n"
        "Арешти відбулися напередодні парламентських виборів."
    )
    assert len([e for e in events_of(text) if e.event == "COERCE"]) == 1


def test_a_demand_turned_to_someone_named_while_blocking_is_a_record_of_its_own() -> None:
    found = events_of("Словаччина тиждень блокувала рішення, вимагаючи від Єврокомісії гарантій постачання нафти.")
    assert {"REJECT", "REQUEST"} <= categories(found)
    assert codes(only(found, "REQUEST").recipient) == {"EUR"}


def test_a_promise_to_appeal_a_verdict_is_no_agreement() -> None:
    found = events_of("Суд Литви засудив колишнього депутата до трьох років ув'язнення. Його адвокат пообіцяв оскаржити вирок.")
    assert "AGREE" not in categories(found)
