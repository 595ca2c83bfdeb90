// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "samkoll/domain/result.hpp"
#include "samkoll/domain/terms.hpp"
#include "samkoll/sync/case_fields.hpp"

namespace samkoll::core {

/// The batch schema version this build writes. The server accepts this and the
/// previous version; others are answered "update the client" (docs/protocol.md).
/// 1: cases, deletes, tally entries. 2: adds conflict.resolve, story.upsert,
/// composition.set, round.invited and the entry batch of tally entries.
/// 3: adds the kansli's finance operations (finance.line, finance.budget,
/// finance.outcome, finance.forecast, finance.equity, finance.setting).
inline constexpr int kProtocolVersion = 4;
inline constexpr int kOldestAcceptedProtocolVersion = kProtocolVersion - 1 > 0 ? kProtocolVersion - 1 : 1;
/// Clocks further apart than this are reported to the user.
inline constexpr std::int64_t kMaxClockSkewMs = 5 * 60 * 1000;
/// How far ahead of the server's clock an operation's clock may be. Beyond it
/// the server takes the operation as made now: a device whose clock ran years
/// ahead must not win every later edit of the same fields.
inline constexpr std::int64_t kMaxFutureClockMs = 48LL * 60 * 60 * 1000;

enum class OperationKind {
    CaseUpsert,
    CaseDelete,
    TallyAdd,
    ConflictResolve,
    StoryUpsert,
    CompositionSet,
    RoundInvited,
    FinanceLine,      ///< a budget line (created, or its name, group, unit and links changed)
    FinanceBudget,    ///< a line's budget for a year: a year amount or twelve months; `revise` makes a new version
    FinanceOutcome,   ///< the kansli's own utfall for a line and month (null clears it)
    FinanceForecast,  ///< the prognos of a line for a year (null: computed again)
    FinanceEquity,    ///< opening equity of a year
    FinanceSetting,   ///< a dated setting (equity rule, member key)
    JudgmentSet,      ///< the kansli's judgment of a manual indicator for a unit and year (version 4)
};

/// Whether an operation is one of the kansli's finance operations.
constexpr bool isFinance(OperationKind k)
{
    return k >= OperationKind::FinanceLine && k <= OperationKind::FinanceSetting;
}

/// What a finance operation carries (amounts in öre, Samkoll's signs).
struct FinanceEdit {
    std::string line;  ///< the line's code (line, budget, outcome, forecast)
    std::string name;  ///< finance.line
    std::string group; ///< finance.line: income, administration, operations, interventions, financial
    std::string unit;  ///< finance.line: the budget unit's code (created when new)
    std::string team;  ///< finance.line: an insats linked to a team, or empty
    std::string member;///< finance.line: a member contribution's member, or empty
    int year = 0;
    int month = 0;     ///< finance.outcome
    std::optional<std::int64_t> amount;  ///< budget (year), outcome, forecast, equity; null clears outcome/forecast
    std::optional<std::array<std::int64_t, 12>> months;  ///< finance.budget by month
    bool revise = false;     ///< finance.budget: a new version
    std::string key;         ///< finance.setting
    std::string validFrom;   ///< finance.setting, ÅÅÅÅ-MM-DD
    std::string value;       ///< finance.setting
    /// budget, outcome, forecast, equity: what the editor saw of the figure
    /// (`base`, none = nothing entered). With `checked`, the server refuses
    /// the edit as a "conflict" when the figure is something else by then —
    /// another computer changed it first. Without (older clients, the CLI)
    /// the last edit stands.
    bool checked = false;
    std::optional<std::int64_t> base;
};

/// What a judgment.set carries: the indicator, the unit (a team's code, or
/// empty for the förbund), the year, achieved or not (none takes the judgment
/// away), the motivation, and `base`: the version (assessed_at) of the
/// judgment the kansli saw, empty when there was none. The server refuses an
/// edit whose base is not the judgment's version any more (code "conflict"):
/// another edit came first, and neither is silently overwritten.
struct JudgmentEdit {
    std::string indicator;
    std::string team;
    int year = 0;
    std::optional<bool> achieved;
    std::string motivation;
    std::string base;
};
/// The year of a change-log uid "<prefix>ÅÅÅÅ" ("finance:2021", "judgment:2021"), or none.
std::optional<int> yearOfUid(std::string_view uid, std::string_view prefix);
/// "judgment:ÅÅÅÅ": the change-log uid of a year's judgments, which judgment.set carries as uid.
std::string judgmentUid(int year);

/// The change-log uid a finance operation belongs to: "finance:definitions"
/// (units and lines), "finance:settings", or "finance:ÅÅÅÅ" (a year's budget,
/// utfall, prognos and opening equity). Finance operations carry it as uid.
std::string financeUid(OperationKind kind, int year);
/// The first protocol version that has an operation kind.
int introducedIn(OperationKind kind);

/// One entry of a device's outbox, keyed by (device id, seq).
struct Operation {
    std::int64_t seq = 0;
    OperationKind kind = OperationKind::CaseUpsert;
    std::string hlc;  ///< hybrid logical clock of the edit (Hlc::encode)

    // Cases
    std::string uid;
    std::string team;   ///< team code; required when creating
    bool create = false;
    CaseFields fields;  ///< the new values of the changed fields
    CaseFields base;    ///< the values the editor saw before changing them

    // Tally entries (and round.invited: the round's fields and `invited`)
    std::string questionnaire;
    RespondentGroup group = RespondentGroup::ParticipantsExit;
    std::string roundTeam;  ///< empty for förbund-level groups
    std::string period;     ///< "2021", "2021 T2" or "2021-01-01/2021-06-30"
    std::string question;
    int option = 0;
    Gender gender = Gender::Other;
    std::int64_t delta = 0;
    std::string enteredBy;
    std::string batch;         ///< entries saved together share a batch id (v2)
    std::int64_t invited = 0;  ///< round.invited

    // Success stories (story.upsert): uid, `team` (empty = the förbund)
    StoryCategory category = StoryCategory::PositiveSolution;
    std::string date;
    std::string title;
    std::string text;

    // Composition (composition.set): `team`, `year`
    CompositionBody body = CompositionBody::Staff;
    int year = 0;
    std::int64_t women = 0;
    std::int64_t men = 0;

    // Conflict resolutions: `uid` is the conflict's uid; the value the
    // coordinator picked travels as an ordinary case edit before it.
    // Finance (version 3): `uid` is financeUid(kind, year).
    FinanceEdit finance;
    // Judgments (version 4): `uid` is judgmentUid(year).
    JudgmentEdit judgment;
};

/// What a device uploads at once.
struct Batch {
    int schemaVersion = kProtocolVersion;
    std::string deviceId;
    std::int64_t clientTimeMs = 0;
    bool confirmMassDelete = false;  ///< the user confirmed deleting more than a fifth of a team's cases
    std::vector<Operation> operations;
};

enum class OperationStatus { Applied, Duplicate, Refused };

struct OperationResult {
    std::int64_t seq = 0;
    OperationStatus status = OperationStatus::Applied;
    std::optional<Error> error;  ///< why it was refused; the operation stays in the outbox
};

struct BatchResult {
    std::vector<OperationResult> results;
    std::optional<std::int64_t> highestAcknowledged;  ///< highest seq applied or already applied
    std::int64_t serverTimeMs = 0;
    std::optional<std::int64_t> clockSkewMs;  ///< client − server, when beyond kMaxClockSkewMs
    int conflicts = 0;                        ///< conflicts this batch recorded
    /// Creates naming another förbund's id, answered as taken and not stored
    /// (for the server's log only: never encoded into the answer).
    int foreignIds = 0;
};

/// One changed record since a cursor, in its current state.
struct Change {
    std::int64_t cursor = 0;
    std::string entity;  ///< "case", "tally", "story", "conflict"
    std::string uid;
    nlohmann::json data;
};

/// A download page's records of one kind as a table (the "tables" shape):
/// each row an array of values under `columns` (pageColumns), the first two
/// always the cursor and the uid.
struct PullTable {
    std::string entity;
    std::vector<std::string> columns;
    nlohmann::json rows;  ///< an array of arrays
};

struct PullResult {
    std::int64_t cursor = 0;  ///< save only after the changes are committed locally
    bool more = false;
    std::vector<Change> changes;
    std::vector<PullTable> tables;  ///< the "tables" shape: cases and tally rows
    /// Records on the page (changes and table rows).
    [[nodiscard]] std::size_t size() const;
};

/// How a download page carries cases and tally rows: as changes with an object
/// each (every client), or as tables (a client that asks: `shape=tables`) —
/// the same records in a third of the text, read without building an object
/// per record (bench/sync_bench).
enum class PageShape { Changes, Tables };

/// The columns of a table in the tables shape ("case" or "tally"); empty for
/// a kind that always travels as changes.
const std::vector<std::string>& pageColumns(const std::string& entity);

/// Parses an uploaded batch; errors name the JSON path, e.g. "operations[3].fields.start_date".
Result<Batch> parseBatch(std::string_view json);
nlohmann::json batchToJson(const Batch& b);
nlohmann::json operationToJson(const Operation& op);
Result<Operation> parseOperation(const nlohmann::json& j, const std::string& path);
nlohmann::json batchResultToJson(const BatchResult& r);
Result<BatchResult> parseBatchResult(const nlohmann::json& j);
nlohmann::json pullResultToJson(PullResult r);
Result<PullResult> parsePullResult(nlohmann::json j);
nlohmann::json errorToJson(const Error& e);

}  // namespace samkoll::core
