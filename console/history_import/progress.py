"""How far an import has come, and the admin's wish to stop it: one small object the
import writes (from the loop or a worker thread) and the dialog reads on a timer.
Stopping is asked for, and honoured between steps: the transaction then rolls back,
so a cancelled import leaves nothing behind."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.errors import ConsoleError

READING, CHECKING, CREATING, WRITING, EVENTS, DONE = (
    "reading", "checking", "creating", "writing", "events", "done")


class ImportCancelled(ConsoleError):
    """The admin stopped the import; nothing of it was saved."""

    code = "import.cancelled"


@dataclass
class Progress:
    stage: str = READING
    done: int = 0
    total: int = 0  # 0 while the size is not known
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True

    def check(self) -> None:
        """Stop here if the admin asked to (raises ``ImportCancelled``)."""
        if self.cancelled:
            raise ImportCancelled("the import was cancelled")

    def begin(self, stage: str, total: int = 0) -> None:
        self.check()
        self.stage, self.done, self.total = stage, 0, total

    def advance(self, n: int) -> None:
        self.done += n
        self.check()
