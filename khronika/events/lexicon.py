"""The event lexicon (khronika/data/lexicons/events.json) as typed records, loaded once.

An analyst extends khronika by editing the JSON: cues, support verbs, status and
attribution cues, actor role words. Nothing here is specific to one article.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "events.json"
DEFAULT_WINDOW = 5


@dataclass(frozen=True)
class Cue:
    """One way a lemma signals an event, with the conditions under which it does."""

    event: str | None  # None: this use of the lemma is no event ('визнали винним')
    mode: str | None
    context: tuple[str, ...]
    requires: frozenset[str] = frozenset()
    window: int = DEFAULT_WINDOW
    requires_after: bool = False  # the required word only after the cue: 'пообіцяв відповідь', not 'У відповідь ... пообіцяв'
    requires_negation: bool = False
    before_that_clause: bool = False  # the cue holds only when the next clause opens with 'що' ('наполягають, що ...')
    requirement_acts: bool = False  # the required word names who acts: 'виведення руандійських військ' (Rwanda withdraws)
    own_act: bool = False  # with before_that_clause: the 'що' clause names no subject of its own ('попередив, що не укладатиме')
    requires_quoted: bool = False  # a quoted word within the window after the cue (the required one, when some are listed)
    named_recipient: bool = False  # a record only when the recipient is a person the knowledge base knows by name
    requires_bare: bool = False  # the required word is a direct object or subject, not in a 'до'/'за' phrase: 'засудили затримання'
    magnitude: bool = False
    recipient: tuple[str, ...] = ()
    recipient_fallback: tuple[str, ...] = ()  # tried in order while the recipient is still unknown
    recipient_inherits_actor: bool = False
    unrealized: tuple[str, str | None] | None = None  # (event, mode) when planned or possible
    content: str | None = None  # status given to an event noun this cue governs
    mode_by_object: bool = False
    enacts: bool = False  # 'підписав указ про помилування': the document's event is the record
    returns_home: bool = False  # 'Україна повернула додому 150 захисників': the subject receives, the holder releases
    speaker_acts: bool = False  # 'попередив, що поставки «не залишаться без наслідків»': the one who says it acts
    patient_subject: bool = False  # 'тисячі перебувають у полоні': the subject suffers it; the agent is implicit
    two_sides: bool = False  # talks need two parties or a partner: 'Швеція обговорює' alone is no CONSULT
    ahead: bool = False  # 'запросив до Парижа': the event the cue proposes is planned
    giver: tuple[str, ...] = ()  # 'Україна отримала від ЄС': the subject receives; the actor is in these roles


@dataclass(frozen=True)
class SentenceMode:
    """A mode the wider text gives a record: 'за посередництва' -> CONSULT third-party."""

    event: str
    mode: str | None  # the mode the cue gave, which this refines
    becomes: str
    cues: frozenset[str]
    scope: str  # sentence or paragraph


@dataclass(frozen=True)
class StatusCues:
    negation: frozenset[str]
    planned: frozenset[str]
    possible: frozenset[str]
    ongoing: frozenset[str]
    question_predicates: frozenset[str]
    interrogatives: frozenset[str]
    hypothetical_openers: frozenset[str]  # 'доки Мінськ не звільнить': a condition, not an event
    refuting: frozenset[str]  # 'спростував, що ...': what the 'що' clause says is denied
    while_openers: frozenset[str]  # 'доки за ґратами залишаються': with a present verb and no negation, a state that holds
    lasting: frozenset[str]  # 'оголосили голодування': a state that goes on once begun
    said_now: frozenset[str]  # categories stated when said: 'не вестиме переговорів' refuses now, not later
    # 'оголосив про відставку' is the act; 'оголосила про фінансування закупівлі' announces one ahead
    done_when_announced: frozenset[str]


@dataclass(frozen=True)
class AttributionCues:
    verbs: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # (preposition, head) or (word before, preposition, head): "за даними", "згідно з даними"
    documents: frozenset[str]  # 'йдеться в заяві МЗС': a text whose author (the genitive after it) reports
    citing: tuple[tuple[str, ...], ...]  # "із посиланням на"
    source_nouns: frozenset[str]
    unnamed_people: frozenset[str]  # 'два дипломати', 'деякі посадовці': sources, not reporters
    anonymity: frozenset[str]
    backward: frozenset[str]  # "про це повідомив": points to the sentences before
    spokespeople: frozenset[str]  # 'речниця комітету', 'пресслужба СБУ': they speak for the body named after them
    bodies: frozenset[str]  # 'МЗС Грузії', 'посольство Росії': the first word of a body's name, which reports what it says
    statements: frozenset[str]  # categories of what is said: a body that says it is the reporter


@dataclass(frozen=True)
class ActorCues:
    role_sectors: dict[str, str]
    contextual: frozenset[str]  # descriptions that stand for an actor named before
    contextual_person: frozenset[str]  # people described, not institutions
    pronouns: frozenset[str]
    party_nouns: frozenset[str]
    both_words: frozenset[str]  # 'обох країн', 'обидві держави': the two parties the text is about
    adversary_nouns: frozenset[str]  # 'ворог': the other side of the country the text is about
    state_nouns: frozenset[str]  # 'країни', 'держави' in the plural are many states, not the one the text is about
    there_words: frozenset[str]  # 'Там назвали ...': the ones who acted in the sentence before speak
    order_nouns: frozenset[str]  # 'за наказом президента': who ordered an act nobody is named doing did it
    home_words: frozenset[str]  # 'додому': people returned go to the other side the text is about
    captivity_words: frozenset[str]  # 'з полону': where people are returned from
    # 'окупаційний суд', 'в окупованому Донецьку', 'так званий «суд»': the authorities of an occupied place
    occupation_markers: frozenset[str]
    so_called: tuple[str, str]  # 'так званий': the marker of two words
    occupiers: dict[str, str]  # the occupied state -> the state whose authorities act there
    occupied_places: dict[str, str]  # 'крим' -> UKR: a place the occupier holds, and whose it is


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, tuple[Cue, ...]]  # lemma -> cues in priority order
    support_verbs: frozenset[str]
    announcing_verbs: frozenset[str]  # 'оголосив про відставку': the event noun after 'про' is what is announced
    status: StatusCues
    attribution: AttributionCues
    actors: ActorCues
    request_modes: dict[str, str]  # lemma of what is requested -> mode
    request_mode_of_any_act: str  # the mode of a call to do something none of request_modes names
    request_mode_of_international_body: str  # such a call addressed to an international body asks it to help
    request_mode_order: tuple[str, ...]  # which mode wins when the request names several
    implicit_state_actor: frozenset[str]  # categories whose unnamed agent is the state where it happens
    addressed_to_own_state: frozenset[str]  # categories that citizens, with nobody named, address to their own state
    governed_sectors: frozenset[str]  # the sectors of those citizens: civilians, opposition
    implicit_people_actor: frozenset[str]  # categories whose unnamed agents are the people of the place (protests)
    gerund_elaborates: dict[str, frozenset[str]]  # category of a gerund -> categories of the clause before it that it explains
    implicit_actor_from: dict[str, str]  # 'EVENT/mode' -> the category whose last actor acts unnamed (lifting <- imposing sanctions)
    case_events: frozenset[str]  # the steps of one legal case (arrest, charge, sentence): they concern the same people
    act_nouns: dict[str, str]  # 'вирок' -> SANCTION: a noun that names an act without being its cue
    requires_actor: frozenset[str]  # categories that are no record when nobody can be named as the actor
    impersonal_success: frozenset[str]  # 'вдалося' + infinitive: the dative is the agent
    sentence_modes: tuple[SentenceMode, ...]
    place_modes: dict[str, dict[str, str]]  # event -> mode when it happens at a host's place or in a third country
    between_parties: frozenset[str]  # 'EVENT' or 'EVENT/mode': with no agent named, the sides in context act
    participation_nouns: frozenset[str]  # 'взяли участь у переговорах': the noun through which a verb joins an event
    participation_verbs: frozenset[str]
    background_preps: frozenset[str]  # 'після саміту', 'на зустрічі': an event noun that dates or places the clause's event
    consequence_preps: frozenset[str]  # 'унаслідок удару': an event noun whose consequence the clause tells
    promised_records: frozenset[str]  # categories a promise commits to that are records of their own, planned
    promising_verbs: frozenset[str]  # the verbs of such promises
    background_time_nouns: frozenset[str]  # 'під час переговорів': the time noun before such an event noun
    genitive_agents: frozenset[str]  # categories whose event noun names its agent in the genitive ('зустріч Зеленського')
    multilateral: tuple[str, int, frozenset[str]]  # (category, parties, nouns): talks of that many sides, or a summit, are multilateral
    casualty_events: frozenset[str]  # categories whose magnitude is the people killed when the sentence counts them
    casualty_words: frozenset[str]  # 'загинули', 'загиблих': the words such a count stands with
    magnitude_excluded: frozenset[str]
    time_nouns: frozenset[str]  # 'минулого тижня', 'сьомий тиждень': time, never a participant
    quantity_words: frozenset[str]  # 'близько двадцяти учасників': part of a count, not a preposition
    relative_pronouns: frozenset[str]
    idiom_words: frozenset[str]  # 'нон грата' (word forms, the tagger lemmatizes them wrongly): never a participant
    subordinators: frozenset[str]
    coordinators: frozenset[str]
    preposition_variants: dict[str, str]  # 'зі' -> 'з'
    since_markers: frozenset[str]
    gerund_endings: tuple[tuple[str, str], ...]
    participle_endings: tuple[tuple[str, str], ...]

    def verb_lemma_of_gerund(self, form: str) -> str | None:
        """'помилувавши' -> 'помилувати': the cue lemma a gerund stands for, if any."""
        return self._cue_lemma(form.lower(), self.gerund_endings)

    def verb_lemma_of_participle(self, lemma: str) -> str | None:
        """'засуджений' -> 'засудити', 'заарештований' -> 'заарештувати': the cue lemma of a passive participle."""
        return self._cue_lemma(lemma, self.participle_endings)

    def support_of_participle(self, lemma: str) -> str | None:
        """'запланований' -> 'запланувати': the support verb a passive participle stands for, if any."""
        for ending, replacement in self.participle_endings:
            if lemma.endswith(ending) and lemma[: -len(ending)] + replacement in self.support_verbs:
                return lemma[: -len(ending)] + replacement
        return None

    def _cue_lemma(self, lower: str, endings: tuple[tuple[str, str], ...]) -> str | None:
        for ending, replacement in endings:
            if lower.endswith(ending):
                lemma = lower[: -len(ending)] + replacement
                if lemma in self.cues:
                    return lemma
        return None


# Yes/no conditions of a cue: each is read from the lexicon entry by its own name, false when absent.
_CUE_FLAGS = tuple(f.name for f in fields(Cue) if f.type == "bool")


def _cue(raw: dict[str, Any]) -> Cue:
    unrealized = raw.get("unrealized")
    return Cue(
        event=raw.get("event"),
        mode=raw.get("mode"),
        context=tuple(raw.get("context", ())),
        requires=frozenset(raw.get("requires", ())),
        window=raw.get("window", DEFAULT_WINDOW),
        recipient=tuple(r for r in raw.get("recipient", ()) if r != "counterpart"),
        recipient_fallback=_as_tuple(raw.get("recipient_fallback")),
        unrealized=(unrealized["event"], unrealized.get("mode")) if unrealized else None,
        content=raw.get("content"),
        giver=tuple(raw.get("giver", ())),
        **{flag: raw.get(flag, False) for flag in _CUE_FLAGS},
    )


def _as_tuple(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@functools.cache
def load() -> Lexicon:
    raw = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    cues: dict[str, list[Cue]] = {}
    for group in raw["cues"]:
        cue = _cue(group)
        for lemma in group["lemmas"]:
            cues.setdefault(lemma, []).append(cue)
    status = raw["status"]
    attribution = raw["attribution"]
    actors = raw["actors"]
    return Lexicon(
        cues={lemma: tuple(found) for lemma, found in cues.items()},
        support_verbs=frozenset(raw["support_verbs"]),
        announcing_verbs=frozenset(raw["announcing_verbs"]),
        status=StatusCues(**{k: frozenset(v) for k, v in status.items()}),
        attribution=AttributionCues(
            verbs=frozenset(attribution["verbs"]),
            phrases=tuple(tuple(p) for p in attribution["phrases"]),
            citing=tuple(tuple(p) for p in attribution["citing"]),
            documents=frozenset(attribution["documents"]),
            source_nouns=frozenset(attribution["source_nouns"]),
            unnamed_people=frozenset(attribution["unnamed_people"]),
            anonymity=frozenset(attribution["anonymity"]),
            backward=frozenset(attribution["backward"]),
            spokespeople=frozenset(attribution["spokespeople"]),
            bodies=frozenset(attribution["bodies"]),
            statements=frozenset(attribution["statements"]),
        ),
        actors=ActorCues(
            role_sectors=dict(actors["role_sectors"]),
            contextual=frozenset(actors["contextual"]),
            contextual_person=frozenset(actors["contextual_person"]),
            pronouns=frozenset(actors["pronouns"]),
            party_nouns=frozenset(actors["party_nouns"]),
            both_words=frozenset(actors["both_words"]),
            adversary_nouns=frozenset(actors["adversary_nouns"]),
            home_words=frozenset(actors["home_words"]),
            captivity_words=frozenset(actors["captivity_words"]),
            state_nouns=frozenset(actors["state_nouns"]),
            order_nouns=frozenset(actors["order_nouns"]),
            there_words=frozenset(actors["there_words"]),
            occupation_markers=frozenset(actors["occupation"]["markers"]),
            so_called=tuple(actors["occupation"]["so_called"]),  # type: ignore[arg-type]
            occupiers=dict(actors["occupation"]["occupiers"]),
            occupied_places=dict(actors["occupation"]["places"]),
        ),
        request_modes={lemma: mode for mode, lemmas in raw["request_modes"].items() for lemma in lemmas},
        request_mode_of_any_act=raw["request_mode_of_any_act"],
        request_mode_of_international_body=raw["request_mode_of_international_body"],
        request_mode_order=tuple(raw["request_modes"]),
        implicit_state_actor=frozenset(raw["implicit_state_actor"]),
        addressed_to_own_state=frozenset(raw["addressed_to_own_state"]["events"]),
        governed_sectors=frozenset(raw["addressed_to_own_state"]["sectors"]),
        implicit_people_actor=frozenset(raw["implicit_people_actor"]),
        gerund_elaborates={k: frozenset(v) for k, v in raw["gerund_elaborates"].items() if not k.startswith("_")},
        implicit_actor_from={k: v for k, v in raw["implicit_actor_from"].items() if not k.startswith("_")},
        requires_actor=frozenset(raw["requires_actor"]),
        case_events=frozenset(raw["case_events"]),
        act_nouns={k: v for k, v in raw["act_nouns"].items() if not k.startswith("_")},
        impersonal_success=frozenset(raw["impersonal_success"]),
        between_parties=frozenset(raw["between_parties"]),
        participation_nouns=frozenset(raw["participation"]["nouns"]),
        participation_verbs=frozenset(raw["participation"]["verbs"]),
        background_preps=frozenset(raw["background"]["preps"]),
        consequence_preps=frozenset(raw["consequence_preps"]["preps"]),
        promised_records=frozenset(raw["promised_records"]["events"]),
        promising_verbs=frozenset(raw["promised_records"]["verbs"]),
        background_time_nouns=frozenset(raw["background"]["time_nouns"]),
        genitive_agents=frozenset(raw["genitive_agents"]),
        multilateral=(raw["multilateral"]["event"], raw["multilateral"]["parties"], frozenset(raw["multilateral"]["nouns"])),
        sentence_modes=tuple(
            SentenceMode(m["event"], m["mode"], m["becomes"], frozenset(m["cues"]), m["scope"]) for m in raw["sentence_modes"]
        ),
        place_modes={event: dict(modes) for event, modes in raw["place_modes"].items() if not event.startswith("_")},
        casualty_events=frozenset(raw["casualties"]["events"]),
        casualty_words=frozenset(raw["casualties"]["words"]),
        magnitude_excluded=frozenset(raw["magnitude_excluded"]),
        time_nouns=frozenset(raw["time_nouns"]),
        quantity_words=frozenset(raw["quantity_words"]),
        relative_pronouns=frozenset(raw["relative_pronouns"]),
        idiom_words=frozenset(raw["idiom_words"]),
        subordinators=frozenset(raw["subordinators"]),
        coordinators=frozenset(raw["coordinators"]),
        preposition_variants={k: v for k, v in raw["preposition_variants"].items() if not k.startswith("_")},
        since_markers=frozenset(raw["since_markers"]),
        gerund_endings=tuple((e, r) for e, r in raw["gerund_endings"]),
        participle_endings=tuple((e, r) for e, r in raw["participle_endings"]),
    )
