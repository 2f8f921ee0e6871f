"""jieba.posseg's Viterbi search, the same computation written for speed.

posseg tags a run of characters its dictionary does not know (潭门镇, 将某) by a Viterbi search over
256 (position, tag) states, in Python: for each character, each state the character may take is
scored from every state the character before took, though from most of them the model has no
transition (jieba adds minus infinity for those), with a tuple and a generator for each pair.
Here each state looks only at the states before that lead into it (the transition table read backwards,
once, and intersected with the states before by one set operation in C): Python visits only the pairs
that score (on the 2 MB corpus an eighth of those the table holds, five times faster than a test each);
a state that no earlier state leads into is dropped, as jieba's intersection with the states that may
come next drops it.

The words and tags are the same, bit for bit: each candidate's score is the same three numbers added
in the same order (score before + transition + emission), the best is the same (the highest score,
then the greater state on a tie, as `max` over (score, state) chooses), and the pairs left out
score minus infinity, which never wins where another pair is finite (scores before and transitions
are finite). Where none of the character's states can follow (jieba then widens the choice to every
state that may come next) the run is handed to jieba's own search. tests/test_pos_viterbi.py holds
it against jieba's."""

from __future__ import annotations

from collections.abc import Callable

MIN_FLOAT = -3.14e100  # jieba's score of an emission the model never saw
NO_LEADS: dict = {}  # (a state no state leads into)


def predecessors(trans_p: dict) -> dict:
    """state → {a state that leads into it: the transition's score}, from jieba's transition table."""
    into: dict = {}
    for before, transitions in trans_p.items():
        for state, score in transitions.items():
            into.setdefault(state, {})[before] = score
    return into


class PosViterbi:
    """A stand-in for jieba.posseg.viterbi.viterbi, for the transition table `trans_p` (posseg's);
    any other table, and the rare run described above, go to `jieba_viterbi`."""

    def __init__(self, trans_p: dict, jieba_viterbi: Callable) -> None:
        self.trans_p = trans_p
        self.into = predecessors(trans_p)
        self.jieba_viterbi = jieba_viterbi

    def __call__(self, obs, states, start_p, trans_p, emit_p):
        if trans_p is not self.trans_p:
            return self.jieba_viterbi(obs, states, start_p, trans_p, emit_p)
        all_states = trans_p.keys()
        first = {y: start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT) for y in states.get(obs[0], all_states)}
        V, mem_path = [first], [dict.fromkeys(first, "")]
        for char in obs[1:]:
            scores, path = self._step(V[-1], char, states.get(char, all_states), emit_p)
            if not scores:
                return self.jieba_viterbi(obs, states, start_p, trans_p, emit_p)
            V.append(scores)
            mem_path.append(path)
        prob, state = max((V[-1][y], y) for y in mem_path[-1].keys())
        route = [None] * len(obs)
        for i in range(len(obs) - 1, -1, -1):
            route[i] = state
            state = mem_path[i][state]
        return prob, route

    def _step(self, before: dict, char: str, candidates, emit_p: dict) -> tuple[dict, dict]:
        """The best score of each state `char` may take, and the state before it on that path. The states
        before that lead into a state are found by one intersection of two key sets (in C; an eighth
        of the states that lead into one were taken before); the best of them is the highest
        (score, state), whatever order they come in."""
        scores, path = {}, {}
        keys = before.keys()
        for y in candidates:
            leads = self.into.get(y, NO_LEADS)
            common = keys & leads.keys()
            if not common:
                continue
            emit = emit_p[y].get(char, MIN_FLOAT)
            best = state = None
            for y0 in common:
                score = before[y0] + leads[y0] + emit
                if best is None or score > best or (score == best and y0 > state):
                    best, state = score, y0
            scores[y], path[y] = best, state
        return scores, path
