// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QVariantList>
#include <nlohmann/json_fwd.hpp>

#include "server_task.hpp"

namespace samkoll::client {

class Backend;

/// Användare: the kansli adds coordinators, kansli and board users, makes a
/// one-time enrolment code for a user's next computer, and revokes a lost
/// device — on the server at once (/api/v1/users …), as `samkolld user`,
/// `enrol-code` and `device` do.
class Users : public samkoll::client::ServerTask {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Användarna ägs av AppController")
    /// [{login, role, teamCode, teamName}]
    Q_PROPERTY(QVariantList users READ users NOTIFY changed)
    /// [{id, login, name, createdAt, lastSeenAt, revoked, thisDevice}]
    Q_PROPERTY(QVariantList devices READ devices NOTIFY changed)
    /// The last enrolment code made, for the user `codeLogin` — shown once.
    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(QString codeLogin READ codeLogin NOTIFY changed)

public:
    explicit Users(Backend& backend, QObject* parent = nullptr);

    Q_INVOKABLE void reload();
    /// role: "coordinator" (with team: its code), "central_office" or "board".
    Q_INVOKABLE void addUser(const QString& login, const QString& role, const QString& team);
    Q_INVOKABLE void makeCode(const QString& login);
    Q_INVOKABLE void revoke(const QString& deviceId);

    QVariantList users() const { return m_users; }
    QVariantList devices() const { return m_devices; }
    QString code() const { return m_code; }
    QString codeLogin() const { return m_codeLogin; }
    /// Shows the server's lists (GET/POST /api/v1/users …) — every answer goes
    /// through here; the view tests give one without a server.
    void show(const nlohmann::json& answer);

private:
    void call(const QString& path, const std::optional<nlohmann::json>& body, const QString& done);

    Backend& m_backend;
    QVariantList m_users, m_devices;
    QString m_code, m_codeLogin;
};

}  // namespace samkoll::client
