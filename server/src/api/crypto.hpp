// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace samkoll::server {

/// Hex SHA-256 of `data` (OpenSSL).
std::string sha256Hex(std::string_view data);
/// `bytes` cryptographically random bytes as hex.
std::string randomHex(int bytes);
/// A one-time enrolment code people can type: 12 characters from an
/// unambiguous alphabet, grouped "ABCD-EFGH-JKMN".
std::string randomEnrolmentCode();
/// Normalises a typed code: upper case, no spaces or dashes.
std::string normaliseEnrolmentCode(std::string_view typed);

/// Writes a self-signed certificate and its private key (PEM, EC P-256) for a
/// first install. Throws std::runtime_error with a Swedish message.
void writeSelfSignedCertificate(const std::string& certFile, const std::string& keyFile, const std::string& host,
                                int days);

}  // namespace samkoll::server
