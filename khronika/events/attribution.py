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
from khronika.language.kb import load_kb
from khronika.model import Actor, Attribution, Quantity


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
        if clause.kind == "relative":
            continue  # 'людей, яких правозахисники визнали ...': says who holds a view of someone, not who reports
        for word in clause.words:
            if word.i in cue_words or word.lemma not in cues.verbs or not word.is_verb:
                continue
            source = _reporting_subject(view, clause, word, actors, lexicon)
            if source is None:
                continue
            for member in source.members():  # 'повідомили директор ЦРУ ... і російська ФСБ'
                found = _merge(found, _classify(member, actors, quantities, lexicon))
            if _points_back(clause, word, lexicon):
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


def _reporting_subject(view: SentenceView, clause: Clause, verb: Word, actors: ActorResolver, lexicon: Lexicon) -> Phrase | None:
    """The subject of a reporting verb: before it, or right after it ('пише Reuters', 'повідомив у вівторок
    Офіс ...'), or 'у штабі', or a subject standing alone before an inserted clause ('Джерела X, знайомі з ..., кажуть')."""
    # 'X назвав ... і зауважив': coordinated verbs share the subject before the first of them
    first_verb = next((w for w in clause.words if w.is_finite and w.i <= verb.i), verb)
    before = [p for p in clause.phrases if p.last < first_verb.i and p.prep is None and p.can_be_case("Nom")]
    # time phrases between the verb and its subject are skipped: 'повідомив у вівторок Офіс генпрокурора'
    after = [p for p in clause.phrases if p.first > verb.i and p.head.lemma not in lexicon.time_nouns]
    # 'заявив журналістам речник уряду': whom it was said to may stand between the verb and its subject
    while len(after) > 1 and after[0].prep is None and not after[0].can_be_case("Nom") and after[0].can_be_case("Dat"):
        after = after[1:]
    if after and after[0].prep is None and after[0].can_be_case("Nom") and after[0].first - verb.i <= 4:
        named = after[1] if len(after) > 1 else None
        if named is not None and named.first == after[0].last + 1 and named.prep is None and _person_in(named, actors):
            return named  # 'повідомив директор ЦРУ Джон Реткліфф': the name after its title speaks
        return after[0]
    if before:
        return before[-1]
    # 'зазначили в Повітряних силах', 'наголошують у Foro Penal': the institution speaks, known or named
    located = [
        p
        for p in clause.phrases
        if (p.prep in ("в", "у") or (p.prep == "на" and p.head.lemma in lexicon.attribution.documents))
        and (actors.resolve(p) is not None or any(_names(w) for w in p.words))
    ]
    if located:
        # 'йдеться в заяві МЗС', 'зазначається на сайті посольства': the author of the text reports
        author = _tail_phrase(located[0]) if located[0].head.lemma in lexicon.attribution.documents else None
        return author or located[0]
    # 'Джерела Reuters, знайомі з ..., кажуть': the subject stands alone in a clause with no verb before
    if verb.is_gerund:
        # 'Речник Єврокомісії назвав ..., додавши, що ...': a gerund speaks with the subject of its main verb
        for earlier in reversed(view.clauses[: clause.index]):
            main_verb = next((w for w in earlier.words if w.is_finite), None)
            if main_verb is not None:
                subjects = [p for p in earlier.phrases if p.last < main_verb.i and p.prep is None and p.can_be_case("Nom")]
                return subjects[-1] if subjects else None
        return None
    if not verb.is_finite:
        return None
    for earlier in reversed(view.clauses[max(0, clause.index - 2) : clause.index]):
        if not any(w.is_verb for w in earlier.words):
            alone = [p for p in earlier.phrases if p.prep is None and p.head.pos in ("NOUN", "PROPN", "X") and p.can_be_case("Nom")]
            return alone[0] if alone else None
    return None


def _names(word: Word) -> bool:
    """A word of a name: a proper noun, a foreign word or an abbreviation ('Foro Penal', 'СБУ')."""
    return word.pos in ("PROPN", "X") or word.text.isupper()


def _points_back(clause: Clause, verb: Word, lexicon: Lexicon) -> bool:
    """'Про це повідомила ...', 'Про обмін повідомили ...': the report is about what the paragraph said before."""
    before = [w for w in clause.words if w.i < verb.i]
    if any(w.lemma in lexicon.attribution.backward for w in before):
        return True
    about = next((k for k, w in enumerate(before) if w.lemma == "про"), None)
    return about is not None and about + 1 < len(before) and before[about + 1].lemma in lexicon.cues


def _prepositional_sources(view: SentenceView, lexicon: Lexicon) -> list[Phrase]:
    """'за даними Вясни', 'за словами Лубінця', 'за його словами': who the sentence is according to.
    Not in a relative clause: 'агентів, які, за даними слідства, коригували удари' sources only that clause."""
    found = []
    for clause in view.clauses:
        if clause.kind == "relative":
            continue
        for phrase in clause.phrases:
            for pattern in lexicon.attribution.phrases:
                *before, prep, head = pattern
                ahead = phrase.first - 2 - view.words[0].i  # the word before the preposition
                if before and (ahead < 0 or view.words[ahead].lemma != before[0]):
                    continue  # 'згідно з даними': that word is part of the expression
                if phrase.prep == prep and phrase.head.lemma == head:
                    tail = [p for p in clause.phrases if p.first > phrase.last]
                    inner = _tail_phrase(phrase)
                    following = phrase.last + 1 - view.words[0].i
                    if following < len(view.words) and view.words[following].lemma in lexicon.relative_pronouns:
                        # 'міністр Кабельо, за словами якого ...': the one the pronoun stands for, named before it
                        before = view.clauses[clause.index - 1].phrases if clause.index > 0 else []
                        found.extend(before[-1:])
                    elif inner is not None:
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
        # 'джерела Reuters': the outlet whose sources they are reports
        outlet = [w for w in phrase.words if w.i > head.i and _names(w)]
        reporter = actors.name_of_words(outlet) if outlet else None
        return Attribution(reporter=reporter, sources=sources, anonymous=True)
    if head.lemma in cues.spokespeople and phrase.words[-1] is not head:
        # 'речниця комітету', 'пресслужба СБУ': an unnamed spokesperson speaks for the body
        body = Phrase([w for w in phrase.words if w.i > head.i], next(w for w in phrase.words if w.i > head.i), None)
        known = actors.described_before(body) if body.head.pos == "NOUN" and not body.head.text.isupper() else None
        if known is not None:
            return Attribution(reporter=known.name)
        if _person_in(phrase, actors) is None and any(_names(w) for w in body.words):
            return _classify(body, actors, quantities, lexicon)
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
    # the knowledge base spells a name the text gives whole ('Вясни' -> 'Вясна'); a body named more precisely
    # than the entry it was linked to stays as the text names it ('ВМС ЗСУ', not 'Збройні сили України')
    same_span = actor is not None and actor.actorText == actors.text[phrase.start : phrase.end]
    if same_span and actor.kb is not None and len(actor.name.split()) == len(phrase.words):
        return Attribution(reporter=actor.name)
    return Attribution(reporter=actors.nominative(phrase))


def spokesperson_attribution(phrase: Phrase, actors: ActorResolver, quantities: list[Quantity], lexicon: Lexicon) -> Attribution | None:
    """'Речник Єврокомісії закликав ...': an unnamed spokesperson who acts speaks for the body."""
    if phrase.head.lemma not in lexicon.attribution.spokespeople or phrase.words[-1] is phrase.head:
        return None
    found = _classify(phrase, actors, quantities, lexicon)
    return found if found.reporter and not found.speaker else None


def speaking_body_attribution(actor: Actor, lexicon: Lexicon) -> Attribution | None:
    """'Єврокомісія закликала ...', 'У МЗС Грузії назвали ...': a body that makes a statement itself reports it.
    Not a person, a state or a seat of power that stands for one ('Кремль', 'Пекін')."""
    if actor.kb is not None:
        entry = load_kb().entries.get(actor.kb)
        is_body = entry is not None and entry.type == "ORG" and not entry.metonym
    else:
        words = actor.name.split()
        is_body = bool(words) and words[0].lower() in lexicon.attribution.bodies
    return Attribution(reporter=actor.name) if is_body else None


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
