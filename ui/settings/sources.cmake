# The app's settings: persistence (AppSettings) and the preferences dialog.
target_sources(swarmscope-ui PRIVATE
  settings/settingsvalidation.h settings/settingsvalidation.cpp
  settings/appsettings.h settings/appsettings.cpp
  settings/settingsdialog.h settings/settingsdialog.cpp
)
