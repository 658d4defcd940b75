"""Choose the thresholds of :func:`marsad.events.subtype.arbitrate` on cross-validation.

    nice -n 10 .venv/bin/python training/subtype/train.py --oof /tmp/oof.npz
    nice -n 10 .venv/bin/python training/subtype/tune.py --oof /tmp/oof.npz [--rules-cache /tmp/rules.json]

The rules' lead sub-type of every training note comes from the real pipeline
with the classifier switched off (eval/snippets.py's ``pipeline_leads``);
the model's opinion is its out-of-fold probability (train.py --oof), so no
note is judged by a model that saw it.  Every policy on a small grid is
scored by support-weighted F1 over all notes, ``none`` counted as a class
(so supplying an event for a threat costs), and the best few are printed;
then ``supply_read`` (a note without a rules' lead whose first sentence the
rules read as a vow, a negation, a habit or an event they dropped, as
:mod:`marsad.events.opinion` sees it) is chosen for the best of them.
The winner goes into :class:`marsad.events.subtype.Policy` by hand.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from pathlib import Path
from typing import Sequence

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent / "eval"))

from marsad.events.subtype import NONE_CLASS, Policy, arbitrate, prediction_of  # noqa: E402
from train import weighted_f1  # noqa: E402

GRID = {
    "switch": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1.01],
    "override": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1.01],
    "supply": [0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 1.01],
    "veto": [0.2, 0.4, 0.6, 0.8, 1.01],
}


def pipeline_leads(texts: Sequence[str]) -> list[str | None]:
    """The rules' lead sub-type of each text: eval/snippets.py's real-pipeline run, classifier off."""
    from snippets import pipeline_leads as leads_of

    leads = leads_of([{"id": f"n{i}", "text": t} for i, t in enumerate(texts)], classifier=False)
    return [leads[f"n{i}"] for i in range(len(texts))]


def rules_for(texts: Sequence[str], cache: Path | None) -> list[str | None]:
    if cache is not None and cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored.get("texts") == list(texts):
            return stored["leads"]
    leads = pipeline_leads(texts)
    if cache is not None:
        cache.write_text(json.dumps({"texts": list(texts), "leads": leads}, ensure_ascii=False), encoding="utf-8")
    return leads


SUPPLY_READ = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01]


def first_read(texts: Sequence[str]) -> list[bool]:
    """Whether the rules read a trigger (any mood) in each text's first sentence."""
    from marsad.events.detect import Mood
    from marsad.events.sentences import split_sentences
    from marsad.events.views import view_of

    read = []
    for text in texts:
        sentences = split_sentences(text)
        read.append(bool(sentences) and view_of(0, sentences[0], None).reading.mood is not Mood.NONE)
    return read


def policy_score(policy: Policy, gold: Sequence[str], rules: Sequence[str | None], predictions: Sequence,
                 read: Sequence[bool] | None = None) -> float:
    read = read or [False] * len(gold)
    answers = [arbitrate(rule, p, policy=policy, rules_read=r) or NONE_CLASS
               for rule, p, r in zip(rules, predictions, read)]
    return weighted_f1(gold, answers)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--oof", type=Path, required=True)
    parser.add_argument("--rules-cache", type=Path)
    args = parser.parse_args(argv)
    with np.load(args.oof) as data:
        classes = tuple(str(c) for c in data["classes"])
        probabilities, texts, gold = data["probabilities"], [str(t) for t in data["texts"]], [str(g) for g in data["gold"]]
    predictions = [prediction_of(classes, row) for row in probabilities]
    rules = rules_for(texts, args.rules_cache)
    print(f"rules alone: weighted F1 {weighted_f1(gold, [r or NONE_CLASS for r in rules]):.3f}")
    print(f"model alone: weighted F1 {weighted_f1(gold, [p.sub_event_type or NONE_CLASS for p in predictions]):.3f}")
    read = first_read(texts)
    scored = []
    for values in itertools.product(*GRID.values()):
        policy = Policy(**dict(zip(GRID, values)), supply_read=1.01)
        if policy.override >= policy.switch:
            scored.append((policy_score(policy, gold, rules, predictions, read), policy))
    scored.sort(key=lambda item: (-item[0], repr(item[1])))
    for value, policy in scored[:10]:
        print(f"{value:.4f}  {policy}")
    print(f"default {policy_score(Policy(), gold, rules, predictions, read):.4f}  {Policy()}")
    print(f"notes without a rules' lead whose first sentence the rules read: "
          f"{sum(r and rule is None for r, rule in zip(read, rules))}")
    for value in SUPPLY_READ:
        policy = dataclasses.replace(scored[0][1], supply_read=value)
        print(f"{policy_score(policy, gold, rules, predictions, read):.4f}  {policy}")


if __name__ == "__main__":
    main()
