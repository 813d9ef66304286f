"""Who asserts what: reporters, sources (count, anonymity) and named speakers.

Per sentence: reporting verbs with their subject ("пише Reuters", "Західні
правозахисні організації заявляють", "зазначили в Повітряних силах"),
prepositional attributions ("за даними Вясни", "за його словами"), citations
("із посиланням на три джерела") and anonymity ("просячи про анонімність").
A sentence such as "Про це повідомив X." attributes the sentences before it in
its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from khronika.events.actors import ActorResolver
from khronika.events.lexicon import Lexicon
from khronika.events.syntax import Clause, Phrase, SentenceView, Word
from khronika.model import Attribution, Quantity


@dataclass
class SentenceAttribution:
    attribution: Attribution
    backward: bool  # "про це повідомив ...": also covers the paragraph's sentences before


def attribute_sentence(
    view: SentenceView,
    actors: ActorResolver,
    quantities: list[Quantity],
    lexicon: Lexicon,
    cue_words: set[int],
) -> SentenceAttribution:
    cues = lexicon.attribution
    found = Attribution()
    backward = False
    for clause in view.clauses:
        for word in clause.words:
            if word.i in cue_words or word.lemma not in cues.verbs or not word.is_verb:
                continue
            source = _reporting_subject(clause, word, actors)
            if source is None:
                continue
            found = _merge(found, _classify(source, actors, quantities, lexicon))
            if any(w.lemma in cues.backward for w in clause.words if w.i < word.i):
                backward = True
    for phrase in _prepositional_sources(view, lexicon):
        found = _merge(found, _classify(phrase, actors, quantities, lexicon))
    for phrase in _cited_sources(view, lexicon):
        found = _merge(found, _classify(phrase, actors, quantities, lexicon))
    if any(w.lemma in cues.anonymity for w in view.words):
        found = replace(found, anonymous=True)
    if found.reporter or found.speaker or found.sources or found.anonymous:
        found = replace(found, text=view.sentence.text)
    return SentenceAttribution(found, backward)


def _reporting_subject(clause: Clause, verb: Word, actors: ActorResolver) -> Phrase | None:
    """The subject of a reporting verb: before it, or right after it ('пише Reuters'), or 'у штабі'."""
    before = [p for p in clause.phrases if p.last < verb.i and p.prep is None and p.can_be_case("Nom")]
    after = [p for p in clause.phrases if p.first > verb.i]
    if after and after[0].prep is None and after[0].can_be_case("Nom") and after[0].first - verb.i <= 3:
        return after[0]
    if before:
        return before[-1]
    # 'зазначили в Повітряних силах', 'У МКЧХ підтвердили': the institution speaks
    located = [p for p in clause.phrases if p.prep in ("в", "у") and actors.resolve(p) is not None]
    return located[0] if located else None


def _prepositional_sources(view: SentenceView, lexicon: Lexicon) -> list[Phrase]:
    """'за даними Вясни', 'за словами Лубінця', 'за його словами': who the sentence is according to."""
    found = []
    for clause in view.clauses:
        for phrase in clause.phrases:
            for pattern in lexicon.attribution.phrases:
                if phrase.prep == pattern[0] and phrase.head.lemma == pattern[1]:
                    tail = [p for p in clause.phrases if p.first > phrase.last]
                    inner = _tail_phrase(phrase)
                    if inner is not None:
                        found.append(inner)
                    elif tail:
                        found.append(tail[0])
    return found


def _tail_phrase(phrase: Phrase) -> Phrase | None:
    """'даними правозахисного центру «Вясна»' -> the genitive tail as its own phrase; 'його словами' -> 'його'."""
    rest = [w for w in phrase.words if w.i > phrase.head.i]
    before = [w for w in phrase.words if w.i < phrase.head.i and w.pos in ("DET", "PRON")]
    if rest:
        head = next((w for w in rest if w.pos in ("NOUN", "PROPN", "X")), rest[-1])
        return Phrase(rest, head, None)
    if before:
        return Phrase(before, before[0], None)
    return None


def _cited_sources(view: SentenceView, lexicon: Lexicon) -> list[Phrase]:
    found = []
    lemmas = [w.lemma for w in view.words]
    for pattern in lexicon.attribution.citing:
        n = len(pattern)
        for k in range(len(lemmas) - n + 1):
            if tuple(lemmas[k : k + n]) == pattern:
                after = view.words[k + n - 1]
                clause = view.clause_of(after)
                target = next((p for p in clause.phrases if p.first > after.i), None)
                if target is not None:
                    found.append(target)
    return found


def _classify(phrase: Phrase, actors: ActorResolver, quantities: list[Quantity], lexicon: Lexicon) -> Attribution:
    cues = lexicon.attribution
    head = phrase.head
    counted = _count_of(phrase, quantities)
    if head.lemma in cues.source_nouns:
        sources = counted
        if sources is None and head.feat("Number") == "Sing" and not head.can_be_number("Plur"):
            sources = 1
        return Attribution(sources=sources, anonymous=True)
    person = _person_in(phrase, actors)
    if person is not None:
        return Attribution(speaker=person)
    if head.lemma in cues.unnamed_people and (counted is not None or head.can_be_number("Plur")):
        # 'два дипломати', 'деякі посадовці': unnamed people are sources
        return Attribution(sources=counted, anonymous=True)
    named = _name_after(phrase, actors)
    if named is not None:
        return Attribution(reporter=named)  # 'правозахисного центру «Вясна»' -> Вясна
    actor = actors.resolve(phrase)
    if actor is not None and (actors.is_person(phrase, actor) or head.lemma in lexicon.actors.pronouns):
        return Attribution(speaker=actor.name)  # 'за його словами': a pronoun stands for the person quoted
    if actor is not None and actor.kb is not None and actor.actorText == actors.text[phrase.start : phrase.end]:
        return Attribution(reporter=actor.name)
    return Attribution(reporter=actors.nominative(phrase))


def _count_of(phrase: Phrase, quantities: list[Quantity]) -> int | None:
    """'три джерела', 'два поінформовані джерела': the number that counts the phrase's head."""
    found = next((q for q in quantities if phrase.start <= q.start < phrase.end or 0 <= phrase.start - q.end <= 1), None)
    return int(found.min) if found is not None and found.min is not None else None


def _person_in(phrase: Phrase, actors: ActorResolver) -> str | None:
    """'Речник МЗС Георгій Тихий': a person's name in the phrase makes them the speaker."""
    names = [w for w in phrase.words if w.pos == "PROPN" and w.feat("NameType") in ("Giv", "Sur")]
    if not names:
        return None
    known = actors.resolve(phrase)
    if known is not None and known.kb is not None and not known.kb.startswith("per:") and known.actorText == actors.text[phrase.start : phrase.end]:
        return None  # a name the knowledge base knows as an organisation
    run = [w for w in phrase.words if names[0].i <= w.i <= names[-1].i]
    return " ".join(actors.nominative_word(w) for w in run)


def _name_after(phrase: Phrase, actors: ActorResolver) -> str | None:
    """A descriptor followed by the outlet's name: 'видання «Медіазона»', 'агентство Kyodo'."""
    words = actors.words
    k = phrase.last + 1
    quoted = k < len(words) and words[k].text in ("«", '"', "„")
    if quoted:
        k += 1
    name: list[Word] = []
    while k < len(words):
        word = words[k]
        if quoted and word.text in ("»", '"', "“"):
            break
        if not quoted and not (word.pos in ("PROPN", "X") and word.text[:1].isupper()):
            break
        if word.is_punct and not quoted:
            break
        name.append(word)
        k += 1
    if not name or (quoted and (k >= len(words) or len(name) > 6)):
        return None
    return actors.name_of_words(name)


def _merge(a: Attribution, b: Attribution) -> Attribution:
    return Attribution(
        reporter=a.reporter or b.reporter,
        sources=a.sources if a.sources is not None else b.sources,
        anonymous=a.anonymous or b.anonymous,
        speaker=a.speaker or b.speaker,
        text=a.text or b.text,
    )
