<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>Admin</name>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="12"/>
        <source>Beheer</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="21"/>
        <source>Bezoekers: %1</source>
        <translation>Visitors: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="25"/>
        <source>Inhoud: alles in orde</source>
        <translation>Content: all good</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="26"/>
        <source>Inhoud: %1 meldingen</source>
        <translation>Content: %1 notices</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="45"/>
        <source>Terug naar de kiosk</source>
        <translation>Back to the kiosk</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Admin.qml" line="50"/>
        <source>Kiosk afsluiten</source>
        <translation>Close the kiosk</translation>
    </message>
</context>
<context>
    <name>Attract</name>
    <message>
        <location filename="../ui/qml/screens/Attract.qml" line="50"/>
        <source>Een nieuwe blik op techniek</source>
        <translation>A new look at technology</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Attract.qml" line="56"/>
        <source>Kijk video&apos;s van jongeren in de techniek en ontdek welk beroep bij jou past</source>
        <translation>Watch young people at work in tech and find the job that fits you</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Attract.qml" line="65"/>
        <source>Tik om te beginnen</source>
        <translation>Tap to start</translation>
    </message>
</context>
<context>
    <name>Companies</name>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="19"/>
        <source>Bedrijven van vandaag</source>
        <translation>Companies here today</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="24"/>
        <source>Hier kun je aan de slag als %1</source>
        <translation>Here you can work as %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="25"/>
        <source>Scan de code en vraag naar een stage of een kijkje</source>
        <translation>Scan the code and ask about an internship or a visit</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="72"/>
        <source>+%1 meer</source>
        <translation>+%1 more</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Companies.qml" line="94"/>
        <source>Stage of contact</source>
        <translation>Internship or contact</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../ui/bridge.py" line="244"/>
        <source>Onjuiste pincode</source>
        <translation>Wrong PIN</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/bridge.py" line="285"/>
        <source>Even wachten: %n seconden</source>
        <translation>
            <numerusform>Please wait: %n second</numerusform>
            <numerusform>Please wait: %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EpisodePlayer</name>
    <message>
        <location filename="../media/player.py" line="371"/>
        <source>Deze aflevering lukt nu even niet. We gaan door!</source>
        <translation>This episode won&apos;t play right now. On to the next!</translation>
    </message>
</context>
<context>
    <name>EpisodeTile</name>
    <message>
        <location filename="../ui/qml/components/EpisodeTile.qml" line="28"/>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
</context>
<context>
    <name>Episodes</name>
    <message>
        <location filename="../ui/qml/screens/Episodes.qml" line="14"/>
        <source>Voor ouders &amp; docenten</source>
        <translation>For parents &amp; teachers</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Episodes.qml" line="14"/>
        <source>Kijk video&apos;s</source>
        <translation>Watch videos</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="17"/>
        <source>Wat wil je doen?</source>
        <translation>What do you want to do?</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="22"/>
        <source>Kies maar, je kunt altijd terug</source>
        <translation>Pick one, you can always go back</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="39"/>
        <source>Kijk video&apos;s</source>
        <translation>Watch videos</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="40"/>
        <source>Jongeren laten zien wat ze maken</source>
        <translation>Young people show what they make</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="48"/>
        <source>Welk techniekberoep past bij jou?</source>
        <translation>Which tech job fits you?</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="49"/>
        <source>Swipe en ontdek het in 2 minuten</source>
        <translation>Swipe and find out in 2 minutes</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="57"/>
        <source>Bedrijven van vandaag</source>
        <translation>Companies here today</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="58"/>
        <source>Wie is er en wat kun je er doen?</source>
        <translation>Who is here and what can you do there?</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="66"/>
        <source>Voor ouders &amp; docenten</source>
        <translation>For parents &amp; teachers</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="67"/>
        <source>Routes, banen en kansen</source>
        <translation>Routes, jobs and chances</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Home.qml" line="79"/>
        <source>Klaar, tot ziens!</source>
        <translation>Done, see you!</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../ui/qml/Main.qml" line="42"/>
        <source>Home</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>NextUpCard</name>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="33"/>
        <source>Dit was %1</source>
        <translation>That was %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="60"/>
        <source>Volgende aflevering in %1…</source>
        <translation>Next episode in %1…</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="61"/>
        <source>Volgende aflevering</source>
        <translation>Next episode</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="62"/>
        <source>Kijk ook: %1</source>
        <translation>Also watch: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="82"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="89"/>
        <source>Speel de game</source>
        <translation>Play the game</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="94"/>
        <source>Meer video&apos;s</source>
        <translation>More videos</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="108"/>
        <source>Kijk verder op NXtv</source>
        <translation>Keep watching on NXtv</translation>
    </message>
    <message>
        <location filename="../ui/qml/components/NextUpCard.qml" line="115"/>
        <source>Stuur naar een vriend</source>
        <translation>Send to a friend</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../ui/qml/PinPad.qml" line="20"/>
        <source>Beheer: pincode</source>
        <translation>Admin: PIN</translation>
    </message>
    <message>
        <location filename="../ui/qml/PinPad.qml" line="43"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="75"/>
        <source>Op je telefoon</source>
        <translation>On your phone</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="95"/>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="101"/>
        <source>Verder</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="101"/>
        <source>Pauze</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="106"/>
        <source>Ondertiteling uit</source>
        <translation>Captions off</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="106"/>
        <source>Ondertiteling aan</source>
        <translation>Captions on</translation>
    </message>
    <message>
        <location filename="../ui/qml/screens/Player.qml" line="112"/>
        <source>Home</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <location filename="../ui/qml/components/QrCode.qml" line="12"/>
        <source>Scan met je camera</source>
        <translation>Scan with your camera</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <location filename="../ui/qml/StillThereOverlay.qml" line="23"/>
        <source>Ben je er nog?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../ui/qml/StillThereOverlay.qml" line="29"/>
        <source>Tik ergens om verder te gaan</source>
        <translation>Tap anywhere to carry on</translation>
    </message>
</context>
</TS>
