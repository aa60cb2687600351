<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>Studio</name>
    <message>
        <source>English</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Zet op &amp;USB-stick</source>
        <translation>Put on &amp;USB stick</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Event</translation>
    </message>
    <message>
        <source>&amp;Bedrijven</source>
        <translation>&amp;Companies</translation>
    </message>
    <message>
        <source>&amp;Video's</source>
        <translation>&amp;Videos</translation>
    </message>
    <message>
        <source>&amp;Nieuw event beginnen</source>
        <translation>Start a &amp;new event</translation>
    </message>
    <message>
        <source>&amp;Naam van het event</source>
        <translation>&amp;Name of the event</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Welkomstregel</source>
        <translation>&amp;Welcome line</translation>
    </message>
    <message>
        <source>Pl&amp;aats</source>
        <translation>Pl&amp;ace</translation>
    </message>
    <message>
        <source>&amp;Logo kiezen…</source>
        <translation>Choose &amp;logo…</translation>
    </message>
    <message>
        <source>Logo (ook slepen)</source>
        <translation>Logo (or drop it here)</translation>
    </message>
    <message>
        <source>&amp;Terug naar start na (seconden)</source>
        <translation>&amp;Back to start after (seconds)</translation>
    </message>
    <message>
        <source>Beheer-&amp;PIN (4–12 cijfers)</source>
        <translation>Admin &amp;PIN (4–12 digits)</translation>
    </message>
    <message>
        <source>PIN &amp;nog een keer</source>
        <translation>PIN &amp;again</translation>
    </message>
    <message>
        <source>Bedrijven op je event</source>
        <translation>Companies at your event</translation>
    </message>
    <message>
        <source>Bedrijf &amp;toevoegen</source>
        <translation>Add a &amp;company</translation>
    </message>
    <message>
        <source>Omhoog</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Omlaag</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Weghalen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>&amp;Importeren uit Excel of CSV…</source>
        <translation>&amp;Import from Excel or CSV…</translation>
    </message>
    <message>
        <source>Na&amp;am</source>
        <translation>N&amp;ame</translation>
    </message>
    <message>
        <source>&amp;Lokaal of stand</source>
        <translation>&amp;Room or stand</translation>
    </message>
    <message>
        <source>&amp;Contactlink</source>
        <translation>&amp;Contact link</translation>
    </message>
    <message>
        <source>&amp;Omschrijving</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Logo &amp;kiezen…</source>
        <translation>Choose lo&amp;go…</translation>
    </message>
    <message>
        <source>&amp;Zoek een beroep</source>
        <translation>&amp;Find a job</translation>
    </message>
    <message>
        <source>&amp;Beroepen</source>
        <translation>&amp;Jobs</translation>
    </message>
    <message>
        <source>&amp;Video's kiezen…</source>
        <translation>Choose &amp;videos…</translation>
    </message>
    <message>
        <source>Een &amp;map met video's…</source>
        <translation>A &amp;folder of videos…</translation>
    </message>
    <message>
        <source>Kies clips van je telefoon of camera, of sleep ze op de knop. Ondertitels met dezelfde naam (.srt of .vtt) gaan mee. Klik op een titel om hem te veranderen.</source>
        <translation>Choose clips from your phone or camera, or drop them on the button. Captions with the same name (.srt or .vtt) come along. Click a title to change it.</translation>
    </message>
    <message>
        <source>Eigen video's</source>
        <translation>Your own videos</translation>
    </message>
    <message>
        <source>Nog te doen</source>
        <translation>Still to do</translation>
    </message>
    <message>
        <source>&amp;Laat zien</source>
        <translation>&amp;Show me</translation>
    </message>
    <message>
        <source>Onze open dag</source>
        <translation>Our open day</translation>
    </message>
    <message>
        <source>Nieuw event begonnen: typ de naam en kies de datum.</source>
        <translation>New event started: type its name and choose the date.</translation>
    </message>
    <message>
        <source>PIN ingesteld. De studio bewaart alleen een code ervan, nooit de PIN zelf.</source>
        <translation>PIN set. The studio keeps only a code made from it, never the PIN itself.</translation>
    </message>
    <message>
        <source>Kies het logo</source>
        <translation>Choose the logo</translation>
    </message>
    <message>
        <source>Logo klaar; het wordt bewaard als je opslaat.</source>
        <translation>Logo ready; it is kept when you save.</translation>
    </message>
    <message>
        <source>Nieuw bedrijf</source>
        <translation>New company</translation>
    </message>
    <message>
        <source>Kies het logo van het bedrijf</source>
        <translation>Choose the company's logo</translation>
    </message>
    <message>
        <source>Kies de lijst met bedrijven</source>
        <translation>Choose the list of companies</translation>
    </message>
    <message>
        <source>Kies je video's</source>
        <translation>Choose your videos</translation>
    </message>
    <message>
        <source>Kies een map met video's</source>
        <translation>Choose a folder of videos</translation>
    </message>
    <message>
        <source>wacht…</source>
        <translation>waiting…</translation>
    </message>
    <message>
        <source>Omzetten</source>
        <translation>Convert</translation>
    </message>
    <message>
        <source>bezig…</source>
        <translation>working…</translation>
    </message>
    <message>
        <source>Kies de USB-stick</source>
        <translation>Choose the USB stick</translation>
    </message>
    <message>
        <source>BLIQ Studio</source>
        <translation>BLIQ Studio</translation>
    </message>
    <message>
        <source>Typ de PIN nog een keer.</source>
        <translation>Type the PIN once more.</translation>
    </message>
    <message>
        <source>geen logo</source>
        <translation>no logo</translation>
    </message>
    <message>
        <source>in het pakket</source>
        <translation>in the pack</translation>
    </message>
    <message>
        <source>omzetten…</source>
        <translation>converting…</translation>
    </message>
    <message>
        <source>klaar</source>
        <translation>done</translation>
    </message>
    <message>
        <source>{name} is niet toegevoegd: {why}</source>
        <translation>{name} was not added: {why}</translation>
    </message>
    <message>
        <source>Dubbelklik of Enter: laat het veld zien</source>
        <translation>Double-click or Enter: show the field</translation>
    </message>
    <message>
        <source>Klaar voor de dag ✔</source>
        <translation>Ready for the day ✔</translation>
    </message>
    <message>
        <source>Alles was al opgeslagen.</source>
        <translation>Everything was saved already.</translation>
    </message>
    <message>
        <source>Even wachten: de video's worden nog toegevoegd.</source>
        <translation>One moment: the videos are still being added.</translation>
    </message>
    <message>
        <source>Klaar: versie {v} staat op de stick ({file}), met LEESMIJ.txt.</source>
        <translation>Done: version {v} is on the stick ({file}), with LEESMIJ.txt (read me).</translation>
    </message>
    <message>
        <source>Waar komt jouw kopie van {name}?</source>
        <translation>Where does your copy of {name} go?</translation>
    </message>
    <message>
        <source>Geen map gekozen voor je kopie; er is niets veranderd.</source>
        <translation>No folder chosen for your copy; nothing was changed.</translation>
    </message>
    <message>
        <source>Niet-opgeslagen werk</source>
        <translation>Unsaved work</translation>
    </message>
    <message>
        <source>De PIN is ingesteld; typ een nieuwe om hem te veranderen.</source>
        <translation>The PIN is set; type a new one to change it.</translation>
    </message>
    <message>
        <source>Kies een PIN; alleen wie hem kent, opent het beheer.</source>
        <translation>Choose a PIN; only people who know it can open the admin screen.</translation>
    </message>
    <message>
        <source>Titel van {name}</source>
        <translation>Title of {name}</translation>
    </message>
    <message>
        <source>{name} is geen video die de kiosk kan spelen; exporteer hem opnieuw als MP4.</source>
        <translation>{name} is not a video the kiosk can play; export it again as MP4.</translation>
    </message>
    <message>
        <source>{name} is leeg; kopieer hem opnieuw van de telefoon of camera.</source>
        <translation>{name} is empty; copy it again from the phone or camera.</translation>
    </message>
    <message>
        <source>{name} speelt niet op de kiosk ({why}); klik op Omzetten.</source>
        <translation>{name} does not play on the kiosk ({why}); click Convert.</translation>
    </message>
    <message>
        <source>Wordt opgeslagen als {url}</source>
        <translation>Will be saved as {url}</translation>
    </message>
    <message>
        <source>{n} bedrijven ingelezen uit {file}.</source>
        <translation>{n} companies read from {file}.</translation>
    </message>
    <message>
        <source>Niet alles kon gelezen worden; zie de regels hieronder.</source>
        <translation>Not everything could be read; see the lines below.</translation>
    </message>
    <message>
        <source>Nog {n} ding(en) te doen. Opslaan mag altijd.</source>
        <translation>{n} thing(s) still to do. You can always save.</translation>
    </message>
    <message>
        <source>Opgeslagen ({n} bestand(en)).</source>
        <translation>Saved ({n} file(s)).</translation>
    </message>
    <message>
        <source>De studio maakte een sleutel voor je organisatie; de kiosk installeert alleen updates met die sleutel, dus geef {pub} één keer aan de IT van de kiosks.</source>
        <translation>The studio made a key for your organisation; kiosks install only updates signed with it, so give {pub} once to the kiosks' IT.</translation>
    </message>
    <message>
        <source>Je hebt werk van {when} dat niet is opgeslagen. Terughalen?</source>
        <translation>You have unsaved work from {when}. Bring it back?</translation>
    </message>
    <message>
        <source>{name} staat al in het pakket.</source>
        <translation>{name} is already in the pack.</translation>
    </message>
    <message>
        <source>De controle lukte niet ({error}).</source>
        <translation>The check did not work ({error}).</translation>
    </message>
    <message>
        <source>het importeren stopte (code {code})</source>
        <translation>the import stopped (code {code})</translation>
    </message>
    <message>
        <source>{name}: dit is geen video; overgeslagen.</source>
        <translation>{name}: not a video; skipped.</translation>
    </message>
    <message>
        <source>&amp;Haal de cijfers op…</source>
        <translation>&amp;Fetch the figures…</translation>
    </message>
    <message>
        <source>Maak de &amp;webpagina's…</source>
        <translation>Make the &amp;web pages…</translation>
    </message>
    <message>
        <source>{folder}: schrijven lukt niet ({error}); steek de stick opnieuw in en probeer het nog eens.</source>
        <translation>{folder}: cannot write there ({error}); plug the stick in again and retry.</translation>
    </message>
    <message>
        <source>De stick vraagt nu om de cijfers: steek hem in elke kiosk; die zet zijn cijfers in de map bliq-data. Het verzoek geldt {days} dagen.</source>
        <translation>The stick now asks for the figures: plug it into each kiosk; it puts its figures in the folder bliq-data. The request holds for {days} days.</translation>
    </message>
    <message>
        <source>Kies een lege map voor de webpagina's</source>
        <translation>Choose an empty folder for the web pages</translation>
    </message>
    <message>
        <source>De webpagina's worden gemaakt…</source>
        <translation>Making the web pages…</translation>
    </message>
    <message>
        <source>De webpagina's zijn niet gemaakt: {error}</source>
        <translation>The web pages were not made: {error}</translation>
    </message>
    <message>
        <source>{n} webpagina's staan in {folder}; zet die map op de website van de campagne.</source>
        <translation>{n} web pages are in {folder}; put that folder on the campaign's website.</translation>
    </message>
    <message>
        <source>&amp;Voorbeeld liggend</source>
        <translation>&amp;Preview landscape</translation>
    </message>
    <message>
        <source>Voorbeeld &amp;staand</source>
        <translation>Preview &amp;portrait</translation>
    </message>
    <message>
        <source>Het voorbeeld kan nog niet: maak eerst af wat rood staat bij 'Nog te doen' ({first}).</source>
        <translation>The preview cannot open yet: first finish what is red under 'Still to do' ({first}).</translation>
    </message>
    <message>
        <source>Het voorbeeld opent in een eigen venster: precies wat de kiosk laat zien. Sluit het venster als je klaar bent.</source>
        <translation>The preview opens in its own window: exactly what the kiosk shows. Close it when you are done.</translation>
    </message>
    <message>
        <source>Nog een &amp;dag</source>
        <translation>One more &amp;day</translation>
    </message>
    <message>
        <source>Laatste dag weg</source>
        <translation>Remove the last day</translation>
    </message>
    <message>
        <source>Meer dagen</source>
        <translation>More days</translation>
    </message>
    <message>
        <source>De kiosk ook in het &amp;Engels (bezoekers kiezen zelf)</source>
        <translation>The kiosk in &amp;English too (visitors choose)</translation>
    </message>
    <message>
        <source>Voortgang van {name}</source>
        <translation>Progress of {name}</translation>
    </message>
    <message>
        <source>{name} omzetten</source>
        <translation>Convert {name}</translation>
    </message>
    <message>
        <source>&amp;Op het startscherm</source>
        <translation>On the &amp;home screen</translation>
    </message>
    <message>
        <source>Vul een link in, bijvoorbeeld https://www.bedrijf.nl/contact.</source>
        <translation>Fill in a link, for example https://www.company.com/contact.</translation>
    </message>
    <message>
        <source>'{url}' is geen website-adres; typ het adres zoals in de browser, bijvoorbeeld www.bedrijf.nl/contact.</source>
        <translation>'{url}' is not a website address; type it as in the browser, for example www.company.com/contact.</translation>
    </message>
    <message>
        <source>{file} is {mb} MB; kies een logo kleiner dan {limit} MB (een PNG of JPG van de website).</source>
        <translation>{file} is {mb} MB; choose a logo under {limit} MB (a PNG or JPG from the website).</translation>
    </message>
    <message>
        <source>{file}: geen kolom 'Naam' gevonden; zet in de eerste rij de kopjes Naam, Lokaal, Link en Beroepen.</source>
        <translation>{file}: no 'Name' column found; put the headers Name, Room, Link and Jobs in the first row.</translation>
    </message>
    <message>
        <source>{file}: kan het bestand niet lezen ({error}); kies het opnieuw.</source>
        <translation>{file}: cannot read the file ({error}); choose it again.</translation>
    </message>
    <message>
        <source>{file} is geen plaatje; kies een logo als PNG of JPG.</source>
        <translation>{file} is not a picture; choose a logo as PNG or JPG.</translation>
    </message>
    <message>
        <source>{folder}: de map van het pakket is weg; steek de stick of schijf terug en klik nog eens op Opslaan. Je werk staat nog in de studio.</source>
        <translation>{folder}: the pack's folder is gone; plug the stick or disk back in and click Save again. Your work is still in the studio.</translation>
    </message>
    <message>
        <source>{file}: kies een Excel-bestand (.xlsx) of een CSV-bestand.</source>
        <translation>{file}: choose an Excel file (.xlsx) or a CSV file.</translation>
    </message>
    <message>
        <source>{file}: kan niet gelezen worden ({error}).</source>
        <translation>{file}: cannot be read ({error}).</translation>
    </message>
    <message>
        <source>{file}: dit is geen leesbaar Excel-bestand ({error}); sla het in Excel opnieuw op als .xlsx.</source>
        <translation>{file}: not a readable Excel file ({error}); save it again in Excel as .xlsx.</translation>
    </message>
    <message>
        <source>{folder}: de kopie lukt niet ({error}); kies een andere map.</source>
        <translation>{folder}: the copy did not work ({error}); choose another folder.</translation>
    </message>
    <message>
        <source>{file} is {size} pixels; kies een kleinere versie van het logo.</source>
        <translation>{file} is {size} pixels; choose a smaller version of the logo.</translation>
    </message>
    <message>
        <source>{folder}: opslaan lukt niet ({error}); kies een map waar je mag schrijven, of maak ruimte vrij. Je werk staat nog in de studio.</source>
        <translation>{folder}: cannot save ({error}); choose a folder you may write to, or free some space. Your work is still in the studio.</translation>
    </message>
    <message>
        <source>{folder}: dit pakket is al open in een andere studio; sluit die eerst (of werk daar verder).</source>
        <translation>{folder}: this pack is open in another studio already; close that one first (or go on working there).</translation>
    </message>
    <message>
        <source>{folder}: deze map bestaat niet (meer); steek de stick opnieuw in en kies hem nog een keer.</source>
        <translation>{folder}: this folder does not exist (any more); plug the stick in again and choose it once more.</translation>
    </message>
    <message>
        <source>Het pakket heeft nog {n} fout(en), eerst: {first}. Los die op in de lijst 'Nog te doen' en probeer het opnieuw.</source>
        <translation>The pack still has {n} error(s), first: {first}. Fix them in the 'Still to do' list and try again.</translation>
    </message>
    <message>
        <source>{folder}: schrijven lukt niet ({error}); is de stick eruit gehaald? Steek hem terug en probeer het opnieuw.</source>
        <translation>{folder}: cannot write ({error}); was the stick pulled out? Plug it back in and try again.</translation>
    </message>
    <message>
        <source>{error}; zet de sleutel van de campagne terug of haal hem weg, dan maakt de studio een nieuwe.</source>
        <translation>{error}; put the campaign's key back, or remove it and the studio makes a new one.</translation>
    </message>
    <message>
        <source>{folder}: de stick is vol; maak ruimte vrij of neem een andere stick. Er staat niets half op.</source>
        <translation>{folder}: the stick is full; free some space or use another stick. Nothing half-written is on it.</translation>
    </message>
    <message>
        <source>{folder}: bestaat niet; kies de map of het .bliqpack-bestand van de campagne.</source>
        <translation>{folder}: does not exist; choose the campaign's folder or .bliqpack file.</translation>
    </message>
    <message>
        <source>Kies een beheer-PIN van 4 tot 12 cijfers.</source>
        <translation>Choose an admin PIN of 4 to 12 digits.</translation>
    </message>
    <message>
        <source>Een PIN is 4 tot 12 cijfers, zonder letters of spaties.</source>
        <translation>A PIN is 4 to 12 digits, no letters or spaces.</translation>
    </message>
    <message>
        <source>De twee PIN's zijn niet gelijk; typ dezelfde PIN twee keer.</source>
        <translation>The two PINs differ; type the same PIN twice.</translation>
    </message>
    <message>
        <source>Dit is de PIN van het voorbeeld die iedereen kent; kies een eigen PIN.</source>
        <translation>This is the sample's PIN that everyone knows; choose your own.</translation>
    </message>
    <message>
        <source>Deze PIN is te makkelijk te raden; kies cijfers zonder vast patroon.</source>
        <translation>This PIN is too easy to guess; choose digits without a pattern.</translation>
    </message>
    <message>
        <source>Geef je event een naam.</source>
        <translation>Give your event a name.</translation>
    </message>
    <message>
        <source>Kies de datum van je event.</source>
        <translation>Choose the date of your event.</translation>
    </message>
    <message>
        <source>Kies een beheer-PIN en typ hem twee keer.</source>
        <translation>Choose an admin PIN and type it twice.</translation>
    </message>
    <message>
        <source>De beheer-PIN is die van het voorbeeld; kies een eigen PIN.</source>
        <translation>The admin PIN is the sample's; choose your own.</translation>
    </message>
    <message>
        <source>Voeg de bedrijven toe die er op je event zijn.</source>
        <translation>Add the companies that come to your event.</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>{name}: vul de contactlink in.</source>
        <translation>{name}: fill in the contact link.</translation>
    </message>
    <message>
        <source>{name}: de contactlink werkt niet ({url}).</source>
        <translation>{name}: the contact link does not work ({url}).</translation>
    </message>
    <message>
        <source>{name}: de contactlink is een voorbeeldadres; vul de echte website in.</source>
        <translation>{name}: the contact link is a sample address; fill in the real website.</translation>
    </message>
    <message>
        <source>{name}: vink minstens één beroep aan.</source>
        <translation>{name}: tick at least one job.</translation>
    </message>
    <message>
        <source>{name}: vul het lokaal of de standplaats in.</source>
        <translation>{name}: fill in the room or stand.</translation>
    </message>
    <message>
        <source>{n} tekst(en) hebben nog geen Engelse versie; de kiosk toont dan Nederlands.</source>
        <translation>{n} text(s) have no English version yet; the kiosk shows Dutch instead.</translation>
    </message>
    <message>
        <source>{n} keer ontbreken ondertitels bij je eigen video's (zet een .srt met dezelfde naam ernaast); ze spelen gewoon.</source>
        <translation>{n} caption file(s) missing for your own videos (put an .srt with the same name beside the clip); they play anyway.</translation>
    </message>
    <message>
        <source>{n} melding(en) over het deel van de campagne (series, beroepen, kaarten); daar hoef jij niets aan te doen.</source>
        <translation>{n} note(s) about the campaign's part (series, jobs, cards); nothing for you to do.</translation>
    </message>
    <message>
        <source>{folder}: hier staat geen pakket (pack.toml ontbreekt); kies de map van het pakket.</source>
        <translation>{folder}: there is no pack here (pack.toml is missing); choose the pack's folder.</translation>
    </message>
    <message>
        <source>{file}: kan niet gelezen worden ({error}); kopieer het pakket opnieuw.</source>
        <translation>{file}: cannot be read ({error}); copy the pack again.</translation>
    </message>
    <message>
        <source>{file}: er staat een tikfout in ({error}); laat 'kiosk check' zien waar, of kopieer het pakket opnieuw.</source>
        <translation>{file}: there is a typo in it ({error}); let 'kiosk check' show where, or copy the pack again.</translation>
    </message>
    <message>
        <source>{file}: bedrijf '{company}' ontbreekt; open het pakket opnieuw.</source>
        <translation>{file}: company '{company}' is missing; open the pack again.</translation>
    </message>
    <message>
        <source>{file}: beroep '{job}' bestaat niet in dit pakket.</source>
        <translation>{file}: job '{job}' is not in this pack.</translation>
    </message>
    <message>
        <source>{file}: de studio maakte onleesbare tekst ({error}); er is niets opgeslagen.</source>
        <translation>{file}: the studio made unreadable text ({error}); nothing was saved.</translation>
    </message>
    <message>
        <source>{file}: kan niet gelezen worden ({error}); de titel is niet veranderd.</source>
        <translation>{file}: cannot be read ({error}); the title was not changed.</translation>
    </message>
    <message>
        <source>{file}: opslaan lukt niet ({error}); de titel is niet veranderd.</source>
        <translation>{file}: cannot save ({error}); the title was not changed.</translation>
    </message>
    <message>
        <source>{file}: dit is geen pakket van de campagne; vraag een nieuw .bliqpack-bestand.</source>
        <translation>{file}: this is not a campaign pack; ask for a new .bliqpack file.</translation>
    </message>
    <message>
        <source>{error}; vraag de campagne om een nieuw bestand.</source>
        <translation>{error}; ask the campaign for a new file.</translation>
    </message>
    <message>
        <source>Rij {row}: geen naam; deze rij is overgeslagen.</source>
        <translation>Row {row}: no name; this row was skipped.</translation>
    </message>
    <message>
        <source>Rij {row} ({name}): {why}</source>
        <translation>Row {row} ({name}): {why}</translation>
    </message>
    <message>
        <source>Rij {row} ({name}): geen link; vul die in de studio in.</source>
        <translation>Row {row} ({name}): no link; fill it in in the studio.</translation>
    </message>
    <message>
        <source>Rij {row} ({name}): beroep '{title}' staat niet in de lijst; vink het juiste beroep aan in de studio.</source>
        <translation>Row {row} ({name}): job '{title}' is not in the list; tick the right job in the studio.</translation>
    </message>
    <message>
        <source>Rij {row}: samengevoegde cellen; maak ze los in Excel (één bedrijf per rij) en importeer opnieuw.</source>
        <translation>Row {row}: merged cells; unmerge them in Excel (one company per row) and import again.</translation>
    </message>
    <message>
        <source>Een bedrijf</source>
        <translation>A company</translation>
    </message>
    <message>
        <source>Eigen video: {line}</source>
        <translation>Your video: {line}</translation>
    </message>
    <message>
        <source>Eigen video's: {line}</source>
        <translation>Your videos: {line}</translation>
    </message>
    <message>
        <source>{name}: {line}</source>
        <translation>{name}: {line}</translation>
    </message>
    <message>
        <source>{line}</source>
        <translation>{line}</translation>
    </message>
    <message>
        <source>Kies een beheer-PIN.</source>
        <translation>Choose an admin PIN.</translation>
    </message>
    <message>
        <source>De contactlink ontbreekt of werkt niet.</source>
        <translation>The contact link is missing or does not work.</translation>
    </message>
    <message>
        <source>Het logo ontbreekt of is geen plaatje; kies het opnieuw.</source>
        <translation>The logo is missing or not a picture; choose it again.</translation>
    </message>
    <message>
        <source>De datum klopt niet; kies hem opnieuw.</source>
        <translation>The date is not right; choose it again.</translation>
    </message>
    <message>
        <source>{where}: {message} (verwacht: {expected})</source>
        <translation>{where}: {message} (expected: {expected})</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}: {message}</translation>
    </message>
    <message>
        <source>{file}: niet gevonden; kies de video of de map opnieuw.</source>
        <translation>{file}: not found; choose the video or the folder again.</translation>
    </message>
    <message>
        <source>Plaatjes (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;Alle bestanden (*)</source>
        <translation>Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;All files (*)</translation>
    </message>
    <message>
        <source>Excel of CSV (*.xlsx *.csv);;Alle bestanden (*)</source>
        <translation>Excel or CSV (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Video's (*.mp4 *.mov *.m4v *.webm *.mkv *.avi *.wmv *.mpg *.3gp);;Alle bestanden (*)</source>
        <translation>Videos (*.mp4 *.mov *.m4v *.webm *.mkv *.avi *.wmv *.mpg *.3gp);;All files (*)</translation>
    </message>
</context>
</TS>
