// SPDX-License-Identifier: GPL-3.0-or-later
#include "judgments.hpp"

#include <algorithm>


#include "backend.hpp"
#include "formatting.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::client {

using namespace samkoll::core;

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

struct Loaded {
    std::vector<int> years;
    int year = 0;
    std::vector<Judgments::Row> rows;
};

}  // namespace

Judgments::Judgments(Backend& backend, QObject* parent) : QAbstractListModel(parent), m_backend(backend) {}

int Judgments::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant Judgments::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case IndicatorRole: return r.indicator;
    case TextRole: return r.text;
    case UnitRole: return r.unit;
    case UnitNameRole: return r.unitName;
    case StateRole: return r.state;
    case MotivationRole: return r.motivation;
    case ByRole: return r.by;
    case AtRole: return r.at;
    case PendingRole: return r.pending;
    case ConflictRole: return r.conflict;
    }
    return {};
}

QHash<int, QByteArray> Judgments::roleNames() const
{
    return {{IndicatorRole, "indicatorCode"}, {TextRole, "wording"},     {UnitRole, "unit"},
            {UnitNameRole, "unitName"},   {StateRole, "judged"},   {MotivationRole, "motivation"},
            {ByRole, "by"},               {AtRole, "at"},         {PendingRole, "pending"},
            {ConflictRole, "conflict"}};
}

void Judgments::setDevice(Id federationId)
{
    if (federationId == m_federationId)
        return;
    m_federationId = federationId;
    reload();
}

void Judgments::setYear(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    emit yearChanged();
    reload();
}

void Judgments::reload()
{
    if (m_federationId == 0)
        return;
    m_backend.run(
        this,
        [fed = m_federationId, year = m_year](SyncEngine& e) -> Result<Loaded> {
            Repository repo(e.database());
            Loaded out;
            auto years = repo.budgetYears(fed);
            if (!years)
                return years.error();
            out.years = *years;
            std::sort(out.years.rbegin(), out.years.rend());
            out.year = year != 0 ? year : defaultYear(out.years);
            if (out.year == 0)
                return out;
            auto budget = repo.budget(fed, out.year);
            if (!budget)
                return budget.error();
            auto teams = repo.teams(fed);
            if (!teams)
                return teams.error();
            auto judged = repo.manualAssessments(fed, out.year);
            if (!judged)
                return judged.error();
            auto pending = e.replica().pendingJudgments(out.year);
            if (!pending)
                return pending.error();
            // Every manual indicator × every unit it applies to, the förbund first.
            for (const auto& area : budget->areas)
                for (const auto& goal : area.goals)
                    for (const auto& i : goal.indicators) {
                        if (i.kind != IndicatorKind::Manual)
                            continue;
                        std::vector<std::pair<std::string, std::string>> units;
                        if (i.scope != Scope::Team)
                            units.emplace_back("", "");
                        if (i.scope != Scope::Federation)
                            for (const auto& t : *teams)
                                units.emplace_back(t.code, t.name);
                        for (const auto& [code, name] : units) {
                            Row r;
                            r.indicator = q(i.code);
                            r.text = q(i.text);
                            r.unit = q(code);
                            r.unitName = q(name);
                            r.state = QStringLiteral("none");
                            for (const auto& m : *judged)
                                if (m.indicatorCode == i.code && m.teamCode == code) {
                                    r.state = m.achieved ? QStringLiteral("achieved") : QStringLiteral("not_achieved");
                                    r.motivation = q(m.motivation);
                                    r.by = q(m.assessedBy);
                                    r.at = m.assessedAt.size() >= 19
                                               ? formatTimestamp(q(m.assessedAt.substr(0, 19) + "Z"))
                                               : QString();
                                }
                            for (const auto& p : *pending)
                                if (p.edit.indicator == i.code && p.edit.team == code) {
                                    r.pending = true;
                                    r.seq = p.seq;
                                    if (p.refusedCode == "conflict")
                                        r.conflict = q(p.refusedMessage);
                                }
                            out.rows.push_back(std::move(r));
                        }
                    }
            return out;
        },
        [this](Result<Loaded> r) {
            beginResetModel();
            m_rows.clear();
            m_error.clear();
            if (r) {
                m_rows = std::move(r->rows);
                QVariantList years;
                for (int y : r->years)
                    years.push_back(y);
                const bool yearChange = years != m_years || r->year != m_year;
                m_years = years;
                m_year = r->year;
                if (yearChange)
                    emit yearChanged();
            } else {
                m_error = sentence(r.error().message);
            }
            endResetModel();
            m_missing = static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(),
                                                       [](const Row& row) { return row.state == QLatin1String("none"); }));
            m_conflicts = static_cast<int>(
                std::count_if(m_rows.begin(), m_rows.end(), [](const Row& row) { return !row.conflict.isEmpty(); }));
            emit loaded();
        });
}

void Judgments::judge(int row, bool achieved, const QString& motivation)
{
    if (motivation.trimmed().isEmpty()) {
        emit rejected(QStringLiteral("motivation"), tr("Write the motivation: what the judgment rests on."));
        return;
    }
    edit(row, achieved, motivation.trimmed());
}

void Judgments::clear(int row)
{
    edit(row, std::nullopt, QString());
}

void Judgments::edit(int row, std::optional<bool> achieved, const QString& motivation)
{
    if (row < 0 || row >= rowCount())
        return;
    const auto& r = m_rows[static_cast<std::size_t>(row)];
    JudgmentEdit e;
    e.indicator = r.indicator.toStdString();
    e.team = r.unit.toStdString();
    e.year = m_year;
    e.achieved = achieved;
    e.motivation = motivation.toStdString();
    m_backend.run(
        this,
        [e](SyncEngine& engine) {
            return engine.replica().judgmentEdit(e, engine.replica().state("login").value_or(""));
        },
        [this, row](Status s) { done(row, s); });
}

void Judgments::done(int row, const Status& s)
{
    if (!s) {
        emit rejected(QString::fromStdString(s.error().field), errorText(s.error()));
        return;
    }
    emit saved(row);
    emit changed();
    reload();
}

void Judgments::settle(int row, bool keepMine)
{
    if (row < 0 || row >= rowCount() || m_rows[static_cast<std::size_t>(row)].seq == 0)
        return;
    const auto seq = m_rows[static_cast<std::size_t>(row)].seq;
    m_backend.run(
        this, [seq, keepMine](SyncEngine& e) { return e.replica().settle(seq, keepMine); },
        [this, row](Status s) { done(row, s); });
}

}  // namespace samkoll::client
