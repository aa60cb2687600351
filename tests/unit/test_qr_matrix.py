"""QR matrices are remembered: the player works the next clip's code out ahead on a helper
thread, and drawing it when the clip shows then costs no mask search."""
from __future__ import annotations

import threading

from kiosk.config import Config
from kiosk.core.qr_image import qr_modules, qr_modules_ready


def test_a_matrix_worked_out_once_is_remembered_and_cannot_be_spoiled() -> None:
    config = Config()
    payload = "https://bliq.example/e/ads-s1e2?utm_source=kiosk&test=remembered"
    assert not qr_modules_ready(payload, config.qr)
    first = qr_modules(payload, config.qr)
    assert qr_modules_ready(payload, config.qr)
    first[10][10] = not first[10][10]        # a caller changing its copy …
    assert qr_modules(payload, config.qr) != first   # … changes nothing remembered
    # another error-correction level is another code
    assert not qr_modules_ready(payload, config.with_(qr_error_correction="H").qr)


def test_a_helper_thread_and_the_ui_thread_get_the_same_code() -> None:
    config = Config()
    payloads = [f"https://bliq.example/e/{i}?thread=1" for i in range(6)]
    made: dict[str, list[list[bool]]] = {}
    helper = threading.Thread(target=lambda: [qr_modules(p, config.qr) for p in payloads])
    helper.start()
    for p in reversed(payloads):
        made[p] = qr_modules(p, config.qr)
    helper.join()
    assert all(qr_modules(p, config.qr) == made[p] for p in payloads)
    assert all(qr_modules_ready(p, config.qr) for p in payloads)
