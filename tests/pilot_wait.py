"""Waiting in Pilot tests until what a key started has landed and been drawn (rootdir-relative import,
like private_env.py)."""

from __future__ import annotations

ROUNDS = 6  # a key's load, then the count or panel its rows start, then a write's reload: room to spare


async def settle(app, pilot) -> None:  # noqa: ANN001
    """Rounds of waiting for the app's workers, then for its messages, CPU and next frame (`pause`), until
    a round begins and ends with no worker running: a load that lands can start another one (a count, a
    side panel), and a key's handler starts its worker during the first round's pause.

    Every settle used to run three rounds, whatever was running: ~25 ms of CPU for each round with
    nothing left to wait for, ~9 s of the 128 s of CPU tests/ui took."""
    from textual.worker import WorkerCancelled

    for _ in range(ROUNDS):
        quiet = all(worker.is_finished for worker in app.workers)
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive load replaced by a newer one: what matters is the newer one
            pass
        await pilot.pause()
        if quiet and all(worker.is_finished for worker in app.workers):
            return
    raise AssertionError(f"workers still running after {ROUNDS} rounds: {[w.name for w in app.workers]}")
