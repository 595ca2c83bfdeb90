// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/repository.hpp"

#include "samkoll/index/definition_json.hpp"

#include "rows.hpp"

#include <nlohmann/json.hpp>

namespace samkoll::core {

using namespace rows;

// --- Social budget ----------------------------------------------------------------

Result<Id> Repository::saveBudget(Id federationId, const BudgetDocument& doc, bool replace)
{
    const auto& b = doc.budget;
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        if (auto s = checkUnlocked(federationId, b.year, "year"); !s)
            return s.error();
        if (auto s = saveSurveyDefinitions(federationId, doc); !s)
            return s.error();
        // Every survey indicator must point at a stored question with options in range.
        for (const auto& area : b.areas)
            for (const auto& goal : area.goals)
                for (const auto& spec : goal.indicators) {
                    if (!spec.survey)
                        continue;
                    auto opts = valueOrThrow(questionOptions(federationId, spec.survey->question));
                    if (!opts)
                        return makeError("not_found", "indicators." + spec.code + ".survey.question",
                                         "frågan '" + spec.survey->question + "' finns inte");
                    for (int o : spec.survey->options)
                        if (o > static_cast<int>(opts->size()))
                            return makeError("invalid_value", "indicators." + spec.code + ".survey.options",
                                             "svarsalternativ " + std::to_string(o) + " finns inte på frågans skala");
                }

        auto existing = m_db.prepare("SELECT id FROM social_budget WHERE federation_id = ? AND year = ?");
        existing.bind(1, federationId).bind(2, b.year);
        if (existing.step()) {
            if (!replace)
                return makeError("duplicate", "year",
                                 "det finns redan en social budget för " + std::to_string(b.year) +
                                     " – välj att ersätta den (i samkolld: --replace)");
            m_db.prepare("DELETE FROM social_budget WHERE id = ?").bind(1, existing.integer(0)).run();
        }
        m_db.prepare("INSERT INTO social_budget (federation_id, year, name, settings) VALUES (?, ?, ?, ?)")
            .bind(1, federationId)
            .bind(2, b.year)
            .bind(3, b.name)
            .bind(4, settingsToJson(b.settings).dump())
            .run();
        const Id budgetId = m_db.lastInsertId();
        auto insArea = m_db.prepare("INSERT INTO goal_area (budget_id, number, name, ideal_share) VALUES (?, ?, ?, ?)");
        auto insGoal = m_db.prepare("INSERT INTO goal (area_id, position, code, text) VALUES (?, ?, ?, ?)");
        auto insInd = m_db.prepare(
            "INSERT INTO indicator (goal_id, position, code, text, kind, weight, scope, definition) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        static constexpr const char* kScope[] = {"federation", "team", "both"};
        for (const auto& area : b.areas) {
            insArea.bind(1, budgetId).bind(2, area.number).bind(3, area.name).bind(4, area.idealSharePct);
            insArea.run();
            const Id areaId = m_db.lastInsertId();
            int goalPos = 0;
            for (const auto& goal : area.goals) {
                insGoal.bind(1, areaId).bind(2, ++goalPos).bind(3, goal.code).bind(4, goal.text);
                insGoal.run();
                const Id goalId = m_db.lastInsertId();
                int indPos = 0;
                for (const auto& spec : goal.indicators) {
                    insInd.bind(1, goalId)
                        .bind(2, ++indPos)
                        .bind(3, spec.code)
                        .bind(4, spec.text)
                        .bind(5, codeOf(spec.kind))
                        .bind(6, spec.weight)
                        .bind(7, kScope[static_cast<int>(spec.scope)])
                        .bind(8, indicatorDefinitionJson(spec));
                    insInd.run();
                }
            }
        }
        return budgetId;
    });
}

Result<SocialBudget> Repository::budget(Id federationId, int year)
{
    return guarded<SocialBudget>([&]() -> Result<SocialBudget> {
        auto st = m_db.prepare("SELECT id, name, settings FROM social_budget WHERE federation_id = ? AND year = ?");
        st.bind(1, federationId).bind(2, year);
        if (!st.step())
            return makeError("not_found", "year",
                             "det finns ingen social budget för " + std::to_string(year) +
                                 " – importera en med 'samkolld import budget'");
        SocialBudget b;
        b.id = st.integer(0);
        b.federationId = federationId;
        b.year = year;
        b.name = st.text(1);
        b.settings = settingsFromJson(st.text(2));
        auto rows = m_db.prepare(
            "SELECT a.number, a.name, a.ideal_share, g.id, g.code, g.text, i.definition "
            "FROM goal_area a LEFT JOIN goal g ON g.area_id = a.id LEFT JOIN indicator i ON i.goal_id = g.id "
            "WHERE a.budget_id = ? ORDER BY a.number, g.position, i.position");
        rows.bind(1, b.id);
        Id lastGoal = -1;
        while (rows.step()) {
            const int number = static_cast<int>(rows.integer(0));
            if (b.areas.empty() || b.areas.back().number != number) {
                b.areas.push_back(GoalArea{number, rows.text(1), static_cast<int>(rows.integer(2)), {}});
                lastGoal = -1;
            }
            if (rows.isNull(3))
                continue;
            auto& area = b.areas.back();
            if (rows.integer(3) != lastGoal) {
                area.goals.push_back(Goal{rows.text(4), rows.text(5), {}});
                lastGoal = rows.integer(3);
            }
            if (rows.isNull(6))
                continue;
            auto spec = parseIndicatorDefinition(rows.text(6));
            if (!spec)
                return spec.error();
            area.goals.back().indicators.push_back(std::move(*spec));
        }
        return b;
    });
}

Result<std::vector<int>> Repository::budgetYears(Id federationId)
{
    return guarded<std::vector<int>>([&]() -> Result<std::vector<int>> {
        std::vector<int> out;
        auto st = m_db.prepare("SELECT year FROM social_budget WHERE federation_id = ? ORDER BY year");
        st.bind(1, federationId);
        while (st.step())
            out.push_back(static_cast<int>(st.integer(0)));
        return out;
    });
}

Status Repository::noteConfigurationChanged(Id federationId)
{
    return guarded<void>([&]() -> Status {
        m_db.prepare("INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (?, NULL, 'configuration', "
                     "'configuration')")
            .bind(1, federationId)
            .run();
        return {};
    });
}

Result<std::optional<int>> Repository::latestYearWithData(Id federationId, std::optional<Id> teamId, int notAfter)
{
    return guarded<std::optional<int>>([&]() -> Result<std::optional<int>> {
        // A case goes on in a year from its referral to its exit.
        auto st = m_db.prepare(
            "SELECT max(b.year) FROM social_budget b WHERE b.federation_id = ?1 AND b.year <= ?3 AND EXISTS ("
            "  SELECT 1 FROM cases c WHERE c.federation_id = ?1 AND (?2 IS NULL OR c.team_id = ?2) AND c.deleted = 0"
            "  AND c.referral_date <= printf('%04d-12-31', b.year)"
            "  AND (c.exit_date IS NULL OR c.exit_date >= printf('%04d-01-01', b.year)))");
        st.bind(1, federationId).bind(2, teamId).bind(3, notAfter);
        if (!st.step() || st.isNull(0))
            return std::optional<int>();
        return std::optional<int>(static_cast<int>(st.integer(0)));
    });
}

Result<BudgetDocument> Repository::budgetDocument(Id federationId, int year)
{
    auto b = budget(federationId, year);
    if (!b)
        return b.error();
    return guarded<BudgetDocument>([&]() -> Result<BudgetDocument> {
        BudgetDocument doc;
        doc.budget = std::move(*b);
        auto scales = m_db.prepare("SELECT id, code, name FROM scale WHERE federation_id = ? ORDER BY id");
        scales.bind(1, federationId);
        while (scales.step()) {
            ScaleDefinition s{scales.text(1), scales.text(2), {}};
            auto opts = m_db.prepare("SELECT label FROM scale_option WHERE scale_id = ? ORDER BY position");
            opts.bind(1, scales.integer(0));
            while (opts.step())
                s.options.push_back(opts.text(0));
            doc.scales.push_back(std::move(s));
        }
        auto qs = m_db.prepare(
            "SELECT q.code, q.text, s.code FROM question q JOIN scale s ON s.id = q.scale_id WHERE q.federation_id = ? "
            "ORDER BY q.id");
        qs.bind(1, federationId);
        while (qs.step())
            doc.questions.push_back({qs.text(0), qs.text(1), qs.text(2)});
        auto qns = m_db.prepare("SELECT id, code, title FROM questionnaire WHERE federation_id = ? ORDER BY id");
        qns.bind(1, federationId);
        while (qns.step()) {
            QuestionnaireDefinition q{qns.text(1), qns.text(2), {}};
            auto list = m_db.prepare(
                "SELECT q.code FROM questionnaire_question qq JOIN question q ON q.id = qq.question_id "
                "WHERE qq.questionnaire_id = ? ORDER BY qq.position");
            list.bind(1, qns.integer(0));
            while (list.step())
                q.questions.push_back(list.text(0));
            doc.questionnaires.push_back(std::move(q));
        }
        return doc;
    });
}

}  // namespace samkoll::core
