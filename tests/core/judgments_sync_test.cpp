// SPDX-License-Identifier: GPL-3.0-or-later
// Protocol version 4 in process: the kansli judges manual indicators offline
// and the judgments travel through the outbox with who made them; every device
// that computes an index gets them through the change log; two kansli devices
// judging the same indicator at once are not silently overwritten — the later
// one is refused as a conflict, named, and settled by the kansli either way.
#include "fixtures.hpp"

#include "direct_transport.hpp"
#include "samkoll/index/index_engine.hpp"
#include "samkoll/sync/judgments.hpp"

using namespace samkoll::test;

namespace {

struct Device : InProcessDevice {
    Device(Fixture& server, const std::string& deviceId, Role role, std::optional<Id> team, std::mt19937_64& rng,
           const std::string& login)
        : InProcessDevice(*server.db, server.fed, deviceId, role, team, rng)
    {
        REQUIRE(replica->setState("login", login));
    }

    Status judge(const std::string& indicator, const std::string& team, std::optional<bool> achieved,
                 const std::string& motivation)
    {
        JudgmentEdit e;
        e.indicator = indicator;
        e.team = team;
        e.year = 2021;
        e.achieved = achieved;
        e.motivation = motivation;
        return replica->judgmentEdit(e, replica->state("login").value_or(""));
    }

    std::optional<ManualAssessment> judgment(const std::string& indicator, const std::string& team)
    {
        auto all = Repository(*db).manualAssessments(replica->federationId().value(), 2021);
        REQUIRE(all);
        for (const auto& m : *all)
            if (m.indicatorCode == indicator && m.teamCode == team)
                return m;
        return std::nullopt;
    }
};

/// A server-side user and device, so that the server knows whose judgment it is.
void addAccount(Fixture& server, const std::string& deviceId, const std::string& login, const std::string& role)
{
    server.db->prepare("INSERT INTO app_user (federation_id, login, role) VALUES (?, ?, ?)")
        .bind(1, server.fed)
        .bind(2, login)
        .bind(3, role)
        .run();
    server.db->prepare("INSERT INTO device (id, user_id, token_hash, name) VALUES (?, last_insert_rowid(), ?, ?)")
        .bind(1, deviceId)
        .bind(2, "hash-" + deviceId)
        .bind(3, deviceId)
        .run();
}

std::optional<ManualAssessment> serverJudgment(Fixture& server, const std::string& indicator, std::optional<Id> team)
{
    auto all = server.repo->manualAssessments(server.fed, 2021);
    REQUIRE(all);
    for (const auto& m : *all)
        if (m.indicatorCode == indicator && m.teamId == team)
            return m;
    return std::nullopt;
}

}  // namespace

TEST_CASE("v4: the kansli's judgments travel offline with who and when, and reach the coordinators' index",
          "[core][sync][judgment]")
{
    Fixture server;
    std::mt19937_64 rng(11);
    addAccount(server, "kansli-a", "karin", "central_office");
    Device kansli(server, "kansli-a", Role::CentralOffice, std::nullopt, rng, "karin");
    Device coordinator(server, "ta-laptop", Role::Coordinator, server.teamA, rng, "anna");

    // Offline: a team's judgment and the förbund's own; a second edit before sending replaces the first.
    REQUIRE(kansli.judge("1.2.4", "ta", false, "Ingen sammanställning än."));
    REQUIRE(kansli.judge("1.2.4", "ta", true, "Sammanställningen finns i protokollet 2021-11-02."));
    REQUIRE(kansli.judge("4.1.3", "", true, "Fallstudien är gjord."));
    CHECK(kansli.replica->pendingCount() == 2);
    CHECK(kansli.judgment("1.2.4", "ta")->achieved);  // shown at once, offline

    // What is refused is named, and nothing is saved or queued.
    auto noReason = kansli.judge("1.2.4", "tb", true, "");
    REQUIRE_FALSE(noReason);
    CHECK(noReason.error().field == "motivation");
    auto notManual = kansli.judge("1.1.1", "ta", true, "Går inte.");
    REQUIRE_FALSE(notManual);
    CHECK(notManual.error().field == "indicator");
    auto noTeam = kansli.judge("1.2.4", "zz", true, "Okänt team.");
    REQUIRE_FALSE(noTeam);
    CHECK(noTeam.error().field == "team");
    auto personnummer = kansli.judge("1.2.4", "tb", true, "Gäller 19850101-1234.");
    REQUIRE_FALSE(personnummer);
    CHECK(personnummer.error().field == "motivation");
    CHECK(kansli.replica->pendingCount() == 2);

    REQUIRE(kansli.sync());
    CHECK(kansli.replica->pendingCount() == 0);
    const auto stored = serverJudgment(server, "1.2.4", server.teamA);
    REQUIRE(stored);
    CHECK(stored->achieved);
    CHECK(stored->motivation == "Sammanställningen finns i protokollet 2021-11-02.");
    CHECK(stored->assessedBy == "karin");  // the server's word on who: the device's user
    CHECK(stored->assessedAt.size() == 24); // to the millisecond: 2026-11-30T19:40:00.123Z
    REQUIRE(serverJudgment(server, "4.1.3", std::nullopt));

    // The coordinator's device gets them and its team's index counts the judgment.
    REQUIRE(coordinator.sync());
    const auto seen = coordinator.judgment("1.2.4", "ta");
    REQUIRE(seen);
    CHECK(seen->achieved);
    CHECK(seen->assessedBy == "karin");
    CHECK(seen->assessedAt == stored->assessedAt);
    auto index = computeFederationIndex(*coordinator.db, coordinator.replica->federationId().value(), Period::year(2021));
    REQUIRE(index);
    const auto* team = index->team("ta");
    REQUIRE(team);
    bool counted = false;
    for (const auto& r : team->indicators)
        if (r.code == "1.2.4")
            counted = r.signal == Signal::Achieved;
    CHECK(counted);

    // Taking a judgment away: the unit is not assessable on it again, everywhere.
    REQUIRE(kansli.judge("1.2.4", "ta", std::nullopt, ""));
    REQUIRE(kansli.sync());
    CHECK_FALSE(serverJudgment(server, "1.2.4", server.teamA));
    REQUIRE(coordinator.sync());
    CHECK_FALSE(coordinator.judgment("1.2.4", "ta"));

    // A coordinator cannot judge: refused, kept in its outbox with the reason.
    REQUIRE(coordinator.judge("1.2.4", "ta", true, "Vi tycker det."));
    REQUIRE(coordinator.sync());
    const auto refused = coordinator.replica->refused();
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].code == "forbidden");
    CHECK_FALSE(serverJudgment(server, "1.2.4", server.teamA));

    // A fastställt year takes no judgment.
    REQUIRE(server.repo->lockYear(server.fed, 2021, "Styrelsen", "{}"));
    REQUIRE(kansli.judge("4.1.3", "", false, "Ändrat sig."));
    REQUIRE(kansli.sync());
    REQUIRE(kansli.replica->refused().size() == 1);
    CHECK(kansli.replica->refused()[0].code == "locked_period");
    CHECK(serverJudgment(server, "4.1.3", std::nullopt)->achieved);
}

TEST_CASE("v4: two kansli devices judging the same indicator at once: the later is refused as a conflict and settled",
          "[core][sync][judgment]")
{
    Fixture server;
    std::mt19937_64 rng(12);
    addAccount(server, "kansli-a", "karin", "central_office");
    addAccount(server, "kansli-b", "kalle", "central_office");
    Device a(server, "kansli-a", Role::CentralOffice, std::nullopt, rng, "karin");
    Device b(server, "kansli-b", Role::CentralOffice, std::nullopt, rng, "kalle");

    // Both start from the same judgment.
    REQUIRE(a.judge("1.2.4", "tb", false, "Saknas."));
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    REQUIRE(b.judgment("1.2.4", "tb"));

    // Both change it offline; A's arrives first.
    REQUIRE(a.judge("1.2.4", "tb", true, "Finns nu, se protokoll § 4."));
    REQUIRE(b.judge("1.2.4", "tb", false, "Fortfarande ofullständig."));
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    // B's is not applied over A's, and B is told what A's is and who made it.
    CHECK(serverJudgment(server, "1.2.4", server.teamB)->motivation == "Finns nu, se protokoll § 4.");
    auto pending = b.replica->pendingJudgments(2021);
    REQUIRE(pending);
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().refusedCode == "conflict");
    CHECK(pending->front().refusedMessage.find("Finns nu, se protokoll § 4.") != std::string::npos);
    CHECK(pending->front().refusedMessage.find("karin") != std::string::npos);
    // Nothing B wrote is lost while it decides: its own judgment still shows on B.
    CHECK(b.judgment("1.2.4", "tb")->motivation == "Fortfarande ofullständig.");
    // Sending again changes nothing until it is settled.
    REQUIRE(b.sync());
    CHECK(serverJudgment(server, "1.2.4", server.teamB)->motivation == "Finns nu, se protokoll § 4.");

    SECTION("keep mine: sent again over A's, and A gets it")
    {
        REQUIRE(b.replica->settle(pending->front().seq, true));
        REQUIRE(b.sync());
        CHECK(b.replica->pendingCount() == 0);
        const auto now = serverJudgment(server, "1.2.4", server.teamB);
        CHECK(now->motivation == "Fortfarande ofullständig.");
        CHECK(now->assessedBy == "kalle");
        REQUIRE(a.sync());
        CHECK(a.judgment("1.2.4", "tb")->motivation == "Fortfarande ofullständig.");
    }
    SECTION("take theirs: B drops its own and shows A's")
    {
        REQUIRE(b.replica->settle(pending->front().seq, false));
        CHECK(b.replica->pendingCount() == 0);
        CHECK(b.judgment("1.2.4", "tb")->motivation == "Finns nu, se protokoll § 4.");
        REQUIRE(b.sync());
        CHECK(serverJudgment(server, "1.2.4", server.teamB)->assessedBy == "karin");
    }
}

TEST_CASE("v4: judgment.set is named by path when malformed and needs protocol version 4", "[core][sync][judgment][protocol]")
{
    auto parse = [](const std::string& judgment, const std::string& uid = "judgment:2021") {
        return parseBatch(R"({"schema_version":4,"device_id":"k","client_time_ms":1,"operations":[{"seq":1,"kind":"judgment.set","hlc":"0000001700000000-00000-k","uid":")" +
                          uid + R"(","judgment":)" + judgment + "}]}");
    };
    auto ok = parse(R"({"indicator":"1.2.4","team":"ta","year":2021,"achieved":true,"motivation":"Ja.","base":null})");
    REQUIRE(ok);
    CHECK(ok->operations[0].judgment.achieved == true);
    CHECK(operationToJson(ok->operations[0])["judgment"]["team"] == "ta");
    // The base is a clock as long as any device's (the node is a 36-character device id).
    auto longBase = parse(R"({"indicator":"1.2.4","year":2021,"achieved":true,"motivation":"Ja.","base":"0001764530000000-00003-8f3e2a1c-5b7d-4e9a-9c1f-2d6b8a7e4f10"})");
    REQUIRE(longBase);
    CHECK(longBase->operations[0].judgment.base.size() == 59);
    auto cleared = parse(R"({"indicator":"1.2.4","team":null,"year":2021,"achieved":null})");
    REQUIRE(cleared);
    CHECK_FALSE(cleared->operations[0].judgment.achieved);
    auto bad = parse(R"({"indicator":"1.2.4","year":2021,"achieved":"ja","motivation":"x"})");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().field == "operations[0].judgment.achieved");
    auto noReason = parse(R"({"indicator":"1.2.4","year":2021,"achieved":true})");
    REQUIRE_FALSE(noReason);
    CHECK(noReason.error().field == "operations[0].judgment.motivation");
    auto uid = parse(R"({"indicator":"1.2.4","year":2021,"achieved":true,"motivation":"x"})", "judgment:2020");
    REQUIRE_FALSE(uid);
    CHECK(uid.error().field == "operations[0].uid");
    auto year = parse(R"({"indicator":"1.2.4","year":1200,"achieved":true,"motivation":"x"})", "judgment:1200");
    REQUIRE_FALSE(year);
    CHECK(year.error().field == "operations[0].judgment.year");
}
