// SPDX-License-Identifier: GPL-3.0-or-later
#include "users.hpp"

#include <nlohmann/json.hpp>

#include "backend.hpp"
#include "formatting.hpp"

namespace samkoll::client {

using namespace samkoll::core;
using nlohmann::json;

namespace {

QString text(const json& v, const char* key)
{
    const auto it = v.find(key);
    return it != v.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

}  // namespace

Users::Users(Backend& backend, QObject* parent) : ServerTask(parent), m_backend(backend) {}

void Users::reload()
{
    call(QStringLiteral("/api/v1/users"), std::nullopt, {});
}

void Users::addUser(const QString& login, const QString& role, const QString& team)
{
    if (login.trimmed().isEmpty())
        return fail(QStringLiteral("login"), tr("Write the user's login name."));
    json body{{"login", login.trimmed().toStdString()}, {"role", role.toStdString()}};
    if (role == QLatin1String("coordinator"))
        body["team"] = team.toStdString();
    call(QStringLiteral("/api/v1/users"), body, tr("%1 is added. Make an enrolment code for the user's computer.").arg(login.trimmed()));
}

void Users::makeCode(const QString& login)
{
    call(QStringLiteral("/api/v1/enrolment-codes"), json{{"login", login.toStdString()}}, {});
}

void Users::revoke(const QString& deviceId)
{
    call(QStringLiteral("/api/v1/devices/revoke"), json{{"device_id", deviceId.toStdString()}},
         tr("The device is revoked: it can no longer sync."));
}

void Users::show(const json& answer)
{
    m_users.clear();
    for (const auto& u : answer.value("users", json::array())) {
        const auto team = u.value("team", json());
        m_users.push_back(QVariantMap{{QStringLiteral("login"), text(u, "login")},
                                      {QStringLiteral("role"), text(u, "role")},
                                      {QStringLiteral("teamCode"), team.is_object() ? text(team, "code") : QString()},
                                      {QStringLiteral("teamName"), team.is_object() ? text(team, "name") : QString()}});
    }
    m_devices.clear();
    for (const auto& d : answer.value("devices", json::array()))
        m_devices.push_back(QVariantMap{{QStringLiteral("id"), text(d, "id")},
                                        {QStringLiteral("login"), text(d, "login")},
                                        {QStringLiteral("name"), text(d, "name")},
                                        {QStringLiteral("createdAt"), formatTimestamp(text(d, "created_at"))},
                                        {QStringLiteral("lastSeenAt"), formatTimestamp(text(d, "last_seen_at"))},
                                        {QStringLiteral("revoked"), d.value("revoked", false)},
                                        {QStringLiteral("thisDevice"), d.value("this_device", false)}});
    emit changed();
}

void Users::call(const QString& path, const std::optional<json>& body, const QString& done)
{
    if (!begin())
        return;
    m_backend.run(
        this, [path = path.toStdString(), body](SyncEngine& e) { return e.serverCall(path, body); },
        [this, done](Result<json> r) {
            if (!r)
                return fail(r.error());
            if (r->contains("code")) {  // a new enrolment code: shown once, the lists are unchanged
                m_code = text(*r, "code");
                m_codeLogin = text(*r, "login");
                return succeed(tr("The code is valid for %n day(s) and can be used once.", "",
                                  r->value("valid_days", 14)));
            }
            show(*r);
            succeed(done);
        });
}

}  // namespace samkoll::client
