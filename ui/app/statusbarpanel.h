// The status bar's permanent part: global down and up rates with their limits (click to set
// them), DHT nodes, the listen port and whether anyone has connected in, and the free space
// where torrents are saved by default.
#pragma once

#include "session/snapshot.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace swarmscope::ui {

class StatusBarPanel : public QWidget {
    Q_OBJECT
public:
    explicit StatusBarPanel(QWidget *parent = nullptr);

    void setSnapshot(const session::SessionSnapshot &snapshot);
    void setLimits(qint64 downloadBytesPerSecond, qint64 uploadBytesPerSecond);
    void setSavePath(const QString &path);

    QString downloadText() const;
    QString uploadText() const;
    QString dhtText() const;
    QString portText() const;
    QString spaceText() const;

signals:
    // The user clicked a rate: the host asks for the new limits.
    void limitsRequested();

private:
    void updateSpace();

    QToolButton *m_down;
    QToolButton *m_up;
    QLabel *m_dht;
    QLabel *m_port;
    QLabel *m_space;
    qint64 m_downLimit = 0;
    qint64 m_upLimit = 0;
    QString m_savePath;
    int m_spaceRefresh = 0;
};

} // namespace swarmscope::ui
