"""Actors from noun phrases: named entities, the knowledge base, descriptions, pronouns.

A phrase becomes an Actor through, in order: a knowledge-base name covering the
phrase ("Білий дім"), a linked entity inside it ("Адміністрація Дональда Трампа"
-> USA), a name the knowledge base knows that NER missed, a country adjective
("американські чиновники" -> USA), a pronoun ("його емісари" -> the person named
before), or a description of something already named ("авторитарна держава",
"силовики" -> the country the text is about at that point).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from khronika.events.lexicon import Lexicon
from khronika.events.syntax import Phrase, Word
from khronika.language import morph
from khronika.language.kb import KBEntry, KnowledgeBase, load_kb
from khronika.model import Actor, Entity
from khronika.text import for_matching

# codes of groups that are not one party a description could stand for
GROUP_CODES = frozenset({"WST", "EUR"})
# sectors of institutions that act for a state: a ministry or court with no country named is the context's
_STATE_SECTORS = frozenset({"GOV", "JUD", "MIL"})
_MAX_NAME_WORDS = 6
_QUOTES = frozenset({"«", '"', "„", "“"})
_CLOSING_QUOTES = frozenset({"»", '"', "“", "”"})


@dataclass(frozen=True)
class Mention:
    """A named thing seen at a position of the article: what descriptions and pronouns point back to."""

    start: int
    actor: Actor
    kind: str  # PERS, ORG, LOC (country or city)
    gender: str | None  # of the name's last word: pronouns agree with it


class ActorResolver:
    """Resolves phrases of one article; remembers what was named where."""

    def __init__(self, text: str, words: list[Word], entities: list[Entity], lexicon: Lexicon):
        self.text = text
        self.lexicon = lexicon
        self.kb: KnowledgeBase = load_kb()
        # linked entities (with a code) name actors; a person NER found but linking did not know
        # is still somebody ('Олена Гребенюк'); anything else is left to the knowledge base
        self._entity_of: dict[int, Entity] = {}
        self._person_of: dict[int, Entity] = {}
        self._span_of: dict[int, list[Word]] = {}  # id(entity) -> its words, indexed once per article
        starts = [w.start for w in words]
        for entity in entities:
            target = self._entity_of if entity.code else self._person_of if entity.type == "PERS" else None
            if target is None:
                continue
            first = bisect.bisect_left(starts, entity.start)
            for w in words[first:]:
                if w.start >= entity.end:
                    break
                target[w.i] = entity
                self._span_of.setdefault(id(entity), []).append(w)
        self.words = words
        self.mentions: list[Mention] = self._named_mentions(words)
        self._mention_starts = [m.start for m in self.mentions]
        # 'Секретар РНБО Рустем Умєров' -> UKR: later 'Умєров' alone is that country's too
        self._people: dict[str, Actor] = {}

    # -- what the article names -------------------------------------------------

    def stands_for_context(self, phrase: Phrase) -> bool:
        """'прокуратура', 'суд', 'силовики': a description with no name or country of its own."""
        return (
            head_is_contextual(phrase, self.lexicon)
            and not any(w.lemma in self.lexicon.actors.adversary_nouns for w in phrase.words)
            and self._named_inside(phrase) is None
            and self._country_word_in(phrase) is None
            and self._location_after(phrase) is None
        )

    def known_person_at(self, word: Word) -> Actor | None:
        """The person the knowledge base knows whose name covers this word ('Дональду Трампу')."""
        entity = self._entity_of.get(word.i)
        if entity is None or not (entity.kb or "").startswith("per:"):
            return None
        return _actor_of_entity(entity, self.text)

    def _named_mentions(self, words: list[Word]) -> list[Mention]:
        mentions: list[Mention] = []
        seen_entities: set[int] = set()
        i = 0
        while i < len(words):
            word = words[i]
            entity = self._entity_of.get(word.i)
            if entity is not None:
                if id(entity) not in seen_entities and not self._misread_person_part(entity, self._span_of[id(entity)]):
                    seen_entities.add(id(entity))
                    span = self._span_of[id(entity)]
                    known = self._lookup_words(span)
                    kind = _kind_of_entry(known) if known is not None else _kind_of_entity(entity)
                    mentions.append(Mention(entity.start, self._body_actor(entity, span), kind, span[-1].feat("Gender")))
                i += 1
                continue
            # 'Південної Кореї': a capitalized adjective may open a name the knowledge base knows
            named = self._name_opened_by(words, i) if word.pos in ("ADJ", "PROPN", "X", "NOUN") else None
            if named is not None:
                run, entry = named
                mentions.append(Mention(word.start, self._actor_of_entry(entry, run), _kind_of_entry(entry), run[-1].feat("Gender")))
                i += len(run)
                continue
            if word.pos == "ADJ":
                code = self.kb.country_of(word.lemma)
                if code is not None:  # 'грузинських міст', 'російські суди': the country is named too
                    country = Actor(word.text, word.lemma, code, None, f"country:{code}")
                    mentions.append(Mention(word.start, country, "LOC", None))
                i += 1
                continue
            if word.pos in ("PROPN", "X") or (word.pos == "NOUN" and word.text[:1].isupper()):
                run = [word]
                while i + len(run) < len(words) and words[i + len(run)].pos in ("PROPN", "X") and words[i + len(run)].i not in self._entity_of:
                    run.append(words[i + len(run)])
                entry = self._lookup_words(run)
                if entry is not None and entry.code:
                    mentions.append(Mention(word.start, self._actor_of_entry(entry, run), _kind_of_entry(entry), run[-1].feat("Gender")))
                i += len(run)
                continue
            i += 1
        return mentions

    def _name_opened_by(self, words: list[Word], i: int) -> tuple[list[Word], KBEntry] | None:
        """The whole name a capitalized adjective opens ('Південної Кореї', 'Об'єднаних Арабських Еміратів')."""
        opener = words[i]
        if not opener.text[:1].isupper():
            return None
        # the name may close with what NER found alone: 'Південного Судану' where NER saw only 'Судану'
        run = [opener]
        for following in words[i + 1 : i + _MAX_NAME_WORDS]:
            if not (following.pos in ("PROPN", "X") or (following.pos == "ADJ" and following.text[:1].isupper())):
                break
            run.append(following)
        # 'Південного' may be tagged as a proper noun with a lemma of its own: its adjective readings are tried too
        first_lemmas = dict.fromkeys([opener.lemma, *(r.lemma.lower() for r in morph.readings(opener.text) if r.upos == "ADJ")])
        for n in range(len(run), 1, -1):
            for first in first_lemmas:
                entry = _kb_entry((first, *(w.lemma for w in run[1:n])))
                if entry is not None and entry.code:
                    return run[:n], entry
        return None

    def _body_actor(self, entity: Entity, covered: list[Word]) -> Actor:
        """A linked entity as an actor; a body whose own name names another country is that country's
        ('Міністерство закордонних справ Канади' linked to a ministry of the same name elsewhere)."""
        actor = _actor_of_entity(entity, self.text, covered)
        if entity.type != "ORG" or not entity.code:
            return actor
        # the first country the name names is whose body it is ('Посольство Росії в Казахстані' is Russia's)
        for word in self._span_of[id(entity)]:
            entry = self._lookup_words([word]) if word.pos in ("PROPN", "X") else None
            if entry is not None and entry.id.startswith("country:"):
                return actor if entry.code == entity.code else Actor(actor.actorText, actor.name, entry.code, actor.sector, None)
        return actor

    def _lookup_words(self, run: list[Word]) -> KBEntry | None:
        """The knowledge-base entry of a name, or a city from the place index ('у Батумі' -> GEO)."""
        for n in range(len(run), 0, -1):
            entry = _kb_entry(tuple(w.lemma for w in run[:n]))
            if entry is not None:
                return entry
        return _place_entry(" ".join(w.lemma for w in run)) or _place_entry(" ".join(w.text for w in run))

    def _actor_of_entry(self, entry: KBEntry, run: list[Word]) -> Actor:
        return Actor(self.text[run[0].start : run[-1].end], entry.name, entry.code, entry.sector, entry.id)

    def dominant_country(self, position: int, exclude: frozenset[str] = frozenset()) -> Actor | None:
        """The country named most often before `position` (the latest on a tie): whose state acts unnamed."""
        counts: dict[str, int] = {}
        latest: dict[str, Actor] = {}
        for m in self.mentions:
            if m.start >= position:
                break
            # countries, and the people and bodies of a country, say what the text is about
            if m.actor.code not in GROUP_CODES and m.actor.code not in exclude and (m.kind == "LOC" or m.actor.sector in _STATE_SECTORS):
                counts[m.actor.code] = counts.get(m.actor.code, 0) + 1
                latest[m.actor.code] = m.actor
        if not counts:
            return self.context_country(position, exclude) if position <= len(self.text) else None
        best = max(counts.values())
        order = [m.actor.code for m in self.mentions if m.start < position and m.actor.code in counts and counts[m.actor.code] == best]
        return latest[order[-1]]

    def adversary(self) -> Actor | None:
        """'ворог': the country named most often, other than the one the text is about."""
        home = self.dominant_country(len(self.text) + 1)
        counts: dict[str, int] = {}
        latest: dict[str, Actor] = {}
        for m in self.mentions:
            if m.kind == "LOC" and m.actor.code not in GROUP_CODES and (home is None or m.actor.code != home.code):
                counts[m.actor.code] = counts.get(m.actor.code, 0) + 1
                latest[m.actor.code] = m.actor
        if not counts:
            return None
        return latest[max(counts, key=lambda code: counts[code])]

    def context_country(self, position: int, exclude: frozenset[str] = frozenset()) -> Actor | None:
        """The country (or city's country) named last before `position`, else the first named after it."""
        k = bisect.bisect_left(self._mention_starts, position) - 1
        while k >= 0:
            m = self.mentions[k]
            if m.kind == "LOC" and m.actor.code not in GROUP_CODES and m.actor.code not in exclude:
                return m.actor
            k -= 1
        # nothing named yet: the country the whole article names most
        return self.dominant_country(len(self.text) + 1) if position <= len(self.text) else None

    def last_mention(self, before: int, kinds: tuple[str, ...], exclude: frozenset[str] = frozenset()) -> Mention | None:
        k = bisect.bisect_left(self._mention_starts, before) - 1
        while k >= 0:
            m = self.mentions[k]
            if m.kind in kinds and m.actor.code not in GROUP_CODES and m.actor.code not in exclude:
                return m
            k -= 1
        return None

    # -- phrases ----------------------------------------------------------------

    def resolve_group(self, phrase: Phrase) -> list[Actor]:
        """Every member of 'X та Y', each resolved; members that are nobody are left out."""
        actors: list[Actor] = []
        previous: Actor | None = None
        for member in phrase.members():
            actor = self.resolve(member, antecedent=previous)
            if actor is not None:
                actors.append(actor)
                previous = actor
        return actors

    def resolve(self, phrase: Phrase, antecedent: Actor | None = None) -> Actor | None:
        actor = self._resolve(phrase, antecedent)
        surname = next((w.lemma for w in reversed(phrase.words) if w.pos == "PROPN" and w.feat("NameType") == "Sur"), None)
        if surname is None:
            return actor
        if actor is not None and actor.code:
            self._people.setdefault(surname, actor)
            return actor
        known = self._people.get(surname)
        if known is None:
            return actor
        text = self.text[phrase.start : phrase.end]
        return Actor(text, actor.name if actor else self.nominative(phrase), known.code, known.sector, actor.kb if actor else None)

    def _resolve(self, phrase: Phrase, antecedent: Actor | None = None) -> Actor | None:
        words = phrase.words
        text = self.text[phrase.start : phrase.end]
        # 'опозиційні депутати': the opposition, though a deputy alone sits in a state body; 'правозахисна група':
        # the adjective says what a group with no role of its own is
        adjective_sector = self._sector_of_adjectives(phrase)
        head_role = self.lexicon.actors.role_sectors.get(phrase.head.lemma)
        role_sector = "OPP" if adjective_sector == "OPP" else head_role or adjective_sector or self.kb.sector_of_word(phrase.head.lemma)
        if self._is_quoted_name(phrase):
            # '«Європейська солідарність»': a party or outlet named in quotes, not the words' country
            # the whole name must be known: a linked entity inside may come from one of its words ('Європейська')
            whole = _kb_entry(tuple(w.lemma for w in words)) or self.kb.lookup_name(text)
            if whole is not None and whole.code:
                return self._actor_of_entry(whole, words)
            return self._earlier_inflection(phrase) or Actor(text, text, None, None, None)
        occupier = self._occupier(phrase)
        if occupier is not None:
            # 'окупаційний суд у Мелітополі', 'так звана прокуратура Криму': the occupying state's authorities
            return Actor(text, self._name_of(phrase), occupier, role_sector or "GOV", None)
        named = self._named_inside(phrase) or self._earlier_inflection(phrase)
        if named is not None:
            if named.actorText == text:
                return named
            # 'американського вчителя Марка Фогеля': a person of no known country is of the country the phrase names
            code = named.code or self._country_word_in(phrase)
            return Actor(text, self._name_of(phrase), code, role_sector or named.sector, None)
        code = self._country_word_in(phrase)
        if code is not None:
            return Actor(text, self._name_of(phrase), code, role_sector or self._sector_of_adjectives(phrase), None)
        body = next((w for w in words if w.i > phrase.head.i and w.pos == "NOUN" and not w.text[:1].isupper()), None)
        described = self.described_before(Phrase([body], body, None)) if body is not None else None
        if described is not None:
            # 'речниця комітету' after 'Міжнародний комітет Червоного Хреста': the body named before
            return Actor(text, self._name_of(phrase), described.code, role_sector or described.sector, None)
        pronoun = next((w for w in words if w.lemma in self.lexicon.actors.pronouns), None)
        if pronoun is not None:
            target = antecedent or self._antecedent_of(pronoun)
            if target is not None:
                if len(words) == 1:
                    return Actor(text, target.name, target.code, target.sector, target.kb)
                return Actor(text, self._name_of(phrase), target.code, role_sector or target.sector, None)
            return None
        body = self._body_after(phrase)
        if body is not None and (phrase.head.feat("Animacy") == "Anim" or role_sector is not None or head_is_contextual(phrase, self.lexicon)):
            # 'правозахисники з Human Rights Watch', 'експерти з МАГАТЕ': people speak for the body they come from
            return Actor(text, self._name_of(phrase), body.code, body.sector, body.kb)
        located = self._location_after(phrase)
        if located is not None and (role_sector is not None or head_is_contextual(phrase, self.lexicon)):
            # 'Речник уряду в Тбілісі': the office is that country's
            return Actor(text, self._name_of(phrase), located.code, role_sector or "GOV", None)
        head = phrase.head.lemma
        if any(w.lemma in self.lexicon.actors.adversary_nouns for w in words):  # 'ворог', 'окупаційна влада'
            enemy = self.adversary()
            if enemy is not None:
                return Actor(text, self._name_of(phrase), enemy.code, "MIL", None)
        singular = phrase.head.feat("Number") != "Plur" or head in self.lexicon.actors.contextual_person
        # 'держава', 'суд' stand for the one the text is about; 'країни', 'уряди' are many, not that one
        if singular and (head in self.lexicon.actors.contextual or self.kb.sector_of_word(head) in _STATE_SECTORS):
            # 'авторитарна держава', 'силовики', 'пресслужба суду': the state the text is about there
            context = self.dominant_country(phrase.start)
            if context is not None:
                return Actor(text, self._name_of(phrase), context.code, role_sector or "GOV", None)
        if role_sector is not None or self._sector_of_adjectives(phrase):
            return Actor(text, self._name_of(phrase), None, role_sector or self._sector_of_adjectives(phrase), None)
        return None

    def _earlier_inflection(self, phrase: Phrase) -> Actor | None:
        """'за даними «Вясни»' after 'центр «Вясна»': a name the tagger could not lemmatize is another form
        of a name already known in the text (same words up to their endings)."""
        names = [w for w in phrase.words if _looks_like_name(w)]
        if not names or len(names) != len(phrase.words) or phrase.words[0].pos not in ("PROPN", "X", "NOUN"):
            return None
        forms = [w.text.lower() for w in names]
        for mention in reversed(self.mentions[: bisect.bisect_left(self._mention_starts, phrase.start)]):
            if mention.actor.kb is None:
                continue
            for name in (mention.actor.actorText, mention.actor.name):
                known = name.lower().replace("«", " ").replace("»", " ").split()
                if len(known) == len(forms) and all(_same_stem(a, b) for a, b in zip(forms, known)):
                    text = self.text[phrase.start : phrase.end]
                    return Actor(text, mention.actor.name, mention.actor.code, mention.actor.sector, mention.actor.kb)
        return None

    def described_before(self, phrase: Phrase) -> Actor | None:
        """'комітету' after 'Міжнародний комітет Червоного Хреста': a common noun that is a word of a
        name already given stands for that name."""
        head = phrase.head.lemma
        for mention in reversed(self.mentions[: bisect.bisect_left(self._mention_starts, phrase.start)]):
            if mention.actor.kb is not None and mention.kind not in ("LOC", "PERS"):
                entry = self.kb.lookup_name(mention.actor.name)  # 'МКЧХ' is spelt out in the knowledge base
                names = {mention.actor.name, entry.name if entry is not None else ""}
                if any(_same_stem(head, word) for name in names for word in name.lower().split()):
                    return mention.actor
        return None

    def _is_quoted_name(self, phrase: Phrase) -> bool:
        """The phrase is exactly a quoted name with no linked entity inside."""
        opened = self.text[max(0, phrase.start - 1) : phrase.start] in _QUOTES
        closed = self.text[phrase.end : phrase.end + 1] in _CLOSING_QUOTES
        capitalized = phrase.words[0].text[:1].isupper()  # '«адекватну відповідь»' is a quotation, not a name
        return opened and closed and capitalized

    def _is_occupation_marker(self, word: Word) -> bool:
        occupation = self.lexicon.actors
        if word.lemma in occupation.occupation_markers:
            return True
        so, called = occupation.so_called
        return word.lemma == called and word.i > 0 and self.words[word.i - 1].lemma == so

    def _occupied_place_after(self, phrase: Phrase) -> bool:
        """'суд в окупованому Донецьку': the place after the phrase is marked as occupied."""
        following = phrase.words[-1].i + 1
        return following + 1 < len(self.words) and self.words[following].lemma in ("в", "у") and self._is_occupation_marker(self.words[following + 1])

    def _occupier(self, phrase: Phrase) -> str | None:
        """The state that occupies the place of an authority marked as occupational or seated in a place
        known to be occupied ('суд у Сімферополі'), else None."""
        if not (head_is_contextual(phrase, self.lexicon) or self._role_sector(phrase.head) in _STATE_SECTORS):
            return None  # 'окупований Херсон' is the place itself, not its authorities
        following = phrase.words[-1].i + 1
        if following < len(self.words) and self.words[following].lemma in ("в", "у"):
            seated = self._occupier_of_place(self.words[following + 1 : following + 4])
            if seated is not None:
                return seated
        if not (any(self._is_occupation_marker(w) for w in phrase.words) or self._occupied_place_after(phrase)):
            return None
        place = self._named_inside(phrase) or self._location_after(phrase) or self.dominant_country(phrase.start)
        return self.lexicon.actors.occupiers.get(place.code or "") if place is not None else None

    def _occupier_of_place(self, words: list[Word]) -> str | None:
        """'окупованому Криму', 'Мелітополі': the occupier of a place known to be occupied."""
        if words and self._is_occupation_marker(words[0]):
            words = words[1:]
        state = self.lexicon.actors.occupied_places.get(words[0].lemma) if words else None
        return self.lexicon.actors.occupiers.get(state) if state is not None else None

    def _body_after(self, phrase: Phrase) -> Actor | None:
        """The organisation the knowledge base knows, named right after the phrase with 'з' / 'із' / 'зі'."""
        following = phrase.words[-1].i + 1
        if following + 1 >= len(self.words) or self.words[following].lemma not in ("з", "із", "зі"):
            return None
        entity = self._entity_of.get(self.words[following + 1].i)
        if entity is not None:
            return _actor_of_entity(entity, self.text) if entity.type == "ORG" else None
        run = self._proper_run(following + 1)
        entry = self._lookup_words(run) if run else None
        return self._actor_of_entry(entry, run) if entry is not None and entry.type == "ORG" else None

    def _proper_run(self, start: int) -> list[Word]:
        """Up to three name words from word `start` on."""
        run = []
        for word in self.words[start : start + 3]:
            if word.pos not in ("PROPN", "X"):
                break
            run.append(word)
        return run

    def _location_after(self, phrase: Phrase) -> Actor | None:
        following = phrase.words[-1].i + 1
        if following + 1 >= len(self.words) or self.words[following].lemma not in ("в", "у"):
            return None
        place = following + 1
        if self._is_occupation_marker(self.words[place]) and place + 1 < len(self.words):
            place += 1  # 'в окупованому Донецьку': the place follows its marker
        run = self._proper_run(place)
        entity = self._entity_of.get(self.words[place].i)
        if entity is not None and entity.code:
            return _actor_of_entity(entity, self.text)
        entry = self._lookup_words(run) if run else None
        return self._actor_of_entry(entry, run) if entry is not None and entry.code else None

    def location_of_clause(self, words: list[Word]) -> Actor | None:
        """'в Гродно затримали', 'В Ірані утримують': the state of the place where it happens (locative)."""
        for k, word in enumerate(words[:-1]):
            if word.lemma in ("в", "у", "на") and words[k + 1].feat("Case") in ("Loc", None):
                occupier = self._occupier_of_place(words[k + 1 : k + 3])
                if occupier is None and self._is_occupation_marker(words[k + 1]):
                    occupied = self.location_of_clause([word, *words[k + 2 :]])
                    occupier = self.lexicon.actors.occupiers.get(occupied.code or "") if occupied is not None else None
                if occupier is not None:
                    # 'в окупованому Криму затримали', 'у Мелітополі засудили': the occupying state acts there
                    place = words[k + 2] if self._is_occupation_marker(words[k + 1]) and k + 2 < len(words) else words[k + 1]
                    return Actor(self.text[words[k + 1].start : place.end], place.lemma, occupier, "GOV", None)
                if self._is_occupation_marker(words[k + 1]):
                    continue
                # 'у білоруських колоніях': a country adjective names whose place it is
                adjective = words[k + 1] if words[k + 1].pos == "ADJ" else None
                code = self.kb.country_of(adjective.lemma) if adjective is not None else None
                if code is not None and code not in GROUP_CODES:
                    return Actor(adjective.text, adjective.lemma, code, None, f"country:{code}")
                run = []
                for w in words[k + 1 : k + 4]:
                    if w.pos not in ("PROPN", "X") and not (w.pos == "ADJ" and w.text[:1].isupper()):
                        break
                    run.append(w)
                if not run:
                    continue
                entity = self._entity_of.get(run[0].i)
                if entity is not None and entity.code:
                    return _actor_of_entity(entity, self.text)
                entry = self._lookup_words([w for w in run if w.pos != "ADJ"] or run)
                if entry is not None and entry.code and entry.code not in GROUP_CODES:
                    return self._actor_of_entry(entry, run)
        return None

    def _named_inside(self, phrase: Phrase) -> Actor | None:
        """Names inside the phrase: linked entities and knowledge-base names over any stretch of it.

        A country named in it wins over a generic institution ('МЗС Литви' -> LTU,
        'Міністерство фінансів США' -> USA)."""
        found: list[tuple[Actor, str]] = []
        seen: set[int] = set()
        for word in phrase.words:
            entity = self._entity_of.get(word.i)
            # a body the knowledge base knows stands for itself even without a country: 'правозахисники з Human Rights Watch'
            if entity is None or id(entity) in seen or not (entity.code or entity.type == "PERS" or entity.kb is not None):
                continue
            seen.add(id(entity))
            covered = [w for w in phrase.words if self._entity_of.get(w.i) is entity]
            if self._misread_person_part(entity, covered):
                continue
            opener = covered[0].i - 1
            widened = self._name_opened_by(self.words, opener) if opener >= 0 and self.words[opener] in phrase.words else None
            if widened is not None and widened[1].code != entity.code:
                # 'Міністр юстиції Південного Судану': the adjective before the entity is part of the country's name
                found.append((self._actor_of_entry(widened[1], widened[0]), _kind_of_entry(widened[1])))
                continue
            found.append((self._body_actor(entity, covered), _kind_of_entity(entity)))
        free = [w for w in phrase.words if w.i not in self._entity_of]
        k = 0
        while k < len(free):
            for n in range(min(_MAX_NAME_WORDS, len(free) - k), 0, -1):
                span = free[k : k + n]
                if any(b.i != a.i + 1 for a, b in zip(span, span[1:])):
                    continue
                if not any(_looks_like_name(w) for w in span):
                    continue  # names of institutions have a capital or an abbreviation in them
                entry = self._lookup_words(span) if n == 1 else _kb_entry(tuple(w.lemma for w in span))
                in_person_name = (
                    entry is not None and entry.type != "PERS" and not entry.id.startswith("country:") and self._part_of_person_name(span, phrase.words)
                )
                if entry is not None and entry.code and not in_person_name:
                    found.append((self._actor_of_entry(entry, span), _kind_of_entry(entry)))
                    k += n
                    break
            else:
                k += 1
        if not found:
            person = next((self._person_of[w.i] for w in phrase.words if w.i in self._person_of), None)
            if person is None:
                return None
            covered = [w for w in phrase.words if self._person_of.get(w.i) is person]
            return _actor_of_entity(person, self.text, covered)
        # 'Голова МЗС Маргус Цахкна': a person whose country is known is that country's, whatever the title says
        people = [actor for actor, kind in found if kind == "PERS" and actor.code]
        if people:
            return people[0]
        countries = [actor for actor, kind in found if kind == "LOC"]
        return countries[0] if countries and len(found) > 1 else found[0][0]

    def _misread_person_part(self, entity: Entity, span: list[Word]) -> bool:
        """A body or a place NER found inside a person's name ('Вагнер' of 'Тереза Каїквамба Вагнер')."""
        if entity.type == "PERS" or (entity.kb or "").startswith("country:"):
            return False
        return self._part_of_person_name(span, self._proper_run_around(span))

    def _proper_run_around(self, span: list[Word]) -> list[Word]:
        """The proper nouns standing together with the span: 'Тереза Каїквамба Вагнер'."""
        first, last = span[0].i, span[-1].i
        while first > 0 and self.words[first - 1].pos == "PROPN":
            first -= 1
        while last + 1 < len(self.words) and self.words[last + 1].pos == "PROPN":
            last += 1
        return self.words[first : last + 1]

    def _part_of_person_name(self, span: list[Word], around: list[Word]) -> bool:
        """A part of a person's full name is no town nor body ('вчителя Марка Фогеля' is not Marka, Somalia;
        'Тереза Каїквамба Вагнер' no mercenary group): NER's person covers more than the span, or the span's words
        are given names or surnames in a longer run of them. A city alone may be mistaken for a person
        ('закликала Тбілісі'), and a country is never a part of a name ('Сейм Литви' misread as a person)."""
        if any(len(self._span_of[id(self._person_of[w.i])]) > len(span) for w in span if w.i in self._person_of):
            return True
        names = [w for w in around if w.pos == "PROPN" and w.feat("NameType") in ("Giv", "Sur", "Patr")]
        return len(names) > len(span) and all(w in names for w in span)

    def _country_word_in(self, phrase: Phrase) -> str | None:
        """'американські чиновники' -> USA; every dictionary lemma of the form is tried ('російська' read as a noun)."""
        if self.text[max(0, phrase.start - 1) : phrase.start] in _QUOTES:
            return None  # a quoted name ('«Європейська солідарність»') is a party, not Europe
        for word in phrase.words:
            if word.pos in ("ADJ", "NOUN", "PROPN"):
                for lemma in (word.lemma, *(r.lemma.lower() for r in morph.readings(word.text) if r.upos in ("ADJ", "NOUN"))):
                    code = self.kb.country_of(lemma)
                    if code is not None:
                        return code
        # 'Кишинівський суд', 'Сеульська правозахисна група': an adjective of a city names that city's country
        return next((code for word in phrase.words if word.pos == "ADJ" for code in [_city_country(word)] if code), None)

    def _sector_of_adjectives(self, phrase: Phrase) -> str | None:
        for word in phrase.words:
            if word is not phrase.head and word.pos == "ADJ":
                sector = self.lexicon.actors.role_sectors.get(word.lemma)
                if sector is not None:
                    return sector
        return None

    def _role_sector(self, head: Word) -> str | None:
        return self.lexicon.actors.role_sectors.get(head.lemma) or self.kb.sector_of_word(head.lemma)

    def _antecedent_of(self, pronoun: Word) -> Actor | None:
        """The last thing named before the pronoun that agrees with it in gender ('вона' -> 'Росія')."""
        gender = pronoun.feat("Gender") if pronoun.feat("Number") != "Plur" else None
        agreeing = [
            m
            for m in self.mentions[: bisect.bisect_left(self._mention_starts, pronoun.start)]
            if m.actor.code not in GROUP_CODES and (gender is None or m.gender in (None, gender))
        ]
        if not agreeing:
            return None
        # 'він', 'його' stand for a person when one was named recently ('Він закликав ...')
        if pronoun.lemma in ("він", "його") or (pronoun.lemma == "вона" and gender == "Fem"):
            people = [m for m in agreeing[-4:] if m.kind == "PERS"]
            if people:
                return people[-1].actor
        return agreeing[-1].actor

    def is_person(self, phrase: Phrase, actor: Actor) -> bool:
        """A named person speaks (speaker); institutions and outlets report (reporter)."""
        if actor.kb is not None:
            return actor.kb.startswith("per:")
        entity = self._entity_of.get(phrase.head.i) or self._person_of.get(phrase.head.i)
        if entity is not None and self._lookup_words([w for w in phrase.words if w.pos in ("PROPN", "X")]) is None:
            return entity.type == "PERS"
        if phrase.head.lemma in self.lexicon.actors.pronouns:
            return any(m.actor.name == actor.name and m.kind == "PERS" for m in self.mentions)
        return phrase.head.pos == "PROPN" and phrase.head.feat("NameType") in ("Giv", "Sur")

    def name_of_words(self, words: list[Word]) -> str:
        """A name as the knowledge base spells it, else as written ('«Вясни»' -> 'Вясна')."""
        entry = self._lookup_words(words)
        return entry.name if entry is not None else self.text[words[0].start : words[-1].end]

    def nominative_word(self, word: Word) -> str:
        return _to_nominative(word, self.text[word.start : word.end])

    def nominative(self, phrase: Phrase) -> str:
        """The phrase as a name in the nominative: 'української влади' -> 'українська влада'."""
        head_position = phrase.words.index(phrase.head)
        parts = []
        for n, word in enumerate(phrase.words):
            surface = self.text[word.start : word.end]
            parts.append(_to_nominative(word, surface) if n <= head_position else surface)
        return " ".join(parts)

    def _name_of(self, phrase: Phrase) -> str:
        return self.nominative(phrase)


_OPENCORPORA_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Voc": "voct"}


@functools.lru_cache(maxsize=50_000)
def _inflected_nominative(form: str, lemma: str, case: str | None) -> str | None:
    parses = [p for p in morph.analyzer().parse(form.lower()) if for_matching(p.normal_form) == lemma]
    wanted = _OPENCORPORA_CASE.get(case or "")
    parses.sort(key=lambda p: wanted is None or wanted not in p.tag)
    for parse in parses:
        inflected = parse.inflect({"nomn"})
        if inflected is not None:
            return inflected.word
    return None


def _to_nominative(word: Word, surface: str) -> str:
    if word.feat("Case") in (None, "Nom") or word.pos not in ("NOUN", "PROPN", "ADJ", "DET", "NUM"):
        return surface
    nominative = _inflected_nominative(surface, word.lemma, word.feat("Case"))
    if nominative is None:
        return surface
    return nominative[:1].upper() + nominative[1:] if surface[:1].isupper() else nominative


@functools.lru_cache(maxsize=50_000)
def _kb_entry(lemmas: tuple[str, ...]) -> KBEntry | None:
    """Knowledge-base lookups repeat across articles: cached (the knowledge base is loaded once)."""
    return load_kb().lookup(list(lemmas))


@functools.lru_cache(maxsize=50_000)
def _place_entry(name: str) -> KBEntry | None:
    place = load_kb().place(name)
    if place is None or not place.country:
        return None
    return KBEntry(id=f"place:{place.name}", name=place.name, type="LOC", code=place.country)


# adjective endings of city names and what the name ends in instead: 'сеульський' -> 'Сеул', 'варшавський' ->
# 'Варшава', 'мінський' -> 'Мінськ', 'тбіліський' -> 'Тбілісі', 'бішкецький' -> 'Бішкек', 'паризький' -> 'Париж'
_CITY_ADJECTIVE_ENDINGS = (("ський", ("", "а", "ськ", "сі")), ("цький", ("к", "ця")), ("зький", ("ж", "га")))


@functools.lru_cache(maxsize=10_000)
def _city_country_of_lemma(lemma: str, capitalized: bool) -> str | None:
    for ending, replacements in _CITY_ADJECTIVE_ENDINGS:
        if not lemma.endswith(ending) or len(lemma) <= len(ending) + 2:
            continue
        stem = lemma[: -len(ending)].removesuffix("ь")  # 'сеульський' -> 'сеул'
        for replacement in replacements:
            name = stem + replacement
            entry = _kb_entry((name,))
            if entry is not None and entry.id.startswith("loc:") and entry.code:
                return entry.code  # a city the knowledge base knows
            # the place index is wide ('братський' is also Bratsk): only a capitalized adjective is taken to it
            place = _place_entry(name[:1].upper() + name[1:]) if capitalized else None
            if place is not None:
                return place.code
    return None


def _city_country(word: Word) -> str | None:
    return _city_country_of_lemma(word.lemma, word.text[:1].isupper())


def _same_stem(form: str, known: str) -> bool:
    """Two forms of one word: they differ only in an ending of up to two letters ('вясни', 'вясна')."""
    common = 0
    for a, b in zip(form, known):
        if a != b:
            break
        common += 1
    return common >= 4 and max(len(form), len(known)) - common <= 2


def _looks_like_name(word: Word) -> bool:
    return word.pos in ("PROPN", "X") or word.text[:1].isupper() or (word.text.isupper() and len(word.text) > 1)


def head_is_contextual(phrase: Phrase, lexicon: Lexicon) -> bool:
    return phrase.head.lemma in lexicon.actors.contextual


def _actor_of_entity(entity: Entity, text: str, covered: list[Word] | None = None) -> Actor:
    actor_text = text[covered[0].start : covered[-1].end] if covered else entity.text
    return Actor(actor_text, entity.name, entity.code, entity.sector, entity.kb)


def _kind_of_entity(entity: Entity) -> str:
    return "LOC" if entity.type == "LOC" else entity.type


def _kind_of_entry(entry: KBEntry) -> str:
    if entry.id.startswith("country:") or (entry.type == "LOC"):
        return "LOC"
    return entry.type
