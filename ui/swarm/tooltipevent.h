// Answers a QEvent::ToolTip from text computed for the cursor position: the shared part of the
// swarm widgets' event() overrides.
#pragma once

#include <QHelpEvent>
#include <QToolTip>
#include <QWidget>

namespace swarmscope::ui {

// Returns true when `event` was a tooltip request and has been answered.
template <typename TextAt> bool answerToolTip(QWidget *widget, QEvent *event, TextAt textAt)
{
    if (event->type() != QEvent::ToolTip)
        return false;
    const auto *help = static_cast<QHelpEvent *>(event);
    const QString text = textAt(help->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, widget);
    return true;
}

} // namespace swarmscope::ui
