#include "app/ratelimitsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace swarmscope::ui {

namespace {
QSpinBox *kibBox(qint64 bytesPerSecond, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, 10'000'000);
    box->setSuffix(QObject::tr(" KiB/s"));
    box->setSpecialValueText(QObject::tr("Unlimited"));
    box->setValue(int(std::clamp<qint64>(bytesPerSecond / 1024, 0, 10'000'000)));
    return box;
}
} // namespace

RateLimitsDialog::RateLimitsDialog(qint64 down, qint64 up, QWidget *parent)
    : QDialog(parent), m_down(kibBox(down, this)), m_up(kibBox(up, this))
{
    setWindowTitle(tr("Speed Limits"));
    m_down->setObjectName(QStringLiteral("downloadLimit"));
    m_up->setObjectName(QStringLiteral("uploadLimit"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Download limit:"), m_down);
    form->addRow(tr("&Upload limit:"), m_up);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

qint64 RateLimitsDialog::downloadLimit() const
{
    return qint64(m_down->value()) * 1024;
}

qint64 RateLimitsDialog::uploadLimit() const
{
    return qint64(m_up->value()) * 1024;
}

} // namespace swarmscope::ui
