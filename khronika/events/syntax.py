"""Shallow syntax without a parser: words, noun phrases and clauses of a sentence.

The events stage reads who-did-what-to-whom from word order, UD morphology and
function words. Morphological disambiguation can be wrong, so case and verb-form
tests also consult every dictionary reading of the form (`morph.readings`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from khronika.events.lexicon import Lexicon
from khronika.language import Analysis, morph
from khronika.model import Sentence

NOMINAL_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON", "X"})
HEAD_POS = frozenset({"NOUN", "PROPN", "PRON", "X"})
# parts of speech a capitalized word inside a person's name may be misread as
_NAME_MISREADINGS = frozenset({"ADJ", "DET", "VERB", "NOUN", "ADV", "NUM"})
# words that never belong to a participant phrase: relative and demonstrative pronouns
_STOP_LEMMAS = frozenset({"що", "це", "те", "який", "котрий", "чий"})
CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")", "-"})


@dataclass(frozen=True, eq=False)  # one object per word of the article: identity is equality (fast list.index)
class Word:
    i: int  # index in the article's word list
    start: int
    end: int
    text: str
    lemma: str  # lowercase, apostrophes unified
    pos: str
    feats: dict[str, str]

    def feat(self, name: str) -> str | None:
        return self.feats.get(name)

    @property
    def lower(self) -> str:
        return self.text.lower()

    def can_be_case(self, case: str) -> bool:
        """The chosen case, or any nominal dictionary reading of the form, is `case`."""
        chosen = self.feat("Case")
        if chosen == case:
            return True
        cases = _nominal_cases(self.text)
        return case in cases or (chosen is None and not cases)  # no case known: anything goes

    def can_be_number(self, number: str) -> bool:
        return self.feat("Number") == number or any(
            r.feat("Number") == number for r in morph.readings(self.text) if r.upos in NOMINAL_POS
        )

    @property
    def is_verb(self) -> bool:
        return self.pos in ("VERB", "AUX")

    @property
    def is_finite(self) -> bool:
        # gerunds carry a tense ('вимагаючи': Tense=Pres|VerbForm=Conv) but are not finite
        return self.is_verb and self.feat("VerbForm") == "Fin"

    @property
    def is_infinitive(self) -> bool:
        if not self.is_verb:
            return False
        if self.feat("VerbForm") == "Conv":
            return False
        return self.feat("VerbForm") == "Inf"

    @property
    def is_reflexive(self) -> bool:
        """'зустрілися', 'домовились': a reflexive verb takes no direct object."""
        return self.is_verb and self.lower.endswith(("ся", "сь"))

    @property
    def is_gerund(self) -> bool:
        return self.feat("VerbForm") == "Conv"

    @property
    def is_punct(self) -> bool:
        return self.pos == "PUNCT"


@functools.lru_cache(maxsize=100_000)
def compound_head_lemma(form: str) -> str | None:
    """'політв'язнів-кримчан' -> 'політв'язень': the lemma of a hyphenated compound's first part, which heads it."""
    head, dash, rest = form.partition("-")
    if not dash or not head or not rest:
        return None
    readings = [r for r in morph.readings(head) if r.upos in ("NOUN", "PROPN")]
    return readings[0].lemma.lower() if readings else None


@functools.lru_cache(maxsize=100_000)
def _nominal_cases(form: str) -> frozenset[str]:
    return frozenset(
        r.feat("Case") or "" for r in morph.readings(form) if r.upos in NOMINAL_POS
    ) - {""}


@dataclass
class Phrase:
    """A noun phrase: modifiers, a head, and a genitive or name tail ('уряд президента Лукашенка')."""

    words: list[Word]
    head: Word
    prep: str | None  # lemma of the preposition that governs it
    coordinated: list[Phrase] = field(default_factory=list)  # 'X та Y': the phrases after X
    counted: bool = False  # 'близько двадцяти учасників', 'двоє агентів': a count, which may be a subject

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    @property
    def first(self) -> int:
        return self.words[0].i

    @property
    def last(self) -> int:
        return self.words[-1].i

    @property
    def lemmas(self) -> list[str]:
        return [w.lemma for w in self.words]

    def members(self) -> list[Phrase]:
        return [self, *self.coordinated]

    def can_be_case(self, case: str) -> bool:
        if case == "Nom" and self.counted:
            return True  # the count, not the counted noun, carries the case of a subject
        return self.head.can_be_case(case) or (self.head.pos in ("PROPN", "X") and not self.head.feat("Case"))


@dataclass
class Clause:
    """A stretch of a sentence with (usually) one predicate."""

    words: list[Word]
    kind: str  # main, relative, gerund, subordinate
    opener: Word | None  # the relative pronoun or subordinator that opens it
    phrases: list[Phrase]
    index: int  # position among the sentence's clauses
    coordinated: bool = False  # opened by 'і', 'та', 'а', 'але' ...
    after_colon: bool = False  # 'провели обмін: додому повернулися 175 ...' elaborates the clause before

    @property
    def first(self) -> int:
        return self.words[0].i

    @property
    def last(self) -> int:
        return self.words[-1].i

    def contains(self, word: Word) -> bool:
        return self.first <= word.i <= self.last


@dataclass
class SentenceView:
    sentence: Sentence
    index: int
    paragraph: int
    words: list[Word]
    clauses: list[Clause]

    def clause_of(self, word: Word) -> Clause:
        return next(c for c in self.clauses if c.contains(word))

    def clause_index_at(self, offset: int) -> int | None:
        for clause in self.clauses:
            if clause.words[0].start <= offset < clause.words[-1].end:
                return clause.index
        return None


def words_of(analysis: Analysis) -> list[Word]:
    people = sorted((e.start, e.end) for e in analysis.entities if e.type == "PERS")
    words: list[Word] = []
    k = 0
    for token in analysis.tokens:
        if token.pos == "SPACE" or not token.text.strip():
            continue
        feats = _feats_of(token.morph)
        lemma = token.lemma.lower().replace("\u2019", "'").replace("\u02bc", "'")
        while k < len(people) and people[k][1] <= token.start:
            k += 1
        pos = token.pos
        if k < len(people) and people[k][0] <= token.start and pos in _NAME_MISREADINGS and token.text[:1].isupper():
            pos = "PROPN"  # 'Білий засудив': a surname read as an adjective (or verb) still names the person
        words.append(Word(len(words), token.start, token.end, token.text, lemma, pos, feats))
    return words


@functools.lru_cache(maxsize=20_000)
def _parsed_feats(morph_string: str) -> tuple[tuple[str, str], ...]:
    return tuple(tuple(pair.split("=", 1)) for pair in morph_string.split("|") if "=" in pair)  # type: ignore[misc]


def _feats_of(morph_string: str) -> dict[str, str]:
    return dict(_parsed_feats(morph_string))


def sentences_of(analysis: Analysis, words: list[Word], text: str, lexicon: Lexicon) -> list[SentenceView]:
    views: list[SentenceView] = []
    cursor = 0
    for index, sentence in enumerate(analysis.sentences):
        inside: list[Word] = []
        while cursor < len(words) and words[cursor].start < sentence.end:
            if words[cursor].start >= sentence.start:
                inside.append(words[cursor])
            cursor += 1
        if not inside:
            continue
        paragraph = text.count("\n", 0, sentence.start)
        views.append(SentenceView(sentence, index, paragraph, inside, clauses_of(inside, lexicon)))
    return views


def clauses_of(words: list[Word], lexicon: Lexicon) -> list[Clause]:
    """Split at clause punctuation; a piece with no predicate and no opener joins the one before."""
    pieces: list[list[Word]] = [[]]
    colons: list[bool] = [False]  # whether each piece follows a colon
    in_brackets = False  # the current piece was opened by '('
    for n, word in enumerate(words):
        if word.text == "," and pieces[-1] and _lists_names(pieces[-1], words[n + 1 :]):
            pieces[-1].append(word)  # 'Литва, Латвія та Естонія': one enumeration, kept for phrase grouping
            continue
        if word.text == ")" and in_brackets and len(pieces) > 1 and _is_aside(pieces[-1]):
            # 'Детективи бюро (НАБУ) затримали': a name in brackets belongs to the phrase before it, and the
            # clause goes on after the bracket
            pieces[-2].extend(pieces.pop())
            colons.pop()
            in_brackets = False
            continue
        if word.is_punct and word.text in CLAUSE_PUNCT:
            if pieces[-1]:
                pieces.append([])
                colons.append(word.text == ":")
            in_brackets = word.text == "("
            continue
        if word.is_punct:
            continue
        pieces[-1].append(word)
    clauses: list[Clause] = []
    colon_pending = False  # 'протест: за оцінкою організації, вийшли ...': the colon opens what follows the joined piece
    for piece, after_colon in zip(pieces, colons):
        if not piece:
            continue
        after_colon, colon_pending = after_colon or colon_pending, False
        kind, opener, coordinated = _kind_of(piece, lexicon)
        after_verbless = bool(clauses) and not any(w.is_verb for w in clauses[-1].words)
        if kind == "subordinate" and opener is not None and opener.lemma == "що" and after_verbless:
            # 'Посольства трьох країн, що виступили гарантами, висловили ...': after a verbless piece, 'що' is 'який'
            kind = "relative"
        has_predicate = any(w.is_finite or w.is_gerund for w in piece)
        if clauses and kind == "main" and not has_predicate and not coordinated:
            previous = clauses[-1]
            previous.words = previous.words + piece
            previous.phrases = previous.phrases + phrases_of(piece, lexicon)
            colon_pending = after_colon
            continue
        clauses.append(Clause(piece, kind, opener, phrases_of(piece, lexicon), len(clauses), coordinated, after_colon))
    return clauses


_LIST_LINKS = frozenset({"і", "та", "й"})
_MAX_ASIDE_WORDS = 4


def _is_aside(piece: list[Word]) -> bool:
    """'(НАБУ)', '(СШР)': a short name in brackets, no clause of its own."""
    return 0 < len(piece) <= _MAX_ASIDE_WORDS and not any(w.is_verb for w in piece)


def _lists_names(piece: list[Word], after: list[Word]) -> bool:
    """A comma inside an enumeration: names in one case on both sides, and the list closes with і/та/й.
    After a predicate, a nominative list begins a new clause ('Як заявив Зеленський, Литва та Польща ...')."""
    before = piece[-1]
    case = before.feat("Case")
    if _is_abbreviation(before) and after and len(piece) > 1 and piece[-2].pos in NOMINAL_POS:
        case = after[0].feat("Case")  # 'представники США, України та Польщі': an indeclinable tail takes the list's case
    if before.pos not in HEAD_POS or not after or after[0].pos not in NOMINAL_POS or case is None or not after[0].can_be_case(case):
        return False
    if case == "Nom" and any(w.is_finite for w in piece):
        return False
    for n, word in enumerate(after[:8]):
        if word.lemma in _LIST_LINKS and word.pos == "CCONJ":
            return n > 0 and n + 1 < len(after) and after[n + 1].pos in NOMINAL_POS
        if not (word.text == "," or (word.pos in NOMINAL_POS and word.lemma not in _STOP_LEMMAS)):
            return False
    return False


def _kind_of(piece: list[Word], lexicon: Lexicon) -> tuple[str, Word | None, bool]:
    coordinated = piece[0].lemma in lexicon.coordinators
    body = piece[1:] if coordinated else piece
    if not body:
        return "main", None, coordinated
    # 'серед яких', 'до якого', 'через порти якої': a preposition or the noun it owns may come before the pronoun
    for n, word in enumerate(body[:3]):
        if word.lemma in lexicon.relative_pronouns:
            if tuple(w.lemma for w in body[:n]) in lexicon.attribution.phrases:
                # 'за словами якого, під варту взяли ...': the pronoun is the source; the clause asserts on its own
                return "main", None, coordinated
            return "relative", word, coordinated
        if not (word.pos == "ADP" or (n > 0 and word.pos == "NOUN" and body[n - 1].pos in ("ADP", "NOUN"))):
            break
    lead = next((w for w in body[:3] if w.pos not in ("ADV", "PART")), body[0])
    if lead.is_gerund and not lead.is_finite:
        return "gerund", lead, coordinated
    if body[0].lemma in lexicon.subordinators and body[0].pos in ("SCONJ", "ADV", "PRON", "ADP", "CCONJ"):
        return "subordinate", body[0], coordinated
    return "main", None, coordinated


def phrases_of(words: list[Word], lexicon: Lexicon) -> list[Phrase]:
    """Noun phrases in order, with the preposition that governs each and 'X та Y' groups."""
    phrases: list[Phrase] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.pos not in NOMINAL_POS or word.lemma in _STOP_LEMMAS or word.lower in lexicon.idiom_words:
            i += 1
            continue
        j = i
        head: Word | None = None
        while j < len(words):
            w = words[j]
            if w.pos not in NOMINAL_POS or w.is_punct or (head is None and w.lemma in _STOP_LEMMAS) or w.lower in lexicon.idiom_words:
                break
            if head is None:
                # 'з О. Лукашенком': an initial stands before the name that heads the phrase
                if w.pos in HEAD_POS and not (_is_initial(w) and j + 1 < len(words) and words[j + 1].pos in ("PROPN", "X")):
                    head = w
                j += 1
                continue
            if head.lemma in lexicon.time_nouns:
                break  # 'минулого тижня сторони домовилися': a time phrase takes no tail
            if w.lemma in _STOP_LEMMAS:
                break
            if _continues_after_head(words[j - 1], head, w, words[j + 1] if j + 1 < len(words) else None):
                j += 1
                continue
            break
        span = words[i:j] if j > i else [word]
        head = head or span[-1]
        prep = _governing_preposition(words, i, lexicon.quantity_words)
        prep = lexicon.preposition_variants.get(prep, prep) if prep is not None else None
        # a subject count: a nominative numeral, or 'близько/понад' + genitive ('близько двадцяти учасників')
        counted = (span[0].pos == "NUM" and span[0].feat("Case") in ("Nom", None) and span[0].can_be_case("Nom")) or (
            i > 0 and words[i - 1].lemma in lexicon.quantity_words and span[0].feat("Case") == "Gen"
        )
        phrases.append(Phrase(span, head, prep, counted=counted and prep is None))
        i = max(j, i + 1)
    _group_coordination(words, phrases)
    return phrases


def _is_abbreviation(word: Word) -> bool:
    return len(word.text) > 1 and word.text.isupper() and word.text.isalpha()


def _is_initial(word: Word) -> bool:
    return len(word.text) == 2 and word.text[0].isupper() and word.text[1] == "."


def _continues_after_head(previous: Word, head: Word, w: Word, following: Word | None) -> bool:
    """After the head only a genitive tail ('уряд президента Лукашенка') or a name ('Джон Коул') goes on."""
    if w.pos == "NUM" and head.pos in ("PROPN", "X"):
        return False  # 'зустріч двох лідерів', but not 'в Харкові двох агентів': a name takes no counted tail
    if w.feat("Case") == "Gen" and w.pos != "PROPN":
        return True
    if _is_abbreviation(w) and (_is_abbreviation(previous) or not (following is not None and following.is_verb)):
        return True  # 'ВМС ЗСУ', 'представників МКЧХ': an indeclinable abbreviation is a genitive tail, not 'ЄС посилив'
    if w.pos in ("PROPN", "X"):
        if w.feat("Case") == "Gen":
            return True
        if w.feat("Foreign") == "Yes" and w.text[:1].isupper():
            return True  # a foreign name after its descriptor: "організація Transparency International"
        # apposition: 'речниця МЗС Росії Марія Захарова', 'президент Володимир Зеленський'
        if w.feat("Case") is not None and w.feat("Case") == head.feat("Case") and head is not previous:
            return True
        # 'президента Олександра Лукашенка' (mis-tagged name in a genitive chain), but not 'місяця ЄС посилив'
        if w.can_be_case("Gen") and previous.feat("Case") == "Gen" and not (following is not None and following.is_verb and head.feat("Case") == "Gen"):
            return True
        # a name goes on with the same case, or with none (foreign names, indeclinable abbreviations)
        return previous.pos in ("PROPN", "X") and (not w.feat("Case") or not previous.feat("Case") or w.feat("Case") == previous.feat("Case"))
    if w.pos == "NOUN" and w.text.isupper() and len(w.text) > 1:
        return True  # indeclinable abbreviations: 'Міністерство фінансів США'
    if w.pos in ("ADJ", "DET", "NUM") and following is not None and following.feat("Case") == "Gen" and w.can_be_case("Gen"):
        return True
    return False


def _governing_preposition(words: list[Word], i: int, quantity_words: frozenset[str]) -> str | None:
    k = i - 1
    while k >= 0 and words[k].pos in ("ADV", "PART") and words[k].lemma not in ("не",):
        k -= 1
    if k >= 0 and words[k].pos == "ADP" and words[k].lemma not in quantity_words:
        return words[k].lemma
    return None


def _group_coordination(words: list[Word], phrases: list[Phrase]) -> None:
    """'Трамп і його емісари': phrases joined by і/та/й in the same role form one group."""
    position = {w.i: n for n, w in enumerate(words)}
    k = 0
    while k < len(phrases) - 1:
        group_head = phrases[k]
        last = group_head
        # 'Лідери Франції, Німеччини та Польщі', 'зустріч Зеленського та Макрона': the genitive tail is what
        # the list goes on; each name is a member with the head's role
        tail_listed = False
        while k + 1 < len(phrases):
            nxt = phrases[k + 1]
            between = words[position[last.last] + 1 : position[nxt.first]]
            continues_tail = nxt.head.can_be_case("Gen") and (tail_listed or _ends_in_genitive_tail(last))
            if (
                len(between) == 1
                and (between[0].lemma in _LIST_LINKS or between[0].text == ",")  # ',' only stays inside enumerations
                and nxt.prep is None
                and (_same_case(last, nxt) or continues_tail)
            ):
                tail_listed = tail_listed or not _same_case(last, nxt)
                nxt.prep = group_head.prep
                group_head.coordinated.append(nxt)
                phrases.pop(k + 1)
                last = nxt
                continue
            break
        k += 1


def _same_case(a: Phrase, b: Phrase) -> bool:
    case_a, case_b = a.head.feat("Case"), b.head.feat("Case")
    if not case_a or not case_b or case_a == case_b:
        return True
    return bool(_nominal_cases(a.head.text) & _nominal_cases(b.head.text))


def _ends_in_genitive_tail(phrase: Phrase) -> bool:
    """'Лідери Франції': a head followed by a name or noun in the genitive."""
    tail = phrase.words[-1]
    return tail is not phrase.head and tail.pos in HEAD_POS and (tail.feat("Case") == "Gen" or _is_abbreviation(tail))


def quoted_words(view: SentenceView) -> frozenset[int]:
    """The words between quotation marks: '«цинічною провокацією»'."""
    inside, quoted = False, set()
    for word in view.words:
        if word.text in ("«", "»", '"', "„", "“", "”"):
            inside = word.text not in ("»", "”") and not (word.text == '"' and inside)
        elif inside:
            quoted.add(word.i)
    return frozenset(quoted)
