"""What the sample pack says: series, episodes, captions, companies, events (data only).

`tools/make_sample_pack.py` turns this into the TOML files and media of `episodes/`.
Role models are invented, aged 16-24, at least half of them girls and women.
Captions are what the role model says: short, positive sentences a 12-year-old reads at a glance.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PACK = {
    "format": 1,
    "id": "bliq-sample",
    "version": 1,
    "title": {"nl": "BLIQ voorbeeldpakket", "en": "BLIQ sample pack"},
    "languages": ["nl", "en"],
    "channel_url": "https://nxtv.example/",
    "site_url": "https://bliq.example/",
    "allowed_hosts": ["nxtv.example", "bedrijf.example", "bliq.example"],
    "default_event": "open-dag-2026",
}

Text = dict[str, str]


@dataclass(frozen=True)
class Look:
    """A series' recognisable look: colours (hex) and where the title card sits."""

    dark: str      # gradient colour 1 and text band
    bright: str    # gradient colour 2
    accent: str    # shapes, tag pill, progress bar
    mid: str       # gradient colour 3
    layout: str    # "band" (bottom-left), "centre", "panel" (right)
    chord: tuple[float, float, float]  # sound bed (Hz)


@dataclass(frozen=True)
class EpisodeData:
    """One episode: who, which jobs, how long, and what they say (nl/en cues)."""

    number: int
    title: Text
    name: str
    age: int
    job: Text
    jobs: list[str]
    duration: float
    cues_nl: list[str]
    cues_en: list[str]
    new: bool = False


@dataclass(frozen=True)
class SeriesData:
    """One series with one season of episodes."""

    id: str
    prefix: str
    title: Text
    description: Text
    look: Look
    audience: list[str]
    episodes: list[EpisodeData] = field(default_factory=list)


SERIES: list[SeriesData] = [
    SeriesData(
        id="aan-de-slag", prefix="ads",
        title={"nl": "Aan de slag", "en": "Getting to work"},
        description={"nl": "Jongeren van jouw leeftijd laten zien wat ze elke dag doen in de techniek.",
                     "en": "Young people your age show what they do in tech every day."},
        look=Look("#5A1800", "#FF6B1A", "#FFD23F", "#E8430C", "band", (261.63, 329.63, 392.00)),
        audience=["students"],
        episodes=[
            EpisodeData(1, {"nl": "Sanne zet de stroom erop", "en": "Sanne powers up"},
                        "Sanne", 19, {"nl": "Elektromonteur", "en": "Electrician"},
                        ["elektromonteur", "monteur-zonnepanelen"], 14.0,
                        ["Hoi! Ik ben Sanne en ik ben elektromonteur.",
                         "Vandaag leggen we zonnepanelen op een school.",
                         "Ik sluit alles veilig aan op de meterkast.",
                         "Als het licht aangaat, ben ik echt trots!"],
                        ["Hi! I'm Sanne and I'm an electrician.",
                         "Today we're putting solar panels on a school.",
                         "I connect everything safely to the fuse box.",
                         "When the lights come on, I feel really proud!"]),
            EpisodeData(2, {"nl": "Daan bouwt een huis van hout", "en": "Daan builds a wooden house"},
                        "Daan", 20, {"nl": "Timmerman", "en": "Carpenter"},
                        ["timmerman"], 13.0,
                        ["Ik ben Daan, timmerman bij een houtbouwbedrijf.",
                         "Wij bouwen huizen van hout, stuk voor stuk.",
                         "Meten, zagen en dan alles precies passend maken.",
                         "Aan het eind van de dag zie je wat je gemaakt hebt."],
                        ["I'm Daan, a carpenter at a timber building firm.",
                         "We build houses out of wood, piece by piece.",
                         "Measure, saw, then make everything fit just right.",
                         "At the end of the day you see what you made."]),
            EpisodeData(3, {"nl": "Fatima laat staal smelten", "en": "Fatima melts steel"},
                        "Fatima", 18, {"nl": "Lasser", "en": "Welder"},
                        ["lasser", "cnc-operator"], 16.0,
                        ["Ik ben Fatima en ik leer lassen.",
                         "Met mijn helm op zie ik het staal smelten.",
                         "Samen met de CNC-machine maken we een brug.",
                         "Mijn las moet sterk én mooi zijn.",
                         "Dat lukt steeds beter!"],
                        ["I'm Fatima and I'm learning to weld.",
                         "With my helmet on I watch the steel melt.",
                         "Together with the CNC machine we make a bridge.",
                         "My weld has to be strong and neat.",
                         "I'm getting better every day!"]),
            EpisodeData(4, {"nl": "Jesse maakt e-bikes weer blij", "en": "Jesse fixes e-bikes"},
                        "Jesse", 16, {"nl": "Fietstechnicus in opleiding", "en": "Trainee bike mechanic"},
                        ["fietstechnicus"], 12.0,
                        ["Ik ben Jesse, ik werk en leer in een fietsenwinkel.",
                         "Deze e-bike doet het niet. Ik zoek uit waarom.",
                         "Met de laptop lees ik de motor uit.",
                         "Gevonden! De klant kan weer fietsen."],
                        ["I'm Jesse, I work and learn in a bike shop.",
                         "This e-bike won't go. I find out why.",
                         "I read the motor's data with a laptop.",
                         "Found it! The customer can ride again."]),
            EpisodeData(5, {"nl": "Lotte werkt hoog in de wind", "en": "Lotte works high up in the wind"},
                        "Lotte", 22, {"nl": "Servicemonteur windturbines", "en": "Wind turbine technician"},
                        ["servicemonteur-windturbines", "onderhoudsmonteur"], 15.0,
                        ["Ik ben Lotte en ik werk op 100 meter hoogte.",
                         "Ik controleer of de windturbine goed draait.",
                         "We werken altijd met z'n tweeën, veilig vastgemaakt.",
                         "Het uitzicht is elke dag anders!"],
                        ["I'm Lotte and I work 100 metres up.",
                         "I check that the wind turbine runs well.",
                         "We always work in pairs, safely clipped on.",
                         "The view is different every day!"],
                        new=True),
        ],
    ),
    SeriesData(
        id="techniek-om-je-heen", prefix="toh",
        title={"nl": "Techniek om je heen", "en": "Tech all around you"},
        description={"nl": "De techniek die je elke dag gebruikt, en de mensen die hem maken.",
                     "en": "The tech you use every day, and the people who make it."},
        look=Look("#0B2545", "#00A6A6", "#C6F432", "#13718C", "centre", (293.66, 369.99, 440.00)),
        audience=["students"],
        episodes=[
            EpisodeData(1, {"nl": "Noor bouwt een game", "en": "Noor builds a game"},
                        "Noor", 21, {"nl": "Game developer", "en": "Game developer"},
                        ["game-developer", "software-developer"], 14.0,
                        ["Ik ben Noor en ik maak games.",
                         "Elke game die je speelt, heeft iemand gebouwd.",
                         "Ik programmeer hoe je personage springt.",
                         "Daarna testen we het met echte spelers."],
                        ["I'm Noor and I make games.",
                         "Every game you play, someone built it.",
                         "I program how your character jumps.",
                         "Then we test it with real players."]),
            EpisodeData(2, {"nl": "Mohammed houdt huizen warm", "en": "Mohammed keeps homes warm"},
                        "Mohammed", 23, {"nl": "Monteur warmtepompen", "en": "Heat pump engineer"},
                        ["monteur-warmtepompen", "installatiemonteur"], 15.0,
                        ["Ik ben Mohammed, monteur warmtepompen.",
                         "Een warmtepomp haalt warmte uit de buitenlucht.",
                         "Ik sluit hem aan en leg de klant uit hoe het werkt.",
                         "Zo wordt een huis warm zonder gas."],
                        ["I'm Mohammed, a heat pump engineer.",
                         "A heat pump takes warmth from the outside air.",
                         "I install it and explain to the customer how it works.",
                         "That's how a home gets warm without gas."]),
            EpisodeData(3, {"nl": "Eva ontwerpt wat je ziet", "en": "Eva designs what you see"},
                        "Eva", 20, {"nl": "Mediavormgever", "en": "Media designer"},
                        ["mediavormgever", "av-technicus"], 13.0,
                        ["Ik ben Eva en ik ben mediavormgever.",
                         "Die wrap op de bus? Die heb ik ontworpen!",
                         "Ik werk met kleur, beeld en licht.",
                         "Op festivals regel ik ook de schermen."],
                        ["I'm Eva and I'm a media designer.",
                         "That wrap on the bus? I designed it!",
                         "I work with colour, images and light.",
                         "At festivals I run the screens too."]),
            EpisodeData(4, {"nl": "Bram houdt het schip varende", "en": "Bram keeps the ship going"},
                        "Bram", 24, {"nl": "Scheepswerktuigkundige", "en": "Marine engineer"},
                        ["scheepswerktuigkundige", "matroos"], 16.0,
                        ["Ik ben Bram. Ik zorg voor de motoren van het schip.",
                         "Mijn werkplek drijft en vaart naar andere havens.",
                         "Ik controleer alles, zodat we veilig varen.",
                         "Met de matrozen vormen we één team."],
                        ["I'm Bram. I look after the ship's engines.",
                         "My workplace floats and sails to other ports.",
                         "I check everything so we sail safely.",
                         "With the deckhands we're one team."],
                        new=True),
        ],
    ),
    SeriesData(
        id="ouders-docenten", prefix="ouders",
        title={"nl": "Voor ouders & docenten", "en": "For parents & teachers"},
        description={"nl": "Routes van vmbo naar mbo, en werk met toekomst in de techniek.",
                     "en": "Routes from vmbo to mbo, and jobs with a future in tech."},
        look=Look("#1B1035", "#7B3FB0", "#FF8FAB", "#4A2380", "panel", (220.00, 277.18, 329.63)),
        audience=["parents"],
        episodes=[
            EpisodeData(1, {"nl": "Van vmbo naar mbo: de route van Yara",
                            "en": "From vmbo to mbo: Yara's route"},
                        "Yara", 24, {"nl": "Mechatronicus", "en": "Mechatronics engineer"},
                        ["mechatronicus", "procesoperator"], 16.0,
                        ["Ik ben Yara, mechatronicus in een fabriek.",
                         "Ik deed vmbo PIE en daarna mbo mechatronica.",
                         "In mijn opleiding werkte ik al in het bedrijf.",
                         "Nu zorg ik dat de robots blijven draaien."],
                        ["I'm Yara, a mechatronics engineer in a factory.",
                         "I did vmbo PIE and then mbo mechatronics.",
                         "During my course I already worked at the company.",
                         "Now I keep the robots running."]),
            EpisodeData(2, {"nl": "Werk met toekomst", "en": "Jobs with a future"},
                        "Thijs", 21, {"nl": "Truck-technicus", "en": "Truck technician"},
                        ["truck-technicus", "automonteur"], 14.0,
                        ["Ik ben Thijs, truck-technicus.",
                         "Na mijn diploma had ik meteen een vaste baan.",
                         "Trucks worden elektrisch, dus ik leer steeds bij.",
                         "De techniek heeft jongens én meiden nodig."],
                        ["I'm Thijs, a truck technician.",
                         "I had a steady job right after my diploma.",
                         "Trucks are going electric, so I keep learning.",
                         "Tech needs girls and boys alike."]),
        ],
    ),
]


@dataclass(frozen=True)
class CompanyData:
    """A clearly fictional demo company (hosts under bedrijf.example)."""

    id: str
    name: str
    initials: str
    colour: str
    description: Text
    jobs: list[str]
    internship: bool = True


COMPANIES: list[CompanyData] = [
    CompanyData("voltwerk", "Voltwerk Installatietechniek", "VI", "#F2A900",
                {"nl": "Wij brengen stroom, warmte en zonne-energie naar huizen en scholen.",
                 "en": "We bring power, heat and solar energy to homes and schools."},
                ["elektromonteur", "installatiemonteur", "monteur-zonnepanelen", "monteur-warmtepompen"]),
    CompanyData("bouwbaas", "Bouwbaas Houtbouw", "BB", "#8B5A2B",
                {"nl": "Wij bouwen duurzame huizen en scholen van hout.",
                 "en": "We build sustainable homes and schools out of wood."},
                ["timmerman", "meubelmaker", "dakdekker", "bouwkundig-tekenaar"]),
    CompanyData("staalstad", "Staalstad Metaal", "SM", "#4A6274",
                {"nl": "Van bruggen tot robots: wij lassen, frezen en bouwen machines.",
                 "en": "From bridges to robots: we weld, mill and build machines."},
                ["lasser", "cnc-operator", "cnc-programmeur", "mechatronicus"]),
    CompanyData("rijwiel", "Rijwiel & Co", "RC", "#2E9E5B",
                {"nl": "Fietsen en e-bikes repareren, afstellen en verkopen.",
                 "en": "We repair, tune and sell bikes and e-bikes."},
                ["fietstechnicus"], internship=False),
    CompanyData("pixelhaven", "Pixelhaven Media", "PH", "#D6336C",
                {"nl": "Games, apps, video en schermen voor festivals en musea.",
                 "en": "Games, apps, video and screens for festivals and museums."},
                ["mediavormgever", "game-developer", "software-developer", "av-technicus", "ict-beheerder"]),
    CompanyData("de-vaart", "Scheepswerf De Vaart", "DV", "#1F5FAD",
                {"nl": "Wij bouwen en onderhouden schepen voor de binnenvaart.",
                 "en": "We build and maintain ships for inland waterways."},
                ["matroos", "scheepswerktuigkundige", "lasser"]),
    CompanyData("windkracht", "Windkracht Service", "WS", "#0E8C8C",
                {"nl": "Onderhoud aan windturbines en fabrieken in de regio.",
                 "en": "Maintenance for wind turbines and factories in the region."},
                ["servicemonteur-windturbines", "onderhoudsmonteur", "procesoperator", "netwerkmonteur"]),
    CompanyData("zuiderpoort", "Garage Zuiderpoort", "GZ", "#C0392B",
                {"nl": "Auto's, bestelbussen en trucks: onderhoud, schade en elektrisch rijden.",
                 "en": "Cars, vans and trucks: servicing, body repair and electric driving."},
                ["automonteur", "truck-technicus", "autoschadehersteller"]),
]

# Stand numbers per event: company id -> stand.
EVENTS: list[dict] = [
    {
        "id": "open-dag-2026",
        "name": {"nl": "Open dag Techniekcollege De Brug", "en": "Open day Techniekcollege De Brug"},
        "welcome": {"nl": "Welkom! Kijk rond in onze werkplaatsen en ontdek wat jij wilt maken.",
                    "en": "Welcome! Look around our workshops and find out what you want to make."},
        "kind": "open_day",
        "date": dt.date(2026, 11, 28),
        "companies": ["voltwerk", "bouwbaas", "rijwiel", "pixelhaven"],
        "featured_series": ["aan-de-slag", "ouders-docenten"],
        "languages": ["nl", "en"],
        "idle": {"timeout": 45, "countdown": 10},
        "stands": {"voltwerk": "Lokaal 1.04", "bouwbaas": "Werkplaats hout",
                   "rijwiel": "Aula", "pixelhaven": "Mediatheek"},
    },
    {
        "id": "techniekmarkt-2026",
        "name": {"nl": "Techniekmarkt Regio Zwolle", "en": "Zwolle Region Tech Careers Fair"},
        "kind": "career_fair",
        "date": dt.date(2026, 3, 12),
        "companies": [c.id for c in COMPANIES],
        "featured_series": ["techniek-om-je-heen", "aan-de-slag"],
        "languages": ["nl", "en"],
        "idle": {"timeout": 40, "countdown": 10},
        "stands": {c.id: f"Stand {chr(ord('A') + i // 4)}{i % 4 + 1}" for i, c in enumerate(COMPANIES)},
    },
]

ADMIN_PIN = "2468"
# A fixed salt keeps reruns byte-identical; the PIN is a published demo PIN anyway.
ADMIN_PIN_SALT = bytes.fromhex("b11c5a3b1e0d2468a1b2c3d4e5f60718")
