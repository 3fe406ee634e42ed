"""One event per act: the same act told again (in the headline, the lede and a quoted report) is merged
into its first mention, which keeps the date and place a later mention gives."""

from __future__ import annotations

from typing import Optional

from ...model import ActorRef, Event


def merge_repeats(events: list[Event]) -> list[Event]:
    """One event per act: a later mention of the same act (same CAMEO code, same doer, same target, same
    negation and intention, no date that disagrees) is dropped, as the same veto told in the headline, the
    lede and a quoted report is one veto. The first mention stays and takes the date and place a later one
    gives ('vetoed on Friday')."""
    kept: list[Event] = []
    for ev in events:
        same = next((k for k in kept if same_act(k, ev)), None)
        if same is None:
            kept.append(ev)
            continue
        if same.date is None and ev.date is not None:
            same.date, same.date_text = ev.date, ev.date_text
            if same.via is None and ev.via is not None:
                same.via, same.voice = ev.via, ev.voice  # the dated report is the one that relays it
        if same.location is None and ev.location is not None:
            same.location = ev.location
    return kept


def same_act(a: Event, b: Event) -> bool:
    """The same kind of act (the CAMEO code's two-digit root: 'called on the U.S. to cut arms' and 'is
    pushing the U.S. to cut arms' are one appeal) by the same doer to the same target."""
    return (
        ((a.cameo or "")[:2], a.type, a.negated, a.modality == "intended")
        == ((b.cameo or "")[:2], b.type, b.negated, b.modality == "intended")
        and same_actor(a.source, b.source)
        and same_actor(a.target, b.target)
        and (a.date is None or b.date is None or a.date == b.date)
    )


def same_actor(a: Optional[ActorRef], b: Optional[ActorRef]) -> bool:
    """The same actor, or a state and its government as CAMEO codes them ('ISR' and 'ISRGOV': Israel and
    its prime minister, the United States and Joe Biden), which a dyad counts as one party."""
    if a is None or b is None:
        return a is b
    if (a.entity or a.name) == (b.entity or b.name):
        return True
    if a.entity and b.entity and len(a.code or "") == 3 and len(b.code or "") == 3:
        return False  # two named parties with only a country's code ('Sean Parker', 'Chamath Palihapitiya': USA)
    if a.code and a.code == b.code and (len(a.code) in (3, 6) and a.code[3:] in ("", "GOV") or a.code[:3] == "IGO"):
        return True  # 'the Israeli government' and its prime minister (ISRGOV); the EU and its foreign-policy chief
    codes = {a.code or "", b.code or ""}
    return len(codes) == 2 and any(len(c) == 3 and c + "GOV" in codes for c in codes)
