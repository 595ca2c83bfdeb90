// SPDX-License-Identifier: GPL-3.0-or-later
// Protocol version 2 in process: tally entry batches and their counter-entries,
// the number invited, success stories and composition travel between two
// devices of a team through the server; a version-1 client still works and
// cannot send what version 2 added.
#include "samkoll/store/survey_view.hpp"
#include "fixtures.hpp"

#include "direct_transport.hpp"

using namespace samkoll::test;

namespace {

/// A coordinator's device of a team.
struct Device : InProcessDevice {
    Device(Fixture& server, const std::string& deviceId, Id team, std::mt19937_64& rng)
        : InProcessDevice(*server.db, server.fed, deviceId, Role::Coordinator, team, rng)
    {
    }
};

std::int64_t count(Database& db, const std::string& sql)
{
    auto st = db.prepare(sql);
    st.step();
    return st.integer(0);
}

const RoundKey kExit{"deltagare_avslut", RespondentGroup::ParticipantsExit, "ta", "2021"};

}  // namespace

TEST_CASE("v2: a batch of tally entries and its counter-entry reach the other device and the server", "[core][sync][v2]")
{
    Fixture server;
    std::mt19937_64 rng(1);
    Device a(server, "a", server.teamA, rng), b(server, "b", server.teamA, rng);

    auto batch = a.replica->addTallyBatch(kExit,
                                          {{"d_lyssnat", 4, Gender::Woman, 3}, {"d_lyssnat", 3, Gender::Man, 2},
                                           {"d_stod", 4, Gender::Woman, 5}},
                                          "anna");
    REQUIRE(batch);
    CHECK(a.count("SELECT count(*) FROM tally_delta WHERE batch = '" + *batch + "'") == 3);
    CHECK(a.replica->pendingCount() == 3);
    // An impossible option names its field and saves nothing of the batch.
    auto bad = a.replica->addTallyBatch(kExit, {{"d_lyssnat", 4, Gender::Woman, 1}, {"d_lyssnat", 9, Gender::Woman, 1}}, "anna");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().field == "option");
    CHECK(a.count("SELECT count(*) FROM tally_delta") == 3);

    REQUIRE(a.sync());
    REQUIRE(b.sync());
    CHECK(b.count("SELECT count(*) FROM tally_delta WHERE batch = '" + *batch + "' AND entered_by = 'anna'") == 3);
    CHECK(count(*server.db, "SELECT sum(total) FROM tally_total") == 10);

    // The other device corrects the whole batch by a counter-entry.
    auto correction = b.replica->correctBatch(kExit, *batch, "bertil");
    REQUIRE(correction);
    CHECK(*correction != *batch);
    CHECK(b.count("SELECT sum(delta) FROM tally_delta WHERE batch = '" + *correction + "'") == -10);
    REQUIRE(b.sync());
    REQUIRE(a.sync());
    CHECK(count(*server.db, "SELECT sum(total) FROM tally_total") == 0);
    CHECK(a.count("SELECT sum(total) FROM tally_total") == 0);
    CHECK(count(*server.db, "SELECT count(*) FROM tally_delta") == 6);  // nothing erased: six immutable rows
    // An entry is counter-entered once: a second counter-entry is refused, nothing saved.
    auto twice = a.replica->correctBatch(kExit, *batch, "anna");
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == "already_counter_entered");
    CHECK_FALSE(a.replica->correctBatch(kExit, *correction, "anna"));  // nor is a counter-entry itself
    CHECK(count(*server.db, "SELECT count(*) FROM tally_delta") == 6);
}

TEST_CASE("A single-cell correction changes that cell's total only, syncs, and converges on a second device",
          "[core][sync][v2]")
{
    Fixture server;
    std::mt19937_64 rng(3);
    Device a(server, "a", server.teamA, rng), b(server, "b", server.teamA, rng);
    auto entry = a.replica->addTallyBatch(kExit,
                                          {{"d_lyssnat", 4, Gender::Woman, 3}, {"d_lyssnat", 3, Gender::Man, 2},
                                           {"d_stod", 4, Gender::Woman, 5}},
                                          "anna");
    REQUIRE(entry);
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    const std::string cells = "SELECT q.code || '|' || t.option_no || '|' || t.gender || '=' || t.total FROM tally_total t "
                              "JOIN question q ON q.id = t.question_id ORDER BY 1";
    auto totals = [&](Device& d) {
        std::vector<std::string> out;
        auto st = d.db->prepare(cells);
        while (st.step())
            out.push_back(st.text(0));
        return out;
    };
    const auto before = totals(b);

    // One answer was read into the wrong option: −1 on option 4, +1 on option 5, same question and gender.
    auto fixed = b.replica->correctCells(kExit, {{"d_lyssnat", 4, Gender::Woman, -1}, {"d_lyssnat", 5, Gender::Woman, 1}},
                                         "bertil");
    REQUIRE(fixed);
    CHECK(tallyBatchKind(*fixed) == TallyBatchKind::Correction);
    const auto after = totals(b);
    CHECK(std::find(after.begin(), after.end(), "d_lyssnat|4|woman=2") != after.end());
    CHECK(std::find(after.begin(), after.end(), "d_lyssnat|5|woman=1") != after.end());
    // Every other cell is as it was.
    for (const auto& cell : before)
        if (cell.rfind("d_lyssnat|4|woman", 0) != 0)
            CHECK(std::find(after.begin(), after.end(), cell) != after.end());
    // A correction below zero names the cell and saves nothing.
    auto below = b.replica->correctCells(kExit, {{"d_stod", 2, Gender::Man, -1}}, "bertil");
    REQUIRE_FALSE(below);
    CHECK(below.error().code == "negative_total");
    CHECK(below.error().message.find("d_stod") != std::string::npos);
    CHECK(below.error().message.find("svarsalternativ 2") != std::string::npos);
    CHECK(b.count("SELECT count(*) FROM tally_delta WHERE batch LIKE 'ratt:%'") == 2);

    REQUIRE(b.sync());
    REQUIRE(a.sync());
    CHECK(totals(a) == after);  // converged: the first device has the same totals, cell by cell
    CHECK(count(*server.db, "SELECT total FROM tally_total t JOIN question q ON q.id = t.question_id "
                            "WHERE q.code = 'd_lyssnat' AND t.option_no = 4 AND t.gender = 'woman'") == 2);
    // Counter-entering the whole entry now would take the corrected cell below zero (2 − 3): refused, named.
    auto reversal = a.replica->correctBatch(kExit, *entry, "anna");
    REQUIRE_FALSE(reversal);
    CHECK(reversal.error().code == "negative_total");
    CHECK(reversal.error().message.find("d_lyssnat") != std::string::npos);
}

TEST_CASE("v2: the number invited, stories and composition sync both ways", "[core][sync][v2]")
{
    Fixture server;
    std::mt19937_64 rng(2);
    Device a(server, "a", server.teamA, rng), b(server, "b", server.teamA, rng);

    REQUIRE(a.replica->setInvited(kExit, 40));
    Story story;
    story.teamId = server.teamA;
    story.category = StoryCategory::CircleBroken;
    story.date = Date{2021, 5, 3};
    story.title = "Rundgången bröts";
    story.text = "Efter tre år mellan myndigheterna fick deltagaren ett samlat stöd.";
    auto uid = a.replica->saveStory(story);
    REQUIRE(uid);
    Composition staff;
    staff.teamId = server.teamA;
    staff.body = CompositionBody::Staff;
    staff.year = 2021;
    staff.women = 4;
    staff.men = 1;
    REQUIRE(a.replica->setComposition(staff));
    REQUIRE(a.sync());

    CHECK(count(*server.db, "SELECT invited FROM survey_round WHERE respondent_group = 'participants_exit'") == 40);
    CHECK(count(*server.db, "SELECT count(*) FROM story WHERE title = 'Rundgången bröts'") == 1);
    CHECK(count(*server.db, "SELECT women * 10 + men FROM composition WHERE year = 2021 AND body = 'staff'") == 41);

    REQUIRE(b.sync());
    CHECK(b.count("SELECT invited FROM survey_round WHERE respondent_group = 'participants_exit'") == 40);
    CHECK(b.count("SELECT count(*) FROM story WHERE uid = '" + *uid + "'") == 1);
    CHECK(b.count("SELECT women * 10 + men FROM composition WHERE year = 2021 AND body = 'staff'") == 41);

    // An edit on the other device comes back.
    story.uid = *uid;
    story.title = "Rundgången bröts – Vännäs";
    REQUIRE(b.replica->saveStory(story));
    staff.women = 5;
    REQUIRE(b.replica->setComposition(staff));
    REQUIRE(b.sync());
    REQUIRE(a.sync());
    CHECK(a.count("SELECT count(*) FROM story WHERE title = 'Rundgången bröts – Vännäs'") == 1);
    CHECK(a.count("SELECT women FROM composition WHERE year = 2021 AND body = 'staff'") == 5);
    CHECK(a.count("SELECT count(*) FROM composition") == 1);
}

TEST_CASE("v2: a team writes only its own stories and composition", "[core][sync][v2][security]")
{
    Fixture server;
    std::mt19937_64 rng(3);
    Device b(server, "b", server.teamB, rng);
    Composition other;
    other.teamId = server.teamA;  // not team B's
    other.body = CompositionBody::SteeringGroup;
    other.year = 2021;
    other.women = 1;
    other.men = 1;
    REQUIRE(b.replica->setComposition(other));
    REQUIRE(b.sync());
    auto refused = b.replica->refused();
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].code == "forbidden");
    CHECK(count(*server.db, "SELECT count(*) FROM composition") == 0);
}

TEST_CASE("Versions: a client one version behind works, two behind is refused with its outbox kept", "[core][sync][v2]")
{
    Fixture server;
    const DeviceContext ctx{"old", server.fed, Role::Coordinator, server.teamA};
    SyncService service(*server.db);
    auto caseOp = [&](std::int64_t seq) {
        Operation op;
        op.seq = seq;
        op.kind = OperationKind::CaseUpsert;
        op.hlc = Hlc{1700000000000, 0, "old"}.encode();
        op.uid = "old-case-" + std::to_string(seq);
        op.team = "ta";
        op.create = true;
        Case c = server.startedCase(server.teamA, Gender::Woman, Date{2021, 3, 1});
        op.fields = caseToFields(c);
        return op;
    };
    Batch v1;
    v1.schemaVersion = kProtocolVersion - 1;
    v1.deviceId = "old";
    v1.operations = {caseOp(1)};
    // An operation the current version added (the kansli's judgments, version 4).
    Operation newest;
    newest.seq = 2;
    newest.kind = OperationKind::JudgmentSet;
    newest.hlc = Hlc{1700000000001, 0, "old"}.encode();
    newest.judgment.indicator = "1.2.4";
    newest.judgment.year = 2021;
    newest.judgment.achieved = true;
    newest.judgment.motivation = "Sammanställningen finns.";
    newest.uid = judgmentUid(2021);
    REQUIRE(introducedIn(newest.kind) == kProtocolVersion);
    v1.operations.push_back(newest);
    auto r = service.push(ctx, *parseBatch(batchToJson(v1).dump()), Date{2026, 1, 1});
    REQUIRE(r);
    REQUIRE(r->results.size() == 2);
    CHECK(r->results[0].status == OperationStatus::Applied);  // what version 1 had still works
    CHECK(r->results[1].status == OperationStatus::Refused);  // what the current version added is not for it
    CHECK(r->results[1].error->code == "unsupported_operation");
    CHECK(count(*server.db, "SELECT count(*) FROM cases WHERE uid = 'old-case-1'") == 1);

    Batch v0 = v1;
    v0.schemaVersion = kProtocolVersion - 2;
    v0.operations = {caseOp(3)};
    auto old = service.push(ctx, v0, Date{2026, 1, 1});
    REQUIRE_FALSE(old);
    CHECK(old.error().code == "unsupported_version");
    CHECK(old.error().message.find("Uppdatera") != std::string::npos);
    CHECK(count(*server.db, "SELECT count(*) FROM cases WHERE uid = 'old-case-3'") == 0);
}

namespace {
/// A client two protocol versions behind: every batch it sends is that old.
class OldTransport : public DirectTransport {
public:
    using DirectTransport::DirectTransport;
    Result<BatchResult> push(const Batch& batch) override
    {
        Batch old = batch;
        old.schemaVersion = kProtocolVersion - 2;
        return DirectTransport::push(old);
    }
};
}  // namespace

TEST_CASE("Versions: a device two versions behind keeps its outbox and says to update", "[core][sync][v2]")
{
    Fixture server;
    std::mt19937_64 rng(4);
    auto db = std::move(Database::open(":memory:").value());
    Replica replica(*db, "old");
    OldTransport transport(*server.db, DeviceContext{"old", server.fed, Role::Coordinator, server.teamA}, rng);
    REQUIRE(synchronise(replica, transport, "old", true));  // configuration and an empty outbox: nothing to refuse
    REQUIRE(replica.addTallyBatch(kExit, {{"d_lyssnat", 4, Gender::Woman, 2}}, "anna"));
    auto r = synchronise(replica, transport, "old");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "unsupported_version");
    CHECK(replica.pendingCount() == 1);
    CHECK(replica.refused().empty());  // not refused: waiting for the update
    CHECK(count(*server.db, "SELECT count(*) FROM tally_delta") == 0);
}

TEST_CASE("The same code created offline on two devices: nothing lost, the second renamed, then both on the server",
          "[core][sync][outbox]")
{
    Fixture server;
    std::mt19937_64 rng(6);
    Device a(server, "a", server.teamA, rng), b(server, "b", server.teamA, rng);
    auto make = [&](Device& d) {
        Case c = server.startedCase(server.teamA, Gender::Man, Date{2021, 4, 1});
        c.code = "VNS-2021-050";
        auto uid = d.replica->createCase(c);
        REQUIRE(uid);
        return *uid;
    };
    make(a);
    const auto uidB = make(b);
    REQUIRE(a.sync());
    // B's creation is refused (the code is taken); A's case arrives, and B's own
    // moves aside to a free code so that neither is lost.
    REQUIRE(b.sync());
    CHECK(b.count("SELECT count(*) FROM cases WHERE code = 'VNS-2021-050'") == 1);
    CHECK(b.count("SELECT count(*) FROM cases WHERE code = 'VNS-2021-050-dubblett' AND uid = '" + uidB + "'") == 1);
    auto refused = b.replica->refused();
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].kind == OperationKind::CaseUpsert);
    CHECK(refused[0].message.find("VNS-2021-050-dubblett") != std::string::npos);

    // The coordinator renames it; the correction replaces the queued creation.
    auto renamed = Repository(*b.db).caseByUid(uidB);
    REQUIRE(renamed);
    renamed->code = "VNS-2021-051";
    REQUIRE(b.replica->editCase(*renamed));
    CHECK(b.replica->pendingCount() == 1);
    CHECK(b.replica->refused().empty());
    REQUIRE(b.sync());
    CHECK(b.replica->pendingCount() == 0);
    CHECK(count(*server.db, "SELECT count(*) FROM cases WHERE code IN ('VNS-2021-050', 'VNS-2021-051')") == 2);
    CHECK(count(*server.db, "SELECT count(*) FROM cases WHERE code LIKE '%dubblett%'") == 0);
    REQUIRE(a.sync());
    CHECK(a.count("SELECT count(*) FROM cases WHERE code = 'VNS-2021-051'") == 1);
}

TEST_CASE("Batches are bounded in bytes as well as in count, and long stories all arrive", "[core][sync][v2]")
{
    Fixture server;
    std::mt19937_64 rng(7);
    Device a(server, "a", server.teamA, rng);
    for (int i = 0; i < 3; ++i) {
        Story story;
        story.teamId = server.teamA;
        story.category = StoryCategory::PositiveSolution;
        story.date = Date{2021, 6, 1 + i};
        story.title = "Lång berättelse " + std::to_string(i);
        story.text = std::string(15000, static_cast<char>('a' + i));
        REQUIRE(a.replica->saveStory(story));
    }
    CHECK(a.replica->pending(0, 100).size() == 3);
    CHECK(a.replica->pending(0, 100, 40000).size() == 2);  // the third would pass 40 000 bytes
    CHECK(a.replica->pending(0, 100, 1).size() == 1);      // never empty while something is queued
    CHECK(a.replica->pending(0, 2).size() == 2);
    REQUIRE(a.sync());
    CHECK(a.replica->pendingCount() == 0);
    CHECK(count(*server.db, "SELECT count(*) FROM story WHERE length(body) = 15000") == 3);
}
