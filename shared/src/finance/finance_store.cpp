// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/finance/finance_store.hpp"

#include <map>
#include <tuple>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "samkoll/store/repository.hpp"

namespace samkoll::core::finance {

namespace {

struct GroupTerm {
    LineGroup group;
    std::string_view code;
    std::string_view label;
    std::string_view english;
};

constexpr GroupTerm kGroups[] = {
    {LineGroup::Income, "income", "Intäkter", "Income"},
    {LineGroup::Administration, "administration", "Kansli, styrelse och administration",
     "Central office, board and administration"},
    {LineGroup::Operations, "operations", "Verksamhetsnära kostnader", "Operating costs"},
    {LineGroup::Interventions, "interventions", "Insatser", "Interventions"},
    {LineGroup::Financial, "financial", "Finansiella poster", "Financial items"},
};

/// The column of line_outcome that holds what a source gave.
std::string_view sourceCode(OutcomeSource s)
{
    switch (s) {
    case OutcomeSource::Csv:
        return "csv";
    case OutcomeSource::Sie:
        return "sie";
    case OutcomeSource::Entered:
        break;
    }
    return "entered";
}

/// A month's utfall: the entered amount, else SIE's, else CSV's (see OutcomeSource).
constexpr const char* kEffective = "coalesce(entered, sie, csv)";

}  // namespace

Result<EquityRule> parseEquityRule(std::string_view text)
{
    auto bad = [](const std::string& what) {
        return makeError("invalid_value", "equity_rule",
                         what + " – skriv {\"tiers\":[{\"from\":0,\"to\":7000000,\"percent\":20},"
                                "{\"from\":7000000,\"percent\":15}],\"applies_up_to\":15000000} (kronor)");
    };
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("tiers") || !j["tiers"].is_array() || j["tiers"].empty())
        return bad("trappan ska vara JSON med minst ett steg");
    auto kronorOf = [](const nlohmann::json& v) -> std::optional<Amount> {
        if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 10'000'000'000)
            return std::nullopt;
        return kronor(v.get<std::int64_t>());
    };
    EquityRule rule;
    Amount previous = 0;
    for (const auto& t : j["tiers"]) {
        if (!t.is_object() || !t.contains("from") || !t.contains("percent"))
            return bad("varje steg behöver from och percent");
        const auto from = kronorOf(t["from"]);
        if (!from || *from < previous)
            return bad("stegens from ska vara kronor i stigande ordning");
        EquityTier tier{*from, std::nullopt, 0};
        if (t.contains("to") && !t["to"].is_null()) {
            const auto to = kronorOf(t["to"]);
            if (!to || *to <= *from)
                return bad("ett stegs to ska vara större än dess from");
            tier.to = to;
        }
        if (!t["percent"].is_number_integer() || t["percent"].get<int>() < 0 || t["percent"].get<int>() > 100)
            return bad("percent ska vara 0–100");
        tier.percent = t["percent"].get<int>();
        previous = tier.to.value_or(*from);
        rule.tiers.push_back(tier);
    }
    const auto limit = j.contains("applies_up_to") ? kronorOf(j["applies_up_to"]) : std::nullopt;
    if (!limit)
        return bad("applies_up_to (den största tilldelning trappan gäller för) saknas");
    rule.appliesUpTo = *limit;
    return rule;
}

std::string equityRuleToJson(const EquityRule& rule)
{
    nlohmann::json tiers = nlohmann::json::array();
    for (const auto& t : rule.tiers) {
        nlohmann::json tier{{"from", toKronor(t.from)}, {"percent", t.percent}};
        if (t.to)
            tier["to"] = toKronor(*t.to);
        tiers.push_back(tier);
    }
    return nlohmann::json{{"tiers", tiers}, {"applies_up_to", toKronor(rule.appliesUpTo)}}.dump();
}

std::string_view codeOf(LineGroup g)
{
    return kGroups[static_cast<int>(g)].code;
}

std::string_view labelOf(LineGroup g, Language language)
{
    const auto& term = kGroups[static_cast<int>(g)];
    return say(language, term.label, term.english);
}

std::optional<LineGroup> parseLineGroup(std::string_view text)
{
    for (const auto& g : kGroups)
        if (text == g.code || text == g.label)
            return g.group;
    return std::nullopt;
}

Status FinanceStore::checkUnlocked(Id federationId, int year, const std::string& field)
{
    auto st = m_db.cached("SELECT 1 FROM period_lock WHERE federation_id = ? AND year = ?");
    st->bind(1, federationId).bind(2, year);
    if (st->step())
        return lockedError(year, field);
    return {};
}

Result<Id> FinanceStore::lineId(Id federationId, const std::string& code, const std::string& field)
{
    auto st = m_db.cached("SELECT id FROM budget_line WHERE federation_id = ? AND code = ?");
    st->bind(1, federationId).bind(2, code);
    if (!st->step())
        return makeError("not_found", field, "budgetraden '" + code + "' finns inte – lägg till den först");
    return st->integer(0);
}

void FinanceStore::touch(Id federationId, const std::string& part)
{
    m_db.cached("INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (?, NULL, 'finance', ?)")
        ->bind(1, federationId)
        .bind(2, "finance:" + part)
        .run();
}

Result<Id> FinanceStore::addUnit(Id federationId, const std::string& code, const std::string& name, bool netBudgeted)
{
    if (code.empty() || name.empty())
        return makeError("required", code.empty() ? "code" : "name", "ange kod och namn för budgetenheten");
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        try {
            m_db.prepare("INSERT INTO budget_unit (federation_id, code, name, net_budgeted) VALUES (?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, code)
                .bind(3, name)
                .bind(4, netBudgeted ? 1 : 0)
                .run();
        } catch (const StoreError& e) {
            if (e.isUniqueViolation())
                return makeError("duplicate", "code", "budgetenheten '" + code + "' finns redan");
            throw;
        }
        const Id id = m_db.lastInsertId();
        touch(federationId, "definitions");
        return id;
    });
}

Result<FinanceStore::LineRefs> FinanceStore::lineRefs(Id federationId, const LineDefinition& line)
{
    auto idOf = [&](const char* table, const std::string& code) -> std::optional<Id> {
        auto st = m_db.cached(std::string("SELECT id FROM ") + table + " WHERE federation_id = ? AND code = ?");
        st->bind(1, federationId).bind(2, code);
        if (!st->step())
            return std::nullopt;
        return st->integer(0);
    };
    LineRefs refs;
    const auto unit = idOf("budget_unit", line.unit);
    if (!unit)
        return makeError("not_found", "unit",
                         "budgetenheten '" + line.unit + "' finns inte – lägg till den med samkolld finance unit");
    refs.unit = *unit;
    if (!line.team.empty() && !(refs.team = idOf("team", line.team)))
        return makeError("not_found", "team", "teamet '" + line.team + "' finns inte i förbundet – ange ett teams kod");
    if (!line.member.empty() && !(refs.member = idOf("member", line.member)))
        return makeError("not_found", "member",
                         "medlemmen '" + line.member + "' finns inte i förbundet – ange en medlems kod");
    return refs;
}

Result<Id> FinanceStore::addLine(Id federationId, const LineDefinition& line)
{
    if (line.code.empty() || line.name.empty())
        return makeError("required", line.code.empty() ? "code" : "name", "ange kod och namn för budgetraden");
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        auto refs = lineRefs(federationId, line);
        if (!refs)
            return refs.error();
        try {
            m_db.prepare(
                    "INSERT INTO budget_line (federation_id, unit_id, code, name, line_group, team_id, member_id, position) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT ifnull(max(position), 0) + 1 FROM budget_line WHERE federation_id = ?1))")
                .bind(1, federationId)
                .bind(2, refs->unit)
                .bind(3, line.code)
                .bind(4, line.name)
                .bind(5, codeOf(line.group))
                .bind(6, refs->team)
                .bind(7, refs->member)
                .run();
        } catch (const StoreError& e) {
            if (e.isUniqueViolation())
                return makeError("duplicate", "code", "budgetraden '" + line.code + "' finns redan");
            throw;
        }
        const Id id = m_db.lastInsertId();
        touch(federationId, "definitions");
        return id;
    });
}

Status FinanceStore::saveLine(Id federationId, const LineDefinition& line)
{
    if (line.code.empty() || line.name.empty())
        return makeError("required", line.code.empty() ? "code" : "name", "ange kod och namn för budgetraden");
    return inTransaction<void>(m_db, [&]() -> Status {
        auto existing = m_db.prepare("SELECT id FROM budget_line WHERE federation_id = ? AND code = ?");
        existing.bind(1, federationId).bind(2, line.code);
        const std::optional<Id> id = existing.step() ? std::optional<Id>(existing.integer(0)) : std::nullopt;
        existing.reset();
        // A unit that does not exist yet is created with its code as name.
        if (auto refs = lineRefs(federationId, line); !refs && refs.error().field == "unit")
            if (auto added = addUnit(federationId, line.unit, line.unit, false); !added)
                return added.error();
        if (!id) {
            auto added = addLine(federationId, line);
            return added ? Status{} : Status{added.error()};
        }
        auto refs = lineRefs(federationId, line);
        if (!refs)
            return refs.error();
        m_db.prepare("UPDATE budget_line SET name = ?, line_group = ?, unit_id = ?, team_id = ?, member_id = ? WHERE id = ?")
            .bind(1, line.name)
            .bind(2, codeOf(line.group))
            .bind(3, refs->unit)
            .bind(4, refs->team)
            .bind(5, refs->member)
            .bind(6, *id)
            .run();
        touch(federationId, "definitions");
        return {};
    });
}

Result<std::vector<LineDefinition>> FinanceStore::lines(Id federationId)
{
    return guarded<std::vector<LineDefinition>>([&]() -> Result<std::vector<LineDefinition>> {
        std::vector<LineDefinition> out;
        auto st = m_db.prepare(
            "SELECT l.code, l.name, l.line_group, u.code, ifnull(t.code, ''), ifnull(m.code, '') FROM budget_line l "
            "JOIN budget_unit u ON u.id = l.unit_id LEFT JOIN team t ON t.id = l.team_id "
            "LEFT JOIN member m ON m.id = l.member_id WHERE l.federation_id = ? ORDER BY l.position");
        st.bind(1, federationId);
        while (st.step())
            out.push_back({st.text(0), st.text(1), parseLineGroup(st.view(2)).value_or(LineGroup::Administration),
                           st.text(3), st.text(4), st.text(5)});
        return out;
    });
}

Status FinanceStore::writeBudget(Id federationId, const std::string& lineCode, int year, Amount yearAmount,
                                 const std::optional<std::array<Amount, 12>>& months, bool newVersion)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkUnlocked(federationId, year, "budget"); !s)
            return s;
        auto line = lineId(federationId, lineCode);
        if (!line)
            return line.error();
        auto current = m_db.prepare(
            "SELECT ifnull(max(version), 0) FROM line_budget WHERE federation_id = ? AND year = ? AND line_id = ?");
        current.bind(1, federationId).bind(2, year).bind(3, *line);
        current.step();
        const std::int64_t inForce = current.integer(0);
        const std::int64_t version = newVersion || inForce == 0 ? inForce + 1 : inForce;
        m_db.prepare("DELETE FROM line_budget WHERE federation_id = ? AND year = ? AND line_id = ? AND version = ?")
            .bind(1, federationId)
            .bind(2, year)
            .bind(3, *line)
            .bind(4, version)
            .run();
        Amount total = yearAmount;
        if (months) {
            total = 0;
            for (Amount m : *months)
                total += m;
        }
        auto insert = m_db.prepare(
            "INSERT INTO line_budget (federation_id, year, line_id, version, month, amount) VALUES (?, ?, ?, ?, ?, ?)");
        auto put = [&](int month, Amount amount) {
            insert.bind(1, federationId).bind(2, year).bind(3, *line).bind(4, version).bind(5, month).bind(6, amount).run();
        };
        put(0, total);
        if (months)
            for (int m = 1; m <= 12; ++m)
                put(m, (*months)[static_cast<std::size_t>(m - 1)]);
        touch(federationId, std::to_string(year));
        return {};
    });
}

Status FinanceStore::setBudget(Id federationId, const std::string& lineCode, int year, Amount yearAmount,
                               const std::optional<std::array<Amount, 12>>& months)
{
    return writeBudget(federationId, lineCode, year, yearAmount, months, false);
}

Status FinanceStore::reviseBudget(Id federationId, const std::string& lineCode, int year, Amount yearAmount,
                                  const std::optional<std::array<Amount, 12>>& months)
{
    return writeBudget(federationId, lineCode, year, yearAmount, months, true);
}

Status FinanceStore::setOutcome(Id federationId, const std::string& lineCode, int year, int month, Amount amount,
                                OutcomeSource source)
{
    if (month < 1 || month > 12)
        return makeError("invalid_value", "month", "månaden ska vara 1–12");
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkUnlocked(federationId, year, "outcome"); !s)
            return s;
        auto line = lineId(federationId, lineCode);
        if (!line)
            return line.error();
        const std::string column(sourceCode(source));
        m_db.prepare("INSERT INTO line_outcome (federation_id, year, line_id, month, " + column + ") VALUES (?, ?, ?, ?, ?) "
                     "ON CONFLICT (federation_id, year, line_id, month) DO UPDATE SET " + column + " = excluded." + column)
            .bind(1, federationId)
            .bind(2, year)
            .bind(3, *line)
            .bind(4, month)
            .bind(5, amount)
            .run();
        touch(federationId, std::to_string(year));
        return {};
    });
}

Status FinanceStore::clearOutcome(Id federationId, const std::string& lineCode, int year, int month, OutcomeSource source)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkUnlocked(federationId, year, "outcome"); !s)
            return s;
        auto line = lineId(federationId, lineCode);
        if (!line)
            return line.error();
        const std::string column(sourceCode(source));
        m_db.prepare("UPDATE line_outcome SET " + column + " = NULL WHERE federation_id = ? AND year = ? AND line_id = ? AND month = ?")
            .bind(1, federationId)
            .bind(2, year)
            .bind(3, *line)
            .bind(4, month)
            .run();
        m_db.prepare("DELETE FROM line_outcome WHERE federation_id = ? AND year = ? AND line_id = ? AND month = ? "
                     "AND entered IS NULL AND sie IS NULL AND csv IS NULL")
            .bind(1, federationId)
            .bind(2, year)
            .bind(3, *line)
            .bind(4, month)
            .run();
        touch(federationId, std::to_string(year));
        return {};
    });
}

Status FinanceStore::setForecast(Id federationId, const std::string& lineCode, int year, std::optional<Amount> amount)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkUnlocked(federationId, year, "forecast"); !s)
            return s;
        auto line = lineId(federationId, lineCode);
        if (!line)
            return line.error();
        if (!amount) {
            m_db.prepare("DELETE FROM line_forecast WHERE federation_id = ? AND year = ? AND line_id = ?")
                .bind(1, federationId)
                .bind(2, year)
                .bind(3, *line)
                .run();
            touch(federationId, std::to_string(year));
            return {};
        }
        m_db.prepare("INSERT INTO line_forecast (federation_id, year, line_id, amount) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (federation_id, year, line_id) DO UPDATE SET amount = excluded.amount")
            .bind(1, federationId)
            .bind(2, year)
            .bind(3, *line)
            .bind(4, *amount)
            .run();
        touch(federationId, std::to_string(year));
        return {};
    });
}

Result<std::optional<Amount>> FinanceStore::entered(Id federationId, Entered what, const std::string& lineCode,
                                                   int year, int month)
{
    return guarded<std::optional<Amount>>([&]() -> Result<std::optional<Amount>> {
        std::optional<Id> line;
        if (what != Entered::OpeningEquity) {
            auto id = lineId(federationId, lineCode);
            if (!id)
                return id.error();
            line = *id;
        }
        const char* sql = nullptr;
        switch (what) {
        case Entered::Outcome:
            sql = "SELECT entered FROM line_outcome WHERE federation_id = ?1 AND year = ?2 AND line_id = ?3 AND month = ?4";
            break;
        case Entered::Forecast:
            sql = "SELECT amount FROM line_forecast WHERE federation_id = ?1 AND year = ?2 AND line_id = ?3";
            break;
        case Entered::Budget:
            sql = "SELECT amount FROM line_budget WHERE federation_id = ?1 AND year = ?2 AND line_id = ?3 AND month = 0 "
                  "ORDER BY version DESC LIMIT 1";
            break;
        case Entered::OpeningEquity:
            sql = "SELECT amount FROM opening_equity WHERE federation_id = ?1 AND year = ?2";
            break;
        }
        auto st = m_db.prepare(sql);
        st.bind(1, federationId).bind(2, year);
        if (line)
            st.bind(3, *line);
        if (what == Entered::Outcome)
            st.bind(4, month);
        if (!st.step() || st.isNull(0))
            return std::optional<Amount>();
        return std::optional<Amount>(st.integer(0));
    });
}

Status FinanceStore::setOpeningEquity(Id federationId, int year, Amount amount)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkUnlocked(federationId, year, "equity"); !s)
            return s;
        m_db.prepare("INSERT INTO opening_equity (federation_id, year, amount) VALUES (?, ?, ?) "
                     "ON CONFLICT (federation_id, year) DO UPDATE SET amount = excluded.amount")
            .bind(1, federationId)
            .bind(2, year)
            .bind(3, amount)
            .run();
        touch(federationId, std::to_string(year));
        return {};
    });
}

Status FinanceStore::setSetting(Id federationId, const std::string& key, const Date& validFrom, const std::string& value)
{
    if (key == kEquityRuleSetting) {
        if (auto rule = parseEquityRule(value); !rule)
            return rule.error();
    } else if (key == kMemberKeySetting) {
        if (value != "population_20_64" && value != "equal")
            return makeError("invalid_value", "value", "fördelningsnyckeln ska vara population_20_64 eller equal");
    } else {
        return makeError("invalid_value", "key",
                         "okänd inställning '" + key + "' – " + kEquityRuleSetting + " eller " + kMemberKeySetting);
    }
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkUnlocked(federationId, validFrom.year, "valid_from"); !s)
            return s;
        m_db.prepare("INSERT INTO finance_setting (federation_id, key, valid_from, value) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (federation_id, key, valid_from) DO UPDATE SET value = excluded.value")
            .bind(1, federationId)
            .bind(2, key)
            .bind(3, validFrom.iso())
            .bind(4, value)
            .run();
        touch(federationId, "settings");
        return {};
    });
}

Result<std::optional<std::string>> FinanceStore::setting(Id federationId, const std::string& key, const Date& day)
{
    return guarded<std::optional<std::string>>([&]() -> Result<std::optional<std::string>> {
        auto st = m_db.cached("SELECT value FROM finance_setting WHERE federation_id = ? AND key = ? AND valid_from <= ? "
                              "ORDER BY valid_from DESC LIMIT 1");
        st->bind(1, federationId).bind(2, key).bind(3, day.iso());
        if (!st->step())
            return std::optional<std::string>();
        return std::optional<std::string>(st->text(0));
    });
}

Result<EquityRule> FinanceStore::equityRule(Id federationId, int year)
{
    auto value = setting(federationId, kEquityRuleSetting, Date{year, 12, 31});
    if (!value)
        return value.error();
    if (!*value)
        return EquityRule::nationalCouncil2024();
    return parseEquityRule(**value);
}

Status FinanceStore::setMapping(Id federationId, const std::vector<MappingRule>& rules)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        m_db.prepare("DELETE FROM account_mapping WHERE federation_id = ?").bind(1, federationId).run();
        auto insert = m_db.prepare(
            "INSERT INTO account_mapping (federation_id, position, account_from, account_to, dimension, object, line_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        int position = 0;
        for (const auto& r : rules) {
            if (r.accountFrom.empty() && r.object.empty())
                return makeError("required", "account", "en regel behöver konton, ett objekt eller båda (rad " +
                                                            std::to_string(position + 1) + ")");
            auto line = lineId(federationId, r.line, "line");
            if (!line)
                return line.error();
            insert.bind(1, federationId)
                .bind(2, ++position)
                .bind(3, r.accountFrom)
                .bind(4, r.accountTo.empty() ? r.accountFrom : r.accountTo)
                .bind(5, r.dimension)
                .bind(6, r.object)
                .bind(7, *line)
                .run();
        }
        return {};
    });
}

Result<std::vector<MappingRule>> FinanceStore::mapping(Id federationId)
{
    return guarded<std::vector<MappingRule>>([&]() -> Result<std::vector<MappingRule>> {
        std::vector<MappingRule> out;
        auto st = m_db.prepare(
            "SELECT m.account_from, m.account_to, m.dimension, m.object, l.code FROM account_mapping m "
            "JOIN budget_line l ON l.id = m.line_id WHERE m.federation_id = ? ORDER BY m.position");
        st.bind(1, federationId);
        while (st.step())
            out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4)});
        return out;
    });
}

Result<std::vector<OutcomeChange>> FinanceStore::replaceImportedOutcome(Id federationId, OutcomeSource source,
                                                                         const std::set<YearMonth>& months,
                                                                         const std::vector<OutcomeCell>& cells,
                                                                         const std::string& fileName, bool apply)
{
    if (source == OutcomeSource::Entered)
        return makeError("invalid_value", "source", "en import ersätter importerat utfall, inte inmatat");
    const std::string column(sourceCode(source));
    auto body = [&]() -> Result<std::vector<OutcomeChange>> {
        std::set<int> years;
        for (const auto& [y, m] : months)
            years.insert(y);
        for (int y : years)
            if (auto s = checkUnlocked(federationId, y, "outcome"); !s)
                return s.error();
        std::map<std::string, Id> ids;
        auto lineRows = m_db.prepare("SELECT code, id FROM budget_line WHERE federation_id = ?");
        lineRows.bind(1, federationId);
        while (lineRows.step())
            ids[lineRows.text(0)] = lineRows.integer(1);
        using Key = std::tuple<std::string, int, int>;
        std::map<Key, std::pair<Amount, Amount>> diff;  // before, after
        auto old = m_db.prepare("SELECT l.code, o.year, o.month, o." + column +
                                " FROM line_outcome o JOIN budget_line l ON l.id = o.line_id "
                                "WHERE o.federation_id = ? AND o.year BETWEEN ? AND ? AND o." + column + " IS NOT NULL");
        old.bind(1, federationId).bind(2, years.empty() ? 0 : *years.begin()).bind(3, years.empty() ? 0 : *years.rbegin());
        while (old.step()) {
            const int y = static_cast<int>(old.integer(1)), m = static_cast<int>(old.integer(2));
            if (months.count({y, m}))
                diff[{old.text(0), y, m}].first = old.integer(3);
        }
        for (const auto& c : cells) {
            if (!ids.count(c.line))
                return makeError("not_found", "line", "budgetraden '" + c.line + "' finns inte");
            if (!months.count({c.year, c.month}))
                return makeError("invalid_value", "month", "utfall för " + std::to_string(c.year) + "-" +
                                                               std::to_string(c.month) + " utanför importens period");
            diff[{c.line, c.year, c.month}].second += c.amount;
        }
        std::vector<OutcomeChange> changes;
        for (const auto& [key, v] : diff)
            if (v.first != v.second)
                changes.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), v.first, v.second});
        if (!apply)
            return changes;
        // Clear the source's column for the months, then write the new amounts;
        // a month no source gives any longer goes.
        auto erase = m_db.prepare("UPDATE line_outcome SET " + column +
                                  " = NULL WHERE federation_id = ? AND year = ? AND month = ? AND " + column + " IS NOT NULL");
        for (const auto& [y, m] : months)
            erase.bind(1, federationId).bind(2, y).bind(3, m).run();
        auto empty = m_db.prepare("DELETE FROM line_outcome WHERE federation_id = ? AND year = ? "
                                  "AND entered IS NULL AND sie IS NULL AND csv IS NULL");
        for (int y : years)
            empty.bind(1, federationId).bind(2, y).run();
        auto insert = m_db.prepare("INSERT INTO line_outcome (federation_id, year, line_id, month, " + column +
                                   ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (federation_id, year, line_id, month) DO UPDATE SET " +
                                   column + " = excluded." + column);
        for (const auto& [key, v] : diff) {
            if (v.second == 0)
                continue;
            insert.bind(1, federationId)
                .bind(2, std::get<1>(key))
                .bind(3, ids.at(std::get<0>(key)))
                .bind(4, std::get<2>(key))
                .bind(5, v.second)
                .run();
        }
        for (int y : years)
            touch(federationId, std::to_string(y));
        std::string monthText;
        for (const auto& [y, m] : months)
            monthText += (monthText.empty() ? "" : ",") + std::to_string(y * 100 + m);
        m_db.prepare("INSERT INTO finance_import (federation_id, source, file_name, imported_at, months, summary) "
                     "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?)")
            .bind(1, federationId)
            .bind(2, column)
            .bind(3, fileName)
            .bind(4, monthText)
            .bind(5, std::to_string(cells.size()) + " belopp, " + std::to_string(changes.size()) + " ändrade")
            .run();
        return changes;
    };
    return apply ? inTransaction<std::vector<OutcomeChange>>(m_db, body)
                 : guarded<std::vector<OutcomeChange>>(body);
}

Result<std::vector<LineFigures>> FinanceStore::yearFigures(Id federationId, int year)
{
    auto years = yearsFigures(federationId, year, year);
    if (!years)
        return years.error();
    return std::move(years->front());
}

Result<std::vector<std::vector<LineFigures>>> FinanceStore::yearsFigures(Id federationId, int firstYear, int lastYear)
{
    if (lastYear < firstYear)
        return makeError("invalid_value", "year", "sista året är före det första");
    return guarded<std::vector<std::vector<LineFigures>>>([&]() -> Result<std::vector<std::vector<LineFigures>>> {
        ReadTransaction snapshot(m_db);
        const auto yearCount = static_cast<std::size_t>(lastYear - firstYear + 1);
        std::vector<LineFigures> definitions;
        std::unordered_map<Id, std::size_t> index;
        auto lines = m_db.cached(
            "SELECT l.id, l.code, l.name, l.line_group, u.code FROM budget_line l JOIN budget_unit u ON u.id = l.unit_id "
            "WHERE l.federation_id = ? ORDER BY l.position");
        lines->bind(1, federationId);
        while (lines->step()) {
            LineFigures f;
            f.code = lines->text(1);
            f.name = lines->text(2);
            f.group = parseLineGroup(lines->view(3)).value_or(LineGroup::Administration);
            f.unit = lines->text(4);
            index[lines->integer(0)] = definitions.size();
            definitions.push_back(std::move(f));
        }
        std::vector<std::vector<LineFigures>> out(yearCount, definitions);
        auto slot = [&](std::int64_t year) -> std::vector<LineFigures>* {
            return year >= firstYear && year <= lastYear ? &out[static_cast<std::size_t>(year - firstYear)] : nullptr;
        };
        // Each line's budget for the year in the version in force (the highest):
        // rows come by year, line and version, so a higher version replaces what came before.
        auto budgets = m_db.cached(
            "SELECT year, line_id, version, month, amount FROM line_budget WHERE federation_id = ? AND year BETWEEN ? AND ?");
        budgets->bind(1, federationId).bind(2, firstYear).bind(3, lastYear);
        std::map<std::pair<std::int64_t, Id>, std::int64_t> versions;
        while (budgets->step()) {
            auto& f = (*slot(budgets->integer(0)))[index.at(budgets->integer(1))];
            auto& inForce = versions[{budgets->integer(0), budgets->integer(1)}];
            if (budgets->integer(2) > inForce) {
                inForce = budgets->integer(2);
                f.budgetYear = 0;
                f.budgetMonths.reset();
            }
            const auto month = budgets->integer(3);
            if (month == 0) {
                f.budgetYear = budgets->integer(4);
            } else {
                if (!f.budgetMonths)
                    f.budgetMonths = std::array<Amount, 12>{};
                (*f.budgetMonths)[static_cast<std::size_t>(month - 1)] = budgets->integer(4);
            }
        }
        // One read of the utfall: a year's row is that year's utfall and the next year's "last year".
        auto outcome = m_db.cached(std::string("SELECT year, line_id, month, ") + kEffective +
                                   " FROM line_outcome WHERE federation_id = ? AND year BETWEEN ? AND ?");
        outcome->bind(1, federationId).bind(2, firstYear - 1).bind(3, lastYear);
        Id lastLine = 0;
        std::size_t line = 0;
        while (outcome->step()) {
            const auto year = outcome->integer(0);
            if (const Id id = outcome->integer(1); id != lastLine) {  // rows come line by line
                line = index.at(id);
                lastLine = id;
            }
            const auto month = static_cast<std::size_t>(outcome->integer(2) - 1);
            const Amount amount = outcome->integer(3);
            if (auto* y = slot(year))
                (*y)[line].outcome[month] = amount;
            if (auto* next = slot(year + 1))
                (*next)[line].outcomePriorYear[month] = amount;
        }
        auto forecast =
            m_db.cached("SELECT year, line_id, amount FROM line_forecast WHERE federation_id = ? AND year BETWEEN ? AND ?");
        forecast->bind(1, federationId).bind(2, firstYear).bind(3, lastYear);
        while (forecast->step())
            (*slot(forecast->integer(0)))[index.at(forecast->integer(1))].forecast = forecast->integer(2);
        return out;
    });
}

Result<std::vector<int>> FinanceStore::years(Id federationId)
{
    return guarded<std::vector<int>>([&]() -> Result<std::vector<int>> {
        auto st = m_db.cached(
            "SELECT year FROM line_budget WHERE federation_id = ?1 UNION SELECT year FROM line_outcome WHERE federation_id = ?1 "
            "ORDER BY year DESC");
        st->bind(1, federationId);
        std::vector<int> out;
        while (st->step())
            out.push_back(static_cast<int>(st->integer(0)));
        return out;
    });
}

Result<std::map<int, Amount>> FinanceStore::enteredOpeningEquity(Id federationId)
{
    return guarded<std::map<int, Amount>>([&]() -> Result<std::map<int, Amount>> {
        auto st = m_db.cached("SELECT year, amount FROM opening_equity WHERE federation_id = ?");
        st->bind(1, federationId);
        std::map<int, Amount> out;
        while (st->step())
            out[static_cast<int>(st->integer(0))] = st->integer(1);
        return out;
    });
}

Result<Amount> FinanceStore::openingEquity(Id federationId, int year)
{
    return guarded<Amount>([&]() -> Result<Amount> {
        auto entered = m_db.cached(
            "SELECT year, amount FROM opening_equity WHERE federation_id = ? AND year <= ? ORDER BY year DESC LIMIT 1");
        entered->bind(1, federationId).bind(2, year);
        if (!entered->step())
            return makeError("not_found", "equity",
                             "ingående eget kapital saknas för " + std::to_string(year) +
                                 " – ange det för det första året, därefter räknas det fram");
        const auto from = static_cast<int>(entered->integer(0));
        Amount equity = entered->integer(1);
        // Each year's closing = opening + that year's utfall, up to the year before.
        if (from < year) {
            auto sum = m_db.cached(std::string("SELECT ifnull(sum(") + kEffective +
                                   "), 0) FROM line_outcome WHERE federation_id = ? AND year BETWEEN ? AND ?");
            sum->bind(1, federationId).bind(2, from).bind(3, year - 1);
            sum->step();
            equity += sum->integer(0);
        }
        return equity;
    });
}

Result<Amount> FinanceStore::allocation(Id federationId, int year)
{
    return guarded<Amount>([&]() -> Result<Amount> {
        auto st = m_db.cached(
            "SELECT ifnull(sum(b.amount), 0) FROM line_budget b JOIN budget_line l ON l.id = b.line_id "
            "WHERE b.federation_id = ?1 AND b.year = ?2 AND b.month = 0 AND l.line_group = 'income' AND l.member_id IS NOT NULL "
            "AND b.version = (SELECT max(version) FROM line_budget v WHERE v.federation_id = ?1 AND v.year = ?2 "
            "AND v.line_id = b.line_id)");
        st->bind(1, federationId).bind(2, year);
        st->step();
        return st->integer(0);
    });
}

Result<FollowUp> followUp(FinanceStore& store, Id federationId, int year, MonthRange range)
{
    auto years = followUpYears(store, federationId, year, year, range);
    if (!years)
        return years.error();
    return std::move(years->front());
}

Result<std::vector<FollowUp>> followUpYears(FinanceStore& store, Id federationId, int firstYear, int lastYear,
                                            MonthRange range)
{
    auto figures = store.yearsFigures(federationId, firstYear, lastYear);
    if (!figures)
        return figures.error();
    auto entered = store.enteredOpeningEquity(federationId);
    if (!entered)
        return entered.error();
    // The first year's opening as FinanceStore::openingEquity gives it, then
    // rolled forward here: an entered opening wins, else last year's closing.
    auto first = store.openingEquity(federationId, firstYear);
    if (!first && first.error().code != "not_found")
        return first.error();
    bool known = static_cast<bool>(first);
    Amount opening = first ? *first : 0;
    std::vector<FollowUp> out;
    out.reserve(figures->size());
    for (int year = firstYear; year <= lastYear; ++year) {
        auto& lines = (*figures)[static_cast<std::size_t>(year - firstYear)];
        if (year > firstYear) {
            if (const auto e = entered->find(year); e != entered->end()) {
                opening = e->second;
                known = true;
            }
        }
        auto rule = store.equityRule(federationId, year);
        if (!rule)
            return rule.error();
        auto allocation = store.allocation(federationId, year);
        if (!allocation)
            return allocation.error();
        Amount fullYear = 0;
        bool any = false;
        for (const auto& line : lines) {
            for (const Amount a : line.outcome) {
                fullYear += a;
                any = any || a != 0;
            }
            any = any || line.budgetYear != 0;
        }
        FollowUp f;
        f.hasFigures = any;
        f.report = operatingReport(std::move(lines), range);
        f.equity = equityReport(opening, f.report, *allocation, *rule);
        f.equity.openingKnown = known;
        out.push_back(std::move(f));
        if (known)  // without an entered opening every year counts from 0, as openingEquity says
            opening += fullYear;
    }
    return out;
}

}  // namespace samkoll::core::finance
