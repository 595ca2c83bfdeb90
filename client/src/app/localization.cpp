// SPDX-License-Identifier: GPL-3.0-or-later
#include "localization.hpp"

#include "formatting.hpp"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlEngine>

namespace samkoll::client {

bool Localization::apply(const QString& language, QQmlEngine* engine)
{
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_app);
        QCoreApplication::removeTranslator(&m_qt);
        m_installed = false;
    }
    bool ok = true;
    // Numbers and dates stay Swedish whatever the language: the figures are
    // Swedish public statistics and are compared with Swedish reports.
    QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden));
    setUiLanguage(language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("sv"));
    if (language != QLatin1String("en")) {
        ok = m_app.load(QStringLiteral(":/i18n/samkoll_sv.qm"));
        // Qt's own texts (dialog buttons …) when the system has them.
        if (m_qt.load(QLocale(QLocale::Swedish), QStringLiteral("qt"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
        if (ok)
            QCoreApplication::installTranslator(&m_app);
        m_installed = true;
    }
    if (engine)
        engine->retranslate();
    return ok;
}

}  // namespace samkoll::client
