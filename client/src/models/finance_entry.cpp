// SPDX-License-Identifier: GPL-3.0-or-later
#include "finance_entry.hpp"

#include <QCoreApplication>
#include <QDate>

#include "backend.hpp"
#include "formatting.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/io/csv.hpp"
#include "samkoll/report/format.hpp"
#include "samkoll/sync/protocol.hpp"

namespace samkoll::client {

using namespace samkoll::core;
using namespace samkoll::core::finance;

namespace {

/// The month's name in the chosen language (numbers and dates stay Swedish, words follow the language).
QString monthName(int month)
{
    static const char* const kNames[] = {
        QT_TRANSLATE_NOOP("FinanceEntry", "January"),   QT_TRANSLATE_NOOP("FinanceEntry", "February"),
        QT_TRANSLATE_NOOP("FinanceEntry", "March"),     QT_TRANSLATE_NOOP("FinanceEntry", "April"),
        QT_TRANSLATE_NOOP("FinanceEntry", "May"),       QT_TRANSLATE_NOOP("FinanceEntry", "June"),
        QT_TRANSLATE_NOOP("FinanceEntry", "July"),      QT_TRANSLATE_NOOP("FinanceEntry", "August"),
        QT_TRANSLATE_NOOP("FinanceEntry", "September"), QT_TRANSLATE_NOOP("FinanceEntry", "October"),
        QT_TRANSLATE_NOOP("FinanceEntry", "November"),  QT_TRANSLATE_NOOP("FinanceEntry", "December")};
    return QCoreApplication::translate("FinanceEntry", kNames[std::clamp(month, 1, 12) - 1]);
}

QString kronorText(Amount a)
{
    return QString::fromStdString(core::finance::kronorText(a));
}

struct Loaded {
    std::vector<int> years;
    int year = 0;
    std::vector<FinanceEntry::Row> rows;
    QString openingEquity;
    QVariantList conflicts;
};

}  // namespace

FinanceEntry::FinanceEntry(Backend& backend, QObject* parent) : QAbstractListModel(parent), m_backend(backend) {}

int FinanceEntry::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant FinanceEntry::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case CodeRole: return r.code;
    case GroupRole: return r.group;
    case UnitRole: return r.unit;
    case BudgetRole: return r.budget;
    case MonthsRole: return r.months;
    case TotalRole: return r.total;
    case ForecastRole: return r.forecast;
    case ConflictCellsRole: return r.conflictCells;
    }
    return {};
}

QHash<int, QByteArray> FinanceEntry::roleNames() const
{
    return {{CodeRole, "lineCode"}, {NameRole, "lineName"}, {GroupRole, "groupName"}, {UnitRole, "unitCode"},
            {BudgetRole, "budget"},  {MonthsRole, "months"},  {TotalRole, "total"},     {ForecastRole, "forecast"},
            {ConflictCellsRole, "conflictCells"}};
}

void FinanceEntry::setDevice(Id federationId)
{
    if (federationId == m_federationId)
        return;
    m_federationId = federationId;
    reload();
}

void FinanceEntry::setYear(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    emit yearChanged();
    reload();
}

void FinanceEntry::reload()
{
    if (m_federationId == 0)
        return;
    m_backend.run(
        this,
        [fed = m_federationId, year = m_year](SyncEngine& e) -> Result<Loaded> {
            FinanceStore store(e.database());
            Loaded out;
            auto years = store.years(fed);
            if (!years)
                return years.error();
            out.years = *years;
            const int now = QDate::currentDate().year();
            if (std::find(out.years.begin(), out.years.end(), now) == out.years.end())
                out.years.insert(out.years.begin(), now);  // this year can always be entered
            std::sort(out.years.rbegin(), out.years.rend());
            out.year = year != 0 ? year : defaultYear(out.years);
            auto figures = store.yearFigures(fed, out.year);
            if (!figures)
                return figures.error();
            for (const auto& l : *figures) {
                FinanceEntry::Row r;
                r.code = QString::fromStdString(l.code);
                r.name = QString::fromStdString(l.name);
                r.group = QString::fromUtf8(labelOf(l.group).data(), static_cast<qsizetype>(labelOf(l.group).size()));
                r.unit = QString::fromStdString(l.unit);
                r.budget = kronorText(l.budgetYear);
                Amount total = 0;
                for (const auto m : l.outcome) {
                    r.months.push_back(m != 0 ? kronorText(m) : QString());
                    total += m;
                }
                r.total = kronorText(total);
                r.forecast = l.forecast ? kronorText(*l.forecast) : QString();
                out.rows.push_back(std::move(r));
            }
            auto entered = store.enteredOpeningEquity(fed);
            if (!entered)
                return entered.error();
            if (const auto it = entered->find(out.year); it != entered->end())
                out.openingEquity = kronorText(it->second);
            // This computer's figures the server refused because another came first.
            const std::string uid = "finance:" + std::to_string(out.year);
            for (const auto& r : e.replica().refused()) {
                if (r.uid != uid || !r.settleable)
                    continue;
                const auto& f = r.finance;
                int cell = 0;
                QString what;
                switch (r.kind) {
                case OperationKind::FinanceOutcome:
                    cell = f.month;
                    what = FinanceEntry::tr("Outcome %1, %2").arg(QString::fromStdString(f.line)).arg(monthName(f.month));
                    break;
                case OperationKind::FinanceForecast:
                    cell = 13;
                    what = FinanceEntry::tr("Forecast %1").arg(QString::fromStdString(f.line));
                    break;
                case OperationKind::FinanceBudget:
                    what = FinanceEntry::tr("Budget %1").arg(QString::fromStdString(f.line));
                    break;
                default:
                    cell = -1;
                    what = FinanceEntry::tr("Opening equity");
                    break;
                }
                for (auto& row : out.rows)
                    if (cell >= 0 && row.code.toStdString() == f.line)
                        row.conflictCells.push_back(cell);
                Error err;
                err.code = r.code;
                err.message = r.message;
                out.conflicts.push_back(QVariantMap{{QStringLiteral("seq"), static_cast<qlonglong>(r.seq)},
                                                    {QStringLiteral("what"), what},
                                                    {QStringLiteral("message"), errorText(err)}});
            }
            return out;
        },
        [this](Result<Loaded> r) {
            beginResetModel();
            m_rows.clear();
            m_error.clear();
            if (r) {
                m_rows = std::move(r->rows);
                m_openingEquity = r->openingEquity;
                m_conflicts = r->conflicts;
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
            if (!r)
                m_conflicts.clear();
            endResetModel();
            emit loaded();
        });
}

void FinanceEntry::settle(qlonglong seq, bool keepMine)
{
    m_backend.run(
        this, [seq, keepMine](SyncEngine& e) { return e.replica().settle(seq, keepMine); },
        [this](Status s) {
            if (!s) {
                emit rejected(QStringLiteral("amount"), errorText(s.error()));
                return;
            }
            emit saved();
            emit changed();
            reload();
        });
}

void FinanceEntry::setOutcome(int row, int month, const QString& text)
{
    if (row < 0 || row >= rowCount() || month < 1 || month > 12)
        return;
    if (text.trimmed().isEmpty())
        return edit(static_cast<int>(OperationKind::FinanceOutcome), m_rows[static_cast<std::size_t>(row)].code.toStdString(),
                    month, std::nullopt);
    const auto amount = parseKronor(text.toStdString());
    if (!amount) {
        emit rejected(QStringLiteral("amount"), tr("Write the amount in kronor, e.g. −12 500 or 1 234,50 (costs negative)."));
        return;
    }
    edit(static_cast<int>(OperationKind::FinanceOutcome), m_rows[static_cast<std::size_t>(row)].code.toStdString(), month,
         *amount);
}

void FinanceEntry::setBudget(int row, const QString& text)
{
    budget(row, text, false);
}

void FinanceEntry::reviseBudget(int row, const QString& text)
{
    budget(row, text, true);
}

void FinanceEntry::budget(int row, const QString& text, bool revise)
{
    if (row < 0 || row >= rowCount())
        return;
    const auto amount = parseKronor(text.toStdString());
    if (!amount) {
        emit rejected(QStringLiteral("amount"), tr("Write the year's budget in kronor, e.g. −1 200 000 (costs negative)."));
        return;
    }
    FinanceEdit e;
    e.line = m_rows[static_cast<std::size_t>(row)].code.toStdString();
    e.year = m_year;
    e.amount = *amount;
    e.revise = revise;
    send(static_cast<int>(OperationKind::FinanceBudget), e);
}

void FinanceEntry::saveLine(const QString& code, const QString& name, const QString& group, const QString& unit,
                            const QString& team)
{
    if (code.trimmed().isEmpty())
        return emit rejected(QStringLiteral("line"), tr("Write the line's code, e.g. insats-vindeln."));
    if (name.trimmed().isEmpty())
        return emit rejected(QStringLiteral("name"), tr("Write the line's name as the driftredovisning shows it."));
    if (unit.trimmed().isEmpty())
        return emit rejected(QStringLiteral("unit"), tr("Write the budget unit's code, e.g. SAMO."));
    FinanceEdit e;
    e.line = code.trimmed().toStdString();
    e.name = name.trimmed().toStdString();
    e.group = group.toStdString();
    e.unit = unit.trimmed().toStdString();
    e.team = team.toStdString();
    send(static_cast<int>(OperationKind::FinanceLine), e);
}

void FinanceEntry::setForecast(int row, const QString& text)
{
    if (row < 0 || row >= rowCount())
        return;
    std::optional<std::int64_t> amount;
    if (!text.trimmed().isEmpty()) {
        amount = parseKronor(text.toStdString());
        if (!amount) {
            emit rejected(QStringLiteral("amount"),
                          tr("Write the forecast in kronor, or leave it empty to have it computed."));
            return;
        }
    }
    edit(static_cast<int>(OperationKind::FinanceForecast), m_rows[static_cast<std::size_t>(row)].code.toStdString(), 0,
         amount);
}

void FinanceEntry::setOpeningEquity(const QString& text)
{
    const auto amount = parseKronor(text.toStdString());
    if (!amount) {
        emit rejected(QStringLiteral("equity"), tr("Write the opening equity in kronor, e.g. 2 254 000."));
        return;
    }
    edit(static_cast<int>(OperationKind::FinanceEquity), {}, 0, *amount);
}

void FinanceEntry::edit(int kind, const std::string& line, int month, std::optional<std::int64_t> amount)
{
    FinanceEdit e;
    e.line = line;
    e.year = m_year;
    e.month = month;
    e.amount = amount;
    send(kind, e);
}

void FinanceEntry::send(int kind, const FinanceEdit& e)
{
    m_backend.run(
        this,
        [kind, e](SyncEngine& engine) { return engine.replica().financeEdit(static_cast<OperationKind>(kind), e); },
        [this, kind](Status s) {
            if (!s) {
                // A line's own fields are named as they are; a figure's refusal at its amount.
                const QString field = kind == static_cast<int>(OperationKind::FinanceLine) || s.error().field == "year"
                                          ? QString::fromStdString(s.error().field)
                                          : QStringLiteral("amount");
                emit rejected(field, errorText(s.error()));
                return;
            }
            emit saved();
            emit changed();
            reload();
        });
}

}  // namespace samkoll::client
