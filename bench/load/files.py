"""Write N small text, Markdown and CSV files in folders, for the import during `make load`."""

import random
import sys
from pathlib import Path

WORDS = [
    "council", "staff", "leave", "policy", "parking", "permit", "housing", "repairs", "budget",
    "safeguarding", "training", "library", "contract", "procurement", "waste", "recycling",
    "schools", "planning", "licence", "payroll", "pension", "expenses", "laptop", "password",
    "building", "fire", "evacuation", "volunteers", "residents", "consultation",
]  # fmt: skip


def main(directory: str, count: str) -> None:
    root = Path(directory)
    rng = random.Random(count)
    for number in range(int(count)):
        folder = root / f"Team {number % 6}" / f"Year {2020 + number % 5}"
        folder.mkdir(parents=True, exist_ok=True)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(200, 2000)))
        kind = number % 3
        if kind == 0:
            (folder / f"note-{number}.txt").write_text(text)
        elif kind == 1:
            (folder / f"guide-{number}.md").write_text(f"# Guide {number}\n\n{text}\n")
        else:
            rows = "\n".join(f"{i},{rng.choice(WORDS)},{rng.randint(1, 999)}" for i in range(50))
            (folder / f"figures-{number}.csv").write_text(f"row,item,amount\n{rows}\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
