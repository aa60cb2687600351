"""Every default, timeout, size and limit in one declared place, in typed sections.

``Config`` is made of one frozen section per part of the kiosk (``flow``, ``store``, ``media``,
``campaign``, ``report``, ``watchdog``, …). Code below the composition root (``kiosk.app.build``
and the command-line tools) is handed the section it reads, or the whole ``Config`` when it
reads several; none of it falls back to a default of its own. A setting is added to the one
section whose code reads it.

Tests shrink values with ``Config().with_(idle_timeout_s=…)``: every setting's name is unique
across the sections, so ``with_`` finds its section by the name alone. Nothing else in the code
holds a literal timeout.
"""
from __future__ import annotations

from dataclasses import field, fields, replace
from typing import Any

# a frozen dataclass whose methods are not compiled at every start (kiosk.records)
from kiosk.records import record


@record(frozen=True)
class FlowConfig:
    """The visitor's flow (kiosk.visit.flow, the controller, playback), in seconds."""
    idle_timeout_s: float = 45.0          # no touch in a menu or the game → "Ben je er nog?"
    still_there_countdown_s: float = 10.0  # overlay countdown before the session resets
    code_idle_min_s: float = 45.0          # the idle wait while a QR code is on screen, at least
    next_up_countdown_s: float = 5.0       # end card → next episode
    player_controls_hide_s: float = 4.0    # tap shows controls; they hide after this
    idle_from_event: bool = True           # event files may set their own idle times (tests: False)
    bad_clip_message_s: float = 2.0        # friendly message before skipping a broken clip
    admin_idle_timeout_s: float = 180.0    # admin untouched this long → back to attract


@record(frozen=True)
class LanguageConfig:
    """The languages the kiosk speaks, and the one it starts in."""
    default_language: str = "nl"
    languages: tuple[str, ...] = ("nl", "en")


@record(frozen=True)
class SpeechConfig:
    """Read-aloud (kiosk.media.speech)."""
    # "" = the platform's own engine (SAPI/WinRT on Windows, speech-dispatcher on Linux),
    # another QtTextToSpeech plug-in by name, or "none" (off)
    read_aloud_engine: str = ""
    read_aloud_close_wait_s: float = 1.0     # an engine process that hangs is killed after this
    read_aloud_probe_timeout_s: float = 30.0  # preflight waits this long for the engine


@record(frozen=True)
class AdminConfig:
    """Admin: the hidden corner, the PIN pad and what admin shows."""
    admin_gesture_s: float = 3.0           # press-and-hold in the corner
    admin_corner_px: int = 120             # size of the hidden corner (scaled with the screen)
    admin_max_attempts: int = 5
    admin_lockout_s: float = 60.0
    admin_pin_pad_timeout_s: float = 30.0  # an open PIN pad closes itself after this
    admin_pin_length: int = 4
    admin_problems_max: int = 200          # problems found while running, kept for the admin list
    admin_log_lines: int = 40              # last lines of the log that admin shows
    admin_storage_poll_s: float = 1.0      # admin looks this often whether events reach the disk
    admin_preflight_timeout_s: float = 300.0  # the morning check's child is stopped after this


@record(frozen=True)
class StoreConfig:
    """The event store, its database and the kiosk's log (kiosk.storage)."""
    db_filename: str = "kiosk.db"
    log_filename: str = "kiosk.log"
    kiosk_id_filename: str = "kiosk-id"
    event_flush_interval_s: float = 0.25   # a killed process loses at most this much (< 1 s)
    retention_days: int = 400
    log_max_bytes: int = 1_000_000
    log_backups: int = 3
    log_backlog_records: int = 200         # log lines kept while the disk refuses them
    db_busy_timeout_s: float = 5.0         # wait this long for a locked database before failing
    event_flush_timeout_s: float = 5.0     # flush()/close() give up after this (never hang)
    event_retry_s: float = 2.0             # after a write error (disk full, I/O), retry then
    event_queue_max: int = 100_000         # events kept in memory while the disk refuses writes
    ui_flush_timeout_s: float = 0.2        # the UI thread waits at most this for a flush


@record(frozen=True)
class InsightsConfig:
    """The campaign's figures: metrics, kiosk stats/export/merge, the admin dashboard."""
    watched_fraction_min: float = 0.9      # a play counts as "watched to the end" from this share
    watch_through_reference: float = 0.65  # the campaign's own watch-through, shown as a line
    videos_histogram_max: int = 5          # videos per session: 0 … 4 and "5+"
    dashboard_top_n: int = 8               # bars in the top jobs / cards charts
    dashboard_days: int = 7                # day filter buttons: the last days with visits
    # In the user's cache folder: the titles of packs the figures were named from, so the next
    # `kiosk stats` reads them without loading the pack (kiosk.pack.titles).
    titles_cache_dirname: str = "pack-titles"


@record(frozen=True)
class ReportConfig:
    """The campaign report (kiosk report): one HTML file for organisers."""
    videos_in_a_row_reference: float = 3.0  # "about 3 videos in a row" (Netflix approach)
    report_event_pages_max: int = 40       # events with their own page; the rest: summary
    report_regions_max: int = 12           # regions compared side by side
    report_events_listed_max: int = 100    # events named in the summary's heading
    report_hour_panels_max: int = 12       # visits-per-hour panels (busiest events first)
    report_kiosks_max: int = 200           # rows in the kiosks table
    report_day_labels_max: int = 16        # labels under the visits-per-day chart
    # The campaign's own question (kiosk.core.pulse): a group's figures only from this many
    # answers, so no small group can point at a person; the interval's bootstrap is seeded.
    pulse_min_group: int = 10
    pulse_bootstrap_samples: int = 2000
    pulse_bootstrap_seed: int = 31


@record(frozen=True)
class GameConfig:
    """The game (docs/game.md) and the pack's deck rules."""
    # Weight of the interest fit against the domain fit. 0.65, not 0.5: a domain's mean rests on
    # 3–4 answers, a type's on more answers and duels; the simulation (tests/bench/
    # bench_game_sim.py) measured two of three jobs back on a second play 34 % → 39 %.
    game_alpha: float = 0.65
    game_result_jobs: int = 3
    # Adaptive questioning (docs/game.md "The adaptive rule"): every type gets
    # game_screen_per_type cards first; then cards go to the types that could still be the
    # strongest; the cards stop when the leader is clear by game_clear_z standard errors (after
    # game_min_answers answers) or after game_max_cards cards; then up to game_max_duels duels
    # between the closest top types. At most game_max_cards + game_max_duels answers.
    game_screen_per_type: int = 2
    game_min_answers: int = 16
    game_max_cards: int = 20
    game_max_duels: int = 11
    game_clear_z: float = 1.0
    game_prior_weight: float = 1.0         # answers' weight pulling a type toward p̄ (scoring)
    game_equal_z: float = 1.0              # jobs within this many se of the best: "even goed"
    game_graded: bool = False              # offer "een beetje" (x = ½) beside yes and no
    deck_min_per_type: int = 4             # docs/game.md: ≥ 4 cards per RIASEC type
    deck_min_per_domain: int = 3           # docs/game.md: ≥ 3 cards per work domain
    deck_good_per_type: int = 6            # fewer: kiosk check notes it (the game runs out)
    job_duplicate_r: float = 0.95          # same domain, interests and domains this alike: note
    game_swipe_threshold: float = 0.35     # a card dragged this share of its width goes out
    game_flick_min: float = 0.12           # a quick flick needs at least this share of the width …
    game_flick_speed: float = 1200.0       # … released faster (px/s at a 1080 px short side)


@record(frozen=True)
class PackConfig:
    """Content limits (pack safety) and the pack's messages (kiosk/pack: loader, files,
    readiness)."""
    max_text_chars: int = 300
    max_long_text_chars: int = 1000
    # An event's own question (``[pulse] question``): in the kiosk's title size it takes at most
    # three lines on a portrait screen (1080 px wide) and two in landscape.
    pulse_question_max_chars: int = 80
    max_video_bytes: int = 500 * 1024 * 1024
    max_image_bytes: int = 10 * 1024 * 1024
    max_subtitle_bytes: int = 1024 * 1024
    max_toml_bytes: int = 2 * 1024 * 1024
    max_clip_seconds: float = 120.0        # preflight flags longer clips
    max_id_chars: int = 64                 # ids in pack files
    video_sniff_max_boxes: int = 10_000    # check: MP4 top-level boxes walked before giving up
    duration_tolerance_s: float = 1.0      # a typed duration off by more: check warns
    did_you_mean_cutoff: float = 0.6       # difflib ratio for "did you mean" suggestions
    demo_pins: tuple[str, ...] = ("2468",)  # the sample pack's PIN: never at a real event
    # Reserved names (RFC 2606 / 6761) that only placeholder packs link to.
    placeholder_host_suffixes: tuple[str, ...] = (".example", "example.com", "example.org",
                                                  "example.net", ".test", ".invalid")


@record(frozen=True)
class MediaConfig:
    """kiosk/media: the player, its decoders, stills and organisers' own clips."""
    first_frame_timeout_s: float = 5.0     # a clip with no decoded frame by then is broken
    # The next clip loads (and its decoder starts) this long before the current one ends, so
    # autoplay and the attract loop stay gapless; not at the start: a second decoder held all
    # episode long costs 16 MB resident (720p, one decode thread, measured; 23 MB with FFmpeg's
    # threads=auto).
    standby_lead_s: float = 10.0
    # FFmpeg threads per software decoder; 0 = FFmpeg's own choice (cores + 1, up to 16).
    # One thread: 17 MB less resident on 2 cores (more on bigger PCs: every thread keeps its
    # frames) for the same CPU, and still 16× real time on a 720p clip, 4.2× on 1080p30 at
    # 10 Mb/s (measured on 2 cores); preflight warns below headroom_warn.
    decode_threads: int = 1
    frame_stall_timeout_s: float = 5.0     # playing but no new frame this long → broken (frozen)
    progress_marks: tuple[int, ...] = (25, 50, 75)  # % of an episode reported once per play
    watch_continuous_ms: int = 1500        # reports closer than this: played on, not a seek
    watch_bucket_s: float = 1.0            # fraction watched counts these slices of a clip
    # Organisers' own clips: kiosk add-videos, thumbnails, decode headroom
    thumb_positions: tuple[float, ...] = (0.4, 0.6, 0.25, 0.8)  # parts of a clip tried for a still
    thumb_min_mean: float = 40.0           # a still darker than this (0–255) counts as black
    thumb_min_spread: float = 12.0         # … or flatter than this (a fade, a blank wall)
    thumb_good_spread: float = 30.0        # this much contrast: take it, decode no further
    thumb_width: int = 640                 # stills are stored this wide (a tile is ≤ 440 px)
    thumb_cache_dirname: str = "thumbnails"  # in the data dir: stills made at load time
    headroom_rate: float = 8.0             # preflight decodes at this speed …
    headroom_seconds: float = 1.0          # … for at most this long per clip format
    headroom_warn: float = 1.5             # decoding slower than this × real time: convert
    max_clip_pixels_short_side: int = 1080  # add-videos --convert: above this (e.g. 4K) scale down
    max_clip_mbps: float = 8.0             # … or above this bit rate: re-encode
    preflight_end_probe_s: float = 1.0     # preflight also decodes this far before the end
    # Blurred sides for odd-shaped clips: about +10 % of one core with Qt's software renderer
    # (none measurable with OpenGL); a lean render mode may switch it off.
    player_side_fill: bool = True


@record(frozen=True)
class PreflightConfig:
    """The morning check on the kiosk's own machine (kiosk preflight)."""
    preflight_min_screen_px: int = 720        # short side below this: warn (QR codes get small)
    preflight_disk_error_bytes: int = 100 * 2**20   # less free space for the database: red
    preflight_disk_warn_bytes: int = 1024 * 2**20   # less: a warning
    preflight_day_bytes: int = 10 * 2**20     # a busy day: ~40k events at ~250 bytes each
    preflight_duration_tolerance_s: float = 1.0  # decoded vs declared duration may differ this much
    preflight_log_filename: str = "preflight.log"  # FFmpeg/Qt details of the last preflight


@record(frozen=True)
class QrConfig:
    """QR codes and the links they hold."""
    link_max_chars: int = 300              # longer links make QR codes too dense to scan
    qr_error_correction: str = "M"         # "M" or "Q": M or higher is readable from a screen
    qr_border_modules: int = 4             # quiet zone, the QR standard's minimum
    qr_px_at_1080: int = 240               # code side on a 1080-px short side (1–1.5 m scan)
    qr_reference_short_side_px: int = 1080  # the code scales with the screen from here
    qr_min_px: int = 160                   # never smaller (720-px short side, the smallest)
    qr_cache_entries: int = 32             # rendered codes kept by the image provider (LRU)


@record(frozen=True)
class WatchdogConfig:
    """Heartbeat, watchdog and memory (kiosk/ops: heartbeat, watchdog, process)."""
    heartbeat_filename: str = "heartbeat.json"
    restarts_filename: str = "restarts.log"    # one line per restart; admin counts them
    watchdog_log_filename: str = "watchdog.log"
    heartbeat_interval_s: float = 1.0      # the UI thread writes the heartbeat this often
    heartbeat_stale_s: float = 8.0         # no new heartbeat this long → UI hung → restart
    # Playing, but the same frame this long → restart. Longer than frame_stall_timeout_s: the
    # player skips a stalled clip itself first; this is for when that did not help.
    video_frozen_restart_s: float = 20.0
    watchdog_poll_s: float = 0.5           # the supervisor looks at the child this often
    watchdog_start_grace_s: float = 60.0   # a new child has this long to write its first heartbeat
    watchdog_stop_grace_s: float = 5.0     # terminate, then kill after this
    watchdog_restart_delay_s: float = 1.0  # pause before starting a new child
    watchdog_crash_loop_restarts: int = 5  # this many restarts within the window …
    watchdog_crash_loop_window_s: float = 120.0
    watchdog_crash_loop_delay_s: float = 30.0  # … and the next start waits this long
    memory_limit_bytes: int = 1024 * 2**20  # RSS over this → restart at the next attract (0: off)
    # A stop request (SIGTERM, session end) must be done within 2 s: past this the process
    # exits without waiting for the event writer (a full disk could otherwise hold it up).
    shutdown_deadline_s: float = 1.5


@record(frozen=True)
class CampaignConfig:
    """Signed pack updates, outbox snapshots, the kiosk's name (kiosk/campaign/ and
    kiosk/ui/campaign_service.py)."""
    inbox_dirname: str = "inbox"           # <data>/inbox unless --inbox DIR
    packs_dirname: str = "packs"           # installed packs: <data>/packs/<id>-<version>/
    outbox_dirname: str = "outbox"         # snapshots: <data>/outbox/<kiosk name>/<date>-<time>.db
    kiosk_name_filename: str = "kiosk-name.json"
    # Mounted USB sticks appear here (Linux desktop automounters); tests point these at temp dirs.
    removable_media_globs: tuple[str, ...] = ("/media/*/*", "/run/media/*/*")
    stick_data_dirname: str = "bliq-data"  # a stick with this folder receives the newest snapshot
    data_request_days: int = 31            # …when it holds a signed request at most this old
    inbox_poll_s: float = 2.0              # inbox and sticks are looked at this often
    # A file must keep the same size and time for this long before it is touched: a copy or a sync
    # in progress is still growing.
    inbox_settle_s: float = 2.0
    pack_max_bytes: int = 8 * 2**30        # zip-bomb caps: total unpacked size …
    pack_max_files: int = 20_000           # … and number of files
    pack_max_manifest_bytes: int = 8 * 2**20
    snapshot_interval_s: float = 600.0     # outbox snapshot every 10 minutes (and at shutdown)
    snapshot_keep: int = 12                # newest snapshots kept in the outbox
    snapshot_timeout_s: float = 30.0       # shutdown waits this long for a snapshot in progress
    merge_cache_kib: int = 256 * 1024      # SQLite page cache while merging (the uid index)
    campaign_worker_nice: int = 10         # the install/snapshot thread yields the CPU to the UI


@record(frozen=True)
class RenderConfig:
    """The window, frame discipline and the lean mode for software rasterisers."""
    default_size: tuple[int, int] = (1920, 1080)
    render_mode: str = "auto"              # "auto" (lean on a software rasteriser), "lean", "full"
    attract_pulse_every_s: float = 6.0     # the start button pulses briefly this often, not always
    attract_pulse_ms: int = 1400           # one pulse: up and down twice
    lean_pulse_every_s: float = 12.0       # lean: a pulse draws at 60 fps, so less often …
    lean_pulse_ms: int = 700               # … and one bounce instead of two
    attract_drift_every_s: float = 10.0    # colour blobs (no clips) drift this often
    attract_drift_ms: int = 2400           # … taking this long; still in between (0 frames)
    # lean: the attract loop shows every n-th frame; every frame by default, 2 only for a very
    # weak PC (``--attract-every 2``: about a third less CPU on the attract screen)
    lean_attract_frame_stride: int = 1


@record(frozen=True)
class Config:
    """Run-time settings, one section per part of the kiosk. The command line overrides a few
    (``--lang``; ``--idle-timeout`` and ``--render`` are passed beside it); event files set
    their own idle times when ``flow.idle_from_event``."""
    flow: FlowConfig = field(default_factory=FlowConfig)
    language: LanguageConfig = field(default_factory=LanguageConfig)
    speech: SpeechConfig = field(default_factory=SpeechConfig)
    admin: AdminConfig = field(default_factory=AdminConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    insights: InsightsConfig = field(default_factory=InsightsConfig)
    report: ReportConfig = field(default_factory=ReportConfig)
    game: GameConfig = field(default_factory=GameConfig)
    pack: PackConfig = field(default_factory=PackConfig)
    media: MediaConfig = field(default_factory=MediaConfig)
    preflight: PreflightConfig = field(default_factory=PreflightConfig)
    qr: QrConfig = field(default_factory=QrConfig)
    watchdog: WatchdogConfig = field(default_factory=WatchdogConfig)
    campaign: CampaignConfig = field(default_factory=CampaignConfig)
    render: RenderConfig = field(default_factory=RenderConfig)

    def with_(self, **changes: Any) -> Config:
        """A copy with some settings changed, each named by its own name (``idle_timeout_s=3``)
        or a whole section by the section's name (``flow=FlowConfig(…)``). Tests use this to
        shrink timeouts. An unknown name raises ``TypeError`` naming it (and the closest
        setting's section and name)."""
        sections: dict[str, Any] = {}
        per_section: dict[str, dict[str, Any]] = {}
        for name, value in changes.items():
            if name in SECTIONS:
                sections[name] = value
            elif name in SECTION_OF:
                per_section.setdefault(SECTION_OF[name], {})[name] = value
            else:
                raise TypeError(f"Config has no setting '{name}'{_did_you_mean(name)}")
        for section, values in per_section.items():
            sections[section] = replace(sections.get(section, getattr(self, section)), **values)
        return replace(self, **sections)


SECTIONS: tuple[str, ...] = tuple(f.name for f in fields(Config))


def _section_of() -> dict[str, str]:
    """Which section holds each setting; a name in two sections is a mistake caught at import."""
    found: dict[str, str] = {}
    defaults = Config()
    for section in SECTIONS:
        for setting in fields(getattr(defaults, section)):
            if setting.name in found or setting.name in SECTIONS:
                raise TypeError(f"config setting '{setting.name}' is declared twice "
                                f"({found.get(setting.name, 'a section')}, {section})")
            found[setting.name] = section
    return found


SECTION_OF: dict[str, str] = _section_of()


def _did_you_mean(name: str) -> str:
    import difflib   # only for a mistake: not imported with the config at every start

    close = difflib.get_close_matches(name, list(SECTION_OF), n=1, cutoff=0.6)
    return f" (did you mean {SECTION_OF[close[0]]}.{close[0]}?)" if close else ""


DEFAULT = Config()
