"""BLIQ Studio's window (Qt Widgets): forms, file dialogs, drops, keyboard and screen readers.

Python in ``model``/``problems``/``stick`` decides; this file shows and forwards. Every control
tests and screen readers use has an ``objectName`` and an accessible name; every label is a
buddy of its field (Alt+letter moves there). Dutch is the source language, English comes from
``kiosk/i18n/studio_en.qm`` through a QTranslator, switchable at any time.

Nothing here blocks: clips are imported by ``kiosk add-videos`` in a child process (QProcess),
one clip at a time with a progress bar each; mistakes are one sentence in the message line,
never a modal box, and the studio keeps running.
"""
from __future__ import annotations

import datetime
import logging
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QCoreApplication, QDate, QEvent, QLocale, QProcess, QSize, Qt,
                            QTimer, QTranslator, Signal)
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QApplication, QCheckBox, QDateEdit, QFileDialog, QFormLayout, QFrame,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMainWindow, QMessageBox, QProgressBar, QPushButton, QSpinBox,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)

from kiosk.config import DEFAULT, Config
from kiosk.pack.models import PLACE_MAX_CHARS
from kiosk.studio import model as m
from kiosk.studio.problems import Finding, all_findings, check_saved, ready
from kiosk.studio.stick import put_on_stick

log = logging.getLogger("kiosk.studio")

IMAGE_FILTER = "Plaatjes (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;Alle bestanden (*)"
SHEET_FILTER = "Excel of CSV (*.xlsx *.csv);;Alle bestanden (*)"
VIDEO_FILTER = ("Video's (*.mp4 *.mov *.m4v *.webm *.mkv *.avi *.wmv *.mpg *.3gp);;"
                "Alle bestanden (*)")
AUTOSAVE_MS = 1500


def studio_home() -> Path:
    """Where drafts and the organisation's key live (``BLIQ_STUDIO_HOME`` overrides)."""
    given = os.environ.get("BLIQ_STUDIO_HOME")
    if given:
        return Path(given)
    from platformdirs import user_data_dir

    return Path(user_data_dir("bliq-studio", appauthor=False))


def kiosk_tool_command(args: list[str]) -> list[str]:
    """The command line of a kiosk tool or the kiosk itself (``add-videos …``, ``run …``):
    ``python -m kiosk`` from a checkout; in the bundle its console program where there is one
    (a windowed Windows program has no stdout to report through)."""
    from kiosk.paths import is_frozen, kiosk_command

    if is_frozen():
        cli = Path(sys.executable).with_name("bliq-kiosk-cli.exe")
        if cli.is_file():
            return [str(cli), *args]
        return [str(Path(sys.executable).with_name("bliq-kiosk")), *args]
    return kiosk_command(args)


def error_text(exc: m.StudioError) -> str:
    """A studio error in the window's language: its template translated, its names kept."""
    return tr(exc.template).format(**exc.names) if exc.names else tr(exc.template)


def _day(date: QDate) -> datetime.date:
    return datetime.date(date.year(), date.month(), date.day())


def tr(text: str) -> str:
    return QCoreApplication.translate("Studio", text)


class DropButton(QPushButton):
    """A button that also takes files dropped on it (from Explorer/Finder)."""

    dropped = Signal(list)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.dropped.emit(paths)


@dataclass
class ClipRow:
    """One clip in the videos list: its file, its widgets, and what add-videos said."""

    source: Path
    item: QListWidgetItem
    widget: QWidget
    title: QLineEdit
    bar: QProgressBar
    note: QLabel
    convert: QPushButton
    thumb: QLabel
    episode_id: str = ""
    state: str = "waiting"   # waiting | running | done | refused | skipped
    lines: list[str] = field(default_factory=list)
    captions: list[Path] = field(default_factory=list)
    convert_next: bool = False
    note_text: tuple[str, dict[str, str]] = ("", {})  # Dutch template and names, for a switch


class StudioWindow(QMainWindow):
    """The organiser's window; ``studio`` is her pack, open for editing."""

    def __init__(self, studio: m.Studio, home: Path, config: Config) -> None:
        super().__init__()
        self.studio, self.home, self.config = studio, home, config
        self.setObjectName("studioWindow")
        self.current_company = ""
        self.checked: list[Any] | None = None
        self.findings: list[Finding] = []
        self.clips: list[ClipRow] = []
        self.process: QProcess | None = None
        self.batch: list[ClipRow] = []
        self.batch_text = ""
        self.check_thread: Any = None
        self.closing = False
        self.translator: QTranslator | None = None
        self.site_thread: Any = None
        self.previews: list[tuple[QProcess, Path]] = []
        self.labels: list[tuple[QWidget, str, Callable[[QWidget, str], None]]] = []
        self._loading = False
        self.autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave.timeout.connect(self.write_draft)
        self._build()
        self.load_event()
        self.load_companies()
        self.load_clips_from_pack()
        self.recheck()
        self.retranslate()

    # -- building ------------------------------------------------------------------------------
    def _text(self, widget: QWidget, text: str,
              setter: Callable[[QWidget, str], None] | None = None) -> None:
        """Remember a translatable text (Dutch source) so the language can switch live."""
        def default(w: QWidget, t: str) -> None:
            w.setText(t)  # type: ignore[attr-defined]
        self.labels.append((widget, text, setter or default))

    def _field(self, form: QFormLayout, label: str, widget: QWidget, name: str) -> QLabel:
        widget.setObjectName(name)
        caption = QLabel()
        caption.setBuddy(widget)
        self._text(caption, label)
        self._text(widget, label, lambda w, t: w.setAccessibleName(t.replace("&", "")))
        form.addRow(caption, widget)
        return caption

    def _button(self, name: str, text: str, slot: Callable[[], Any],
                cls: type[QPushButton] = QPushButton) -> QPushButton:
        button = cls(name) if cls is DropButton else cls()
        button.setObjectName(name)
        self._text(button, text)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        self.resize(1280, 760)
        top = QWidget()
        outer = QVBoxLayout(top)
        bar = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("studioTitle")
        self.title_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        bar.addWidget(self.title_label, 1)
        self.lang_button = self._button("languageButton", "English", self.toggle_language)
        self.save_button = self._button("saveButton", "&Opslaan", self.save)
        self.stick_button = self._button("stickButton", "Zet op &USB-stick", self.put_on_stick)
        self.data_button = self._button("dataRequestButton", "&Haal de cijfers op…",
                                        self.ask_for_figures)
        self.site_button = self._button("siteButton", "Maak de &webpagina's…", self.make_site)
        self.preview_landscape = self._button("previewLandscape", "&Voorbeeld liggend",
                                              lambda: self.preview("1280x720"))
        self.preview_portrait = self._button("previewPortrait", "Voorbeeld &staand",
                                             lambda: self.preview("608x1080"))
        for b in (self.lang_button, self.preview_landscape, self.preview_portrait,
                  self.site_button, self.data_button, self.save_button, self.stick_button):
            bar.addWidget(b)
        outer.addLayout(bar)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Melding")
        outer.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pages")
        self.tabs.addTab(self._event_page(), "")
        self.tabs.addTab(self._companies_page(), "")
        self.tabs.addTab(self._videos_page(), "")
        split.addWidget(self.tabs)
        split.addWidget(self._problems_panel())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        outer.addWidget(split, 1)
        self.setCentralWidget(top)
        for i, name in enumerate(("&Event", "&Bedrijven", "&Video's")):
            self._text(self.tabs, name, lambda w, t, i=i: w.setTabText(i, t))  # type: ignore

    def _event_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # rows stay together at the top; the room left goes below
        self.event_new = self._button("eventNew", "&Nieuw event beginnen", self.new_event)
        form.addRow(self.event_new)
        self.event_name = QLineEdit()
        self._field(form, "&Naam van het event", self.event_name, "eventName")
        self.event_date = QDateEdit()
        self.event_date.setCalendarPopup(True)
        self.event_date.setDisplayFormat("d MMMM yyyy")
        self._field(form, "&Datum", self.event_date, "eventDate")
        days_row = QHBoxLayout()
        self.event_days = QLabel()
        self.event_days.setObjectName("eventDays")
        self.event_day_add = self._button("eventDayAdd", "Nog een &dag", self.add_day)
        self.event_day_drop = self._button("eventDayRemove", "Laatste dag weg", self.drop_day)
        days_row.addWidget(self.event_days, 1)
        days_row.addWidget(self.event_day_add)
        days_row.addWidget(self.event_day_drop)
        days_caption = QLabel()
        self._text(days_caption, "Meer dagen")
        form.addRow(days_caption, days_row)
        self.event_english = QCheckBox()
        self.event_english.setObjectName("eventEnglish")
        self._text(self.event_english, "De kiosk ook in het &Engels (bezoekers kiezen zelf)")
        form.addRow("", self.event_english)
        self.event_english.toggled.connect(self.on_event_english)
        self.event_welcome = QLineEdit()
        self._field(form, "&Welkomstregel", self.event_welcome, "eventWelcome")
        self.event_place = QLineEdit(maxLength=PLACE_MAX_CHARS)  # one line on the kiosk
        self.event_place.setPlaceholderText("Aula, Hoofdgebouw")
        self._field(form, "Pl&aats", self.event_place, "eventPlace")
        logo_row = QHBoxLayout()
        self.event_logo_pick = self._button("eventLogoPick", "&Logo kiezen…", self.pick_event_logo,
                                            DropButton)
        self.event_logo_pick.dropped.connect(  # type: ignore[attr-defined]
            lambda paths: self.set_event_logo(paths[0]))
        self.event_logo = QLabel()
        self.event_logo.setObjectName("eventLogo")
        self.event_logo.setFixedSize(160, 90)
        self.event_logo.setFrameShape(QFrame.Shape.StyledPanel)
        self.event_logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo_row.addWidget(self.event_logo_pick)
        logo_row.addWidget(self.event_logo)
        logo_row.addStretch(1)
        logo_caption = QLabel()
        self._text(logo_caption, "Logo (ook slepen)")
        form.addRow(logo_caption, logo_row)
        self.event_featured = QListWidget()
        self.event_featured.setMaximumHeight(110)
        self._field(form, "&Op het startscherm", self.event_featured, "eventFeatured")
        self.event_featured.itemChanged.connect(self.on_featured)
        self.event_idle = QSpinBox(minimum=15, maximum=600, singleStep=5)
        self._field(form, "&Terug naar start na (seconden)", self.event_idle, "eventIdle")
        self.event_pin = QLineEdit(echoMode=QLineEdit.EchoMode.Password, maxLength=12)
        self._field(form, "Beheer-&PIN (4–12 cijfers)", self.event_pin, "eventPin")
        self.event_pin_repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password, maxLength=12)
        self._field(form, "PIN &nog een keer", self.event_pin_repeat, "eventPinRepeat")
        self.pin_note = QLabel()
        self.pin_note.setObjectName("eventPinNote")
        self.pin_note.setWordWrap(True)
        form.addRow("", self.pin_note)
        self.event_name.textChanged.connect(self.on_event_name)
        self.event_date.dateChanged.connect(self.on_event_date)
        self.event_welcome.textChanged.connect(self.on_event_welcome)
        self.event_place.textChanged.connect(self.on_event_place)
        self.event_idle.valueChanged.connect(self.on_event_idle)
        self.event_pin.textChanged.connect(self.on_pin)
        self.event_pin_repeat.textChanged.connect(self.on_pin)
        return page

    def _companies_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        left = QVBoxLayout()
        self.company_list = QListWidget()
        self.company_list.setObjectName("companyList")
        self._text(self.company_list, "Bedrijven op je event",
                   lambda w, t: w.setAccessibleName(t))
        self.company_list.currentRowChanged.connect(self.on_company_row)
        left.addWidget(self.company_list, 1)
        buttons = QHBoxLayout()
        self.company_add = self._button("companyAdd", "Bedrijf &toevoegen", self.add_company)
        self.company_up = self._button("companyUp", "Omhoog", lambda: self.move_company(-1))
        self.company_down = self._button("companyDown", "Omlaag", lambda: self.move_company(1))
        self.company_remove = self._button("companyRemove", "Weghalen", self.remove_company)
        for b in (self.company_add, self.company_up, self.company_down, self.company_remove):
            buttons.addWidget(b)
        left.addLayout(buttons)
        self.company_import = self._button("companyImport", "&Importeren uit Excel of CSV…",
                                           self.import_sheet, DropButton)
        self.company_import.dropped.connect(  # type: ignore[attr-defined]
            lambda paths: self.import_from(paths[0]))
        left.addWidget(self.company_import)
        self.import_report = QLabel()
        self.import_items: list[m.Line] = []
        self.import_report.setObjectName("importReport")
        self.import_report.setWordWrap(True)
        left.addWidget(self.import_report)
        row.addLayout(left, 2)
        self.company_editor = QWidget()
        form = QFormLayout(self.company_editor)
        self.company_name = QLineEdit()
        self._field(form, "Na&am", self.company_name, "companyName")
        self.company_room = QLineEdit(placeholderText="Lokaal 1.04")
        self._field(form, "&Lokaal of stand", self.company_room, "companyRoom")
        self.company_url = QLineEdit(placeholderText="www.bedrijf.nl/contact")
        self._field(form, "&Contactlink", self.company_url, "companyUrl")
        self.company_url_note = QLabel()
        self.company_url_note.setObjectName("companyUrlNote")
        self.company_url_note.setWordWrap(True)
        form.addRow("", self.company_url_note)
        self.company_description = QLineEdit()
        self._field(form, "&Omschrijving", self.company_description, "companyDescription")
        logo_row = QHBoxLayout()
        self.company_logo_pick = self._button("companyLogoPick", "Logo &kiezen…",
                                              self.pick_company_logo, DropButton)
        self.company_logo_pick.dropped.connect(  # type: ignore[attr-defined]
            lambda paths: self.set_company_logo(paths[0]))
        self.company_logo = QLabel()
        self.company_logo.setObjectName("companyLogo")
        self.company_logo.setFixedSize(120, 68)
        self.company_logo.setFrameShape(QFrame.Shape.StyledPanel)
        self.company_logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo_row.addWidget(self.company_logo_pick)
        logo_row.addWidget(self.company_logo)
        logo_row.addStretch(1)
        caption = QLabel()
        self._text(caption, "Logo (ook slepen)")
        form.addRow(caption, logo_row)
        self.jobs_filter = QLineEdit()
        self._field(form, "&Zoek een beroep", self.jobs_filter, "companyJobsFilter")
        self.company_jobs = QListWidget()
        self._field(form, "&Beroepen", self.company_jobs, "companyJobs")
        for job_id, title in self.studio.jobs.items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, job_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.company_jobs.addItem(item)
        row.addWidget(self.company_editor, 3)
        self.company_name.textChanged.connect(self.on_company_name)
        self.company_room.textChanged.connect(self.on_company_room)
        self.company_url.textChanged.connect(self.on_company_url)
        self.company_url.editingFinished.connect(self.on_company_url_done)
        self.company_description.textChanged.connect(self.on_company_description)
        self.jobs_filter.textChanged.connect(self.on_jobs_filter)
        self.company_jobs.itemChanged.connect(self.on_job_checked)
        return page

    def _videos_page(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        row = QHBoxLayout()
        self.videos_add = self._button("videosAdd", "&Video's kiezen…", self.pick_videos,
                                       DropButton)
        self.videos_add.dropped.connect(self.add_videos)  # type: ignore[attr-defined]
        self.videos_folder = self._button("videosFolder", "Een &map met video's…",
                                          self.pick_video_folder)
        row.addWidget(self.videos_add)
        row.addWidget(self.videos_folder)
        row.addStretch(1)
        col.addLayout(row)
        hint = QLabel()
        hint.setWordWrap(True)
        self._text(hint, "Kies clips van je telefoon of camera, of sleep ze op de knop. "
                         "Ondertitels met dezelfde naam (.srt of .vtt) gaan mee. Klik op een "
                         "titel om hem te veranderen.")
        col.addWidget(hint)
        self.videos_list = QListWidget()
        self.videos_list.setObjectName("videosList")
        self._text(self.videos_list, "Eigen video's", lambda w, t: w.setAccessibleName(t))
        col.addWidget(self.videos_list, 1)
        return page

    def _problems_panel(self) -> QWidget:
        panel = QWidget()
        col = QVBoxLayout(panel)
        self.ready_label = QLabel()
        self.ready_label.setObjectName("readyLabel")
        self.ready_label.setWordWrap(True)
        col.addWidget(self.ready_label)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self._text(self.problems, "Nog te doen", lambda w, t: w.setAccessibleName(t))
        self.problems.itemActivated.connect(self.show_problem)
        col.addWidget(self.problems, 1)
        self.show_button = self._button("problemShow", "&Laat zien", self.show_problem)
        col.addWidget(self.show_button)
        return panel

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        english = self.translator is not None
        self.event_date.setLocale(QLocale(QLocale.Language.English if english
                                          else QLocale.Language.Dutch))
        for widget, text, setter in self.labels:
            setter(widget, tr(text))
        self.setWindowTitle(tr("BLIQ Studio") + f" — {self.studio.root.name}")
        self.title_label.setText(tr("BLIQ Studio") + " · " + (self.studio.event_name() or ""))
        self.show_days()
        self.show_import_report()
        for clip in self.clips:
            if clip.note_text[0]:
                self._note(clip, clip.note_text[0], **clip.note_text[1])
            clip.convert.setText(tr("Omzetten"))
        if not self.event_pin.text() and not self.event_pin_repeat.text():
            self.on_pin()  # the note under the PIN in the new language
        self.show_findings()

    def toggle_language(self) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        if self.translator is not None:
            app.removeTranslator(self.translator)
            self.translator = None
        else:
            from kiosk.paths import i18n_dir

            translator = QTranslator(self)
            if translator.load(str(i18n_dir() / "studio_en.qm")):
                app.installTranslator(translator)
                self.translator = translator
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.labels:
            self.retranslate()
        super().changeEvent(event)

    # -- messages ------------------------------------------------------------------------------
    def say_error(self, exc: m.StudioError) -> None:
        """A studio error in the window's language (its template translated, names kept)."""
        self.say(error_text(exc), bad=True)

    def say(self, text: str, bad: bool = False) -> None:
        """One sentence in the message line (red when something could not be done)."""
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if bad
                                   else "color: #1b5e20;")
        (log.warning if bad else log.info)("%s", text)

    def changed(self) -> None:
        if not self._loading:
            self.autosave.start()
            self.show_findings()

    # -- event ---------------------------------------------------------------------------------
    def load_event(self) -> None:
        self._loading = True
        s = self.studio
        self.event_name.setText(s.event_name())
        day = s.event_date() or datetime.date.today() + datetime.timedelta(days=14)
        self.event_date.setDate(QDate(day.year, day.month, day.day))
        self.event_welcome.setText(s.event_welcome())
        self.event_place.setText(s.event_place())
        self.event_english.setChecked(s.english())
        self.show_days()
        self.show_featured()
        self.event_idle.setValue(s.idle_timeout())
        self.event_pin.clear()
        self.event_pin_repeat.clear()
        self.show_logo(self.event_logo, str(s.event.get("logo") or ""))
        self._loading = False
        self.on_pin()

    def new_event(self) -> None:
        self.studio.start_new_event(tr("Onze open dag"))
        self.load_event()
        self.load_companies()
        self.studio.set_event_date(_day(self.event_date.date()))
        self.tabs.setCurrentIndex(0)
        self.event_name.setFocus()
        self.event_name.selectAll()
        self.say(tr("Nieuw event begonnen: typ de naam en kies de datum."))
        self.changed()

    def on_event_name(self, text: str) -> None:
        if not self._loading:
            self.studio.set_event_name(text)
            self.title_label.setText(tr("BLIQ Studio") + " · " + text)
            self.changed()

    def on_event_date(self, date: QDate) -> None:
        if not self._loading:
            self.studio.set_event_date(_day(date))
            self.show_days()
            self.changed()

    def show_days(self) -> None:
        days = self.studio.more_days()
        self.event_days.setText(", ".join(QLocale(QLocale.Language.English if self.translator
                                                  else QLocale.Language.Dutch).toString(
            QDate(d.year, d.month, d.day), "d MMMM") for d in days) or "—")
        self.event_day_drop.setEnabled(bool(days))

    def add_day(self) -> None:
        self.studio.add_day()
        self.show_days()
        self.changed()

    def drop_day(self) -> None:
        days = self.studio.more_days()
        if days:
            self.studio.set_more_days(days[:-1])
            self.show_days()
            self.changed()

    def show_featured(self) -> None:
        """Every series, the featured ones first and ticked (her own clips once imported)."""
        loading, self._loading = self._loading, True
        self.event_featured.clear()
        titles = self.studio.series_titles()
        featured = [f for f in self.studio.featured() if f in titles]
        for series_id in featured + [t for t in titles if t not in featured]:
            item = QListWidgetItem(titles[series_id])
            item.setData(Qt.ItemDataRole.UserRole, series_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if series_id in featured
                               else Qt.CheckState.Unchecked)
            self.event_featured.addItem(item)
        self._loading = loading

    def on_featured(self, _item: QListWidgetItem) -> None:
        if self._loading:
            return
        ticked = [str(self.event_featured.item(i).data(Qt.ItemDataRole.UserRole))
                  for i in range(self.event_featured.count())
                  if self.event_featured.item(i).checkState() == Qt.CheckState.Checked]
        self.studio.set_featured(ticked)
        self.changed()

    def on_event_english(self, on: bool) -> None:
        if not self._loading:
            self.studio.set_english(on)
            self.changed()

    def on_event_welcome(self, text: str) -> None:
        if not self._loading:
            self.studio.set_event_welcome(text)
            self.changed()

    def on_event_place(self, text: str) -> None:
        if not self._loading:
            self.studio.set_event_place(text)
            self.changed()

    def on_event_idle(self, value: int) -> None:
        if not self._loading:
            self.studio.set_idle_timeout(value)
            self.changed()

    def on_pin(self, _text: str = "") -> None:
        pin, repeat = self.event_pin.text(), self.event_pin_repeat.text()
        if not pin and not repeat:
            self.pin_note.setText(tr("De PIN is ingesteld; typ een nieuwe om hem te veranderen.")
                                  if self.studio.has_pin() else
                                  tr("Kies een PIN; alleen wie hem kent, opent het beheer."))
            return
        if len(repeat) < len(pin) or not repeat:
            self.pin_note.setText(tr("Typ de PIN nog een keer."))
            return
        problem = m.pin_problem(pin, repeat, self.config.pack)
        if problem:
            self.pin_note.setText(tr(problem))
            return
        self.studio.set_pin(pin, repeat)
        self.pin_note.setText(tr("PIN ingesteld. De studio bewaart alleen een code ervan, "
                                 "nooit de PIN zelf."))
        self.changed()

    def pick_event_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Kies het logo"), "", tr(IMAGE_FILTER))
        if path:
            self.set_event_logo(Path(path))

    def set_event_logo(self, path: Path) -> None:
        try:
            rel = self.studio.set_event_logo(path)
        except m.StudioError as exc:
            self.say_error(exc)
            return
        self.show_logo(self.event_logo, rel)
        self.say(tr("Logo klaar; het wordt bewaard als je opslaat."))
        self.changed()

    def show_logo(self, label: QLabel, rel: str) -> None:
        data = self.studio.logo_bytes(rel) if rel else None
        image = QImage.fromData(data) if data else QImage()
        if image.isNull():
            label.setPixmap(QPixmap())
            label.setText(tr("geen logo"))
            return
        label.setPixmap(QPixmap.fromImage(image).scaled(
            label.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    # -- companies -----------------------------------------------------------------------------
    def load_companies(self, select: str = "") -> None:
        self._loading = True
        self.company_list.clear()
        ids = self.studio.company_ids()
        for company_id in ids:
            view = self.studio.company(company_id)
            item = QListWidgetItem(view.name + (f" — {view.room}" if view.room else ""))
            item.setData(Qt.ItemDataRole.UserRole, company_id)
            self.company_list.addItem(item)
        self._loading = False
        target = select if select in ids else (ids[0] if ids else "")
        self.company_list.setCurrentRow(ids.index(target) if target else -1)
        if not target:
            self.on_company_row(-1)

    def on_company_row(self, row: int) -> None:
        if self._loading:
            return
        item = self.company_list.item(row) if row >= 0 else None
        self.current_company = str(item.data(Qt.ItemDataRole.UserRole)) if item else ""
        self.company_editor.setEnabled(bool(self.current_company))
        self._loading = True
        view = self.studio.company(self.current_company) if self.current_company else None
        self.company_name.setText(view.name if view else "")
        self.company_room.setText(view.room if view else "")
        self.company_url.setText(view.url if view else "")
        self.company_url_note.clear()
        self.company_description.setText(view.description if view else "")
        jobs = set(view.jobs) if view else set()
        for i in range(self.company_jobs.count()):
            job = self.company_jobs.item(i)
            job.setCheckState(Qt.CheckState.Checked if job.data(Qt.ItemDataRole.UserRole) in jobs
                              else Qt.CheckState.Unchecked)
        self.show_logo(self.company_logo, view.logo if view else "")
        self._loading = False

    def _refresh_company_item(self) -> None:
        item = self.company_list.currentItem()
        if item is not None and self.current_company:
            view = self.studio.company(self.current_company)
            item.setText(view.name + (f" — {view.room}" if view.room else ""))

    def add_company(self) -> None:
        company_id = self.studio.add_company(tr("Nieuw bedrijf"))
        self.load_companies(select=company_id)
        self.tabs.setCurrentIndex(1)
        self.company_name.setFocus()
        self.company_name.selectAll()
        self.changed()

    def remove_company(self) -> None:
        if self.current_company:
            self.studio.remove_company(self.current_company)
            self.load_companies()
            self.changed()

    def move_company(self, step: int) -> None:
        if self.current_company:
            self.studio.move_company(self.current_company, step)
            self.load_companies(select=self.current_company)
            self.changed()

    def on_company_name(self, text: str) -> None:
        if not self._loading and self.current_company:
            new_id = self.studio.set_company_name(self.current_company, text)
            item = self.company_list.currentItem()
            if new_id != self.current_company and item is not None:
                item.setData(Qt.ItemDataRole.UserRole, new_id)
                self.current_company = new_id
            self._refresh_company_item()
            self.changed()

    def on_company_room(self, text: str) -> None:
        if not self._loading and self.current_company:
            self.studio.set_company_room(self.current_company, text)
            self._refresh_company_item()
            self.changed()

    def on_company_description(self, text: str) -> None:
        if not self._loading and self.current_company:
            self.studio.set_company_description(self.current_company, text)
            self.changed()

    def on_company_url(self, text: str) -> None:
        if self._loading or not self.current_company:
            return
        try:
            url = self.studio.set_company_url(self.current_company, text)
        except m.StudioError as exc:
            self.company_url_note.setText(error_text(exc) if text.strip() else "")
            return
        self.company_url_note.setText(tr("Wordt opgeslagen als {url}").format(url=url)
                                      if url != text.strip() else "")
        self.changed()

    def on_company_url_done(self) -> None:
        if not self.current_company:
            return
        stored = self.studio.company(self.current_company).url
        if stored and stored != self.company_url.text().strip():
            try:
                m.fix_url(self.company_url.text())
            except m.StudioError:
                return  # what she typed is not a link yet: leave it, the note says why
            self._loading = True
            self.company_url.setText(stored)
            self._loading = False
            self.company_url_note.clear()

    def on_jobs_filter(self, text: str) -> None:
        needle = m._fold(text)
        for i in range(self.company_jobs.count()):
            item = self.company_jobs.item(i)
            item.setHidden(bool(needle) and needle not in m._fold(item.text()))

    def on_job_checked(self, _item: QListWidgetItem) -> None:
        if self._loading or not self.current_company:
            return
        jobs = [str(self.company_jobs.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.company_jobs.count())
                if self.company_jobs.item(i).checkState() == Qt.CheckState.Checked]
        self.studio.set_company_jobs(self.current_company, jobs)
        self.changed()

    def pick_company_logo(self) -> None:
        if not self.current_company:
            return
        path, _ = QFileDialog.getOpenFileName(self, tr("Kies het logo van het bedrijf"), "",
                                              tr(IMAGE_FILTER))
        if path:
            self.set_company_logo(Path(path))

    def set_company_logo(self, path: Path) -> None:
        if not self.current_company:
            return
        try:
            rel = self.studio.set_company_logo(self.current_company, path)
        except m.StudioError as exc:
            self.say_error(exc)
            return
        self.show_logo(self.company_logo, rel)
        self.changed()

    def import_sheet(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Kies de lijst met bedrijven"), "",
                                              tr(SHEET_FILTER))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        try:
            report = self.studio.import_companies(path)
        except m.StudioError as exc:
            self.say_error(exc)
            return
        self.load_companies()
        lines = report.items
        self.import_items = lines
        self.show_import_report()
        self.say(tr("{n} bedrijven ingelezen uit {file}.").format(n=len(report.added),
                                                                  file=path.name)
                 + (" " + tr("Niet alles kon gelezen worden; zie de regels hieronder.")
                    if lines else ""), bad=bool(lines) and not report.added)
        self.changed()

    def show_import_report(self) -> None:
        """The import's row-by-row lines in the window's language (redrawn on a switch)."""
        self.import_report.setText("\n".join(line.render(tr) for line in self.import_items))

    # -- own clips ----------------------------------------------------------------------------
    def pick_videos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Kies je video's"), "",
                                                tr(VIDEO_FILTER))
        if paths:
            self.add_videos([Path(p) for p in paths])

    def pick_video_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Kies een map met video's"))
        if folder:
            self.add_videos([Path(folder)])

    def add_videos(self, paths: list[Path]) -> None:
        """Queue clips (a folder means its clips); captions beside them come along."""
        from kiosk.pack.add_videos import classify

        sources, missing = classify(paths)
        if missing:  # add-videos' own line is English for IT; hers names the file
            gone = next((p for p in paths if not p.exists()), None)
            self.say(tr("{file}: niet gevonden; kies de video of de map opnieuw.").format(
                file=gone.name if gone else missing[0].lstrip("✘ ")), bad=True)
        for source in sources:
            if source.kind == "video":
                clip = self._clip_row(source.path)
                clip.captions = self._captions_beside(source.path, source.captions)
            elif source.path.suffix.lower() not in (".srt", ".vtt"):
                self._clip_row(source.path, refused=True)
        self._next_clip()

    @staticmethod
    def _captions_beside(clip: Path, chosen: dict[str, Path]) -> list[Path]:
        """Caption files that go with ``clip``: chosen with it, or lying beside it."""
        from kiosk.pack.add_videos import CAPTION_EXTS, find_captions

        try:
            siblings = [p for p in clip.parent.iterdir()
                        if p.suffix.lower() in CAPTION_EXTS and p.name.lower().startswith(
                            clip.stem.lower())]
        except OSError:
            siblings = []
        found = find_captions(clip, siblings, set())
        return sorted({*chosen.values(), *found.values()})

    def _clip_row(self, path: Path, refused: bool = False) -> ClipRow:
        widget = QWidget()
        row = QHBoxLayout(widget)
        row.setContentsMargins(4, 2, 4, 2)
        thumb = QLabel()
        thumb.setFixedSize(96, 54)
        thumb.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLineEdit(m.readable_title_of(path))
        title.setObjectName("clipTitle")
        title.setAccessibleName(tr("Titel van {name}").format(name=path.name))
        title.setEnabled(False)
        bar = QProgressBar()
        bar.setObjectName("clipProgress")
        bar.setFixedWidth(140)
        bar.setRange(0, 1)  # empty while waiting; busy while add-videos reads it
        bar.setAccessibleName(tr("Voortgang van {name}").format(name=path.name))
        note = QLabel()
        note.setObjectName("clipNote")
        note.setWordWrap(True)
        convert = QPushButton(tr("Omzetten"))
        convert.setObjectName("clipConvert")
        convert.setAccessibleName(tr("{name} omzetten").format(name=path.name))
        convert.hide()
        for w, stretch in ((thumb, 0), (title, 2), (bar, 0), (note, 3), (convert, 0)):
            row.addWidget(w, stretch)
        item = QListWidgetItem()
        item.setSizeHint(QSize(600, 64))
        self.videos_list.addItem(item)
        self.videos_list.setItemWidget(item, widget)
        clip = ClipRow(path, item, widget, title, bar, note, convert, thumb)
        title.editingFinished.connect(lambda c=clip: self.rename_clip(c))
        convert.clicked.connect(lambda _=False, c=clip: self.convert_clip(c))
        self._note(clip, "wacht…")
        if refused:
            clip.state = "refused"
            bar.setRange(0, 1)
            bar.hide()
            self._note(clip, "{name}: dit is geen video; overgeslagen.", name=path.name)
        self.clips.append(clip)
        return clip

    def load_clips_from_pack(self) -> None:
        """Her clips already in the pack (series eigen-videos), titles editable."""
        for episode_id, title, thumb in self.studio.own_episodes():
            clip = self._clip_row(Path(episode_id))
            clip.state, clip.episode_id = "done", episode_id
            clip.title.setText(title)
            clip.title.setEnabled(True)
            clip.bar.setRange(0, 1)
            clip.bar.setValue(1)
            clip.bar.hide()
            self._note(clip, "in het pakket")
            self._show_thumb(clip, thumb)

    def importing(self) -> bool:
        return self.process is not None

    def _next_clip(self) -> None:
        """Start one ``kiosk add-videos`` for every waiting clip (one child, not one per clip:
        its start costs seconds); clips that asked for conversion go in a batch of their own."""
        if self.process is not None:
            return
        waiting = [c for c in self.clips if c.state == "waiting"]
        if not waiting:
            self.recheck(background=True)
            return
        convert = waiting[0].convert_next
        batch = [c for c in waiting if c.convert_next == convert]
        for clip in batch:
            clip.state = "running"
        batch[0].bar.setRange(0, 0)  # busy: this one is being read now
        self._note(batch[0], "bezig…")
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        from PySide6.QtCore import QProcessEnvironment

        env = QProcessEnvironment.systemEnvironment()
        env.insert("PYTHONIOENCODING", "utf-8")
        env.insert("QT_QPA_PLATFORM", "offscreen")
        process.setProcessEnvironment(env)
        args = ["add-videos", str(self.studio.root)]
        for clip in batch:
            args += [str(clip.source), *[str(c) for c in clip.captions]]
        args += ["--series", m.OWN_SERIES, "--progress"] + (["--convert"] if convert else [])
        program, *args = kiosk_tool_command(args)
        self.batch, self.batch_text = batch, ""
        process.readyReadStandardOutput.connect(lambda p=process: self._clip_output(p))
        process.finished.connect(lambda code, _s, p=process: self._batch_done(p, code))
        self.process = process
        process.start(program, args)

    def _clip_output(self, process: QProcess) -> None:
        """add-videos writes one line per clip as it goes: each finished line ends its row."""
        self.batch_text += bytes(process.readAllStandardOutput().data()).decode("utf-8",
                                                                                "replace")
        *complete, self.batch_text = self.batch_text.split("\n")
        for line in complete:
            line = line.strip()
            if not line:
                continue
            if line.startswith("% "):  # "% clip.mp4 70": how far this clip is
                name, _, percent = line[2:].rpartition(" ")
                clip = next((c for c in self.batch if c.state == "running"
                             and c.source.name == name), None)
                if clip is not None and percent.isdigit():
                    clip.bar.setRange(0, 100)
                    clip.bar.setValue(int(percent))
                continue
            if line[:1] in "✔✘=·":
                name = line[2:].split(" → ", 1)[0].split(": ", 1)[0]
                clip = next((c for c in self.batch if c.state == "running"
                             and c.source.name == name), None)
                if clip is not None:
                    clip.lines.append(line)
                    self._clip_done(clip)
            elif "convert" in line.lower():
                for clip in self.batch:
                    if clip.state == "running":
                        self._note(clip, "omzetten…")
                        break

    def _batch_done(self, process: QProcess, code: int) -> None:
        self._clip_output(process)
        self.batch_text += "\n"
        self._clip_output(process)
        self.process = None
        process.deleteLater()
        for clip in self.batch:
            if clip.state == "running":  # add-videos stopped before it said anything of it
                clip.lines.append(tr("het importeren stopte (code {code})").format(code=code))
                self._clip_done(clip)
        self.batch = []
        self._next_clip()

    def _clip_done(self, clip: ClipRow) -> None:
        clip.bar.setRange(0, 1)
        clip.bar.setValue(1)
        name = clip.source.name
        done = next((line for line in clip.lines if line.startswith("✔")), "")
        refused = next((line for line in clip.lines if line.startswith("✘")), "")
        same = next((line for line in clip.lines if line.startswith("=")), "")
        if done:
            match = re.search(r"→ ([a-z0-9-]+) ", done)
            clip.episode_id = match.group(1) if match else ""
            clip.state = "done"
            self._note(clip, "klaar")
            clip.title.setEnabled(True)
            clip.bar.hide()
            self.studio.feature_own_clips()
            self.show_featured()
            for episode_id, title, thumb in self.studio.own_episodes():
                if episode_id == clip.episode_id:
                    clip.title.setText(title)
                    self._show_thumb(clip, thumb)
        elif same:
            clip.state = "skipped"
            self._note(clip, "{name} staat al in het pakket.", name=name)
        else:
            clip.state = "refused"
            reason = refused.split("not imported:", 1)[-1].strip() if refused else \
                (clip.lines[-1] if clip.lines else "")
            template, names = self.clip_refusal(name, reason)
            self._note(clip, template, **names)
            from kiosk.media.add_videos import find_ffmpeg

            can_convert = ("convert" in reason.lower() or "handbrake" in reason.lower()) and \
                "empty" not in reason and find_ffmpeg() is not None
            clip.convert.setVisible(can_convert and not clip.convert_next)
        following = next((c for c in self.batch if c.state == "running"), None)
        if following is not None:
            following.bar.setRange(0, 0)
            self._note(following, "bezig…")
        self.changed()

    def _note(self, clip: ClipRow, template: str, **names: str) -> None:
        """A clip row's line, kept as its Dutch template so a language switch redraws it."""
        clip.note_text = (template, dict(names))
        clip.note.setText(tr(template).format(**names) if names else tr(template))

    @staticmethod
    def clip_refusal(name: str, reason: str) -> tuple[str, dict[str, str]]:
        """One line: the file, what is wrong, what to do (add-videos' own words shortened);
        as (Dutch template, names)."""
        first = reason.split("; ")[0]
        if "not a clip" in reason or "not a video" in reason:
            return ("{name} is geen video die de kiosk kan spelen; exporteer hem opnieuw als "
                    "MP4.", {"name": name})
        if "empty" in reason:
            return ("{name} is leeg; kopieer hem opnieuw van de telefoon of camera.",
                    {"name": name})
        if "convert" in reason.lower() or "handbrake" in reason.lower():
            return ("{name} speelt niet op de kiosk ({why}); klik op Omzetten.",
                    {"name": name, "why": first})
        return "{name} is niet toegevoegd: {why}", {"name": name, "why": first}

    def convert_clip(self, clip: ClipRow) -> None:
        clip.convert.hide()
        clip.state, clip.lines = "waiting", []
        clip.convert_next = True
        clip.bar.show()
        clip.bar.setRange(0, 1)
        clip.bar.setValue(0)
        self._note(clip, "wacht…")
        self._next_clip()

    def _show_thumb(self, clip: ClipRow, rel: str) -> None:
        image = QImage(str(self.studio.root / rel)) if rel else QImage()
        if not image.isNull():
            clip.thumb.setPixmap(QPixmap.fromImage(image).scaled(
                clip.thumb.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
            clip.item.setIcon(QIcon())

    def rename_clip(self, clip: ClipRow) -> None:
        if self.closing or clip.state != "done" or not clip.episode_id:
            return
        if self.importing():  # add-videos is writing the same file: try again when it is done
            QTimer.singleShot(300, lambda: self.rename_clip(clip))
            return
        try:
            self.studio.set_episode_title(clip.episode_id, clip.title.text())
        except m.StudioError as exc:
            self.say_error(exc)

    # -- problems -----------------------------------------------------------------------------
    def recheck(self, background: bool = False) -> None:
        """Check the saved pack as ``kiosk check`` does (after opening, saving, importing).

        ``background``: in a thread (it reads every clip's header: a second with 20 clips),
        the list follows when it is done; after Save she waits for the answer."""
        if background:
            import threading

            if self.check_thread is not None:
                return
            outcome: dict[str, Any] = {}

            def run() -> None:
                try:
                    outcome["problems"] = check_saved(self.studio.root, self.config)
                except Exception as exc:  # noqa: BLE001 - reported below, never a crash
                    outcome["error"] = exc

            self.check_thread = threading.Thread(target=run, name="studio-check", daemon=True)
            self.check_thread.start()

            def poll() -> None:
                if self.closing:
                    return
                if self.check_thread is not None and self.check_thread.is_alive():
                    QTimer.singleShot(50, poll)
                    return
                self.check_thread = None
                if "problems" in outcome:
                    self.checked = outcome["problems"]
                    self.show_findings()
            QTimer.singleShot(50, poll)
            return
        try:
            self.checked = check_saved(self.studio.root, self.config)
        except Exception as exc:  # the panel says so; the studio keeps running
            log.exception("check failed")
            self.checked = None
            self.say(tr("De controle lukte niet ({error}).").format(error=exc), bad=True)
        self.show_findings()

    def show_findings(self) -> None:
        self.findings = all_findings(self.studio, self.checked)
        self.problems.clear()
        for finding in self.findings:
            words = finding.render(tr)
            item = QListWidgetItem(("• " if finding.severity != "note" else "") + words)
            if finding.severity == "note":
                item.setForeground(Qt.GlobalColor.gray)
            elif finding.severity == "error":
                item.setForeground(Qt.GlobalColor.darkRed)
            item.setToolTip(tr("Dubbelklik of Enter: laat het veld zien"))
            self.problems.addItem(item)
        if ready(self.findings):
            self.ready_label.setText(tr("Klaar voor de dag ✔"))
            self.ready_label.setStyleSheet("color: #1b5e20; font-weight: bold;")
        else:
            todo = sum(f.severity != "note" for f in self.findings)
            self.ready_label.setText(tr("Nog {n} ding(en) te doen. Opslaan mag altijd.")
                                     .format(n=todo))
            self.ready_label.setStyleSheet("color: #8a4b00; font-weight: bold;")

    def show_problem(self, _item: object = None) -> None:
        """"Laat zien": open the page and the field the selected line is about."""
        row = self.problems.currentRow()
        if not 0 <= row < len(self.findings):
            return
        kind, key = self.findings[row].target
        if kind == "event":
            self.tabs.setCurrentIndex(0)
            widget = {"name": self.event_name, "date": self.event_date,
                      "pin": self.event_pin}.get(key, self.event_name)
            widget.setFocus()
        elif kind == "company":
            self.tabs.setCurrentIndex(1)
            ids = self.studio.company_ids()
            if key in ids:
                self.company_list.setCurrentRow(ids.index(key))
                self.company_url.setFocus()
            else:
                self.company_add.setFocus()
        elif kind == "videos":
            self.tabs.setCurrentIndex(2)
            self.videos_add.setFocus()

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        try:
            written = self.studio.save()
        except m.StudioError as exc:
            self.say_error(exc)
            return False
        m.drop_draft(self.home, self.studio.root)
        self.recheck()
        self.say(tr("Opgeslagen ({n} bestand(en)).").format(n=len(written)) if written
                 else tr("Alles was al opgeslagen."))
        return True

    def write_draft(self) -> None:
        if self.studio.dirty():
            try:
                m.write_draft(self.home, self.studio)
            except OSError as exc:
                log.warning("draft not written: %s", exc)

    def put_on_stick(self) -> None:
        if self.importing():
            self.say(tr("Even wachten: de video's worden nog toegevoegd."), bad=True)
            return
        folder = QFileDialog.getExistingDirectory(self, tr("Kies de USB-stick"))
        if not folder:
            return
        try:
            result = put_on_stick(self.studio, Path(folder), self.home / "keys", self.config)
        except m.StudioError as exc:
            self.say_error(exc)
            self.recheck()
            return
        m.drop_draft(self.home, self.studio.root)
        self.recheck()
        text = tr("Klaar: versie {v} staat op de stick ({file}), met LEESMIJ.txt.").format(
            v=result.version, file=result.archive.name)
        if result.new_key:
            text += " " + tr("De studio maakte een sleutel voor je organisatie; de kiosk "
                             "installeert alleen updates met die sleutel, dus geef {pub} één "
                             "keer aan de IT van de kiosks.").format(pub=result.public_key.name)
        self.say(text)

    def ask_for_figures(self) -> None:
        """A stick that asks the kiosks for their figures (signed with her organisation's key:
        a kiosk gives its data only to a stick that carries such a request)."""
        from kiosk.campaign.data_request import write_request
        from kiosk.pack.bliqpack import PackSigningError
        from kiosk.studio.stick import organisation_key

        folder = QFileDialog.getExistingDirectory(self, tr("Kies de USB-stick"))
        if not folder:
            return
        try:
            private, _public, _new = organisation_key(self.home / "keys")
            write_request(Path(folder), private, config=self.config.campaign)
        except PackSigningError as exc:
            self.say(str(exc), bad=True)
            return
        except OSError as exc:
            self.say(tr("{folder}: schrijven lukt niet ({error}); steek de stick opnieuw in en "
                        "probeer het nog eens.").format(folder=folder,
                                                        error=exc.strerror or exc), bad=True)
            return
        self.say(tr("De stick vraagt nu om de cijfers: steek hem in elke kiosk; die zet zijn "
                    "cijfers in de map bliq-data. Het verzoek geldt {days} dagen.").format(
            days=self.config.campaign.data_request_days))

    def make_site(self) -> None:
        """The take-home pages of her saved pack, built beside the window (not blocking it)."""
        import threading

        if self.site_thread is not None:
            return
        folder = QFileDialog.getExistingDirectory(self, tr("Kies een lege map voor de "
                                                            "webpagina's"))
        if not folder or not self.save():
            return
        outcome: dict[str, Any] = {}

        def run() -> None:
            from kiosk.site.build import SiteError, build

            try:
                outcome["manifest"] = build(self.studio.root, Path(folder), self.config)
            except SiteError as exc:
                outcome["error"] = str(exc)  # the site builder's own sentence, names the file
            except OSError as exc:
                outcome["error"] = f"{folder}: {exc.strerror or exc}"

        self.site_thread = threading.Thread(target=run, name="studio-site", daemon=True)
        self.site_thread.start()
        self.say(tr("De webpagina's worden gemaakt…"))

        def poll() -> None:
            if self.closing:
                return
            if self.site_thread is not None and self.site_thread.is_alive():
                QTimer.singleShot(100, poll)
                return
            self.site_thread = None
            if "error" in outcome:
                self.say(tr("De webpagina's zijn niet gemaakt: {error}").format(
                    error=outcome["error"]), bad=True)
            else:
                pages = len(outcome["manifest"].get("pages", []))
                self.say(tr("{n} webpagina's staan in {folder}; zet die map op de website van "
                            "de campagne.").format(n=pages, folder=folder))
        QTimer.singleShot(100, poll)

    def preview(self, size: str) -> None:
        """Her event on the real kiosk screens: the kiosk itself, windowed, in a child process,
        on her saved pack, in the studio's language (its figures go to a throw-away folder)."""
        import tempfile

        if not self.save():
            return
        from kiosk.pack.check import collect

        pack, _problems, fatal = collect(self.studio.root, self.config)
        if pack is None or self.studio.event_id not in pack.events:
            first = next((f.text for f in self.findings if f.severity == "error"), fatal)
            self.say(tr("Het voorbeeld kan nog niet: maak eerst af wat rood staat bij 'Nog te "
                        "doen' ({first}).").format(first=first), bad=True)
            return
        data = Path(tempfile.mkdtemp(prefix="bliq-preview-"))
        lang = "en" if self.translator is not None else "nl"
        program, *args = kiosk_tool_command(
            ["run", "--windowed", "--size", size, "--content", str(self.studio.root), "--data",
             str(data), "--event", self.studio.event_id, "--lang", lang])
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedChannels)
        process.finished.connect(lambda *_a, p=process, d=data: self._preview_done(p, d))
        self.previews.append((process, data))
        process.start(program, args)
        self.say(tr("Het voorbeeld opent in een eigen venster: precies wat de kiosk laat zien. "
                    "Sluit het venster als je klaar bent."))

    def _preview_done(self, process: QProcess, data: Path) -> None:
        import shutil

        self.previews = [(p, d) for p, d in self.previews if p is not process]
        process.deleteLater()
        shutil.rmtree(data, ignore_errors=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing = True
        self.autosave.stop()
        self.write_draft()  # closed without saving: offered back on the next start
        if self.process is not None:
            self.process.kill()
            self.process.waitForFinished(3000)
        for process, _data in list(self.previews):
            process.terminate()
            if not process.waitForFinished(5000):
                process.kill()
                process.waitForFinished(3000)
        m.release_lock(self.studio.root)
        super().closeEvent(event)


@dataclass
class StudioApp:
    """What ``build`` made: the Qt application and the window (tests use ``.window``)."""

    qapp: QApplication
    window: StudioWindow
    studio: m.Studio
    home: Path

    def close(self) -> None:
        self.window.close()


def _ask_copy_folder(parent: QWidget | None, source: Path) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, tr("Waar komt jouw kopie van {name}?").format(name=source.name))
    return Path(folder) if folder else None


def build(argv: list[str], config: Config = DEFAULT, home: Path | None = None) -> StudioApp:
    """Make the studio's window for ``argv`` (``[PACK] [--lang en]``) without running it."""
    import argparse

    parser = argparse.ArgumentParser(prog="kiosk studio")
    parser.add_argument("pack", nargs="?", type=Path)
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    parser.add_argument("--quit-after-start", action="store_true",
                        help="quit with exit code 0 once the window is shown (checks of an "
                             "installation, e.g. the packaged app's smoke check)")
    args = parser.parse_args(argv)
    qapp = QApplication.instance() or QApplication(["bliq-studio"])
    home = home or studio_home()
    source = args.pack
    if source is None:
        from kiosk.paths import sample_pack

        source = sample_pack()
    source = source.resolve()
    if not source.exists():
        raise m.StudioError("{folder}: bestaat niet; kies de map of het .bliqpack-bestand van "
                            "de campagne.", folder=source)
    from kiosk.paths import sample_pack

    if m.needs_copy(source) or args.pack is None or source == sample_pack().resolve():
        parent = _ask_copy_folder(None, source)
        if parent is None:
            raise m.StudioError("Geen map gekozen voor je kopie; er is niets veranderd.")
        source = m.make_copy(source, parent, config)
    m.take_lock(source)
    try:
        studio = m.Studio(source, config)
        draft = m.read_draft(home, source)
        if draft is not None:
            when = datetime.datetime.fromtimestamp(float(draft.get("saved_at") or 0))
            answer = QMessageBox.question(
                None, tr("Niet-opgeslagen werk"),
                tr("Je hebt werk van {when} dat niet is opgeslagen. Terughalen?").format(
                    when=when.strftime("%d-%m %H:%M")))
            if answer == QMessageBox.StandardButton.Yes:
                studio.restore(draft)
            else:
                m.drop_draft(home, source)
        window = StudioWindow(studio, home, config)
    except BaseException:
        m.release_lock(source)
        raise
    if args.lang == "en":
        window.toggle_language()
    window.show()
    if args.quit_after_start:
        log.info("--quit-after-start: studio window shown on %s; quitting", source)
        QTimer.singleShot(0, qapp.quit)  # once the event loop runs: the window has been shown
    return StudioApp(qapp, window, studio, home)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    qapp = QApplication.instance() or QApplication(["bliq-studio"])
    try:
        app = build(argv)
    except m.StudioError as exc:
        print(f"BLIQ Studio: {exc}", file=sys.stderr)
        QMessageBox.warning(None, "BLIQ Studio", error_text(exc))
        return 1
    code = qapp.exec()
    app.close()
    return int(code)

