#include "details/generaltab.h"

#include "format/units.h"
#include "swarm/piecesbar.h"

#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace swarmscope::ui {

namespace {

QString dateText(const QDateTime &when)
{
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : QString();
}

// "3 (12 in swarm)" or "3" when the trackers have not said.
QString countWithSwarm(int connected, int inSwarm)
{
    const QLocale locale;
    if (inSwarm < 0)
        return locale.toString(connected);
    return GeneralTab::tr("%1 (%2 in swarm)").arg(locale.toString(connected), locale.toString(inSwarm));
}

} // namespace

GeneralTab::GeneralTab(QWidget *parent)
    : QWidget(parent)
    , m_bar(new TorrentPiecesBar(this))
    , m_barCaption(new QLabel(this))
{
    auto *transferBox = new QGroupBox(tr("Transfer"), this);
    auto *transfer = new QFormLayout(transferBox);
    addField(State, tr("State:"), transfer);
    addField(Progress, tr("Progress:"), transfer);
    addField(Downloaded, tr("Downloaded:"), transfer);
    addField(Uploaded, tr("Uploaded:"), transfer);
    addField(Ratio, tr("Share ratio:"), transfer);
    addField(DownloadRate, tr("Download rate:"), transfer);
    addField(UploadRate, tr("Upload rate:"), transfer);
    addField(Eta, tr("Time left:"), transfer);
    addField(Seeds, tr("Seeds:"), transfer);
    addField(Peers, tr("Peers:"), transfer);
    addField(Availability, tr("Availability:"), transfer)
        ->setToolTip(tr("Distributed copies among connected peers: copies of the rarest piece, plus the "
                        "share of pieces that have more. Below 1, no connected peer set can complete it."));

    auto *infoBox = new QGroupBox(tr("Information"), this);
    auto *info = new QFormLayout(infoBox);
    addField(Name, tr("Name:"), info);
    addField(SavePath, tr("Save path:"), info);
    addField(Size, tr("Size:"), info);
    addField(Pieces, tr("Pieces:"), info);
    addField(InfoHash, tr("Info hash:"), info)->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    addField(AddedOn, tr("Added on:"), info);
    addField(CompletedOn, tr("Completed on:"), info);
    addField(Error, tr("Error:"), info);
    addField(Storage, tr("Storage:"), info);
    for (QFormLayout *form : {transfer, info})
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // Taller than in a table cell: this is the one place to read the torrent's pieces closely.
    m_bar->setFixedHeight(2 * fontMetrics().height());
    m_barCaption->setText(tr("Pieces:"));
    m_barCaption->setBuddy(m_bar);
    auto *barRow = new QHBoxLayout;
    barRow->addWidget(m_barCaption);
    barRow->addWidget(m_bar, 1);

    auto *boxes = new QHBoxLayout;
    boxes->addWidget(transferBox, 2);
    boxes->addWidget(infoBox, 3);

    auto *content = new QWidget;
    auto *inner = new QVBoxLayout(content);
    inner->addLayout(barRow);
    inner->addLayout(boxes);
    inner->addStretch(1);
    // Scrolls rather than squeezes when the details pane is made short.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    clear();
}

QLabel *GeneralTab::addField(Field field, const QString &name, QFormLayout *form)
{
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(field == SavePath || field == Name || field == Error || field == Storage);
    auto *label = new QLabel(name, this);
    label->setBuddy(value);
    form->addRow(label, value);
    m_values.insert(field, value);
    m_names.insert(field, label);
    return value;
}

void GeneralTab::setValue(Field field, const QString &text)
{
    QLabel *label = m_values.value(field);
    if (label->text() != text) // 4 updates a second: spare the relayout when nothing changed
        label->setText(text);
}

void GeneralTab::showOptional(Field field, const QString &text)
{
    setValue(field, text);
    m_values.value(field)->setVisible(!text.isEmpty());
    m_names.value(field)->setVisible(!text.isEmpty());
}

QString GeneralTab::storageText(const session::TorrentSnapshot &t) const
{
    if (t.state != state::TorrentState::StorageUnavailable)
        return {};
    // The snapshot knows the save folder only; the storage policy knows the volume's mount point.
    QString why = m_storageCheck ? m_storageCheck(t.infoHash) : QString();
    if (why.isEmpty())
        why = tr("The volume holding %1 is not mounted.").arg(QDir::toNativeSeparators(t.savePath));
    return tr("%1 The torrent resumes by itself when the volume is back.", "why it waits").arg(why);
}

QString GeneralTab::valueText(Field field) const
{
    return m_values.value(field)->text();
}

bool GeneralTab::isFieldVisible(Field field) const
{
    return !m_values.value(field)->isHidden();
}

double GeneralTab::distributedCopies(const QList<quint16> &availability)
{
    if (availability.isEmpty())
        return -1;
    const quint16 fewest = *std::min_element(availability.begin(), availability.end());
    const auto above = std::count_if(availability.begin(), availability.end(), [fewest](quint16 a) { return a > fewest; });
    return fewest + double(above) / double(availability.size());
}

QString GeneralTab::stateText(const session::TorrentSnapshot &t)
{
    using state::TorrentState;
    if (!t.hasMetadata && t.state != TorrentState::Paused && t.state != TorrentState::Error)
        return tr("Fetching metadata");
    switch (t.state) {
    case TorrentState::Queued: return tr("Queued");
    case TorrentState::Checking: return tr("Checking");
    case TorrentState::Downloading: return tr("Downloading");
    case TorrentState::Seeding: return tr("Seeding");
    case TorrentState::Paused: return tr("Paused");
    case TorrentState::Error: return tr("Error");
    case TorrentState::StorageUnavailable: return tr("Storage unavailable");
    }
    return {};
}

void GeneralTab::setTorrent(const session::TorrentSnapshot &t)
{
    const QLocale locale;
    setValue(State, stateText(t));
    setValue(Progress, units::formatPercent(t.progress));
    setValue(Downloaded, units::formatSize(t.downloaded));
    setValue(Uploaded, units::formatSize(t.uploaded));
    setValue(Ratio, units::formatRatio(t.downloaded > 0 ? t.ratio() : (t.uploaded > 0 ? -1.0 : 0.0)));
    setValue(DownloadRate, units::formatRate(static_cast<qint64>(std::llround(t.downloadRate))));
    setValue(UploadRate, units::formatRate(static_cast<qint64>(std::llround(t.uploadRate))));
    setValue(Eta, t.progress >= 1.0 ? tr("Done") : units::formatDuration(t.etaSeconds));
    setValue(Seeds, countWithSwarm(t.seedsConnected, t.seedsInSwarm));
    setValue(Peers, countWithSwarm(t.peersConnected, t.peersInSwarm));
    setValue(Name, t.name);
    setValue(SavePath, QDir::toNativeSeparators(t.savePath));
    setValue(InfoHash, t.infoHash.toHex());
    setValue(AddedOn, dateText(t.addedAt));
    setValue(CompletedOn, t.completedAt.isValid() ? dateText(t.completedAt) : tr("Not yet"));
    showOptional(Error, t.error);
    showOptional(Storage, storageText(t));

    const session::TorrentDetail *detail = t.detail.get();
    if (t.hasMetadata) {
        setValue(Size, t.wantedSize != t.totalSize
                           ? tr("%1 (%2 selected)").arg(units::formatSize(t.totalSize), units::formatSize(t.wantedSize))
                           : units::formatSizeWithBytes(t.totalSize));
        const qint64 pieceLength = detail ? detail->pieceLength : 0;
        setValue(Pieces, pieceLength > 0 ? tr("%1 × %2 (have %3)")
                                               .arg(locale.toString(t.pieceCount), units::formatSize(pieceLength),
                                                    locale.toString(t.piecesHave))
                                         : tr("%1 (have %2)").arg(locale.toString(t.pieceCount),
                                                                  locale.toString(t.piecesHave)));
    } else {
        // A magnet still fetching its info dictionary: no sizes, no pieces, nothing to divide by.
        setValue(Size, t.metadataPieces > 0
                           ? tr("Unknown: fetching metadata (%1 of %2 parts)")
                                 .arg(locale.toString(t.metadataPiecesReceived), locale.toString(t.metadataPieces))
                           : tr("Unknown: fetching metadata"));
        setValue(Pieces, tr("Unknown"));
    }

    if (detail) {
        const double copies = distributedCopies(detail->availability);
        setValue(Availability, copies < 0 ? tr("Unknown") : locale.toString(copies, 'f', 2));
        m_bar->setPieces({detail->have, detail->downloadingPieces, detail->availability});
    } else {
        setValue(Availability, QString());
        m_bar->setPieces({});
    }
    m_bar->setEnabled(true);
}

void GeneralTab::clear()
{
    for (QLabel *label : std::as_const(m_values))
        if (!label->text().isEmpty())
            label->clear();
    for (Field optional : {Error, Storage}) {
        m_values.value(optional)->hide();
        m_names.value(optional)->hide();
    }
    m_bar->setPieces({});
    m_bar->setEnabled(false);
}

} // namespace swarmscope::ui
