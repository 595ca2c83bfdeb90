// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server_task.hpp"

#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json_fwd.hpp>

namespace samkoll::client {

class Backend;

/// Utfall import (the kansli's): the bookkeeping's file (SIE 2, 3, 4E — or a
/// CSV of utfall per line and month, docs/formats.md) is read
/// on the server with the förbund's account mapping and shown as what it
/// would change — each budget line's utfall before and after, the months,
/// and the **omappat** amounts no line takes, listed and never dropped —
/// and imported only when the kansli says so. The mapping (accounts and
/// objects → budget lines) is edited here; an omappat account can be given a
/// line at once, and the preview is made again. Online: the server holds the
/// mapping and every team's figures.
class SieImport : public samkoll::client::ServerTask {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SIE-importen ägs av AppController")
    /// [{accountFrom, accountTo, dimension, object, line}]
    Q_PROPERTY(QVariantList rules READ rules NOTIFY changed)
    /// [{code, name}]: the lines a rule may give.
    Q_PROPERTY(QVariantList lines READ lines NOTIFY changed)
    Q_PROPERTY(QString file READ file NOTIFY changed)
    /// "SIE 4, Samordningsförbundet X (802000-0000), 2026-01-01 – 2026-12-31, 1 204 verifikationer"
    Q_PROPERTY(QString about READ about NOTIFY changed)
    /// [{line, lineName, before, after, difference}] — each line's utfall over the file's months, kronor as text.
    Q_PROPERTY(QVariantList changes READ changes NOTIFY changed)
    /// [{account, name, objects, amount}] — what no line takes.
    Q_PROPERTY(QVariantList unmapped READ unmapped NOTIFY changed)
    Q_PROPERTY(QString unmappedTotal READ unmappedTotal NOTIFY changed)
    /// Years in the file that are fastställda and were left as they are, as text ("2020").
    Q_PROPERTY(QString lockedYears READ lockedYears NOTIFY changed)
    /// A preview is shown, not yet imported.
    Q_PROPERTY(bool previewing READ previewing NOTIFY changed)

public:
    explicit SieImport(Backend& backend, QObject* parent = nullptr);

    Q_INVOKABLE void loadMapping();
    /// Replaces the mapping by `rules` (as `rules` lists them); the preview is made again.
    Q_INVOKABLE void saveMapping(const QVariantList& rules);
    /// Adds a rule: `account` → `line` (an omappat account given its line).
    Q_INVOKABLE void mapAccount(const QString& account, const QString& line);
    /// Reads the file and asks the server what it would change.
    Q_INVOKABLE void openFile(const QUrl& file);
    Q_INVOKABLE void apply();
    Q_INVOKABLE void cancel();

    QVariantList rules() const { return m_rules; }
    QVariantList lines() const { return m_lines; }
    QString file() const { return m_file; }
    QString about() const { return m_about; }
    QVariantList changes() const { return m_changes; }
    QVariantList unmapped() const { return m_unmapped; }
    QString unmappedTotal() const { return m_unmappedTotal; }
    QString lockedYears() const { return m_lockedYears; }
    bool previewing() const { return m_previewing; }

    /// Shows a mapping answer ({"rules", "lines"}).
    void showMapping(const nlohmann::json& answer);
    /// Shows a SIE answer (sieImportToJson).
    void showImport(const nlohmann::json& answer);

signals:
    /// The utfall is on the server: this computer syncs to get it.
    void imported();

private:
    void send(bool apply);

    Backend& m_backend;
    QByteArray m_content;
    QString m_file, m_about, m_unmappedTotal, m_lockedYears;
    QVariantList m_rules, m_lines, m_changes, m_unmapped;
    bool m_previewing = false;
    bool m_csv = false;  ///< the file is a CSV of utfall, not SIE
};

}  // namespace samkoll::client
