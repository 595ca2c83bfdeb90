// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/sync_service.hpp"

#include "batch_applier.hpp"
#include "samkoll/sync/finance_edits.hpp"

namespace samkoll::core {

using nlohmann::json;
using detail::forbidden;

namespace {

json caseData(Database& db, Repository& repo, const std::string& uid)
{
    auto st = db.cached("SELECT c.deleted, t.code FROM cases c JOIN team t ON t.id = c.team_id WHERE c.uid = ?");
    st->bind(1, uid);
    if (!st->step()) {
        return nullptr;
    }
    const bool deleted = st->integer(0) != 0;
    json data{{"team", st->text(1)}, {"deleted", deleted}};
    st->reset();
    if (!deleted) {
        json fields = json::object();
        for (const auto& [k, v] : caseToFields(valueOrThrow(repo.caseByUid(uid))))
            fields[k] = v ? json(*v) : json(nullptr);
        data["fields"] = fields;
    }
    return data;
}

json tallyData(Database& db, const std::string& uid)
{
    auto st = db.prepare(
        "SELECT qn.code, r.respondent_group, t2.code, r.period_start, r.period_end, q.code, t.option_no, t.gender, t.delta, "
        "       t.entered_by, t.entered_at, t.batch "
        "FROM tally_delta t JOIN survey_round r ON r.id = t.round_id JOIN questionnaire qn ON qn.id = r.questionnaire_id "
        "JOIN question q ON q.id = t.question_id LEFT JOIN team t2 ON t2.id = r.team_id WHERE t.uid = ?");
    st.bind(1, uid);
    if (!st.step())
        return nullptr;
    return {{"round",
             {{"questionnaire", st.text(0)},
              {"group", st.text(1)},
              {"team", st.isNull(2) ? json(nullptr) : json(st.text(2))},
              {"period", st.text(3) + "/" + st.text(4)}}},
            {"question", st.text(5)},
            {"option", st.integer(6)},
            {"gender", st.text(7)},
            {"delta", st.integer(8)},
            {"entered_by", st.text(9)},
            {"entered_at", st.text(10)},
            {"batch", st.text(11)}};
}

json storyData(Database& db, const std::string& uid)
{
    auto st = db.prepare(
        "SELECT t.code, s.category, s.story_date, s.title, s.body FROM story s LEFT JOIN team t ON t.id = s.team_id "
        "WHERE s.uid = ?");
    st.bind(1, uid);
    if (!st.step())
        return nullptr;
    return {{"team", st.isNull(0) ? json(nullptr) : json(st.text(0))},
            {"category", st.text(1)},
            {"date", st.text(2)},
            {"title", st.text(3)},
            {"text", st.text(4)}};
}

json conflictData(Database& db, const std::string& uid)
{
    auto st = db.prepare(
        "SELECT case_uid, field, kept_value, other_value, kept_hlc, other_hlc, other_device, resolved, created_at "
        "FROM sync_conflict WHERE uid = ?");
    st.bind(1, uid);
    if (!st.step())
        return nullptr;
    auto opt = [&](int c) { return st.isNull(c) ? json(nullptr) : json(st.text(c)); };
    return {{"case_uid", st.text(0)}, {"field", st.text(1)},       {"kept", opt(2)},
            {"other", opt(3)},        {"kept_hlc", st.text(4)},    {"other_hlc", st.text(5)},
            {"other_device", st.text(6)}, {"resolved", st.integer(7) != 0}, {"created_at", st.text(8)}};
}

json roundData(Database& db, const std::string& id)
{
    auto st = db.prepare(
        "SELECT qn.code, r.respondent_group, t.code, r.period_start, r.period_end, r.invited FROM survey_round r "
        "JOIN questionnaire qn ON qn.id = r.questionnaire_id LEFT JOIN team t ON t.id = r.team_id WHERE r.id = ?");
    st.bind(1, static_cast<std::int64_t>(std::stoll(id)));
    if (!st.step())
        return nullptr;
    return {{"round",
             {{"questionnaire", st.text(0)},
              {"group", st.text(1)},
              {"team", st.isNull(2) ? json(nullptr) : json(st.text(2))},
              {"period", st.text(3) + "/" + st.text(4)}}},
            {"invited", st.integer(5)}};
}

json compositionData(Database& db, const std::string& id)
{
    auto st = db.prepare(
        "SELECT t.code, c.body, c.year, c.women, c.men FROM composition c LEFT JOIN team t ON t.id = c.team_id "
        "WHERE c.id = ?");
    st.bind(1, static_cast<std::int64_t>(std::stoll(id)));
    if (!st.step())
        return nullptr;
    return {{"team", st.isNull(0) ? json(nullptr) : json(st.text(0))},
            {"body", st.text(1)},
            {"year", st.integer(2)},
            {"women", st.integer(3)},
            {"men", st.integer(4)}};
}

}  // namespace

Result<PullResult> SyncService::pull(const DeviceContext& ctx, std::int64_t cursor, int limit)
{
    if (limit < 1)
        limit = 1;
    return guarded<PullResult>([&]() -> Result<PullResult> {
        // One read transaction: the max cursor and the rows are the same snapshot.
        ReadTransaction snapshot(m_db);
        auto maxSt = m_db.cached("SELECT ifnull(max(cursor), 0) FROM change_log");
        maxSt->step();
        const std::int64_t max = maxSt->integer(0);
        maxSt->reset();
        if (cursor < 0 || cursor > max)
            return makeError("invalid_cursor", "cursor",
                             "servern känner inte igen synkpositionen " + std::to_string(cursor) +
                                 " – allt hämtas på nytt; inget lokalt går förlorat");
        const Id team = ctx.role == Role::Coordinator ? ctx.teamId.value_or(-1) : 0;
        // Which kinds of record the device may read: a coordinator its team's
        // work and not the förbund's money; the board the förbund's money only
        // (aggregates, never case rows); the kansli everything.
        const int scope = ctx.role == Role::Coordinator ? 1 : ctx.role == Role::Board ? 2 : 0;
        auto st = m_db.cached(
            "SELECT entity, uid, max(cursor) AS c FROM change_log "
            "WHERE federation_id = ?1 AND cursor > ?2 AND cursor <= ?3 AND (?4 = 0 OR team_id IS NULL OR team_id = ?4) "
            "AND (?7 = 0 OR (?7 = 1 AND entity <> 'finance') OR (?7 = 2 AND entity = 'finance')) "
            "GROUP BY entity, uid HAVING sum(device_id IS ?6) < count(*) ORDER BY c LIMIT ?5");
        st->bind(1, ctx.federationId).bind(2, cursor).bind(3, max).bind(4, team).bind(5, limit + 1).bind(6, ctx.deviceId).bind(7, scope);
        PullResult out;
        Repository repo(m_db);
        while (st->step()) {
            if (static_cast<int>(out.changes.size()) == limit) {
                out.more = true;
                break;
            }
            Change c;
            c.entity = st->text(0);
            c.uid = st->text(1);
            c.cursor = st->integer(2);
            if (c.entity == "case")
                c.data = caseData(m_db, repo, c.uid);
            else if (c.entity == "tally")
                c.data = tallyData(m_db, c.uid);
            else if (c.entity == "story")
                c.data = storyData(m_db, c.uid);
            else if (c.entity == "conflict")
                c.data = conflictData(m_db, c.uid);
            else if (c.entity == "round")
                c.data = roundData(m_db, c.uid);
            else if (c.entity == "composition")
                c.data = compositionData(m_db, c.uid);
            else if (c.entity == "finance")
                c.data = financeSnapshot(m_db, ctx.federationId, c.uid);
            out.changes.push_back(std::move(c));
        }
        st->reset();
        out.cursor = out.more ? out.changes.back().cursor : max;
        return out;
    });
}

}  // namespace samkoll::core
