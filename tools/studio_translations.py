"""English for BLIQ Studio: writes kiosk/i18n/studio_en.ts from the table below and compiles it.

    python tools/studio_translations.py            # write the .ts and the .qm
    python tools/studio_translations.py --check    # exit 1 when a Dutch text lacks English

The studio's Dutch texts are found in kiosk/studio/window.py the way a reader finds them: the
string given to ``tr(...)`` or as the text of ``_text``/``_field``/``_button``/``_note``. The studio's own
sentences in kiosk/studio/problems.py and model.py that never name a file are listed here too.
Qt's lupdate does not follow the studio's module-level ``tr`` helper, hence this small tool; the
output is an ordinary Qt Linguist file.
"""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
WINDOW = ROOT / "kiosk" / "studio" / "window.py"
TS = ROOT / "kiosk" / "i18n" / "studio_en.ts"
CONTEXT = "Studio"

EN = {
    "English": "Nederlands",
    "&Opslaan": "&Save",
    "Zet op &USB-stick": "Put on &USB stick",
    "&Event": "&Event",
    "&Bedrijven": "&Companies",
    "&Video's": "&Videos",
    "&Nieuw event beginnen": "Start a &new event",
    "&Naam van het event": "&Name of the event",
    "&Datum": "&Date",
    "&Welkomstregel": "&Welcome line",
    "Pl&aats": "Pl&ace",
    "&Logo kiezen…": "Choose &logo…",
    "Logo (ook slepen)": "Logo (or drop it here)",
    "&Terug naar start na (seconden)": "&Back to start after (seconds)",
    "Beheer-&PIN (4–12 cijfers)": "Admin &PIN (4–12 digits)",
    "PIN &nog een keer": "PIN &again",
    "Bedrijven op je event": "Companies at your event",
    "Bedrijf &toevoegen": "Add a &company",
    "Omhoog": "Up",
    "Omlaag": "Down",
    "Weghalen": "Remove",
    "&Importeren uit Excel of CSV…": "&Import from Excel or CSV…",
    "Na&am": "N&ame",
    "&Lokaal of stand": "&Room or stand",
    "&Contactlink": "&Contact link",
    "&Omschrijving": "&Description",
    "Logo &kiezen…": "Choose lo&go…",
    "&Zoek een beroep": "&Find a job",
    "&Beroepen": "&Jobs",
    "&Video's kiezen…": "Choose &videos…",
    "Een &map met video's…": "A &folder of videos…",
    "Kies clips van je telefoon of camera, of sleep ze op de knop. Ondertitels met dezelfde "
    "naam (.srt of .vtt) gaan mee. Klik op een titel om hem te veranderen.":
        "Choose clips from your phone or camera, or drop them on the button. Captions with the "
        "same name (.srt or .vtt) come along. Click a title to change it.",
    "Eigen video's": "Your own videos",
    "Nog te doen": "Still to do",
    "&Laat zien": "&Show me",
    "Onze open dag": "Our open day",
    "Nieuw event begonnen: typ de naam en kies de datum.":
        "New event started: type its name and choose the date.",
    "PIN ingesteld. De studio bewaart alleen een code ervan, nooit de PIN zelf.":
        "PIN set. The studio keeps only a code made from it, never the PIN itself.",
    "Kies het logo": "Choose the logo",
    "Logo klaar; het wordt bewaard als je opslaat.": "Logo ready; it is kept when you save.",
    "Nieuw bedrijf": "New company",
    "Kies het logo van het bedrijf": "Choose the company's logo",
    "Kies de lijst met bedrijven": "Choose the list of companies",
    "Kies je video's": "Choose your videos",
    "Kies een map met video's": "Choose a folder of videos",
    "wacht…": "waiting…",
    "Omzetten": "Convert",
    "bezig…": "working…",
    "Kies de USB-stick": "Choose the USB stick",
    "BLIQ Studio": "BLIQ Studio",
    "Typ de PIN nog een keer.": "Type the PIN once more.",
    "geen logo": "no logo",
    "in het pakket": "in the pack",
    "omzetten…": "converting…",
    "klaar": "done",
    "{name} is niet toegevoegd: {why}": "{name} was not added: {why}",
    "Dubbelklik of Enter: laat het veld zien": "Double-click or Enter: show the field",
    "Klaar voor de dag ✔": "Ready for the day ✔",
    "Alles was al opgeslagen.": "Everything was saved already.",
    "Even wachten: de video's worden nog toegevoegd.": "One moment: the videos are still being added.",
    "Klaar: versie {v} staat op de stick ({file}), met LEESMIJ.txt.":
        "Done: version {v} is on the stick ({file}), with LEESMIJ.txt (read me).",
    "Waar komt jouw kopie van {name}?": "Where does your copy of {name} go?",
    "Geen map gekozen voor je kopie; er is niets veranderd.":
        "No folder chosen for your copy; nothing was changed.",
    "Niet-opgeslagen werk": "Unsaved work",
    "De PIN is ingesteld; typ een nieuwe om hem te veranderen.":
        "The PIN is set; type a new one to change it.",
    "Kies een PIN; alleen wie hem kent, opent het beheer.":
        "Choose a PIN; only people who know it can open the admin screen.",
    "Titel van {name}": "Title of {name}",
    "{name} is geen video die de kiosk kan spelen; exporteer hem opnieuw als MP4.":
        "{name} is not a video the kiosk can play; export it again as MP4.",
    "{name} is leeg; kopieer hem opnieuw van de telefoon of camera.":
        "{name} is empty; copy it again from the phone or camera.",
    "{name} speelt niet op de kiosk ({why}); klik op Omzetten.":
        "{name} does not play on the kiosk ({why}); click Convert.",
    "Wordt opgeslagen als {url}": "Will be saved as {url}",
    "{n} bedrijven ingelezen uit {file}.": "{n} companies read from {file}.",
    "Niet alles kon gelezen worden; zie de regels hieronder.":
        "Not everything could be read; see the lines below.",
    "Nog {n} ding(en) te doen. Opslaan mag altijd.":
        "{n} thing(s) still to do. You can always save.",
    "Opgeslagen ({n} bestand(en)).": "Saved ({n} file(s)).",
    "De studio maakte een sleutel voor je organisatie; de kiosk installeert alleen updates met "
    "die sleutel, dus geef {pub} één keer aan de IT van de kiosks.":
        "The studio made a key for your organisation; kiosks install only updates signed with "
        "it, so give {pub} once to the kiosks' IT.",
    "Je hebt werk van {when} dat niet is opgeslagen. Terughalen?":
        "You have unsaved work from {when}. Bring it back?",
    "{name} staat al in het pakket.": "{name} is already in the pack.",
    "De controle lukte niet ({error}).": "The check did not work ({error}).",
    "het importeren stopte (code {code})": "the import stopped (code {code})",
    "{name}: dit is geen video; overgeslagen.": "{name}: not a video; skipped.",
    "&Haal de cijfers op…": "&Fetch the figures…",
    "Maak de &webpagina's…": "Make the &web pages…",
    "{folder}: schrijven lukt niet ({error}); steek de stick opnieuw in en probeer het nog eens.":
        "{folder}: cannot write there ({error}); plug the stick in again and retry.",
    "De stick vraagt nu om de cijfers: steek hem in elke kiosk; die zet zijn cijfers in de map "
    "bliq-data. Het verzoek geldt {days} dagen.":
        "The stick now asks for the figures: plug it into each kiosk; it puts its figures in "
        "the folder bliq-data. The request holds for {days} days.",
    "Kies een lege map voor de webpagina's": "Choose an empty folder for the web pages",
    "De webpagina's worden gemaakt…": "Making the web pages…",
    "De webpagina's zijn niet gemaakt: {error}": "The web pages were not made: {error}",
    "{n} webpagina's staan in {folder}; zet die map op de website van de campagne.":
        "{n} web pages are in {folder}; put that folder on the campaign's website.",
    "&Voorbeeld liggend": "&Preview landscape",
    "Voorbeeld &staand": "Preview &portrait",
    "Het voorbeeld kan nog niet: maak eerst af wat rood staat bij 'Nog te doen' ({first}).":
        "The preview cannot open yet: first finish what is red under 'Still to do' ({first}).",
    "Het voorbeeld opent in een eigen venster: precies wat de kiosk laat zien. Sluit het venster "
    "als je klaar bent.":
        "The preview opens in its own window: exactly what the kiosk shows. Close it when you "
        "are done.",
    "Nog een &dag": "One more &day",
    "Laatste dag weg": "Remove the last day",
    "Meer dagen": "More days",
    "De kiosk ook in het &Engels (bezoekers kiezen zelf)":
        "The kiosk in &English too (visitors choose)",
    "Voortgang van {name}": "Progress of {name}",
    "{name} omzetten": "Convert {name}",
    "&Op het startscherm": "On the &home screen",
    # StudioError templates (kiosk/studio/model.py, stick.py, window.py)
    "Vul een link in, bijvoorbeeld https://www.bedrijf.nl/contact.":
        "Fill in a link, for example https://www.company.com/contact.",
    "'{url}' is geen website-adres; typ het adres zoals in de browser, bijvoorbeeld "
    "www.bedrijf.nl/contact.":
        "'{url}' is not a website address; type it as in the browser, for example "
        "www.company.com/contact.",
    "{file} is {mb} MB; kies een logo kleiner dan {limit} MB (een PNG of JPG van de website).":
        "{file} is {mb} MB; choose a logo under {limit} MB (a PNG or JPG from the website).",
    "{file}: geen kolom 'Naam' gevonden; zet in de eerste rij de kopjes Naam, Lokaal, Link en "
    "Beroepen.":
        "{file}: no 'Name' column found; put the headers Name, Room, Link and Jobs in the first "
        "row.",
    "{file}: kan het bestand niet lezen ({error}); kies het opnieuw.":
        "{file}: cannot read the file ({error}); choose it again.",
    "{file} is geen plaatje; kies een logo als PNG of JPG.":
        "{file} is not a picture; choose a logo as PNG or JPG.",
    "{folder}: de map van het pakket is weg; steek de stick of schijf terug en klik nog eens op "
    "Opslaan. Je werk staat nog in de studio.":
        "{folder}: the pack's folder is gone; plug the stick or disk back in and click Save "
        "again. Your work is still in the studio.",
    "{file}: kies een Excel-bestand (.xlsx) of een CSV-bestand.":
        "{file}: choose an Excel file (.xlsx) or a CSV file.",
    "{file}: kan niet gelezen worden ({error}).": "{file}: cannot be read ({error}).",
    "{file}: dit is geen leesbaar Excel-bestand ({error}); sla het in Excel opnieuw op als .xlsx.":
        "{file}: not a readable Excel file ({error}); save it again in Excel as .xlsx.",
    "{folder}: de kopie lukt niet ({error}); kies een andere map.":
        "{folder}: the copy did not work ({error}); choose another folder.",
    "{file} is {size} pixels; kies een kleinere versie van het logo.":
        "{file} is {size} pixels; choose a smaller version of the logo.",
    "{folder}: opslaan lukt niet ({error}); kies een map waar je mag schrijven, of maak ruimte "
    "vrij. Je werk staat nog in de studio.":
        "{folder}: cannot save ({error}); choose a folder you may write to, or free some space. "
        "Your work is still in the studio.",
    "{folder}: dit pakket is al open in een andere studio; sluit die eerst (of werk daar verder).":
        "{folder}: this pack is open in another studio already; close that one first (or go on "
        "working there).",
    "{folder}: deze map bestaat niet (meer); steek de stick opnieuw in en kies hem nog een keer.":
        "{folder}: this folder does not exist (any more); plug the stick in again and choose it "
        "once more.",
    "Het pakket heeft nog {n} fout(en), eerst: {first}. Los die op in de lijst 'Nog te doen' en "
    "probeer het opnieuw.":
        "The pack still has {n} error(s), first: {first}. Fix them in the 'Still to do' list and "
        "try again.",
    "{folder}: schrijven lukt niet ({error}); is de stick eruit gehaald? Steek hem terug en "
    "probeer het opnieuw.":
        "{folder}: cannot write ({error}); was the stick pulled out? Plug it back in and try "
        "again.",
    "{error}; zet de sleutel van de campagne terug of haal hem weg, dan maakt de studio een "
    "nieuwe.":
        "{error}; put the campaign's key back, or remove it and the studio makes a new one.",
    "{folder}: de stick is vol; maak ruimte vrij of neem een andere stick. Er staat niets half op.":
        "{folder}: the stick is full; free some space or use another stick. Nothing half-written "
        "is on it.",
    "{folder}: bestaat niet; kies de map of het .bliqpack-bestand van de campagne.":
        "{folder}: does not exist; choose the campaign's folder or .bliqpack file.",
    # the studio's own sentences (kiosk/studio/model.py, problems.py) that name no file
    "Kies een beheer-PIN van 4 tot 12 cijfers.": "Choose an admin PIN of 4 to 12 digits.",
    "Een PIN is 4 tot 12 cijfers, zonder letters of spaties.":
        "A PIN is 4 to 12 digits, no letters or spaces.",
    "De twee PIN's zijn niet gelijk; typ dezelfde PIN twee keer.":
        "The two PINs differ; type the same PIN twice.",
    "Dit is de PIN van het voorbeeld die iedereen kent; kies een eigen PIN.":
        "This is the sample's PIN that everyone knows; choose your own.",
    "Deze PIN is te makkelijk te raden; kies cijfers zonder vast patroon.":
        "This PIN is too easy to guess; choose digits without a pattern.",
    "Geef je event een naam.": "Give your event a name.",
    "Kies de datum van je event.": "Choose the date of your event.",
    "Kies een beheer-PIN en typ hem twee keer.": "Choose an admin PIN and type it twice.",
    "De beheer-PIN is die van het voorbeeld; kies een eigen PIN.":
        "The admin PIN is the sample's; choose your own.",
    "Voeg de bedrijven toe die er op je event zijn.":
        "Add the companies that come to your event.",
    "Melding": "Message",
    "{name}: vul de contactlink in.": "{name}: fill in the contact link.",
    "{name}: de contactlink werkt niet ({url}).": "{name}: the contact link does not work ({url}).",
    "{name}: de contactlink is een voorbeeldadres; vul de echte website in.":
        "{name}: the contact link is a sample address; fill in the real website.",
    "{name}: vink minstens één beroep aan.": "{name}: tick at least one job.",
    "{name}: vul het lokaal of de standplaats in.": "{name}: fill in the room or stand.",
    "{n} tekst(en) hebben nog geen Engelse versie; de kiosk toont dan Nederlands.":
        "{n} text(s) have no English version yet; the kiosk shows Dutch instead.",
    "{n} keer ontbreken ondertitels bij je eigen video's (zet een .srt met dezelfde naam "
    "ernaast); ze spelen gewoon.":
        "{n} caption file(s) missing for your own videos (put an .srt with the same name beside "
        "the clip); they play anyway.",
    "{n} melding(en) over het deel van de campagne (series, beroepen, kaarten); daar hoef jij "
    "niets aan te doen.":
        "{n} note(s) about the campaign's part (series, jobs, cards); nothing for you to do.",
    # sentences that used to stay Dutch in English: StudioErrors that name a file, the Excel
    # import's row lines, the problems list's plain words (Line.of in kiosk/studio)
    "{folder}: hier staat geen pakket (pack.toml ontbreekt); kies de map van het pakket.":
        "{folder}: there is no pack here (pack.toml is missing); choose the pack's folder.",
    "{file}: kan niet gelezen worden ({error}); kopieer het pakket opnieuw.":
        "{file}: cannot be read ({error}); copy the pack again.",
    "{file}: er staat een tikfout in ({error}); laat 'kiosk check' zien waar, of kopieer het "
    "pakket opnieuw.":
        "{file}: there is a typo in it ({error}); let 'kiosk check' show where, or copy the "
        "pack again.",
    "{file}: bedrijf '{company}' ontbreekt; open het pakket opnieuw.":
        "{file}: company '{company}' is missing; open the pack again.",
    "{file}: beroep '{job}' bestaat niet in dit pakket.":
        "{file}: job '{job}' is not in this pack.",
    "{file}: de studio maakte onleesbare tekst ({error}); er is niets opgeslagen.":
        "{file}: the studio made unreadable text ({error}); nothing was saved.",
    "{file}: kan niet gelezen worden ({error}); de titel is niet veranderd.":
        "{file}: cannot be read ({error}); the title was not changed.",
    "{file}: opslaan lukt niet ({error}); de titel is niet veranderd.":
        "{file}: cannot save ({error}); the title was not changed.",
    "{file}: dit is geen pakket van de campagne; vraag een nieuw .bliqpack-bestand.":
        "{file}: this is not a campaign pack; ask for a new .bliqpack file.",
    "{error}; vraag de campagne om een nieuw bestand.": "{error}; ask the campaign for a new file.",
    "Rij {row}: geen naam; deze rij is overgeslagen.": "Row {row}: no name; this row was skipped.",
    "Rij {row} ({name}): {why}": "Row {row} ({name}): {why}",
    "Rij {row} ({name}): geen link; vul die in de studio in.":
        "Row {row} ({name}): no link; fill it in in the studio.",
    "Rij {row} ({name}): beroep '{title}' staat niet in de lijst; vink het juiste beroep aan in "
    "de studio.":
        "Row {row} ({name}): job '{title}' is not in the list; tick the right job in the studio.",
    "Rij {row}: samengevoegde cellen; maak ze los in Excel (één bedrijf per rij) en importeer "
    "opnieuw.":
        "Row {row}: merged cells; unmerge them in Excel (one company per row) and import again.",
    "Een bedrijf": "A company",
    "Eigen video: {line}": "Your video: {line}",
    "Eigen video's: {line}": "Your videos: {line}",
    "{name}: {line}": "{name}: {line}",
    "{line}": "{line}",
    "Kies een beheer-PIN.": "Choose an admin PIN.",
    "De contactlink ontbreekt of werkt niet.": "The contact link is missing or does not work.",
    "Het logo ontbreekt of is geen plaatje; kies het opnieuw.":
        "The logo is missing or not a picture; choose it again.",
    "De datum klopt niet; kies hem opnieuw.": "The date is not right; choose it again.",
    "{where}: {message} (verwacht: {expected})": "{where}: {message} (expected: {expected})",
    "{where}: {message}": "{where}: {message}",
    "{file}: niet gevonden; kies de video of de map opnieuw.":
        "{file}: not found; choose the video or the folder again.",
    "Plaatjes (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;Alle bestanden (*)":
        "Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;All files (*)",
    "Excel of CSV (*.xlsx *.csv);;Alle bestanden (*)": "Excel or CSV (*.xlsx *.csv);;All files (*)",
    "Video's (*.mp4 *.mov *.m4v *.webm *.mkv *.avi *.wmv *.mpg *.3gp);;Alle bestanden (*)":
        "Videos (*.mp4 *.mov *.m4v *.webm *.mkv *.avi *.wmv *.mpg *.3gp);;All files (*)",
}


def dutch_texts(path: Path = WINDOW) -> list[str]:
    """Every literal Dutch text the window translates (first argument of ``tr``, the text
    argument of ``_text``/``_field``/``_button``, and the tab names)."""
    tree = ast.parse(path.read_text("utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) \
                else ""
            index = {"tr": 0, "_text": 1, "_field": 1, "_button": 1, "_note": 1}.get(name)
            if index is not None and len(node.args) > index:
                arg = node.args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append(arg.value)
        if isinstance(node, ast.For) and isinstance(node.iter, ast.Call):
            for arg in node.iter.args:  # for i, name in enumerate(("&Event", …))
                if isinstance(arg, ast.Tuple):
                    found += [e.value for e in arg.elts
                              if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return list(dict.fromkeys(found))


def ts_text() -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="en" sourcelanguage="nl">', "<context>",
             f"    <name>{CONTEXT}</name>"]
    for nl, en in EN.items():
        lines += ["    <message>", f"        <source>{escape(nl)}</source>",
                  f"        <translation>{escape(en)}</translation>", "    </message>"]
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


def problem_templates() -> list[str]:
    """The fixed Dutch sentences and templates of kiosk/studio/problems.py."""
    tree = ast.parse((ROOT / "kiosk" / "studio" / "problems.py").read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in ("_f", "Finding") and node.args and \
                isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            found.append(node.args[0].value)
    return found


def error_templates() -> list[str]:
    """The Dutch templates of every ``StudioError(...)`` in kiosk/studio (a constant first
    argument; a variable one is a sentence already listed, such as a PIN problem)."""
    found = []
    for path in sorted((ROOT / "kiosk" / "studio").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and node.args and (
                    (isinstance(node.func, ast.Name) and node.func.id == "StudioError") or
                    (isinstance(node.func, ast.Attribute) and node.func.attr == "StudioError")):
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append(arg.value)
    return list(dict.fromkeys(found))


def line_templates() -> list[str]:
    """The Dutch templates of every ``Line.of(...)`` in kiosk/studio (the import report's row
    lines, the plain words of the problems list)."""
    found = []
    for path in sorted((ROOT / "kiosk" / "studio").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr == "of" and isinstance(node.func.value, ast.Name) and \
                    node.func.value.id == "Line" and node.args and \
                    isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.append(node.args[0].value)
    return list(dict.fromkeys(found))


def main(argv: list[str]) -> int:
    missing = [t for t in dutch_texts() + problem_templates() + error_templates()
               + line_templates() if t not in EN]
    if missing:
        print("no English for: " + "; ".join(missing), file=sys.stderr)
        return 1
    if "--check" in argv:
        return 0
    TS.write_text(ts_text(), "utf-8")
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    subprocess.run([tool or "pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   check=True, capture_output=True)
    print(f"wrote {TS.relative_to(ROOT)} and its .qm ({len(EN)} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
