// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "samkoll/domain/case.hpp"
#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/sync/case_fields.hpp"
#include "samkoll/store/database.hpp"
#include "samkoll/sync/configuration.hpp"
#include "samkoll/sync/hlc.hpp"
#include "samkoll/sync/protocol.hpp"

namespace samkoll::core {

/// How a device reaches the server: HTTPS in the client, a direct call in tests.
class SyncTransport {
public:
    virtual ~SyncTransport() = default;
    virtual Result<nlohmann::json> configuration() = 0;
    virtual Result<BatchResult> push(const Batch& batch) = 0;
    /// The push of `batch`, made ready now and sent when called (on another
    /// thread, after the previous batch was answered): a transport encodes
    /// here, while the server is still busy with the batch before.
    virtual std::function<Result<BatchResult>()> preparePush(const Batch& batch)
    {
        return [this, batch] { return push(batch); };
    }
    virtual Result<PullResult> pull(std::int64_t cursor, int limit) = 0;
};

/// What one synchronisation did.
struct SyncReport {
    int pushed = 0;
    int acknowledged = 0;
    int refused = 0;
    int pulled = 0;
    int conflicts = 0;
    std::optional<std::int64_t> clockSkewMs;
};

/// An operation the server refused, kept in the outbox with its reason.
/// A judgment of this device not yet acknowledged by the server: waiting to
/// be sent, or refused (a concurrent edit came first: `refusedCode` "conflict"
/// and the message says what the other judgment is).
struct PendingJudgment {
    std::int64_t seq = 0;
    JudgmentEdit edit;
    std::string refusedCode;
    std::string refusedMessage;
};

struct RefusedOperation {
    std::int64_t seq = 0;
    std::string uid;
    std::string code;
    std::string message;
    OperationKind kind = OperationKind::CaseUpsert;
    std::string caseCode;  ///< for a case operation: the case's code now (empty when gone)
    FinanceEdit finance;   ///< for a finance operation: what it set
    bool settleable = false;  ///< a conflict the user settles (Replica::settle): keep mine or take the other
};

/// A success story as the device lists it.
struct StoryRow {
    Story story;
    bool pendingSync = false;  ///< a change of it still waits in the outbox
};

/// A field two devices changed at once: the server kept one value
/// provisionally; the coordinator picks which stays.
struct ConflictInfo {
    std::string uid;
    std::string caseUid;
    std::string caseCode;
    std::string field;  ///< case field name, e.g. "exit_outcome"
    std::optional<std::string> kept;   ///< the value now in the case
    std::optional<std::string> other;  ///< the value that lost provisionally
    std::string otherDevice;
};

/// A survey round as the Enkäter view picks it: questionnaire, respondent
/// group, team code (empty for förbund-level groups) and period ("2021",
/// "2021 T2" or "2021-01-01/2021-06-30").
struct RoundKey {
    std::string questionnaire;
    RespondentGroup group = RespondentGroup::ParticipantsExit;
    std::string team;
    std::string period;
};

/// One cell of a tally entry: `delta` answers of `gender` chose `option` of `question`.
struct TallyEntry {
    std::string question;
    int option = 1;
    Gender gender = Gender::Woman;
    std::int64_t delta = 0;
};

/// The device side of sync (docs/protocol.md), transport-free: a local copy of
/// the data the device may see, local edits that are saved and queued in the
/// outbox in one transaction, and application of downloaded changes.
///
/// Files (shared/src/sync/): replica.cpp (state, clock, outbox rows),
/// configuration.cpp (applyConfiguration), local_edits.cpp (every edit: saved
/// and queued in one transaction), outbox.cpp (pending, acknowledgements,
/// refusals, conflicts), apply_pull.cpp (downloads), synchronise.cpp (the
/// driver). Functions returning Result/Status never throw; the plain reads
/// (state, cursor, pending, pendingCount, refused, conflicts, counts) throw
/// StoreError on a storage failure — call them inside guarded() or a job whose
/// failure is reported. Threads: one Replica and its Database per thread (the
/// client's database thread); synchronise() runs the transport's send on a
/// second thread but touches the Replica only from the calling one.
class Replica {
public:
    /// `node` names this device in its clocks (the device id once enrolled);
    /// `clockMs` is the wall clock (tests skew it).
    Replica(Database& db, std::string node, std::function<std::int64_t()> clockMs = {});

    /// This device's wall clock, in milliseconds since the epoch.
    [[nodiscard]] std::int64_t nowMs() const { return m_clockMs(); }
    /// Moves the logical clock past the server's time, so that edits made after
    /// a sync order after what the server has seen even when this clock is slow.
    void observeServerTime(std::int64_t serverMs);

    // --- Sync state -----------------------------------------------------------
    std::optional<std::string> state(const std::string& key);
    Status setState(const std::string& key, const std::string& value);
    [[nodiscard]] std::int64_t cursor();

    /// Replaces the local configuration with the server's (teams by code).
    Status applyConfiguration(const nlohmann::json& config);
    /// The local förbund (after the configuration has been applied).
    Result<Id> federationId();

    // --- Local edits: saved and queued in one transaction ----------------------
    Result<std::string> createCase(Case c);
    /// Saves the changed fields and queues them with the values they replaced.
    /// While the case's creation has not reached the server (not yet sent, or
    /// refused — say its code was taken by another device), the edit is folded
    /// into that queued creation instead, and a refusal is cleared so the
    /// corrected case is offered again.
    Status editCase(const Case& updated);
    Status deleteCase(const std::string& uid);
    /// Takes back a delete that has not yet been offered to the server.
    Status undoDelete(const std::string& uid);
    /// Saves a batch of tally entries (one grid or one answer sheet) in one
    /// transaction; every row carries the returned batch id.
    Result<std::string> addTallyBatch(const RoundKey& round, const std::vector<TallyEntry>& entries,
                                      const std::string& enteredBy);
    /// A correction of chosen cells: signed counts (−1 where one answer too
    /// many was typed, +1 where it belonged), saved as new immutable rows in a
    /// batch of its own. A cell whose total would fall below 0 is refused,
    /// named by question, option and gender; nothing of the batch is saved.
    Result<std::string> correctCells(const RoundKey& round, const std::vector<TallyEntry>& cells,
                                     const std::string& enteredBy);
    /// A counter-entry: a new batch with every row of the entry `batch`
    /// negated. An entry is counter-entered at most once; a correction or a
    /// counter-entry is not counter-entered.
    Result<std::string> correctBatch(const RoundKey& round, const std::string& batch, const std::string& enteredBy);
    /// The number of people invited to answer, for the response rate.
    Status setInvited(const RoundKey& round, std::int64_t invited);
    /// Creates (empty uid) or edits a success story; returns its uid.
    Result<std::string> saveStory(Story story);
    /// Women and men among a team's staff or steering group for a year.
    Status setComposition(const Composition& composition);
    /// One of the kansli's finance edits (budget line, budget, utfall, prognos,
    /// opening equity, setting): made here at once and queued for the server.
    /// A figure's edit carries what this device had of it, so that the server
    /// refuses it as a "conflict" when another computer changed the figure
    /// first (settle() chooses); a second edit of the figure before the first
    /// was sent replaces it in the queue.
    Status financeEdit(OperationKind kind, const FinanceEdit& edit);
    /// The kansli's judgment of a manual indicator for a unit and year (none in
    /// `achieved` takes it away): made here at once and queued, against the
    /// version of it this device last had from the server (a second edit
    /// before sending replaces the first in the queue). `by` is the login.
    Status judgmentEdit(JudgmentEdit edit, const std::string& by);
    /// This device's judgments of the year still on their way (or refused).
    Result<std::vector<PendingJudgment>> pendingJudgments(int year);
    /// Settles an edit the server refused as a conflict (a judgment, or a
    /// finance figure another computer changed first): keep this device's
    /// (sent again, now over the other) or take the other (this device's is
    /// dropped, the server's shown). Other refusals are not settled here.
    Status settle(std::int64_t seq, bool keepMine);
    /// Adds a tally entry (a negative count corrects an earlier one): a batch of one.
    Result<std::string> addTally(const std::string& questionnaire, RespondentGroup group, const std::string& teamCode,
                                 const std::string& period, const std::string& question, int option, Gender gender,
                                 std::int64_t delta, const std::string& enteredBy);

    // --- Reads of the local copy (Result: never throw) -------------------------------
    /// A team's success stories, newest first.
    Result<std::vector<StoryRow>> stories(Id teamId);
    /// A team's composition rows (staff, steering group) of a year.
    /// none: the förbund's own (the board).
    Result<std::vector<Composition>> compositions(std::optional<Id> teamId, int year);

    // --- Conflicts -------------------------------------------------------------
    /// Unresolved conflicts of cases that still exist, oldest first.
    std::vector<ConflictInfo> conflicts();
    /// Settles a conflict: keeps the current value or takes the other one (as an
    /// ordinary edit), and tells the other devices it is settled.
    Status resolveConflict(const std::string& uid, bool takeOther);

    // --- Outbox ----------------------------------------------------------------
    /// Queued operations after `afterSeq`, oldest first (refused ones included:
    /// they are resent): at most `limit`, and no more than `maxBytes` of
    /// encoded operations (but at least one).
    std::vector<Operation> pending(std::int64_t afterSeq, int limit, std::size_t maxBytes = SIZE_MAX);
    [[nodiscard]] int pendingCount();
    /// Refused operations, oldest first, with the code of the case they concern.
    std::vector<RefusedOperation> refused();
    [[nodiscard]] int refusedCount();
    /// Unresolved conflicts of cases that still exist (as conflicts() lists them).
    [[nodiscard]] int conflictCount();
    /// Marks operations up to `seq` as offered to the server: from now on they
    /// may have been applied there, so a delete among them can no longer be undone.
    Status markSent(std::int64_t seq);
    /// Removes acknowledged operations; records the reason of refused ones.
    Status acknowledge(const BatchResult& result);

    // --- Download ----------------------------------------------------------------
    /// Applies downloaded changes and saves the new cursor in one transaction.
    /// Fields with a local change still in the outbox keep the local value.
    Status applyPull(const PullResult& pull);
    /// Forgets the cursor (after "invalid_cursor"): the next pull downloads
    /// everything again; the outbox is untouched.
    Status resetCursor();

private:
    struct SavedBatch {
        std::string batch;
        std::vector<std::string> uids;  ///< of the rows, in order
    };
    Result<SavedBatch> insertTallyBatch(const RoundKey& round, const std::vector<TallyEntry>& entries,
                                        const std::string& enteredBy, const std::string& batchId = {});
    /// An outbox row as an operation (nullopt for a row this class cannot read).
    static std::optional<Operation> outboxOperation(std::int64_t seq, const std::string& stored);
    std::string nextHlc();
    Status enqueue(Operation op);
    Status applyCase(const Change& change);
    /// A case as the server has it (a change or a table row).
    Status applyCaseState(const std::string& uid, const std::string& teamCode, bool deleted, CaseFields server);
    /// A downloaded tally row, as a change or a table row gives it (views into the page).
    struct PulledTally {
        std::string_view uid, questionnaire, group;
        std::optional<std::string_view> team;
        std::string_view period, question;
        int option = 0;
        std::string_view gender;
        std::int64_t delta = 0;
        std::string_view enteredBy, enteredAt, batch;
    };
    Status applyTally(const Change& change);
    Status applyTallyRecord(const PulledTally& t);
    Status applyStory(const Change& change);
    Status applyConflict(const Change& change);
    Status applyRound(const Change& change);
    /// A pulled case takes a code a local, unsynced case has: the local one
    /// moves aside to "<code>-dubblett" (and its queued operations with it).
    Status moveAsideLocalCode(Id team, const std::string& code, const std::string& incomingUid);
    Status applyComposition(const Change& change);
    /// The server's finance part, then this device's unsent finance edits of it again on top.
    Status applyFinance(const Change& change);
    /// The server's judgments of a year, kept as sent (the versions a new edit
    /// is made against), then this device's unsent judgments again on top.
    Status applyJudgments(const std::string& uid, const nlohmann::json& data);
    /// The round's id (created when missing) and its period as "from/to".
    Result<std::pair<Id, std::string>> roundOf(const RoundKey& round, std::optional<std::int64_t> invited);
    std::optional<Id> teamIdOf(const std::string& code);
    std::string teamCodeOf(Id teamId);

    Database& m_db;
    HlcClock m_clock;
    std::function<std::int64_t()> m_clockMs;
    // Looked up once per download instead of once per row.
    std::optional<Id> m_federation;
    std::map<std::string, Id> m_teamIds;
    // Within one download page (cleared when a page does not commit).
    std::map<std::string, Id> m_roundIds;     ///< round key → id
    std::map<std::string, Id, std::less<>> m_questionIds;  ///< question code → id
};

/// One synchronisation (docs/protocol.md): refresh the configuration when
/// asked, upload the outbox in batches, then download changes until the server
/// has no more. Any failure stops it with the outbox and cursor intact, so the
/// next attempt resumes safely.
Result<SyncReport> synchronise(Replica& replica, SyncTransport& transport, const std::string& deviceId,
                               bool refreshConfiguration = false, bool confirmMassDelete = false);

}  // namespace samkoll::core
