"""Tune the answer-shaping constants of ``rag.answering`` on the dev split only (never on test).

    .venv/bin/python evals/tune_answering.py   # accuracy and citation precision per setting, on dev
"""
import sys
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
import itertools, sys
from pathlib import Path
from rag import answering, compare, spread
from rag.config import load_config
from rag.pipeline import Pipeline
from rag.evalset import load_many
from rag.evaluation import run_pipeline
from rag.metrics import summarize
pipe = Pipeline(load_config())
qs = load_many([Path("evals/dev.jsonl")], "dev")
grid = {"SPREAD_RATIO": [0.7, 0.8, 0.9], "MAX_SPREAD": [2, 3, 4], "COMPARE_RATIO": [0.6, 0.75, 0.9]}
for vals in itertools.product(*grid.values()):
    for k, v in zip(grid, vals):  # a constant may live in rag.spread or rag.compare and be imported by rag.answering
        for mod in (answering, compare, spread):
            if hasattr(mod, k):
                setattr(mod, k, v)
    s = summarize(qs, run_pipeline(pipe, qs, 5, progress=False), 5)
    print(dict(zip(grid, vals)), round(s["answer_accuracy"], 3), round(s["citation_precision"], 3), flush=True)
