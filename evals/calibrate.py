"""Calibrate the abstention thresholds on the dev split only (never on test).

    .venv/bin/python evals/calibrate.py            # prints the best thresholds found on dev

Runs every dev question once through the pipeline, keeps the abstention signals from
``--debug``, then searches a grid of thresholds for the fewest mistakes: an unanswerable
question answered, or an answerable one refused (weighted ``FALSE_ABSTENTION_COST``,
because a wrong refusal of an ordinary question is the worse failure for a reader).
Copy the result into ``rag/abstain.py`` by hand, and report test numbers afterwards.
"""

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag import abstain  # noqa: E402
from rag.abstain import Unknown  # noqa: E402
from rag.config import load_config  # noqa: E402
from rag.evalset import load_many  # noqa: E402
from rag.evaluation import ask_in_context  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402

FALSE_ABSTENTION_COST = 2.0
GRID = {"HARD_FLOOR": [0.15, 0.2, 0.25], "SIM_FLOOR": [0.3, 0.35, 0.4], "OFF_TOPIC_OVERLAP": [0.1, 0.2, 0.3, 0.4], "MIN_BEST_OVERLAP": [0.1, 0.15, 0.25, 0.34], "SIM_OK": [0.45, 0.5, 0.55, 0.6],
        "REQUIRE_TYPED": [False, True],
        "MOSTLY_UNKNOWN": [0.7, 0.8, 0.9, 1.01], "MOSTLY_UNKNOWN_SIM": [0.35, 0.4, 0.45]}


def signals(pipe, questions):
    rows = []
    for q in questions:
        a = ask_in_context(pipe, q, 5)
        d = a.debug
        if "best_sim" not in d:  # decided before the thresholds (no content terms, count of the unknown)
            continue
        rows.append((q, d))
    return rows


def cost(rows, th) -> float:
    for k, v in th.items():
        setattr(abstain, k, v)
    c = 0.0
    for q, d in rows:
        u = Unknown(d["entities"], d["rare"], d["everyday"])
        refused = bool(abstain.abstain_reason(abstain.Evidence(u, d["unknown_share"], d["best_overlap"],
                                                               d["full_overlap"], d["best_sim"], d["counted"],
                                                               d["typed_found"])))
        c += (FALSE_ABSTENTION_COST if refused else 0) if q.answerable else (0 if refused else 1)
    return c


def main():
    cfg = load_config()
    pipe = Pipeline(cfg)
    qs = load_many([Path("evals/dev.jsonl")], "dev")
    rows = signals(pipe, qs)
    keys = list(GRID)
    now = {k: getattr(abstain, k) for k in keys}
    best = min((dict(zip(keys, vals)) for vals in itertools.product(*GRID.values())), key=lambda th: (cost(rows, th),
               sum(abs(th[k] - now[k]) for k in keys)))
    print(f"dev questions with signals: {len(rows)}; cost now {cost(rows, now):.1f}, best {cost(rows, best):.1f}")
    print({k: best[k] for k in keys})


if __name__ == "__main__":
    main()
