"""The arguments of an event: actor, recipient, magnitude and time.

Rules over clauses and noun phrases: the subject is the nominative phrase
before the predicate (or the antecedent of 'який', or the main clause's
subject for a gerund); recipients come from the roles the cue lists (object,
dative, 'з' + instrumental, 'проти' + genitive ...); the magnitude is the
quantity the clause counts; the time is the nearest date of the clause, then
of the sentence, then the publication date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from khronika.events.actors import ActorResolver
from khronika.events.lexicon import Cue, Lexicon
from khronika.events.syntax import Clause, Phrase, SentenceView, Word, quoted_words
from khronika.language import morph
from khronika.model import Actor, DateExpr, Quantity

_CASE_OF_ROLE = {"obj": ("Acc", "Gen"), "dat": ("Dat",)}
_OBJECT_CANDIDATES = 2


@dataclass(frozen=True)
class Timing:
    date_start: date | None
    date_end: date | None
    precision: str | None
    from_publication: bool


# -- actor ---------------------------------------------------------------------


def predicate_of(clause: Clause, trigger: Word) -> Word:
    """The finite verb that carries the cue: 'почало' in 'почало знімати'."""
    verbs = [w for w in clause.words if w.is_verb and w.i <= trigger.i]
    finite = [w for w in verbs if w.is_finite]
    if finite:
        return finite[0]
    return verbs[0] if verbs else trigger


def subject_phrase(view: SentenceView, clause: Clause, predicate: Word, lexicon: Lexicon) -> Phrase | None:
    """The nominative phrase the predicate agrees with, in this clause or inherited."""
    candidates = [
        p
        for p in clause.phrases
        if p.prep is None
        and p.last < predicate.i
        and p.head.lemma not in lexicon.relative_pronouns
        and p.head.lemma not in lexicon.time_nouns
        and p.can_be_case("Nom")
        and _agrees(p, predicate)
    ]
    # 'він сам подав': a determiner alone ('сам', 'усі') only stands for the subject when nothing else does,
    # nor does an adjective alone ('Німеччина готова виділити': 'готова' is the predicate)
    candidates = [p for p in candidates if p.head.pos not in ("DET", "ADJ")] or candidates
    if candidates:
        return candidates[-1]
    before = view.clauses[clause.index - 1] if clause.index > 0 else None
    while before is not None and before.index > 0 and (
        before.kind == "gerund" or (before.kind == "subordinate" and before.opener is not None and before.opener.lemma == "як")
    ):
        # 'X, як повідомляє Reuters, обговорює', 'Трамп, виступаючи в Кнесеті, назвав': the inserted clause is skipped
        before = view.clauses[before.index - 1]
    after = [p for p in clause.phrases if p.first > predicate.i and p.prep is None]
    # 'відпустила ... Білорусь' (inverted), but not 'У Москві звинуватили Баку' (the place speaks, Баку is the object)
    speaking_place = any(p.prep in ("в", "у") and p.last < predicate.i and p.head.pos in ("PROPN", "X") for p in clause.phrases)
    # a name, or a noun that cannot be an object ('оголосив американський переговорник')
    # 'У Римі зустрілися міністри': a reflexive verb takes no object, so what follows is its subject
    # ... unless a verb it governs comes first and takes it ('відмовилася підтримати план')
    reflexive = predicate.is_reflexive and bool(after) and not any(w.is_verb for w in clause.words if predicate.i < w.i < after[0].first)
    # 'чоловік, якого затримали прикордонники': the relative pronoun is the object, so what follows is the subject
    object_taken = clause.kind == "relative" and clause.opener is not None and not clause.opener.can_be_case("Nom")
    # 'речниця ЄСЗД, яка закликала Тбілісі': a pronoun that can only be the subject is it, whatever follows
    opener_subject = (
        clause.kind == "relative"
        and clause.index > 0
        and clause.opener is not None
        and _only_nominative(clause.opener)
        and _agrees(Phrase([clause.opener], clause.opener, None), predicate)
    )
    if opener_subject:
        return antecedent_of(view, clause)
    # 'Угоду привітали Африканський союз і ЄС': an object that can only be accusative stands first, the subject follows
    fronted_object = any(
        p.prep is None
        and p.last < predicate.i
        and p.head.pos in ("NOUN", "PROPN")
        and p.head.feat("Case") == "Acc"
        and not p.can_be_case("Nom")
        for p in clause.phrases
    )
    inverted = after and (
        after[0].head.pos in ("PROPN", "X") or not after[0].head.can_be_case("Acc") or reflexive or object_taken or fronted_object
    )
    speaking_place = speaking_place and not reflexive
    if inverted and not speaking_place and after[0].head.feat("Case") == "Nom" and _agrees(after[0], predicate):
        return after[0]
    if (
        clause.kind == "main"
        and before is not None
        and before.kind == "main"
        and before.words[0].pos != "ADP"
        and not any(w.is_verb for w in before.words)
    ):
        # 'Швеція, за даними газети X, обговорює ...', 'Посольство Росії, своєю чергою, висловило ...':
        # the subject stands alone before an inserted phrase
        alone = next(
            (
                p
                for p in before.phrases
                if p.prep is None
                and (p.head.pos in ("PROPN", "X") or p.head.text[:1].isupper() or p.head.lemma in lexicon.actors.role_sectors)
                and p.head.feat("Case") in ("Nom", None)
                and _agrees(p, predicate)
            ),
            None,
        )
        if alone is not None:
            return alone
    if clause.kind == "relative" and clause.opener is not None and clause.opener.can_be_case("Nom") and clause.index > 0:
        return antecedent_of(view, clause)
    if clause.kind not in ("relative", "gerund") and before is not None and (
        before.kind == "relative" or (before.opener is not None and before.opener.lemma in ("де", "куди"))
    ):
        # 'Марко Рубіо, який перебував у Туреччині, назвав ...', 'Бельгія, де ..., поки відмовляється':
        # the subject stands before the inserted clause (alone, when this clause is not a main one)
        relative = before
        antecedent = antecedent_of(view, relative) if relative.index > 0 else None
        owner = view.clauses[relative.index - 1] if relative.index > 0 else None
        if antecedent is not None and owner is not None and not antecedent.can_be_case("Nom"):
            # 'Уряд Судану, який ..., звернувся': the name is a genitive tail the chunker split off its head
            antecedent = next((p for p in reversed(owner.phrases) if p.prep is None and p.can_be_case("Nom")), antecedent)
        stands_alone = clause.kind == "main" or (owner is not None and not any(w.is_verb for w in owner.words))
        if (
            antecedent is not None
            and stands_alone
            and antecedent.head.lemma not in lexicon.time_nouns  # 'Перший раунд, що відбувся ..., завершився': no doer
            and antecedent.can_be_case("Nom")
            and _agrees(antecedent, predicate)
        ):
            return antecedent
    inherits = clause.kind == "gerund" or clause.coordinated
    # 'де вчора зустрівся', 'коли звільнила': a clause of place or time shares the subject of the one it follows
    # ... and so does 'що' after a verb of saying: 'Лубінець повідомив, що планує зустрітися'
    inherits = inherits or (clause.kind == "subordinate" and clause.opener is not None and clause.opener.lemma in ("де", "коли", "куди", "що"))
    if clause.kind == "gerund" and clause.index > 0 and view.clauses[clause.index - 1].kind == "relative":
        # 'студент, якого завербували, обіцяючи гроші': the gerund goes with the relative clause's act,
        # and an impersonal one there ('завербували') names nobody
        relative = view.clauses[clause.index - 1]
        inner = next((w for w in relative.words if w.is_finite), None)
        if inner is not None and inner.feat("Number") == "Plur" and subject_phrase(view, relative, inner, lexicon) is None:
            return None
    if inherits and clause.index > 0:
        # the clause it continues: the last main one ('запевнив, що ..., і погрозив' continues 'запевнив')
        previous = view.clauses[clause.index - 1]
        while previous.kind != "main" and previous.index > 0:
            previous = view.clauses[previous.index - 1]
        inner = next((w for w in previous.words if w.is_finite), None)
        inherited = subject_phrase(view, previous, inner, lexicon) if inner is not None else None
        # a plural verb with no subject of its own is impersonal ('що в Росії утримують ...'), not the speaker's
        if inherited is not None and (predicate.feat("Number") != "Plur" or inherited.coordinated or inherited.head.feat("Number") == "Plur"):
            return inherited
    return None


def dative_experiencer(clause: Clause) -> Phrase | None:
    """'сторонам не вдалося домовитися': who succeeds or fails is in the dative."""
    return next((p for p in clause.phrases if p.prep is None and p.head.feat("Case") == "Dat"), None)


def content_subjects(view: SentenceView, clause: Clause, lexicon: Lexicon) -> list[Phrase]:
    """The subject of a 'щоб' clause after a request: whom the request is addressed to."""
    following = view.clauses[clause.index + 1] if clause.index + 1 < len(view.clauses) else None
    if following is None or following.opener is None or following.opener.lemma != "щоб":
        return []
    predicate = next((w for w in following.words if w.is_verb), None)
    if predicate is None:
        return []
    subject = subject_phrase(view, following, predicate, lexicon)
    return [subject] if subject is not None else []


def antecedent_of(view: SentenceView, clause: Clause) -> Phrase | None:
    """The phrase a relative clause is about: the last phrase before it."""
    previous = view.clauses[clause.index - 1]
    return previous.phrases[-1] if previous.phrases else None


def _only_nominative(pronoun: Word) -> bool:
    """'яка', not 'який' or 'які' (nominative or accusative): every pronoun reading of the form is nominative."""
    cases = {r.feat("Case") for r in morph.readings(pronoun.text) if r.upos in ("DET", "PRON")}
    return cases == {"Nom"}


def _agrees(phrase: Phrase, predicate: Word) -> bool:
    """Past-tense singular verbs show gender: 'звільнила' cannot have 'Мінськ' as subject."""
    if predicate.feat("Person") == "0":
        return False  # 'громадянина засуджено', 'їх затримано': the impersonal -но/-то form has no subject
    if predicate.is_verb and predicate.feat("Number") == "Plur" and not phrase.coordinated:
        # 'Юна підозрюють': a singular adjective or pronoun (a name misread as one) is no subject of a plural verb;
        # a singular noun may be ('більшість депутатів підтримали')
        return not (phrase.head.pos in ("ADJ", "DET", "PRON") and phrase.head.feat("Number") == "Sing")
    if not predicate.is_verb or predicate.feat("Number") != "Sing" or phrase.coordinated:
        return True
    if phrase.head.feat("Uninflect") == "Yes" or (phrase.head.text.isupper() and len(phrase.head.text) > 1):
        return True  # 'Баку', 'НАТО': an indeclinable name's gender is a guess, and it may stand for a person
    verb_gender, noun_gender = predicate.feat("Gender"), phrase.head.feat("Gender")
    if verb_gender is None or noun_gender is None or verb_gender == noun_gender:
        return True
    # common-gender nouns ('глава держави призначив', 'суддя постановила'): any dictionary reading will do
    return any(r.feat("Gender") == verb_gender for r in morph.readings(phrase.head.text) if r.upos in ("NOUN", "PROPN"))


def instrumental_agent(clause: Clause, noun: Word) -> Phrase | None:
    """'звільнення Мінськом': the instrumental right after an event noun is who does it."""
    for phrase in clause.phrases:
        if phrase.first > noun.i and phrase.first - noun.i <= 3 and phrase.prep is None and phrase.head.feat("Case") == "Ins":
            return phrase
        if phrase.first > noun.i + 3:
            break
    return None


# -- recipient -----------------------------------------------------------------


def recipient_phrases(
    view: SentenceView, clause: Clause, trigger: Word, cue: Cue, subject: Phrase | None, lexicon: Lexicon, beyond_next_verb: bool = False
) -> list[Phrase]:
    """Candidate phrases for each role the cue lists, in the cue's order. A phrase inside a quotation
    ('пообіцяла Угорщині «продовжити діалог з Україною»') is what is said, not whom it is said to;
    a quoted name ('проти «Роснафти»') still counts."""
    quoted = quoted_words(view)
    phrases = [p for p in clause.phrases if not (p.first in quoted and p.first - 1 in quoted)]
    # 'назвало вирок «...» і закликало партнерів': what follows the next finite verb is that verb's
    # (unless asked for: 'засудив «застосування сили» і закликав владу' is addressed to that power too)
    following_verb = next((w for w in clause.words if w.i > trigger.i and w.is_finite), None) if trigger.is_verb else None
    # 'звільнила та передала Литві двох громадян': verbs joined with nothing between them share what follows
    shares_object = following_verb is not None and not beyond_next_verb and all(
        w.pos in ("CCONJ", "ADV") for w in clause.words if trigger.i < w.i < following_verb.i
    )
    if following_verb is not None and not shares_object:
        phrases = [p for p in phrases if (p.first > following_verb.i) == beyond_next_verb]
    elif beyond_next_verb:
        return []
    clause = replace(clause, phrases=phrases)
    found: list[Phrase] = []
    for role in cue.recipient:
        if role in _CASE_OF_ROLE:
            cases = _CASE_OF_ROLE[role]
            if role == "obj" and clause.kind == "relative" and clause.index > 0:
                antecedent = antecedent_of(view, clause)
                # 'якого Трамп призначив': the clause has its own subject, so the antecedent is the object
                if antecedent is not None and antecedent is not subject:
                    found.append(antecedent)
            objects = []
            for phrase in clause.phrases:
                if role == "obj" and phrase.prep is not None and phrase.first > trigger.i and phrase.head.lemma in cue.requires:
                    # 'взяли під варту громадянина Франції': the object is read as the tail of the idiom's noun
                    tail = [w for w in phrase.words if w.i > phrase.head.i]
                    head = next((w for w in tail if w.pos in ("NOUN", "PROPN", "X")), None)
                    if head is not None:
                        objects.append(Phrase(tail, head, None, coordinated=phrase.coordinated))
                    continue
                if phrase is subject or phrase.prep is not None or phrase.head.lemma in lexicon.relative_pronouns:
                    continue
                chosen = phrase.head.feat("Case")
                # a nominative tag after the verb is often an accusative that looks the same ('закликала Іран')
                if phrase.first > trigger.i and any(chosen == c or (chosen in (None, "Nom") and phrase.can_be_case(c)) for c in cases):
                    objects.append(phrase)
                elif role == "dat" and phrase.first == trigger.i + 1 and chosen in ("Gen", "Loc") and phrase.can_be_case("Dat"):
                    objects.append(phrase)  # 'відмовив Росії': a name right after the verb, tagged with a case it shares with the dative
            if role == "obj" and not objects and trigger.feat("Person") == "0":
                # 'Шмигаля призначено міністром', 'двох активістів затримано': the impersonal form's object comes first
                objects = [
                    p for p in clause.phrases
                    if p.last < trigger.i and p.prep is None and p.head.pos in ("PROPN", "NOUN", "NUM", "PRON")
                    and any(p.head.feat("Case") == c or p.can_be_case(c) for c in cases)
                ][-1:]
            if role == "dat" and not objects:
                # 'Того ж дня Україні повернули тіла': a dative before the verb is still whom it is for
                objects = [
                    p for p in clause.phrases
                    if p.last < trigger.i and p.prep is None and p is not subject and p.head.feat("Case") == "Dat" and p.head.pos in ("PROPN", "NOUN")
                ][-1:]
            # the first two: 'оголосило персоною нон грата російського дипломата' has the person second
            found += objects[:_OBJECT_CANDIDATES]
            continue
        # a role ending in '!' is the cue verb's own complement ('погодився на пропозицію'), not one of a verb
        # after it ('пообіцяли виділити кошти на закупівлю')
        own_only = role.endswith("!")
        preposition, case = role.rstrip("!").split("+") if "+" in role else (role, "")
        next_verb = next((w for w in clause.words if w.i > trigger.i and w.is_verb), None) if own_only and trigger.is_verb else None
        for phrase in clause.phrases:
            if next_verb is not None and phrase.first > next_verb.i:
                break
            if phrase.prep == preposition and phrase is not subject and (not case or phrase.can_be_case(case)):
                found.append(phrase)
                break
    return found


def recipients_of(actors: ActorResolver, phrases: list[Phrase], exclude: frozenset[str] = frozenset()) -> list[Actor]:
    """The first phrase that names somebody, without the excluded (the actor's own). A place of the actor's
    own is passed over ('запросив Зеленського до Парижа' -> Зеленський); an object of its own ends the search."""
    for phrase in phrases:
        resolved = actors.resolve_group(phrase)
        kept = [a for a in resolved if not (a.code and a.code in exclude)]
        state_noun = phrase.head.lemma in actors.lexicon.actors.state_nouns
        if not kept and len(resolved) == 1 and exclude and state_noun and actors.stands_for_context(phrase):
            # 'Французькі війська залишили країну': the country the text is about, other than the actor's own
            other = actors.dominant_country(phrase.start, exclude=exclude)
            kept = [replace(resolved[0], code=other.code)] if other is not None else []
        if kept or (resolved and phrase.prep is None):
            return kept
    return []


# -- magnitude -----------------------------------------------------------------


def magnitude_of(
    view: SentenceView, clause: Clause, trigger: Word, quantities: list[Quantity], dates: list[DateExpr], lexicon: Lexicon
) -> Quantity | None:
    """The quantity the clause counts: after the cue first ('звільнила десятки затриманих'), else before,
    else in the clause a colon opens after it ('атакувала Харків: загинули щонайменше троє')."""
    found = _counted_in(clause, trigger, quantities, dates, lexicon)
    following = view.clauses[clause.index + 1] if clause.index + 1 < len(view.clauses) else None
    if found is None and following is not None and following.after_colon:
        found = _counted_in(following, trigger, quantities, dates, lexicon)
    return found


def casualties_of(view: SentenceView, quantities: list[Quantity], dates: list[DateExpr], lexicon: Lexicon) -> Quantity | None:
    """The people an attack killed when its sentence counts them ('удар по судну; загинули троє людей',
    'кількість загиблих унаслідок удару двох ракет зросла до дванадцяти'): the count nearest a word of death
    in its clause, not one of weapons ('двох ракет': the noun it counts follows and is inanimate)."""
    for death in view.words:
        if death.lemma not in lexicon.casualty_words or _negated(view, death, lexicon):
            continue
        clause = view.clause_of(death)
        start, end = clause.words[0].start, clause.words[-1].end
        counts = [
            q
            for q in quantities
            if start <= q.start < end
            and q.unit is None
            and not any(d.start <= q.start < d.end for d in dates)
            and not _counts_things(view, q)
        ]
        if counts:
            nearest = min(counts, key=lambda q: abs(q.start - death.start))
            return nearest
    return None


def _negated(view: SentenceView, word: Word, lexicon: Lexicon) -> bool:
    before = [w for w in view.words if w.end <= word.start]
    return bool(before) and before[-1].lemma in lexicon.status.negation


def _counts_things(view: SentenceView, quantity: Quantity) -> bool:
    """'двох балістичних ракет': the counted noun follows the number and is no person."""
    following = [w for w in view.words if w.start >= quantity.end][:4]
    counted = next((w for w in following if w.lemma == quantity.counted), None)
    return counted is not None and counted.feat("Animacy") != "Anim"


def _counted_in(
    clause: Clause, trigger: Word, quantities: list[Quantity], dates: list[DateExpr], lexicon: Lexicon
) -> Quantity | None:
    start, end = clause.words[0].start, clause.words[-1].end
    inside = [
        q
        for q in quantities
        if start <= q.start < end
        and q.counted not in lexicon.magnitude_excluded
        and q.unit != "percent"
        and not any(d.start <= q.start < d.end for d in dates)
    ]
    after = [q for q in inside if q.start >= trigger.start]
    if after:
        return after[0]
    before = [q for q in inside if q.end <= trigger.start]
    return before[-1] if before else None


# -- time ----------------------------------------------------------------------


def timing_of(
    view: SentenceView,
    clause: Clause,
    trigger: Word,
    dates: list[DateExpr],
    published: date,
    lexicon: Lexicon,
) -> Timing:
    in_sentence = [d for d in dates if view.sentence.start <= d.start < view.sentence.end and d.date_start is not None]
    in_clause = [d for d in in_sentence if clause.words[0].start <= d.start <= clause.words[-1].end]
    if in_clause:
        chosen = min(in_clause, key=lambda d: abs(d.start - trigger.start))
        return _since_adjusted(chosen, view, published, lexicon, same_clause=True)
    if in_sentence:
        chosen = min(in_sentence, key=lambda d: abs(d.start - trigger.start))
        return _since_adjusted(chosen, view, published, lexicon, same_clause=False)
    return Timing(published, published, "day", True)


def _since_adjusted(d: DateExpr, view: SentenceView, published: date, lexicon: Lexicon, same_clause: bool) -> Timing:
    """'із моменту, коли ... у січні', 'з листопада': the event runs from that date to publication."""
    before = [w for w in view.words if w.end <= d.start]
    if same_clause:
        since = bool(before) and before[-1].lemma in lexicon.since_markers and before[-1].pos == "ADP"
    else:
        # 'із моменту, коли ...', 'відтоді, як ...': the date's clause says since when
        index = view.clause_index_at(d.start)
        clause = view.clauses[index] if index is not None else None
        lead = [w.lemma for w in clause.words[:1]] if clause is not None else []
        if clause is not None and clause.index > 0:
            lead += [w.lemma for w in view.clauses[clause.index - 1].words[-2:]]
        since = bool(set(lead) & lexicon.since_markers - {"з", "із", "від"})
    if since and d.date_start is not None and d.date_start <= published:
        return Timing(d.date_start, published, "vague", False)
    return Timing(d.date_start, d.date_end, d.precision, False)
