// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

class QQmlEngine;

namespace samkoll::client {

/// Installs the user interface language: Swedish (default; the source strings
/// are English) or English. Numbers and dates are in Swedish format in both.
/// Switching at run time retranslates every qsTr binding of the engine.
class Localization : public QObject {
    Q_OBJECT
public:
    explicit Localization(QObject* parent = nullptr) : QObject(parent) {}
    /// "sv" or "en"; returns false when the Swedish translation is missing.
    bool apply(const QString& language, QQmlEngine* engine = nullptr);

private:
    QTranslator m_app;
    QTranslator m_qt;
    bool m_installed = false;
};

}  // namespace samkoll::client
