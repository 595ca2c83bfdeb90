// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_list_model.hpp"

#include "backend.hpp"
#include "case_form.hpp"
#include "formatting.hpp"

namespace samkoll::client {

using namespace samkoll::core;

namespace {
QString codeText(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
}  // namespace

CaseListModel::CaseListModel(Backend& backend, QObject* parent) : QAbstractListModel(parent), m_backend(backend) {}

int CaseListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant CaseListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    const Case& c = row.c;
    switch (role) {
    case Qt::DisplayRole:
    case CodeRole: return QString::fromStdString(c.code);
    case UidRole: return QString::fromStdString(c.uid);
    case GenderRole: return codeText(codeOf(c.gender));
    case GenderLabelRole: return termLabel(QStringLiteral("gender"), codeText(codeOf(c.gender)));
    case BirthYearRole: return c.birthYear ? QVariant(*c.birthYear) : QVariant();
    case ReferralDateRole: return QString::fromStdString(c.referralDate.swedish());
    case StatusRole: return codeText(caseStatusCode(statusOf(c)));
    case StatusLabelRole: return termLabel(QStringLiteral("status"), codeText(caseStatusCode(statusOf(c))));
    case StartDateRole: return c.startDate ? QString::fromStdString(c.startDate->swedish()) : QString();
    case ExitDateRole: return c.exitDate ? QString::fromStdString(c.exitDate->swedish()) : QString();
    case OutcomeLabelRole:
        return c.exitOutcome ? termLabel(QStringLiteral("exit_outcome"), codeText(codeOf(*c.exitOutcome))) : QString();
    case PendingSyncRole: return row.pendingSync;
    case FormRole: return caseform::fromCase(c);
    default: return {};
    }
}

QHash<int, QByteArray> CaseListModel::roleNames() const
{
    return {{UidRole, "uid"},
            {CodeRole, "code"},
            {GenderRole, "gender"},
            {GenderLabelRole, "genderLabel"},
            {BirthYearRole, "birthYear"},
            {ReferralDateRole, "referralDate"},
            {StatusRole, "status"},
            {StatusLabelRole, "statusLabel"},
            {StartDateRole, "startDate"},
            {ExitDateRole, "exitDate"},
            {OutcomeLabelRole, "outcomeLabel"},
            {PendingSyncRole, "pendingSync"},
            {FormRole, "form"}};
}

CaseQuery CaseListModel::query() const
{
    CaseQuery q;
    q.teamId = m_team;
    q.status = parseCaseStatus(m_status.toStdString());
    if (m_year > 0)
        q.year = m_year;
    q.search = m_search.trimmed().toStdString();
    return q;
}

bool CaseListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void CaseListModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd || m_fetching || m_team == 0)
        return;
    m_fetching = true;
    emit loadingChanged();
    CaseQuery q = query();
    if (!m_rows.empty()) {
        q.afterReferral = m_rows.back().c.referralDate;
        q.afterCode = m_rows.back().c.code;
    }
    const auto generation = m_generation;
    m_backend.run(
        this, [q](SyncEngine& e) { return Repository(e.database()).casePage(q, kPageSize); },
        [this, generation](Result<std::vector<CaseListRow>> page) {
            if (generation != m_generation)
                return;  // the filter changed meanwhile; a newer request is on its way
            // Still "fetching" while the rows go in: views and testers call
            // fetchMore from inside the insert notifications.
            if (!page) {
                m_atEnd = true;
            } else {
                auto& rows = *page;
                m_atEnd = rows.size() < static_cast<std::size_t>(kPageSize);
                if (!rows.empty()) {
                    const int first = static_cast<int>(m_rows.size());
                    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
                    std::move(rows.begin(), rows.end(), std::back_inserter(m_rows));
                    endInsertRows();
                }
            }
            m_fetching = false;
            emit loadingChanged();
            emit pageLoaded(static_cast<int>(m_rows.size()));
        });
}

void CaseListModel::reload()
{
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_fetching = false;
    m_atEnd = m_team == 0;
    endResetModel();
    if (m_team == 0)
        return;
    const auto generation = m_generation;
    m_backend.run(
        this, [q = query()](SyncEngine& e) { return Repository(e.database()).caseCount(q); },
        [this, generation](Result<std::int64_t> n) {
            if (generation != m_generation || !n)
                return;
            m_total = *n;
            emit totalCountChanged();
        });
    fetchMore({});
}

void CaseListModel::refreshCase(const QString& uid)
{
    const int row = rowOf(uid);
    if (row < 0) {
        reload();
        return;
    }
    const auto generation = m_generation;
    auto q = query();
    m_backend.run(
        this,
        [q, uid = uid.toStdString()](SyncEngine& e) -> Result<std::optional<CaseListRow>> {
            // The case as the list would show it: re-read with the filter, so an
            // edit that moves it out of the filter removes it from the list.
            auto probe = q;
            probe.uid = uid;
            auto page = Repository(e.database()).casePage(probe, 1);
            if (!page)
                return page.error();
            if (page->empty())
                return std::optional<CaseListRow>();
            return std::optional<CaseListRow>(std::move(page->front()));
        },
        [this, generation, uid](Result<std::optional<CaseListRow>> read) {
            if (generation != m_generation)
                return;
            if (!read) {
                reload();  // the list shows what it can read; the error reached Backend::jobFailed
                return;
            }
            auto& fresh = *read;
            const int r = rowOf(uid);
            if (r < 0)
                return;
            if (fresh && fresh->c.referralDate == m_rows[static_cast<std::size_t>(r)].c.referralDate) {
                m_rows[static_cast<std::size_t>(r)] = std::move(*fresh);
                emit dataChanged(index(r), index(r));
            } else {
                reload();  // gone, filtered out or moved in the order
            }
        });
}

QString CaseListModel::totalText() const
{
    return tr("%n case(s)", nullptr, static_cast<int>(m_total)).replace(QString::number(m_total), formatCount(m_total));
}

QVariantMap CaseListModel::get(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return caseform::fromCase(m_rows[static_cast<std::size_t>(row)].c);
}

int CaseListModel::rowOf(const QString& uid) const
{
    const auto u = uid.toStdString();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].c.uid == u)
            return static_cast<int>(i);
    return -1;
}

void CaseListModel::setTeam(Id teamId)
{
    if (teamId == m_team)
        return;
    m_team = teamId;
    reload();
}

void CaseListModel::setStatusFilter(const QString& s)
{
    if (s == m_status)
        return;
    m_status = s;
    emit filterChanged();
    reload();
}

void CaseListModel::setYearFilter(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    emit filterChanged();
    reload();
}

void CaseListModel::setSearch(const QString& s)
{
    if (s == m_search)
        return;
    m_search = s;
    emit filterChanged();
    reload();
}

}  // namespace samkoll::client
