// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server_task.hpp"

#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace samkoll::client {

class Backend;

/// HÅE statistics (the kansli's): a file of the kommuner's figures per year
/// (Statistics Sweden's helårsekvivalenter and population aged 20–64,
/// docs/formats.md) is checked on the server and shown as what it would
/// change — each kommun-year new or changed, the figures before and after —
/// and imported only when the kansli says so. Every computer gets the figures
/// with its next sync (the index's statistics trend indicators use them).
class HaeImport : public samkoll::client::ServerTask {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HÅE-importen ägs av AppController")
    /// [{kommun, year, isNew, total, totalBefore, illness, unemployment, assistance, population}] — figures as text.
    Q_PROPERTY(QVariantList changes READ changes NOTIFY changed)
    /// Kommun-years in the file equal to what is stored.
    Q_PROPERTY(int unchanged READ unchanged NOTIFY changed)
    /// The file shown ("" when none).
    Q_PROPERTY(QString file READ file NOTIFY changed)
    /// A preview is shown, not yet imported.
    Q_PROPERTY(bool previewing READ previewing NOTIFY changed)

public:
    explicit HaeImport(Backend& backend, QObject* parent = nullptr);

    /// Reads the file and asks the server what it would change (nothing is saved).
    Q_INVOKABLE void openFile(const QUrl& file);
    /// Imports the previewed file.
    Q_INVOKABLE void apply();
    /// Lets the preview go.
    Q_INVOKABLE void cancel();

    QVariantList changes() const { return m_changes; }
    int unchanged() const { return m_unchanged; }
    QString file() const { return m_file; }
    bool previewing() const { return m_previewing; }

signals:
    /// The figures are on the server: the configuration is fetched again.
    void imported();

private:
    void send(bool apply);

    Backend& m_backend;
    QByteArray m_csv;
    QString m_file;
    QVariantList m_changes;
    int m_unchanged = 0;
    bool m_previewing = false;
};

}  // namespace samkoll::client
