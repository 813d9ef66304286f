"""Dates: absolute, partial, relative and vague expressions as inclusive intervals.

Every expression becomes DateExpr(date_start, date_end, precision) against the
publication date. Where the text leaves the year (or week) open — "у вересні",
"26 листопада", "навесні", "у понеділок", "днями" — the tense of the clause
picks it: past -> the latest fitting period that has begun by publication,
future -> the earliest that has not ended, present or no verb -> the nearest
one (a tie goes to the past).

Patterns are built once from khronika/data/lexicons/dates.json; overlapping
matches resolve to the longest, leftmost.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from khronika.model import DateExpr
from khronika.values import lexicon
from khronika.values.grammar import Morphology

Interval = tuple[date, date]
_B = r"(?<![\w'])"  # word start
_E = r"(?![\w'])"  # word end
_E_YEAR = r"(?![\w'\-–])"  # end of a year: not "1990-х", not "2022–2024"


def _alternation(forms: Iterable[str]) -> str:
    """A non-capturing group matching any of `forms`, longest first; spaces match any whitespace."""
    words = sorted(set(forms), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


# --- calendar arithmetic ----------------------------------------------------------------


def _month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _week_interval(day: date) -> Interval:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _period(published: date, unit: str, offset: int) -> Interval:
    """The week (Monday-Sunday), month or year `offset` periods from the one of publication."""
    if unit == "week":
        return _week_interval(published + timedelta(weeks=offset))
    if unit == "month":
        return _month_interval(*_shift_month(published.year, published.month, offset))
    return date(published.year + offset, 1, 1), date(published.year + offset, 12, 31)


def _part_of_month(year: int, month: int, part: lexicon.PeriodPart) -> Interval:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, part.first_day), date(year, month, min(part.last_day, last))


def _season_interval(season: lexicon.Season, start_year: int) -> Interval:
    end_year, end_month = _shift_month(start_year, season.first_month, 2)
    return date(start_year, season.first_month, 1), _month_interval(end_year, end_month)[1]


def pick(candidates: list[Interval], tense: str | None, published: date) -> Interval:
    """The candidate period the tense points at (see the module docstring)."""
    candidates = sorted(candidates)
    if tense == "past":
        begun = [c for c in candidates if c[0] <= published]
        return begun[-1] if begun else candidates[0]
    if tense == "future":
        open_ = [c for c in candidates if c[1] >= published]
        return open_[0] if open_ else candidates[-1]

    def distance(c: Interval) -> tuple[int, int]:
        if c[0] <= published <= c[1]:
            return 0, 0
        gap = (c[0] - published).days if c[0] > published else (published - c[1]).days
        return gap, int(c[0] > published)

    return min(candidates, key=distance)


# --- patterns ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    interval: Interval
    precision: str


@dataclass(frozen=True)
class _Context:
    published: date
    tense: Callable[[], str | None]  # the clause's tense, computed only when asked
    antecedent: DateExpr | None = None  # the date found last before this one
    genitive_follows: Callable[[], bool] = lambda: False  # a genitive noun or adjective right after the match


Handler = Callable[[re.Match[str], _Context], _Found | None]


class _Vocabulary:
    """Lookups from surface forms to meanings, and the regex fragments built from them."""

    def __init__(self) -> None:
        raw = lexicon.dates()
        numbers = lexicon.numbers()
        self.month_of: dict[str, int] = {}
        for month in lexicon.months():
            for form in (month.nominative, month.genitive, *month.locative):
                self.month_of[form] = month.number
        self.season_of: dict[str, lexicon.Season] = {}
        for season in lexicon.seasons():
            for form in (*season.adverbs, season.genitive, *season.locative):
                self.season_of[form] = season
        self.weekday_of = {}
        for day in raw["weekdays"]:
            self.weekday_of[day["accusative"]] = day["number"]
            self.weekday_of[day["genitive"]] = day["number"]
        self.deictic: dict[str, int] = raw["deictic"]
        self.day_words: dict[str, int] = raw["day_words"]
        self.unit_of = {form: unit for unit, forms in raw["units"].items() for form in forms}
        self.part_of = {" ".join(p.split()): part for part in lexicon.period_parts() for p in part.phrases}
        part_by_name = {part.name: part for part in lexicon.period_parts()}
        self.part_of.update({noun: part_by_name[name] for noun, name in raw["part_nouns"].items()})
        self.same_unit_of: dict[str, str] = raw["same_units"]
        self.shift_of: dict[str, int] = raw["anaphoric_shifts"]
        self.since_words = frozenset(raw["since_words"])
        self.named_day = {name: date.fromisoformat(day) for name, day in raw["named_dates"].items()}
        self.ordinal_of: dict[str, int] = raw["anniversary_ordinals"]
        self.reach: dict[str, int] = raw["vague_reach"]
        self.lately: dict[str, int] = raw["lately"]
        self.always_forward = frozenset(raw["always_forward"])
        self.count_of: dict[str, tuple[float, float]] = {f: (v, v) for f, v in numbers.cardinals.items()}
        self.count_of.update({f: (v, v) for f, v in numbers.fractions.items()})
        self.count_of.update({f: (c.min, c.max) for f, c in numbers.vague.items() if c.max < 100})
        self.count_of.update({f: (low, high) for f, (low, high) in raw["extra_counts"].items()})
        self.not_before_day_words = frozenset(raw["not_a_date_before_day_words"])

        months = lexicon.months()
        self.MONTH_GEN = _alternation(m.genitive for m in months)
        self.MONTH_NOM = _alternation(m.nominative for m in months)
        self.MONTH_LOC = _alternation(form for m in months for form in m.locative)
        seasons = lexicon.seasons()
        self.SEASON_ADV = _alternation(a for s in seasons for a in s.adverbs)
        self.SEASON_GEN = _alternation(s.genitive for s in seasons)
        self.WEEKDAY_ACC = _alternation(d["accusative"] for d in raw["weekdays"])
        self.WEEKDAY_GEN = _alternation(d["genitive"] for d in raw["weekdays"])
        self.DEICTIC = _alternation(self.deictic)
        self.DAY_WORDS = _alternation(self.day_words)
        self.TIMES = _alternation(raw["times_of_day"])
        self.UNITS = _alternation(self.unit_of)
        self.PARTS = _alternation(self.part_of)
        self.RECENT = _alternation(raw["recent_words"])
        self.UPCOMING = _alternation(raw["upcoming_words"])
        self.LATELY = _alternation(self.lately)
        self.DURATION = _alternation(raw["duration_words"])
        self.AGO = _alternation(raw["ago_words"])
        self.LATER = _alternation(raw["later_words"])
        self.UNTIL_END = _alternation(raw["until_end_words"])
        self.SINCE_START = _alternation(raw["since_start_words"])
        self.WEEKEND = _alternation(raw["weekend_words"])
        self.SAME = _alternation(raw["same_words"])
        self.SAME_UNITS = _alternation(self.same_unit_of)
        self.SHIFTS = _alternation(self.shift_of)
        self.NIGHT = _alternation(raw["night_words"])
        self.LAST_YEAR_ADJ = _alternation(raw["last_year_adjectives"])
        self.NAMED = _alternation(self.named_day)
        self.ORDINALS = _alternation(self.ordinal_of)
        self.ANNIVERSARY = _alternation(raw["anniversary_words"])
        self.YEAR_WORD = _alternation(raw["year_words"])
        self.YEARS_WORD = _alternation(raw["years_words"])
        # at most three digits: "протягом 2015 року" is a year, not 2015 years
        self.COUNT = rf"(?:\d{{1,3}}|{_alternation(self.count_of)}(?:\s+{_alternation(numbers.cardinals)})*)"

    def count(self, text: str | None) -> tuple[float, float]:
        """(min, max) of a count written in digits or words; no count means one."""
        if not text:
            return 1, 1
        if text.isdigit():
            return float(text), float(text)
        low = high = 0.0
        for word in text.split():
            word_low, word_high = self.count_of.get(word, (0, 0))
            low, high = low + word_low, high + word_high
        return low, high


@functools.cache
def _vocabulary() -> _Vocabulary:
    return _Vocabulary()


def _year_of(match: re.Match[str], v: _Vocabulary, published: date) -> int | None:
    """The year a pattern states: digits ("2024 року") or a deictic ("цього року")."""
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("ydeictic"):
        return published.year + v.deictic[groups["ydeictic"]]
    return None


def _month_in_context(month: int, match: re.Match[str], v: _Vocabulary, ctx: _Context) -> tuple[int, int]:
    year = _year_of(match, v, ctx.published)
    if year is None:
        years = range(ctx.published.year - 1, ctx.published.year + 2)
        year = pick([_month_interval(y, month) for y in years], ctx.tense(), ctx.published)[0].year
    return year, month


def _day_in_context(day: int, month: int, match: re.Match[str], v: _Vocabulary, ctx: _Context) -> date | None:
    year = _year_of(match, v, ctx.published)
    years = [year] if year else list(range(ctx.published.year - 1, ctx.published.year + 2))
    candidates = []
    for y in years:
        if day <= calendar.monthrange(y, month)[1]:
            candidates.append((date(y, month, day), date(y, month, day)))
    return pick(candidates, ctx.tense(), ctx.published)[0] if candidates else None


# handlers: each turns a match into an interval ---------------------------------------------


def _iso(m: re.Match[str], ctx: _Context) -> _Found | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return _Found((day, day), "day")


def _dotted(m: re.Match[str], ctx: _Context) -> _Found | None:
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    try:
        last = date(year, int(m["m"]), int(m["d"]))
        first = date(year, int(m["m"]), int(m["d1"])) if m.groupdict().get("d1") else last
    except ValueError:
        return None
    return _Found((first, last), "days" if first != last else "day")


def _day_range(m: re.Match[str], ctx: _Context) -> _Found | None:
    v = _vocabulary()
    end_month = v.month_of[m["m"]]
    start_month = v.month_of[m["m1"]] if m.groupdict().get("m1") else end_month
    last = _day_in_context(int(m["d2"]), end_month, m, v, ctx)
    if last is None:
        return None
    start_year = last.year - (1 if start_month > end_month else 0)
    try:
        first = date(start_year, start_month, int(m["d1"]))
    except ValueError:
        return None
    return _Found((first, last), "days") if first < last else None


def _day(m: re.Match[str], ctx: _Context) -> _Found | None:
    v = _vocabulary()
    day = _day_in_context(int(m["d"]), v.month_of[m["m"]], m, v, ctx)
    return _Found((day, day), "day") if day else None


def _period_part(m: re.Match[str], ctx: _Context) -> _Found:
    """на початку лютого, наприкінці цього місяця, в середині тижня, наприкінці 2024 року."""
    v = _vocabulary()
    part = v.part_of[" ".join(m["part"].split())]
    published = ctx.published
    groups = m.groupdict()
    if groups.get("m"):
        year, month = _month_in_context(v.month_of[m["m"]], m, v, ctx)
        return _Found(_part_of_month(year, month, part), "part_of_month")
    offset = v.deictic[m["deictic"]] if m["deictic"] else 0  # "наприкінці місяця": the current one
    if m["unit"] == "місяця":
        year, month = _shift_month(published.year, published.month, offset)
        return _Found(_part_of_month(year, month, part), "part_of_month")
    if m["unit"] == "тижня":
        monday = _period(published, "week", offset)[0]
        first, last = part.weekdays
        return _Found((monday + timedelta(days=first), monday + timedelta(days=last)), "days")
    year = int(m["year"]) if m["year"] else published.year + offset
    first_month, last_month = part.months
    return _Found((date(year, first_month, 1), _month_interval(year, last_month)[1]), "vague")


def _to_period_edge(m: re.Match[str], ctx: _Context) -> _Found:
    """до кінця року (publication .. its end), з початку місяця (its start .. publication);
    a named month or season is the one still open ("до кінця жовтня") or begun ("з початку весни")."""
    v = _vocabulary()
    published = ctx.published
    until = m["edge"].startswith("до")
    tense = "future" if until else "past"
    groups = m.groupdict()
    if groups.get("m"):
        year, month = _month_in_context(v.month_of[m["m"]], m, v, _Context(published, lambda: tense))
        period = _month_interval(year, month)
    elif groups.get("season"):
        season = v.season_of[m["season"]]
        years = range(published.year - 2, published.year + 2)
        period = pick([_season_interval(season, y) for y in years], tense, published)
    else:
        offset = v.deictic[m["deictic"]] if m["deictic"] else 0
        period = _period(published, v.unit_of[m["unit"]], offset)
    if until:
        return _Found((min(published, period[1]), period[1]), "vague")
    return _Found((period[0], max(published, period[0])), "vague")


def _month(m: re.Match[str], ctx: _Context) -> _Found:
    v = _vocabulary()
    year, month = _month_in_context(v.month_of[m["m"]], m, v, ctx)
    return _Found(_month_interval(year, month), "month")


def _year_range(m: re.Match[str], ctx: _Context) -> _Found | None:
    first, last = int(m["y1"]), int(m["y2"])
    return _Found((date(first, 1, 1), date(last, 12, 31)), "year") if first < last else None


def _year(m: re.Match[str], ctx: _Context) -> _Found:
    year = int(m["year"])
    return _Found((date(year, 1, 1), date(year, 12, 31)), "year")


def _decade(m: re.Match[str], ctx: _Context) -> _Found:
    first = int(m["decade"])
    return _Found((date(first, 1, 1), date(first + 9, 12, 31)), "year")


def _season(m: re.Match[str], ctx: _Context) -> _Found:
    v = _vocabulary()
    season = v.season_of[m["season"]]
    published = ctx.published
    year = _year_of(m, v, published)
    if year is not None:
        start_year = year - (1 if season.first_month == 12 else 0)
        return _Found(_season_interval(season, start_year), "season")
    candidates = [_season_interval(season, y) for y in range(published.year - 2, published.year + 2)]
    offset = v.deictic.get(m.groupdict().get("deictic") or "")
    if offset == -1:  # минулої осені: the last one over before publication
        interval = [c for c in candidates if c[1] < published][-1]
    elif offset == 1:  # наступної весни: the first one not yet begun
        interval = [c for c in candidates if c[0] > published][0]
    elif offset == 0:  # цієї зими: the one of the current season-year
        season_year = published.year - (1 if season.first_month == 12 and published.month <= 2 else 0)
        interval = _season_interval(season, season_year)
    else:
        interval = pick(candidates, ctx.tense(), published)
    return _Found(interval, "season")


def _season_of_year_word(m: re.Match[str], ctx: _Context) -> _Found:
    """торік навесні / влітку цьогоріч: the season of last (this) year."""
    season = _vocabulary().season_of[m["season"] or m["season2"]]
    year = ctx.published.year - (1 if (m["word"] or m["word2"]) == "торік" else 0)
    return _Found(_season_interval(season, year - (1 if season.first_month == 12 else 0)), "season")


def _weekday(m: re.Match[str], ctx: _Context) -> _Found:
    """у понеділок (by tense), минулої середи, наступної суботи, цієї п'ятниці."""
    v = _vocabulary()
    published = ctx.published
    weekday = v.weekday_of[m["wd"]]
    offset = v.deictic.get(m.groupdict().get("deictic") or "")
    if offset is not None:
        # that day of the previous / this / next week: a day of this week already past
        # would be "у середу" or "вчора", not "минулої середи"
        day = _period(published, "week", offset)[0] + timedelta(days=weekday)
    else:
        near = [published + timedelta(days=k) for k in range(-7, 8)]
        day = pick([(d, d) for d in near if d.weekday() == weekday], ctx.tense(), published)[0]
    return _Found((day, day), "day")


def _day_word(m: re.Match[str], ctx: _Context) -> _Found | None:
    v = _vocabulary()
    before = m.string[: m.start()].split()
    if before and before[-1] in v.not_before_day_words:
        return None  # на сьогодні, до сьогодні: "to date"
    day = ctx.published + timedelta(days=v.day_words[m["dw"]])
    return _Found((day, day), "day")


def _back(published: date, unit: str, count: float) -> date:
    """The start of a span reaching `count` units back from publication."""
    if unit == "month":
        return date(*_shift_month(published.year, published.month, -int(count)), 1)
    if unit == "year":
        return date(published.year - int(count), 1, 1)
    return published - timedelta(days=count * (7 if unit == "week" else 1))


def _forward(published: date, unit: str, count: float) -> date:
    if unit == "month":
        return _month_interval(*_shift_month(published.year, published.month, int(count)))[1]
    if unit == "year":
        return date(published.year + int(count), 12, 31)
    return published + timedelta(days=count * (7 if unit == "week" else 1))


def _reach(m: re.Match[str]) -> tuple[str, float]:
    """(unit, how many units) of "останніми днями", "за останні два тижні", "найближчого місяця"."""
    v = _vocabulary()
    unit = v.unit_of[m["unit"]]
    if m["count"]:
        return unit, v.count(m["count"])[1]
    if not _plural_unit(m["unit"]):
        return unit, 1
    reach = v.reach[unit]  # weeks reach in days, the others in their own units
    return unit, reach / 7 if unit == "week" else reach


def _recent(m: re.Match[str], ctx: _Context) -> _Found:
    unit, count = _reach(m)
    return _Found((_back(ctx.published, unit, count), ctx.published), "vague")


def _upcoming(m: re.Match[str], ctx: _Context) -> _Found:
    unit, count = _reach(m)
    return _Found((ctx.published, _forward(ctx.published, unit, count)), "vague")


def _plural_unit(form: str) -> bool:
    return form.endswith(("ями", "ами", "ів", "ях", "ах", "і", "и"))


def _lately(m: re.Match[str], ctx: _Context) -> _Found:
    v = _vocabulary()
    word = " ".join(m["word"].split())
    reach = timedelta(days=v.lately[word])
    if word in v.always_forward or ctx.tense() == "future":
        return _Found((ctx.published, ctx.published + reach), "vague")
    return _Found((ctx.published - reach, ctx.published), "vague")


def _duration(m: re.Match[str], ctx: _Context) -> _Found | None:
    v = _vocabulary()
    if not m["count"] and _plural_unit(m["unit"]):
        return None  # "упродовж років": for years, anchored nowhere
    unit = v.unit_of[m["unit"]]
    count = v.count(m["count"])[1]
    days = count * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
    span = timedelta(days=days)
    if ctx.tense() == "future":
        return _Found((ctx.published, ctx.published + span), "vague")
    return _Found((ctx.published - span, ctx.published), "vague")


def _shifted(m: re.Match[str], ctx: _Context, direction: int) -> _Found:
    """три дні тому / через тиждень: the day, week, month or year that far away."""
    v = _vocabulary()
    if not m["count"] and _plural_unit(m["unit"]):
        return None  # "років тому" after a count we cannot read
    unit = v.unit_of[m["unit"]]
    low, high = v.count(m["count"])
    if unit == "day":
        ends = [(ctx.published + timedelta(days=direction * n),) * 2 for n in (low, high)]
    else:
        ends = [_period(ctx.published, unit, direction * int(n)) for n in (low, high)]
    return _Found((min(ends)[0], max(ends)[1]), unit if low == high else "vague")


def _deictic_period(m: re.Match[str], ctx: _Context) -> _Found:
    """минулого місяця / у наступному році / торік: one pattern, three spellings."""
    groups = m.groupdict()
    v = _vocabulary()
    deictic = groups["deictic"] or groups["deictic_loc"]
    unit_form = groups["unit"] or groups["unit_loc"]
    offset = v.deictic[deictic] if deictic else (0 if groups["word"] == "цьогоріч" else -1)
    unit = v.unit_of[unit_form] if unit_form else "year"
    return _Found(_period(ctx.published, unit, offset), unit)


def _weekend(m: re.Match[str], ctx: _Context) -> _Found:
    """минулими вихідними / на наступних вихідних / на вихідних (by tense)."""
    v = _vocabulary()
    published = ctx.published
    deictic = m["deictic"] or m["deictic_na"]
    offset = v.deictic[deictic] if deictic else {"past": -1, "future": 1}.get(ctx.tense() or "", 0)
    this_saturday = _week_interval(published)[0] + timedelta(days=5)
    if offset < 0:  # the last Saturday-Sunday wholly before publication
        late = this_saturday + timedelta(days=1) < published
        saturday = this_saturday if late else this_saturday - timedelta(weeks=1)
    elif offset > 0:  # the first weekend still to come
        saturday = this_saturday if this_saturday > published else this_saturday + timedelta(weeks=1)
    else:
        saturday = this_saturday
    return _Found((saturday, saturday + timedelta(days=1)), "days")


def _same_as_before(m: re.Match[str], ctx: _Context) -> _Found | None:
    """того ж дня / того ж тижня: the day (week, month, year) of the date before."""
    if ctx.antecedent is None:
        return None
    day = ctx.antecedent.date_end
    unit = _vocabulary().same_unit_of[m["unit"]]
    if unit == "day":
        return _Found((day, day), "day")
    return _Found(_period(day, unit, 0), unit)


def _time_of_day(m: re.Match[str], ctx: _Context) -> _Found | None:
    """увечері, вранці standing alone: on the day mentioned before; right after a date
    ("в середу ввечері") it only narrows that date and is not one of its own."""
    if ctx.antecedent is None or not m.string[ctx.antecedent.end : m.start()].strip():
        return None
    return _Found((ctx.antecedent.date_end, ctx.antecedent.date_end), "day")


def _shifted_from_before(m: re.Match[str], ctx: _Context) -> _Found | None:
    """наступного дня / напередодні: a day after or before the date before."""
    word = " ".join(m["shift"].split())
    shift = _vocabulary().shift_of[word]
    if ctx.antecedent is None:
        return None
    if shift < 0 and ctx.genitive_follows():
        return None  # "напередодні (парламентських) виборів": the eve of a named event
    day = (ctx.antecedent.date_start if shift < 0 else ctx.antecedent.date_end) + timedelta(days=shift)
    return _Found((day, day), "day")


def _named(m: re.Match[str], ctx: _Context) -> _Found:
    """від початку повномасштабного вторгнення (since, vague); у третю річницю ... (that day)."""
    v = _vocabulary()
    day = v.named_day[" ".join(m["named"].split())]
    if m["ordinal"]:
        years = v.ordinal_of[m["ordinal"]]
        day = day.replace(year=day.year + years)
        return _Found((day, day), "day")
    return _Found((day, max(day, ctx.published)), "vague")


def _night(m: re.Match[str], ctx: _Context) -> _Found:
    """в ніч на суботу: from Friday to Saturday, the Saturday chosen by tense."""
    weekday = _vocabulary().weekday_of[m["wd"]]
    near = [ctx.published + timedelta(days=k) for k in range(-7, 8)]
    day = pick([(d, d) for d in near if d.weekday() == weekday], ctx.tense(), ctx.published)[0]
    return _Found((day - timedelta(days=1), day), "days")


_SINCE_RE = re.compile(r"(?<![\w'])(?P<word>[^\W\d_]+)\s+$")
_RANGE_END_RE = re.compile(r"\s*(?:[–—-]|(?:до|по)\s)")


def _since_start(text: str, start: int, end: int) -> int | None:
    """Where "з" / "від" before text[start:end] begins ("з 2022 року", "від кінця листопада"),
    or None; not for ranges ("з 2022 до 2024 року"). ("до 31 грудня" stays a day: the dev
    gold keeps deadlines as the date itself; only "до кінця ..." is a vague span.)"""
    before = _SINCE_RE.search(text, max(0, start - 6), start)
    if before is None or before["word"] not in _vocabulary().since_words or _RANGE_END_RE.match(text, end):
        return None
    return before.start()


def _since_interval(found: _Found, published: date) -> _Found | None:
    """Since a period begun: its start .. publication; since one to come ("з наступного року"): that period."""
    first, last = found.interval
    if found.precision == "vague":
        return None
    return _Found((first, published) if first <= published else (first, last), "vague")


def _since_period(m: re.Match[str], ctx: _Context) -> _Found:
    """з листопада, від весни 2022 року: a month or season that is over or under way (read as past)."""
    v = _vocabulary()
    if m["m"]:
        year, month = _month_in_context(v.month_of[m["m"]], m, v, ctx)
        return _Found(_month_interval(year, month), "month")
    season = v.season_of[m["season"]]
    year = _year_of(m, v, ctx.published)
    years = [year] if year else range(ctx.published.year - 2, ctx.published.year + 2)
    return _Found(pick([_season_interval(season, y) for y in years], "past", ctx.published), "season")


@functools.cache
def _patterns() -> list[tuple[re.Pattern[str], Handler]]:
    v = _vocabulary()
    year_opt = (
        rf"(?:\s+(?P<year>\d{{4}})(?:\s*-?(?:го|му))?(?:\s+{v.YEAR_WORD})?"
        rf"|\s+(?P<ydeictic>{v.DEICTIC})\s+року)?{_E}"
    )
    to = r"\s*(?:[–—-]|\s(?:по|до)\s)\s*"
    since = r"(?:(?:з|із|від)\s+)?"
    table: list[tuple[str, Handler]] = [
        (rf"{_B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){_E}", _iso),
        (rf"{_B}(?:(?P<d1>\d{{1,2}})\s*[–—-]\s*)?(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})(?:\s+{v.YEAR_WORD})?{_E}", _dotted),
        (rf"{_B}{since}(?P<d1>\d{{1,2}})\s+(?P<m1>{v.MONTH_GEN}){to}(?P<d2>\d{{1,2}})\s+(?P<m>{v.MONTH_GEN}){year_opt}", _day_range),
        (rf"{_B}{since}(?P<d1>\d{{1,2}}){to}(?P<d2>\d{{1,2}})\s+(?P<m>{v.MONTH_GEN}){year_opt}", _day_range),
        (rf"{_B}(?P<d>\d{{1,2}})(?:-?го)?\s+(?P<m>{v.MONTH_GEN}){year_opt}", _day),
        (rf"{_B}(?P<part>{v.PARTS})\s+(?P<m>{v.MONTH_GEN}){year_opt}", _period_part),
        (rf"{_B}(?P<part>{v.PARTS})\s+(?:(?P<deictic>{v.DEICTIC})\s+|(?P<year>\d{{4}})\s+)?(?P<unit>місяця|тижня|року){_E}", _period_part),
        (rf"{_B}(?P<edge>{v.UNTIL_END}|{v.SINCE_START})\s+(?:(?P<deictic>{v.DEICTIC})\s+)?(?P<unit>тижня|місяця|року){_E}", _to_period_edge),
        (rf"{_B}(?P<edge>{v.UNTIL_END}|{v.SINCE_START})\s+(?:(?P<m>{v.MONTH_GEN}){year_opt}|(?P<season>{v.SEASON_GEN}){_E})", _to_period_edge),
        (rf"{_B}(?:(?P<m>{v.MONTH_GEN})|(?P<season>{v.SEASON_GEN})){year_opt}", _since_period),
        (rf"{_B}(?:{v.SINCE_START}|(?:у|в)\s+(?P<ordinal>{v.ORDINALS})\s+{v.ANNIVERSARY})\s+(?P<named>{v.NAMED}){_E}", _named),
        (rf"{_B}(?P<same>{v.SAME})\s+(?P<unit>{v.SAME_UNITS}){_E}", _same_as_before),
        (rf"{_B}(?P<shift>{v.SHIFTS}){_E}", _shifted_from_before),
        (rf"{_B}{v.TIMES}{_E}", _time_of_day),
        (rf"{_B}{v.NIGHT}\s+(?P<wd>{v.WEEKDAY_ACC}|{v.WEEKDAY_GEN}){_E}", _night),
        (rf"{_B}(?:у|в|во)\s+(?P<m>{v.MONTH_LOC}){year_opt}", _month),
        (rf"{_B}за\s+(?P<m>{v.MONTH_NOM}){year_opt}", _month),
        (rf"{_B}(?P<m>{v.MONTH_GEN}|{v.MONTH_NOM})\s+(?P<year>\d{{4}})(?:\s+{v.YEAR_WORD})?{_E}", _month),
        (rf"{_B}(?:(?:у|в)\s+)?(?P<y1>\d{{4}})\s*[–—-]\s*(?P<y2>\d{{4}})(?:\s*-?х)?\s+{v.YEARS_WORD}{_E}", _year_range),
        (rf"{_B}(?:(?:у|в)\s+)?(?P<year>\d{{4}})(?:\s*-?(?:го|му|й))?\s+{v.YEAR_WORD}{_E}", _year),
        (rf"{_B}(?:у|в)\s+(?P<year>(?:19|20)\d\d)(?:-?му)?{_E_YEAR}", _year),
        (rf"{_B}(?:у|в)\s+(?P<decade>(?:19|20)\d0)-?(?:х|ті|тих){_E}(?:\s+{v.YEARS_WORD}{_E})?", _decade),
        (rf"{_B}(?P<deictic>{v.DEICTIC})\s+(?P<season>{v.SEASON_GEN}){_E}", _season),
        (rf"{_B}(?:(?P<word>торік|цьогоріч)\s+(?P<season>{v.SEASON_ADV})|(?P<season2>{v.SEASON_ADV})\s+(?P<word2>торік|цьогоріч)){_E}", _season_of_year_word),
        (rf"{_B}(?P<season>{v.SEASON_ADV})(?:\s+(?P<year>\d{{4}})(?:\s+{v.YEAR_WORD})?|\s+(?P<ydeictic>{v.DEICTIC})\s+року)?{_E}", _season),
        (rf"{_B}(?:(?P<deictic>{v.DEICTIC})\s+(?P<unit>тижня|місяця|року)|(?:на|у|в)\s+(?P<deictic_loc>{v.DEICTIC})\s+(?P<unit_loc>тижні|місяці|році)|(?P<word>торік|цьогоріч|{v.LAST_YEAR_ADJ})){_E}", _deictic_period),
        (rf"{_B}(?:на\s+(?:(?P<deictic_na>{v.DEICTIC})\s+)?{v.WEEKEND}|(?P<deictic>{v.DEICTIC})\s+{v.WEEKEND}){_E}", _weekend),
        (rf"{_B}(?:у|в|во)\s+(?P<wd>{v.WEEKDAY_ACC}){_E}", _weekday),
        (rf"{_B}(?P<deictic>{v.DEICTIC})\s+(?P<wd>{v.WEEKDAY_GEN}){_E}", _weekday),
        (rf"{_B}(?P<dw>{v.DAY_WORDS})(?:\s+{v.TIMES})?{_E}", _day_word),
        (rf"{_B}{v.RECENT}\s+(?:(?P<count>{v.COUNT})\s+)?(?P<unit>{v.UNITS}){_E}", _recent),
        (rf"{_B}{v.UPCOMING}\s+(?:(?P<count>{v.COUNT})\s+)?(?P<unit>{v.UNITS}){_E}", _upcoming),
        (rf"{_B}(?P<word>{v.LATELY}){_E}", _lately),
        (rf"{_B}{v.DURATION}\s+(?:(?P<count>{v.COUNT})\s+)?(?P<unit>{v.UNITS}){_E}", _duration),
        (rf"{_B}(?:(?P<count>{v.COUNT})\s+)?(?P<unit>{v.UNITS})\s+{v.AGO}{_E}", lambda m, c: _shifted(m, c, -1)),
        # "через кілька днів після того, як ...": counted from an event, not from publication
        (rf"{_B}{v.LATER}\s+(?:(?P<count>{v.COUNT})\s+)?(?P<unit>{v.UNITS}){_E}(?!\s+після{_E})", lambda m, c: _shifted(m, c, 1)),
    ]
    return [(re.compile(pattern), handler) for pattern, handler in table]


def is_duration(expr: DateExpr) -> bool:
    """"протягом двох тижнів": a span counted back or ahead, whose count is also a quantity."""
    return re.match(rf"(?:{_vocabulary().DURATION})\s", expr.text.lower()) is not None


def find_dates(text: str, original: str, morphology: Morphology, published: date) -> list[DateExpr]:
    """Date expressions in `text` (matching text), with spans into `original`."""
    lowered = text.lower()
    matches: list[tuple[int, int, re.Match[str], Handler]] = []
    for pattern, handler in _patterns():
        for match in pattern.finditer(lowered):
            matches.append((match.start(), match.end(), match, handler))
    matches.sort(key=lambda item: (item[0], item[0] - item[1]))
    found: list[DateExpr] = []
    taken_until = 0
    for start, end, match, handler in matches:
        if start < taken_until:
            continue
        # the last single day mentioned, else the last span of days
        antecedent = next((d for d in reversed(found) if d.precision == "day"), None) or next(
            (d for d in reversed(found) if d.precision == "days"), None
        )
        since = _since_start(lowered, start, end) if handler is not _to_period_edge else None
        tense: Callable[[], str | None] = functools.cache(lambda s=start, e=end: morphology.clause_tense(s, e))
        if since is not None:  # since a period: it has begun, unless the clause looks ahead
            tense = lambda clause_tense=tense: "future" if clause_tense() == "future" else "past"
        elif handler is _since_period:
            continue  # a bare genitive month ("листопада") is a date only after "з"/"від"
        genitive_follows = functools.partial(morphology.genitive_follows, end)
        result = handler(match, _Context(published, tense, antecedent, genitive_follows))
        if result is None:
            continue
        opened = _since_interval(result, published) if since is not None else None
        if opened is not None:
            start, result = since, opened
        found.append(DateExpr(start, end, original[start:end], result.interval[0], result.interval[1], result.precision))
        taken_until = end
    return found
