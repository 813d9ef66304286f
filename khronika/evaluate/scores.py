"""Precision, recall and F1 from counts: the arithmetic every evaluation shares."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass
class Counts:
    """Matched predictions, all predictions and all gold items of one measure."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, matched: int, predicted: int, gold: int) -> None:
        self.matched += matched
        self.predicted += predicted
        self.gold += gold

    def to_dict(self) -> dict[str, float | int]:
        return {
            "matched": self.matched, "predicted": self.predicted, "gold": self.gold,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


def total(parts: Iterable[Counts]) -> Counts:
    summed = Counts()
    for part in parts:
        summed.add(part.matched, part.predicted, part.gold)
    return summed
