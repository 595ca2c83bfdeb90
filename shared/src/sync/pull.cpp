// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/sync_service.hpp"

#include <map>
#include <unordered_map>

#include "../store/rows.hpp"
#include "batch_applier.hpp"
#include "json_text.hpp"
#include "samkoll/sync/finance_edits.hpp"
#include "samkoll/sync/judgments.hpp"

namespace samkoll::core {

using nlohmann::json;
using detail::forbidden;

namespace {

namespace jt = json_text;

/// The records of one kind a page names, read in one statement each (`keys`
/// is a JSON array bound to json_each: a page of 5 000 tallies is one query,
/// not 5 000) and written straight as the JSON text of each one's data. A uid
/// a reader does not return is gone (its data is sent as null).
using Records = std::unordered_map<std::string, std::string>;

std::string keysOf(const std::vector<std::string>& uids, bool numeric)
{
    std::string keys = "[";
    for (const auto& uid : uids) {
        if (keys.size() > 1)
            keys += ',';
        if (numeric)
            jt::integer(keys, std::stoll(uid));
        else
            jt::string(keys, uid);
    }
    keys += ']';
    return keys;
}

void textOrNull(std::string& out, const Statement& st, int column)
{
    if (st.isNull(column))
        out += "null";
    else
        jt::string(out, st.view(column));
}

/// {"questionnaire":…,"group":…,"team":…|null,"period":"from/to"} from five columns.
void roundKey(std::string& out, const Statement& st, int first)
{
    out += "{\"questionnaire\":";
    jt::string(out, st.view(first));
    out += ",\"group\":";
    jt::string(out, st.view(first + 1));
    out += ",\"team\":";
    textOrNull(out, st, first + 2);
    out += ",\"period\":";
    std::string period(st.view(first + 3));
    period += '/';
    period += st.view(first + 4);
    jt::string(out, period);
    out += '}';
}

/// A case's data: as an object {"team","deleted","fields"} or, for a table
/// row, its values after the cursor and uid: team, deleted, then every field
/// in caseFieldNames() order (null when deleted).
Records cases(Database& db, const std::vector<std::string>& uids, bool row)
{
    auto st = db.cached(std::string("SELECT ") + rows::kCaseColumns +
                        ", deleted, (SELECT code FROM team WHERE id = team_id) FROM cases "
                        "WHERE uid IN (SELECT value FROM json_each(?1))");
    st->bind(1, keysOf(uids, false));
    Records out;
    while (st->step()) {
        const bool deleted = st->integer(15) != 0;
        const Case c = rows::readCase(*st);
        std::string d;
        if (row) {
            jt::string(d, st->view(16));
            d += deleted ? ",true" : ",false";
            const auto fields = deleted ? CaseFields{} : caseToFields(c);
            for (const auto& name : caseFieldNames()) {
                d += ',';
                const auto f = fields.find(name);
                if (f != fields.end() && f->second)
                    jt::string(d, *f->second);
                else
                    d += "null";
            }
            out.emplace(c.uid, std::move(d));
            continue;
        }
        d = "{\"team\":";
        jt::string(d, st->view(16));
        d += deleted ? ",\"deleted\":true" : ",\"deleted\":false";
        if (!deleted) {
            d += ",\"fields\":{";
            bool first = true;
            for (const auto& [k, v] : caseToFields(c)) {
                if (!first)
                    d += ',';
                first = false;
                jt::string(d, k);
                d += ':';
                if (v)
                    jt::string(d, *v);
                else
                    d += "null";
            }
            d += '}';
        }
        d += '}';
        out.emplace(c.uid, std::move(d));
    }
    return out;
}

/// A tally row's data: as an object, or for a table row its values after the
/// cursor and uid: questionnaire, group, team, period, question, option,
/// gender, delta, entered_by, entered_at, batch.
Records tallies(Database& db, const std::vector<std::string>& uids, bool row)
{
    auto st = db.cached(
        "SELECT t.uid, qn.code, r.respondent_group, t2.code, r.period_start, r.period_end, q.code, t.option_no, t.gender, "
        "       t.delta, t.entered_by, t.entered_at, t.batch "
        "FROM tally_delta t JOIN survey_round r ON r.id = t.round_id JOIN questionnaire qn ON qn.id = r.questionnaire_id "
        "JOIN question q ON q.id = t.question_id LEFT JOIN team t2 ON t2.id = r.team_id "
        "WHERE t.uid IN (SELECT value FROM json_each(?1))");
    st->bind(1, keysOf(uids, false));
    Records out;
    while (st->step()) {
        std::string d;
        if (row) {
            jt::string(d, st->view(1));
            d += ',';
            jt::string(d, st->view(2));
            d += ',';
            textOrNull(d, *st, 3);
            d += ',';
            std::string period(st->view(4));
            period += '/';
            period += st->view(5);
            jt::string(d, period);
            d += ',';
            jt::string(d, st->view(6));
            d += ',';
            jt::integer(d, st->integer(7));
            d += ',';
            jt::string(d, st->view(8));
            d += ',';
            jt::integer(d, st->integer(9));
            d += ',';
            jt::string(d, st->view(10));
            d += ',';
            jt::string(d, st->view(11));
            d += ',';
            jt::string(d, st->view(12));
            out.emplace(st->text(0), std::move(d));
            continue;
        }
        d = "{\"round\":";
        roundKey(d, *st, 1);
        d += ",\"question\":";
        jt::string(d, st->view(6));
        d += ",\"option\":";
        jt::integer(d, st->integer(7));
        d += ",\"gender\":";
        jt::string(d, st->view(8));
        d += ",\"delta\":";
        jt::integer(d, st->integer(9));
        d += ",\"entered_by\":";
        jt::string(d, st->view(10));
        d += ",\"entered_at\":";
        jt::string(d, st->view(11));
        d += ",\"batch\":";
        jt::string(d, st->view(12));
        d += '}';
        out.emplace(st->text(0), std::move(d));
    }
    return out;
}

Records stories(Database& db, const std::vector<std::string>& uids)
{
    auto st = db.cached(
        "SELECT s.uid, t.code, s.category, s.story_date, s.title, s.body FROM story s LEFT JOIN team t ON t.id = s.team_id "
        "WHERE s.uid IN (SELECT value FROM json_each(?1))");
    st->bind(1, keysOf(uids, false));
    Records out;
    while (st->step()) {
        std::string d = "{\"team\":";
        textOrNull(d, *st, 1);
        d += ",\"category\":";
        jt::string(d, st->view(2));
        d += ",\"date\":";
        jt::string(d, st->view(3));
        d += ",\"title\":";
        jt::string(d, st->view(4));
        d += ",\"text\":";
        jt::string(d, st->view(5));
        d += '}';
        out.emplace(st->text(0), std::move(d));
    }
    return out;
}

Records conflicts(Database& db, const std::vector<std::string>& uids)
{
    auto st = db.cached(
        "SELECT uid, case_uid, field, kept_value, other_value, kept_hlc, other_hlc, other_device, resolved, created_at "
        "FROM sync_conflict WHERE uid IN (SELECT value FROM json_each(?1))");
    st->bind(1, keysOf(uids, false));
    Records out;
    while (st->step()) {
        std::string d = "{\"case_uid\":";
        jt::string(d, st->view(1));
        d += ",\"field\":";
        jt::string(d, st->view(2));
        d += ",\"kept\":";
        textOrNull(d, *st, 3);
        d += ",\"other\":";
        textOrNull(d, *st, 4);
        d += ",\"kept_hlc\":";
        jt::string(d, st->view(5));
        d += ",\"other_hlc\":";
        jt::string(d, st->view(6));
        d += ",\"other_device\":";
        jt::string(d, st->view(7));
        d += st->integer(8) != 0 ? ",\"resolved\":true" : ",\"resolved\":false";
        d += ",\"created_at\":";
        jt::string(d, st->view(9));
        d += '}';
        out.emplace(st->text(0), std::move(d));
    }
    return out;
}

Records rounds(Database& db, const std::vector<std::string>& ids)
{
    auto st = db.cached(
        "SELECT r.id, qn.code, r.respondent_group, t.code, r.period_start, r.period_end, r.invited FROM survey_round r "
        "JOIN questionnaire qn ON qn.id = r.questionnaire_id LEFT JOIN team t ON t.id = r.team_id "
        "WHERE r.id IN (SELECT value FROM json_each(?1))");
    st->bind(1, keysOf(ids, true));
    Records out;
    while (st->step()) {
        std::string d = "{\"round\":";
        roundKey(d, *st, 1);
        d += ",\"invited\":";
        jt::integer(d, st->integer(6));
        d += '}';
        out.emplace(std::to_string(st->integer(0)), std::move(d));
    }
    return out;
}

Records compositions(Database& db, const std::vector<std::string>& ids)
{
    auto st = db.cached(
        "SELECT c.id, t.code, c.body, c.year, c.women, c.men FROM composition c LEFT JOIN team t ON t.id = c.team_id "
        "WHERE c.id IN (SELECT value FROM json_each(?1))");
    st->bind(1, keysOf(ids, true));
    Records out;
    while (st->step()) {
        std::string d = "{\"team\":";
        textOrNull(d, *st, 1);
        d += ",\"body\":";
        jt::string(d, st->view(2));
        d += ",\"year\":";
        jt::integer(d, st->integer(3));
        d += ",\"women\":";
        jt::integer(d, st->integer(4));
        d += ",\"men\":";
        jt::integer(d, st->integer(5));
        d += '}';
        out.emplace(std::to_string(st->integer(0)), std::move(d));
    }
    return out;
}

}  // namespace

Result<PullResult> SyncService::pull(const DeviceContext& ctx, std::int64_t cursor, int limit, PageShape shape)
{
    auto text = pullJson(ctx, cursor, limit, shape);
    if (!text)
        return text.error();
    return parsePullResult(json::parse(*text));
}

Result<std::string> SyncService::pullJson(const DeviceContext& ctx, std::int64_t cursor, int limit, PageShape shape)
{
    const bool tables = shape == PageShape::Tables;
    if (limit < 1)
        limit = 1;
    return guarded<std::string>([&]() -> Result<std::string> {
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
        // The page: the log in cursor order from the device's cursor, each
        // record once at its latest change up to `max` (an earlier change of
        // it is skipped: a later one follows), and not when every change in the
        // window came from this device (it has that state: no echoes). The
        // scan walks the log from the cursor and stops at the page's end, so a
        // page costs the same at the start and at the end of a long download.
        auto st = m_db.cached(
            "SELECT l.entity, l.uid, l.cursor FROM change_log l "
            "WHERE l.cursor > ?2 AND l.cursor <= ?3 AND l.federation_id = ?1 "
            "AND (?4 = 0 OR l.team_id IS NULL OR l.team_id = ?4) "
            "AND (?7 = 0 OR (?7 = 1 AND l.entity <> 'finance') OR (?7 = 2 AND l.entity = 'finance')) "
            "AND NOT EXISTS (SELECT 1 FROM change_log n WHERE n.uid = l.uid AND n.entity = l.entity "
            "                AND n.cursor > l.cursor AND n.cursor <= ?3) "
            "AND (l.device_id IS NOT ?6 OR EXISTS (SELECT 1 FROM change_log o WHERE o.uid = l.uid AND o.entity = l.entity "
            "                AND o.cursor > ?2 AND o.cursor < l.cursor AND o.device_id IS NOT ?6)) "
            "ORDER BY l.cursor LIMIT ?5");
        st->bind(1, ctx.federationId).bind(2, cursor).bind(3, max).bind(4, team).bind(5, limit + 1).bind(6, ctx.deviceId).bind(7, scope);
        struct Entry {
            std::string entity, uid;
            std::int64_t cursor;
        };
        std::vector<Entry> page;
        bool more = false;
        std::map<std::string, std::vector<std::string>> byKind;
        while (st->step()) {
            if (static_cast<int>(page.size()) == limit) {
                more = true;
                break;
            }
            page.push_back({st->text(0), st->text(1), st->integer(2)});
            byKind[page.back().entity].push_back(page.back().uid);
        }
        st->reset();
        // Each kind's records of the page in one read.
        std::map<std::string, Records> data;
        for (const auto& [kind, uids] : byKind) {
            if (kind == "case")
                data[kind] = cases(m_db, uids, tables);
            else if (kind == "tally")
                data[kind] = tallies(m_db, uids, tables);
            else if (kind == "story")
                data[kind] = stories(m_db, uids);
            else if (kind == "conflict")
                data[kind] = conflicts(m_db, uids);
            else if (kind == "round")
                data[kind] = rounds(m_db, uids);
            else if (kind == "composition")
                data[kind] = compositions(m_db, uids);
        }
        // The page as protocol.md describes it (the same text
        // pullResultToJson(...).dump() gives, up to the order of keys). In the
        // tables shape, cases and tally rows go into a table each: one array
        // per record under the table's column names, no keys repeated.
        std::string out = "{\"cursor\":";
        jt::integer(out, more ? page.back().cursor : max);
        out += more ? ",\"more\":true,\"changes\":[" : ",\"more\":false,\"changes\":[";
        std::map<std::string, std::string> tableRows{{"case", ""}, {"tally", ""}};
        bool first = true;
        for (const auto& e : page) {
            auto& records = data[e.entity];
            const auto found = records.find(e.uid);
            if (tables && found != records.end() && tableRows.count(e.entity)) {
                auto& rowsText = tableRows[e.entity];
                rowsText += rowsText.empty() ? "[" : ",[";
                jt::integer(rowsText, e.cursor);
                rowsText += ',';
                jt::string(rowsText, e.uid);
                rowsText += ',';
                rowsText += found->second;
                rowsText += ']';
                continue;
            }
            if (!first)
                out += ',';
            first = false;
            out += "{\"cursor\":";
            jt::integer(out, e.cursor);
            out += ",\"entity\":";
            jt::string(out, e.entity);
            out += ",\"uid\":";
            jt::string(out, e.uid);
            out += ",\"data\":";
            if (e.entity == "finance")  // a few per year: the part's snapshot
                out += financeSnapshot(m_db, ctx.federationId, e.uid).dump();
            else if (e.entity == "judgment")  // one per year: the year's judgments
                out += judgmentSnapshot(m_db, ctx.federationId, e.uid).dump();
            else if (e.entity == "configuration")  // fetch /api/v1/config again
                out += "{\"changed\":true}";
            else if (found != records.end())
                out += found->second;
            else
                out += "null";
            out += '}';
        }
        out += ']';
        if (tables) {
            out += ",\"tables\":{";
            bool firstTable = true;
            for (const auto& [entity, rowsText] : tableRows) {
                out += firstTable ? "" : ",";
                firstTable = false;
                jt::string(out, entity);
                out += ":{\"columns\":[";
                bool firstColumn = true;
                for (const auto& column : pageColumns(entity)) {
                    out += firstColumn ? "" : ",";
                    firstColumn = false;
                    jt::string(out, column);
                }
                out += "],\"rows\":[";
                out += rowsText;
                out += "]}";
            }
            out += '}';
        }
        out += "}";
        return out;
    });
}

}  // namespace samkoll::core
