"""What the morning's keys do: each opens a form or runs one write through `app.run_write`.

The forms are imported when a key first asks for one (and warmed in a thread after start, see
ui/app.py): the morning is the first screen, and its imports delay the first frame.
"""

from __future__ import annotations

from typing import Any

from textual import work


def _forms() -> Any:
    from ..modals import task_forms

    return task_forms


class MorningActions:
    """Mixed into MorningScreen; the panes' bindings call these as `screen.<action>`."""

    app: Any

    def _table(self, pane: str) -> Any:
        return self.query_one(f"#{pane}").table  # type: ignore[attr-defined]

    def _marks_refuse(self, pane: str, what: str, for_all: str) -> bool:
        """For a key that works on one row: True, saying why, when rows other than the cursor's are marked.
        The marks say "the next action applies to these", and acting on the cursor's row alone while they
        stay lit would do something else than they promise. `for_all` names the keys that take them all."""
        table = self._table(pane)
        row = table.current_row
        if not table.marked or (row is not None and set(table.marked) == {row.id}):
            return False
        count = len(table.marked)
        marked = "1 other is marked" if count == 1 else f"{count} are marked"
        self.app.notify(f"{what} works on one {pane[:-1]} at a time and {marked}: x unmarks ({for_all} to every "
                        "marked one)", severity="warning")
        return True

    def _after(self, pane: str, message: str) -> Any:
        def done(_: object) -> None:
            self._table(pane).clear_marks()
            self.app.notify(message)

        return done

    # --- requests ---------------------------------------------------------------------------

    def action_capture(self) -> None:
        from ..modals.capture import CaptureForm

        self.app.push_screen(CaptureForm())

    def action_triage(self) -> None:
        if self._marks_refuse("requests", "Triage", "a applies"):
            return
        row = self._table("requests").current_row
        if row is None:
            self.app.notify("No request to triage: the inbox is empty", severity="warning")
            return
        self._with_request(row.id, lambda detail: self.app.push_screen(_forms().triage_form(detail)))

    def action_archive(self) -> None:
        ids = self._table("requests").marked_or_current
        if ids:
            self.app.run_write(lambda s: s.requests.archive(ids),
                               on_done=self._after("requests", f"Archived {len(ids)} request{'s' if len(ids) > 1 else ''} (u undoes)"))

    def open_request(self, request_id: int) -> None:
        self._with_request(request_id, lambda detail: self.app.push_screen(_forms().RequestView(detail, self.app.today)))

    @work(thread=True, exclusive=True, group="morning-request")
    def _with_request(self, request_id: int, then: Any) -> None:
        try:
            detail = self.app.services.requests.detail(request_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.app.call_from_thread(then, detail)

    # --- tasks ------------------------------------------------------------------------------

    def _task_ids(self) -> list[int]:
        ids = self._table("tasks").marked_or_current
        if not ids:
            self.app.notify("No task here: move to a task or mark some with x", severity="warning")
        return ids

    def action_toggle_done(self) -> None:
        table, ids = self._table("tasks"), self._task_ids()
        row = table.current_row
        if not ids or row is None:
            return
        done = row.status != "done"
        verb = "Done" if done else "Reopened"
        self.app.run_write(lambda s: s.tasks.set_done(ids, done), on_done=self._after("tasks", f"{verb}: {len(ids)} task(s) (u undoes)"))

    def action_new_task(self) -> None:
        row = self._table("tasks").current_row
        project = f"#{row.project_code}" if row is not None else ""
        handle = f"@{row.handle}" if row is not None and row.handle else ""
        from ..modals.forms_common import new_task_form

        self.app.push_screen(new_task_form(project, handle))

    def action_edit_task(self) -> None:
        if self._marks_refuse("tasks", "Edit", "space, d and a apply"):
            return
        row = self._table("tasks").current_row
        if row is not None:
            self._with_task(row.id)

    @work(thread=True, exclusive=True, group="morning-task")
    def _with_task(self, task_id: int) -> None:
        try:
            detail = self.app.services.tasks.detail(task_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.app.call_from_thread(self.app.push_screen, _forms().edit_form(detail))

    def action_reassign(self) -> None:
        ids = self._task_ids()
        if ids:
            self.app.push_screen(_forms().reassign_form(ids), self._clear("tasks"))

    def action_set_due(self) -> None:
        ids = self._task_ids()
        if ids:
            self.app.push_screen(_forms().due_form(ids), self._due_set)

    def _due_set(self, result: object) -> None:
        """A SlipDraft back from the form means nothing is saved yet: ask whether the dependants follow."""
        from prodcom_tui.domain.planning import SlipDraft

        from ..modals.slip import confirm_shift

        if isinstance(result, SlipDraft):
            confirm_shift(self.app, result, self._moved)
        else:
            self._clear("tasks")(result)

    def _moved(self, count: int) -> None:
        self._table("tasks").clear_marks()
        self.app.notify(f"Moved {count} task{'s' if count != 1 else ''} (u undoes)")

    def action_feedback(self) -> None:
        if self._marks_refuse("tasks", "Feedback", "space, d and a apply"):
            return
        row = self._table("tasks").current_row
        if row is None or row.person_id is None:
            self.app.notify("Feedback goes to a person: move to a task that has an assignee", severity="warning")
            return
        self.app.push_screen(_forms().feedback_form(row.person_id, row.person, row.id),
                             lambda saved: saved is not None and self.app.notify(f"Feedback saved for {row.person}"))

    def _clear(self, pane: str) -> Any:
        def clear(result: object) -> None:
            if result is not None:  # None: the form was cancelled, so the marks still mean something
                self._table(pane).clear_marks()

        return clear
