// SPDX-License-Identifier: GPL-3.0-or-later
// The kansli's finance operations on both sides of the sync, and the
// snapshots by which finance reaches the kansli's and the board's devices.
#include "samkoll/sync/finance_edits.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "samkoll/store/repository.hpp"

namespace samkoll::core {

using nlohmann::json;
using namespace finance;

std::optional<FinanceStore::Entered> enteredFigure(OperationKind kind)
{
    switch (kind) {
    case OperationKind::FinanceOutcome:
        return FinanceStore::Entered::Outcome;
    case OperationKind::FinanceForecast:
        return FinanceStore::Entered::Forecast;
    case OperationKind::FinanceBudget:
        return FinanceStore::Entered::Budget;
    case OperationKind::FinanceEquity:
        return FinanceStore::Entered::OpeningEquity;
    default:
        return std::nullopt;
    }
}

namespace {

/// "utfallet för 4010 mars 2026" — the figure an edit changes, for a conflict's message.
std::string figureName(OperationKind kind, const FinanceEdit& e)
{
    static const char* const kMonths[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                                          "juli",    "augusti",  "september", "oktober", "november", "december"};
    const std::string year = std::to_string(e.year);
    switch (kind) {
    case OperationKind::FinanceOutcome:
        return "utfallet för " + e.line + " " + kMonths[std::clamp(e.month, 1, 12) - 1] + " " + year;
    case OperationKind::FinanceForecast:
        return "prognosen för " + e.line + " " + year;
    case OperationKind::FinanceBudget:
        return "budgeten för " + e.line + " " + year;
    default:
        return "ingående eget kapital " + year;
    }
}

std::string amountText(const std::optional<Amount>& a)
{
    return a ? kronorText(*a) + " kr" : std::string("inget inmatat");
}

}  // namespace

Status applyFinanceEdit(FinanceStore& store, Id federationId, OperationKind kind, const FinanceEdit& e, bool checkBase)
{
    if (const auto figure = enteredFigure(kind); checkBase && e.checked && figure) {
        auto now = store.entered(federationId, *figure, e.line, e.year, e.month);
        if (!now)
            return now.error();
        if (*now != e.base)
            return makeError("conflict", "amount",
                             figureName(kind, e) + " ändrades på en annan dator innan din ändring kom fram: nu " +
                                 amountText(*now) + ", du såg " + amountText(e.base) + " och skrev " +
                                 amountText(e.months ? std::optional<Amount>() : e.amount) +
                                 "; din ändring är inte gjord – välj vilken som ska gälla");
    }
    switch (kind) {
    case OperationKind::FinanceLine: {
        const auto group = parseLineGroup(e.group);
        if (!group)
            return makeError("invalid_value", "group",
                             "gruppen ska vara income, administration, operations, interventions eller financial");
        return store.saveLine(federationId, {e.line, e.name, *group, e.unit, e.team, e.member});
    }
    case OperationKind::FinanceBudget:
        return e.revise ? store.reviseBudget(federationId, e.line, e.year, e.amount.value_or(0), e.months)
                        : store.setBudget(federationId, e.line, e.year, e.amount.value_or(0), e.months);
    case OperationKind::FinanceOutcome:
        return e.amount ? store.setOutcome(federationId, e.line, e.year, e.month, *e.amount)
                        : store.clearOutcome(federationId, e.line, e.year, e.month);
    case OperationKind::FinanceForecast:
        return store.setForecast(federationId, e.line, e.year, e.amount);
    case OperationKind::FinanceEquity:
        return store.setOpeningEquity(federationId, e.year, e.amount.value_or(0));
    case OperationKind::FinanceSetting: {
        auto from = Date::parse(e.validFrom, "valid_from");
        if (!from)
            return from.error();
        return store.setSetting(federationId, e.key, *from, e.value);
    }
    default:
        return makeError("invalid_operation", "kind", "ingen ekonomioperation");
    }
}


json financeSnapshot(Database& db, Id federationId, const std::string& uid)
{
    if (uid == "finance:definitions") {
        json units = json::array(), lines = json::array();
        auto u = db.prepare("SELECT code, name, net_budgeted FROM budget_unit WHERE federation_id = ? ORDER BY id");
        u.bind(1, federationId);
        while (u.step())
            units.push_back({{"code", u.text(0)}, {"name", u.text(1)}, {"net_budgeted", u.integer(2) != 0}});
        // The lines as the store reads them, in their order.
        const auto defs = valueOrThrow(FinanceStore(db).lines(federationId));
        for (std::size_t i = 0; i < defs.size(); ++i) {
            const auto& l = defs[i];
            lines.push_back({{"code", l.code},
                             {"name", l.name},
                             {"group", codeOf(l.group)},
                             {"unit", l.unit},
                             {"team", l.team.empty() ? json(nullptr) : json(l.team)},
                             {"member", l.member.empty() ? json(nullptr) : json(l.member)},
                             {"position", static_cast<std::int64_t>(i + 1)}});
        }
        return {{"units", units}, {"lines", lines}};
    }
    if (uid == "finance:settings") {
        json settings = json::array();
        auto st = db.prepare("SELECT key, valid_from, value FROM finance_setting WHERE federation_id = ? ORDER BY key, valid_from");
        st.bind(1, federationId);
        while (st.step())
            settings.push_back({{"key", st.text(0)}, {"valid_from", st.text(1)}, {"value", st.text(2)}});
        return {{"settings", settings}};
    }
    const auto year = yearOfUid(uid, "finance:");
    if (!year)
        return nullptr;
    json budgets = json::array(), outcome = json::array(), forecast = json::array();
    auto b = db.prepare(
        "SELECT l.code, b.version, b.month, b.amount FROM line_budget b JOIN budget_line l ON l.id = b.line_id "
        "WHERE b.federation_id = ? AND b.year = ? ORDER BY l.code, b.version, b.month");
    b.bind(1, federationId).bind(2, *year);
    while (b.step())
        budgets.push_back({{"line", b.text(0)}, {"version", b.integer(1)}, {"month", b.integer(2)}, {"amount", b.integer(3)}});
    auto o = db.prepare(
        "SELECT l.code, o.month, o.entered, o.sie, o.csv FROM line_outcome o JOIN budget_line l ON l.id = o.line_id "
        "WHERE o.federation_id = ? AND o.year = ? ORDER BY l.code, o.month");
    o.bind(1, federationId).bind(2, *year);
    auto optional = [](Statement& st, int c) { return st.isNull(c) ? json(nullptr) : json(st.integer(c)); };
    while (o.step())
        outcome.push_back({{"line", o.text(0)},
                           {"month", o.integer(1)},
                           {"entered", optional(o, 2)},
                           {"sie", optional(o, 3)},
                           {"csv", optional(o, 4)}});
    auto f = db.prepare(
        "SELECT l.code, f.amount FROM line_forecast f JOIN budget_line l ON l.id = f.line_id "
        "WHERE f.federation_id = ? AND f.year = ? ORDER BY l.code");
    f.bind(1, federationId).bind(2, *year);
    while (f.step())
        forecast.push_back({{"line", f.text(0)}, {"amount", f.integer(1)}});
    auto e = db.prepare("SELECT amount FROM opening_equity WHERE federation_id = ? AND year = ?");
    e.bind(1, federationId).bind(2, *year);
    const json equity = e.step() ? json(e.integer(0)) : json(nullptr);
    // The lines the year refers to travel with it, so a device can apply the
    // year whatever order the parts arrive in.
    return {{"year", *year},
            {"definitions", financeSnapshot(db, federationId, "finance:definitions")},
            {"budgets", budgets},
            {"outcome", outcome},
            {"forecast", forecast},
            {"opening_equity", equity}};
}

Status applyFinanceSnapshot(Database& db, Id federationId, const std::string& uid, const json& d)
{
    return inTransaction<void>(db, [&]() -> Status {
        if (uid == "finance:definitions") {
            for (const auto& u : d.at("units"))
                db.prepare("INSERT INTO budget_unit (federation_id, code, name, net_budgeted) VALUES (?1, ?2, ?3, ?4) "
                           "ON CONFLICT (federation_id, code) DO UPDATE SET name = ?3, net_budgeted = ?4")
                    .bind(1, federationId)
                    .bind(2, u.at("code").get<std::string>())
                    .bind(3, u.at("name").get<std::string>())
                    .bind(4, u.at("net_budgeted").get<bool>() ? 1 : 0)
                    .run();
            for (const auto& l : d.at("lines")) {
                auto code = [&](const char* key) {
                    return l.at(key).is_null() ? std::string() : l.at(key).get<std::string>();
                };
                db.prepare("INSERT INTO budget_line (federation_id, unit_id, code, name, line_group, team_id, member_id, position) "
                           "VALUES (?1, (SELECT id FROM budget_unit WHERE federation_id = ?1 AND code = ?2), ?3, ?4, ?5, "
                           "(SELECT id FROM team WHERE federation_id = ?1 AND code = ?6), "
                           "(SELECT id FROM member WHERE federation_id = ?1 AND code = ?7), ?8) "
                           "ON CONFLICT (federation_id, code) DO UPDATE SET unit_id = excluded.unit_id, name = ?4, "
                           "line_group = ?5, team_id = excluded.team_id, member_id = excluded.member_id, position = ?8")
                    .bind(1, federationId)
                    .bind(2, l.at("unit").get<std::string>())
                    .bind(3, l.at("code").get<std::string>())
                    .bind(4, l.at("name").get<std::string>())
                    .bind(5, l.at("group").get<std::string>())
                    .bind(6, code("team"))
                    .bind(7, code("member"))
                    .bind(8, l.at("position").get<std::int64_t>())
                    .run();
            }
            return {};
        }
        if (uid == "finance:settings") {
            db.prepare("DELETE FROM finance_setting WHERE federation_id = ?").bind(1, federationId).run();
            for (const auto& s : d.at("settings"))
                db.prepare("INSERT INTO finance_setting (federation_id, key, valid_from, value) VALUES (?, ?, ?, ?)")
                    .bind(1, federationId)
                    .bind(2, s.at("key").get<std::string>())
                    .bind(3, s.at("valid_from").get<std::string>())
                    .bind(4, s.at("value").get<std::string>())
                    .run();
            return {};
        }
        const auto year = yearOfUid(uid, "finance:");
        if (!year)
            return {};  // a part a newer server sends that this device does not know
        if (d.contains("definitions"))
            if (auto s = applyFinanceSnapshot(db, federationId, "finance:definitions", d["definitions"]); !s)
                return s;
        for (const char* table : {"line_budget", "line_outcome", "line_forecast", "opening_equity"})
            db.prepare(std::string("DELETE FROM ") + table + " WHERE federation_id = ? AND year = ?")
                .bind(1, federationId)
                .bind(2, *year)
                .run();
        auto lineId = [&](const json& row) -> Result<Id> {
            auto st = db.cached("SELECT id FROM budget_line WHERE federation_id = ? AND code = ?");
            st->bind(1, federationId).bind(2, row.at("line").get<std::string>());
            if (!st->step())
                return makeError("not_found", "line",
                                 "budgetraden '" + row.at("line").get<std::string>() +
                                     "' saknas på den här datorn – synka igen, så hämtas förbundets budgetrader");
            return st->integer(0);
        };
        for (const auto& b : d.at("budgets")) {
            auto line = lineId(b);
            if (!line)
                return line.error();
            db.prepare("INSERT INTO line_budget (federation_id, year, line_id, version, month, amount) VALUES (?, ?, ?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, *year)
                .bind(3, *line)
                .bind(4, b.at("version").get<std::int64_t>())
                .bind(5, b.at("month").get<std::int64_t>())
                .bind(6, b.at("amount").get<std::int64_t>())
                .run();
        }
        auto optional = [](const json& v) { return v.is_null() ? std::optional<std::int64_t>() : std::optional<std::int64_t>(v.get<std::int64_t>()); };
        for (const auto& o : d.at("outcome")) {
            auto line = lineId(o);
            if (!line)
                return line.error();
            db.prepare("INSERT INTO line_outcome (federation_id, year, line_id, month, entered, sie, csv) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, *year)
                .bind(3, *line)
                .bind(4, o.at("month").get<std::int64_t>())
                .bind(5, optional(o.at("entered")))
                .bind(6, optional(o.at("sie")))
                .bind(7, optional(o.at("csv")))
                .run();
        }
        for (const auto& f : d.at("forecast")) {
            auto line = lineId(f);
            if (!line)
                return line.error();
            db.prepare("INSERT INTO line_forecast (federation_id, year, line_id, amount) VALUES (?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, *year)
                .bind(3, *line)
                .bind(4, f.at("amount").get<std::int64_t>())
                .run();
        }
        if (!d.at("opening_equity").is_null())
            db.prepare("INSERT INTO opening_equity (federation_id, year, amount) VALUES (?, ?, ?)")
                .bind(1, federationId)
                .bind(2, *year)
                .bind(3, d.at("opening_equity").get<std::int64_t>())
                .run();
        return {};
    });
}

}  // namespace samkoll::core
