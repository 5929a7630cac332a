<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/app/ratelimitsdialog.cpp" line="+14"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
</context>
<context>
    <name>TorrentListModel</name>
    <message>
        <location filename="../ui/torrentlist/snapshotrows.cpp" line="+38"/>
        <source>Waiting for the volume holding %1 to be mounted again.</source>
        <translation>Wartet darauf, dass der Datenträger mit %1 wieder eingehängt wird.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="+54"/>
        <source>Turn the DHT off.</source>
        <translation>Das DHT ausschalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bootstrap the DHT from this node instead of the well-known routers (repeatable).</source>
        <translation>Das DHT über diesen Knoten statt über die bekannten Router starten (mehrfach möglich).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The DHT&apos;s UDP port.</source>
        <translation>Der UDP-Port des DHT.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TCP port to listen on (0: any free port).</source>
        <translation>Der TCP-Port, auf dem gelauscht wird (0: ein beliebiger freier Port).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder of the torrent state database.</source>
        <translation>Der Ordner der Torrent-Zustandsdatenbank.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a demo swarm on 127.0.0.1 (a tracker, a seeder and leechers) and join it.</source>
        <translation>Einen Demo-Schwarm auf 127.0.0.1 starten (ein Tracker, ein Seeder und Leecher) und ihm beitreten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A BitTorrent client that shows the swarm at work.</source>
        <translation>Ein BitTorrent-Client, der den Schwarm bei der Arbeit zeigt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>.torrent files, URLs or magnet links to add.</source>
        <translation>.torrent-Dateien, URLs oder Magnet-Links zum Hinzufügen.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>--dht-bootstrap wants HOST:PORT, not &apos;%1&apos;</source>
        <translation>--dht-bootstrap erwartet HOST:PORT, nicht „%1“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--%1 wants a port number, not &apos;%2&apos;</source>
        <translation>--%1 erwartet eine Portnummer, nicht „%2“</translation>
    </message>
    <message>
        <location line="+94"/>
        <location line="+13"/>
        <location line="+4"/>
        <source>Swarmscope</source>
        <translation>Swarmscope</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The engine could not start: %1</source>
        <translation>Die Engine konnte nicht starten: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The demo swarm stopped: %1</source>
        <translation>Der Demo-Schwarm wurde beendet: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The demo swarm could not start: %1</source>
        <translation>Der Demo-Schwarm konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>swarmscope::power::PowerPolicy</name>
    <message numerus="yes">
        <location filename="../core/power/powerpolicy.cpp" line="+31"/>
        <source>Downloading %n torrent(s)</source>
        <translation>
            <numerusform>%n Torrent wird heruntergeladen</numerusform>
            <numerusform>%n Torrents werden heruntergeladen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swarmscope::storage::StoragePolicy</name>
    <message>
        <location filename="../core/storage/storagepolicy.cpp" line="+129"/>
        <source>The volume %1, where this folder is, is not mounted.</source>
        <translation>Der Datenträger %1, auf dem dieser Ordner liegt, ist nicht eingehängt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The volume %1 holding %2 is not mounted.</source>
        <translation>Der Datenträger %1 mit %2 ist nicht eingehängt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The volume holding %1 is not mounted.</source>
        <translation>Der Datenträger mit %1 ist nicht eingehängt.</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::AddController</name>
    <message>
        <location filename="../ui/app/addcontroller.cpp" line="+59"/>
        <source>This torrent is already in the list.</source>
        <translation>Dieser Torrent ist bereits in der Liste.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>the magnet link</source>
        <translation>der Magnet-Link</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::AddTorrentDialog</name>
    <message>
        <location filename="../ui/dialogs/adddialog.cpp" line="+71"/>
        <source>Add Torrent</source>
        <translation>Torrent hinzufügen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add Magnet Link</source>
        <translation>Magnet-Link hinzufügen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save in:</source>
        <translation>Speichern in:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start paused</source>
        <translation>Pausiert starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download in sequential order</source>
        <translation>In sequenzieller Reihenfolge herunterladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pieces in file order instead of rarest first: lets you play a video while it downloads, but shares less with the swarm.</source>
        <translation>Teile in Dateireihenfolge statt seltenste zuerst: Ein Video lässt sich abspielen, während es herunterlädt, aber mit dem Schwarm wird weniger geteilt.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>(name not known yet)</source>
        <translation>(Name noch unbekannt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Info-hash:</source>
        <translation>Info-Hash:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Metadata:</source>
        <translation>Metadaten:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The list of files appears when the metadata has arrived from peers.
You can add the torrent now: then every file is downloaded.</source>
        <translation>Die Dateiliste erscheint, sobald die Metadaten von Peers eingetroffen sind.
Sie können den Torrent jetzt hinzufügen: Dann wird jede Datei heruntergeladen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select All</source>
        <translation>Alle auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select None</source>
        <translation>Keine auswählen</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Fetching metadata: %n peer(s), %1/%2 pieces</source>
        <translation>
            <numerusform>Metadaten werden abgerufen: %n Peer, %1/%2 Teile</numerusform>
            <numerusform>Metadaten werden abgerufen: %n Peers, %1/%2 Teile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Fetching metadata: %n peer(s), waiting for its size</source>
        <translation>
            <numerusform>Metadaten werden abgerufen: %n Peer, warte auf ihre Größe</numerusform>
            <numerusform>Metadaten werden abgerufen: %n Peers, warte auf ihre Größe</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching metadata: looking for peers…</source>
        <translation>Metadaten werden abgerufen: Suche nach Peers…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Received.</source>
        <translation>Empfangen.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 of %2 (%3 of %4 files)</source>
        <translation>%1 von %2 (%3 von %4 Dateien)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (the size the link gives)</source>
        <translation>%1 (die Größe laut Link)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not known until the metadata arrives</source>
        <translation>unbekannt, bis die Metadaten eintreffen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space needed: %1. Free at the folder: %2.</source>
        <translation>Benötigter Speicherplatz: %1. Frei im Ordner: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not enough free space: %1 more is needed at this folder.</source>
        <translation>Nicht genug freier Speicherplatz: In diesem Ordner werden %1 mehr benötigt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a folder to save in.</source>
        <translation>Wählen Sie einen Ordner zum Speichern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose at least one file.</source>
        <translation>Wählen Sie mindestens eine Datei.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save Folder</source>
        <translation>Speicherordner</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::DetailsPanel</name>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="+23"/>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trackers</source>
        <translation>&amp;Tracker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Peers</source>
        <translation>&amp;Peers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Files</source>
        <translation>&amp;Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Swarm</source>
        <translation>&amp;Schwarm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rates</source>
        <translation>&amp;Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The torrent&apos;s essentials and its pieces</source>
        <translation>Das Wichtigste zum Torrent und seine Teile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The trackers this torrent announces to</source>
        <translation>Die Tracker, bei denen sich dieser Torrent meldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every connected neighbour, its state and its pieces</source>
        <translation>Jeder verbundene Nachbar, sein Zustand und seine Teile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The torrent&apos;s files, their progress and priority</source>
        <translation>Die Dateien des Torrents, ihr Fortschritt und ihre Priorität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which neighbour has which piece, and who sends to whom</source>
        <translation>Welcher Nachbar welches Teil hat und wer an wen sendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download and upload over time, in total, for this torrent and its top neighbours</source>
        <translation>Herunter- und Hochladen über die Zeit, insgesamt, für diesen Torrent und seine wichtigsten Nachbarn</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::FileTreeModel</name>
    <message>
        <location filename="../ui/dialogs/filetreemodel.cpp" line="+321"/>
        <source>Renamed: the torrent asked for a name that is not safe on disk.</source>
        <translation>Umbenannt: Der Torrent verlangte einen Namen, der auf dem Datenträger nicht sicher ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marked executable by the torrent.</source>
        <translation>Vom Torrent als ausführbar markiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marked hidden by the torrent.</source>
        <translation>Vom Torrent als versteckt markiert.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::FilesTab</name>
    <message>
        <location filename="../ui/details/filestab.cpp" line="+174"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the file once all of it has been downloaded and verified</source>
        <translation>Die Datei öffnen, sobald sie vollständig heruntergeladen und geprüft ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open containing &amp;folder</source>
        <translation>Enthaltenden &amp;Ordner öffnen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Priority</source>
        <translation>&amp;Priorität</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Skip (do not download)</source>
        <translation>Ü&amp;berspringen (nicht herunterladen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normal</source>
        <translation>&amp;Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;High</source>
        <translation>&amp;Hoch</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::GeneralTab</name>
    <message>
        <location filename="../ui/details/generaltab.cpp" line="+35"/>
        <source>%1 (%2 in swarm)</source>
        <translation>%1 (%2 im Schwarm)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Transfer</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress:</source>
        <translation>Fortschritt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloaded:</source>
        <translation>Heruntergeladen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploaded:</source>
        <translation>Hochgeladen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share ratio:</source>
        <translation>Verhältnis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download rate:</source>
        <translation>Download-Rate:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload rate:</source>
        <translation>Upload-Rate:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left:</source>
        <translation>Restzeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds:</source>
        <translation>Seeds:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers:</source>
        <translation>Peers:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Availability:</source>
        <translation>Verfügbarkeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distributed copies among connected peers: copies of the rarest piece, plus the share of pieces that have more. Below 1, no connected peer set can complete it.</source>
        <translation>Verteilte Kopien unter den verbundenen Peers: Kopien des seltensten Teils plus der Anteil der Teile, die häufiger vorhanden sind. Unter 1 kann keine Gruppe verbundener Peers den Torrent vervollständigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Information</source>
        <translation>Informationen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save path:</source>
        <translation>Speicherpfad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Pieces:</source>
        <translation>Teile:</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Info hash:</source>
        <translation>Info-Hash:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added on:</source>
        <translation>Hinzugefügt am:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed on:</source>
        <translation>Abgeschlossen am:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The volume holding %1 is not mounted.</source>
        <translation>Der Datenträger mit %1 ist nicht eingehängt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 The torrent resumes by itself when the volume is back.</source>
        <comment>why it waits</comment>
        <translation>%1 Der Torrent wird von selbst fortgesetzt, sobald der Datenträger wieder da ist.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fetching metadata</source>
        <translation>Metadaten werden abgerufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeding</source>
        <translation>Verteilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage unavailable</source>
        <translation>Speicher nicht verfügbar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2 selected)</source>
        <translation>%1 (%2 ausgewählt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 × %2 (have %3)</source>
        <translation>%1 × %2 (vorhanden: %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (have %2)</source>
        <translation>%1 (vorhanden: %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown: fetching metadata (%1 of %2 parts)</source>
        <translation>Unbekannt: Metadaten werden abgerufen (%1 von %2 Teilen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown: fetching metadata</source>
        <translation>Unbekannt: Metadaten werden abgerufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+97"/>
        <source>Swarmscope</source>
        <translation>Swarmscope</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the torrent</source>
        <translation>der Torrent</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is complete</source>
        <translation>%1 ist vollständig</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Open Torrent…</source>
        <translation>Torrent ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a torrent from a .torrent file</source>
        <translation>Einen Torrent aus einer .torrent-Datei hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add &amp;Magnet Link…</source>
        <translation>&amp;Magnet-Link hinzufügen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Magnet</source>
        <translation>Magnet hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a torrent from a magnet link</source>
        <translation>Einen Torrent aus einem Magnet-Link hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add from &amp;Clipboard</source>
        <translation>Aus der &amp;Zwischenablage hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the magnet link, URL or .torrent path on the clipboard</source>
        <translation>Den Magnet-Link, die URL oder den .torrent-Pfad aus der Zwischenablage hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Status Bar</source>
        <translation>&amp;Statusleiste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Details Panel</source>
        <translation>&amp;Detailbereich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About Swarmscope</source>
        <translation>Über &amp;Swarmscope</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Torrent</source>
        <translation>&amp;Torrent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Search torrents by name</source>
        <translation>Torrents nach Namen suchen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Drop .torrent files or magnet links here, or use File ▸ Open</source>
        <translation>.torrent-Dateien oder Magnet-Links hier ablegen oder Datei ▸ Öffnen verwenden</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>The clipboard holds no magnet link, URL or .torrent file</source>
        <translation>Die Zwischenablage enthält keinen Magnet-Link, keine URL und keine .torrent-Datei</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Torrent</source>
        <translation>Torrent öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Torrent files (*.torrent);;All files (*)</source>
        <translation>Torrent-Dateien (*.torrent);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add Magnet Link</source>
        <translation>Magnet-Link hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Magnet link:</source>
        <translation>Magnet-Link:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The new language takes effect when Swarmscope starts again.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Swarmscope.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot Add Torrent</source>
        <translation>Torrent kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not add %1.</source>
        <translation>%1 konnte nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About Swarmscope</source>
        <translation>Über Swarmscope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Swarmscope %1&lt;/h3&gt;&lt;p&gt;A BitTorrent client that shows the swarm at work.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Swarmscope %1&lt;/h3&gt;&lt;p&gt;Ein BitTorrent-Client, der den Schwarm bei der Arbeit zeigt.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::PeersModel</name>
    <message>
        <location filename="../ui/peers/peersmodel.cpp" line="+150"/>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No flags: choked both ways and nobody is interested</source>
        <translation>Keine Flags: beidseitig gedrosselt und niemand ist interessiert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>It holds our optimistic unchoke slot</source>
        <translation>Er belegt unseren optimistischen Freigabe-Slot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It holds one of our regular unchoke slots</source>
        <translation>Er belegt einen unserer regulären Freigabe-Slots</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>It holds no upload slot of ours</source>
        <translation>Er belegt keinen unserer Upload-Slots</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No piece information yet</source>
        <translation>Noch keine Teilinformationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It has %1 of %2 pieces</source>
        <translation>Er hat %1 von %2 Teilen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Am choking</source>
        <translation>Wir drosseln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Am interested</source>
        <translation>Wir interessiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer choking</source>
        <translation>Peer drosselt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer interested</source>
        <translation>Peer interessiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimistic</source>
        <translation>Optimistisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snubbed</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pieces</source>
        <translation>Teile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The neighbour&apos;s IP address and port</source>
        <translation>IP-Adresse und Port des Nachbarn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The BitTorrent program it runs, as its peer id tells</source>
        <translation>Das BitTorrent-Programm, das er verwendet, laut seiner Peer-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qBittorrent-style letters for the peer&apos;s state:</source>
        <translation>Buchstaben im Stil von qBittorrent für den Zustand des Peers:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How much of the torrent it has</source>
        <translation>Wie viel vom Torrent er hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How fast we receive data from it</source>
        <translation>Wie schnell wir Daten von ihm empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How fast we send data to it</source>
        <translation>Wie schnell wir Daten an ihn senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data received from it since it connected</source>
        <translation>Von ihm empfangene Daten seit dem Verbindungsaufbau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data sent to it since it connected</source>
        <translation>An ihn gesendete Daten seit dem Verbindungsaufbau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Am choking: we refuse to upload to this peer</source>
        <translation>Wir drosseln: Wir verweigern diesem Peer das Hochladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Am interested: this peer has pieces we want</source>
        <translation>Wir interessiert: Dieser Peer hat Teile, die wir wollen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer choking: this peer refuses to upload to us</source>
        <translation>Peer drosselt: Dieser Peer verweigert uns das Hochladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer interested: this peer wants pieces we have</source>
        <translation>Peer interessiert: Dieser Peer will Teile, die wir haben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimistic unchoke: we upload to this peer on trial, whatever its rate, to discover better partners</source>
        <translation>Optimistische Freigabe: Wir laden probeweise, unabhängig von seiner Rate, zu diesem Peer hoch, um bessere Partner zu entdecken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snubbed: it unchoked us but has sent nothing for a while</source>
        <translation>Abgewiesen: Er hat uns freigegeben, aber eine Weile nichts gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming: it connected to us. Outgoing: we connected to it</source>
        <translation>Eingehend: Er hat sich mit uns verbunden. Ausgehend: Wir haben uns mit ihm verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where we learnt its address: tracker, DHT, peer exchange, incoming, or by hand</source>
        <translation>Woher wir seine Adresse kennen: Tracker, DHT, Peer-Austausch, eingehend oder von Hand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pieces it has, first to last; a darker stretch means more of its pieces are there</source>
        <translation>Die Teile, die er hat, vom ersten bis zum letzten; ein dunklerer Abschnitt bedeutet, dass dort mehr seiner Teile liegen</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::PeersView</name>
    <message>
        <location filename="../ui/peers/peersview.cpp" line="+60"/>
        <source>Flag legend</source>
        <translation>Flag-Legende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide what each flag letter means</source>
        <translation>Anzeigen oder ausblenden, was jeder Flag-Buchstabe bedeutet</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::PiecesBar</name>
    <message>
        <location filename="../ui/swarm/piecesbar.cpp" line="+53"/>
        <source>Piece %1</source>
        <translation>Teil %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pieces %1–%2 (%3)</source>
        <translation>Teile %1–%2 (%3)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No piece information yet (the torrent&apos;s metadata is still being fetched).</source>
        <translation>Noch keine Teilinformationen (die Metadaten des Torrents werden noch abgerufen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 pieces</source>
        <translation>%1 von %2 Teilen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 present</source>
        <translation>%1: %2 vorhanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Darker: more of the pieces in that column are present.</source>
        <translation>Dunkler: mehr Teile dieser Spalte sind vorhanden.</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::PriorityDelegate</name>
    <message>
        <location filename="../ui/details/prioritydelegate.cpp" line="+19"/>
        <source>Skip leaves the file out; High fetches its pieces before the others</source>
        <translation>Überspringen lässt die Datei aus; Hoch lädt ihre Teile vor den anderen</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::RateGraph</name>
    <message>
        <location filename="../ui/rates/rategraph.cpp" line="+61"/>
        <location line="+92"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::RateLimitsDialog</name>
    <message>
        <location filename="../ui/app/ratelimitsdialog.cpp" line="+9"/>
        <source>Speed Limits</source>
        <translation>Geschwindigkeitsbegrenzung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Download limit:</source>
        <translation>Limit für &amp;Herunterladen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Upload limit:</source>
        <translation>Limit für Hoch&amp;laden:</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::RatesView</name>
    <message>
        <location filename="../ui/rates/ratesview.cpp" line="+37"/>
        <source>Last minute</source>
        <translation>Letzte Minute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 minutes</source>
        <translation>Letzte 30 Minuten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How far back the graphs go</source>
        <translation>Wie weit die Diagramme zurückreichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they send us</source>
        <translation>Was sie uns senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we send them</source>
        <translation>Was wir ihnen senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rank and draw the neighbours by their download or their upload</source>
        <translation>Die Nachbarn nach ihrem Download oder Upload einordnen und zeichnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer rates</source>
        <translation>Übertragungsraten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top neighbours of the selected torrent</source>
        <translation>Wichtigste Nachbarn des ausgewählten Torrents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Neighbours:</source>
        <translation>Nachbarn:</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Session download</source>
        <translation>Sitzung: Download</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session upload</source>
        <translation>Sitzung: Upload</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Torrent download</source>
        <translation>Torrent: Download</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Torrent upload</source>
        <translation>Torrent: Upload</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No neighbour has moved data in this span.</source>
        <translation>Kein Nachbar hat in diesem Zeitraum Daten übertragen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a torrent to see what its neighbours contribute.</source>
        <translation>Wählen Sie einen Torrent, um zu sehen, was seine Nachbarn beitragen.</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="+75"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DHT</source>
        <translation>DHT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choker</source>
        <translation>Choking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trackers</source>
        <translation>Tracker</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+95"/>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An IP address of this computer, or “any” for every interface.</source>
        <translation>Eine IP-Adresse dieses Computers oder „any“ für alle Schnittstellen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listen port (TCP):</source>
        <translation>Lauschport (TCP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen address:</source>
        <translation>Lauschadresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections in total:</source>
        <translation>Verbindungen insgesamt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections per torrent:</source>
        <translation>Verbindungen pro Torrent:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers connect to the listen port; a port forwarded in your router lets peers behind other routers reach you.</source>
        <translation>Peers verbinden sich mit dem Lauschport; ein im Router weitergeleiteter Port lässt Peers hinter anderen Routern Sie erreichen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+126"/>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+142"/>
        <location line="+2"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Download limit:</source>
        <translation>Download-Limit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload limit:</source>
        <translation>Upload-Limit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For all torrents together; 0 means unlimited.</source>
        <translation>Für alle Torrents zusammen; 0 bedeutet unbegrenzt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Find peers through the DHT</source>
        <translation>Peers über das DHT finden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Same as the listen port</source>
        <translation>Wie der Lauschport</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Empty: the well-known routers.
One node per line, as host:port</source>
        <translation>Leer: die bekannten Router.
Ein Knoten pro Zeile, als host:port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT port (UDP):</source>
        <translation>DHT-Port (UDP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bootstrap nodes:</source>
        <translation>Bootstrap-Knoten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DHT finds peers without a tracker. Private torrents never use it.</source>
        <translation>Das DHT findet Peers ohne Tracker. Private Torrents verwenden es nie.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+1"/>
        <location line="+104"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Regular unchoke slots:</source>
        <translation>Reguläre Freigabe-Slots:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-rank peers every:</source>
        <translation>Peers neu einordnen alle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate the optimistic unchoke every:</source>
        <translation>Optimistische Freigabe wechseln alle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each torrent uploads to the peers that send it data fastest (the regular slots, re-ranked at every interval) and to one random peer (the optimistic slot), so new peers get a chance to show what they can send. BitTorrent&apos;s design uses 4 slots, 10 s and 30 s.</source>
        <translation>Jeder Torrent lädt zu den Peers hoch, die ihm am schnellsten Daten senden (die regulären Slots, in jedem Intervall neu eingeordnet), und zu einem zufälligen Peer (der optimistische Slot), damit neue Peers zeigen können, was sie senden können. Das Design von BitTorrent verwendet 4 Slots, 10 s und 30 s.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Announce to the torrents&apos; trackers</source>
        <translation>Bei den Trackern der Torrents melden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run a tracker for my own torrents</source>
        <translation>Einen Tracker für meine eigenen Torrents betreiben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tracker port (TCP):</source>
        <translation>Tracker-Port (TCP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The built-in tracker lets peers find torrents you create and share without a public tracker.</source>
        <translation>Der eingebaute Tracker lässt Peers Torrents finden, die Sie erstellen und teilen, ohne öffentlichen Tracker.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Default save folder:</source>
        <translation>Standard-Speicherordner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New torrents are saved here unless you choose another folder when adding them.</source>
        <translation>Neue Torrents werden hier gespeichert, sofern Sie beim Hinzufügen keinen anderen Ordner wählen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Power</source>
        <translation>Energie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the computer awake while torrents download</source>
        <translation>Den Computer wach halten, während Torrents herunterladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause torrents while the computer runs on battery</source>
        <translation>Torrents pausieren, während der Computer im Akkubetrieb läuft</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Torrents paused for the battery resume on mains power; those you paused yourself stay paused. Both need the desktop&apos;s power services, and do nothing without them.</source>
        <translation>Wegen des Akkus pausierte Torrents werden am Netzstrom fortgesetzt; selbst pausierte bleiben pausiert. Beides braucht die Energiedienste des Desktops und bewirkt ohne sie nichts.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Queue torrents: only the first ones in the list run at once</source>
        <translation>Torrents einreihen: Nur die ersten der Liste laufen gleichzeitig</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Active downloads at most:</source>
        <translation>Höchstens aktive Downloads:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active seeds at most:</source>
        <translation>Höchstens aktive Seeds:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active torrents at most:</source>
        <translation>Höchstens aktive Torrents:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The others wait as Queued and start, top of the list first, as slots free up. Move Up and Move Down in the Torrent menu change the order. A magnet link fetching its metadata counts as a download.</source>
        <translation>Die übrigen warten „In Warteschlange“ und starten, oben in der Liste zuerst, sobald Plätze frei werden. „Hoch“ und „Runter“ im Menü Torrent ändern die Reihenfolge. Ein Magnet-Link, der seine Metadaten abruft, zählt als Download.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not count slow torrents against these limits</source>
        <translation>Langsame Torrents nicht auf diese Grenzen anrechnen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Slow below, downloading:</source>
        <translation>Langsam unter, beim Herunterladen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slow below, uploading:</source>
        <translation>Langsam unter, beim Hochladen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For at least:</source>
        <translation>Für mindestens:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language takes effect when Swarmscope starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Swarmscope.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing the window keeps Swarmscope running in the system tray</source>
        <translation>Beim Schließen des Fensters läuft Swarmscope im Systembereich der Kontrollleiste weiter</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Listen address: “%1” is not an IP address of this computer.</source>
        <translation>Lauschadresse: „%1“ ist keine IP-Adresse dieses Computers.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connections per torrent (%L1) cannot exceed connections in total (%L2).</source>
        <translation>Verbindungen pro Torrent (%L1) dürfen die Verbindungen insgesamt (%L2) nicht übersteigen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>DHT bootstrap nodes: %1</source>
        <translation>DHT-Bootstrap-Knoten: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The optimistic unchoke cannot rotate more often than the peers are re-ranked (%1 s).</source>
        <translation>Die optimistische Freigabe kann nicht öfter wechseln, als die Peers neu eingeordnet werden (%1 s).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The tracker cannot use port %1: peers connect to it.</source>
        <translation>Der Tracker kann Port %1 nicht verwenden: Peers verbinden sich damit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a default save folder.</source>
        <translation>Wählen Sie einen Standard-Speicherordner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The default save folder must be a full path, not “%1”.</source>
        <translation>Der Standard-Speicherordner muss ein vollständiger Pfad sein, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Default Save Folder</source>
        <translation>Standard-Speicherordner</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::SingleInstance</name>
    <message>
        <location filename="../ui/app/singleinstance.cpp" line="+92"/>
        <source>Cannot create the state folder %1</source>
        <translation>Der Zustandsordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot take the lock %1</source>
        <translation>Die Sperre %1 kann nicht belegt werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot listen on %1: %2</source>
        <translation>Auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Too many arguments to hand to the running instance</source>
        <translation>Zu viele Argumente für die laufende Instanz</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The running instance does not answer: %1</source>
        <translation>Die laufende Instanz antwortet nicht: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The running instance did not take the arguments</source>
        <translation>Die laufende Instanz hat die Argumente nicht angenommen</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::StatusBarPanel</name>
    <message>
        <location filename="../ui/app/statusbarpanel.cpp" line="+41"/>
        <source>Download rate of all torrents [limit]. Click to set the limits.</source>
        <translation>Download-Rate aller Torrents [Limit]. Klicken, um die Limits festzulegen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload rate of all torrents [limit]. Click to set the limits.</source>
        <translation>Upload-Rate aller Torrents [Limit]. Klicken, um die Limits festzulegen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes in the DHT routing table (BEP 5)</source>
        <translation>Knoten in der DHT-Routingtabelle (BEP 5)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>DHT: off</source>
        <translation>DHT: aus</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>DHT: %n node(s)</source>
        <translation>
            <numerusform>DHT: %n Knoten</numerusform>
            <numerusform>DHT: %n Knoten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not listening</source>
        <translation>Kein Lauschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port %1 ✓</source>
        <translation>Port %1 ✓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers have connected to us: the port is reachable.</source>
        <translation>Peers haben sich mit uns verbunden: Der Port ist erreichbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No peer has connected to us yet: the port may be closed by a firewall or a router.</source>
        <translation>Noch hat sich kein Peer mit uns verbunden: Der Port ist möglicherweise durch eine Firewall oder einen Router gesperrt.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Free: %1</source>
        <translation>Frei: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free: unknown</source>
        <translation>Frei: unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free space at %1</source>
        <translation>Freier Speicherplatz in %1</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::StatusFilterList</name>
    <message>
        <location filename="../ui/torrentlist/statusfilterlist.cpp" line="+38"/>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Torrents stopped by an error, or waiting for the volume holding their files</source>
        <translation>Torrents, die ein Fehler angehalten hat oder die auf den Datenträger mit ihren Dateien warten</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeding</source>
        <translation>Verteilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2)</source>
        <comment>filter name (count)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::SwarmGraph</name>
    <message>
        <location filename="../ui/swarm/swarmgraph.cpp" line="+283"/>
        <source>No torrent selected</source>
        <translation>Kein Torrent ausgewählt</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Us</source>
        <translation>Wir</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>to us</source>
        <translation>an uns</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from us</source>
        <translation>von uns</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dashed: choked</source>
        <translation>gestrichelt: gedrosselt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>upload slot</source>
        <translation>Upload-Slot</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optimistic</source>
        <translation>optimistisch</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>snubbed</source>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown client</source>
        <translation>unbekannter Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed: has every piece</source>
        <translation>Seed: hat jedes Teil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has %1 of the torrent</source>
        <translation>Hat %1 des Torrents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving %1 from it, sending %2 to it</source>
        <translation>Empfange %1 von ihm, sende %2 an ihn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received %1, sent %2 since connecting</source>
        <translation>%1 empfangen, %2 gesendet seit dem Verbindungsaufbau</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holds our optimistic unchoke slot</source>
        <translation>Belegt unseren optimistischen Freigabe-Slot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holds one of our regular unchoke slots</source>
        <translation>Belegt einen unserer regulären Freigabe-Slots</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snubbed: it unchoked us but has sent nothing for a while</source>
        <translation>Abgewiesen: Er hat uns freigegeben, aber eine Weile nichts gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 connection, found via %2</source>
        <translation>Richtung: %1, gefunden über %2</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Us: %n neighbour(s) connected</source>
        <translation>
            <numerusform>Wir: %n Nachbar verbunden</numerusform>
            <numerusform>Wir: %n Nachbarn verbunden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We have %1 of %2 pieces</source>
        <translation>Wir haben %1 von %2 Teilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receiving %1, sending %2</source>
        <translation>Empfange %1, sende %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 neighbours unchoke us; we unchoke %2</source>
        <translation>%1 Nachbarn geben uns frei; wir geben %2 frei</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::SwarmMatrix</name>
    <message>
        <location filename="../ui/swarm/swarmmatrix.cpp" line="+287"/>
        <location line="+38"/>
        <source>We have</source>
        <translation>Wir haben</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Rarity</source>
        <translation>Seltenheit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No piece information yet</source>
        <translation>Noch keine Teilinformationen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No torrent selected</source>
        <translation>Kein Torrent ausgewählt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No connected neighbours</source>
        <translation>Keine verbundenen Nachbarn</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>It has, we lack</source>
        <translation>Er hat es, uns fehlt es</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both have</source>
        <translation>Beide haben es</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We request it (from this peer)</source>
        <translation>Wir fordern es an (von diesem Peer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It requests it from us</source>
        <translation>Er fordert es von uns an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rare among neighbours</source>
        <translation>Selten unter den Nachbarn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No neighbour has it</source>
        <translation>Kein Nachbar hat es</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown client</source>
        <translation>unbekannter Client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It has %1 of them; we have %2 of those too</source>
        <translation>Er hat %1 davon; wir haben %2 davon ebenfalls</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>We request %1 of them from it; it downloads %2 of them from us</source>
        <translation>Wir fordern %1 davon von ihm an; er lädt %2 davon von uns herunter</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Our pieces
%1
We have %2 of them; %3 downloading</source>
        <translation>Unsere Teile
%1
Wir haben %2 davon; %3 werden heruntergeladen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copies among neighbours: unknown</source>
        <translation>Kopien unter den Nachbarn: unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copies among neighbours: %1 to %2 (mean %3)</source>
        <translation>Kopien unter den Nachbarn: %1 bis %2 (Mittel %3)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rarity
%1
%2</source>
        <translation>Seltenheit
%1
%2</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TorrentActions</name>
    <message>
        <location filename="../ui/app/torrentactions.cpp" line="+26"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Force Re&amp;check</source>
        <translation>&amp;Neu prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Containing &amp;Folder</source>
        <translation>Enthaltenden &amp;Ordner öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy Ma&amp;gnet Link</source>
        <translation>&amp;Magnet-Link kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move &amp;Up in Queue</source>
        <translation>In Warteschlange &amp;hoch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move &amp;Down in Queue</source>
        <translation>In Warteschlange &amp;runter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause &amp;All</source>
        <translation>&amp;Alle pausieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume A&amp;ll</source>
        <translation>A&amp;lle fortsetzen</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>Storage Unavailable</source>
        <translation>Speicher nicht verfügbar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” was not resumed.</source>
        <translation>„%1“ wurde nicht fortgesetzt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mount the volume, then resume it again.</source>
        <translation>Hängen Sie den Datenträger ein und setzen Sie den Torrent dann erneut fort.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n torrents were not resumed: their storage is missing.</source>
        <translation>
            <numerusform>%n Torrent wurde nicht fortgesetzt: Sein Speicher fehlt.</numerusform>
            <numerusform>%n Torrents wurden nicht fortgesetzt: Ihr Speicher fehlt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <comment>torrent name: why it was not resumed</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Remove Torrents</source>
        <translation>Torrents entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected torrent from the list?</source>
        <translation>Den ausgewählten Torrent aus der Liste entfernen?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Remove the %n selected torrents from the list?</source>
        <translation>
            <numerusform>Den %n ausgewählten Torrent aus der Liste entfernen?</numerusform>
            <numerusform>Die %n ausgewählten Torrents aus der Liste entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also delete the downloaded files</source>
        <translation>Auch die heruntergeladenen Dateien löschen</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TorrentFilesModel</name>
    <message>
        <location filename="../ui/details/filesmodel.cpp" line="+61"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed</source>
        <translation>Gemischt</translation>
    </message>
    <message>
        <location line="+301"/>
        <source>%1 of %2 verified</source>
        <translation>%1 von %2 geprüft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untick to skip, tick to download.</source>
        <translation>Abwählen zum Überspringen, anwählen zum Herunterladen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click or right-click to change: Skip leaves the file out, High fetches its pieces first.</source>
        <translation>Doppel- oder Rechtsklick zum Ändern: Überspringen lässt die Datei aus, Hoch lädt ihre Teile zuerst.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete: double-click to open.</source>
        <translation>Vollständig: Doppelklick zum Öffnen.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TorrentListModel</name>
    <message>
        <location filename="../ui/torrentlist/torrentlistmodel.cpp" line="+156"/>
        <source>Fetching metadata</source>
        <translation>Metadaten werden abgerufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeding</source>
        <translation>Verteilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage unavailable</source>
        <translation>Speicher nicht verfügbar</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 (%2)</source>
        <comment>connected (in swarm)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratio</source>
        <translation>Verhältnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <comment>place in the queue</comment>
        <translation>#</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Download rate</source>
        <translation>Download-Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload rate</source>
        <translation>Upload-Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds connected (seeds in the swarm, as the tracker reports)</source>
        <translation>Verbundene Seeds (Seeds im Schwarm laut Tracker)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers connected (peers in the swarm, as the tracker reports)</source>
        <translation>Verbundene Peers (Peers im Schwarm laut Tracker)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated time until the download completes</source>
        <translation>Geschätzte Zeit bis zum Abschluss des Downloads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share ratio: bytes uploaded per byte downloaded</source>
        <translation>Verhältnis: hochgeladene Bytes pro heruntergeladenem Byte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place in the queue: with queueing on, the first ones run and the others wait (Torrent ▸ Move Up / Move Down)</source>
        <translation>Platz in der Warteschlange: Ist sie eingeschaltet, laufen die ersten und die übrigen warten (Torrent ▸ In Warteschlange hoch / runter)</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TorrentListView</name>
    <message>
        <location filename="../ui/torrentlist/torrentlistview.cpp" line="+26"/>
        <source>Torrents</source>
        <translation>Torrents</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TorrentPiecesBar</name>
    <message>
        <location filename="../ui/swarm/piecesbar.cpp" line="+49"/>
        <source>No piece information yet</source>
        <translation>Noch keine Teilinformationen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No piece information yet (the torrent&apos;s metadata is still being fetched).</source>
        <translation>Noch keine Teilinformationen (die Metadaten des Torrents werden noch abgerufen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>We have %1 of %2 pieces, %3 downloading</source>
        <translation>Wir haben %1 von %2 Teilen, %3 werden heruntergeladen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: we have %2, downloading %3</source>
        <translation>%1: wir haben %2, %3 werden heruntergeladen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copies among connected peers: %1 to %2 (mean %3)</source>
        <translation>Kopien unter den verbundenen Peers: %1 bis %2 (Mittel %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Top: our pieces (blue) and those being downloaded (light blue).</source>
        <translation>Oben: unsere Teile (blau) und die, die gerade heruntergeladen werden (hellblau).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bottom: rarity among connected peers; the rarest are the strongest purple, red means no connected peer has it.</source>
        <translation>Unten: Seltenheit unter den verbundenen Peers; die seltensten sind am kräftigsten violett, rot bedeutet, dass kein verbundener Peer es hat.</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TrackersModel</name>
    <message>
        <location filename="../ui/details/trackersmodel.cpp" line="+22"/>
        <source>Working</source>
        <translation>Funktioniert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updating</source>
        <translation>Wird aktualisiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not contacted yet</source>
        <translation>Noch nicht kontaktiert</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>N/A</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As the tracker last reported; N/A when it did not say.</source>
        <translation>Wie zuletzt vom Tracker gemeldet; k. A., wenn er nichts angab.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last announce</source>
        <translation>Letzte Meldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next announce</source>
        <translation>Nächste Meldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trackers of a lower tier are tried first (BEP 12)</source>
        <translation>Tracker einer niedrigeren Stufe werden zuerst versucht (BEP 12)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete copies in the swarm, as the tracker reports</source>
        <translation>Vollständige Kopien im Schwarm laut Tracker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers still downloading, as the tracker reports</source>
        <translation>Peers, die noch herunterladen, laut Tracker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many times the tracker saw the torrent completed</source>
        <translation>Wie oft der Tracker den Torrent als abgeschlossen gesehen hat</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TrackersTab</name>
    <message>
        <location filename="../ui/details/trackerstab.cpp" line="+27"/>
        <location line="+132"/>
        <source>&amp;Add tracker…</source>
        <translation>Tracker &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="-131"/>
        <location line="+133"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>In %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add announce URLs to this torrent</source>
        <translation>Announce-URLs zu diesem Torrent hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected trackers from this torrent</source>
        <translation>Die ausgewählten Tracker von diesem Torrent entfernen</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Add trackers</source>
        <translation>Tracker hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Announce URLs, one per line (http, https or udp):</source>
        <translation>Announce-URLs, eine pro Zeile (http, https oder udp):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Copy URL</source>
        <translation>URL &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TrayIcon</name>
    <message>
        <location filename="../ui/app/trayicon.cpp" line="+61"/>
        <source>&amp;Show Swarmscope</source>
        <translation>Swarmscope &amp;anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Pause All</source>
        <translation>Alle &amp;pausieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resume All</source>
        <translation>Alle &amp;fortsetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close to Tray</source>
        <translation>Beim Schließen in den &amp;Infobereich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+72"/>
        <source>Swarmscope</source>
        <translation>Swarmscope</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Down: %1, up: %2</source>
        <translation>Runter: %1, hoch: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n torrent(s): %1 downloading, %2 seeding</source>
        <translation>
            <numerusform>%n Torrent: %1 herunterladend, %2 verteilend</numerusform>
            <numerusform>%n Torrents: %1 herunterladend, %2 verteilend</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Download complete</source>
        <translation>Download abgeschlossen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 has finished downloading.</source>
        <translation>%1 wurde vollständig heruntergeladen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Torrent failed</source>
        <translation>Torrent fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::peertext</name>
    <message>
        <location filename="../ui/peers/peertext.cpp" line="+94"/>
        <source>Tracker</source>
        <translation>Tracker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DHT</source>
        <translation>DHT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEX</source>
        <translation>PEX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Incoming</source>
        <comment>connection direction</comment>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outgoing</source>
        <comment>connection direction</comment>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>we are downloading from it (we are interested, it unchoked us)</source>
        <translation>wir laden von ihm herunter (wir sind interessiert, er hat uns freigegeben)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>we want its pieces but it is choking us</source>
        <translation>wir wollen seine Teile, aber er drosselt uns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>we are uploading to it (it is interested, we unchoked it)</source>
        <translation>wir laden zu ihm hoch (er ist interessiert, wir haben ihn freigegeben)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it wants our pieces but we are choking it</source>
        <translation>er will unsere Teile, aber wir drosseln ihn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it unchoked us but we are not interested</source>
        <translation>er hat uns freigegeben, aber wir sind nicht interessiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>we unchoked it but it is not interested</source>
        <translation>wir haben ihn freigegeben, aber er ist nicht interessiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it holds our optimistic unchoke slot</source>
        <translation>er belegt unseren optimistischen Freigabe-Slot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>snubbed: it unchoked us but sent nothing for a while</source>
        <translation>abgewiesen: er hat uns freigegeben, aber eine Weile nichts gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incoming connection: it connected to us</source>
        <translation>eingehende Verbindung: er hat sich mit uns verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found through DHT</source>
        <translation>über das DHT gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found through peer exchange (PEX)</source>
        <translation>über Peer-Austausch (PEX) gefunden</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+8"/>
        <source>%1: %2</source>
        <comment>flag letter: meaning</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>We choke it: we refuse to upload to it</source>
        <translation>Wir drosseln ihn: Wir verweigern ihm das Hochladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>We unchoked it: we may upload to it</source>
        <translation>Wir haben ihn freigegeben: Wir dürfen zu ihm hochladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We are interested: it has pieces we want</source>
        <translation>Wir sind interessiert: Er hat Teile, die wir wollen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We are not interested: it has nothing we want</source>
        <translation>Wir sind nicht interessiert: Er hat nichts, was wir wollen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It chokes us: it refuses to upload to us</source>
        <translation>Er drosselt uns: Er verweigert uns das Hochladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>It unchoked us: it may upload to us</source>
        <translation>Er hat uns freigegeben: Er darf zu uns hochladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is interested: it wants our pieces</source>
        <translation>Er ist interessiert: Er will unsere Teile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>It is not interested in our pieces</source>
        <translation>Er ist nicht an unseren Teilen interessiert</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::rateaxis</name>
    <message>
        <location filename="../ui/rates/rateaxis.cpp" line="+58"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>−%1 s</source>
        <translation>−%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>−%1 min</source>
        <translation>−%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>−%1 min %2 s</source>
        <translation>−%1 min %2 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>−%1 h</source>
        <translation>−%1 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>−%1 h %2 min</source>
        <translation>−%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::settingsvalidation</name>
    <message>
        <location filename="../ui/settings/settingsvalidation.cpp" line="+42"/>
        <source>“%1” is not host:port.</source>
        <translation>„%1“ ist nicht host:port.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” needs a port from 1 to 65535.</source>
        <translation>„%1“ braucht einen Port von 1 bis 65535.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1”: an IPv6 address needs a closing bracket.</source>
        <translation>„%1“: Eine IPv6-Adresse braucht eine schließende Klammer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an IPv6 address in brackets.</source>
        <translation>„%1“ ist keine IPv6-Adresse in Klammern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1”: write an IPv6 address in brackets, as [address]:port.</source>
        <translation>„%1“: Schreiben Sie eine IPv6-Adresse in Klammern, als [Adresse]:Port.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a valid host name or address.</source>
        <translation>„%1“ ist kein gültiger Hostname und keine gültige Adresse.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::units</name>
    <message>
        <location filename="../ui/format/units.cpp" line="+22"/>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PiB</source>
        <translation>PiB</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 %2</source>
        <comment>number, unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1/s</source>
        <comment>transfer rate</comment>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1s</source>
        <comment>seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1m %2s</source>
        <comment>minutes seconds</comment>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1h %2m</source>
        <comment>hours minutes</comment>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1d %2h</source>
        <comment>days hours</comment>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1%</source>
        <comment>percent</comment>
        <translation>%1 %</translation>
    </message>
</context>
</TS>
