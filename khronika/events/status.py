"""What the text asserts about an event: occurred, ongoing, planned, possible or denied.

Read from the verb chain that carries the cue ("почало знімати", "можуть
звільнити", "не звільнили"), its tense and aspect, modality words, the
modifiers of an event noun ("можливе звільнення") and embedding under an open
question ("Незрозуміло, яких в'язнів звільнять").
"""

from __future__ import annotations

import functools

from khronika.events.lexicon import Lexicon
from khronika.events.syntax import Clause, SentenceView, Word
from khronika.language import morph

OCCURRED, ONGOING, PLANNED, POSSIBLE, DENIED = "occurred", "ongoing", "planned", "possible", "denied"
# words that may stand between a negation or modal and its verb
_TRANSPARENT_POS = frozenset({"ADV", "PART", "AUX"})
# the imperfective future is built on -тиму ('звільнятиму'); other future-tagged forms may be presents
_SYNTHETIC_FUTURE = ("тиму", "тимеш", "тиме", "тимемо", "тимете", "тимуть")


@functools.lru_cache(maxsize=50_000)
def _tenses(form: str) -> tuple[str, ...]:
    return tuple(r.feat("Tense") or "" for r in morph.readings(form) if r.upos in ("VERB", "AUX") and r.feat("Tense"))


def tense_of(word: Word) -> str | None:
    """The chosen tense, or the first tense among the form's verb readings (mis-tagged finite verbs)."""
    chosen = word.feat("Tense")
    tenses = _tenses(word.text)
    if chosen == "Fut" and "Pres" in tenses and not word.lower.endswith(_SYNTHETIC_FUTURE):
        return "Pres"  # a form that also reads as present ('виходять', 'перебувають') is present
    if chosen:
        return chosen
    return tenses[0] if tenses else None


def verb_chain(clause: Clause, trigger: Word) -> list[Word]:
    """The verbs and particles leading up to the cue in its clause: 'не змогли звільнити'."""
    position = clause.words.index(trigger)
    chain = [trigger]
    k = position - 1
    while k >= 0:
        word = clause.words[k]
        if word.is_verb or word.pos in _TRANSPARENT_POS or word.lemma in ("не", "б", "би", "можна"):
            chain.insert(0, word)
            k -= 1
            continue
        # 'запропонує Росії обміняти': an infinitive's verb may stand before the one it is addressed to
        if chain[0].is_infinitive and word.pos in ("PROPN", "PRON") and k > 0 and clause.words[k - 1].is_verb:
            k -= 1
            continue
        break
    return chain


def in_open_question(view: SentenceView, clause: Clause, lexicon: Lexicon) -> bool:
    """'Незрозуміло, яких саме в'язнів можуть звільнити': the clause asks, it does not assert."""
    cues = lexicon.status
    if clause.index == 0:
        return False
    opener = next((w for w in clause.words[:2] if w.lemma in cues.interrogatives), None)
    if opener is None:
        return False
    before = [w for c in view.clauses[: clause.index] for w in c.words]
    return any(w.lemma in cues.question_predicates for w in before)


def status_of(
    view: SentenceView,
    clause: Clause,
    chain: list[Word],
    lexicon: Lexicon,
    *,
    negation_is_part_of_cue: bool,
    noun_modifiers: list[Word],
    content_status: str | None,
    main_predicate: Word | None,
    cue_verb: Word | None = None,
) -> str:
    cues = lexicon.status
    # the cue verb itself is what happens, not an aspect of it: 'продовжила санкції' extends them
    lemmas = {w.lemma for w in chain if w is not cue_verb} | {w.lemma for w in noun_modifiers}
    position = clause.words.index(chain[0]) if chain[0] in clause.words else 0
    if chain[0].is_infinitive and position > 0 and clause.words[position - 1].pos in ("NOUN", "ADJ"):
        lemmas.add(clause.words[position - 1].lemma)  # 'має намір вислати', 'готова запровадити': what governs the infinitive
    negated = not negation_is_part_of_cue and any(w.lemma in cues.negation for w in chain)
    if negated:
        return DENIED
    if in_open_question(view, clause, lexicon) or lemmas & cues.possible:
        return POSSIBLE
    if content_status:
        return content_status
    if lemmas & cues.planned:
        return PLANNED
    finite = next((w for w in chain if w.is_finite), None)
    if finite is None and chain[-1].is_gerund and main_predicate is not None:
        finite = main_predicate  # a gerund takes the time of its main verb
    tense = tense_of(finite) if finite is not None else None
    if tense == "Fut":
        return PLANNED
    if lemmas & cues.ongoing:
        return ONGOING
    if tense == "Pres":
        return ONGOING
    return OCCURRED
