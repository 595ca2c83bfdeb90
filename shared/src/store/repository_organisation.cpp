// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/repository.hpp"

#include "rows.hpp"

namespace samkoll::core {

using namespace rows;

// --- Organisation -----------------------------------------------------------------

Result<Id> Repository::addFederation(const std::string& code, const std::string& name)
{
    if (code.empty())
        return makeError("required", "code", "ange en kort kod för förbundet, t.ex. umea");
    if (name.empty())
        return makeError("required", "name", "ange förbundets namn");
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        try {
            m_db.prepare("INSERT INTO federation (code, name) VALUES (?, ?)").bind(1, code).bind(2, name).run();
        } catch (const StoreError& e) {
            if (e.isUniqueViolation())
                return makeError("duplicate", "code", "det finns redan ett förbund med koden '" + code + "'");
            throw;
        }
        return m_db.lastInsertId();
    });
}

Result<std::vector<Federation>> Repository::federations()
{
    return guarded<std::vector<Federation>>([&]() -> Result<std::vector<Federation>> {
        std::vector<Federation> out;
        auto st = m_db.prepare("SELECT id, code, name FROM federation ORDER BY code");
        while (st.step())
            out.push_back({st.integer(0), st.text(1), st.text(2)});
        return out;
    });
}

Result<Federation> Repository::federation(const std::string& code)
{
    auto all = federations();
    if (!all)
        return all.error();
    if (code.empty()) {
        if (all->size() == 1)
            return all->front();
        if (all->empty())
            return makeError("not_found", "federation", "databasen har inget förbund – skapa ett med 'samkolld federation add'");
        std::string codes;
        for (const auto& f : *all)
            codes += (codes.empty() ? "" : ", ") + f.code;
        return makeError("ambiguous", "federation", "databasen har flera förbund (" + codes + ") – ange --federation");
    }
    for (const auto& f : *all)
        if (f.code == code)
            return f;
    return makeError("not_found", "federation", "förbundet '" + code + "' finns inte");
}

Result<Id> Repository::addMember(Id federationId, const std::string& code, const std::string& name, MemberKind kind)
{
    if (code.empty() || name.empty())
        return makeError("required", code.empty() ? "code" : "name", "ange medlemmens kod och namn");
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        try {
            m_db.prepare("INSERT INTO member (federation_id, code, name, kind) VALUES (?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, code)
                .bind(3, name)
                .bind(4, codeOf(kind))
                .run();
        } catch (const StoreError& e) {
            if (e.isUniqueViolation())
                return makeError("duplicate", "code", "det finns redan en medlem med koden '" + code + "'");
            throw;
        }
        return m_db.lastInsertId();
    });
}

Result<std::vector<Member>> Repository::members(Id federationId)
{
    return guarded<std::vector<Member>>([&]() -> Result<std::vector<Member>> {
        std::vector<Member> out;
        auto st = m_db.prepare("SELECT id, code, name, kind FROM member WHERE federation_id = ? ORDER BY id");
        st.bind(1, federationId);
        while (st.step())
            out.push_back({st.integer(0), federationId, st.text(1), st.text(2),
                           parseCode<MemberKind>(st.text(3)).value_or(MemberKind::Kommun)});
        return out;
    });
}

Result<Id> Repository::addTeam(Id federationId, const std::string& code, const std::string& name,
                               const std::optional<std::string>& kommunCode)
{
    m_federationOfTeam.clear();  // a rolled-back team's id may be given to this one
    if (code.empty() || name.empty())
        return makeError("required", code.empty() ? "code" : "name", "ange teamets kod och namn");
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        std::optional<Id> kommunId;
        if (kommunCode) {
            auto st = m_db.prepare("SELECT id, kind FROM member WHERE federation_id = ? AND code = ?");
            st.bind(1, federationId).bind(2, *kommunCode);
            if (!st.step())
                return makeError("not_found", "kommun", "kommunen '" + *kommunCode + "' är inte medlem i förbundet");
            if (st.text(1) != "kommun")
                return makeError("invalid_value", "kommun", "'" + *kommunCode + "' är ingen kommun");
            kommunId = st.integer(0);
        }
        try {
            m_db.prepare("INSERT INTO team (federation_id, code, name, kommun_id) VALUES (?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, code)
                .bind(3, name)
                .bind(4, kommunId)
                .run();
        } catch (const StoreError& e) {
            if (e.isUniqueViolation())
                return makeError("duplicate", "code", "det finns redan ett team med koden '" + code + "'");
            throw;
        }
        return m_db.lastInsertId();
    });
}

Result<std::vector<Team>> Repository::teams(Id federationId)
{
    return guarded<std::vector<Team>>([&]() -> Result<std::vector<Team>> {
        std::vector<Team> out;
        auto st = m_db.prepare("SELECT id, code, name, kommun_id FROM team WHERE federation_id = ? ORDER BY id");
        st.bind(1, federationId);
        while (st.step())
            out.push_back({st.integer(0), federationId, st.text(1), st.text(2), st.optionalInteger(3)});
        return out;
    });
}

Result<Team> Repository::team(Id federationId, const std::string& code)
{
    auto all = teams(federationId);
    if (!all)
        return all.error();
    for (const auto& t : *all)
        if (t.code == code || foldCase(t.name) == foldCase(code))
            return t;
    std::string codes;
    for (const auto& t : *all)
        codes += (codes.empty() ? "" : ", ") + t.code;
    return makeError("not_found", "team", "teamet '" + code + "' finns inte (finns: " + codes + ")");
}

Id Repository::federationOfTeam(Id teamId)
{
    if (auto known = m_federationOfTeam.find(teamId); known != m_federationOfTeam.end())
        return known->second;
    auto st = m_db.cached("SELECT federation_id FROM team WHERE id = ?");
    st->bind(1, teamId);
    const Id id = st->step() ? st->integer(0) : 0;
    st->reset();
    if (id != 0)
        m_federationOfTeam.emplace(teamId, id);
    return id;
}

}  // namespace samkoll::core
