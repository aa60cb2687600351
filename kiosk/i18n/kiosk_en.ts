<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>Admin</name>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="20"/>
        <source>Beheer</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="33"/>
        <source>Bezoekers in totaal: %1</source>
        <translation>Visitors in all: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="38"/>
        <source>Herstarts door de bewaking: %1</source>
        <translation>Restarts by the watchdog: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/qml/screens/Admin.qml" line="48"/>
        <source>De schijf neemt nu niets aan (vol of alleen-lezen): %n gebeurtenis(sen) wachten in het geheugen en worden bewaard zodra er weer ruimte is.</source>
        <translation>
            <numerusform>The disk takes nothing right now (full or read-only): %n event waits in memory and is saved as soon as there is room again.</numerusform>
            <numerusform>The disk takes nothing right now (full or read-only): %n events wait in memory and are saved as soon as there is room again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/qml/screens/Admin.qml" line="52"/>
        <source>%n oudste gebeurtenis(sen) niet bewaard.</source>
        <translation>
            <numerusform>%n oldest event not saved.</numerusform>
            <numerusform>%n oldest events not saved.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="59"/>
        <source>Weergave: %1</source>
        <translation>Display: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="67"/>
        <source>Cijfers</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="74"/>
        <source>Inhoud: alles in orde</source>
        <translation>Content: all good</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="75"/>
        <source>Inhoud: %1 meldingen</source>
        <translation>Content: %1 notices</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="82"/>
        <source>Logboek</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="89"/>
        <source>Campagne: nieuwe versie klaar</source>
        <translation>Campaign: new version ready</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="90"/>
        <source>Campagne</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="97"/>
        <source>Terug naar de kiosk</source>
        <translation>Back to the kiosk</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="103"/>
        <source>Kiosk afsluiten</source>
        <translation>Close the kiosk</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="139"/>
        <source>Controle loopt …</source>
        <translation>Checking …</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="140"/>
        <source>Ochtendcontrole uitvoeren</source>
        <translation>Run the morning check</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="167"/>
        <source>Deze kiosk: %1</source>
        <translation>This kiosk: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="168"/>
        <source>Deze kiosk: %1 (regio %2)</source>
        <translation>This kiosk: %1 (region %2)</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="175"/>
        <source>Pakket: %1</source>
        <translation>Pack: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="189"/>
        <source>Evenement: %1 (%2)</source>
        <translation>Event: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="184"/>
        <source>het eerstvolgende</source>
        <translation>the next one</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="184"/>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="185"/>
        <source>standaard van het pakket</source>
        <translation>the pack&apos;s default</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="185"/>
        <source>het eerste van het pakket</source>
        <translation>the pack&apos;s first</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="191"/>
        <source>Evenement: vast ingesteld op %1 (--event)</source>
        <translation>Event: pinned to %1 (--event)</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="192"/>
        <source>Evenement: vast ingesteld op %1 (--event); volgens de datum zou het %2 zijn</source>
        <translation>Event: pinned to %1 (--event); by date it would be %2</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="204"/>
        <source>Vorige versie terugzetten</source>
        <translation>Restore the previous version</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="209"/>
        <source>Gegevens nu klaarzetten</source>
        <translation>Prepare the data now</translation>
    </message>
</context>
<context>
    <name>Attract</name>
    <message>
        <location filename="../ui/qml/screens/Attract.qml" line="151"/>
        <source>Wat ga jij later maken?</source>
        <translation>What will you make one day?</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Attract.qml" line="161"/>
        <source>Kijk</source>
        <translation>Watch</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Attract.qml" line="162"/>
        <source>Speel</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Attract.qml" line="163"/>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Attract.qml" line="186"/>
        <source>Tik om te beginnen</source>
        <translation>Tap to start</translation>
    </message>
</context>
<context>
    <name>CardFace</name>
    <message>
        <location filename="../ui/qml/components/CardFace.qml" line="46"/>
        <source>Vet!</source>
        <translation>Cool!</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/CardFace.qml" line="53"/>
        <source>Niks voor mij</source>
        <translation>Not for me</translation>
    </message>
</context>
<context>
    <name>Companies</name>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="21"/>
        <source>‹ Terug naar je uitslag</source>
        <translation>‹ Back to your result</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="34"/>
        <source>Bedrijven van vandaag</source>
        <translation>Companies here today</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="39"/>
        <source>Hier kun je aan de slag als %1</source>
        <translation>Here you can work as %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="40"/>
        <source>Scan de code voor een stage</source>
        <translation>Scan the code for an internship</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="110"/>
        <source>+%1 meer</source>
        <translation>+%1 more</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="133"/>
        <source>Stage of contact</source>
        <translation>Internship or contact</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../ui/controller.py" line="357"/>
        <source>Onjuiste pincode</source>
        <translation>Wrong PIN</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/controller.py" line="399"/>
        <source>Even wachten: %n seconden</source>
        <translation>
            <numerusform>Please wait: %n second</numerusform>
            <numerusform>Please wait: %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="47"/>
        <source>Bezoeken</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="48"/>
        <source>Tijd per bezoek</source>
        <translation>Time per visit</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="49"/>
        <source>Video&apos;s per bezoek</source>
        <translation>Videos per visit</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="52"/>
        <source>Kijkt tot het eind (campagne %1)</source>
        <translation>Watch to the end (campaign %1)</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="55"/>
        <source>Spel uitgespeeld</source>
        <translation>Game finished</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="56"/>
        <source>Speeltijd</source>
        <translation>Playing time</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="57"/>
        <source>Vanzelf gestopt</source>
        <translation>Ended by itself</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="58"/>
        <source>Zelf afgesloten</source>
        <translation>Closed by the visitor</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="59"/>
        <source>Talen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="63"/>
        <source>Past techniek bij jou? (1–5)</source>
        <translation>Is tech your thing? (1–5)</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="76"/>
        <source>Tot het eind gekeken, per aflevering (lijn: campagne %1)</source>
        <translation>Watched to the end, per episode (line: campaign %1)</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="80"/>
        <source>Bezoeken per uur</source>
        <translation>Visits per hour</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="84"/>
        <source>Beroepen die het vaakst bovenaan staan</source>
        <translation>Jobs most often on top</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="88"/>
        <source>Kaarten: vind ik leuk (%)</source>
        <translation>Cards: liked (%)</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/Dashboard.qml" line="95"/>
        <source>QR-codes getoond</source>
        <translation>QR codes shown</translation>
    </message>
    <message>
        <location filename="../ui/dashboard.py" line="181"/>
        <source>Alle evenementen</source>
        <translation>All events</translation>
    </message>
    <message>
        <location filename="../ui/dashboard.py" line="191"/>
        <source>Alle dagen</source>
        <translation>All days</translation>
    </message>
    <message>
        <location filename="../ui/dashboard.py" line="192"/>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../ui/dashboard.py" line="248"/>
        <source>te weinig antwoorden</source>
        <translation>too few answers</translation>
    </message>
    <message>
        <location filename="../ui/dashboard.py" line="251"/>
        <source>voor %1</source>
        <translation>before %1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard.py" line="253"/>
        <source>na %1</source>
        <translation>after %1</translation>
    </message>
</context>
<context>
    <name>EpisodePlayer</name>
    <message>
        <location filename="../media/player.py" line="363"/>
        <source>Deze aflevering lukt nu even niet. We gaan door!</source>
        <translation>This episode won&apos;t play right now. On to the next!</translation>
    </message>
</context>
<context>
    <name>EpisodeTile</name>
    <message>
        <location filename="../ui/qml/components/EpisodeTile.qml" line="90"/>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/EpisodeTile.qml" line="99"/>
        <source>Gezien</source>
        <translation>Watched</translation>
    </message>
</context>
<context>
    <name>Episodes</name>
    <message>
        <location filename="../ui/qml/screens/Episodes.qml" line="16"/>
        <source>Kijk video&apos;s</source>
        <translation>Watch videos</translation>
    </message>
</context>
<context>
    <name>Game</name>
    <message>
        <location filename="../ui/qml/screens/Game.qml" line="29"/>
        <source>Welk techniekberoep past bij jou?</source>
        <translation>Which tech job fits you?</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Game.qml" line="58"/>
        <source>Alleen spelen</source>
        <translation>Play alone</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Game.qml" line="66"/>
        <source>Samen spelen</source>
        <translation>Play together</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Game.qml" line="59"/>
        <source>Ongeveer 2 minuten</source>
        <translation>About 2 minutes</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Game.qml" line="67"/>
        <source>Ieder je eigen kaarten</source>
        <translation>Each with your own cards</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Game.qml" line="83"/>
        <source>← Niks voor jou? Naar links</source>
        <translation>← Not for you? Swipe left</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Game.qml" line="91"/>
        <source>Vet? Naar rechts →</source>
        <translation>Cool? Swipe right →</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Game.qml" line="123"/>
        <source>Speler %1</source>
        <translation>Player %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Game.qml" line="130"/>
        <source>Even wachten op je maatje…</source>
        <translation>Wait a moment for your buddy…</translation>
    </message>
</context>
<context>
    <name>GameProgress</name>
    <message>
        <location filename="../ui/qml/components/GameProgress.qml" line="15"/>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>GuessPanel</name>
    <message>
        <location filename="../ui/qml/components/GuessPanel.qml" line="38"/>
        <source>Speler %1: jouw richting</source>
        <translation>Player %1: your direction</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/GuessPanel.qml" line="53"/>
        <source>Raad wat je maatje koos: %1</source>
        <translation>Guess what your buddy chose: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/GuessPanel.qml" line="54"/>
        <source>„%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/GuessPanel.qml" line="68"/>
        <source>Vet!</source>
        <translation>Cool!</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/GuessPanel.qml" line="73"/>
        <source>Niks</source>
        <translation>Nope</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/GuessPanel.qml" line="87"/>
        <source>Goed geraden!</source>
        <translation>Well guessed!</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/GuessPanel.qml" line="87"/>
        <source>Net niet!</source>
        <translation>So close!</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/GuessPanel.qml" line="88"/>
        <source>Speler %1 vond het vet.</source>
        <translation>Player %1 thought it was cool.</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/GuessPanel.qml" line="89"/>
        <source>Speler %1 vond het niks.</source>
        <translation>Player %1 didn&apos;t fancy it.</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="29"/>
        <source>Wat wil je doen?</source>
        <translation>What do you want to do?</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="49"/>
        <source>Kijk video&apos;s</source>
        <translation>Watch videos</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="57"/>
        <source>Welk techniekberoep past bij jou?</source>
        <translation>Which tech job fits you?</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="65"/>
        <source>Bedrijven van vandaag</source>
        <translation>Companies here today</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="73"/>
        <source>Voor ouders &amp; docenten</source>
        <translation>For parents &amp; teachers</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="97"/>
        <source>Klaar, tot ziens!</source>
        <translation>Done, see you!</translation>
    </message>
</context>
<context>
    <name>JobCard</name>
    <message>
        <location filename="../ui/qml/components/JobCard.qml" line="57"/>
        <source>Verrassing!</source>
        <translation>Surprise!</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/JobCard.qml" line="91"/>
        <source>Iets heel anders dat ook bij je past</source>
        <translation>Something quite different that suits you too</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/JobCard.qml" line="140"/>
        <source>Vandaag hier: %1</source>
        <translation>Here today: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/JobCard.qml" line="176"/>
        <source>Kijk hoe %1 het doet</source>
        <translation>Watch %1 work</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/JobCard.qml" line="177"/>
        <source>Kijk de video</source>
        <translation>Watch the video</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../ui/qml/LeaveDialog.qml" line="27"/>
        <source>Stoppen met het spel?</source>
        <translation>Stop the game?</translation>
    </message>
    <message>
        <location filename="../ui/qml/LeaveDialog.qml" line="33"/>
        <source>Je keuzes gaan dan weg.</source>
        <translation>Your choices will be gone.</translation>
    </message>
    <message>
        <location filename="../ui/qml/LeaveDialog.qml" line="45"/>
        <source>Verder spelen</source>
        <translation>Keep playing</translation>
    </message>
    <message>
        <location filename="../ui/qml/LeaveDialog.qml" line="51"/>
        <source>Ja, stoppen</source>
        <translation>Yes, stop</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../ui/qml/Main.qml" line="58"/>
        <source>Home</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>NextUpCard</name>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="46"/>
        <source>Dit was %1</source>
        <translation>That was %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="73"/>
        <source>Volgende aflevering in %1…</source>
        <translation>Next episode in %1…</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="74"/>
        <source>Volgende aflevering</source>
        <translation>Next episode</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="75"/>
        <source>Kijk ook: %1</source>
        <translation>Also watch: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="95"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="102"/>
        <source>Speel de game</source>
        <translation>Play the game</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="107"/>
        <source>Meer video&apos;s</source>
        <translation>More videos</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="31"/>
        <source>Kijk verder op NXtv</source>
        <translation>Keep watching on NXtv</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="37"/>
        <source>Stuur naar een vriend</source>
        <translation>Send to a friend</translation>
    </message>
</context>
<context>
    <name>Parents</name>
    <message>
        <location filename="../ui/qml/screens/Parents.qml" line="61"/>
        <source>Voor ouders &amp; docenten</source>
        <translation>For parents &amp; teachers</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Parents.qml" line="98"/>
        <source>Vijf techniekprofielen op het vmbo</source>
        <translation>Five technical profiles at vmbo</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Parents.qml" line="134"/>
        <source>Bijvoorbeeld: %1.</source>
        <translation>For example: %1.</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Parents.qml" line="161"/>
        <source>Kijk samen</source>
        <translation>Watch together</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Parents.qml" line="200"/>
        <source>Lees thuis verder</source>
        <translation>Read more at home</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Parents.qml" line="217"/>
        <source>Lees voor</source>
        <translation>Read aloud</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../ui/qml/PinPad.qml" line="22"/>
        <source>Beheer: pincode</source>
        <translation>Admin: PIN</translation>
    </message>
    <message>
        <location filename="../ui/qml/PinPad.qml" line="46"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="143"/>
        <source>Op je telefoon</source>
        <translation>On your phone</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="157"/>
        <source>Vet!</source>
        <translation>Cool!</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="166"/>
        <source>Geluid aan</source>
        <translation>Sound on</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="166"/>
        <source>Geluid uit</source>
        <translation>Sound off</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="188"/>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="194"/>
        <source>Verder</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="194"/>
        <source>Pauze</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="199"/>
        <source>Ondertiteling uit</source>
        <translation>Captions off</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="199"/>
        <source>Ondertiteling aan</source>
        <translation>Captions on</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="205"/>
        <source>Home</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>Pulse</name>
    <message>
        <location filename="../ui/qml/screens/Pulse.qml" line="23"/>
        <source>Nog één ding, als je wilt</source>
        <translation>One more thing, if you like</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Pulse.qml" line="23"/>
        <source>Eén vraag voor je begint</source>
        <translation>One question before you start</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Pulse.qml" line="46"/>
        <source>Ik ben een:</source>
        <translation>I am a:</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Pulse.qml" line="54"/>
        <source>meisje</source>
        <translation>girl</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Pulse.qml" line="54"/>
        <source>jongen</source>
        <translation>boy</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Pulse.qml" line="55"/>
        <source>anders</source>
        <translation>other</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Pulse.qml" line="56"/>
        <source>zeg ik liever niet</source>
        <translation>I&apos;d rather not say</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Pulse.qml" line="70"/>
        <source>Sla over</source>
        <translation>Skip</translation>
    </message>
</context>
<context>
    <name>PulseQuestion</name>
    <message>
        <location filename="../ui/qml/components/PulseQuestion.qml" line="27"/>
        <source>Past techniek bij jou?</source>
        <translation>Is tech your thing?</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/PulseQuestion.qml" line="49"/>
        <source>Sla over</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/PulseQuestion.qml" line="65"/>
        <location filename="../ui/qml/components/PulseQuestion.qml" line="128"/>
        <source>Dank je!</source>
        <translation>Thanks!</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/PulseQuestion.qml" line="99"/>
        <source>Helemaal niet</source>
        <translation>Not at all</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/PulseQuestion.qml" line="105"/>
        <source>Helemaal wel</source>
        <translation>Totally</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <location filename="../ui/qml/components/QrCode.qml" line="10"/>
        <source>Scan met je camera</source>
        <translation>Scan with your camera</translation>
    </message>
</context>
<context>
    <name>Result</name>
    <message>
        <location filename="../ui/qml/screens/Result.qml" line="26"/>
        <source>„%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Result.qml" line="43"/>
        <source>Jullie match</source>
        <translation>Your match</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Result.qml" line="43"/>
        <source>Jouw richting</source>
        <translation>Your direction</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Result.qml" line="50"/>
        <source>Deze beroepen passen bij jullie allebei</source>
        <translation>These jobs suit you both</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Result.qml" line="51"/>
        <source>Deze drie passen even goed bij wat jij leuk vindt</source>
        <translation>These three fit what you like equally well</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Result.qml" line="52"/>
        <source>De eerste twee passen even goed bij wat jij leuk vindt</source>
        <translation>The first two fit what you like equally well</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Result.qml" line="53"/>
        <source>Deze beroepen passen bij wat jij leuk vindt</source>
        <translation>These jobs suit what you like</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Result.qml" line="66"/>
        <location filename="../ui/qml/screens/Result.qml" line="152"/>
        <source>Neem je uitslag mee</source>
        <translation>Take your result home</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Result.qml" line="160"/>
        <location filename="../ui/qml/screens/Result.qml" line="182"/>
        <source>Opnieuw</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Result.qml" line="168"/>
        <location filename="../ui/qml/screens/Result.qml" line="189"/>
        <source>Bedrijven</source>
        <translation>Companies</translation>
    </message>
</context>
<context>
    <name>SpeakerButton</name>
    <message>
        <location filename="../ui/qml/components/SpeakerButton.qml" line="29"/>
        <source>Stop met voorlezen</source>
        <translation>Stop reading aloud</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/SpeakerButton.qml" line="29"/>
        <source>Lees voor</source>
        <translation>Read aloud</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <location filename="../ui/qml/StillThereOverlay.qml" line="53"/>
        <location filename="../ui/qml/StillThereOverlay.qml" line="92"/>
        <source>Ben je er nog?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../ui/qml/StillThereOverlay.qml" line="59"/>
        <location filename="../ui/qml/StillThereOverlay.qml" line="98"/>
        <source>Tik ergens om verder te gaan</source>
        <translation>Tap anywhere to carry on</translation>
    </message>
</context>
<context>
    <name>SwipeDeck</name>
    <message>
        <location filename="../ui/qml/components/SwipeDeck.qml" line="35"/>
        <source>Bijna klaar!</source>
        <translation>Almost done!</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/SwipeDeck.qml" line="83"/>
        <source>Wat vind je leuker? Tik er één aan</source>
        <translation>Which do you like more? Tap one</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/SwipeDeck.qml" line="118"/>
        <source>Klaar!</source>
        <translation>Done!</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/SwipeDeck.qml" line="135"/>
        <source>Niks voor mij</source>
        <translation>Not for me</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/SwipeDeck.qml" line="144"/>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/SwipeDeck.qml" line="151"/>
        <source>Vet!</source>
        <translation>Cool!</translation>
    </message>
</context>
<context>
    <name>SwipeDemo</name>
    <message>
        <location filename="../ui/qml/components/SwipeDemo.qml" line="63"/>
        <source>Vet!</source>
        <translation>Cool!</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/SwipeDemo.qml" line="71"/>
        <source>Niks</source>
        <translation>Nope</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/SwipeDemo.qml" line="98"/>
        <source>← Niks</source>
        <translation>← Nope</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/SwipeDemo.qml" line="106"/>
        <source>Vet! →</source>
        <translation>Cool! →</translation>
    </message>
</context>
</TS>
