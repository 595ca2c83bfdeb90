// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariantMap>

#include <vector>

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
/// Every field's first problem, reading and rules together, in the form's
/// order (empty: the form can be saved).
std::vector<core::Error> checkAll(const QVariantMap& form, core::Id teamId);

}  // namespace caseform
}  // namespace samkoll::client
