// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/configuration.hpp"

#include "samkoll/io/budget_json.hpp"
#include "samkoll/io/importers.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/sync/replica.hpp"

namespace samkoll::core {

using nlohmann::json;

json exportConfiguration(Database& db, Id federationId)
{
    // Read errors throw StoreError: callers run this inside guarded() or a handler that maps it to 503.
    Repository repo(db);
    json out;
    auto st = db.prepare("SELECT code, name FROM federation WHERE id = ?");
    st.bind(1, federationId);
    if (st.step())
        out["federation"] = {{"code", st.text(0)}, {"name", st.text(1)}};
    json members = json::array();
    std::map<Id, std::string> memberCodes;
    for (const auto& m : valueOrThrow(repo.members(federationId))) {
        members.push_back({{"code", m.code}, {"name", m.name}, {"kind", codeOf(m.kind)}});
        memberCodes[m.id] = m.code;
    }
    json teams = json::array();
    for (const auto& t : valueOrThrow(repo.teams(federationId)))
        teams.push_back({{"code", t.code},
                         {"name", t.name},
                         {"kommun", t.kommunId ? json(memberCodes[*t.kommunId]) : json(nullptr)}});
    json budgets = json::array();
    for (int year : valueOrThrow(repo.budgetYears(federationId)))
        if (auto doc = repo.budgetDocument(federationId, year))
            budgets.push_back(budgetDocumentToJson(*doc));
    // What the local index needs besides a team's own rows: the kommuner's HÅE
    // statistics and the central office's judgments of manual indicators.
    json hae = json::array();
    auto h = db.prepare(
        "SELECT m.code, h.year, h.total, h.illness, h.unemployment, h.assistance, h.population FROM hae_statistic h "
        "JOIN member m ON m.id = h.kommun_id WHERE m.federation_id = ? ORDER BY m.code, h.year");
    h.bind(1, federationId);
    while (h.step())
        hae.push_back({{"kommun", h.text(0)},
                       {"year", h.integer(1)},
                       {"total", h.real(2)},
                       {"illness", h.real(3)},
                       {"unemployment", h.real(4)},
                       {"assistance", h.real(5)},
                       {"population", h.integer(6)}});
    json assessments = json::array();
    auto a = db.prepare(
        "SELECT a.indicator_code, t.code, a.year, a.achieved, a.motivation, a.assessed_at, a.assessed_by, a.version "
        "FROM manual_assessment a "
        "LEFT JOIN team t ON t.id = a.team_id WHERE a.federation_id = ? ORDER BY a.id");
    a.bind(1, federationId);
    while (a.step())
        assessments.push_back({{"indicator", a.text(0)},
                               {"team", a.isNull(1) ? json(nullptr) : json(a.text(1))},
                               {"year", a.integer(2)},
                               {"achieved", a.integer(3) != 0},
                               {"motivation", a.text(4)},
                               {"at", a.text(5)},
                               {"by", a.text(6)},
                               {"version", a.text(7)}});
    out["members"] = members;
    out["teams"] = teams;
    out["budgets"] = budgets;
    out["hae"] = hae;
    out["assessments"] = assessments;
    return out;
}

Result<Id> Replica::federationId()
{
    if (m_federation)
        return *m_federation;
    auto code = state("federation");
    auto f = Repository(m_db).federation(code.value_or(""));
    if (!f)
        return f.error();
    if (code)
        m_federation = f->id;
    return f->id;
}

Status Replica::applyConfiguration(const json& config)
{
    m_federation.reset();
    m_teamIds.clear();
    try {
        return inTransaction<void>(m_db, [&]() -> Status {
            Repository repo(m_db);
            const auto code = config.at("federation").at("code").get<std::string>();
            Id fed = 0;
            if (auto f = repo.federation(code))
                fed = f->id;
            else if (auto created = repo.addFederation(code, config["federation"].at("name").get<std::string>()))
                fed = *created;
            else
                return created.error();
            std::set<std::string> members;
            for (const auto& m : valueOrThrow(repo.members(fed)))
                members.insert(m.code);
            for (const auto& m : config.at("members")) {
                const auto mc = m.at("code").get<std::string>();
                if (members.count(mc))
                    continue;
                auto kind = parseCode<MemberKind>(m.at("kind").get<std::string>()).value_or(MemberKind::Kommun);
                if (auto r = repo.addMember(fed, mc, m.at("name").get<std::string>(), kind); !r)
                    return r.error();
            }
            for (const auto& t : config.at("teams")) {
                const auto tc = t.at("code").get<std::string>();
                if (repo.team(fed, tc))
                    continue;
                std::optional<std::string> kommun;
                if (t.contains("kommun") && t["kommun"].is_string())
                    kommun = t["kommun"].get<std::string>();
                if (auto r = repo.addTeam(fed, tc, t.at("name").get<std::string>(), kommun); !r)
                    return r.error();
            }
            for (const auto& b : config.at("budgets")) {
                auto doc = parseBudgetDocument(b.dump(), [&](const std::string& q) { return valueOrThrow(repo.questionOptions(fed, q)); });
                if (!doc)
                    return doc.error();
                if (auto r = repo.saveBudget(fed, *doc, true); !r)
                    return r.error();
            }
            for (const auto& h : config.value("hae", json::array())) {
                auto kommun = m_db.prepare("SELECT id FROM member WHERE federation_id = ? AND code = ?");
                kommun.bind(1, fed).bind(2, h.at("kommun").get<std::string>());
                if (!kommun.step())
                    continue;
                HaeStatistic stat;
                stat.kommunId = kommun.integer(0);
                stat.year = h.at("year").get<int>();
                stat.total = h.at("total").get<double>();
                stat.illness = h.at("illness").get<double>();
                stat.unemployment = h.at("unemployment").get<double>();
                stat.assistance = h.at("assistance").get<double>();
                stat.population = h.at("population").get<std::int64_t>();
                if (auto r = repo.setHaeStatistic(stat); !r)
                    return r.error();
            }
            for (const auto& a : config.value("assessments", json::array())) {
                ManualAssessment m;
                m.federationId = fed;
                m.indicatorCode = a.at("indicator").get<std::string>();
                if (a.at("team").is_string()) {
                    auto t = repo.team(fed, a["team"].get<std::string>());
                    if (!t)
                        continue;
                    m.teamId = t->id;
                }
                m.year = a.at("year").get<int>();
                m.achieved = a.at("achieved").get<bool>();
                m.motivation = a.at("motivation").get<std::string>();
                m.assessedAt = a.value("at", std::string());
                m.assessedBy = a.value("by", std::string());
                m.version = a.value("version", std::string());
                if (auto r = repo.setManualAssessment(m); !r)
                    return r.error();
            }
            m_db.prepare("INSERT INTO sync_state (key, value) VALUES ('federation', ?1) "
                         "ON CONFLICT (key) DO UPDATE SET value = ?1")
                .bind(1, code)
                .run();
            return {};
        });
    } catch (const json::exception& e) {
        return makeError("invalid_response", "config", std::string("oväntad konfiguration från servern: ") + e.what());
    }
}

}  // namespace samkoll::core
