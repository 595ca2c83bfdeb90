// SPDX-License-Identifier: GPL-3.0-or-later
// Qt Quick Test of the client's QML views, headless (QT_QPA_PLATFORM=offscreen):
// the real views and the real AppController on a seeded device database.
#include <QDir>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

#include "app_controller.hpp"
#include "device_seed.hpp"

Q_IMPORT_QML_PLUGIN(SamkollPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        const auto db = m_dir.filePath(QStringLiteral("device.db"));
        const auto error = samkoll::test::seedDeviceDatabase(db.toStdString(), 30, true);
        if (!error.empty())
            qFatal("seeding the device database failed: %s", error.c_str());
        m_app = std::make_unique<samkoll::client::AppController>(db);
        m_app->setBackgroundSyncSeconds(0);
        qmlRegisterSingletonInstance("Samkoll", 1, 0, "App", m_app.get());
    }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
    void cleanupTestCase() { m_app.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<samkoll::client::AppController> m_app;
};

QUICK_TEST_MAIN_WITH_SETUP(samkoll_qml, Setup)

#include "qml_main.moc"
