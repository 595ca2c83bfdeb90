// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "samkoll/domain/date.hpp"
#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/domain/terms.hpp"
#include "samkoll/store/database.hpp"

namespace samkoll::core {

/// A question as the entry form shows it: verbatim text and the scale's options.
struct QuestionInfo {
    std::string code;
    std::string text;
    std::vector<std::string> options;  ///< option 1 first
};

struct QuestionnaireInfo {
    std::string code;
    std::string title;
    std::vector<QuestionInfo> questions;
};

/// The förbund's questionnaires with their questions in order.
Result<std::vector<QuestionnaireInfo>> questionnaires(Database& db, Id federationId);

/// What a batch of tally rows is, by its id: an entry ("<uid>"), a
/// correction of chosen cells with signed counts ("ratt:<uid>"), or the
/// counter-entry of a whole entry ("motb:<entry>:<16 hex>" — every row of
/// the entry negated, at most once per entry). At most 64 characters, as the
/// protocol carries them.
enum class TallyBatchKind { Entry, Correction, CounterEntry };
TallyBatchKind tallyBatchKind(const std::string& batch);
/// A new batch id of `kind`; a counter-entry names the entry it reverses.
std::string newTallyBatchId(TallyBatchKind kind, const std::string& reverses = {});
/// How every counter-entry of `entry` begins ("motb:<entry>:").
std::string counterEntryPrefix(const std::string& entry);
/// The entry a counter-entry reverses (empty for another kind).
std::string reversedEntry(const std::string& batch);

/// Tally entries saved together, as listed under the form.
struct TallyBatchInfo {
    std::string batch;
    std::string enteredBy;
    std::string enteredAt;  ///< ISO UTC of the first row
    std::int64_t rows = 0;
    std::int64_t sum = 0;   ///< negative for a counter-entry
    TallyBatchKind kind = TallyBatchKind::Entry;
    bool counterEntered = false;  ///< an entry that has been reversed by a counter-entry
};

/// Everything the Enkäter view shows of one round.
struct RoundView {
    bool exists = false;
    std::int64_t invited = 0;
    /// (question code, option, gender code) → current total
    std::map<std::tuple<std::string, int, std::string>, std::int64_t> totals;
    /// question code → answers to it (all options and genders)
    std::map<std::string, std::int64_t> answered;
    /// the most answered question's count: the respondents, for the response rate
    std::int64_t respondents = 0;
    std::vector<TallyBatchInfo> batches;  ///< newest first
};

/// The round of a questionnaire, group, team (none for förbund-level groups) and period.
Result<RoundView> roundView(Database& db, Id federationId, const std::string& questionnaire, RespondentGroup group,
                            std::optional<Id> teamId, const Period& period);

}  // namespace samkoll::core
