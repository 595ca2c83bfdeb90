// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include "samkoll/store/repository.hpp"

namespace samkoll::client {

class Backend;

/// The team's cases, newest referral first, fetched lazily in pages on the
/// database thread: a list of 100 000 cases opens with its first page and
/// fetches more as the view scrolls. Filters: status, year (open during the
/// year) and part of the code.
class CaseListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Ärendelistan ägs av AppController")
    Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
    Q_PROPERTY(int yearFilter READ yearFilter WRITE setYearFilter NOTIFY filterChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
    Q_PROPERTY(qint64 totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY totalCountChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    enum Role {
        UidRole = Qt::UserRole + 1, CodeRole, GenderRole, GenderLabelRole, BirthYearRole, ReferralDateRole,
        StatusRole, StatusLabelRole, StartDateRole, ExitDateRole, OutcomeLabelRole, PendingSyncRole, FormRole
    };

    static constexpr int kPageSize = 200;

    explicit CaseListModel(Backend& backend, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void setTeam(core::Id teamId);
    QString statusFilter() const { return m_status; }
    void setStatusFilter(const QString& s);
    int yearFilter() const { return m_year; }
    void setYearFilter(int year);
    QString search() const { return m_search; }
    void setSearch(const QString& s);
    qint64 totalCount() const { return m_total; }
    QString totalText() const;
    bool loading() const { return m_fetching; }

    /// The whole form of one row (for editing).
    Q_INVOKABLE QVariantMap get(int row) const;
    /// Row of a case, -1 if not loaded.
    Q_INVOKABLE int rowOf(const QString& uid) const;
    /// Fetches the next page if there is one and none is on its way (the view
    /// calls this as it nears the end, ahead of the user).
    Q_INVOKABLE void fetchNext() { fetchMore({}); }
    /// Reloads from the first page (after a sync or a new case).
    Q_INVOKABLE void reload();
    /// Re-reads one case in place (after an edit), or drops it when it is gone or filtered out.
    void refreshCase(const QString& uid);

signals:
    void filterChanged();
    void totalCountChanged();
    void loadingChanged();
    /// A page arrived (tests and the benchmark wait for it).
    void pageLoaded(int rows);

private:
    core::CaseQuery query() const;

    Backend& m_backend;
    core::Id m_team = 0;
    QString m_status;
    int m_year = 0;
    QString m_search;
    std::vector<core::CaseListRow> m_rows;
    qint64 m_total = 0;
    bool m_fetching = false;
    bool m_atEnd = true;
    quint64 m_generation = 0;
};

}  // namespace samkoll::client
