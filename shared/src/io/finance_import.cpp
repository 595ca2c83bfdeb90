// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/io/finance_import.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "samkoll/domain/terms.hpp"
#include "samkoll/io/csv.hpp"
#include "samkoll/report/format.hpp"
#include "samkoll/store/repository.hpp"
#include "csv_rows.hpp"

namespace samkoll::core {

using csv_rows::missingColumn;
using csv_rows::RowReader;
using namespace finance;
using nlohmann::json;

namespace {

std::optional<LineGroup> groupFromText(std::string_view text)
{
    if (auto g = parseLineGroup(text))
        return g;
    const auto folded = foldCase(trim(text));
    for (int i = 0; i < kLineGroupCount; ++i) {
        const auto g = static_cast<LineGroup>(i);
        if (folded == foldCase(codeOf(g)) || folded == foldCase(labelOf(g)))
            return g;
    }
    static const std::pair<std::string_view, LineGroup> kShort[] = {
        {"intäkt", LineGroup::Income},       {"kansli", LineGroup::Administration},
        {"administration", LineGroup::Administration}, {"verksamhetsnära", LineGroup::Operations},
        {"verksamhet", LineGroup::Operations}, {"insats", LineGroup::Interventions},
        {"insatser", LineGroup::Interventions}, {"finansiell", LineGroup::Financial},
        {"finansiella", LineGroup::Financial}, {"finansiella poster", LineGroup::Financial},
    };
    for (const auto& [word, g] : kShort)
        if (folded == word || folded == std::string(word) + "er")
            return g;
    return std::nullopt;
}

Result<int> yearField(const RowReader& r, std::optional<std::size_t> column)
{
    const auto text = r.get(column);
    auto year = parseInteger(text);
    if (!year || *year < 1990 || *year > 2200)
        return r.error("year", "året '" + text + "' är inget årtal (t.ex. 2026)", text.empty() ? "required" : "invalid_value");
    return static_cast<int>(*year);
}

Result<Amount> amountField(const RowReader& r, std::optional<std::size_t> column, const std::string& field)
{
    const auto text = r.get(column);
    if (text.empty())
        return r.error(field, "belopp saknas (kronor, t.ex. -125 000 eller 1 234,50)", "required");
    auto amount = parseKronor(text);
    if (!amount)
        return r.error(field, "'" + text + "' är inget belopp i kronor (t.ex. -125 000 eller 1 234,50)");
    return *amount;
}

/// Whether the accounting system's account is a result account (classes 3–8),
/// the only ones a driftredovisning follows; 8999 (årets resultat) is the
/// year-end transfer of the result itself and is left out too.
bool resultAccount(std::string_view account)
{
    return !account.empty() && account[0] >= '3' && account[0] <= '8' && !account.starts_with("8999");
}

std::string monthText(int year, int month)
{
    return std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month);
}

}  // namespace

// ---------------------------------------------------------------- budget CSV

Result<ImportSummary> importFinanceBudget(FinanceStore& store, Id federationId, std::string_view csvText,
                                          const std::string& fileName, bool revise)
{
    auto table = parseCsv(csvText, fileName);
    if (!table)
        return table.error();
    const CsvTable& t = *table;
    const auto cLine = t.column({"line", "rad", "radkod", "budgetrad"});
    const auto cName = t.column({"name", "namn", "benämning"});
    const auto cGroup = t.column({"group", "grupp"});
    const auto cUnit = t.column({"unit", "enhet", "budgetenhet"});
    const auto cTeam = t.column({"team", "verksamhet"});
    const auto cMember = t.column({"member", "medlem"});
    const auto cYear = t.column({"year", "år"});
    const auto cAmount = t.column({"amount", "belopp", "budget"});
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kMonths{
        {{"jan", "januari"}, {"feb", "februari"}, {"mar", "mars"}, {"apr", "april"}, {"maj", "may"}, {"jun", "juni"},
         {"jul", "juli"}, {"aug", "augusti"}, {"sep", "september"}, {"okt", "oct"}, {"nov", "november"},
         {"dec", "december"}}};
    std::array<std::optional<std::size_t>, 12> cMonths;
    bool anyMonth = false;
    for (std::size_t m = 0; m < 12; ++m) {
        cMonths[m] = t.column({kMonths[m].first, kMonths[m].second});
        anyMonth = anyMonth || cMonths[m];
    }
    if (!cLine)
        return missingColumn(t, "line");
    if (!cYear)
        return missingColumn(t, "year");
    if (!cAmount && !anyMonth)
        return missingColumn(t, "amount");

    return inTransaction<ImportSummary>(store.database(), [&]() -> Result<ImportSummary> {
        ImportSummary summary{fileName, 0, 0, 0};
        auto existing = store.lines(federationId);
        if (!existing)
            return existing.error();
        std::set<std::string> lines, units;
        for (const auto& l : *existing) {
            lines.insert(l.code);
            units.insert(l.unit);
        }
        std::set<std::pair<std::string, int>> seen;
        for (const auto& row : t.rows) {
            RowReader r(t, row);
            const auto code = r.get(cLine);
            if (code.empty())
                return r.error("line", "budgetradens kod saknas", "required");
            auto year = yearField(r, cYear);
            if (!year)
                return year.error();
            if (!seen.insert({code, *year}).second)
                return r.error("line", "budgetraden '" + code + "' för " + std::to_string(*year) +
                                           " förekommer två gånger i filen");
            if (!lines.count(code)) {
                LineDefinition def;
                def.code = code;
                def.name = r.get(cName);
                def.unit = r.get(cUnit);
                def.team = r.get(cTeam);
                def.member = r.get(cMember);
                if (def.name.empty())
                    return r.error("name", "budgetraden '" + code + "' finns inte – ange dess namn för att skapa den",
                                   "required");
                const auto group = groupFromText(r.get(cGroup));
                if (!group)
                    return r.error("group", "gruppen '" + r.get(cGroup) +
                                                "' är okänd – skriv income/Intäkter, administration/Kansli, "
                                                "operations/Verksamhetsnära kostnader, interventions/Insatser eller "
                                                "financial/Finansiella poster");
                def.group = *group;
                if (def.unit.empty())
                    return r.error("unit", "budgetenhet saknas (t.ex. SAMO för den ordinarie verksamheten)", "required");
                if (!units.count(def.unit)) {
                    if (auto u = store.addUnit(federationId, def.unit, def.unit, false); !u)
                        return r.wrap(u.error());
                    units.insert(def.unit);
                }
                if (auto added = store.addLine(federationId, def); !added)
                    return r.wrap(added.error());
                lines.insert(code);
                ++summary.created;
            } else {
                ++summary.updated;
            }
            std::optional<std::array<Amount, 12>> months;
            Amount total = 0;
            const bool rowHasMonths =
                std::any_of(cMonths.begin(), cMonths.end(), [&](const auto& c) { return !r.get(c).empty(); });
            if (rowHasMonths) {
                months = std::array<Amount, 12>{};
                for (std::size_t m = 0; m < 12; ++m) {
                    auto a = amountField(r, cMonths[m], std::string(kMonths[m].first));
                    if (!a)
                        return a.error();
                    (*months)[m] = *a;
                }
            } else {
                auto a = amountField(r, cAmount, "amount");
                if (!a)
                    return a.error();
                total = *a;
            }
            auto saved = revise ? store.reviseBudget(federationId, code, *year, total, months)
                                : store.setBudget(federationId, code, *year, total, months);
            if (!saved)
                return r.wrap(saved.error());
            ++summary.rows;
        }
        return summary;
    });
}

// --------------------------------------------------------------- utfall CSV

Result<OutcomeImport> importFinanceOutcome(FinanceStore& store, Id federationId, std::string_view csvText,
                                           const std::string& fileName, bool apply)
{
    auto table = parseCsv(csvText, fileName);
    if (!table)
        return table.error();
    const CsvTable& t = *table;
    const auto cLine = t.column({"line", "rad", "radkod", "budgetrad"});
    const auto cYear = t.column({"year", "år"});
    const auto cMonth = t.column({"month", "månad"});
    const auto cPeriod = t.column({"period"});
    const auto cAmount = t.column({"amount", "belopp", "utfall"});
    if (!cLine)
        return missingColumn(t, "line");
    if (!cPeriod && !cYear)
        return missingColumn(t, "year");
    if (!cPeriod && !cMonth)
        return missingColumn(t, "month");
    if (!cAmount)
        return missingColumn(t, "amount");
    auto existing = store.lines(federationId);
    if (!existing)
        return existing.error();
    std::set<std::string> lines;
    for (const auto& l : *existing)
        lines.insert(l.code);

    OutcomeImport out;
    out.file = fileName;
    std::set<std::tuple<std::string, int, int>> seen;
    for (const auto& row : t.rows) {
        RowReader r(t, row);
        const auto code = r.get(cLine);
        if (code.empty())
            return r.error("line", "budgetradens kod saknas", "required");
        if (!lines.count(code))
            return r.error("line", "budgetraden '" + code + "' finns inte – lägg till den först (samkolld finance line)",
                           "not_found");
        int year = 0, month = 0;
        if (cPeriod && !r.get(cPeriod).empty()) {
            // "2026-03" or "202603"
            auto text = r.get(cPeriod);
            std::string digits;
            for (char c : text)
                if (c != '-')
                    digits += c;
            auto v = digits.size() == 6 ? parseInteger(digits) : std::nullopt;
            if (!v || *v / 100 < 1990 || *v / 100 > 2200 || *v % 100 < 1 || *v % 100 > 12)
                return r.error("period", "perioden '" + text + "' ska skrivas ÅÅÅÅ-MM (t.ex. 2026-03)");
            year = static_cast<int>(*v / 100);
            month = static_cast<int>(*v % 100);
        } else {
            auto y = yearField(r, cYear);
            if (!y)
                return y.error();
            year = *y;
            const auto text = r.get(cMonth);
            auto m = parseInteger(text);
            if (!m || *m < 1 || *m > 12)
                return r.error("month", "månaden '" + text + "' ska vara 1–12", text.empty() ? "required" : "invalid_value");
            month = static_cast<int>(*m);
        }
        if (!seen.insert({code, year, month}).second)
            return r.error("line", code + " " + monthText(year, month) + " förekommer två gånger i filen");
        auto amount = amountField(r, cAmount, "amount");
        if (!amount)
            return amount.error();
        out.months.insert({year, month});
        out.cells.push_back({code, year, month, *amount});
    }
    if (out.cells.empty())
        return makeError("empty_file", "file", fileName + " innehåller inga rader med utfall");
    auto changes = store.replaceImportedOutcome(federationId, OutcomeSource::Csv, out.months, out.cells, fileName, apply);
    if (!changes) {
        Error e = changes.error();
        e.where = fileName;
        return e;
    }
    out.changes = std::move(*changes);
    out.applied = apply;
    return out;
}

// ---------------------------------------------------------- account mapping

Result<ImportSummary> importAccountMapping(FinanceStore& store, Id federationId, std::string_view csvText,
                                           const std::string& fileName)
{
    auto table = parseCsv(csvText, fileName);
    if (!table)
        return table.error();
    const CsvTable& t = *table;
    const auto cAccount = t.column({"konto", "konton", "account", "accounts"});
    const auto cDimension = t.column({"dimension", "dim"});
    const auto cObject = t.column({"objekt", "object", "kostnadsställe", "projekt"});
    const auto cLine = t.column({"rad", "line", "radkod", "budgetrad"});
    if (!cLine)
        return missingColumn(t, "rad");
    if (!cAccount && !cObject)
        return missingColumn(t, "konto");
    std::vector<MappingRule> rules;
    for (const auto& row : t.rows) {
        RowReader r(t, row);
        MappingRule rule;
        std::string accounts = r.get(cAccount);
        for (const std::string_view dash : {"–", "—", "-"}) {
            if (auto at = accounts.find(dash); at != std::string::npos) {
                rule.accountFrom = std::string(trim(std::string_view(accounts).substr(0, at)));
                rule.accountTo = std::string(trim(std::string_view(accounts).substr(at + dash.size())));
                break;
            }
        }
        if (rule.accountFrom.empty() && rule.accountTo.empty())
            rule.accountFrom = rule.accountTo = accounts;
        auto digits = [](const std::string& s) {
            return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        if (!accounts.empty() && (!digits(rule.accountFrom) || !digits(rule.accountTo) || rule.accountTo < rule.accountFrom.substr(0, rule.accountTo.size())))
            return r.error("konto", "kontot '" + accounts + "' ska vara ett konto (5010) eller ett intervall (4000-4999)");
        rule.dimension = r.get(cDimension);
        rule.object = r.get(cObject);
        if (!rule.dimension.empty() && rule.object.empty())
            return r.error("objekt", "dimension " + rule.dimension + " utan objekt", "required");
        if (accounts.empty() && rule.object.empty())
            return r.error("konto", "ange konton, ett objekt eller båda", "required");
        rule.line = r.get(cLine);
        if (rule.line.empty())
            return r.error("rad", "budgetraden saknas", "required");
        rules.push_back(std::move(rule));
    }
    if (auto s = store.setMapping(federationId, rules); !s) {
        Error e = s.error();
        e.where = fileName;
        return e;
    }
    return ImportSummary{fileName, static_cast<int>(rules.size()), static_cast<int>(rules.size()), 0};
}

// ---------------------------------------------------------------------- SIE

namespace {

/// Object lists as text: "1:100 6:P1" (the key of a row, and what the user sees).
std::string objectsText(std::span<const sie::ObjectRef> objects)
{
    std::string out;
    for (const auto& o : objects) {
        if (!out.empty())
            out += ' ';
        out.append(o.dimension).append(":").append(o.object);
    }
    return out;
}

/// Collects a SIE file's amounts while it is read: vouchers summed per
/// (account and objects, month), balances per (month, account) with their
/// object rows. Memory grows with accounts × objects × months, not with the file.
class Collector : public sie::Visitor {
public:
    explicit Collector(const AccountMap& map) : m_map(map) {}

    struct Leaf {
        std::string account;
        std::string objects;  ///< as text
        std::optional<std::size_t> rule;
    };
    struct ObjectRow {
        std::vector<std::pair<std::string, std::string>> objects;
        std::int64_t amount = 0;
    };
    struct Balance {
        std::optional<std::int64_t> total;
        std::vector<ObjectRow> rows;
    };
    using BalanceKey = std::tuple<int, int, std::string>;  ///< year, month, account

    Status balance(sie::BalanceKind kind, int, int year, int month, std::string_view account,
                   std::span<const sie::ObjectRef> objects, std::int64_t amount) override
    {
        if (!resultAccount(account))
            return {};
        auto& b = (kind == sie::BalanceKind::Outcome ? m_outcome : m_budget)[{year, month, std::string(account)}];
        if (objects.empty()) {
            b.total = b.total.value_or(0) + amount;
        } else {
            ObjectRow row;
            for (const auto& o : objects)
                row.objects.emplace_back(std::string(o.dimension), std::string(o.object));
            row.amount = amount;
            b.rows.push_back(std::move(row));
        }
        (kind == sie::BalanceKind::Outcome ? m_balanceMonths : m_budgetMonths).insert({year, month});
        return {};
    }

    Status transaction(Date date, std::string_view account, std::span<const sie::ObjectRef> objects,
                       std::int64_t amount) override
    {
        m_voucherMonths.insert({date.year, date.month});
        if (!resultAccount(account))
            return {};
        m_key.assign(account);
        for (const auto& o : objects) {
            m_key += '\x1f';
            m_key.append(o.dimension).append("\x1e").append(o.object);
        }
        auto [it, fresh] = m_leafIndex.try_emplace(m_key, m_leaves.size());
        if (fresh) {
            m_keys.clear();
            for (const auto& o : objects)
                m_keys.push_back({o.dimension, o.object});
            m_leaves.push_back({std::string(account), objectsText(objects), m_map.ruleFor(account, m_keys)});
        }
        const auto slot = static_cast<std::uint64_t>(it->second) * 1'000'000u +
                          static_cast<std::uint64_t>(date.year * 100 + date.month);
        m_voucherSums[slot] += amount;
        return {};
    }

    const AccountMap& m_map;
    std::map<BalanceKey, Balance> m_outcome, m_budget;
    std::set<YearMonth> m_balanceMonths, m_budgetMonths, m_voucherMonths;
    std::vector<Leaf> m_leaves;
    std::unordered_map<std::string, std::size_t> m_leafIndex;
    std::unordered_map<std::uint64_t, std::int64_t> m_voucherSums;

private:
    std::string m_key;
    std::vector<ObjectKey> m_keys;
};

/// Sums per (line, month) and the omappat per account, in Samkoll's signs.
struct Mapped {
    std::map<std::tuple<std::string, int, int>, Amount> cells;
    std::map<std::pair<std::string, std::string>, Amount> unmapped;  ///< (account, objects) → amount

    void add(const AccountMap& map, std::optional<std::size_t> rule, const std::string& account,
             const std::string& objects, int year, int month, std::int64_t sieAmount)
    {
        if (rule)
            cells[{map.rule(*rule).line, year, month}] -= sieAmount;
        else
            unmapped[{account, objects}] -= sieAmount;
    }
};

/// A month's balance of one account: object rules take their object rows,
/// the account rule the total less what they took (domain.md §6: the total
/// and the object rows are never both added).
void mapBalance(const AccountMap& map, const std::string& account, int year, int month, const Collector::Balance& b,
                Mapped& out)
{
    bool anySingle = std::any_of(b.rows.begin(), b.rows.end(), [](const auto& r) { return r.objects.size() == 1; });
    struct Match {
        const Collector::ObjectRow* row;
        std::size_t rule;
        std::string dimension;
    };
    std::vector<Match> matches;
    std::vector<ObjectKey> keys;
    for (const auto& row : b.rows) {
        if ((row.objects.size() == 1) != anySingle)
            continue;
        keys.clear();
        for (const auto& [d, o] : row.objects)
            keys.push_back({d, o});
        auto rule = map.ruleFor(account, keys);
        if (!rule || !map.rule(*rule).usesObject())
            continue;
        matches.push_back({&row, *rule, anySingle ? row.objects.front().first : std::string()});
    }
    // Rows of different dimensions each add up to the account's total: keep one dimension.
    if (anySingle && !matches.empty()) {
        const auto first = std::min_element(matches.begin(), matches.end(),
                                            [&](const Match& a, const Match& c) { return map.rank(a.rule) < map.rank(c.rule); });
        const std::string dimension = first->dimension;
        std::erase_if(matches, [&](const Match& m) { return m.dimension != dimension; });
    }
    std::int64_t taken = 0;
    for (const auto& m : matches) {
        out.add(map, m.rule, account, "", year, month, m.row->amount);
        taken += m.row->amount;
    }
    std::int64_t total = 0;
    if (b.total) {
        total = *b.total;
    } else if (!b.rows.empty()) {
        // No total row: the rows of one dimension (or all multi-object rows) make it up.
        const std::string dimension = anySingle ? std::find_if(b.rows.begin(), b.rows.end(), [](const auto& r) {
                                                      return r.objects.size() == 1;
                                                  })->objects.front().first
                                                : std::string();
        for (const auto& row : b.rows)
            if (anySingle ? (row.objects.size() == 1 && row.objects.front().first == dimension) : true)
                total += row.amount;
    }
    if (total - taken != 0)
        out.add(map, map.accountRuleFor(account), account, "", year, month, total - taken);
}

}  // namespace

Result<SieImport> importSie(FinanceStore& store, Id federationId, std::istream& in, const std::string& fileName,
                            const SieOptions& options)
{
    auto rules = store.mapping(federationId);
    if (!rules)
        return rules.error();
    if (rules->empty())
        return makeError("no_mapping", "mapping",
                         "förbundet har ingen kontomappning ännu – ange vilka konton och objekt som hör till vilken "
                         "budgetrad under Kontomappning på kansliets sida Läs in utfall (eller samkolld finance "
                         "mapping --file FIL, se docs/formats.md), och läs sedan in filen igen");
    const AccountMap map(std::move(*rules));
    Collector collector(map);
    auto info = sie::read(in, fileName, collector);
    if (!info)
        return info.error();

    SieImport result;
    result.file = std::move(*info);
    result.outcome.file = fileName;
    Mapped mapped;
    // Per fiscal year: its vouchers when it has any, else its #PSALDO; the
    // import covers the year's months from its start to its last month with data.
    auto inYear = [](const sie::FiscalYear& fy, const YearMonth& ym) {
        const Date d{ym.first, ym.second, 1};
        return d >= Date{fy.start.year, fy.start.month, 1} && d <= fy.end;
    };
    std::set<YearMonth> voucherMonthsUsed;
    for (const auto& fy : result.file.years) {
        std::optional<YearMonth> last;
        bool vouchers = false;
        for (const auto& ym : collector.m_voucherMonths)
            if (inYear(fy, ym)) {
                vouchers = true;
                last = std::max(last.value_or(ym), ym);
            }
        if (!vouchers)
            for (const auto& ym : collector.m_balanceMonths)
                if (inYear(fy, ym))
                    last = std::max(last.value_or(ym), ym);
        if (!last)
            continue;
        result.fromVouchers = result.fromVouchers || vouchers;
        for (YearMonth ym{fy.start.year, fy.start.month}; ym <= *last;
             ym = ym.second == 12 ? YearMonth{ym.first + 1, 1} : YearMonth{ym.first, ym.second + 1}) {
            result.outcome.months.insert(ym);
            if (vouchers)
                voucherMonthsUsed.insert(ym);
        }
    }
    // Months of a locked (fastställt) year are left as they are.
    std::set<int> lockedYears;
    {
        Repository repo(store.database());
        for (const auto& [y, m] : result.outcome.months)
            if (!lockedYears.count(y) && repo.isLocked(federationId, y))
                lockedYears.insert(y);
    }
    std::erase_if(result.outcome.months, [&](const YearMonth& ym) { return lockedYears.count(ym.first) > 0; });
    result.lockedYears.assign(lockedYears.begin(), lockedYears.end());
    if (result.outcome.months.empty())
        return makeError("locked_period", "file",
                         lockedYears.empty() ? fileName + " innehåller inget utfall"
                                             : fileName + " innehåller bara utfall för fastställda (låsta) år");

    for (const auto& [slot, amount] : collector.m_voucherSums) {
        const auto& leaf = collector.m_leaves[slot / 1'000'000u];
        const int ym = static_cast<int>(slot % 1'000'000u);
        if (!result.outcome.months.count({ym / 100, ym % 100}))
            continue;
        mapped.add(map, leaf.rule, leaf.account, leaf.objects, ym / 100, ym % 100, amount);
    }
    for (const auto& [key, b] : collector.m_outcome) {
        const auto& [year, month, account] = key;
        if (voucherMonthsUsed.count({year, month}) || !result.outcome.months.count({year, month}))
            continue;
        mapBalance(map, account, year, month, b, mapped);
    }
    for (const auto& [key, amount] : mapped.cells)
        result.outcome.cells.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), amount});
    for (const auto& [key, amount] : mapped.unmapped)
        if (amount != 0)
            result.unmapped.push_back({key.first, result.file.accountName(key.first), key.second, amount});

    // #PBUDGET → the lines' monthly budget for fiscal year 0 (a calendar year).
    std::map<std::string, std::array<Amount, 12>> budgets;
    int budgetYear = 0;
    if (options.budget) {
        const auto* fy = result.file.year(0);
        if (!fy || fy->start.month != 1 || fy->start.day != 1 || fy->end.year != fy->start.year || fy->end.month != 12)
            return makeError("invalid_value", "budget",
                             "budget ur SIE kräver att räkenskapsåret är ett kalenderår; ange budgeten med "
                             "samkolld finance import-budget i stället");
        budgetYear = fy->start.year;
        Mapped budgetMapped;
        for (const auto& [key, b] : collector.m_budget) {
            const auto& [year, month, account] = key;
            if (year == budgetYear)
                mapBalance(map, account, year, month, b, budgetMapped);
        }
        for (const auto& [key, amount] : budgetMapped.cells)
            budgets[std::get<0>(key)][static_cast<std::size_t>(std::get<2>(key) - 1)] += amount;
        for (const auto& [line, months] : budgets)
            result.budgetLines.push_back(line);
    }

    auto write = [&]() -> Status {
        auto changes = store.replaceImportedOutcome(federationId, OutcomeSource::Sie, result.outcome.months,
                                                    result.outcome.cells, fileName, options.apply);
        if (!changes)
            return changes.error();
        result.outcome.changes = std::move(*changes);
        if (options.apply)
            for (const auto& [line, months] : budgets)
                if (auto s = store.setBudget(federationId, line, budgetYear, 0, months); !s)
                    return s;
        return {};
    };
    auto done = options.apply ? inTransaction<void>(store.database(), write) : write();
    if (!done) {
        Error e = done.error();
        if (e.where.empty())
            e.where = fileName;
        return e;
    }
    result.outcome.applied = options.apply;
    return result;
}

// ------------------------------------------------------------- descriptions

std::string describeOutcomeImport(const OutcomeImport& import)
{
    std::string out;
    if (!import.months.empty())
        out += "Period: " + monthText(import.months.begin()->first, import.months.begin()->second) + " – " +
               monthText(import.months.rbegin()->first, import.months.rbegin()->second) + " (" +
               std::to_string(import.months.size()) + " månader)\n";
    std::map<std::pair<std::string, int>, Amount> perLine;
    for (const auto& c : import.cells)
        perLine[{c.line, c.year}] += c.amount;
    out += "Utfall per budgetrad och år (kr):\n";
    for (const auto& [key, amount] : perLine)
        out += "  " + padRight(key.first, 14) + std::to_string(key.second) + padLeft(kronorText(amount), 16) + "\n";
    if (import.changes.empty()) {
        out += "Inga ändringar mot förra importen av samma period.\n";
    } else {
        out += std::to_string(import.changes.size()) + " belopp " + (import.applied ? "ändrades" : "ändras") + ":\n";
        for (const auto& c : import.changes)
            out += "  " + padRight(c.line, 14) + monthText(c.year, c.month) + "  " + padLeft(kronorText(c.before), 14) +
                   " → " + padLeft(kronorText(c.after), 14) + "\n";
    }
    out += import.applied ? "Utfallet är sparat.\n" : "Förhandsvisning – inget har sparats.\n";
    return out;
}

std::string describeSieImport(const SieImport& import)
{
    const auto& f = import.file;
    std::string out = import.outcome.file + ": SIE typ " + (f.type ? std::to_string(f.type) : std::string("?")) +
                      ", teckenkodning " + f.encoding +
                      (f.checksumVerified ? ", kontrollsumman stämmer" : ", utan kontrollsumma") + "\n";
    if (!f.company.empty())
        out += "Företag: " + f.company + (f.organisationNumber.empty() ? "" : " (" + f.organisationNumber + ")") + "\n";
    if (!f.program.empty())
        out += "Program: " + f.program + "\n";
    for (const auto& y : f.years)
        out += "Räkenskapsår " + std::to_string(y.index) + ": " + y.start.iso() + " – " + y.end.iso() + "\n";
    out += import.fromVouchers ? "Utfallet summeras ur " + formatInteger(f.vouchers) + " verifikationer (" +
                                     formatInteger(f.transactions) + " rader).\n"
                               : "Utfallet läses ur periodsaldon (" + formatInteger(f.balances) + " rader).\n";
    for (int y : import.lockedYears)
        out += std::to_string(y) + " är fastställt och låst – filens utfall för det året lästes inte in.\n";
    out += describeOutcomeImport(import.outcome);
    if (!import.unmapped.empty()) {
        Amount sum = 0;
        for (const auto& u : import.unmapped)
            sum += u.amount;
        const auto n = import.unmapped.size();
        out += "Omappat: " + kronorText(sum) + " kr på " + std::to_string(n) + (n == 1 ? " konto" : " konton") +
               " som ingen budgetrad tar – lägg till i mappningen (samkolld finance mapping):\n";
        for (const auto& u : import.unmapped)
            out += "  " + padRight(u.account + (u.objects.empty() ? "" : " {" + u.objects + "}"), 22) +
                   padRight(u.name, 30) + padLeft(kronorText(u.amount), 14) + "\n";
    }
    if (!import.budgetLines.empty())
        out += "Månadsbudget ur #PBUDGET för " + std::to_string(import.budgetLines.size()) + " budgetrader.\n";
    return out;
}

json outcomeImportToJson(const OutcomeImport& import)
{
    json months = json::array();
    for (const auto& [y, m] : import.months)
        months.push_back({{"year", y}, {"month", m}});
    json changes = json::array();
    for (const auto& c : import.changes)
        changes.push_back({{"line", c.line}, {"year", c.year}, {"month", c.month}, {"before", c.before}, {"after", c.after}});
    return {{"file", import.file}, {"months", months}, {"changes", changes}, {"applied", import.applied}};
}

json sieImportToJson(const SieImport& import)
{
    const auto& f = import.file;
    json years = json::array();
    for (const auto& y : f.years)
        years.push_back({{"index", y.index}, {"start", y.start.iso()}, {"end", y.end.iso()}});
    json unmapped = json::array();
    for (const auto& u : import.unmapped)
        unmapped.push_back({{"account", u.account}, {"name", u.name}, {"objects", u.objects}, {"amount", u.amount}});
    json out = outcomeImportToJson(import.outcome);
    out.update({{"type", f.type},
                {"encoding", f.encoding},
                {"company", f.company},
                {"organisation_number", f.organisationNumber},
                {"checksum_verified", f.checksumVerified},
                {"fiscal_years", years},
                {"from_vouchers", import.fromVouchers},
                {"unmapped", unmapped},
                {"budget_lines", import.budgetLines},
                {"locked_years", import.lockedYears}});
    return out;
}

json mappingToJson(const std::vector<finance::MappingRule>& rules)
{
    json out = json::array();
    for (const auto& r : rules)
        out.push_back({{"account_from", r.accountFrom},
                       {"account_to", r.accountTo},
                       {"dimension", r.dimension},
                       {"object", r.object},
                       {"line", r.line}});
    return out;
}

Result<std::vector<finance::MappingRule>> mappingFromJson(const json& rules)
{
    if (!rules.is_array())
        return makeError("invalid_value", "rules", "rules ska vara en lista av regler");
    std::vector<finance::MappingRule> out;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string at = "rules[" + std::to_string(i) + "]";
        const auto& r = rules[i];
        if (!r.is_object())
            return makeError("invalid_value", at, "en regel ska vara ett objekt");
        finance::MappingRule rule;
        for (auto [key, target] : {std::pair{"account_from", &rule.accountFrom}, std::pair{"account_to", &rule.accountTo},
                                   std::pair{"dimension", &rule.dimension}, std::pair{"object", &rule.object},
                                   std::pair{"line", &rule.line}}) {
            if (!r.contains(key) || r[key].is_null())
                continue;
            if (!r[key].is_string() || r[key].get_ref<const std::string&>().size() > 40)
                return makeError("invalid_value", at + "." + key, std::string(key) + " ska vara en text på högst 40 tecken");
            *target = std::string(trim(r[key].get_ref<const std::string&>()));
        }
        if (rule.line.empty())
            return makeError("required", at + ".line", "ange vilken budgetrad regeln ger");
        if (rule.accountFrom.empty() && rule.object.empty())
            return makeError("required", at + ".account_from", "ange konton eller ett objekt");
        if (!rule.object.empty() && rule.dimension.empty())
            return makeError("required", at + ".dimension", "ett objekt behöver sin dimension (t.ex. 1 för kostnadsställe)");
        out.push_back(std::move(rule));
    }
    return out;
}

}  // namespace samkoll::core
