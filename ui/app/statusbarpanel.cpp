#include "app/statusbarpanel.h"

#include "format/units.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QStorageInfo>
#include <QToolButton>

namespace swarmscope::ui {

namespace {

QString rateWithLimit(const QString &arrow, double rate, qint64 limit)
{
    const QString now = units::formatRate(qint64(rate));
    return limit > 0 ? QStringLiteral("%1 %2 [%3]").arg(arrow, now, units::formatRate(limit))
                     : QStringLiteral("%1 %2").arg(arrow, now);
}

QToolButton *flatButton(const QString &name, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(name);
    b->setAutoRaise(true);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

} // namespace

StatusBarPanel::StatusBarPanel(QWidget *parent)
    : QWidget(parent), m_down(flatButton(QStringLiteral("statusDown"), this)),
      m_up(flatButton(QStringLiteral("statusUp"), this)), m_dht(new QLabel(this)), m_port(new QLabel(this)),
      m_space(new QLabel(this))
{
    m_dht->setObjectName(QStringLiteral("statusDht"));
    m_port->setObjectName(QStringLiteral("statusPort"));
    m_space->setObjectName(QStringLiteral("statusSpace"));
    m_down->setToolTip(tr("Download rate of all torrents [limit]. Click to set the limits."));
    m_up->setToolTip(tr("Upload rate of all torrents [limit]. Click to set the limits."));
    m_dht->setToolTip(tr("Nodes in the DHT routing table (BEP 5)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : {static_cast<QWidget *>(m_space), static_cast<QWidget *>(m_dht), static_cast<QWidget *>(m_port),
                       static_cast<QWidget *>(m_down), static_cast<QWidget *>(m_up)})
        layout->addWidget(w);
    connect(m_down, &QToolButton::clicked, this, &StatusBarPanel::limitsRequested);
    connect(m_up, &QToolButton::clicked, this, &StatusBarPanel::limitsRequested);
    setSnapshot(session::SessionSnapshot{});
}

void StatusBarPanel::setLimits(qint64 down, qint64 up)
{
    m_downLimit = down;
    m_upLimit = up;
}

void StatusBarPanel::setSavePath(const QString &path)
{
    m_savePath = path;
    updateSpace();
}

void StatusBarPanel::setSnapshot(const session::SessionSnapshot &s)
{
    m_down->setText(rateWithLimit(QStringLiteral("↓"), s.downloadRate, m_downLimit));
    m_up->setText(rateWithLimit(QStringLiteral("↑"), s.uploadRate, m_upLimit));
    m_dht->setText(s.dhtNodes < 0 ? tr("DHT: off") : tr("DHT: %n node(s)", nullptr, s.dhtNodes));
    if (s.listenPort == 0) {
        m_port->setText(tr("Not listening"));
        m_port->setToolTip(QString());
    } else {
        m_port->setText(s.incomingSeen ? tr("Port %1 ✓").arg(s.listenPort) : tr("Port %1").arg(s.listenPort));
        m_port->setToolTip(s.incomingSeen ? tr("Peers have connected to us: the port is reachable.")
                                          : tr("No peer has connected to us yet: the port may be closed by a "
                                               "firewall or a router."));
    }
    if (++m_spaceRefresh % 20 == 1) // a few seconds is fresh enough, and statvfs is not free
        updateSpace();
}

void StatusBarPanel::updateSpace()
{
    if (m_savePath.isEmpty()) {
        m_space->clear();
        return;
    }
    // The folder may not exist yet (a fresh Downloads folder): its nearest existing parent is
    // on the same volume as it will be.
    QDir dir(m_savePath);
    while (!dir.exists() && dir.cdUp()) {
    }
    const QStorageInfo storage(dir.path());
    m_space->setText(storage.isValid() ? tr("Free: %1").arg(units::formatSize(storage.bytesAvailable()))
                                       : tr("Free: unknown"));
    m_space->setToolTip(tr("Free space at %1").arg(m_savePath));
}

QString StatusBarPanel::downloadText() const { return m_down->text(); }
QString StatusBarPanel::uploadText() const { return m_up->text(); }
QString StatusBarPanel::dhtText() const { return m_dht->text(); }
QString StatusBarPanel::portText() const { return m_port->text(); }
QString StatusBarPanel::spaceText() const { return m_space->text(); }

} // namespace swarmscope::ui
