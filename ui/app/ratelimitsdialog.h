// The global download and upload limits, as the status bar's rates open it (KiB/s, 0 = none).
#pragma once

#include <QDialog>

class QSpinBox;

namespace swarmscope::ui {

class RateLimitsDialog : public QDialog {
    Q_OBJECT
public:
    RateLimitsDialog(qint64 downloadBytesPerSecond, qint64 uploadBytesPerSecond, QWidget *parent = nullptr);
    qint64 downloadLimit() const; // bytes per second, 0 = unlimited
    qint64 uploadLimit() const;
    QSpinBox *downloadBox() const { return m_down; }
    QSpinBox *uploadBox() const { return m_up; }

private:
    QSpinBox *m_down;
    QSpinBox *m_up;
};

} // namespace swarmscope::ui
