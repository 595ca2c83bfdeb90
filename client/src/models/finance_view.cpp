// SPDX-License-Identifier: GPL-3.0-or-later
#include "finance_view.hpp"

#include "backend.hpp"
#include "formatting.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/report/document.hpp"
#include "samkoll/report/finance_report.hpp"

namespace samkoll::client {

using namespace samkoll::core;

namespace {

struct Computed {
    std::vector<int> years;
    int year = 0;
    std::optional<FinanceOverview> overview;
    /// The driftredovisning's own tables (the PDF's): per tertial, cost per outcome.
    std::vector<std::vector<std::string>> tertialCells, costCells, memberCells;
    std::string error;
};

/// The texts of a document table's rows, by the table's name.
std::vector<std::vector<std::string>> tableTexts(const Document& d, const std::string& name)
{
    std::vector<std::vector<std::string>> out;
    for (const auto& section : d.sections)
        for (const auto& table : section.tables)
            if (table.name == name)
                for (const auto& row : table.rows) {
                    std::vector<std::string> cells;
                    for (const auto& c : row)
                        cells.push_back(c.text);
                    out.push_back(std::move(cells));
                }
    return out;
}

QStringList toList(const std::vector<std::string>& cells, std::size_t from = 0)
{
    QStringList out;
    for (std::size_t i = from; i < cells.size(); ++i)
        out.push_back(QString::fromStdString(cells[i]));
    return out;
}

QString kindName(OperatingReportRow::Kind k)
{
    switch (k) {
    case OperatingReportRow::Kind::Unit: return QStringLiteral("unit");
    case OperatingReportRow::Kind::Group: return QStringLiteral("group");
    case OperatingReportRow::Kind::Line: return QStringLiteral("line");
    case OperatingReportRow::Kind::GroupSum: return QStringLiteral("groupSum");
    case OperatingReportRow::Kind::UnitResult: return QStringLiteral("unitResult");
    case OperatingReportRow::Kind::Total: return QStringLiteral("total");
    }
    return {};
}

}  // namespace

FinanceView::FinanceView(Backend& backend, QObject* parent) : QObject(parent), m_backend(backend) {}

void FinanceView::setDevice(Id federationId, bool aggregatesOnly)
{
    if (federationId == m_federationId && aggregatesOnly == m_aggregatesOnly)
        return;
    m_federationId = federationId;
    m_aggregatesOnly = aggregatesOnly;
    reload();
}

void FinanceView::setYear(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    reload();
}

void FinanceView::setTertial(int tertial)
{
    if (tertial == m_tertial || tertial < 0 || tertial > 3)
        return;
    m_tertial = tertial;
    reload();
}

void FinanceView::setLanguage(core::Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    reload();
}

void FinanceView::reload()
{
    if (m_federationId == 0)
        return;
    m_backend.run(
        this,
        [fed = m_federationId, year = m_year, tertial = m_tertial, board = m_aggregatesOnly](SyncEngine& e) {
            Computed out;
            out.years = valueOrThrow(finance::FinanceStore(e.database()).years(fed));
            out.year = year != 0 ? year : (out.years.empty() ? 0 : out.years.front());
            if (out.year == 0)
                return out;
            // The board sees what the server shows a board device: counts under 5 hidden.
            auto overview = computeFinanceOverview(e.database(), fed, out.year,
                                                   tertial == 0 ? std::nullopt : std::optional<int>(tertial), board ? 5 : 0);
            if (overview) {
                if (auto d = driftredovisning(*overview, {})) {
                    out.tertialCells = tableTexts(*d, "tertialer");
                    out.costCells = tableTexts(*d, "kostnad");
                    out.memberCells = tableTexts(*d, "medlemmar");
                }
                out.overview = std::move(*overview);
            } else {
                out.error = overview.error().message;
            }
            return out;
        },
        [this, language = m_language, shown = m_tertial](Result<Computed> result) {
            m_rows.clear();
            m_equity.clear();
            m_tertials.clear();
            m_costs.clear();
            m_members.clear();
            m_allocation.clear();
            m_notes.clear();
            m_verdict.clear();
            m_title.clear();
            m_error.clear();
            if (!result) {
                m_error = sentence(result.error().message);
                emit changed();
                return;
            }
            auto& c = *result;
            m_years.clear();
            for (int y : c.years)
                m_years.push_back(y);
            m_year = c.year;
            if (!c.error.empty())
                m_error = sentence(c.error);
            if (c.overview) {
                const auto& o = *c.overview;
                const auto tertial = shown == 0 ? std::nullopt : std::optional<int>(shown);
                m_title = QString::fromStdString(FinanceReportHeader::of(o.header.federationName, c.year, tertial, language).periodLabel);
                for (const auto& r : operatingReportRows(o.followUp.report, language)) {
                    QStringList cells;
                    for (const auto& cell : r.cells)
                        cells.push_back(QString::fromStdString(cell));
                    m_rows.push_back(QVariantMap{{QStringLiteral("kind"), kindName(r.kind)},
                                                 {QStringLiteral("label"), QString::fromStdString(r.label)},
                                                 {QStringLiteral("cells"), cells}});
                }
                const auto e = equityText(o.followUp.equity, language);
                for (const auto& r : e.rows)
                    m_equity.push_back(QVariantMap{{QStringLiteral("label"), QString::fromStdString(r.label)},
                                                   {QStringLiteral("value"), QString::fromStdString(r.tkr)}});
                m_verdict = QString::fromStdString(e.verdict);
                for (const auto& n : o.notes)
                    m_notes.push_back(QString::fromStdString(n));
                // Kronor for the chart's bars (costs as positive amounts), the table's texts as the document has them.
                for (std::size_t i = 0; i < o.tertials.size(); ++i) {
                    const auto& t = o.tertials[i];
                    m_tertials.push_back(QVariantMap{
                        {QStringLiteral("tertial"), t.tertial},
                        {QStringLiteral("budgetCosts"), static_cast<double>(-finance::toKronor(t.budgetCosts))},
                        {QStringLiteral("outcomeCosts"),
                         t.hasOutcome ? QVariant(static_cast<double>(-finance::toKronor(t.outcomeCosts))) : QVariant()},
                        {QStringLiteral("cells"), i < c.tertialCells.size() ? toList(c.tertialCells[i], 1) : QStringList()}});
                }
                for (const auto& row : c.costCells)
                    m_costs.push_back(QVariantMap{{QStringLiteral("cells"), toList(row)}});
                for (const auto& row : c.memberCells)
                    m_members.push_back(QVariantMap{{QStringLiteral("cells"), toList(row)}});
                if (!o.contributions.empty())
                    m_allocation = tr("Allocation %1 kr. %2")
                                       .arg(QString::fromStdString(finance::kronorText(o.allocation)),
                                            QString::fromStdString(o.contributionKey));
            }
            emit changed();
        });
}

}  // namespace samkoll::client
