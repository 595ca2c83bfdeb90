// SPDX-License-Identifier: GPL-3.0-or-later
// The kansli's judgments of manual indicators on both sides of the sync, and
// the snapshots by which they reach every device that computes an index.
#include "samkoll/sync/judgments.hpp"

#include <nlohmann/json.hpp>

#include "samkoll/store/repository.hpp"

namespace samkoll::core {

using nlohmann::json;

namespace {

/// Whether `code` is a manual indicator of the budget.
bool isManual(const SocialBudget& budget, const std::string& code)
{
    for (const auto& area : budget.areas)
        for (const auto& goal : area.goals)
            for (const auto& i : goal.indicators)
                if (i.code == code)
                    return i.kind == IndicatorKind::Manual;
    return false;
}

}  // namespace

Status applyJudgmentEdit(Database& db, Id federationId, const JudgmentEdit& e, const std::string& by,
                         const std::string& version, bool checkBase)
{
    Repository repo(db);
    auto budget = repo.budget(federationId, e.year);
    if (!budget)
        return makeError("not_found", "year", "förbundet har ingen social budget för " + std::to_string(e.year));
    if (!isManual(*budget, e.indicator))
        return makeError("invalid_value", "indicator",
                         "indikatorn " + e.indicator + " bedöms inte av kansliet i " + std::to_string(e.year) +
                             " års sociala budget");
    std::optional<Id> teamId;
    if (!e.team.empty()) {
        auto team = repo.team(federationId, e.team);
        if (!team)
            return makeError("not_found", "team", "teamet " + e.team + " finns inte");
        teamId = team->id;
    }
    return inTransaction<void>(db, [&]() -> Status {
        if (checkBase) {
            auto current = repo.manualAssessments(federationId, e.year);
            if (!current)
                return current.error();
            const ManualAssessment* stored = nullptr;
            for (const auto& m : *current)
                if (m.indicatorCode == e.indicator && m.teamId == teamId)
                    stored = &m;
            if ((stored ? stored->version : std::string()) != e.base) {
                std::string what = stored ? std::string(stored->achieved ? "uppnått" : "ej uppnått") + " – \"" +
                                                stored->motivation + "\"" +
                                                (stored->assessedBy.empty() ? "" : " (" + stored->assessedBy + ", " +
                                                                                       stored->assessedAt.substr(0, 16) + ")")
                                          : std::string("ingen bedömning (borttagen)");
                return makeError("conflict", "motivation",
                                 "bedömningen av " + e.indicator + " ändrades på en annan dator innan din kom fram: " +
                                     what + "; din ändring är inte gjord – välj vilken som ska gälla");
            }
        }
        if (!e.achieved)
            return repo.clearManualAssessment(federationId, e.indicator, teamId, e.year);
        ManualAssessment m;
        m.federationId = federationId;
        m.indicatorCode = e.indicator;
        m.teamId = teamId;
        m.year = e.year;
        m.achieved = *e.achieved;
        m.motivation = e.motivation;
        m.assessedBy = by;
        m.version = version;
        return repo.setManualAssessment(m);
    });
}

json judgmentSnapshot(Database& db, Id federationId, const std::string& uid)
{
    const auto year = yearOfUid(uid, "judgment:");
    if (!year)
        return json{{"judgments", json::array()}};
    const auto rows = valueOrThrow(Repository(db).manualAssessments(federationId, *year));
    json judgments = json::array();
    for (const auto& m : rows)
        judgments.push_back({{"indicator", m.indicatorCode},
                             {"team", m.teamCode.empty() ? json(nullptr) : json(m.teamCode)},
                             {"achieved", m.achieved},
                             {"motivation", m.motivation},
                             {"at", m.assessedAt},
                             {"by", m.assessedBy},
                             {"version", m.version}});
    return {{"year", *year}, {"judgments", judgments}};
}

Status applyJudgmentSnapshot(Database& db, Id federationId, const std::string& uid, const json& data)
{
    const auto year = yearOfUid(uid, "judgment:");
    if (!year || !data.is_object())
        return makeError("invalid_value", "uid", "okänd bedömningsdel " + uid);
    Repository repo(db);
    try {
        return inTransaction<void>(db, [&]() -> Status {
            db.prepare("DELETE FROM manual_assessment WHERE federation_id = ? AND year = ?")
                .bind(1, federationId)
                .bind(2, *year)
                .run();
            for (const auto& j : data.value("judgments", json::array())) {
                ManualAssessment m;
                m.federationId = federationId;
                m.indicatorCode = j.at("indicator").get<std::string>();
                if (j.at("team").is_string()) {
                    auto team = repo.team(federationId, j["team"].get<std::string>());
                    if (!team)
                        continue;  // a team this device does not know (yet)
                    m.teamId = team->id;
                }
                m.year = *year;
                m.achieved = j.at("achieved").get<bool>();
                m.motivation = j.at("motivation").get<std::string>();
                m.assessedAt = j.at("at").get<std::string>();
                m.assessedBy = j.value("by", std::string());
                m.version = j.value("version", std::string());
                // The server's judgment as it is, even in a year fastställt since.
                if (auto s = repo.storeManualAssessment(m); !s)
                    return s;
            }
            return {};
        });
    } catch (const json::exception& e) {
        return makeError("invalid_value", "judgments", std::string("bedömningarna från servern går inte att läsa: ") + e.what());
    }
}

}  // namespace samkoll::core
