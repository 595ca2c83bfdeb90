// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QString>
#include <QVariantList>

#include <nlohmann/json_fwd.hpp>

#include "samkoll/domain/result.hpp"

namespace samkoll::client {

/// The core's JSON as QML sees it: objects as maps, arrays as lists, null as undefined.
QVariant jsonToVariant(const nlohmann::json& j);
/// An index in the core's JSON (a number, or null when there is none) for QML: int or undefined.
QVariant indexVariant(const nlohmann::json& value);

/// The year a screen opens on: the newest of `years` (newest first) up to this
/// calendar year, else the oldest (a förbund planning ahead); 0 when none.
int defaultYear(const std::vector<int>& years);

/// Swedish (or the chosen language's) number format: "12 345".
QString formatCount(qint64 n);
/// "77 %" with the locale's decimal comma when needed.
QString formatPercent(double fraction, int decimals = 0);
/// A stored UTC time ("2026-11-22T09:17:38Z") in local time: "22 nov. 2026 10:17".
QString formatTimestamp(const QString& isoUtc);
/// A core message for display: first letter capitalised, ends with a full stop.
QString sentence(const std::string& message);
/// The language the user chose ("sv" or "en"), set by Localization::apply.
void setUiLanguage(const QString& language);
QString uiLanguage();
/// A refusal of the core or the server as the user reads it: in Swedish the
/// core's own sentence (it names the field and what to do); in English the
/// known codes (required, personnummer, locked period, conflict, forbidden,
/// network, not found …) in English by the code and the field, the rest as
/// the core wrote it.
QString errorText(const core::Error& error);

/// The options of a closed vocabulary ("gender", "exit_outcome", "status" …) as
/// [{code, label}], labels translated.
QVariantList termOptions(const QString& vocabulary);
/// The translated label of one code; the code itself when unknown.
QString termLabel(const QString& vocabulary, const QString& code);

}  // namespace samkoll::client
