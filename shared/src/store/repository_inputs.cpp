// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/repository.hpp"

#include "rows.hpp"

#include "samkoll/domain/personnummer.hpp"
#include "samkoll/domain/text.hpp"

namespace samkoll::core {

using namespace rows;

// --- Other inputs -----------------------------------------------------------------

Result<std::vector<Story>> Repository::stories(Id federationId, std::optional<Id> teamId, const Period& period)
{
    return guarded<std::vector<Story>>([&]() -> Result<std::vector<Story>> {
        std::vector<Story> out;
        auto st = m_db.prepare(
            "SELECT uid, team_id, category, story_date, title, body FROM story "
            "WHERE federation_id = ? AND story_date BETWEEN ? AND ? AND (? IS NULL OR team_id = ?) "
            "ORDER BY story_date, id");
        st.bind(1, federationId).bind(2, period.from.iso()).bind(3, period.to.iso());
        if (teamId)
            st.bind(4, *teamId).bind(5, *teamId);
        else
            st.bindNull(4).bindNull(5);
        while (st.step()) {
            Story s;
            s.uid = st.text(0);
            s.federationId = federationId;
            if (!st.isNull(1))
                s.teamId = st.integer(1);
            s.category = parseCode<StoryCategory>(st.text(2)).value_or(StoryCategory::PositiveSolution);
            if (auto d = Date::parse(st.text(3)))
                s.date = *d;
            s.title = st.text(4);
            s.text = st.text(5);
            out.push_back(std::move(s));
        }
        return out;
    });
}

Result<std::string> Repository::saveStory(Story s)
{
    if (s.title.empty())
        return makeError("required", "title", "ge framgångsbeskrivningen en rubrik");
    if (s.text.empty())
        return makeError("required", "text", "skriv framgångsbeskrivningen");
    // Characters, not bytes: å, ä and ö are two bytes in UTF-8.
    if (utf8Characters(s.title) > kMaxStoryTitle)
        return makeError("too_long", "title", "rubriken får vara högst " + std::to_string(kMaxStoryTitle) + " tecken – korta den");
    if (utf8Characters(s.text) > kMaxStoryText)
        return makeError("too_long", "text",
                         "texten får vara högst " + std::to_string(kMaxStoryText) + " tecken – korta den eller dela upp den");
    if (looksLikePersonnummer(s.title) || looksLikePersonnummer(s.text))
        return makeError("personnummer", looksLikePersonnummer(s.title) ? "title" : "text",
                         "texten innehåller något som ser ut som ett personnummer – avidentifiera texten");
    if (s.uid.empty())
        s.uid = newUid();
    return inTransaction<std::string>(m_db, [&]() -> Result<std::string> {
        if (auto st = checkTeam(s.federationId, s.teamId); !st)
            return st.error();
        if (auto st = checkUnlocked(s.federationId, s.date.year, "date"); !st)
            return st.error();
        auto old = m_db.prepare("SELECT story_date FROM story WHERE uid = ?");
        old.bind(1, s.uid);
        if (old.step()) {
            const int oldYear = valueOrThrow(Date::parse(old.text(0))).year;
            if (auto st = checkUnlocked(s.federationId, oldYear, "date"); !st)
                return st.error();
        }
        m_db.prepare(
                "INSERT INTO story (uid, federation_id, team_id, category, story_date, title, body) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (uid) DO UPDATE SET category = ?4, story_date = ?5, "
                "title = ?6, body = ?7")
            .bind(1, s.uid)
            .bind(2, s.federationId)
            .bind(3, s.teamId)
            .bind(4, codeOf(s.category))
            .bind(5, s.date.iso())
            .bind(6, s.title)
            .bind(7, s.text)
            .run();
        return s.uid;
    });
}

Status Repository::setComposition(const Composition& c)
{
    if (c.women < 0 || c.men < 0)
        return makeError("invalid_value", c.women < 0 ? "women" : "men", "antalet kan inte vara negativt");
    if (isFederationLevel(c.body) && c.teamId)
        return makeError("invalid_value", "team", "styrelsen och parternas chefsgrupp hör till förbundet, inte ett team");
    if (!isFederationLevel(c.body) && !c.teamId)
        return makeError("required", "team", "ange vilket team personalen eller styrgruppen hör till");
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkTeam(c.federationId, c.teamId); !s)
            return s;
        if (auto s = checkUnlocked(c.federationId, c.year, "year"); !s)
            return s;
        m_db.prepare("DELETE FROM composition WHERE federation_id = ? AND ifnull(team_id, 0) = ? AND body = ? AND year = ?")
            .bind(1, c.federationId)
            .bind(2, c.teamId.value_or(0))
            .bind(3, codeOf(c.body))
            .bind(4, c.year)
            .run();
        m_db.prepare("INSERT INTO composition (federation_id, team_id, body, year, women, men) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, c.federationId)
            .bind(2, c.teamId)
            .bind(3, codeOf(c.body))
            .bind(4, c.year)
            .bind(5, c.women)
            .bind(6, c.men)
            .run();
        return {};
    });
}

Result<std::vector<HaeStatistic>> Repository::haeStatistics(Id federationId, int year)
{
    return guarded<std::vector<HaeStatistic>>([&]() -> Result<std::vector<HaeStatistic>> {
        std::vector<HaeStatistic> out;
        auto st = m_db.prepare(
            "SELECT h.kommun_id, h.year, h.total, h.illness, h.unemployment, h.assistance, h.population "
            "FROM hae_statistic h JOIN member m ON m.id = h.kommun_id WHERE m.federation_id = ? AND h.year = ? "
            "ORDER BY m.name");
        st.bind(1, federationId).bind(2, year);
        while (st.step())
            out.push_back({st.integer(0), static_cast<int>(st.integer(1)), st.real(2), st.real(3), st.real(4), st.real(5),
                           st.integer(6)});
        return out;
    });
}

Status Repository::setHaeStatistic(const HaeStatistic& s)
{
    if (s.population <= 0)
        return makeError("invalid_value", "population_20_64", "befolkningen 20–64 år måste vara större än 0");
    if (s.total < 0 || s.illness < 0 || s.unemployment < 0 || s.assistance < 0)
        return makeError("invalid_value", "hae_total", "helårsekvivalenter kan inte vara negativa");
    return inTransaction<void>(m_db, [&]() -> Status {
        auto st = m_db.prepare("SELECT federation_id FROM member WHERE id = ? AND kind = 'kommun'");
        st.bind(1, s.kommunId);
        if (!st.step())
            return makeError("not_found", "kommun", "kommunen finns inte");
        if (auto l = checkUnlocked(st.integer(0), s.year, "year"); !l)
            return l;
        m_db.prepare(
                "INSERT INTO hae_statistic (kommun_id, year, total, illness, unemployment, assistance, population) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (kommun_id, year) DO UPDATE SET total = ?3, "
                "illness = ?4, unemployment = ?5, assistance = ?6, population = ?7")
            .bind(1, s.kommunId)
            .bind(2, s.year)
            .bind(3, s.total)
            .bind(4, s.illness)
            .bind(5, s.unemployment)
            .bind(6, s.assistance)
            .bind(7, s.population)
            .run();
        return {};
    });
}

Status Repository::setManualAssessment(const ManualAssessment& m)
{
    if (m.motivation.empty())
        return makeError("required", "motivation", "motivera bedömningen");
    if (looksLikePersonnummer(m.motivation))
        return makeError("personnummer", "motivation", "motiveringen innehåller något som ser ut som ett personnummer");
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkTeam(m.federationId, m.teamId); !s)
            return s;
        if (auto s = checkUnlocked(m.federationId, m.year, "year"); !s)
            return s;
        m_db.prepare(
                "DELETE FROM manual_assessment WHERE federation_id = ? AND indicator_code = ? AND ifnull(team_id, 0) = ? "
                "AND year = ?")
            .bind(1, m.federationId)
            .bind(2, m.indicatorCode)
            .bind(3, m.teamId.value_or(0))
            .bind(4, m.year)
            .run();
        return storeManualAssessment(m);
    });
}

Status Repository::storeManualAssessment(const ManualAssessment& m)
{
    return guarded<void>([&]() -> Status {
        m_db.prepare(
                "INSERT INTO manual_assessment (federation_id, indicator_code, team_id, year, achieved, motivation, "
                "assessed_by, assessed_at, version) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?)")
            .bind(1, m.federationId)
            .bind(2, m.indicatorCode)
            .bind(3, m.teamId)
            .bind(4, m.year)
            .bind(5, m.achieved ? 1 : 0)
            .bind(6, m.motivation)
            .bind(7, m.assessedBy)
            .bind(8, m.assessedAt.empty() ? std::optional<std::string>() : std::optional<std::string>(m.assessedAt))
            .bind(9, m.version)
            .run();
        return {};
    });
}

Status Repository::clearManualAssessment(Id federationId, const std::string& indicatorCode, std::optional<Id> teamId,
                                         int year)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkUnlocked(federationId, year, "year"); !s)
            return s;
        m_db.prepare(
                "DELETE FROM manual_assessment WHERE federation_id = ? AND indicator_code = ? AND ifnull(team_id, 0) = ? "
                "AND year = ?")
            .bind(1, federationId)
            .bind(2, indicatorCode)
            .bind(3, teamId.value_or(0))
            .bind(4, year)
            .run();
        return {};
    });
}

Result<std::vector<ManualAssessment>> Repository::manualAssessments(Id federationId, int year)
{
    return guarded<std::vector<ManualAssessment>>([&]() -> Result<std::vector<ManualAssessment>> {
        std::vector<ManualAssessment> out;
        auto st = m_db.prepare(
            "SELECT a.indicator_code, a.team_id, t.code, a.achieved, a.motivation, a.assessed_by, a.assessed_at, a.version "
            "FROM manual_assessment a LEFT JOIN team t ON t.id = a.team_id "
            "WHERE a.federation_id = ? AND a.year = ? ORDER BY a.indicator_code, ifnull(t.code, '')");
        st.bind(1, federationId).bind(2, year);
        while (st.step()) {
            ManualAssessment m;
            m.federationId = federationId;
            m.indicatorCode = st.text(0);
            m.teamId = st.optionalInteger(1);
            m.teamCode = st.isNull(2) ? std::string() : st.text(2);
            m.year = year;
            m.achieved = st.integer(3) != 0;
            m.motivation = st.text(4);
            m.assessedBy = st.text(5);
            m.assessedAt = st.text(6);
            m.version = st.text(7);
            out.push_back(std::move(m));
        }
        return out;
    });
}

}  // namespace samkoll::core
