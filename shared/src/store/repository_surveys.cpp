// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/repository.hpp"


#include "rows.hpp"

namespace samkoll::core {

using namespace rows;

// --- Surveys ----------------------------------------------------------------------

Status Repository::saveSurveyDefinitions(Id federationId, const BudgetDocument& doc)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        for (const auto& s : doc.scales) {
            auto st = m_db.prepare("SELECT id FROM scale WHERE federation_id = ? AND code = ?");
            st.bind(1, federationId).bind(2, s.code);
            if (st.step()) {
                const Id id = st.integer(0);
                std::vector<std::string> existing;
                auto opts = m_db.prepare("SELECT label FROM scale_option WHERE scale_id = ? ORDER BY position");
                opts.bind(1, id);
                while (opts.step())
                    existing.push_back(opts.text(0));
                if (existing != s.options)
                    return makeError("conflict", "scales." + s.code,
                                     "skalan '" + s.code +
                                         "' finns redan med andra svarsalternativ – ge den ändrade skalan en ny kod så "
                                         "att tidigare svar behåller sin betydelse");
                continue;
            }
            m_db.prepare("INSERT INTO scale (federation_id, code, name) VALUES (?, ?, ?)")
                .bind(1, federationId)
                .bind(2, s.code)
                .bind(3, s.name)
                .run();
            const Id id = m_db.lastInsertId();
            auto ins = m_db.prepare("INSERT INTO scale_option (scale_id, position, label) VALUES (?, ?, ?)");
            for (std::size_t i = 0; i < s.options.size(); ++i) {
                ins.bind(1, id).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, s.options[i]);
                ins.run();
            }
        }
        for (const auto& q : doc.questions) {
            auto sc = m_db.prepare("SELECT id FROM scale WHERE federation_id = ? AND code = ?");
            sc.bind(1, federationId).bind(2, q.scale);
            if (!sc.step())
                return makeError("not_found", "questions." + q.code + ".scale", "skalan '" + q.scale + "' finns inte");
            const Id scaleId = sc.integer(0);
            auto st = m_db.prepare("SELECT text, scale_id FROM question WHERE federation_id = ? AND code = ?");
            st.bind(1, federationId).bind(2, q.code);
            if (st.step()) {
                if (st.text(0) != q.text || st.integer(1) != scaleId)
                    return makeError("conflict", "questions." + q.code,
                                     "frågan '" + q.code +
                                         "' finns redan med en annan formulering eller skala – frågor behåller sin "
                                         "ordalydelse; ge den nya frågan en ny kod");
                continue;
            }
            m_db.prepare("INSERT INTO question (federation_id, code, text, scale_id) VALUES (?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, q.code)
                .bind(3, q.text)
                .bind(4, scaleId)
                .run();
        }
        for (const auto& qn : doc.questionnaires) {
            auto st = m_db.prepare("SELECT id FROM questionnaire WHERE federation_id = ? AND code = ?");
            st.bind(1, federationId).bind(2, qn.code);
            Id id = 0;
            if (st.step()) {
                id = st.integer(0);
                m_db.prepare("UPDATE questionnaire SET title = ? WHERE id = ?").bind(1, qn.title).bind(2, id).run();
                // Questions may be added to a questionnaire; existing answers stay valid.
                m_db.prepare("DELETE FROM questionnaire_question WHERE questionnaire_id = ?").bind(1, id).run();
            } else {
                m_db.prepare("INSERT INTO questionnaire (federation_id, code, title) VALUES (?, ?, ?)")
                    .bind(1, federationId)
                    .bind(2, qn.code)
                    .bind(3, qn.title)
                    .run();
                id = m_db.lastInsertId();
            }
            auto ins = m_db.prepare(
                "INSERT INTO questionnaire_question (questionnaire_id, position, question_id) "
                "SELECT ?, ?, id FROM question WHERE federation_id = ? AND code = ?");
            for (std::size_t i = 0; i < qn.questions.size(); ++i) {
                ins.bind(1, id).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, federationId).bind(4, qn.questions[i]);
                ins.run();
                if (m_db.changes() == 0)
                    return makeError("not_found", "questionnaires." + qn.code,
                                     "frågan '" + qn.questions[i] + "' finns inte");
            }
        }
        return {};
    });
}

Result<std::optional<std::vector<std::string>>> Repository::questionOptions(Id federationId,
                                                                           const std::string& questionCode)
{
    using Options = std::optional<std::vector<std::string>>;
    return guarded<Options>([&]() -> Result<Options> {
        auto st = m_db.prepare(
            "SELECT o.label FROM question q JOIN scale_option o ON o.scale_id = q.scale_id "
            "WHERE q.federation_id = ? AND q.code = ? ORDER BY o.position");
        st.bind(1, federationId).bind(2, questionCode);
        std::vector<std::string> out;
        while (st.step())
            out.push_back(st.text(0));
        if (out.empty())
            return Options{};
        return Options{std::move(out)};
    });
}

Result<Id> Repository::ensureRound(Id federationId, const std::string& questionnaireCode, RespondentGroup group,
                                   std::optional<Id> teamId, const Period& period, std::optional<std::int64_t> invited)
{
    if (isFederationLevel(group) && teamId)
        return makeError("invalid_value", "team",
                         std::string(labelOf(group)) + " besvaras på förbundsnivå – ange inget team");
    if (!isFederationLevel(group) && !teamId)
        return makeError("required", "team", std::string(labelOf(group)) + " hör till ett team – ange teamet");
    if (invited && *invited < 0)
        return makeError("invalid_value", "invited", "antalet tillfrågade kan inte vara negativt");
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        if (auto s = checkTeam(federationId, teamId); !s)
            return s.error();
        auto q = m_db.prepare("SELECT id FROM questionnaire WHERE federation_id = ? AND code = ?");
        q.bind(1, federationId).bind(2, questionnaireCode);
        if (!q.step())
            return makeError("not_found", "questionnaire", "enkäten '" + questionnaireCode + "' finns inte");
        const Id questionnaireId = q.integer(0);
        auto find = m_db.cached(
            "SELECT id, invited FROM survey_round WHERE federation_id = ? AND questionnaire_id = ? AND "
            "respondent_group = ? AND ifnull(team_id, 0) = ? AND period_start = ? AND period_end = ?");
        find->bind(1, federationId)
            .bind(2, questionnaireId)
            .bind(3, codeOf(group))
            .bind(4, teamId.value_or(0))
            .bind(5, period.from.iso())
            .bind(6, period.to.iso());
        if (find->step()) {
            const Id id = find->integer(0);
            const auto oldInvited = find->integer(1);
            find->reset();
            if (invited && *invited != oldInvited) {
                if (auto s = checkUnlocked(federationId, period.to.year, "invited"); !s)
                    return s.error();
                m_db.prepare("UPDATE survey_round SET invited = ? WHERE id = ?").bind(1, *invited).bind(2, id).run();
            }
            return id;
        }
        find->reset();
        if (auto s = checkUnlocked(federationId, period.to.year, "period"); !s)
            return s.error();
        m_db.prepare(
                "INSERT INTO survey_round (federation_id, questionnaire_id, respondent_group, team_id, period_start, "
                "period_end, invited) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, federationId)
            .bind(2, questionnaireId)
            .bind(3, codeOf(group))
            .bind(4, teamId)
            .bind(5, period.from.iso())
            .bind(6, period.to.iso())
            .bind(7, invited.value_or(0))
            .run();
        return m_db.lastInsertId();
    });
}

Result<std::string> Repository::addTally(TallyDelta t)
{
    if (t.delta == 0)
        return makeError("invalid_value", "count", "antalet kan inte vara 0");
    if (t.uid.empty())
        t.uid = newUid();
    return inTransaction<std::string>(m_db, [&]() -> Result<std::string> {
        auto round = m_db.cached("SELECT federation_id, questionnaire_id, period_end FROM survey_round WHERE id = ?");
        round->bind(1, t.roundId);
        if (!round->step())
            return makeError("not_found", "round", "enkätomgången finns inte");
        const Id federationId = round->integer(0);
        const Id questionnaireId = round->integer(1);
        const int year = valueOrThrow(Date::parse(round->text(2))).year;
        round->reset();
        if (auto s = checkUnlocked(federationId, year, "round"); !s)
            return s.error();

        auto q = m_db.cached(
            "SELECT (SELECT count(*) FROM scale_option o JOIN question q ON o.scale_id = q.scale_id WHERE q.id = ?1), "
            "EXISTS (SELECT 1 FROM questionnaire_question WHERE questionnaire_id = ?2 AND question_id = ?1)");
        q->bind(1, t.questionId).bind(2, questionnaireId);
        q->step();
        const auto options = q->integer(0);
        const bool inQuestionnaire = q->integer(1) != 0;
        q->reset();
        if (options == 0)
            return makeError("not_found", "question", "frågan finns inte");
        if (!inQuestionnaire)
            return makeError("invalid_value", "question", "frågan ingår inte i enkätomgångens enkät");
        if (t.option < 1 || t.option > options)
            return makeError("invalid_value", "option",
                             "svarsalternativ " + std::to_string(t.option) + " finns inte (frågan har " +
                                 std::to_string(options) + " alternativ)");
        if (t.delta < 0) {
            auto sum = m_db.cached(
                "SELECT ifnull(sum(total), 0) FROM tally_total WHERE round_id = ? AND question_id = ? AND option_no = ? "
                "AND gender = ?");
            sum->bind(1, t.roundId).bind(2, t.questionId).bind(3, t.option).bind(4, codeOf(t.gender));
            sum->step();
            const auto current = sum->integer(0);
            sum->reset();
            if (current + t.delta < 0) {
                // Name the cell: the question, the option and the gender column.
                auto code = m_db.cached("SELECT code FROM question WHERE id = ?");
                code->bind(1, t.questionId);
                const std::string question = code->step() ? code->text(0) : std::to_string(t.questionId);
                code->reset();
                return makeError("negative_total", "count",
                                 "fråga " + question + ", svarsalternativ " + std::to_string(t.option) + ", " +
                                     std::string(labelOf(t.gender)) + ": rättelsen (" + std::to_string(t.delta) +
                                     ") skulle ge ett negativt antal – rutan har " + std::to_string(current));
            }
        }
        try {
            auto ins = m_db.cached(
                "INSERT INTO tally_delta (uid, round_id, question_id, option_no, gender, delta, entered_by, batch) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            ins->bind(1, t.uid)
                .bind(2, t.roundId)
                .bind(3, t.questionId)
                .bind(4, t.option)
                .bind(5, codeOf(t.gender))
                .bind(6, t.delta)
                .bind(7, t.enteredBy)
                .bind(8, t.batch);
            ins->run();
        } catch (const StoreError& e) {
            if (e.isUniqueViolation())
                return makeError("duplicate", "uid", "raden finns redan");
            throw;
        }
        return t.uid;
    });
}

}  // namespace samkoll::core
