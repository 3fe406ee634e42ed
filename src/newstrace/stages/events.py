"""Stage 'events' (not yet written)."""


def run(ctx) -> None:
    return None
