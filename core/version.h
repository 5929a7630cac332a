#pragma once

#include <QString>

namespace swarmscope {

inline QString versionString() { return QStringLiteral(SWARMSCOPE_VERSION); }
inline QString clientName() { return QStringLiteral("Swarmscope ") + versionString(); }

} // namespace swarmscope
