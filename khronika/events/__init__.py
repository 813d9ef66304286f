"""Events stage: PLOVER records from the language and values layers (DESIGN §3).

`extract(article, analysis, values)` finds event cues (lemmas of the event
lexicon, khronika/data/lexicons/events.json) in each clause, and for each cue
its actor, recipient, magnitude, time, status and attribution. Event nouns
('обмін', 'переговори') make a record only when a verb makes them happen
('провели обмін', 'обмін може відбутися') or puts them up for discussion
('обговорюють можливе звільнення'); a cue that is the content of a request or
refusal ('закликав звільнити') is part of that record, not another one.
"""

from khronika.events.extractor import extract

__all__ = ["extract"]
