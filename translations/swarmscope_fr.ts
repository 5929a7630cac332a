<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
        <translation>Illimité</translation>
    </message>
</context>
<context>
    <name>TorrentListModel</name>
    <message>
        <location filename="../ui/torrentlist/snapshotrows.cpp" line="+38"/>
        <source>Waiting for the volume holding %1 to be mounted again.</source>
        <translation>En attente du remontage du volume contenant %1.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="+54"/>
        <source>Turn the DHT off.</source>
        <translation>Désactiver la DHT.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bootstrap the DHT from this node instead of the well-known routers (repeatable).</source>
        <translation>Amorcer la DHT depuis ce nœud plutôt que depuis les routeurs connus (répétable).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The DHT&apos;s UDP port.</source>
        <translation>Le port UDP de la DHT.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TCP port to listen on (0: any free port).</source>
        <translation>Le port TCP d&apos;écoute (0&#xa0;: n&apos;importe quel port libre).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder of the torrent state database.</source>
        <translation>Le dossier de la base d&apos;état des torrents.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a demo swarm on 127.0.0.1 (a tracker, a seeder and leechers) and join it.</source>
        <translation>Démarrer un essaim de démonstration sur 127.0.0.1 (un tracker, un seeder et des leechers) et le rejoindre.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A BitTorrent client that shows the swarm at work.</source>
        <translation>Un client BitTorrent qui montre l&apos;essaim à l&apos;œuvre.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>.torrent files, URLs or magnet links to add.</source>
        <translation>Fichiers .torrent, URL ou liens magnet à ajouter.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>--dht-bootstrap wants HOST:PORT, not &apos;%1&apos;</source>
        <translation>--dht-bootstrap attend HÔTE:PORT, pas «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--%1 wants a port number, not &apos;%2&apos;</source>
        <translation>--%1 attend un numéro de port, pas «&#xa0;%2&#xa0;»</translation>
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
        <translation>Le moteur n&apos;a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The demo swarm stopped: %1</source>
        <translation>L&apos;essaim de démonstration s&apos;est arrêté&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The demo swarm could not start: %1</source>
        <translation>L&apos;essaim de démonstration n&apos;a pas pu démarrer&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>swarmscope::power::PowerPolicy</name>
    <message numerus="yes">
        <location filename="../core/power/powerpolicy.cpp" line="+31"/>
        <source>Downloading %n torrent(s)</source>
        <translation>
            <numerusform>Téléchargement de %n torrent</numerusform>
            <numerusform>Téléchargement de %n torrents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swarmscope::storage::StoragePolicy</name>
    <message>
        <location filename="../core/storage/storagepolicy.cpp" line="+129"/>
        <source>The volume %1, where this folder is, is not mounted.</source>
        <translation>Le volume %1, où se trouve ce dossier, n&apos;est pas monté.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The volume %1 holding %2 is not mounted.</source>
        <translation>Le volume %1 contenant %2 n&apos;est pas monté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The volume holding %1 is not mounted.</source>
        <translation>Le volume contenant %1 n&apos;est pas monté.</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::AddController</name>
    <message>
        <location filename="../ui/app/addcontroller.cpp" line="+59"/>
        <source>This torrent is already in the list.</source>
        <translation>Ce torrent est déjà dans la liste.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>the magnet link</source>
        <translation>le lien magnet</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::AddTorrentDialog</name>
    <message>
        <location filename="../ui/dialogs/adddialog.cpp" line="+71"/>
        <source>Add Torrent</source>
        <translation>Ajouter un torrent</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add Magnet Link</source>
        <translation>Ajouter un lien magnet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save in:</source>
        <translation>Enregistrer dans&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start paused</source>
        <translation>Démarrer en pause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download in sequential order</source>
        <translation>Télécharger dans l&apos;ordre séquentiel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pieces in file order instead of rarest first: lets you play a video while it downloads, but shares less with the swarm.</source>
        <translation>Les morceaux dans l&apos;ordre des fichiers plutôt que les plus rares d&apos;abord&#xa0;: permet de lire une vidéo pendant son téléchargement, mais partage moins avec l&apos;essaim.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>(name not known yet)</source>
        <translation>(nom encore inconnu)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Info-hash:</source>
        <translation>Info-hash&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Comment:</source>
        <translation>Commentaire&#xa0;:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Metadata:</source>
        <translation>Métadonnées&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The list of files appears when the metadata has arrived from peers.
You can add the torrent now: then every file is downloaded.</source>
        <translation>La liste des fichiers apparaît lorsque les métadonnées sont arrivées des pairs.
Vous pouvez ajouter le torrent maintenant&#xa0;: tous les fichiers seront alors téléchargés.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select All</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select None</source>
        <translation>Ne rien sélectionner</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Fetching metadata: %n peer(s), %1/%2 pieces</source>
        <translation>
            <numerusform>Récupération des métadonnées&#xa0;: %n pair, %1/%2 morceaux</numerusform>
            <numerusform>Récupération des métadonnées&#xa0;: %n pairs, %1/%2 morceaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Fetching metadata: %n peer(s), waiting for its size</source>
        <translation>
            <numerusform>Récupération des métadonnées&#xa0;: %n pair, en attente de leur taille</numerusform>
            <numerusform>Récupération des métadonnées&#xa0;: %n pairs, en attente de leur taille</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching metadata: looking for peers…</source>
        <translation>Récupération des métadonnées&#xa0;: recherche de pairs…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Received.</source>
        <translation>Reçues.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 of %2 (%3 of %4 files)</source>
        <translation>%1 sur %2 (%3 fichiers sur %4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (the size the link gives)</source>
        <translation>%1 (la taille indiquée par le lien)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not known until the metadata arrives</source>
        <translation>inconnue jusqu&apos;à l&apos;arrivée des métadonnées</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space needed: %1. Free at the folder: %2.</source>
        <translation>Espace nécessaire&#xa0;: %1. Libre dans le dossier&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not enough free space: %1 more is needed at this folder.</source>
        <translation>Espace libre insuffisant&#xa0;: il manque %1 dans ce dossier.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a folder to save in.</source>
        <translation>Choisissez un dossier d&apos;enregistrement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose at least one file.</source>
        <translation>Choisissez au moins un fichier.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save Folder</source>
        <translation>Dossier d&apos;enregistrement</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::DetailsPanel</name>
    <message>
        <location filename="../ui/details/detailspanel.cpp" line="+23"/>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trackers</source>
        <translation>&amp;Trackers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Peers</source>
        <translation>&amp;Pairs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Files</source>
        <translation>&amp;Fichiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Swarm</source>
        <translation>&amp;Essaim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rates</source>
        <translation>&amp;Débits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The torrent&apos;s essentials and its pieces</source>
        <translation>L&apos;essentiel du torrent et ses morceaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The trackers this torrent announces to</source>
        <translation>Les trackers auxquels ce torrent s&apos;annonce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every connected neighbour, its state and its pieces</source>
        <translation>Chaque voisin connecté, son état et ses morceaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The torrent&apos;s files, their progress and priority</source>
        <translation>Les fichiers du torrent, leur progression et leur priorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which neighbour has which piece, and who sends to whom</source>
        <translation>Quel voisin a quel morceau, et qui envoie à qui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download and upload over time, in total, for this torrent and its top neighbours</source>
        <translation>Réception et envoi dans le temps, au total, pour ce torrent et ses principaux voisins</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::FileTreeModel</name>
    <message>
        <location filename="../ui/dialogs/filetreemodel.cpp" line="+321"/>
        <source>Renamed: the torrent asked for a name that is not safe on disk.</source>
        <translation>Renommé&#xa0;: le torrent demandait un nom qui n&apos;est pas sûr sur le disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marked executable by the torrent.</source>
        <translation>Marqué exécutable par le torrent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marked hidden by the torrent.</source>
        <translation>Marqué caché par le torrent.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::FilesTab</name>
    <message>
        <location filename="../ui/details/filestab.cpp" line="+174"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the file once all of it has been downloaded and verified</source>
        <translation>Ouvrir le fichier une fois entièrement téléchargé et vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open containing &amp;folder</source>
        <translation>Ouvrir le &amp;dossier parent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Priority</source>
        <translation>&amp;Priorité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Skip (do not download)</source>
        <translation>&amp;Ignorer (ne pas télécharger)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normal</source>
        <translation>&amp;Normale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;High</source>
        <translation>&amp;Haute</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::GeneralTab</name>
    <message>
        <location filename="../ui/details/generaltab.cpp" line="+35"/>
        <source>%1 (%2 in swarm)</source>
        <translation>%1 (%2 dans l&apos;essaim)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Transfer</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress:</source>
        <translation>Progression&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloaded:</source>
        <translation>Téléchargé&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploaded:</source>
        <translation>Envoyé&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share ratio:</source>
        <translation>Ratio de partage&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download rate:</source>
        <translation>Vitesse de réception&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload rate:</source>
        <translation>Vitesse d&apos;envoi&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left:</source>
        <translation>Temps restant&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds:</source>
        <translation>Seeds&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers:</source>
        <translation>Pairs&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Availability:</source>
        <translation>Disponibilité&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distributed copies among connected peers: copies of the rarest piece, plus the share of pieces that have more. Below 1, no connected peer set can complete it.</source>
        <translation>Copies distribuées parmi les pairs connectés&#xa0;: les copies du morceau le plus rare, plus la part des morceaux qui en ont davantage. En dessous de 1, aucun ensemble de pairs connectés ne peut le compléter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Information</source>
        <translation>Informations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save path:</source>
        <translation>Chemin d&apos;enregistrement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Pieces:</source>
        <translation>Morceaux&#xa0;:</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Info hash:</source>
        <translation>Info-hash&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added on:</source>
        <translation>Ajouté le&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed on:</source>
        <translation>Terminé le&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error:</source>
        <translation>Erreur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage:</source>
        <translation>Stockage&#xa0;:</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The volume holding %1 is not mounted.</source>
        <translation>Le volume contenant %1 n&apos;est pas monté.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 The torrent resumes by itself when the volume is back.</source>
        <comment>why it waits</comment>
        <translation>%1 Le torrent reprendra de lui-même au retour du volume.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fetching metadata</source>
        <translation>Récupération des métadonnées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queued</source>
        <translation>En file d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeding</source>
        <translation>En partage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage unavailable</source>
        <translation>Stockage indisponible</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2 selected)</source>
        <translation>%1 (%2 sélectionnés)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 × %2 (have %3)</source>
        <translation>%1 × %2 (%3 présents)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (have %2)</source>
        <translation>%1 (%2 présents)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown: fetching metadata (%1 of %2 parts)</source>
        <translation>Inconnu&#xa0;: récupération des métadonnées (%1 parties sur %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown: fetching metadata</source>
        <translation>Inconnu&#xa0;: récupération des métadonnées</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
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
        <translation>le torrent</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is complete</source>
        <translation>%1 est terminé</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Open Torrent…</source>
        <translation>&amp;Ouvrir un torrent…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a torrent from a .torrent file</source>
        <translation>Ajouter un torrent depuis un fichier .torrent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add &amp;Magnet Link…</source>
        <translation>Ajouter un lien &amp;magnet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Magnet</source>
        <translation>Ajouter magnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a torrent from a magnet link</source>
        <translation>Ajouter un torrent depuis un lien magnet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add from &amp;Clipboard</source>
        <translation>Ajouter depuis le &amp;presse-papiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the magnet link, URL or .torrent path on the clipboard</source>
        <translation>Ajouter le lien magnet, l&apos;URL ou le chemin .torrent du presse-papiers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Status Bar</source>
        <translation>Barre d&apos;é&amp;tat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Details Panel</source>
        <translation>Panneau de &amp;détails</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About Swarmscope</source>
        <translation>À propos de &amp;Swarmscope</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Torrent</source>
        <translation>&amp;Torrent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Main Toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Toolbar</source>
        <translation>&amp;Barre d&apos;outils</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Search torrents by name</source>
        <translation>Rechercher des torrents par nom</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Drop .torrent files or magnet links here, or use File ▸ Open</source>
        <translation>Déposez ici des fichiers .torrent ou des liens magnet, ou utilisez Fichier ▸ Ouvrir</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>The clipboard holds no magnet link, URL or .torrent file</source>
        <translation>Le presse-papiers ne contient ni lien magnet, ni URL, ni fichier .torrent</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Torrent</source>
        <translation>Ouvrir un torrent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Torrent files (*.torrent);;All files (*)</source>
        <translation>Fichiers torrent (*.torrent);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add Magnet Link</source>
        <translation>Ajouter un lien magnet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Magnet link:</source>
        <translation>Lien magnet&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The new language takes effect when Swarmscope starts again.</source>
        <translation>La nouvelle langue prendra effet au prochain démarrage de Swarmscope.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot Add Torrent</source>
        <translation>Impossible d&apos;ajouter le torrent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not add %1.</source>
        <translation>Impossible d&apos;ajouter %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About Swarmscope</source>
        <translation>À propos de Swarmscope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Swarmscope %1&lt;/h3&gt;&lt;p&gt;A BitTorrent client that shows the swarm at work.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Swarmscope %1&lt;/h3&gt;&lt;p&gt;Un client BitTorrent qui montre l&apos;essaim à l&apos;œuvre.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::PeersModel</name>
    <message>
        <location filename="../ui/peers/peersmodel.cpp" line="+150"/>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No flags: choked both ways and nobody is interested</source>
        <translation>Aucun drapeau&#xa0;: étouffé dans les deux sens et personne n&apos;est intéressé</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>It holds our optimistic unchoke slot</source>
        <translation>Il occupe notre créneau de désétouffement optimiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It holds one of our regular unchoke slots</source>
        <translation>Il occupe l&apos;un de nos créneaux de désétouffement réguliers</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>It holds no upload slot of ours</source>
        <translation>Il n&apos;occupe aucun de nos créneaux d&apos;envoi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No piece information yet</source>
        <translation>Pas encore d&apos;information sur les morceaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It has %1 of %2 pieces</source>
        <translation>Il a %1 morceaux sur %2</translation>
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
        <translation>Drapeaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloaded</source>
        <translation>Téléchargé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploaded</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Am choking</source>
        <translation>J&apos;étouffe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Am interested</source>
        <translation>Je suis intéressé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer choking</source>
        <translation>Le pair étouffe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer interested</source>
        <translation>Le pair est intéressé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimistic</source>
        <translation>Optimiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snubbed</source>
        <translation>Snobé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pieces</source>
        <translation>Morceaux</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The neighbour&apos;s IP address and port</source>
        <translation>L&apos;adresse IP et le port du voisin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The BitTorrent program it runs, as its peer id tells</source>
        <translation>Le programme BitTorrent qu&apos;il utilise, selon son identifiant de pair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qBittorrent-style letters for the peer&apos;s state:</source>
        <translation>Lettres à la qBittorrent pour l&apos;état du pair&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How much of the torrent it has</source>
        <translation>Quelle part du torrent il possède</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How fast we receive data from it</source>
        <translation>À quelle vitesse nous recevons ses données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How fast we send data to it</source>
        <translation>À quelle vitesse nous lui envoyons des données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data received from it since it connected</source>
        <translation>Données reçues de lui depuis sa connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data sent to it since it connected</source>
        <translation>Données envoyées à lui depuis sa connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Am choking: we refuse to upload to this peer</source>
        <translation>J&apos;étouffe&#xa0;: nous refusons d&apos;envoyer à ce pair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Am interested: this peer has pieces we want</source>
        <translation>Je suis intéressé&#xa0;: ce pair a des morceaux que nous voulons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer choking: this peer refuses to upload to us</source>
        <translation>Le pair étouffe&#xa0;: ce pair refuse de nous envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer interested: this peer wants pieces we have</source>
        <translation>Le pair est intéressé&#xa0;: ce pair veut des morceaux que nous avons</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimistic unchoke: we upload to this peer on trial, whatever its rate, to discover better partners</source>
        <translation>Désétouffement optimiste&#xa0;: nous envoyons à ce pair à l&apos;essai, quel que soit son débit, pour découvrir de meilleurs partenaires</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snubbed: it unchoked us but has sent nothing for a while</source>
        <translation>Snobé&#xa0;: il nous a désétouffés mais n&apos;a rien envoyé depuis un moment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming: it connected to us. Outgoing: we connected to it</source>
        <translation>Entrant&#xa0;: il s&apos;est connecté à nous. Sortant&#xa0;: nous nous sommes connectés à lui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where we learnt its address: tracker, DHT, peer exchange, incoming, or by hand</source>
        <translation>Où nous avons appris son adresse&#xa0;: tracker, DHT, échange de pairs, entrant ou à la main</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pieces it has, first to last; a darker stretch means more of its pieces are there</source>
        <translation>Les morceaux qu&apos;il possède, du premier au dernier&#xa0;; une zone plus sombre signifie qu&apos;il en a davantage à cet endroit</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::PeersView</name>
    <message>
        <location filename="../ui/peers/peersview.cpp" line="+60"/>
        <source>Flag legend</source>
        <translation>Légende des drapeaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide what each flag letter means</source>
        <translation>Afficher ou masquer la signification de chaque lettre</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::PiecesBar</name>
    <message>
        <location filename="../ui/swarm/piecesbar.cpp" line="+53"/>
        <source>Piece %1</source>
        <translation>Morceau %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pieces %1–%2 (%3)</source>
        <translation>Morceaux %1–%2 (%3)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No piece information yet (the torrent&apos;s metadata is still being fetched).</source>
        <translation>Pas encore d&apos;information sur les morceaux (les métadonnées du torrent sont encore en cours de récupération).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 pieces</source>
        <translation>%1 morceaux sur %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 present</source>
        <translation>%1&#xa0;: %2 présents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Darker: more of the pieces in that column are present.</source>
        <translation>Plus sombre&#xa0;: davantage de morceaux de cette colonne sont présents.</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::PriorityDelegate</name>
    <message>
        <location filename="../ui/details/prioritydelegate.cpp" line="+19"/>
        <source>Skip leaves the file out; High fetches its pieces before the others</source>
        <translation>Ignorer exclut le fichier&#xa0;; Haute récupère ses morceaux avant les autres</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::RateGraph</name>
    <message>
        <location filename="../ui/rates/rategraph.cpp" line="+61"/>
        <location line="+92"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::RateLimitsDialog</name>
    <message>
        <location filename="../ui/app/ratelimitsdialog.cpp" line="+9"/>
        <source>Speed Limits</source>
        <translation>Limites de vitesse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Download limit:</source>
        <translation>Limite de &amp;réception&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Upload limit:</source>
        <translation>Limite d&apos;&amp;envoi&#xa0;:</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::RatesView</name>
    <message>
        <location filename="../ui/rates/ratesview.cpp" line="+37"/>
        <source>Last minute</source>
        <translation>Dernière minute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 5 minutes</source>
        <translation>5 dernières minutes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 minutes</source>
        <translation>30 dernières minutes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How far back the graphs go</source>
        <translation>Jusqu&apos;où remontent les graphiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What they send us</source>
        <translation>Ce qu&apos;ils nous envoient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we send them</source>
        <translation>Ce que nous leur envoyons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rank and draw the neighbours by their download or their upload</source>
        <translation>Classer et tracer les voisins selon leur réception ou leur envoi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer rates</source>
        <translation>Débits de transfert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top neighbours of the selected torrent</source>
        <translation>Principaux voisins du torrent sélectionné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Neighbours:</source>
        <translation>Voisins&#xa0;:</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Session download</source>
        <translation>Session&#xa0;: réception</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session upload</source>
        <translation>Session&#xa0;: envoi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Torrent download</source>
        <translation>Torrent&#xa0;: réception</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Torrent upload</source>
        <translation>Torrent&#xa0;: envoi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No neighbour has moved data in this span.</source>
        <translation>Aucun voisin n&apos;a transféré de données sur cette période.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a torrent to see what its neighbours contribute.</source>
        <translation>Sélectionnez un torrent pour voir ce que ses voisins apportent.</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="+75"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DHT</source>
        <translation>DHT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choker</source>
        <translation>Étouffement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trackers</source>
        <translation>Trackers</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Downloads</source>
        <translation>Téléchargements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+95"/>
        <source>Any free port</source>
        <translation>N&apos;importe quel port libre</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An IP address of this computer, or “any” for every interface.</source>
        <translation>Une adresse IP de cet ordinateur, ou «&#xa0;any&#xa0;» pour toutes les interfaces.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listen port (TCP):</source>
        <translation>Port d&apos;écoute (TCP)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen address:</source>
        <translation>Adresse d&apos;écoute&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections in total:</source>
        <translation>Connexions au total&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections per torrent:</source>
        <translation>Connexions par torrent&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers connect to the listen port; a port forwarded in your router lets peers behind other routers reach you.</source>
        <translation>Les pairs se connectent au port d&apos;écoute&#xa0;; un port redirigé dans votre routeur permet aux pairs derrière d&apos;autres routeurs de vous joindre.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+126"/>
        <source>Unlimited</source>
        <translation>Illimité</translation>
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
        <translation>Limite de réception&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload limit:</source>
        <translation>Limite d&apos;envoi&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For all torrents together; 0 means unlimited.</source>
        <translation>Pour tous les torrents ensemble&#xa0;; 0 signifie illimité.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Find peers through the DHT</source>
        <translation>Trouver des pairs via la DHT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Same as the listen port</source>
        <translation>Identique au port d&apos;écoute</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Empty: the well-known routers.
One node per line, as host:port</source>
        <translation>Vide&#xa0;: les routeurs connus.
Un nœud par ligne, sous la forme hôte:port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT port (UDP):</source>
        <translation>Port DHT (UDP)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bootstrap nodes:</source>
        <translation>Nœuds d&apos;amorçage&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DHT finds peers without a tracker. Private torrents never use it.</source>
        <translation>La DHT trouve des pairs sans tracker. Les torrents privés ne l&apos;utilisent jamais.</translation>
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
        <translation>Créneaux de désétouffement réguliers&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-rank peers every:</source>
        <translation>Reclasser les pairs toutes les&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate the optimistic unchoke every:</source>
        <translation>Faire tourner le désétouffement optimiste toutes les&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each torrent uploads to the peers that send it data fastest (the regular slots, re-ranked at every interval) and to one random peer (the optimistic slot), so new peers get a chance to show what they can send. BitTorrent&apos;s design uses 4 slots, 10 s and 30 s.</source>
        <translation>Chaque torrent envoie aux pairs qui lui envoient des données le plus vite (les créneaux réguliers, reclassés à chaque intervalle) et à un pair pris au hasard (le créneau optimiste), pour que les nouveaux pairs puissent montrer ce qu&apos;ils savent envoyer. La conception de BitTorrent utilise 4 créneaux, 10 s et 30 s.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Announce to the torrents&apos; trackers</source>
        <translation>S&apos;annoncer aux trackers des torrents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run a tracker for my own torrents</source>
        <translation>Faire tourner un tracker pour mes propres torrents</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tracker port (TCP):</source>
        <translation>Port du tracker (TCP)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The built-in tracker lets peers find torrents you create and share without a public tracker.</source>
        <translation>Le tracker intégré permet aux pairs de trouver les torrents que vous créez et partagez, sans tracker public.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Default save folder:</source>
        <translation>Dossier d&apos;enregistrement par défaut&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New torrents are saved here unless you choose another folder when adding them.</source>
        <translation>Les nouveaux torrents sont enregistrés ici, sauf si vous choisissez un autre dossier en les ajoutant.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Power</source>
        <translation>Alimentation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the computer awake while torrents download</source>
        <translation>Empêcher la mise en veille pendant le téléchargement de torrents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause torrents while the computer runs on battery</source>
        <translation>Mettre les torrents en pause quand l&apos;ordinateur est sur batterie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Torrents paused for the battery resume on mains power; those you paused yourself stay paused. Both need the desktop&apos;s power services, and do nothing without them.</source>
        <translation>Les torrents mis en pause à cause de la batterie reprennent sur secteur&#xa0;; ceux que vous avez mis en pause vous-même y restent. Les deux options ont besoin des services d&apos;alimentation du bureau et sont sans effet sans eux.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Queue torrents: only the first ones in the list run at once</source>
        <translation>Mettre les torrents en file d&apos;attente&#xa0;: seuls les premiers de la liste tournent en même temps</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Active downloads at most:</source>
        <translation>Téléchargements actifs au plus&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active seeds at most:</source>
        <translation>Partages actifs au plus&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active torrents at most:</source>
        <translation>Torrents actifs au plus&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The others wait as Queued and start, top of the list first, as slots free up. Move Up and Move Down in the Torrent menu change the order. A magnet link fetching its metadata counts as a download.</source>
        <translation>Les autres attendent «&#xa0;En file d&apos;attente&#xa0;» et démarrent, ceux du haut de la liste d&apos;abord, à mesure que des places se libèrent. Monter et Descendre dans le menu Torrent changent l&apos;ordre. Un lien magnet qui récupère ses métadonnées compte comme un téléchargement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not count slow torrents against these limits</source>
        <translation>Ne pas compter les torrents lents dans ces limites</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Slow below, downloading:</source>
        <translation>Lent en dessous de, en téléchargement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slow below, uploading:</source>
        <translation>Lent en dessous de, en envoi&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For at least:</source>
        <translation>Pendant au moins&#xa0;:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language takes effect when Swarmscope starts again.</source>
        <translation>Une nouvelle langue prend effet au prochain démarrage de Swarmscope.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing the window keeps Swarmscope running in the system tray</source>
        <translation>Fermer la fenêtre laisse Swarmscope fonctionner dans la zone de notification</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Listen address: “%1” is not an IP address of this computer.</source>
        <translation>Adresse d&apos;écoute&#xa0;: «&#xa0;%1&#xa0;» n&apos;est pas une adresse IP de cet ordinateur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connections per torrent (%L1) cannot exceed connections in total (%L2).</source>
        <translation>Les connexions par torrent (%L1) ne peuvent pas dépasser les connexions au total (%L2).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>DHT bootstrap nodes: %1</source>
        <translation>Nœuds d&apos;amorçage DHT&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The optimistic unchoke cannot rotate more often than the peers are re-ranked (%1 s).</source>
        <translation>Le désétouffement optimiste ne peut pas tourner plus souvent que le reclassement des pairs (%1 s).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The tracker cannot use port %1: peers connect to it.</source>
        <translation>Le tracker ne peut pas utiliser le port %1&#xa0;: les pairs s&apos;y connectent.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a default save folder.</source>
        <translation>Choisissez un dossier d&apos;enregistrement par défaut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The default save folder must be a full path, not “%1”.</source>
        <translation>Le dossier d&apos;enregistrement par défaut doit être un chemin complet, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Default Save Folder</source>
        <translation>Dossier d&apos;enregistrement par défaut</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::SingleInstance</name>
    <message>
        <location filename="../ui/app/singleinstance.cpp" line="+92"/>
        <source>Cannot create the state folder %1</source>
        <translation>Impossible de créer le dossier d&apos;état %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot take the lock %1</source>
        <translation>Impossible de prendre le verrou %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot listen on %1: %2</source>
        <translation>Impossible d&apos;écouter sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Too many arguments to hand to the running instance</source>
        <translation>Trop d&apos;arguments à transmettre à l&apos;instance en cours</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The running instance does not answer: %1</source>
        <translation>L&apos;instance en cours ne répond pas&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The running instance did not take the arguments</source>
        <translation>L&apos;instance en cours n&apos;a pas accepté les arguments</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::StatusBarPanel</name>
    <message>
        <location filename="../ui/app/statusbarpanel.cpp" line="+41"/>
        <source>Download rate of all torrents [limit]. Click to set the limits.</source>
        <translation>Vitesse de réception de tous les torrents [limite]. Cliquez pour fixer les limites.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload rate of all torrents [limit]. Click to set the limits.</source>
        <translation>Vitesse d&apos;envoi de tous les torrents [limite]. Cliquez pour fixer les limites.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes in the DHT routing table (BEP 5)</source>
        <translation>Nœuds dans la table de routage DHT (BEP 5)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>DHT: off</source>
        <translation>DHT&#xa0;: désactivée</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>DHT: %n node(s)</source>
        <translation>
            <numerusform>DHT&#xa0;: %n nœud</numerusform>
            <numerusform>DHT&#xa0;: %n nœuds</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not listening</source>
        <translation>Pas d&apos;écoute</translation>
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
        <translation>Des pairs se sont connectés à nous&#xa0;: le port est joignable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No peer has connected to us yet: the port may be closed by a firewall or a router.</source>
        <translation>Aucun pair ne s&apos;est encore connecté à nous&#xa0;: le port est peut-être fermé par un pare-feu ou un routeur.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Free: %1</source>
        <translation>Libre&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free: unknown</source>
        <translation>Libre&#xa0;: inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free space at %1</source>
        <translation>Espace libre dans %1</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::StatusFilterList</name>
    <message>
        <location filename="../ui/torrentlist/statusfilterlist.cpp" line="+38"/>
        <source>Status filter</source>
        <translation>Filtre d&apos;état</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Torrents stopped by an error, or waiting for the volume holding their files</source>
        <translation>Torrents arrêtés par une erreur, ou en attente du volume contenant leurs fichiers</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeding</source>
        <translation>En partage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Erreur</translation>
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
        <translation>Aucun torrent sélectionné</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Us</source>
        <translation>Nous</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>to us</source>
        <translation>vers nous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from us</source>
        <translation>depuis nous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dashed: choked</source>
        <translation>pointillés&#xa0;: étouffé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>upload slot</source>
        <translation>créneau d&apos;envoi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optimistic</source>
        <translation>optimiste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>snubbed</source>
        <translation>snobé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown client</source>
        <translation>client inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed: has every piece</source>
        <translation>Seed&#xa0;: possède tous les morceaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has %1 of the torrent</source>
        <translation>Possède %1 du torrent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving %1 from it, sending %2 to it</source>
        <translation>Reçoit %1 de lui, lui envoie %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received %1, sent %2 since connecting</source>
        <translation>%1 reçus, %2 envoyés depuis la connexion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holds our optimistic unchoke slot</source>
        <translation>Occupe notre créneau de désétouffement optimiste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holds one of our regular unchoke slots</source>
        <translation>Occupe l&apos;un de nos créneaux de désétouffement réguliers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snubbed: it unchoked us but has sent nothing for a while</source>
        <translation>Snobé&#xa0;: il nous a désétouffés mais n&apos;a rien envoyé depuis un moment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 connection, found via %2</source>
        <translation>Sens&#xa0;: %1, trouvé via %2</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Us: %n neighbour(s) connected</source>
        <translation>
            <numerusform>Nous&#xa0;: %n voisin connecté</numerusform>
            <numerusform>Nous&#xa0;: %n voisins connectés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We have %1 of %2 pieces</source>
        <translation>Nous avons %1 morceaux sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receiving %1, sending %2</source>
        <translation>Réception %1, envoi %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 neighbours unchoke us; we unchoke %2</source>
        <translation>%1 voisins nous désétouffent&#xa0;; nous en désétouffons %2</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::SwarmMatrix</name>
    <message>
        <location filename="../ui/swarm/swarmmatrix.cpp" line="+287"/>
        <location line="+38"/>
        <source>We have</source>
        <translation>Nous avons</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Rarity</source>
        <translation>Rareté</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No piece information yet</source>
        <translation>Pas encore d&apos;information sur les morceaux</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No torrent selected</source>
        <translation>Aucun torrent sélectionné</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No connected neighbours</source>
        <translation>Aucun voisin connecté</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>It has, we lack</source>
        <translation>Il l&apos;a, il nous manque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both have</source>
        <translation>Les deux l&apos;ont</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We request it (from this peer)</source>
        <translation>Nous le demandons (à ce pair)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It requests it from us</source>
        <translation>Il nous le demande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rare among neighbours</source>
        <translation>Rare parmi les voisins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No neighbour has it</source>
        <translation>Aucun voisin ne l&apos;a</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown client</source>
        <translation>client inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It has %1 of them; we have %2 of those too</source>
        <translation>Il en a %1&#xa0;; nous en avons aussi %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>We request %1 of them from it; it downloads %2 of them from us</source>
        <translation>Nous lui en demandons %1&#xa0;; il nous en télécharge %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Our pieces
%1
We have %2 of them; %3 downloading</source>
        <translation>Nos morceaux
%1
Nous en avons %2&#xa0;; %3 en téléchargement</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copies among neighbours: unknown</source>
        <translation>Copies parmi les voisins&#xa0;: inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copies among neighbours: %1 to %2 (mean %3)</source>
        <translation>Copies parmi les voisins&#xa0;: %1 à %2 (moyenne %3)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rarity
%1
%2</source>
        <translation>Rareté
%1
%2</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TorrentActions</name>
    <message>
        <location filename="../ui/app/torrentactions.cpp" line="+26"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause</source>
        <translation>Mettre en &amp;pause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Force Re&amp;check</source>
        <translation>Forcer la &amp;vérification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Containing &amp;Folder</source>
        <translation>Ouvrir le &amp;dossier parent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy Ma&amp;gnet Link</source>
        <translation>Copier le lien ma&amp;gnet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move &amp;Up in Queue</source>
        <translation>Monter dans la &amp;file d&apos;attente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move &amp;Down in Queue</source>
        <translation>Desce&amp;ndre dans la file d&apos;attente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause &amp;All</source>
        <translation>&amp;Tout mettre en pause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume A&amp;ll</source>
        <translation>Tout repr&amp;endre</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>Storage Unavailable</source>
        <translation>Stockage indisponible</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” was not resumed.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas été repris.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mount the volume, then resume it again.</source>
        <translation>Montez le volume, puis reprenez le torrent.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n torrents were not resumed: their storage is missing.</source>
        <translation>
            <numerusform>%n torrent n&apos;a pas été repris&#xa0;: son stockage est absent.</numerusform>
            <numerusform>%n torrents n&apos;ont pas été repris&#xa0;: leur stockage est absent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <comment>torrent name: why it was not resumed</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Remove Torrents</source>
        <translation>Supprimer des torrents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected torrent from the list?</source>
        <translation>Supprimer le torrent sélectionné de la liste&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Remove the %n selected torrents from the list?</source>
        <translation>
            <numerusform>Supprimer le %n torrent sélectionné de la liste&#xa0;?</numerusform>
            <numerusform>Supprimer les %n torrents sélectionnés de la liste&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also delete the downloaded files</source>
        <translation>Supprimer aussi les fichiers téléchargés</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TorrentFilesModel</name>
    <message>
        <location filename="../ui/details/filesmodel.cpp" line="+61"/>
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed</source>
        <translation>Mixte</translation>
    </message>
    <message>
        <location line="+301"/>
        <source>%1 of %2 verified</source>
        <translation>%1 sur %2 vérifiés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untick to skip, tick to download.</source>
        <translation>Décochez pour ignorer, cochez pour télécharger.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click or right-click to change: Skip leaves the file out, High fetches its pieces first.</source>
        <translation>Double-cliquez ou cliquez droit pour changer&#xa0;: Ignorer exclut le fichier, Haute récupère ses morceaux en premier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete: double-click to open.</source>
        <translation>Terminé&#xa0;: double-cliquez pour ouvrir.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remaining</source>
        <translation>Restant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TorrentListModel</name>
    <message>
        <location filename="../ui/torrentlist/torrentlistmodel.cpp" line="+156"/>
        <source>Fetching metadata</source>
        <translation>Récupération des métadonnées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued</source>
        <translation>En file d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeding</source>
        <translation>En partage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage unavailable</source>
        <translation>Stockage indisponible</translation>
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
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Ajouté</translation>
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
        <translation>Vitesse de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload rate</source>
        <translation>Vitesse d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds connected (seeds in the swarm, as the tracker reports)</source>
        <translation>Seeds connectés (seeds dans l&apos;essaim, selon le tracker)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers connected (peers in the swarm, as the tracker reports)</source>
        <translation>Pairs connectés (pairs dans l&apos;essaim, selon le tracker)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated time until the download completes</source>
        <translation>Temps estimé avant la fin du téléchargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share ratio: bytes uploaded per byte downloaded</source>
        <translation>Ratio de partage&#xa0;: octets envoyés par octet téléchargé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place in the queue: with queueing on, the first ones run and the others wait (Torrent ▸ Move Up / Move Down)</source>
        <translation>Place dans la file d&apos;attente&#xa0;: quand elle est activée, les premiers tournent et les autres attendent (Torrent ▸ Monter / Descendre)</translation>
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
        <translation>Pas encore d&apos;information sur les morceaux</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No piece information yet (the torrent&apos;s metadata is still being fetched).</source>
        <translation>Pas encore d&apos;information sur les morceaux (les métadonnées du torrent sont encore en cours de récupération).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>We have %1 of %2 pieces, %3 downloading</source>
        <translation>Nous avons %1 morceaux sur %2, %3 en téléchargement</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: we have %2, downloading %3</source>
        <translation>%1&#xa0;: nous en avons %2, %3 en téléchargement</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copies among connected peers: %1 to %2 (mean %3)</source>
        <translation>Copies parmi les pairs connectés&#xa0;: %1 à %2 (moyenne %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Top: our pieces (blue) and those being downloaded (light blue).</source>
        <translation>En haut&#xa0;: nos morceaux (bleu) et ceux en cours de téléchargement (bleu clair).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bottom: rarity among connected peers; the rarest are the strongest purple, red means no connected peer has it.</source>
        <translation>En bas&#xa0;: rareté parmi les pairs connectés&#xa0;; les plus rares sont du violet le plus intense, le rouge signifie qu&apos;aucun pair connecté ne l&apos;a.</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TrackersModel</name>
    <message>
        <location filename="../ui/details/trackersmodel.cpp" line="+22"/>
        <source>Working</source>
        <translation>Fonctionne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updating</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not contacted yet</source>
        <translation>Pas encore contacté</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In %1</source>
        <translation>Dans %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>N/A</source>
        <translation>N/D</translation>
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
        <translation>Tel que le tracker l&apos;a indiqué en dernier&#xa0;; N/D s&apos;il ne l&apos;a pas dit.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloaded</source>
        <translation>Téléchargé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last announce</source>
        <translation>Dernière annonce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next announce</source>
        <translation>Prochaine annonce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trackers of a lower tier are tried first (BEP 12)</source>
        <translation>Les trackers de niveau inférieur sont essayés en premier (BEP 12)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete copies in the swarm, as the tracker reports</source>
        <translation>Copies complètes dans l&apos;essaim, selon le tracker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers still downloading, as the tracker reports</source>
        <translation>Pairs encore en téléchargement, selon le tracker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many times the tracker saw the torrent completed</source>
        <translation>Combien de fois le tracker a vu le torrent terminé</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TrackersTab</name>
    <message>
        <location filename="../ui/details/trackerstab.cpp" line="+27"/>
        <location line="+132"/>
        <source>&amp;Add tracker…</source>
        <translation>&amp;Ajouter un tracker…</translation>
    </message>
    <message>
        <location line="-131"/>
        <location line="+133"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>In %1</source>
        <translation>Dans %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add announce URLs to this torrent</source>
        <translation>Ajouter des URL d&apos;annonce à ce torrent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected trackers from this torrent</source>
        <translation>Supprimer les trackers sélectionnés de ce torrent</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Add trackers</source>
        <translation>Ajouter des trackers</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Announce URLs, one per line (http, https or udp):</source>
        <translation>URL d&apos;annonce, une par ligne (http, https ou udp)&#xa0;:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copier l&apos;URL</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::TrayIcon</name>
    <message>
        <location filename="../ui/app/trayicon.cpp" line="+61"/>
        <source>&amp;Show Swarmscope</source>
        <translation>&amp;Afficher Swarmscope</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Pause All</source>
        <translation>Tout mettre en &amp;pause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resume All</source>
        <translation>Tout &amp;reprendre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close to Tray</source>
        <translation>&amp;Fermer dans la zone de notification</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
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
        <translation>Réception&#xa0;: %1, envoi&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n torrent(s): %1 downloading, %2 seeding</source>
        <translation>
            <numerusform>%n torrent&#xa0;: %1 en téléchargement, %2 en partage</numerusform>
            <numerusform>%n torrents&#xa0;: %1 en téléchargement, %2 en partage</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Download complete</source>
        <translation>Téléchargement terminé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 has finished downloading.</source>
        <translation>Le téléchargement de %1 est terminé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Torrent failed</source>
        <translation>Échec du torrent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
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
        <translation>Entrant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Incoming</source>
        <comment>connection direction</comment>
        <translation>Entrant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outgoing</source>
        <comment>connection direction</comment>
        <translation>Sortant</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>we are downloading from it (we are interested, it unchoked us)</source>
        <translation>nous téléchargeons depuis lui (nous sommes intéressés, il nous a désétouffés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>we want its pieces but it is choking us</source>
        <translation>nous voulons ses morceaux mais il nous étouffe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>we are uploading to it (it is interested, we unchoked it)</source>
        <translation>nous lui envoyons (il est intéressé, nous l&apos;avons désétouffé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it wants our pieces but we are choking it</source>
        <translation>il veut nos morceaux mais nous l&apos;étouffons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it unchoked us but we are not interested</source>
        <translation>il nous a désétouffés mais nous ne sommes pas intéressés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>we unchoked it but it is not interested</source>
        <translation>nous l&apos;avons désétouffé mais il n&apos;est pas intéressé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it holds our optimistic unchoke slot</source>
        <translation>il occupe notre créneau de désétouffement optimiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>snubbed: it unchoked us but sent nothing for a while</source>
        <translation>snobé&#xa0;: il nous a désétouffés mais n&apos;a rien envoyé depuis un moment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incoming connection: it connected to us</source>
        <translation>connexion entrante&#xa0;: il s&apos;est connecté à nous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found through DHT</source>
        <translation>trouvé via la DHT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found through peer exchange (PEX)</source>
        <translation>trouvé via l&apos;échange de pairs (PEX)</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+8"/>
        <source>%1: %2</source>
        <comment>flag letter: meaning</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>We choke it: we refuse to upload to it</source>
        <translation>Nous l&apos;étouffons&#xa0;: nous refusons de lui envoyer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>We unchoked it: we may upload to it</source>
        <translation>Nous l&apos;avons désétouffé&#xa0;: nous pouvons lui envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We are interested: it has pieces we want</source>
        <translation>Nous sommes intéressés&#xa0;: il a des morceaux que nous voulons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We are not interested: it has nothing we want</source>
        <translation>Nous ne sommes pas intéressés&#xa0;: il n&apos;a rien que nous voulons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It chokes us: it refuses to upload to us</source>
        <translation>Il nous étouffe&#xa0;: il refuse de nous envoyer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>It unchoked us: it may upload to us</source>
        <translation>Il nous a désétouffés&#xa0;: il peut nous envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is interested: it wants our pieces</source>
        <translation>Il est intéressé&#xa0;: il veut nos morceaux</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>It is not interested in our pieces</source>
        <translation>Il n&apos;est pas intéressé par nos morceaux</translation>
    </message>
</context>
<context>
    <name>swarmscope::ui::rateaxis</name>
    <message>
        <location filename="../ui/rates/rateaxis.cpp" line="+58"/>
        <source>now</source>
        <translation>maintenant</translation>
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
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas de la forme hôte:port.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” needs a port from 1 to 65535.</source>
        <translation>«&#xa0;%1&#xa0;» doit avoir un port de 1 à 65535.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1”: an IPv6 address needs a closing bracket.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: une adresse IPv6 doit avoir un crochet fermant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an IPv6 address in brackets.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IPv6 entre crochets.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1”: write an IPv6 address in brackets, as [address]:port.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: écrivez une adresse IPv6 entre crochets, sous la forme [adresse]:port.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a valid host name or address.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est ni un nom d&apos;hôte ni une adresse valide.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
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
        <translation>%1&#xa0;%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 octets)</translation>
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
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1%</source>
        <comment>percent</comment>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
</TS>
