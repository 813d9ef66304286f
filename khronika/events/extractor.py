"""Building the records: cues per clause, then each record's arguments (see khronika.events)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from khronika.events import status as statuses
from khronika.events.actors import GROUP_CODES, ActorResolver
from khronika.events.arguments import (
    Timing,
    antecedent_of,
    casualties_of,
    content_subjects,
    dative_experiencer,
    instrumental_agent,
    magnitude_of,
    predicate_of,
    recipient_phrases,
    recipients_of,
    subject_phrase,
    timing_of,
)
from khronika.events.attribution import SentenceAttribution, attribute_sentence, speaking_body_attribution, spokesperson_attribution
from khronika.events.lexicon import Cue, Lexicon, load
from khronika.events.syntax import Clause, Phrase, SentenceView, Word, compound_head_lemma, quoted_words, sentences_of, words_of
from khronika.language import Analysis
from khronika.model import Actor, Article, Attribution, Event, Evidence

if TYPE_CHECKING:
    from khronika.values import Values

# categories whose cue takes another cue as its content ('закликав звільнити', 'відмовилася підтримати')
_CONTENT_TAKERS = frozenset({"REQUEST", "REJECT", "AGREE", "COMMENT", "THREATEN"})
_NOUN_GOVERNOR_DISTANCE = 8
_NON_STATE_SECTORS = frozenset({"OPP", "CVL", "MED", "NGO"})
_STATE_BODY_SECTORS = frozenset({"GOV", "MIL", "JUD"})  # bodies that speak for what their state does
_CLAIMS_FROM_BELOW = frozenset({"ACCUSE", "REQUEST", "PROTEST", "THREATEN", "REJECT"})  # what non-state actors address to their state


@dataclass
class Trigger:
    word: Word
    cue: Cue
    clause: Clause
    governor: Word | None = None  # the verb that makes an event noun happen
    content_status: str | None = None  # 'обговорюють звільнення' -> possible
    requirement: Word | None = None  # the word the cue required ('санкції' of 'посилив санкції')
    content: Cue | None = None  # the cue this one took as its content ('пообіцяли виділити' -> the aid)
    joined: bool = False  # 'взяли участь у переговорах': the subject is one party of an event with others
    background: bool = False  # 'після саміту Трампа й Путіна': the event dates another one
    consequence: bool = False  # 'унаслідок удару ... загинули': the clause tells what the event caused
    promised: bool = False  # 'пообіцяли виділити': the content of a promise, a record of its own


@dataclass
class _Context:
    """What one article's records share while they are built in reading order."""

    article: Article
    actors: ActorResolver
    values: Values
    lexicon: Lexicon
    events: list[Event]
    parties: list[Actor]  # the sides of the last event between several countries: what 'сторони' means
    subjects: dict[int, list[Actor]] = dataclasses.field(default_factory=dict)  # sentence -> the person its subject names
    cue_starts: list[int] = dataclasses.field(default_factory=list)  # where the cue of each record stands (as events)


def extract(article: Article, analysis: Analysis, values: Values) -> list[Event]:
    lexicon = load()
    words = words_of(analysis)
    views = sentences_of(analysis, words, article.text, lexicon)
    actors = ActorResolver(article.text, words, analysis.entities, lexicon)
    triggers = {view.index: _triggers(view, lexicon) for view in views}
    attributions = _attributions(views, triggers, actors, values, lexicon)
    context = _Context(article, actors, values, lexicon, [], [])
    for view in views:
        participants: list[tuple[int, Actor]] = []
        for trigger in triggers[view.index]:
            event = _event(context, view, trigger, attributions[view.index].attribution, participants)
            if event is None:
                continue
            context.events.append(event)
            context.cue_starts.append(trigger.word.start)
            participants.extend((trigger.word.start, a) for a in event.actor + event.recipient if a.code)
            sides = _distinct_codes(event.actor + event.recipient)
            if len(sides) >= 2:
                context.parties = sides
    return context.events


def _distinct_codes(actor_list: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actor_list:
        if actor.code and actor.code not in seen:
            seen[actor.code] = actor
    return list(seen.values())


def _recorded_before(context: _Context, view: SentenceView, event_name: str, paragraphs: int | None) -> bool:
    """A record of this category before the sentence, within `paragraphs` paragraph breaks (None: anywhere)."""
    return any(
        e.event == event_name
        and e.evidence.end <= view.sentence.start
        and (paragraphs is None or context.article.text.count("\n", e.evidence.start, view.sentence.start) <= paragraphs)
        for e in context.events
    )


# -- cues ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Surroundings:
    """What a cue may depend on beyond its clause's words."""

    before_that: bool  # the next clause opens with 'що': 'наполягають, що ...'
    that_names_subject: bool  # that 'що' clause names a subject of its own before its verb: 'попереджають, що голод ...'
    quoted: frozenset[int]  # indices of the sentence's words inside quotation marks


def _triggers(view: SentenceView, lexicon: Lexicon) -> list[Trigger]:
    found: list[Trigger] = []
    quoted = quoted_words(view)
    for clause in view.clauses:
        if _about_the_source(clause, lexicon):
            continue  # 'просячи про анонімність': the clause is about the source, not an event
        if clause.words[0].lemma == "чи" or (clause.opener is not None and clause.opener.lemma == "чи"):
            continue  # 'відмовився коментувати, чи обговорювали ...': a question asserts nothing
        if _is_condition(clause, lexicon):
            continue  # 'доки Мінськ не звільнить в'язнів': a condition asserts nothing either
        following = view.clauses[clause.index + 1] if clause.index + 1 < len(view.clauses) else None
        before_that = following is not None and following.opener is not None and following.opener.lemma == "що"
        surroundings = _Surroundings(before_that, before_that and _names_own_subject(following), quoted)
        for word in clause.words:
            trigger = _trigger_at(clause, word, lexicon, surroundings)
            if trigger is not None:
                found.append(trigger)
    supported = _relative_support(view, found, lexicon)
    # 'Після атаки, яку Росія здійснила': the relative clause tells the event the circumstance names
    found = [t for t in found if not ((t.background or t.consequence) and t.word.i in supported)] + list(supported.values())
    kept = []
    for trigger in found:
        absorber = _absorber(trigger, found, view, lexicon)
        if absorber is None:
            if not _is_purpose(trigger.clause):
                kept.append(trigger)  # 'провели відеоконференцію, щоб узгодити позицію': an aim is no event
            continue
        absorber.content = absorber.content or trigger.cue
        if absorber.word.lemma in lexicon.promising_verbs and trigger.cue.event in lexicon.promised_records:
            kept.append(replace(trigger, promised=True))  # 'пообіцяли виділити': the aid, planned
        if absorber.cue.event == "AGREE" and trigger.cue.unrealized:
            # 'пообіцяли зняти санкції': a promise of what the content would do (CONCEDE ease_sanctions)
            event, mode = trigger.cue.unrealized
            absorber.cue = dataclasses.replace(trigger.cue, event=event, mode=mode, unrealized=None)
    # 'підписав указ про помилування': the signing enacts the document's event, which is the record
    enacted = {t.governor.i for t in kept if t.governor is not None and t.word.pos == "NOUN"}
    kept = [t for t in kept if not (t.cue.enacts and t.word.i in enacted)]
    # 'призупинення співпраці': an event noun another cue requires is what that cue acts on, no record of its own
    required = {t.requirement.i for t in kept if t.requirement is not None}
    kept = [t for t in kept if not (t.word.pos == "NOUN" and t.word.i in required)]
    kept = _without_repeats(kept)
    # 'відбувся протест: за оцінкою ..., вийшли 300 тисяч людей': what a colon opens tells the same event in detail
    colon = next((c.index for c in view.clauses if c.after_colon), None)
    if colon is None:
        return kept
    before_colon = {k.cue.event for k in kept if k.clause.index < colon}
    return [t for t in kept if t.clause.index < colon or t.cue.event not in before_colon]


def _names_own_subject(clause: Clause) -> bool:
    """A noun in the nominative before the clause's first finite verb: someone else does what it tells."""
    verb = next((w for w in clause.words if w.is_finite), None)
    return verb is not None and any(
        p.prep is None and p.last < verb.i and p.head.pos in ("NOUN", "PROPN") and p.can_be_case("Nom") for p in clause.phrases
    )


def _about_the_source(clause: Clause, lexicon: Lexicon) -> bool:
    """'просячи про анонімність', 'побажали лишитися неназваними', 'анонімне джерело': the clause speaks of who
    told the news; an anonymous thing that tells nothing ('мережа анонімних каналів') does not make it so."""
    cues = lexicon.attribution
    for word, following in zip(clause.words, [*clause.words[1:], None]):
        if word.lemma not in cues.anonymity:
            continue
        if word.pos != "ADJ" or following is None or following.pos != "NOUN":
            return True
        if following.lemma in cues.source_nouns or following.lemma in cues.unnamed_people:
            return True
    return False


def _is_condition(clause: Clause, lexicon: Lexicon) -> bool:
    """'якщо', 'доки Мінськ не звільнить'; but 'доки за ґратами залишаються' (while, a present state) asserts."""
    opener = clause.opener
    if opener is None or opener.lemma not in lexicon.status.hypothetical_openers:
        return False
    if opener.lemma not in lexicon.status.while_openers:
        return True
    negated = any(w.lemma in lexicon.status.negation for w in clause.words)
    return negated or not any(w.is_finite and statuses.tense_of(w) == "Pres" for w in clause.words)


def _trigger_at(clause: Clause, word: Word, lexicon: Lexicon, surroundings: _Surroundings) -> Trigger | None:
    position = clause.words.index(word)
    passive = _is_passive_predicate(clause, position)
    if word.pos not in ("VERB", "NOUN") and not passive:
        return None
    cues = lexicon.cues.get(word.lemma) if not passive else None
    if cues is None and word.is_gerund:
        lemma = lexicon.verb_lemma_of_gerund(word.text)
        cues = lexicon.cues.get(lemma) if lemma else None
    if passive:
        lemma = lexicon.verb_lemma_of_participle(word.lemma)
        # 'був засуджений': the subject undergoes the act, whose agent is not named
        cues = tuple(dataclasses.replace(c, patient_subject=True) for c in lexicon.cues.get(lemma, ())) if lemma else None
    if not cues:
        return None
    negated = any(w.lemma in lexicon.status.negation for w in statuses.verb_chain(clause, word)[:-1])
    for cue in cues:
        requirement = None
        if cue.requires_quoted and not cue.requires:
            window = clause.words[position + 1 : position + 1 + cue.window]
            if not any(w.i in surroundings.quoted for w in window):
                continue
        if cue.requires:
            # the verb's own object ('requires_bare') stands close; others may follow an inserted time
            after = clause.words[position + 1 : position + 1 + cue.window] if cue.requires_bare else _words_after(clause, position, cue.window, lexicon)
            # the object may come first ('Двох литовок передали'), a state verb after its place ('у полоні перебувають')
            before = [] if cue.requires_after else clause.words[max(0, position - cue.window) : position]
            requirement = next(
                (w for w in [*after, *reversed(before)] if w.lemma in cue.requires or compound_head_lemma(w.text) in cue.requires), None
            )
            if requirement is None or (cue.requires_bare and _in_prepositional_phrase(clause, requirement)):
                continue
            between = [w for w in clause.words if min(word.i, requirement.i) < w.i < max(word.i, requirement.i)]
            if cue.requires_bare and any(w.is_verb for w in between):
                continue  # 'пообіцяли зняти санкції': the word is the object of the verb between, not the cue's own
            if cue.requires_quoted and requirement.i not in surroundings.quoted:
                continue
        if (cue.requires_negation and not negated) or (cue.before_that_clause and not surroundings.before_that):
            continue
        if cue.own_act and surroundings.that_names_subject:
            continue
        if cue.event is None:
            return None  # the lexicon says this use is no event
        trigger = Trigger(word, cue, clause, requirement=requirement)
        if word.pos == "NOUN":
            return _governed_noun(trigger, lexicon)
        if word.is_infinitive and not any(w.is_verb for w in clause.words[:position]):
            # 'Домовитися ... сторонам не вдалося': the finite verb after the infinitive governs it
            trigger.governor = next((w for w in clause.words[position + 1 :] if w.is_finite), None)
        return trigger
    return None


def _words_after(clause: Clause, position: int, window: int, lexicon: Lexicon) -> list[Word]:
    """`window` words after the cue, not counting an inserted time or adverb ('продовжила ще на шість місяців
    санкції'), which stay candidates themselves ('засудив до 13 років')."""
    timed = {w.i for p in clause.phrases if p.prep is not None and p.head.lemma in lexicon.time_nouns for w in p.words}
    taken: list[Word] = []
    counted = 0
    for word in clause.words[position + 1 :]:
        if counted == window:
            break
        taken.append(word)
        inserted = word.pos in ("ADV", "PART") or word.i in timed or (word.pos in ("ADP", "NUM") and word.i + 1 in timed)
        counted += not inserted
    return taken


def _in_prepositional_phrase(clause: Clause, word: Word) -> bool:
    """'засудили до ув'язнення': the word is governed by a preposition, not the verb's object."""
    return any(p.prep is not None and p.first <= word.i <= p.last for p in clause.phrases)


def _is_passive_predicate(clause: Clause, position: int) -> bool:
    """'був засуджений', 'були звільнені': a participle after a form of 'бути' is a passive predicate."""
    word = clause.words[position]
    if word.pos != "ADJ" or word.feat("VerbForm") != "Part":
        return False
    before = [w for w in clause.words[max(0, position - 3) : position] if w.pos not in ("ADV", "PART")]
    return bool(before) and before[-1].lemma == "бути" and before[-1].is_verb


def _relative_support(view: SentenceView, found: list[Trigger], lexicon: Lexicon) -> dict[int, Trigger]:
    """'атаки, яку Росія здійснила вночі', 'удару, якого війська завдали по Києву': the event noun before a
    relative clause happens through the support verb inside it, whose subject is the agent (by the noun's index)."""
    taken = {t.word.i for t in found if not (t.background or t.consequence)} | {t.governor.i for t in found if t.governor is not None}
    added: dict[int, Trigger] = {}
    for clause in view.clauses:
        if clause.kind != "relative" or clause.index == 0 or clause.opener is None:
            continue
        antecedent = antecedent_of(view, clause)
        # the pronoun agrees with the last noun: 'наслідки удару, якого ...' is about the strike
        noun = next((w for w in reversed(antecedent.words) if w.pos == "NOUN"), None) if antecedent is not None else None
        if noun is None or noun.i in taken:
            continue
        cue = next((c for c in lexicon.cues.get(noun.lemma, ()) if c.event and not c.requires and not c.requires_negation), None)
        verb = next((w for w in clause.words if w.is_verb and w.lemma in lexicon.support_verbs), None)
        if cue is None or verb is None or verb.i in taken:
            continue
        added[noun.i] = Trigger(verb, cue, clause)
    return added


def _governed_noun(trigger: Trigger, lexicon: Lexicon) -> Trigger | None:
    """An event noun is an event when a support verb or a discussion verb governs it."""
    clause, noun = trigger.clause, trigger.word
    own = next((p for p in clause.phrases if p.first <= noun.i <= p.last), None)
    # 'в обміні', 'під час затримань': a circumstance of another event, not one of its own
    circumstance = own is not None and own.prep is not None and (own.head is noun or own.head.lemma in lexicon.time_nouns)
    position = clause.words.index(noun)
    if circumstance and own.prep in ("у", "в"):
        participant = _participation_verb(clause, own, lexicon)
        if participant is not None:
            return replace(trigger, governor=participant, joined=True)
    if circumstance and _dates_another(clause, own, noun, lexicon):
        return replace(trigger, background=True)
    if circumstance and own.prep in lexicon.consequence_preps:
        return replace(trigger, consequence=True)
    # modal and aspect verbs are not what makes it happen: 'обмін може відбутися'
    status = lexicon.status
    modal = status.possible | status.planned | status.ongoing

    def content_verb(w: Word) -> bool:
        if w.pos == "ADJ" and w.feat("VerbForm") == "Part":
            return lexicon.support_of_participle(w.lemma) is not None  # 'раунд переговорів запланований на травень'
        return w.is_verb and w.pos != "AUX" and (w.lemma in lexicon.support_verbs or w.lemma not in modal)

    before = [w for w in clause.words[max(0, position - _NOUN_GOVERNOR_DISTANCE) : position] if content_verb(w)][-1:]
    if circumstance and own.prep == "про" and not before:
        # 'увів у дію рішення Ради національної безпеки і оборони про санкції': the document's name may be long
        before = [w for w in clause.words[:position] if content_verb(w)][-1:]
    after = [w for w in clause.words[position + 1 : position + 1 + _NOUN_GOVERNOR_DISTANCE] if content_verb(w)][:1]
    for verb in [*before, *after]:
        # (the document's object or what it is about: not 'закон про амністію для учасників протестів')
        if any(c.enacts for c in lexicon.cues.get(verb.lemma, ())) and (own is None or own.prep in (None, "про")):
            return replace(trigger, governor=verb)  # 'підписав розпорядження про помилування'
        if circumstance:
            # 'оголосив про відставку'; a fronted 'Про домовленість оголосив ...' reports one already told
            announced = own.prep == "про" and verb.lemma in lexicon.announcing_verbs and verb.i < noun.i
            if not announced:
                return None
            ahead = None if noun.lemma in status.done_when_announced else statuses.PLANNED
            return replace(trigger, governor=verb, content_status=trigger.content_status or ahead)
        if verb.lemma in lexicon.support_verbs or verb.pos == "ADJ":
            return replace(trigger, governor=verb)
        for cue in lexicon.cues.get(verb.lemma, ()):
            if cue.content:
                return replace(trigger, governor=verb, content_status=cue.content)
    return None


def _dates_another(clause: Clause, own: Phrase, noun: Word, lexicon: Lexicon) -> bool:
    """'після саміту', 'під час переговорів': the event noun is the time of the clause's event."""
    if own.head is noun:
        return own.prep in lexicon.background_preps
    position = clause.words.index(own.head)
    return own.head.lemma in lexicon.background_time_nouns and position + 1 < len(clause.words) and clause.words[position + 1] is noun


def _participation_verb(clause: Clause, own: Phrase, lexicon: Lexicon) -> Word | None:
    """'взяли участь у переговорах', 'У саміті візьмуть участь ...': the verb that takes part in the event
    through 'участь' standing next to the phrase, before or after it."""
    words = clause.words
    start, end = words.index(own.words[0]) - 1, words.index(own.words[-1]) + 1  # from the preposition
    for k in [*range(max(0, start - 2), start), *range(end, min(len(words), end + 4))]:
        if words[k].lemma not in lexicon.participation_nouns:
            continue
        verb = next((w for w in words[max(0, k - 2) : k + 2] if w.is_verb and w.lemma in lexicon.participation_verbs), None)
        if verb is not None:
            return verb
    return None


def _absorber(trigger: Trigger, found: list[Trigger], view: SentenceView, lexicon: Lexicon) -> Trigger | None:
    """The cue this one is the content of: 'прагнуть домогтися', 'закликав звільнити', 'вимагала, щоб ... відійшли'."""
    chain = statuses.verb_chain(trigger.clause, trigger.governor or trigger.word)
    chain_words = {w.i for w in chain[:-1]}
    if trigger.word.pos == "NOUN" and trigger.governor is not None:
        chain_words.add(trigger.governor.i)
    for other in found:
        if other is trigger or other.cue.content or other.cue.enacts:
            continue
        if other.word.i in chain_words and (
            other.cue.event in _CONTENT_TAKERS or other.cue.event == trigger.cue.event or trigger.word.pos == "NOUN"
        ):
            return other
    clause = trigger.clause
    position = clause.words.index(trigger.word)
    if trigger.word.is_infinitive and position > 0:
        # 'домовленість обміняти полонених', 'закликала Іран звільнити': the infinitive is what was agreed or asked
        previous = clause.words[position - 1]
        verbs_before = [w for w in clause.words[:position] if w.is_verb]
        governors = {previous.i} | ({verbs_before[-1].i} if verbs_before else set())
        if previous.pos == "CCONJ":
            # 'закликала переглянути справи і звільнити': coordinated infinitives share the verb that takes them
            governing = next((w for w in reversed(verbs_before) if not w.is_infinitive), None)
            governors |= {governing.i} if governing is not None else set()
        taker = next((o for o in found if o.word.i in governors and o.cue.event in _CONTENT_TAKERS), None)
        if taker is not None:
            return taker
    if clause.kind == "subordinate" and clause.opener is not None and clause.opener.lemma == "щоб" and clause.index > 0:
        # 'вимагала, щоб ... відійшли', 'зустрітися, щоб обговорити': the purpose is part of that record
        previous_clause = view.clauses[clause.index - 1]
        return next(
            (o for o in found if o.clause is previous_clause and (o.cue.event in _CONTENT_TAKERS or o.cue.event == trigger.cue.event)),
            None,
        )
    if clause.kind == "subordinate" and clause.opener is not None and clause.opener.lemma == "що" and clause.index > 0:
        # 'попередив, що не укладатиме угод': what a cue that takes a 'що' clause announces is its content
        previous_clause = view.clauses[clause.index - 1]
        warning = next((o for o in found if o.clause is previous_clause and o.cue.before_that_clause), None)
        if warning is not None:
            return warning
    if clause.kind == "gerund" and clause.index > 0:
        # 'закликав, просячи підтримки': a gerund of the same category repeats the act; 'відкинув припущення,
        # назвавши їх «істерикою»': the gerund explains the act before it. A demand made while protesting or
        # threatening ('вийшли на мітинг, вимагаючи виборів') is a record of its own.
        previous_clause = view.clauses[clause.index - 1]
        explained = lexicon.gerund_elaborates.get(trigger.cue.event or "", frozenset())
        if trigger.cue.event in _CONTENT_TAKERS:
            explained = explained | {trigger.cue.event}
        # the clause's first cue is its act; a later one is its content ('погрожував заблокувати')
        main_act = next((o for o in found if o.clause is previous_clause), None)
        if trigger.cue.event != (main_act.cue.event if main_act else None) and _addresses_someone_named(clause):
            return None  # 'блокував рішення, вимагаючи від Єврокомісії гарантій': a demand of its own, to another
        return main_act if main_act is not None and main_act.cue.event in explained else None
    return None


def _addresses_someone_named(clause: Clause) -> bool:
    """'від Єврокомісії', 'від Брюсселя': the clause names whom it turns to."""
    return any(p.prep == "від" and p.head.text[:1].isupper() for p in clause.phrases)


def _is_purpose(clause: Clause) -> bool:
    """'..., щоб узгодити позицію': an aim."""
    return clause.kind == "subordinate" and clause.opener is not None and clause.opener.lemma == "щоб"


def _without_repeats(found: list[Trigger]) -> list[Trigger]:
    """One record per category and clause: 'провели телефонну розмову' is one CONSULT; a verb
    says it better than a noun ('провела обшуки і затримала' is the arrest)."""
    kept: list[Trigger] = []
    for trigger in found:
        same = next((k for k in kept if k.clause is trigger.clause and k.cue.event == trigger.cue.event), None)
        if same is None:
            kept.append(trigger)
        elif (same.word.pos == "NOUN" and trigger.word.pos == "VERB" and same.governor is not trigger.word) or (
            same.cue.requires_quoted and not trigger.cue.requires_quoted
        ):
            kept[kept.index(same)] = trigger  # 'назвав депортацію «викраденням» і звинуватив': the explicit verb says it
    return kept


# -- attribution ---------------------------------------------------------------


def _attributions(
    views: list[SentenceView], triggers: dict[int, list[Trigger]], actors: ActorResolver, values: Values, lexicon: Lexicon
) -> dict[int, SentenceAttribution]:
    found: dict[int, SentenceAttribution] = {}
    for view in views:
        cue_words = {t.word.i for t in triggers[view.index]} | {t.governor.i for t in triggers[view.index] if t.governor}
        found[view.index] = attribute_sentence(view, actors, values.quantities, lexicon, cue_words)
    for n, view in enumerate(views):
        named = _named_earlier(views, n, found)
        if named is not None:
            found[view.index] = replace(found[view.index], attribution=named)
    # "Про це повідомив X." covers the sentences before it in the paragraph
    for n, view in enumerate(views):
        own = found[view.index]
        if not own.backward:
            continue
        k = n - 1
        while k >= 0 and views[k].paragraph == view.paragraph:
            earlier = found[views[k].index]
            if _is_empty(earlier.attribution):
                found[views[k].index] = replace(earlier, attribution=own.attribution)
            k -= 1
    # an unattributed lead is told on the authority of the outlet the paragraph's next sentence names
    # ('Суд засудив ... . Як повідомляє агентство IPN, суд визнав ...')
    for n, view in enumerate(views[1:], start=1):
        lead, own = found[views[n - 1].index], found[view.index].attribution
        if views[n - 1].paragraph == view.paragraph and (n == 1 or views[n - 2].paragraph != view.paragraph) and _is_empty(lead.attribution) and own.reporter:
            found[views[n - 1].index] = replace(lead, attribution=replace(own, speaker=None))
    return found


def _named_earlier(views: list[SentenceView], n: int, found: dict[int, SentenceAttribution]) -> Attribution | None:
    """'зазначають правозахисники' after 'За даними правозахисного центру «Вясна»' in the paragraph: a reporter
    described by a common noun is the named one whose description has the same word."""
    own = found[views[n].index].attribution
    if own.reporter is None or own.speaker or any(c.isupper() for c in own.reporter):
        return None
    stem = own.reporter.split()[-1].lower()
    k = n - 1
    while k >= 0 and views[k].paragraph == views[n].paragraph:
        earlier = found[views[k].index].attribution
        if earlier.reporter and any(c.isupper() for c in earlier.reporter):
            words = views[k].sentence.text.lower().split()
            if any(_shares_stem(stem, word) for word in words):
                return replace(own, reporter=earlier.reporter)
        k -= 1
    return None


def _shares_stem(a: str, b: str) -> bool:
    common = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return common >= max(5, min(len(a), len(b)) - 4)


def _is_empty(attribution: Attribution) -> bool:
    return not (attribution.reporter or attribution.speaker or attribution.sources or attribution.anonymous)


# -- records -------------------------------------------------------------------


def _event(
    context: _Context,
    view: SentenceView,
    trigger: Trigger,
    attribution: Attribution,
    participants: list[tuple[int, Actor]],
) -> Event | None:
    article, values, lexicon = context.article, context.values, context.lexicon
    clause, word, cue = trigger.clause, trigger.word, trigger.cue
    anchor = trigger.governor or word
    predicate = predicate_of(clause, anchor)
    chain = statuses.verb_chain(clause, anchor)
    modifiers = _noun_modifiers(clause, word) if word.pos == "NOUN" else []
    main_predicate = _main_predicate(view, clause)
    # 'розпочали розслідування': the verb that starts an event noun makes it happen, not go on
    starts_noun = trigger.governor is not None and trigger.governor.lemma in lexicon.status.ongoing
    status = statuses.status_of(
        view,
        clause,
        chain,
        lexicon,
        negation_is_part_of_cue=cue.requires_negation,
        noun_modifiers=modifiers,
        content_status=trigger.content_status,
        main_predicate=main_predicate,
        cue_verb=word if word.is_verb else trigger.governor if starts_noun else None,
    )
    if status == statuses.OCCURRED and word.lemma in lexicon.status.lasting:
        status = statuses.ONGOING  # a hunger strike declared goes on
    if status == statuses.PLANNED and cue.event in lexicon.status.said_now:
        status = statuses.OCCURRED  # 'Вашингтон не направлятиме військових': the refusal is made when it is said
    if (cue.ahead or trigger.promised) and status in (statuses.OCCURRED, statuses.ONGOING):
        status = statuses.PLANNED  # the visit an invitation proposes, the aid a promise commits to
    if _refuted(view, clause, lexicon):
        status = statuses.DENIED  # 'Пєсков спростував, що Москва взяла на себе зобов'язання'
    if cue.speaker_acts and clause.index > 0:
        # 'заявили, що ... не залишиться без наслідків': the threat is made when it is said
        saying = next((w for w in view.clauses[clause.index - 1].words if w.is_finite), None)
        status = statuses.ONGOING if saying is not None and statuses.tense_of(saying) == "Pres" else statuses.OCCURRED
    subject = _subject(view, trigger, predicate, lexicon)
    spokesperson = spokesperson_attribution(subject, context.actors, values.quantities, lexicon) if subject is not None else None
    if _is_empty(attribution) and spokesperson is not None:
        attribution = replace(spokesperson, text=view.sentence.text)
    if trigger.background:
        # 'після саміту Трампа й Путіна': an event told only as the time of another is a record when its
        # parties are named and the text has not recorded such an event before
        actor_list, named = _noun_participants(context, clause, word), True
        if not actor_list or _recorded_before(context, view, cue.event or "", None):
            return None
    if trigger.consequence:
        # 'унаслідок удару російських ракет': the agent inside the noun's phrase, else who did the same last
        own = next(p for p in clause.phrases if p.first <= word.i <= p.last)
        actor_list = [a for a in context.actors.resolve_group(own) if a.code] or _previous_actors(context, cue.event or "")
        named = bool(actor_list)
    # the act a gerund or a coordinated verb goes with, told before it in the sentence
    main_act = _act_before(context, view, clause) if clause.kind == "gerund" or clause.coordinated else None
    if not (trigger.background or trigger.consequence):
        actor_list, named = _agents(context, view, trigger, predicate, subject)
        if clause.kind == "gerund" and not named:
            # 'родичі вийшли на мітинг, вимагаючи обмінів': a gerund's doer is the doer of the act before it;
            # 'повідомили в прокуратурі, назвавши процес «фарсом»': with no act there, the one who speaks
            doers = list(main_act.actor) if main_act is not None else _doer_before(context, view, clause)
            if doers:
                actor_list, named = doers, True
        elif subject is None and not named and main_act is not None and main_act.actor and _continues_predicate(view, clause, predicate):
            # 'У МЗС рішення привітали, однак закликали партнерів ...': a second verb of the same doer
            actor_list, named = list(main_act.actor), True
        if subject is not None and named and len(actor_list) == 1 and context.actors.is_person(subject, actor_list[0]):
            context.subjects[view.index] = actor_list
    if word.pos == "NOUN" and cue.requirement_acts and trigger.requirement is not None and trigger.requirement.i > word.i:
        modifiers = modifiers + _noun_modifiers(clause, trigger.requirement)  # 'виведення руандійських військ'
    national = _nations_of(context, modifiers)
    if national and not {a.code for a in actor_list} & {a.code for a in national}:
        # 'звіти стали приводом для ізраїльських і американських ударів': the nations the event noun is of did it
        actor_list, named = national, True
    if word.pos == "NOUN" and not named and status == statuses.OCCURRED and _recorded_before(context, view, cue.event or "", None):
        return None  # 'Розмова тривала три години', 'Арешти відбулися ...' after such events were told: the noun refers back
    # (a state arrests and tries its own people: the person acted on names no destination)
    if not named and actor_list and not cue.recipient_inherits_actor and not _is_case_step(cue.event, cue.mode, lexicon):
        actor_list = _other_than_destination(context, view, trigger, subject, actor_list)
    returned_to: list[Actor] = []
    if cue.returns_home and named and _returns_home(clause, lexicon):
        # 'Україна повернула з полону 84 людини': the side that held them releases them to the subject
        returned_to = [a for a in actor_list if a.code]
        actor_list = _holder(context, {a.code for a in returned_to})
    if cue.giver:
        receivers = [a for a in actor_list if a.code]
        personal = subject is not None and (subject.head.pos == "PRON" or any(context.actors.is_person(subject, a) for a in receivers))
        if not receivers or personal:
            return None  # 'він отримав 40 тисяч гривень від куратора': a payment to a person, not aid to a state
        actor_list, recipient_list = _received(context, view, trigger, subject, actor_list), actor_list
        named = bool(actor_list)
    else:
        recipient_list = returned_to or _recipients(context, view, trigger, subject, actor_list, participants)
        if not recipient_list and clause.kind == "gerund" and main_act is not None:
            recipient_list = list(main_act.recipient)  # 'вийшли під Офіс президента, вимагаючи ...': addressed to the same side
    if _is_not_a_record(status, view, clause, cue, named, actor_list, recipient_list, lexicon):
        return None
    if _is_empty(attribution) and named and len(actor_list) == 1 and cue.event in lexicon.attribution.statements:
        body = speaking_body_attribution(actor_list[0], lexicon)
        attribution = replace(body, text=view.sentence.text) if body is not None else attribution
    if cue.named_recipient:
        # 'подякувала президентові Дональду Трампу': the title names the person after it
        position = clause.words.index(word)
        following = clause.words[position + 1 : position + 5]
        person = next((p for p in map(context.actors.known_person_at, following) if p is not None), None)
        if person is None:
            return None
        recipient_list = [r for r in recipient_list if r.code] or [person]
    if cue.two_sides and not trigger.joined and not recipient_list and len({a.code for a in actor_list if a.code}) < 2:
        return None  # 'Швеція обговорює ...' alone: deliberation, not talks
    event_name, mode = cue.event, cue.mode
    if cue.unrealized and (status in (statuses.PLANNED, statuses.POSSIBLE) or (status == statuses.DENIED and _intended(chain, lexicon))):
        event_name, mode = cue.unrealized  # 'не планує пом'якшувати': an intention denied is still about the promise
    if cue.mode_by_object:
        mode = _mode_by_object(view, clause, word, lexicon, event_name) or mode
        if mode == lexicon.request_mode_of_any_act and recipient_list and all(r.sector == "IGO" for r in recipient_list):
            # 'звернувся до Ради Безпеки ООН з вимогою визнати ...': a body of states is asked to act, not to change
            mode = lexicon.request_mode_of_international_body
    mode = _multilateral(lexicon, word, event_name, mode, actor_list, recipient_list)
    mode = _mode_from_context(context, view, event_name, mode)
    mode = _mode_by_place(context, clause, event_name, mode, actor_list, recipient_list)
    magnitude = magnitude_of(view, clause, word, values.quantities, values.dates, lexicon) if cue.magnitude else None
    if event_name in lexicon.casualty_events:
        magnitude = casualties_of(view, values.quantities, values.dates, lexicon) or magnitude
    if not recipient_list and magnitude is not None and magnitude.nationality and magnitude.nationality not in {a.code for a in actor_list}:
        # 'помилував 31 українця': the people acted on are the recipient
        recipient_list = [Actor(magnitude.text, magnitude.nationality, magnitude.nationality, "CVL", None)]
    timing = timing_of(view, clause, trigger.governor or word, values.dates, article.published, lexicon)
    if timing.from_publication and status == statuses.OCCURRED:
        timing = _date_of_previous(context, view) or timing  # 'Того ж дня ...': the time the paragraph gave
    sentence = view.sentence
    # the cue phrase starts at its first verb or negation: 'не відповіло на запит', 'почало знімати санкції'
    cue_words = [w for w in chain if w.is_verb or w.lemma in lexicon.status.negation] or [word]
    first = min(w.start for w in [word, *cue_words] + ([trigger.governor] if trigger.governor else []))
    last = max(w.end for w in [word] + ([trigger.requirement] if trigger.requirement else []))
    return Event(
        id=f"{article.id}-{word.start}-{event_name}",
        event=event_name,
        mode=mode,
        context=list(cue.context),
        actor=actor_list,
        recipient=recipient_list,
        magnitude=magnitude,
        date_start=timing.date_start,
        date_end=timing.date_end,
        date_precision=timing.precision,
        date_from_publication=timing.from_publication,
        status=status,
        attribution=attribution,
        eventText=article.text[first:last],
        text=sentence.text,
        evidence=Evidence(sentence.start, sentence.end),
        confidence=_confidence(trigger, actor_list, recipient_list, magnitude, timing),
    )


def _act_before(context: _Context, view: SentenceView, clause: Clause) -> Event | None:
    """The record told earlier in the sentence, before this clause."""
    clause_start = clause.words[0].start
    return next(
        (e for e, start in zip(reversed(context.events), reversed(context.cue_starts)) if view.sentence.start <= start < clause_start),
        None,
    )


def _opens_with(clause: Clause, lemma: str) -> bool:
    return clause.index > 0 and clause.opener is not None and clause.opener.lemma == lemma


def _continues_predicate(view: SentenceView, clause: Clause, predicate: Word) -> bool:
    """A coordinated clause with no subject whose verb agrees with the verb of the clause before:
    'привітали, однак закликали' (not 'пообіцяла ..., а дітей можуть повернути')."""
    if not clause.coordinated or clause.index == 0 or not predicate.is_finite:
        return False
    before = next((w for w in view.clauses[clause.index - 1].words if w.is_finite), None)
    return before is not None and before.feat("Number") == predicate.feat("Number") and before.feat("Gender") == predicate.feat("Gender")


def _doer_before(context: _Context, view: SentenceView, clause: Clause) -> list[Actor]:
    """Who acts in the nearest clause before this one that has a finite verb and names a doer."""
    for earlier in reversed(view.clauses[: clause.index]):
        verb = next((w for w in earlier.words if w.is_finite), None)
        if verb is None:
            continue
        subject = subject_phrase(view, earlier, verb, context.lexicon)
        doers = [a for a in (_actors_of(context, earlier, subject) if subject is not None else []) if a.code]
        if doers or subject is not None:
            return doers
        doers = _institution_before(view, earlier, verb, context.actors)
        if doers:
            return doers
    return []


def _subject(view: SentenceView, trigger: Trigger, predicate: Word, lexicon: Lexicon) -> Phrase | None:
    clause, cue = trigger.clause, trigger.cue
    if cue.speaker_acts:
        return _speaker(view, clause, lexicon)
    if cue.patient_subject:
        return None  # 'тисячі перебувають у полоні': the subject is who is held
    if trigger.content_status:
        # 'звільнення Мінськом'; with no agent by the noun, whoever discusses it ('Швеція обговорює передачу')
        agent = instrumental_agent(clause, trigger.word)
        if agent is not None or trigger.governor is None:
            return agent
        return subject_phrase(view, clause, predicate, lexicon)
    if predicate.lemma in lexicon.impersonal_success:
        return dative_experiencer(clause)  # 'сторонам не вдалося домовитися'
    if any(w.feat("Person") == "0" for w in statuses.verb_chain(clause, trigger.governor or trigger.word)):
        return None  # 'дев'ятьох було затримано': the impersonal -но/-то form names whom, never who
    subject = subject_phrase(view, clause, predicate, lexicon)
    if subject is None and trigger.joined and trigger.governor is not None:
        subject = _participants_after(clause, trigger.governor, lexicon)
    if subject is not None and subject.first <= trigger.word.i <= subject.last:
        return None  # 'Наступний обмін може відбутися': the event noun is the subject, its agent is not named
    return subject


def _refuted(view: SentenceView, clause: Clause, lexicon: Lexicon) -> bool:
    if clause.opener is None or clause.opener.lemma != "що" or clause.index == 0:
        return False
    return any(w.is_finite and w.lemma in lexicon.status.refuting for w in view.clauses[clause.index - 1].words)


def _participants_after(clause: Clause, verb: Word, lexicon: Lexicon) -> Phrase | None:
    """'У переговорах взяли участь делегації Вірменії та Азербайджану': the parties follow 'участь'."""
    for phrase in clause.phrases:
        if phrase.first <= verb.i or phrase.prep is not None:
            continue
        if phrase.head.lemma in lexicon.participation_nouns:
            tail = [w for w in phrase.words if w.i > phrase.head.i]
            head = next((w for w in tail if w.pos in ("NOUN", "PROPN", "X")), None)
            if head is not None:
                return Phrase(tail, head, None, coordinated=phrase.coordinated)
            continue
        if phrase.head.can_be_case("Nom"):
            return phrase
    return None


def _speaker(view: SentenceView, clause: Clause, lexicon: Lexicon) -> Phrase | None:
    """'Посол попередив, що поставки «не залишаться без наслідків»': who says the clause 'що' opens."""
    if clause.opener is None or clause.opener.lemma != "що" or clause.index == 0:
        return None
    saying = view.clauses[clause.index - 1]
    verb = next((w for w in saying.words if w.is_finite), None)
    return subject_phrase(view, saying, verb, lexicon) if verb is not None else None


def _agents(
    context: _Context, view: SentenceView, trigger: Trigger, predicate: Word, subject: Phrase | None
) -> tuple[list[Actor], bool]:
    """The actors, and whether the text names them (rather than implying them from context)."""
    actors, lexicon, clause, cue = context.actors, context.lexicon, trigger.clause, trigger.cue
    actor_list = _actors_of(context, clause, subject) if subject is not None else []
    if subject is not None and _opens_with_pronoun(clause, subject) and len(context.subjects.get(view.index - 1, [])) == 1:
        # 'Шмале засудив удар. Він закликав ...': the sentence goes on about the one the last one was about
        actor_list = list(context.subjects[view.index - 1])
    if not actor_list and cue.patient_subject and trigger.requirement is not None:
        # 'у російському полоні': the place of holding names who holds
        holder = next((p for p in clause.phrases if p.first <= trigger.requirement.i <= p.last), None)
        held_by = actors.resolve(holder) if holder is not None else None
        actor_list = [held_by] if held_by is not None and held_by.code else []
    if subject is not None and len(actor_list) == 1 and actors.stands_for_context(subject) and subject.head.lemma not in lexicon.actors.party_nouns:
        # 'Тим часом у Польщі прокуратура висунула ...': the scene set before the institution is its state
        located = actors.location_of_clause([w for w in clause.words if w.i < subject.first])
        if located is not None and located.code != actor_list[0].code:
            actor_list = [replace(actor_list[0], code=located.code)]
    if not actor_list and subject is None and trigger.word.pos == "NOUN":
        actor_list = _noun_participants(context, clause, trigger.word)
    # 'У МЗС закликали ...'; 'У Москві звинувачення назвали ...': a common noun that may be the object is
    # the object when a place before it speaks with an impersonal plural (not a place after it:
    # 'Силовики в окупованому Херсоні затримали')
    may_be_object = (
        subject is not None
        and not trigger.joined
        and not predicate.is_reflexive
        and subject.head.pos == "NOUN"
        and subject.head.can_be_case("Acc")
        and any(p.prep is not None and p.last < subject.first for p in clause.phrases)
    )
    if not actor_list and cue.speaker_acts and clause.index > 0:
        saying = view.clauses[clause.index - 1]
        verb = next((w for w in saying.words if w.is_finite), None)
        actor_list = _institution_before(view, saying, verb, actors) if verb is not None else []
    if not actor_list or may_be_object:
        actor_list = _institution_before(view, clause, predicate, actors) or actor_list
    if not actor_list and subject is None and cue.event in lexicon.attribution.statements:
        actor_list = _places_speaking_after(clause, predicate, actors)
    if not actor_list and subject is None:
        actor_list = _orderer(clause, actors, lexicon)  # 'За його наказом стягнули війська'
    if not actor_list and subject is None and clause.words[0].lemma in lexicon.actors.there_words:
        actor_list = _actors_of_sentence_before(context, view)  # 'Там назвали удар «терактом»'
    named = bool(actor_list)
    if not actor_list and subject is None and cue.patient_subject:
        actor_list = _previous_actors(context, cue.event)  # 'До санкційного списку потрапили ...': whoever sanctions
    between_parties = cue.event in lexicon.between_parties or f"{cue.event}/{cue.mode}" in lexicon.between_parties
    if not actor_list and subject is None and between_parties:
        actor_list = list(context.parties)  # 'вдалося домовитися': the sides the text is about
    related = lexicon.implicit_actor_from.get(f"{cue.event}/{cue.mode}")
    if not actor_list and subject is None and related is not None:
        actor_list = _previous_actors(context, related)
    if not actor_list and subject is None and cue.event in lexicon.implicit_state_actor and actors.location_of_clause(clause.words) is None:
        # 'Міноборони Росії стверджує, що ... «кількох причетних» затримано': a state body tells what its state did
        actor_list = _reporting_state(context, view, clause)
    if not actor_list and subject is None and cue.event in lexicon.implicit_state_actor:
        # 'Суд засудив ... . Обох взяли під варту': a step of a case with nobody named is taken by the state
        # that took the case's last step, unless the clause names where it happens
        # (a legal step: sanctions a foreign state imposed are no step of the courts' case)
        case = _previous_case(context, trigger.word) if _is_case_step(cue.event, cue.mode, lexicon) else None
        earlier = [a for a in case.actor if a.code] if case is not None and "legal" in case.context else []
        actor_list = _implicit_state(view, clause, actors, earlier)
    if not actor_list and cue.event in lexicon.implicit_people_actor:
        # 'Десятки тисяч людей вийшли на вулиці', 'Протести в Тбілісі тривають': the people of the place
        actor_list = [replace(a, sector="CVL") for a in _implicit_state(view, clause, actors, [])]
    if subject is not None and actor_list and not any(a.code for a in actor_list):
        # 'Російська уповноважена з прав людини Тетяна Москалькова': the title before a name says whose she is
        title_clause = view.clause_of(subject.head)  # the speaker's clause for 'попередив, що ...'
        respective = _respective_titles(title_clause, subject, actors, lexicon, len(actor_list))
        if respective:
            return [replace(a, code=t.code, sector=a.sector or t.sector) for a, t in zip(actor_list, respective)], named
        titled = _title_before(title_clause, subject, actors)
        if titled is not None:
            return [replace(a, code=titled.code, sector=a.sector or titled.sector) for a in actor_list], named
    # 'Двадцять шість країн погодилися': many states, not the one the text is about
    many_states = subject is not None and subject.head.feat("Number") == "Plur" and subject.head.lemma in lexicon.actors.state_nouns
    stateless_body = any(a.kb is not None for a in actor_list)  # 'Human Rights Watch' is nobody's country
    if subject is not None and actor_list and not any(a.code for a in actor_list) and not many_states and not stateless_body:
        # 'Протестувальники', 'Речник відомства': people with no country named belong to the one the text is about
        home = actors.dominant_country(trigger.word.start)
        if home is not None:
            actor_list = [replace(a, code=home.code) for a in actor_list]
    return actor_list, named


def _actors_of_sentence_before(context: _Context, view: SentenceView) -> list[Actor]:
    """The coded actors of the last record told in the sentence right before: 'Там назвали ...' speaks for them."""
    text = context.article.text
    last = next((e for e in reversed(context.events) if e.evidence.end <= view.sentence.start), None)
    if last is None or text[last.evidence.end : view.sentence.start].strip():
        return []
    return [a for a in last.actor if a.code]


def _orderer(clause: Clause, actors: ActorResolver, lexicon: Lexicon) -> list[Actor]:
    """'за наказом Мадуро', 'за його розпорядженням': the one on whose order an unnamed agent acted."""
    for phrase in clause.phrases:
        if phrase.prep == "за" and phrase.head.lemma in lexicon.actors.order_nouns:
            ordered_by = actors.resolve(phrase)
            if ordered_by is not None and ordered_by.code:
                return [ordered_by]
    return []


def _reporting_state(context: _Context, view: SentenceView, clause: Clause) -> list[Actor]:
    """The state whose body says the 'що' clause this one stands in (or continues, after 'а', 'і')."""
    told = clause
    while told.coordinated and told.opener is None and told.index > 0:
        told = view.clauses[told.index - 1]
    speaker = _speaker(view, told, context.lexicon)
    if speaker is None:
        return []
    saying = view.clauses[told.index - 1]
    speakers = [a for a in _actors_of(context, saying, speaker) if a.code and a.sector in _STATE_BODY_SECTORS]
    return [replace(speakers[0], sector="GOV")] if len(speakers) == 1 else []


def _returns_home(clause: Clause, lexicon: Lexicon) -> bool:
    """'додому', 'з полону': people come back to the subject's side."""
    return any(w.lemma in lexicon.actors.home_words or w.lemma in lexicon.actors.captivity_words for w in clause.words)


def _holder(context: _Context, receiving: set[str]) -> list[Actor]:
    """The other side of the exchange in context, else the country the text names most besides the receiver."""
    sides = [a for a in context.parties if a.code not in receiving]
    if len(sides) == 1:
        return [replace(sides[0], sector="GOV")]
    other = context.actors.dominant_country(len(context.article.text) + 1, exclude=frozenset(receiving))
    return [replace(other, sector="GOV")] if other is not None else []


def _opens_with_pronoun(clause: Clause, subject: Phrase) -> bool:
    return clause.index == 0 and subject.first == clause.first and len(subject.words) == 1 and subject.head.lemma in ("він", "вона")


def _noun_participants(context: _Context, clause: Clause, noun: Word) -> list[Actor]:
    """An event noun with no agent outside it names its parties: 'обмін полоненими між Україною та Росією',
    'зустріч Зеленського з Трампом', 'переговори Росії та України' (the genitive of nouns whose genitive
    is the agent, not the one acted on: 'звільнення заручників')."""
    lexicon = context.lexicon
    cue_events = {c.event for c in lexicon.cues.get(noun.lemma, ()) if c.event}
    between = next((p for p in clause.phrases if p.prep == "між" and p.first > noun.i), None)
    if between is not None and between.first - noun.i <= _NOUN_GOVERNOR_DISTANCE:
        sides = [a for a in context.actors.resolve_group(between) if a.code]
        if len(sides) >= 2:
            return sides
    if not cue_events & lexicon.genitive_agents:
        return []
    own = next((p for p in clause.phrases if p.first <= noun.i <= p.last), None)
    if own is None or own.head is not noun or own.last == noun.i:
        return []
    tail = [w for w in own.words if w.i > noun.i]
    head = next((w for w in tail if w.pos in ("NOUN", "PROPN", "X", "PRON")), None)
    if head is None or not head.can_be_case("Gen"):
        return []
    agents = Phrase(tail, head, None, coordinated=own.coordinated)
    found = [a for a in context.actors.resolve_group(agents) if a.code]
    for further in _genitives_after(clause, own, lexicon):
        # 'зустрічі прем'єра Камбоджі Гун Манета та прем'єра Таїланду ...': a name between splits the phrase
        found += [a for a in context.actors.resolve_group(further) if a.code]
    return _distinct_codes(found)


def _genitives_after(clause: Clause, own: Phrase, lexicon: Lexicon) -> list[Phrase]:
    """The phrases with no preposition that go on after `own`, next to it or joined by 'та', 'і'."""
    following: list[Phrase] = []
    last = own.members()[-1].last
    for phrase in clause.phrases:
        if phrase.first <= last:
            continue
        gap = [w for w in clause.words if last < w.i < phrase.first]
        if phrase.prep is not None or any(w.lemma not in lexicon.coordinators for w in gap):
            break
        following.append(phrase)
        last = phrase.members()[-1].last
    return following


def _recipients(
    context: _Context,
    view: SentenceView,
    trigger: Trigger,
    subject: Phrase | None,
    actor_list: list[Actor],
    participants: list[tuple[int, Actor]],
) -> list[Actor]:
    actors, lexicon, clause, cue, word = context.actors, context.lexicon, trigger.clause, trigger.cue, trigger.word
    actor_codes = {a.code for a in actor_list if a.code}
    phrases = recipient_phrases(view, clause, word, cue, subject, lexicon)
    # the opposition, protesters or the press acting on their own state's bodies: 'фракція звинуватила Офіс президента'
    from_below = cue.event in _CLAIMS_FROM_BELOW and bool(actor_list) and all(a.sector in _NON_STATE_SECTORS for a in actor_list)
    own_excluded = frozenset() if cue.recipient_inherits_actor or from_below else frozenset(actor_codes)
    recipient_list = recipients_of(actors, phrases, exclude=own_excluded)
    if from_below and len(actor_codes) == 1 and phrases and actors.stands_for_context(phrases[0]):
        # 'Сеульська правозахисна група закликала уряд': the government citizens address unnamed is their own
        own_code = next(iter(actor_codes))
        recipient_list = [replace(r, code=own_code) if r.code else r for r in recipient_list]
    if phrases and _names_the_sides(phrases[0], lexicon) and not any(r.code for r in recipient_list):
        # 'закликав обидві сторони до стриманості': the sides are the parties the text is about, else the two
        # countries it names most besides the one who calls
        recipient_list = [a for a in context.parties if a.code not in actor_codes]
        excluded = set(actor_codes)
        while len(recipient_list) < 2:
            side = actors.dominant_country(len(context.article.text) + 1, exclude=frozenset(excluded | {r.code for r in recipient_list}))
            if side is None:
                break
            recipient_list.append(side)
    if not recipient_list and cue.event in _CONTENT_TAKERS:
        # 'вимагала, щоб українські війська відійшли': who is to act is addressed, of any country
        addressed = recipients_of(actors, content_subjects(view, clause, lexicon))
        recipient_list = [r for r in addressed if r.code]
    joint = len(actor_codes) >= 2  # 'Японія та Україна підписали': a joint act has no other party
    # 'пообіцяли виділити 300 млн': who receives what is promised is who the promise is for
    fallbacks = cue.recipient_fallback or (trigger.content.recipient_fallback if trigger.content is not None else ())
    # people of a case named with no country ('Затриманим оголосили підозру') are whose the case's earlier step
    # says ('партнерів' in a call stays nobody's)
    of_case = "case" in fallbacks and not any(r.code for r in recipient_list)
    uncoded, recipient_list = (recipient_list, []) if of_case else ([], recipient_list)
    citizens_ask = cue.event in lexicon.addressed_to_own_state and bool(actor_list) and all(
        a.sector in lexicon.governed_sectors for a in actor_list
    )
    # 'Активісти вимагають оприлюднити договір': citizens naming nobody ask their own state, not the other side,
    # unless the sentence has just addressed someone else ('подякувала Трампу, проте закликала ...')
    addressed_before = any(a.code not in actor_codes for _, a in participants)
    for fallback in fallbacks:
        if recipient_list:
            break
        if fallback == "counterpart" and citizens_ask and not addressed_before:
            continue
        if fallback == "case":
            case = _previous_case(context, word)
            if case is not None:
                # the same people as the last step of the case, nobody else ('їм', 'обом', 'чоловіка')
                recipient_list = [r for r in case.recipient if r.code and r.code not in actor_codes]
                break
        elif fallback == "counterpart" and (not joint or (not cue.enacts and _event_named_after(context, word) is not None)):
            # (several who welcome or condemn another's act together answer its authors: 'Угоду привітали в Москві та Брюсселі')
            recipient_list = _counterpart(context, view, word, actor_codes, participants, own_state=cue.event == "ACCUSE")
        elif fallback == "previous":
            # 'Оттава запровадила санкції' after sanctions against Russia: the same target as before
            recipient_list = _previous_recipients(context, cue.event, actor_codes)
        elif fallback == "state" and actor_list:
            # protesters protest to the state where they protest, else their own, else the one named last
            own = next((a for a in actor_list if a.code and a.code not in GROUP_CODES), None)
            state = actors.location_of_clause(clause.words) or own or actors.context_country(word.start)
            recipient_list = [replace(state, sector="GOV")] if state is not None else []
        elif fallback == "place" and not (cue.two_sides and len(actor_codes) >= 2):
            # talks of two sides in a third state ('провели в Ер-Ріяді переговори') have no host as party
            # 'удар по порту в Ізмаїлі'; 'перебуває в Туреччині, де зустрівся ...': 'де' points at the place before it
            where = view.clauses[clause.index - 1].words + clause.words if _opens_with(clause, "де") else clause.words
            place = actors.location_of_clause(where)
            recipient_list = [place] if place is not None and place.code not in actor_codes else []
        elif fallback == "dominant" and actor_codes:
            dominant = actors.dominant_country(len(context.article.text) + 1, exclude=frozenset(actor_codes))
            recipient_list = [dominant] if dominant is not None else []
        elif fallback == "home" and actor_codes and any(w.lemma in lexicon.actors.home_words for w in clause.words):
            # 'повернули додому 757 тіл': home is the side the text is about, other than who hands over
            home = actors.context_country(word.start, exclude=frozenset(actor_codes))
            recipient_list = [replace(home, sector="GOV")] if home is not None else []
    if not recipient_list and citizens_ask:
        # 'Протестувальники вимагають покарати винних', 'опозиція вимагає виборів': citizens ask their own state
        state = actors.context_country(word.start)
        recipient_list = [replace(state, sector="GOV")] if state is not None and state.code in actor_codes else []
    if not recipient_list and cue.event in _CONTENT_TAKERS | {"ACCUSE"}:
        # 'засудив «застосування сили» і закликав грузинську владу': whom the next verb addresses
        later = recipient_phrases(view, clause, word, cue, subject, lexicon, beyond_next_verb=True)
        recipient_list = [r for r in recipients_of(actors, later, exclude=frozenset(actor_codes)) if r.code]
    recipient_list = recipient_list or uncoded
    if cue.recipient_inherits_actor and actor_codes:
        code = next(iter(sorted(actor_codes)))
        if not recipient_list and phrases and phrases[0].prep is None:
            # 'звільнив з посади заступника голови': an official named by the post alone is the actor's own
            official = phrases[0]
            recipient_list = [Actor(actors.text[official.start : official.end], actors.nominative(official), None, "GOV", None)]
        recipient_list = [r if r.code else replace(r, code=code) for r in recipient_list]
    return recipient_list


def _names_the_sides(phrase: Phrase, lexicon: Lexicon) -> bool:
    """'обидві сторони', 'усі сторони', 'лідери обох країн': the parties, not one side of them."""
    sides = phrase.head.lemma in lexicon.actors.party_nouns and phrase.head.can_be_number("Plur") and not phrase.coordinated
    return sides or _of_both_states(phrase, lexicon)


def _of_both_states(phrase: Phrase, lexicon: Lexicon) -> bool:
    """'підрозділи обох країн', 'лідерами обох держав': people or bodies of the two parties."""
    words = phrase.words
    return any(
        a.lemma in lexicon.actors.both_words and (b.lemma in lexicon.actors.state_nouns or b.lemma in lexicon.actors.party_nouns)
        for a, b in zip(words, words[1:])
    )


def _received(context: _Context, view: SentenceView, trigger: Trigger, subject: Phrase | None, receivers: list[Actor]) -> list[Actor]:
    """'Україна отримала від ЄС ...': the giver named by the cue's roles, else whoever gave the same last."""
    giving = dataclasses.replace(trigger.cue, recipient=trigger.cue.giver)
    phrases = recipient_phrases(view, trigger.clause, trigger.word, giving, subject, context.lexicon)
    receiving = {a.code for a in receivers if a.code}
    givers = [a for a in recipients_of(context.actors, phrases) if a.code and a.code not in receiving]
    if givers:
        return givers
    previous = _previous_actors(context, trigger.cue.event or "")
    return [a for a in previous if a.code not in receiving]


def _other_than_destination(
    context: _Context, view: SentenceView, trigger: Trigger, subject: Phrase | None, actor_list: list[Actor]
) -> list[Actor]:
    """'в Україну вдалося повернути дітей': an unnamed agent is not the side the clause names as receiving."""
    phrases = recipient_phrases(view, trigger.clause, trigger.word, trigger.cue, subject, context.lexicon)
    receiving = {r.code for r in recipients_of(context.actors, phrases) if r.code}
    if not receiving & {a.code for a in actor_list}:
        return actor_list
    # after 'Росія та Україна провели обмін', 'Звільнено 103 українських військових': the other side of it
    return _holder(context, receiving) or actor_list


def _title_before(clause: Clause, subject: Phrase, actors: ActorResolver) -> Actor | None:
    """The nominative title a name follows in apposition, possibly with its own tail ('з прав людини')."""
    before = [p for p in clause.phrases if p.last < subject.first]
    tails: list[Phrase] = []
    for phrase in reversed(before):
        if phrase.prep is not None:
            tails.insert(0, phrase)  # a tail of the title: 'уповноважена з прав людини'
            continue
        if not phrase.can_be_case("Nom"):
            return None
        between = [w for w in clause.words if phrase.last < w.i < subject.first]
        if any(w.is_verb for w in between):
            return None
        title = actors.resolve(phrase)
        if title is not None and title.code:
            return title
        # 'повірена у справах США в Україні': a country inside a tail of common nouns is the title's;
        # a place the tail names itself ('в Україні') is only where the post is
        inner = (actors.resolve(t) for t in tails if t.head.pos == "NOUN")
        inside = next((a for a in inner if a is not None and a.code), None)
        if inside is not None and phrase.head.pos == "NOUN":
            return replace(title, code=inside.code) if title is not None else inside
        # 'координатор ООН в Україні Маттіас Шмале': a first name split from its surname, the title is further back
        if phrase.head.pos not in ("PROPN", "X"):
            return None
    return None


def _respective_titles(clause: Clause, subject: Phrase, actors: ActorResolver, lexicon: Lexicon, names: int) -> list[Actor]:
    """'Міністри закордонних справ Латвії та Естонії Андріс Вітолс і Маргус Тамм': as many titles of distinct
    countries right before as names in the subject, each name the title in its place."""
    if names < 2:
        return []
    bare = [p for p in clause.phrases if p.prep is None]
    ending_at = {p.members()[-1].last: p for p in bare}
    chain: list[Phrase] = []
    end = subject.first - 1
    while end in ending_at:
        # 'Конго та Руанди', read as two phrases: joined by a coordinator, still the title's countries
        chain.insert(0, ending_at[end])
        joint = [w for w in clause.words if w.i == chain[0].first - 1]
        if not joint or joint[0].lemma not in lexicon.coordinators:
            break
        end = chain[0].first - 2
    if not chain or not chain[0].can_be_case("Nom"):
        return []
    titles = [t for p in chain for t in actors.resolve_group(p)]
    if len(titles) != names or len({t.code for t in titles if t.code}) != names:
        return []
    return titles


def _actors_of(context: _Context, clause: Clause, subject: Phrase) -> list[Actor]:
    """The subject's actors; 'сторони' (the sides) are the parties of the last event between countries."""
    resolved = context.actors.resolve_group(subject)
    head = subject.head
    if any(w.lemma in context.lexicon.actors.adversary_nouns for w in subject.words):
        # 'ворог випустив ...': the enemy is whoever attacked before in the text, else the enemy of the target
        # ('противник випустив по Україні': the country named most that is not Ukraine)
        targets = {a.code for p in clause.phrases if p.prep in ("по", "на", "проти") for a in [context.actors.resolve(p)] if a and a.code}
        enemy = context.actors.dominant_country(len(context.article.text) + 1, exclude=frozenset(targets)) if targets else None
        return _previous_actors(context, "ASSAULT") or ([replace(enemy, sector="MIL")] if enemy else resolved)
    if head.lemma in context.lexicon.actors.party_nouns and head.can_be_number("Plur") and not subject.coordinated:
        if not any(a.code for a in resolved) or all(w.pos == "NOUN" for w in subject.words):
            return list(context.parties) or resolved
    if _of_both_states(subject, context.lexicon) and not any(a.code for a in resolved):
        return list(context.parties) or resolved
    return resolved


def _mode_from_context(context: _Context, view: SentenceView, event_name: str, mode: str | None) -> str | None:
    """'за посередництва Туреччини' in the paragraph makes talks third-party; 'обмін' makes a release an exchange."""
    for rule in context.lexicon.sentence_modes:
        if rule.event != event_name or rule.mode != mode:
            continue
        if rule.scope == "paragraph":
            start, end = _paragraph_span(context.article.text, view.sentence.start)
        else:
            start, end = view.sentence.start, view.sentence.end
        if any(start <= w.start < end and w.lemma in rule.cues for w in context.actors.words):
            return rule.becomes
    return mode


def _multilateral(
    lexicon: Lexicon, word: Word, event_name: str, mode: str | None, actor_list: list[Actor], recipient_list: list[Actor]
) -> str | None:
    """'Лідери Франції, Німеччини та Польщі провели зустріч', 'узяв участь у саміті': many sides meet together
    (with a partner named, 'підтримували контакти з ...', it is talks with that partner)."""
    category, parties, nouns = lexicon.multilateral
    if event_name != category or mode is not None:
        return mode
    sides = len({a.code for a in actor_list if a.code})
    partners = any(r.code for r in recipient_list)
    if (sides >= parties and not partners) or (word.lemma in nouns and sides < 2):
        return "multilateral"
    return mode


def _mode_by_place(
    context: _Context, clause: Clause, event_name: str, mode: str | None, actor_list: list[Actor], recipient_list: list[Actor]
) -> str | None:
    """'зустріч з Лукашенком у Мінську' is a visit; talks of two sides in Стамбул are third-party."""
    modes = context.lexicon.place_modes.get(event_name)
    if modes is None or mode is not None:
        return mode
    place = context.actors.location_of_clause(clause.words)
    actor_codes = {a.code for a in actor_list if a.code}
    if place is None or not actor_codes or place.code in actor_codes:
        return mode
    if len(actor_codes) >= 2:
        return modes.get("third_country", mode)
    return modes.get("host", mode)


def _paragraph_span(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _noun_modifiers(clause: Clause, noun: Word) -> list[Word]:
    """'можливе швидке звільнення', 'наступний етап обміну': words that qualify an event noun."""
    position = clause.words.index(noun)
    modifiers = []
    k = position - 1
    while k >= 0 and clause.words[k].pos in ("ADJ", "DET", "NOUN", "ADV"):
        modifiers.append(clause.words[k])
        k -= 1
    return modifiers


def _nations_of(context: _Context, modifiers: list[Word]) -> list[Actor]:
    """'ізраїльських і американських ударів': the states the adjectives before an event noun name."""
    kb = context.actors.kb
    nations = [(w, kb.country_of(w.lemma)) for w in reversed(modifiers) if w.pos == "ADJ"]
    return _distinct_codes([Actor(w.text, w.lemma, code, None, f"country:{code}") for w, code in nations if code])


def _main_predicate(view: SentenceView, clause: Clause) -> Word | None:
    for candidate in reversed(view.clauses[: clause.index + 1]):
        finite = next((w for w in candidate.words if w.is_finite), None)
        if finite is not None:
            return finite
    return None


def _institution_before(view: SentenceView, clause: Clause, predicate: Word, actors: ActorResolver) -> list[Actor]:
    """'У МЗС закликали', 'У Кремлі заявили, ... і пригрозили': with an impersonal plural verb,
    the place named before it speaks."""
    if predicate.feat("Number") != "Plur" or predicate.feat("Person") not in (None, "3"):
        return []
    phrases = clause.phrases
    continues = clause.coordinated or (clause.opener is not None and clause.opener.lemma == "що")
    if continues and clause.index > 0:
        # '... і пригрозили', 'у Вільнюсі наголосили, що не розглядають ...': the same impersonal speaker;
        # 'У Кремлі заявили, що ..., і пригрозили': the main clause before the inserted one
        previous = view.clauses[clause.index - 1]
        while clause.coordinated and previous.kind != "main" and previous.index > 0:
            previous = view.clauses[previous.index - 1]
        verb = next((w for w in previous.words if w.is_verb), None)
        if verb is not None and not any(p.prep is None and p.last < verb.i and p.can_be_case("Nom") for p in previous.phrases):
            phrases = previous.phrases + phrases
    for phrase in phrases:
        if phrase.last >= predicate.i:
            break
        if phrase.prep in ("в", "у", "на") and (phrase.head.feat("Case") in ("Loc", None) or phrase.head.text.isupper()):
            actor = actors.resolve(phrase)
            # an institution or a capital ('У МЗС', 'У Кремлі', 'У посольстві ОАЕ'), not a place described
            # ('у білоруських в'язницях')
            if actor is not None and actor.code and (actor.kb is not None or phrase.head.pos in ("PROPN", "X") or _is_institution(phrase, actors)):
                return [actor]
    # 'Затримання засудили в МЗС Франції': an institution (not a place) right after the verb speaks too
    after = next((p for p in clause.phrases if p.first > predicate.i), None)
    if after is not None and after.prep in ("в", "у") and after.first <= predicate.i + 2 and _is_institution(after, actors):
        return [a for a in actors.resolve_group(after) if a.code]  # 'засудили в ЄС та США': each of them
    return []


def _places_speaking_after(clause: Clause, predicate: Word, actors: ActorResolver) -> list[Actor]:
    """'Угоду привітали в Москві, Ташкенті та Брюсселі': a statement with an impersonal plural verb is made by
    the governments of the places named right after it."""
    if predicate.feat("Number") != "Plur":
        return []
    after = next((p for p in clause.phrases if p.first > predicate.i), None)
    if after is None or after.prep not in ("в", "у") or after.first > predicate.i + 2 or after.head.pos != "PROPN":
        return []
    places = actors.resolve_group(after)
    return [replace(a, sector="GOV") for a in places] if places and all(a.code for a in places) else []


def _is_institution(phrase: Phrase, actors: ActorResolver) -> bool:
    """'МЗС Франції', 'ОБСЄ', 'посольстві ОАЕ': a body by its abbreviation or its role with a name."""
    head = phrase.head
    return (len(head.text) > 1 and head.text.isupper()) or (
        head.lemma in actors.lexicon.actors.role_sectors and any(w.pos in ("PROPN", "X") or w.text.isupper() for w in phrase.words if w is not head)
    )


def _implicit_state(view: SentenceView, clause: Clause, actors: ActorResolver, earlier: list[Actor]) -> list[Actor]:
    """'в Гродно затримали ...': an arrest, sentence or release with no named agent is the state's where it happens,
    else the one that acted `earlier` in the same case, else the state the paragraph is about."""
    located = actors.location_of_clause(clause.words)
    if located is None and clause.kind == "main" and clause.index > 0:
        # 'Тим часом у Вірменії, яка ..., затримали': the scene set by the sentence's opening words
        opening = view.clauses[0]
        if opening.kind == "main" and not any(w.is_verb for w in opening.words):
            located = actors.location_of_clause(opening.words)
    if located is not None:
        return [replace(located, sector="GOV")]
    if earlier:
        return [replace(a, sector="GOV") for a in earlier]
    # not a country named in this clause: 'в Україну вдалося повернути' names where to, not who
    context = actors.dominant_country(clause.words[0].start)
    return [replace(context, sector="GOV")] if context is not None else []


def _is_not_a_record(
    status: str,
    view: SentenceView,
    clause: Clause,
    cue: Cue,
    named: bool,
    actor_list: list[Actor],
    recipient_list: list[Actor],
    lexicon: Lexicon,
) -> bool:
    """A hypothetical or denied event with nobody named, an open question ('незрозуміло, кого звільнять')
    with no agent named, or a background relative clause with no agent."""
    if not actor_list and status in (statuses.POSSIBLE, statuses.DENIED) and not recipient_list:
        return True
    if not actor_list and cue.event in lexicon.requires_actor:
        return True  # 'відмовилися коментувати' with nobody to say who: a statement of no one is no record
    if not named and statuses.in_open_question(view, clause, lexicon):
        return True
    # a background relative clause, or a gerund with nobody named acting ('обіцяючи винагороду'), describes
    # someone else's act: the sides in context are no agent for it ...
    if clause.kind == "relative" and not named and actor_list and _is_case_step(cue.event, cue.mode, lexicon):
        # ... except the arrest or charge of a person named just before ('мера Імамоглу, якого затримали'):
        # that person's case is what the text reports
        return not _of_named_person(view, clause)
    return clause.kind in ("relative", "gerund") and not named


def _is_case_step(event_name: str | None, mode: str | None, lexicon: Lexicon) -> bool:
    """An arrest, charge or sentence; a verbal condemnation ('назвали вирок незаконним') is not a step of a case."""
    return event_name in lexicon.case_events or f"{event_name}/{mode}" in lexicon.case_events


def _of_named_person(view: SentenceView, clause: Clause) -> bool:
    """'Екрема Імамоглу, якого затримали': the clause opens with an object pronoun after a person's name."""
    opener = clause.opener
    if opener is None or opener.can_be_case("Nom") or clause.index == 0:
        return False
    antecedent = antecedent_of(view, clause)
    return antecedent is not None and any(w.pos == "PROPN" and w.feat("NameType") in ("Sur", "Giv") for w in antecedent.words)


def _intended(chain: list[Word], lexicon: Lexicon) -> bool:
    """'планує', 'може', 'має намір' before the cue: the act is intended or possible, not done."""
    intention = lexicon.status.planned | lexicon.status.possible
    return any(w.lemma in intention for w in chain)


def _mode_by_object(view: SentenceView, clause: Clause, word: Word, lexicon: Lexicon, event_name: str) -> str | None:
    following = [w for w in clause.words if w.i > word.i]
    after = view.clauses[clause.index + 1] if clause.index + 1 < len(view.clauses) else None
    if after is not None and after.opener is not None and after.opener.lemma == "щоб":
        following += after.words  # 'вимагала, щоб війська відійшли'; not 'доки Мінськ не звільнить'

    # the modes in the lexicon's order: 'закликав союзників ухвалити нові санкції' asks for help (assist)
    # against someone, though it also names a decision (change)
    found = {lexicon.request_modes[w.lemma] for w in following if w.lemma in lexicon.request_modes}
    named = next((mode for mode in lexicon.request_mode_order if mode in found), None)
    if named is None and event_name == "REQUEST" and any(w.feat("VerbForm") == "Inf" for w in following):
        return lexicon.request_mode_of_any_act  # 'закликав розслідувати напади': the target is asked to act otherwise
    return named


def _counterpart(
    context: _Context, view: SentenceView, word: Word, actor_codes: set[str], participants: list[tuple[int, Actor]], own_state: bool
) -> list[Actor]:
    """The other parties a request, accusation or refusal is addressed to, when the clause does not name them:
    the authors of the event it is about ('засудило атаку' -> the attacker, 'назвала санкції незаконними'
    -> all who imposed them; with `own_state`, a critic's own state too: 'адвокат назвав вирок політичним'
    -> the court; 'назвали санкції «незаконними» і пригрозили' -> whom the sentence's act before addressed),
    else whoever acted last in the text, else the last other party named."""
    sibling = context.events[-1] if context.events else None
    if sibling is not None and sibling.evidence.start == view.sentence.start and {a.code for a in sibling.actor} & actor_codes:
        # 'назвали рішення «незаконним» і пообіцяли дзеркальні заходи': the same side answers the same party
        addressed = [r for r in sibling.recipient if r.code and r.code not in actor_codes]
        if addressed:
            return addressed
    about = _event_named_after(context, word)
    if about is not None:
        event = next((e for e in reversed(context.events) if e.event == about and any(a.code for a in e.actor)), None)
        if event is not None:
            others = _distinct_codes([a for a in event.actor if a.code not in actor_codes])
            if others or own_state:
                return others or _distinct_codes(event.actor)
    for event in reversed(context.events):
        others = _distinct_codes([a for a in event.actor if a.code and a.code not in actor_codes])
        if others and context.article.text.count("\n", event.evidence.start, word.start) <= 1:
            return others
    for start, actor in reversed(participants):
        if start < word.start and actor.code not in actor_codes:
            return [actor]
    actors = context.actors
    mention = actors.last_mention(word.start, ("LOC", "ORG", "PERS"), exclude=frozenset(actor_codes))
    if mention is not None and actors.text.count("\n", mention.start, word.start) <= 1:
        return [mention.actor]
    return []


def _date_of_previous(context: _Context, view: SentenceView) -> Timing | None:
    """The time of the last dated event in this paragraph or the one before: a past event the text
    does not date happened when the events around it did."""
    for event in reversed(context.events):
        if context.article.text.count("\n", event.evidence.start, view.sentence.start) > 1:
            return None
        if not event.date_from_publication and event.status == statuses.OCCURRED:
            return Timing(event.date_start, event.date_end, event.date_precision, False)
    return None


def _previous_actors(context: _Context, event_name: str) -> list[Actor]:
    return next((list(e.actor) for e in reversed(context.events) if e.event == event_name and e.actor), [])


def _event_named_after(context: _Context, word: Word) -> str | None:
    """The category of an event noun that follows the cue ('засудило атаку' -> ASSAULT, 'назвав вирок' -> SANCTION)."""
    words = context.actors.words
    # the object usually follows ('засудило атаку'); fronted, it comes right before ('санкції назвали')
    for following in [*words[word.i + 1 : word.i + 4], *reversed(words[max(0, word.i - 3) : word.i])]:
        if following.pos == "NOUN" and following.lemma in context.lexicon.act_nouns:
            return context.lexicon.act_nouns[following.lemma]
        cue = next((c for c in context.lexicon.cues.get(following.lemma, ()) if c.event and not c.requires), None)
        if following.pos == "NOUN" and cue is not None:
            return cue.event
    return None


def _previous_case(context: _Context, word: Word) -> Event | None:
    """The last arrest, charge or sentence in this paragraph or the one before."""
    for event in reversed(context.events):
        if context.article.text.count("\n", event.evidence.start, word.start) > 1:
            return None
        if _is_case_step(event.event, event.mode, context.lexicon):
            return event
    return None


def _previous_recipients(context: _Context, event_name: str, actor_codes: set[str]) -> list[Actor]:
    for event in reversed(context.events):
        if event.event == event_name and any(r.code and r.code not in actor_codes for r in event.recipient):
            return [r for r in event.recipient if r.code and r.code not in actor_codes]
    return []


def _confidence(trigger: Trigger, actor_list: list[Actor], recipient_list: list[Actor], magnitude: object, timing: Timing) -> float:
    score = 0.4
    score += 0.2 if any(a.code for a in actor_list) else 0.0
    score += 0.1 if trigger.word.pos == "VERB" else 0.0
    score += 0.1 if trigger.cue.requires else 0.0
    score += 0.1 if recipient_list or magnitude is not None else 0.0
    score += 0.05 if not timing.from_publication else 0.0
    return round(min(score, 0.95), 2)
