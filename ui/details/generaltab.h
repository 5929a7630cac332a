// The General tab: the selected torrent's essentials and its piece bar (our pieces, pieces in
// flight, and the connected swarm's availability beneath).
#pragma once

#include "session/snapshot.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;

namespace swarmscope::ui {

class TorrentPiecesBar;

class GeneralTab : public QWidget {
    Q_OBJECT

public:
    // The values shown, one label each; tests read them through valueText().
    enum Field {
        State, Progress, Downloaded, Uploaded, Ratio, DownloadRate, UploadRate, Eta, Seeds, Peers,
        Availability, Name, SavePath, Size, Pieces, InfoHash, AddedOn, CompletedOn, Error,
        Storage, // which volume a torrent waits for (storage unavailable only)
    };

    explicit GeneralTab(QWidget *parent = nullptr);

    // Shows `torrent` (its detail, when present, fills the piece bar and the availability).
    void setTorrent(const session::TorrentSnapshot &torrent);
    // Why a torrent waits for its storage, naming the volume (StoragePolicy::missingStorage);
    // without it, or when it knows nothing, the line names the save folder's volume instead.
    using StorageCheck = std::function<QString(const metainfo::InfoHash &)>;
    void setStorageCheck(StorageCheck check) { m_storageCheck = std::move(check); }
    // Nothing selected: every value empties out.
    void clear();

    QString valueText(Field field) const;
    bool isFieldVisible(Field field) const;
    TorrentPiecesBar *piecesBar() const { return m_bar; }

    // Distributed copies among the connected neighbours, as other clients call "availability":
    // the copies of the rarest piece plus the fraction of pieces with more than that. Negative
    // when there are no pieces to count (a magnet without metadata).
    static double distributedCopies(const QList<quint16> &availability);
    static QString stateText(const session::TorrentSnapshot &torrent);

private:
    QLabel *addField(Field field, const QString &name, QFormLayout *form);
    void setValue(Field field, const QString &text);
    void showOptional(Field field, const QString &text); // hidden while empty
    QString storageText(const session::TorrentSnapshot &torrent) const;

    TorrentPiecesBar *m_bar;
    QLabel *m_barCaption;
    QHash<int, QLabel *> m_values;
    QHash<int, QLabel *> m_names;
    StorageCheck m_storageCheck;
};

} // namespace swarmscope::ui
