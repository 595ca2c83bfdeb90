// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json_fwd.hpp>

#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/language.hpp"
#include "server_task.hpp"

namespace samkoll::client {

class Backend;

/// The teams of the Förbundet screen best first, as the core ranked them
/// (rankTeams: equal indexes share a place): one row per team with its index,
/// colour, counts, areas and fairness marks.
class UnitRankingModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Rangordningen ägs av Förbundet-vyn")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        PlaceRole = Qt::UserRole + 1,
        CodeRole,
        NameRole,
        IndexRole,    ///< "unitIndex": int, or undefined when the team has no index
        ColourRole,   ///< "green", "orange", "red", "none"
        AchievedRole,
        AssessableRole,
        NotAssessableRole,
        AreasRole,    ///< [{number, name, index, colour}]
        SwingRole,
        LowVolumeRole,
        InconclusiveRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The code of the team in `row` (empty outside the list).
    Q_INVOKABLE QString codeAt(int row) const;
    struct Row {
        int place = 0;
        QString code, name, colour;
        QVariant index;
        int achieved = 0, assessable = 0, notAssessable = 0;
        int swing = 0, lowVolume = 0, inconclusive = 0;
        QVariantList areas;
    };
    /// The rows of the core's JSON of the teams (unitIndexToJson + "place"), best
    /// first — callable on any thread (the answer is read off the GUI thread).
    static std::vector<Row> rowsFrom(const nlohmann::json& teams);
    void setRows(std::vector<Row> rows);
    /// setRows(rowsFrom(teams)).
    void setTeams(const nlohmann::json& teams);

signals:
    void countChanged();

private:
    std::vector<Row> m_rows;
};

/// The index of each unit over the years (the förbund first, then its teams),
/// for the chart and for the table beside it: one row per unit with a value
/// per year (undefined where the unit has no index that year).
class TrendModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Utvecklingen ägs av Förbundet-vyn")
    Q_PROPERTY(QVariantList years READ years NOTIFY yearsChanged)
    /// Whether each year's figures are a fastställt year's approved ones.
    Q_PROPERTY(QVariantList approved READ approved NOTIFY yearsChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY yearsChanged)

public:
    enum Role {
        CodeRole = Qt::UserRole + 1,
        NameRole,
        TypeRole,     ///< "federation" or "team"
        ValuesRole,   ///< [int | undefined] per year
        ColoursRole,  ///< ["green" …] per year
        TextsRole,    ///< ["76", "–"] per year, for the table
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QVariantList years() const { return m_years; }
    QVariantList approved() const { return m_approved; }

    struct Row {
        QString code, name, type;
        QVariantList values, colours;
        QStringList texts;
    };
    struct Data {
        std::vector<Row> rows;
        QVariantList years, approved;
    };
    /// The core's "trend" object ({years, approved, units: [{code, name, type,
    /// values, colours}]}) as rows — callable on any thread.
    static Data dataFrom(const nlohmann::json& trend);
    void setData(Data data);
    /// setData(dataFrom(trend)).
    void setTrend(const nlohmann::json& trend);

signals:
    void yearsChanged();

private:
    std::vector<Row> m_rows;
    QVariantList m_years, m_approved;
};

/// Förbundet (the kansli's and the board's first screen): the förbund's index
/// and every team side by side for a year or a tertial, ranked, with areas,
/// fairness marks and drill-down into any unit, and each unit's index over the
/// years. The server computes it (/api/v1/federation — the one place that
/// holds every team's data and the fastställda years); the last answer for
/// each period is kept on this computer, so the screen shows it offline and
/// says from when.
class FederationView : public samkoll::client::ServerTask {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Förbundet-vyn ägs av AppController")
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY viewChanged)
    Q_PROPERTY(QVariantList years READ years NOTIFY viewChanged)
    /// 0 = the whole year, 1–3 = a tertial.
    Q_PROPERTY(int tertial READ tertial WRITE setTertial NOTIFY viewChanged)
    /// The förbund's unit (the core's JSON); {} before the first answer.
    Q_PROPERTY(QVariantMap federation READ federation NOTIFY viewChanged)
    Q_PROPERTY(samkoll::client::UnitRankingModel* ranking READ ranking CONSTANT)
    Q_PROPERTY(samkoll::client::TrendModel* trend READ trend CONSTANT)
    /// When the server computed what is shown ("30 nov. 2026 19:40"), empty before the first answer.
    Q_PROPERTY(QString computedAt READ computedAt NOTIFY viewChanged)
    /// When the server last took in anything from the teams.
    Q_PROPERTY(QString lastTeamSync READ lastTeamSync NOTIFY viewChanged)
    /// What is shown is the answer kept from before: the server could not be asked now.
    Q_PROPERTY(bool stale READ stale NOTIFY viewChanged)
    /// A fastställt year: {at, by}; empty otherwise.
    Q_PROPERTY(QVariantMap approval READ approval NOTIFY viewChanged)

public:
    explicit FederationView(Backend& backend, QObject* parent = nullptr);

    void setDevice(core::Id federationId);
    void setLanguage(core::Language language);
    Q_INVOKABLE void reload();
    /// One unit in full for the drill-down (the core's JSON): a team by code, "" for the förbund.
    Q_INVOKABLE QVariantMap unit(const QString& code) const;

    int year() const { return m_year; }
    void setYear(int year);
    QVariantList years() const { return m_years; }
    int tertial() const { return m_tertial; }
    void setTertial(int tertial);
    QVariantMap federation() const { return m_federation; }
    UnitRankingModel* ranking() { return &m_ranking; }
    TrendModel* trend() { return &m_trend; }
    QString computedAt() const { return m_computedAt; }
    QString lastTeamSync() const { return m_lastTeamSync; }
    bool stale() const { return m_stale; }
    QVariantMap approval() const { return m_approval; }

    /// A view (the core's federationOverviewJson) made into what the screen
    /// shows — the heavy part, done on the database thread by reload().
    struct Prepared {
        QVariantMap federation, approval;
        QVariantList teams;
        QHash<QString, int> teamByCode;  ///< a team's code → its place in `teams`, for unit()
        std::vector<UnitRankingModel::Row> ranking;
        TrendModel::Data trend;
        QString computedAt, lastTeamSync;
    };
    static Prepared prepare(const nlohmann::json& view);
    /// Shows a prepared view (on the GUI thread: assignments and model resets only).
    void show(Prepared view, bool stale);
    /// show(prepare(view), stale).
    void show(const nlohmann::json& view, bool stale);
    /// The key under which the answer for a period is kept on the device.
    static std::string cacheKey(int year, int tertial, core::Language language);

signals:
    void viewChanged();

private:
    Backend& m_backend;
    core::Id m_federationId = 0;
    core::Language m_language = core::Language::Swedish;
    int m_year = 0;  ///< 0: the newest year with a social budget up to this year
    int m_tertial = 0;
    QVariantList m_years;
    QVariantMap m_federation, m_approval;
    QVariantList m_teams;
    QHash<QString, int> m_teamByCode;
    QString m_computedAt, m_lastTeamSync;
    bool m_stale = false;
    bool m_again = false;
    UnitRankingModel m_ranking;
    TrendModel m_trend;
};

}  // namespace samkoll::client
