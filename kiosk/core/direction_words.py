"""The words for a direction of the game: its six interest types and seven work domains. No Qt.

Dutch and English, defined once. The result screen shows them (``kiosk.ui.game_bridge`` puts
them in the result; QML only draws the chips), the organisers' figures name domains with them
(``kiosk.insights.names``) and the take-home pages repeat them (``kiosk.site.texts``), so a
student recognises on the phone what the kiosk said. Words say what you like doing and where,
never a type letter or code.
"""
from __future__ import annotations

TYPE_WORDS: dict[str, tuple[str, str]] = {   # (nl, en)
    "R": ("Zelf doen en maken", "Doing and making"),
    "I": ("Uitzoeken hoe het werkt", "Finding out how it works"),
    "A": ("Creatief bedenken", "Coming up with ideas"),
    "S": ("Helpen en uitleggen", "Helping and explaining"),
    "E": ("Regelen en organiseren", "Organising and leading"),
    "C": ("Precies en netjes werken", "Careful, precise work"),
}

DOMAIN_WORDS: dict[str, tuple[str, str]] = {
    "bouw": ("Bouw & hout", "Building & wood"),
    "energie": ("Elektro & energie", "Electrics & energy"),
    "installatie": ("Installatie & klimaat", "Installation & climate"),
    "metaal": ("Metaal & machines", "Metal & machines"),
    "voertuigen": ("Voertuigen", "Vehicles"),
    "media": ("Media & ICT", "Media & IT"),
    "maritiem": ("Water & schepen", "Water & ships"),
}


def _pick(words: tuple[str, str] | None, lang: str) -> str:
    if words is None:
        return ""
    return words[1] if lang == "en" else words[0]


def type_word(letter: str, lang: str) -> str:
    """``"S"`` → ``"Helpen en uitleggen"`` (``lang`` ``"en"``: English); "" for an unknown one."""
    return _pick(TYPE_WORDS.get(letter), lang)


def domain_word(domain: str, lang: str) -> str:
    """``"bouw"`` → ``"Bouw & hout"``; "" for an unknown domain."""
    return _pick(DOMAIN_WORDS.get(domain), lang)


def direction_words(types: list[str] | tuple[str, ...], domains: list[str] | tuple[str, ...],
                    lang: str) -> list[dict[str, str]]:
    """The chips of a direction, strongest first: types, then domains (``kind`` says which)."""
    chips = [{"word": type_word(t, lang), "kind": "type"} for t in types]
    chips += [{"word": domain_word(d, lang), "kind": "domain"} for d in domains]
    return [chip for chip in chips if chip["word"]]
