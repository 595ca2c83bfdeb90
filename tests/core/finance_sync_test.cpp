// SPDX-License-Identifier: GPL-3.0-or-later
// Protocol version 3 in process: the kansli enters the förbund's money offline
// and it travels through the outbox; finance reaches the kansli's and the
// board's devices through the change log (the board gets nothing else); a
// coordinator can neither send nor read it; a locked year refuses with the
// reason kept in the outbox; unsent edits stay on top of a download.
#include "fixtures.hpp"

#include "direct_transport.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/sync/finance_edits.hpp"

using namespace samkoll::test;
using namespace samkoll::core::finance;

namespace {

struct Device : InProcessDevice {
    Device(Fixture& server, const std::string& deviceId, Role role, std::optional<Id> team, std::mt19937_64& rng)
        : InProcessDevice(*server.db, server.fed, deviceId, role, team, rng)
    {
    }

    Status edit(OperationKind kind, FinanceEdit e)
    {
        auto s = replica->financeEdit(kind, e);
        INFO((s ? std::string() : s.error().describe()));
        return s;
    }

    Id fed() { return replica->federationId().value(); }

    FollowUp followUp(int year, int tertial = 3)
    {
        FinanceStore store(*db);
        auto f = samkoll::core::finance::followUp(store, fed(), year, MonthRange::tertialToDate(tertial));
        REQUIRE(f);
        return *f;
    }
};

FinanceEdit line(const std::string& code, const std::string& name, const std::string& group, const std::string& team = "",
                 const std::string& member = "")
{
    FinanceEdit e;
    e.line = code;
    e.name = name;
    e.group = group;
    e.unit = "SAMO";
    e.team = team;
    e.member = member;
    return e;
}

FinanceEdit amount(const std::string& lineCode, int year, std::optional<Amount> a, int month = 0)
{
    FinanceEdit e;
    e.line = lineCode;
    e.year = year;
    e.month = month;
    e.amount = a;
    return e;
}

}  // namespace

TEST_CASE("v3: the kansli enters budget, utfall, prognos and equity offline and the board reads the same follow-up",
          "[core][sync][finance]")
{
    Fixture server(false);
    std::mt19937_64 rng(3);
    Device kansli(server, "kansli", Role::CentralOffice, std::nullopt, rng);
    Device board(server, "styrelsen", Role::Board, std::nullopt, rng);

    // Offline: lines, a budget (one by month), utfall, a prognos, opening equity, the key.
    REQUIRE(kansli.edit(OperationKind::FinanceLine, line("avgift-ka", "Medlemsavgift Kommun A", "income", "", "ka")));
    REQUIRE(kansli.edit(OperationKind::FinanceLine, line("insats-ta", "Team A", "interventions", "ta")));
    REQUIRE(kansli.edit(OperationKind::FinanceBudget, amount("avgift-ka", 2021, kronor(2'000'000))));
    FinanceEdit monthly = amount("insats-ta", 2021, std::nullopt);
    monthly.months = std::array<Amount, 12>{};
    monthly.months->fill(kronor(-50'000));
    REQUIRE(kansli.edit(OperationKind::FinanceBudget, monthly));
    for (int m = 1; m <= 4; ++m)
        REQUIRE(kansli.edit(OperationKind::FinanceOutcome, amount("insats-ta", 2021, kronor(-40'000), m)));
    REQUIRE(kansli.edit(OperationKind::FinanceOutcome, amount("avgift-ka", 2021, kronor(2'000'000), 1)));
    REQUIRE(kansli.edit(OperationKind::FinanceForecast, amount("insats-ta", 2021, kronor(-550'000))));
    REQUIRE(kansli.edit(OperationKind::FinanceEquity, amount("", 2021, kronor(300'000))));
    FinanceEdit key;
    key.key = kMemberKeySetting;
    key.validFrom = "2021-01-01";
    key.value = "equal";
    REQUIRE(kansli.edit(OperationKind::FinanceSetting, key));
    // A bad edit is refused here at once, naming the field, and nothing is queued.
    const int queued = kansli.replica->pendingCount();
    auto bad = kansli.replica->financeEdit(OperationKind::FinanceOutcome, amount("finns-inte", 2021, 1, 1));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().field == "line");
    CHECK(kansli.replica->pendingCount() == queued);

    const auto local = kansli.followUp(2021, 1);
    CHECK(local.report.result.outcome == kronor(2'000'000 - 160'000));

    auto pushed = kansli.sync();
    REQUIRE(pushed);
    CHECK(pushed->refused == 0);
    CHECK(kansli.replica->pendingCount() == 0);

    // The server computes the same from what arrived.
    FinanceStore serverStore(*server.db);
    auto remote = followUp(serverStore, server.fed, 2021, MonthRange::tertialToDate(1));
    REQUIRE(remote);
    CHECK(remote->report.result.outcome == local.report.result.outcome);
    CHECK(remote->report.result.forecast == local.report.result.forecast);
    CHECK(remote->equity.closingForecast == local.equity.closingForecast);
    CHECK(serverStore.setting(server.fed, kMemberKeySetting, Date{2021, 6, 1}).value() == std::optional<std::string>("equal"));

    // The board's device receives the förbund's money and nothing else.
    auto pulled = board.sync();
    REQUIRE(pulled);
    const auto onBoard = board.followUp(2021, 1);
    CHECK(onBoard.report.result.outcome == local.report.result.outcome);
    CHECK(onBoard.report.result.budgetPeriod == local.report.result.budgetPeriod);
    CHECK(onBoard.report.result.forecast == local.report.result.forecast);
    CHECK(onBoard.equity.opening == kronor(300'000));
    CHECK(board.count("SELECT count(*) FROM budget_line") == 2);
    CHECK(board.count("SELECT count(*) FROM finance_setting") == 1);
    CHECK(board.count("SELECT count(*) FROM cases") == 0);

    // A second change reaches the board; the kansli's own device gets no echo.
    REQUIRE(kansli.edit(OperationKind::FinanceOutcome, amount("insats-ta", 2021, kronor(-45'000), 4)));
    REQUIRE(kansli.sync());
    auto again = board.sync();
    REQUIRE(again);
    CHECK(again->pulled >= 1);
    CHECK(board.followUp(2021, 1).report.result.outcome == kronor(2'000'000 - 165'000));
    auto echo = kansli.sync();
    REQUIRE(echo);
    CHECK(echo->pulled == 0);

    SECTION("clearing an entered utfall falls back to what the import gave")
    {
        REQUIRE(serverStore.replaceImportedOutcome(server.fed, OutcomeSource::Sie, {{2021, 4}},
                                                   {{"insats-ta", 2021, 4, kronor(-44'000)}}, "ekonomi.se"));
        REQUIRE(kansli.sync());
        REQUIRE(kansli.edit(OperationKind::FinanceOutcome, amount("insats-ta", 2021, std::nullopt, 4)));
        REQUIRE(kansli.sync());
        REQUIRE(board.sync());
        CHECK(board.followUp(2021, 1).report.result.outcome == kronor(2'000'000 - 164'000));
    }
}

TEST_CASE("v3: a coordinator may neither send nor read the förbund's money, and the board sends nothing",
          "[core][sync][finance]")
{
    Fixture server(false);
    std::mt19937_64 rng(4);
    Device kansli(server, "kansli", Role::CentralOffice, std::nullopt, rng);
    Device coordinator(server, "vns", Role::Coordinator, server.teamA, rng);
    Device board(server, "styrelsen", Role::Board, std::nullopt, rng);
    REQUIRE(kansli.edit(OperationKind::FinanceLine, line("kansli", "Kanslipersonal", "administration")));
    REQUIRE(kansli.sync());

    // The coordinator's device has no finance lines; an edit made there is
    // refused by the server and kept with its reason.
    CHECK(coordinator.count("SELECT count(*) FROM budget_line") == 0);
    REQUIRE(coordinator.edit(OperationKind::FinanceLine, line("egen", "Egen rad", "operations")));
    auto r = coordinator.sync();
    REQUIRE(r);
    CHECK(r->refused == 1);
    const auto refused = coordinator.replica->refused();
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].code == "forbidden");
    FinanceStore serverStore(*server.db);
    CHECK(serverStore.lines(server.fed)->size() == 1);

    REQUIRE(board.sync());  // the line has arrived on the board's device
    REQUIRE(board.edit(OperationKind::FinanceOutcome, amount("kansli", 2021, kronor(-1), 1)));
    auto b = board.sync();  // the board sends nothing at all
    REQUIRE_FALSE(b);
    CHECK(b.error().code == "forbidden");
    CHECK(serverStore.yearFigures(server.fed, 2021)->front().outcome[0] == 0);
}

TEST_CASE("v3: a locked year refuses the kansli's edit with the reason, and unsent edits survive a download",
          "[core][sync][finance][lock]")
{
    Fixture server(false);
    std::mt19937_64 rng(5);
    Device a(server, "kansli-a", Role::CentralOffice, std::nullopt, rng);
    Device b(server, "kansli-b", Role::CentralOffice, std::nullopt, rng);
    REQUIRE(a.edit(OperationKind::FinanceLine, line("kansli", "Kanslipersonal", "administration")));
    REQUIRE(a.edit(OperationKind::FinanceLine, line("lokal", "Lokalhyra", "administration")));
    REQUIRE(a.sync());
    REQUIRE(b.sync());

    SECTION("a locked year")
    {
        REQUIRE(server.repo->lockYear(server.fed, 2021, "Styrelsen", "{}"));
        REQUIRE(a.edit(OperationKind::FinanceOutcome, amount("kansli", 2021, kronor(-10'000), 1)));
        auto r = a.sync();
        REQUIRE(r);
        CHECK(r->refused == 1);
        const auto refused = a.replica->refused();
        REQUIRE(refused.size() == 1);
        CHECK(refused[0].code == "locked_period");
        CHECK(a.replica->pendingCount() == 1);  // kept, to be sent again when the year is reopened
        REQUIRE(server.repo->unlockYear(server.fed, 2021));
        auto resent = a.sync();
        REQUIRE(resent);
        CHECK(resent->refused == 0);
        CHECK(a.replica->pendingCount() == 0);
    }
    SECTION("another device's change of the same year does not overwrite an unsent edit")
    {
        REQUIRE(b.edit(OperationKind::FinanceOutcome, amount("lokal", 2021, kronor(-12'000), 3)));
        REQUIRE(b.sync());
        // Device a edits March's kansli line offline, then downloads b's change of the same year first.
        REQUIRE(a.edit(OperationKind::FinanceOutcome, amount("kansli", 2021, kronor(-9'000), 3)));
        PullResult pull;
        {
            auto p = SyncService(*server.db).pull(DeviceContext{"kansli-a", server.fed, Role::CentralOffice, std::nullopt},
                                                  0, 100);
            REQUIRE(p);
            pull = *p;
        }
        REQUIRE(a.replica->applyPull(pull));
        const auto figures = FinanceStore(*a.db).yearFigures(a.fed(), 2021).value();
        CHECK(figures[0].outcome[2] == kronor(-9'000));   // the unsent edit, replayed on top
        CHECK(figures[1].outcome[2] == kronor(-12'000));  // b's change
        REQUIRE(a.sync());
        REQUIRE(b.sync());
        CHECK(FinanceStore(*b.db).yearFigures(b.fed(), 2021).value()[0].outcome[2] == kronor(-9'000));
    }
}

TEST_CASE("v4: two kansli computers changing the same figure at once: the later is refused as a conflict and settled",
          "[core][sync][finance][conflict]")
{
    Fixture server(false);
    std::mt19937_64 rng(11);
    Device a(server, "kansli-a", Role::CentralOffice, std::nullopt, rng);
    Device b(server, "kansli-b", Role::CentralOffice, std::nullopt, rng);
    REQUIRE(a.edit(OperationKind::FinanceLine, line("kansli", "Kanslipersonal", "administration")));
    REQUIRE(a.edit(OperationKind::FinanceOutcome, amount("kansli", 2021, kronor(-10'000), 3)));
    REQUIRE(a.sync());
    REQUIRE(b.sync());
    auto march = [](Device& d) { return FinanceStore(*d.db).yearFigures(d.fed(), 2021).value()[0].outcome[2]; };
    REQUIRE(march(b) == kronor(-10'000));

    // Both change March offline; a's arrives first.
    REQUIRE(a.edit(OperationKind::FinanceOutcome, amount("kansli", 2021, kronor(-11'000), 3)));
    REQUIRE(b.edit(OperationKind::FinanceOutcome, amount("kansli", 2021, kronor(-12'500), 3)));
    // A second edit of the same month before sending replaces the first, with the base it had.
    REQUIRE(b.edit(OperationKind::FinanceOutcome, amount("kansli", 2021, kronor(-13'000), 3)));
    CHECK(b.replica->pendingCount() == 1);
    REQUIRE(a.sync());
    auto r = b.sync();
    REQUIRE(r);
    CHECK(r->refused == 1);
    const auto refused = b.replica->refused();
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].code == "conflict");
    INFO(refused[0].message);
    CHECK(refused[0].message.find("11 000") != std::string::npos);  // what the other computer wrote
    CHECK(refused[0].message.find("13 000") != std::string::npos);  // and what this one did
    // Nothing is overwritten unseen: the server keeps a's; b still shows its own until it chooses.
    CHECK(FinanceStore(*server.db).entered(server.fed, FinanceStore::Entered::Outcome, "kansli", 2021, 3).value() ==
          kronor(-11'000));
    CHECK(march(b) == kronor(-13'000));
    // A refusal that is not a conflict (or no refusal at all) is not settled this way.
    CHECK(b.replica->settle(refused[0].seq + 100, true).error().code == "not_found");

    SECTION("keep mine: sent again over the other's, and a gets it")
    {
        REQUIRE(b.replica->settle(refused[0].seq, true));
        auto again = b.sync();
        REQUIRE(again);
        CHECK(again->refused == 0);
        CHECK(b.replica->pendingCount() == 0);
        REQUIRE(a.sync());
        CHECK(march(a) == kronor(-13'000));
        CHECK(march(b) == kronor(-13'000));
    }
    SECTION("take the other: b drops its own and shows a's")
    {
        REQUIRE(b.replica->settle(refused[0].seq, false));
        CHECK(b.replica->pendingCount() == 0);
        CHECK(march(b) == kronor(-11'000));
        REQUIRE(b.sync());
        CHECK(march(a) == kronor(-11'000));
    }
    SECTION("the prognos, the budget and the opening equity are guarded alike")
    {
        REQUIRE(b.replica->settle(refused[0].seq, false));
        REQUIRE(a.edit(OperationKind::FinanceForecast, amount("kansli", 2021, kronor(-100'000))));
        REQUIRE(a.edit(OperationKind::FinanceBudget, amount("kansli", 2021, kronor(-120'000))));
        REQUIRE(a.edit(OperationKind::FinanceEquity, amount("", 2021, kronor(500'000))));
        REQUIRE(b.edit(OperationKind::FinanceForecast, amount("kansli", 2021, kronor(-90'000))));
        REQUIRE(b.edit(OperationKind::FinanceBudget, amount("kansli", 2021, kronor(-110'000))));
        REQUIRE(b.edit(OperationKind::FinanceEquity, amount("", 2021, kronor(400'000))));
        REQUIRE(a.sync());
        auto both = b.sync();
        REQUIRE(both);
        CHECK(both->refused == 3);
        for (const auto& x : b.replica->refused())
            CHECK(x.code == "conflict");
        const auto after = FinanceStore(*server.db).yearFigures(server.fed, 2021).value()[0];
        CHECK(after.budgetYear == kronor(-120'000));
        CHECK(after.forecast == kronor(-100'000));
    }
}

TEST_CASE("v3: finance operations are named by path when malformed and need protocol version 3", "[core][sync][finance][protocol]")
{
    Fixture server(false);
    const DeviceContext ctx{"kansli", server.fed, Role::CentralOffice, std::nullopt};
    auto parse = [](const std::string& op) {
        return parseBatch(R"({"schema_version":3,"device_id":"kansli","client_time_ms":1,"operations":[)" + op + "]}");
    };
    const std::string hlc = R"("hlc":"0000001700000000-00000-kansli")";
    auto ok = parse(R"({"seq":1,"kind":"finance.outcome",)" + hlc +
                    R"(,"uid":"finance:2021","line":"kansli","year":2021,"month":3,"amount":-1250050})");
    REQUIRE(ok);
    CHECK(ok->operations[0].finance.amount == -1250050);
    CHECK(operationToJson(ok->operations[0])["amount"] == -1250050);
    auto month = parse(R"({"seq":1,"kind":"finance.outcome",)" + hlc +
                       R"(,"uid":"finance:2021","line":"kansli","year":2021,"month":13,"amount":1})");
    REQUIRE_FALSE(month);
    CHECK(month.error().field == "operations[0].month");
    auto uid = parse(R"({"seq":1,"kind":"finance.equity",)" + hlc + R"(,"uid":"finance:2020","year":2021,"amount":1})");
    REQUIRE_FALSE(uid);
    CHECK(uid.error().field == "operations[0].uid");
    auto months = parse(R"({"seq":1,"kind":"finance.budget",)" + hlc +
                        R"(,"uid":"finance:2021","line":"kansli","year":2021,"months":[1,2,3]})");
    REQUIRE_FALSE(months);
    CHECK(months.error().field == "operations[0].months");

    // A batch older than the oldest accepted version (2, since version 4) is
    // refused whole, saying to update; version 3 takes finance.
    auto v2 = *ok;
    v2.schemaVersion = 2;
    REQUIRE(kOldestAcceptedProtocolVersion == 3);
    auto r = SyncService(*server.db).push(ctx, v2, Date{2026, 1, 1});
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "unsupported_version");
    auto v3 = *ok;
    v3.schemaVersion = 3;
    auto taken = SyncService(*server.db).push(ctx, v3, Date{2026, 1, 1});
    REQUIRE(taken);
    CHECK(taken->results[0].error.value_or(Error{}).code != "unsupported_operation");

    // What the editor saw travels as "base" (null: nothing entered) and back.
    auto based = parse(R"({"seq":1,"kind":"finance.outcome",)" + hlc +
                       R"(,"uid":"finance:2021","line":"kansli","year":2021,"month":3,"amount":5,"base":null})");
    REQUIRE(based);
    CHECK(based->operations[0].finance.checked);
    CHECK_FALSE(based->operations[0].finance.base);
    CHECK(operationToJson(based->operations[0]).contains("base"));
    CHECK_FALSE(operationToJson(ok->operations[0]).contains("base"));
    auto badBase = parse(R"({"seq":1,"kind":"finance.forecast",)" + hlc +
                         R"(,"uid":"finance:2021","line":"kansli","year":2021,"amount":5,"base":"x"})");
    REQUIRE_FALSE(badBase);
    CHECK(badBase.error().field == "operations[0].base");
}
