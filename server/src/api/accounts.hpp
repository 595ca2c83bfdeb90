// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "samkoll/domain/result.hpp"
#include "samkoll/store/database.hpp"
#include "samkoll/sync/sync_service.hpp"

namespace samkoll::server {

using core::Id;

/// What a device learns when it enrols.
struct Enrolment {
    std::string deviceId;
    std::string token;  ///< shown once; only its hash is stored
    core::DeviceContext context;
    std::string login;
    std::string teamCode;
    std::string teamName;
    std::string federationName;
};

struct DeviceInfo {
    std::string id;
    std::string login;
    std::string name;
    std::string createdAt;
    std::string lastSeenAt;
    bool revoked = false;
};

struct UserInfo {
    std::string login;
    core::Role role = core::Role::Coordinator;
    std::string teamCode;  ///< a coordinator's team; empty for the kansli and the board
    std::string teamName;
};

/// Users, one-time enrolment codes and device tokens. Only SHA-256 hashes of
/// codes and tokens are stored.
class Accounts {
public:
    explicit Accounts(core::Database& db) : m_db(db) {}

    core::Result<Id> addUser(Id federationId, const std::string& login, core::Role role, const std::string& teamCode);
    /// A new one-time code for the user, valid `days` days; returns the code in clear text.
    core::Result<std::string> newEnrolmentCode(Id federationId, const std::string& login, int days = 14);
    /// Exchanges a code for a device token. The code is used up.
    core::Result<Enrolment> enrol(const std::string& code, const std::string& deviceName);
    /// The device behind a bearer token; refuses unknown and revoked tokens.
    core::Result<core::DeviceContext> authenticate(const std::string& token);
    core::Status revoke(const std::string& deviceId);
    core::Result<std::vector<DeviceInfo>> devices(Id federationId);
    core::Result<std::vector<UserInfo>> users(Id federationId);

private:
    core::Result<core::DeviceContext> contextOf(Id userId, const std::string& deviceId);
    core::Database& m_db;
};

}  // namespace samkoll::server
