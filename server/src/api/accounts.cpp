// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts.hpp"

#include "crypto.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::server {

using namespace samkoll::core;

Result<Id> Accounts::addUser(Id federationId, const std::string& login, Role role, const std::string& teamCode)
{
    if (login.empty())
        return makeError("required", "login", "ange ett användarnamn");
    std::optional<Id> teamId;
    if (role == Role::Coordinator) {
        if (teamCode.empty())
            return makeError("required", "team", "en koordinator hör till ett team – ange teamet");
        auto team = Repository(m_db).team(federationId, teamCode);
        if (!team)
            return team.error();
        teamId = team->id;
    } else if (!teamCode.empty()) {
        return makeError("invalid_value", "team", "bara koordinatorer hör till ett team");
    }
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        try {
            m_db.prepare("INSERT INTO app_user (federation_id, login, role, team_id) VALUES (?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, login)
                .bind(3, codeOf(role))
                .bind(4, teamId)
                .run();
        } catch (const StoreError&) {
            return makeError("duplicate", "login", "användaren '" + login + "' finns redan");
        }
        return m_db.lastInsertId();
    });
}

Result<std::string> Accounts::newEnrolmentCode(Id federationId, const std::string& login, int days)
{
    return inTransaction<std::string>(m_db, [&]() -> Result<std::string> {
        auto st = m_db.prepare("SELECT id FROM app_user WHERE federation_id = ? AND login = ?");
        st.bind(1, federationId).bind(2, login);
        if (!st.step())
            return makeError("not_found", "login", "användaren '" + login + "' finns inte");
        const std::string code = randomEnrolmentCode();
        m_db.prepare(
                "INSERT INTO enrolment_code (code_hash, user_id, expires_at) "
                "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?))")
            .bind(1, sha256Hex(normaliseEnrolmentCode(code)))
            .bind(2, st.integer(0))
            .bind(3, "+" + std::to_string(days) + " days")
            .run();
        return code;
    });
}

Result<DeviceContext> Accounts::contextOf(Id userId, const std::string& deviceId)
{
    auto st = m_db.cached("SELECT federation_id, role, team_id FROM app_user WHERE id = ?");
    st->bind(1, userId);
    if (!st->step())
        return makeError("unauthorized", "", "användaren finns inte längre");
    DeviceContext ctx;
    ctx.deviceId = deviceId;
    ctx.federationId = st->integer(0);
    ctx.role = parseRole(st->text(1)).value_or(Role::Board);
    ctx.teamId = st->optionalInteger(2);
    return ctx;
}

Result<Enrolment> Accounts::enrol(const std::string& code, const std::string& deviceName)
{
    const std::string hash = sha256Hex(normaliseEnrolmentCode(code));
    return inTransaction<Enrolment>(m_db, [&]() -> Result<Enrolment> {
        auto st = m_db.prepare(
            "SELECT user_id, used_at IS NOT NULL, expires_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
            "FROM enrolment_code WHERE code_hash = ?");
        st.bind(1, hash);
        if (!st.step())
            return makeError("unauthorized", "code", "koden är okänd – kontrollera den eller be kansliet om en ny");
        if (st.integer(1))
            return makeError("unauthorized", "code", "koden har redan använts – be kansliet om en ny");
        if (st.integer(2))
            return makeError("unauthorized", "code", "koden har gått ut – be kansliet om en ny");
        const Id userId = st.integer(0);
        m_db.prepare("UPDATE enrolment_code SET used_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE code_hash = ?")
            .bind(1, hash)
            .run();
        Enrolment e;
        e.deviceId = "d-" + randomHex(8);
        e.token = randomHex(32);
        m_db.prepare("INSERT INTO device (id, user_id, token_hash, name) VALUES (?, ?, ?, ?)")
            .bind(1, e.deviceId)
            .bind(2, userId)
            .bind(3, sha256Hex(e.token))
            .bind(4, deviceName.empty() ? std::string("enhet") : deviceName)
            .run();
        auto ctx = contextOf(userId, e.deviceId);
        if (!ctx)
            return ctx.error();
        e.context = *ctx;
        auto info = m_db.prepare(
            "SELECT u.login, ifnull(t.code, ''), ifnull(t.name, ''), f.name FROM app_user u "
            "JOIN federation f ON f.id = u.federation_id LEFT JOIN team t ON t.id = u.team_id WHERE u.id = ?");
        info.bind(1, userId);
        info.step();
        e.login = info.text(0);
        e.teamCode = info.text(1);
        e.teamName = info.text(2);
        e.federationName = info.text(3);
        return e;
    });
}

Result<DeviceContext> Accounts::authenticate(const std::string& token)
{
    return guarded<DeviceContext>([&]() -> Result<DeviceContext> {
        // One query for the device and its user: this runs before every request.
        auto st = m_db.cached(
            "SELECT d.id, d.revoked_at IS NOT NULL, u.id IS NOT NULL, u.federation_id, u.role, u.team_id "
            "FROM device d LEFT JOIN app_user u ON u.id = d.user_id WHERE d.token_hash = ?");
        st->bind(1, sha256Hex(token));
        if (!st->step())
            return makeError("unauthorized", "token", "okänd enhet – registrera enheten med en kod från kansliet");
        DeviceContext ctx;
        ctx.deviceId = st->text(0);
        const bool revoked = st->integer(1) != 0;
        const bool userExists = st->integer(2) != 0;
        if (userExists) {
            ctx.federationId = st->integer(3);
            ctx.role = parseRole(st->text(4)).value_or(Role::Board);
            ctx.teamId = st->optionalInteger(5);
        }
        st->reset();
        if (revoked)
            return makeError("unauthorized", "token", "enheten har spärrats av kansliet – registrera den igen med en ny kod");
        if (!userExists)
            return makeError("unauthorized", "", "användaren finns inte längre");
        return ctx;
    });
}

Status Accounts::revoke(const std::string& deviceId)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        m_db.prepare("UPDATE device SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ? AND revoked_at IS NULL")
            .bind(1, deviceId)
            .run();
        if (m_db.changes() == 0)
            return makeError("not_found", "device", "enheten '" + deviceId + "' finns inte eller är redan spärrad");
        return {};
    });
}

Result<std::vector<DeviceInfo>> Accounts::devices(Id federationId)
{
    return guarded<std::vector<DeviceInfo>>([&]() -> Result<std::vector<DeviceInfo>> {
        std::vector<DeviceInfo> out;
        auto st = m_db.prepare(
            "SELECT d.id, u.login, d.name, d.created_at, ifnull(d.last_seen_at, ''), d.revoked_at IS NOT NULL "
            "FROM device d JOIN app_user u ON u.id = d.user_id WHERE u.federation_id = ? ORDER BY d.created_at");
        st.bind(1, federationId);
        while (st.step())
            out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5) != 0});
        return out;
    });
}

Result<std::vector<UserInfo>> Accounts::users(Id federationId)
{
    return guarded<std::vector<UserInfo>>([&]() -> Result<std::vector<UserInfo>> {
        std::vector<UserInfo> out;
        auto st = m_db.prepare(
            "SELECT u.login, u.role, ifnull(t.code, ''), ifnull(t.name, '') FROM app_user u "
            "LEFT JOIN team t ON t.id = u.team_id WHERE u.federation_id = ? ORDER BY u.role, t.name, u.login");
        st.bind(1, federationId);
        while (st.step())
            out.push_back({st.text(0), parseRole(st.text(1)).value_or(Role::Board), st.text(2), st.text(3)});
        return out;
    });
}

}  // namespace samkoll::server
