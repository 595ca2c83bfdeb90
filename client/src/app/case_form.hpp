// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariantMap>

#include "samkoll/domain/case.hpp"
#include "samkoll/domain/entities.hpp"

namespace samkoll::client {

/// What the case form holds, as QML sees it: one key per field of
/// case_fields (code, gender, birth_year, referral_date, …), values as typed.
/// Converts both ways and checks the form with the core's rules, so the form
/// can show the message under the field it names and keep what was typed.
namespace caseform {

/// A new, empty form: referral today.
QVariantMap blank();
QVariantMap fromCase(const core::Case& c);
/// Parses the typed values; impossible dates and non-numbers name their field.
core::Result<core::Case> toCase(const QVariantMap& form, core::Id teamId);
/// toCase + every lifecycle rule of the core, against today's date.
core::Result<core::Case> check(const QVariantMap& form, core::Id teamId);

}  // namespace caseform
}  // namespace samkoll::client
