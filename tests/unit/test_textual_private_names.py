"""The private Textual names prodcom leans on still exist: an upgrade that renames one fails here, by name.

Each is used for speed (see the module named beside it); the behaviour behind it has Pilot tests of
its own, but a missing attribute would otherwise show up as an AttributeError in the middle of a switch.
"""

from __future__ import annotations

from textual._compositor import Compositor
from textual.app import App
from textual.css.styles import Styles
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable

CLASS_NAMES = [
    (App, "_init_mode", "ui/app_modes.py: builds the afternoon off screen"),
    (Screen, "_refresh_layout", "ui/app_modes.py: lays the built screen out"),
    (Screen, "_on_screen_resume", "ui/screens/base.py: draws a screen shown again at once"),
    (Screen, "_on_timer_update", "ui/screens/base.py"),
    (Screen, "_screen_resized", "ui/screens/base.py: no layout at the same size"),
    (Widget, "_scroll_update", "ui/widgets/row_count.py: scrollbars follow the count without a layout"),
    (Widget, "_check_refresh", "ui/widgets/row_count.py: a table's repaint reaches the screen before it draws"),
    (Widget, "_on_focus", "ui/widgets/timeline.py: focus repaints the cursor's line, not every lane"),
    (Widget, "_on_blur", "ui/widgets/timeline.py"),
    (Styles, "set_rule", "ui/widgets/pane_frame.py: frame colours without repainting the pane"),
    (Stylesheet, "_parse_rules", "ui/css_memo.py: parsed CSS shared by the stylesheets of one process"),
    (Compositor, "_regions_to_spans", "ui/band_compositor.py: the spans a partial update writes"),
    (Compositor, "render_partial_update", "ui/band_compositor.py"),
    (DataTable, "_update_dimensions", "ui/widgets/keytable.py: a line drawn before the columns were measured"),
    (DataTable, "_clear_caches", "ui/widgets/keytable.py"),
]
INSTANCE_NAMES = [
    ("app", "_screen_stacks"), ("app", "_css_update_count"), ("screen", "_compositor"),
    ("screen", "_dirty_widgets"), ("app", "_start_widget"), ("screen", "_vertical_scrollbar"),
    # ui/screens/prompt_frames.py: what Screen._on_idle checks before resuming its update timer
    ("screen", "_layout_required"), ("screen", "_scroll_required"), ("screen", "_repaint_required"),
    ("screen", "_recompose_required"), ("app", "_batch_count"), ("screen", "_pending_message"),
    # ui/band_compositor.py
    ("compositor", "_dirty_regions"), ("compositor", "cuts"), ("compositor", "visible_widgets"),
    # tests/snapshots/snapshot_helpers.py: a table still to measure its columns
    ("table", "_require_update_dimensions"), ("table", "_updated_cells"),
    # ui/widgets/focus_cells.py: the caches a KeyTable trims when focus moves (tests/ui/test_keytable_focus.py
    # checks what it then draws against DataTable's own drawing)
    ("table", "_cell_render_cache"), ("table", "_row_render_cache"), ("table", "_line_cache"),
    ("table", "_styles_cache"), ("table", "_get_styles_to_render_cell"),
    # ui/app.py report_error: an error still on screen is not stacked again
    ("app", "_notifications"),
]


def test_a_stylesheet_still_keeps_its_variables_where_the_css_memo_reads_them() -> None:
    assert Stylesheet(variables={"accent": "red"})._variables == {"accent": "red"}  # ui/css_memo.py's key


def test_the_frame_interval_is_still_published() -> None:
    from textual import screen

    assert 0 < screen.UPDATE_PERIOD <= 0.1  # ui/screens/prompt_frames.py paces its frames by it


def test_pilot_still_waits_in_the_steps_the_tests_shorten() -> None:
    from textual import _wait

    names = _wait.wait_for_idle.__code__.co_names  # tests/conftest.py: wait_idle_in_shorter_steps
    assert {"SLEEP_GRANULARITY", "SLEEP_IDLE"} <= set(names), names


def test_the_private_class_attributes_exist() -> None:
    missing = [f"{cls.__name__}.{name} ({why})" for cls, name, why in CLASS_NAMES if not hasattr(cls, name)]
    assert not missing, missing


async def test_the_private_instance_attributes_exist() -> None:
    app = App()
    async with app.run_test():
        owners = {"app": app, "screen": app.screen, "compositor": app.screen._compositor, "table": DataTable()}
        missing = [f"{owner}.{name}" for owner, name in INSTANCE_NAMES if not hasattr(owners[owner], name)]
    assert not missing, missing


def test_a_strip_still_holds_its_segments_where_direct_lines_reads_them() -> None:
    from rich.segment import Segment
    from textual.strip import Strip

    segments = [Segment("a"), Segment("b")]
    assert Strip(segments)._segments == segments  # ui/widgets/direct_lines.py filters them without a copy
