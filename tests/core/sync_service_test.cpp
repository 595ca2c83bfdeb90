// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.hpp"
#include "../../shared/src/sync/json_text.hpp"

#include <set>

#include "samkoll/sync/hlc.hpp"
#include "samkoll/sync/sync_service.hpp"

using namespace samkoll::test;

namespace {

const Date kToday{2026, 1, 1};
constexpr std::int64_t kNow = 1'700'000'000'000;

struct SyncFixture : Fixture {
    SyncService service{*db, [] { return kNow; }};
    DeviceContext a{"dev-a", fed, Role::Coordinator, teamA};
    DeviceContext a2{"dev-a2", fed, Role::Coordinator, teamA};
    DeviceContext b{"dev-b", fed, Role::Coordinator, teamB};
    DeviceContext office{"dev-kansli", fed, Role::CentralOffice, std::nullopt};
    std::int64_t clock = kNow;

    std::string hlc(const std::string& node) { return Hlc{++clock, 0, node}.encode(); }

    Operation create(const std::string& uid, const std::string& team, const std::string& code, std::int64_t seq,
                     const std::string& node = "dev-a")
    {
        Operation op;
        op.seq = seq;
        op.kind = OperationKind::CaseUpsert;
        op.hlc = hlc(node);
        op.uid = uid;
        op.team = team;
        op.create = true;
        op.fields = {{"code", code},
                     {"gender", "woman"},
                     {"birth_year", "1990"},
                     {"referral_date", "2021-01-10"},
                     {"referring_party", "af"}};
        return op;
    }

    Operation edit(const std::string& uid, std::int64_t seq, const std::string& field, std::optional<std::string> from,
                   std::optional<std::string> to, const std::string& node)
    {
        Operation op;
        op.seq = seq;
        op.kind = OperationKind::CaseUpsert;
        op.hlc = hlc(node);
        op.uid = uid;
        op.fields[field] = std::move(to);
        op.base[field] = std::move(from);
        return op;
    }

    BatchResult push(const DeviceContext& ctx, std::vector<Operation> ops, bool confirm = false)
    {
        Batch batch;
        batch.deviceId = ctx.deviceId;
        batch.clientTimeMs = kNow;
        batch.confirmMassDelete = confirm;
        batch.operations = std::move(ops);
        auto r = service.push(ctx, batch, kToday);
        INFO((r ? std::string() : r.error().describe()));
        REQUIRE(r);
        for (const auto& o : r->results)
            if (o.error)
                UNSCOPED_INFO("seq " << o.seq << " refused: " << o.error->describe());
        return *r;
    }

    std::string field(const std::string& uid, const std::string& name)
    {
        auto c = repo->caseByUid(uid);
        REQUIRE(c);
        return caseToFields(*c)[name].value_or("");
    }
};

}  // namespace

TEST_CASE("Upload is idempotent per device and sequence", "[core][sync]")
{
    SyncFixture fx;
    const std::vector<Operation> ops{fx.create("u1", "ta", "A-1", 1), fx.create("u2", "ta", "A-2", 2)};
    auto first = fx.push(fx.a, ops);
    REQUIRE(first.results.size() == 2);
    CHECK(first.results[0].status == OperationStatus::Applied);
    CHECK(first.highestAcknowledged == 2);
    const auto logBefore = fx.count("change_log");

    auto again = fx.push(fx.a, ops);  // the response was lost; the client resends
    CHECK(again.results[0].status == OperationStatus::Duplicate);
    CHECK(again.results[1].status == OperationStatus::Duplicate);
    CHECK(again.highestAcknowledged == 2);
    CHECK(fx.count("cases") == 2);
    CHECK(fx.count("change_log") == logBefore);
}

TEST_CASE("Field-by-field merge: different fields both survive, the same field records a conflict", "[core][sync]")
{
    SyncFixture fx;
    fx.push(fx.a, {fx.create("u1", "ta", "A-1", 1)});

    SECTION("different fields")
    {
        fx.push(fx.a, {fx.edit("u1", 2, "education", std::nullopt, "upper_secondary", "dev-a")});
        fx.push(fx.a2, {fx.edit("u1", 1, "birth_year", "1990", "1991", "dev-a2")});
        CHECK(fx.field("u1", "education") == "upper_secondary");
        CHECK(fx.field("u1", "birth_year") == "1991");
        CHECK(fx.count("sync_conflict") == 0);
    }
    SECTION("the same field: later clock wins provisionally, both values kept")
    {
        auto early = fx.edit("u1", 2, "birth_year", "1990", "1991", "dev-a");
        auto late = fx.edit("u1", 1, "birth_year", "1990", "1992", "dev-a2");  // stamped later
        fx.push(fx.a2, {late});
        auto r = fx.push(fx.a, {early});  // arrives later, but was edited earlier
        CHECK(r.conflicts == 1);
        CHECK(fx.field("u1", "birth_year") == "1992");
        auto st = fx.db->prepare("SELECT kept_value, other_value, field FROM sync_conflict");
        REQUIRE(st.step());
        CHECK(st.text(0) == "1992");
        CHECK(st.text(1) == "1991");
        CHECK(st.text(2) == "birth_year");

        auto pulled = fx.service.pull(fx.a, 0, 100);
        REQUIRE(pulled);
        bool sawConflict = false;
        for (const auto& c : pulled->changes)
            sawConflict = sawConflict || c.entity == "conflict";
        CHECK(sawConflict);
    }
}

TEST_CASE("Authorisation: a coordinator writes and reads only its own team and the board gets no case rows",
          "[core][sync][security]")
{
    SyncFixture fx;
    fx.push(fx.b, {fx.create("ub", "tb", "B-1", 1, "dev-b")});
    auto r = fx.push(fx.a, {fx.create("x", "tb", "B-2", 1), fx.edit("ub", 2, "birth_year", "1990", "1970", "dev-a")});
    CHECK(r.results[0].status == OperationStatus::Refused);
    CHECK(r.results[0].error->code == "forbidden");
    CHECK(r.results[1].status == OperationStatus::Refused);
    CHECK_FALSE(r.highestAcknowledged);
    CHECK(fx.field("ub", "birth_year") == "1990");

    auto pulled = fx.service.pull(fx.a, 0, 100);
    REQUIRE(pulled);
    for (const auto& c : pulled->changes)
        CHECK(c.uid != "ub");
    auto office = fx.service.pull(fx.office, 0, 100);
    REQUIRE(office);
    CHECK(office->changes.size() == 1);

    // The board downloads the förbund's money only (tests/core/finance_sync_test.cpp): no case rows.
    const DeviceContext board{"dev-board", fx.fed, Role::Board, std::nullopt};
    auto boardPull = fx.service.pull(board, 0, 100);
    REQUIRE(boardPull);
    for (const auto& c : boardPull->changes)
        CHECK(c.entity == "finance");
    CHECK(boardPull->changes.empty());
    Batch batch;
    batch.deviceId = "dev-board";
    CHECK(fx.service.push(board, batch, kToday).error().code == "forbidden");
    batch.deviceId = "someone-else";
    CHECK(fx.service.push(fx.a, batch, kToday).error().code == "forbidden");
}

TEST_CASE("A write into a locked year is refused with the reason and can be resent after reopening", "[core][sync][lock]")
{
    SyncFixture fx;
    fx.push(fx.a, {fx.create("u1", "ta", "A-1", 1)});
    REQUIRE(fx.repo->lockYear(fx.fed, 2021, "kansliet", "{}"));
    const auto op = fx.edit("u1", 2, "referring_party", "af", "fk", "dev-a");
    auto r = fx.push(fx.a, {op});
    CHECK(r.results[0].status == OperationStatus::Refused);
    CHECK(r.results[0].error->code == "locked_period");
    CHECK(r.results[0].error->message.find("2021") != std::string::npos);
    CHECK(fx.field("u1", "referring_party") == "af");
    REQUIRE(fx.repo->unlockYear(fx.fed, 2021));
    CHECK(fx.push(fx.a, {op}).results[0].status == OperationStatus::Applied);
    CHECK(fx.field("u1", "referring_party") == "fk");
}

TEST_CASE("Invalid merged cases, team changes and unknown cases are refused per operation", "[core][sync]")
{
    SyncFixture fx;
    fx.push(fx.a, {fx.create("u1", "ta", "A-1", 1)});
    auto start = fx.edit("u1", 2, "start_date", std::nullopt, "2021-02-01", "dev-a");  // no ja decision
    auto pnr = fx.create("u2", "ta", "850101-1234", 3);
    auto move = fx.edit("u1", 4, "education", std::nullopt, "unknown", "dev-a");
    move.team = "tb";
    auto ghost = fx.edit("nope", 5, "education", std::nullopt, "unknown", "dev-a");
    auto ok = fx.edit("u1", 6, "education", std::nullopt, "compulsory", "dev-a");
    auto r = fx.push(fx.a, {start, pnr, move, ghost, ok});
    CHECK(r.results[0].error->field == "start_date");
    CHECK(r.results[1].error->code == "personnummer");
    CHECK(r.results[2].error->code == "team_change");
    CHECK(r.results[3].error->code == "not_found");
    CHECK(r.results[4].status == OperationStatus::Applied);
    CHECK(r.highestAcknowledged == 6);
    CHECK(fx.count("cases") == 1);
}

TEST_CASE("Deleting more than a fifth of a team's cases needs confirmation", "[core][sync]")
{
    SyncFixture fx;
    std::vector<Operation> creates;
    for (int i = 1; i <= 6; ++i)
        creates.push_back(fx.create("u" + std::to_string(i), "ta", "A-" + std::to_string(i), i));
    fx.push(fx.a, creates);
    auto del = [&](const std::string& uid, std::int64_t seq) {
        Operation op;
        op.seq = seq;
        op.kind = OperationKind::CaseDelete;
        op.hlc = fx.hlc("dev-a");
        op.uid = uid;
        return op;
    };
    auto refused = fx.push(fx.a, {del("u1", 10), del("u2", 11)});
    CHECK(refused.results[0].error->code == "mass_delete");
    CHECK(refused.results[1].status == OperationStatus::Refused);
    CHECK(fx.repo->casesOfTeam(fx.teamA)->size() == 6);
    auto single = fx.push(fx.a, {del("u3", 12)});
    CHECK(single.results[0].status == OperationStatus::Applied);
    auto confirmed = fx.push(fx.a, {del("u1", 10), del("u2", 11)}, true);
    CHECK(confirmed.results[0].status == OperationStatus::Applied);
    CHECK(fx.repo->casesOfTeam(fx.teamA)->size() == 3);
    DeviceContext colleague = fx.a;  // another computer of the same team
    colleague.deviceId = "dev-a2";
    auto pulled = fx.service.pull(colleague, 0, 100);
    bool tombstone = false;
    for (const auto& c : pulled->changes)
        tombstone = tombstone || (c.uid == "u1" && c.data["deleted"] == true);
    CHECK(tombstone);
}

TEST_CASE("Tally entries through sync sum correctly and count once", "[core][sync][tally]")
{
    SyncFixture fx;
    auto tally = [&](const std::string& uid, std::int64_t seq, std::int64_t delta, const std::string& node) {
        Operation op;
        op.seq = seq;
        op.kind = OperationKind::TallyAdd;
        op.hlc = fx.hlc(node);
        op.uid = uid;
        op.questionnaire = "deltagare_avslut";
        op.group = RespondentGroup::ParticipantsExit;
        op.roundTeam = "ta";
        op.period = "2021";
        op.question = "d_bemott";
        op.option = 1;
        op.gender = Gender::Woman;
        op.delta = delta;
        return op;
    };
    fx.push(fx.a, {tally("t1", 1, 5, "dev-a"), tally("t2", 2, 3, "dev-a")});
    fx.push(fx.a2, {tally("t3", 1, 4, "dev-a2"), tally("t4", 2, -2, "dev-a2")});
    fx.push(fx.a2, {tally("t1", 3, 5, "dev-a2")});  // the same entry via another device
    auto sum = fx.db->prepare("SELECT sum(total) FROM tally_total");
    sum.step();
    CHECK(sum.integer(0) == 10);
    auto other = fx.push(fx.a, {[&] {
        auto op = tally("t9", 9, 1, "dev-a");
        op.roundTeam = "tb";
        return op;
    }()});
    CHECK(other.results[0].error->code == "forbidden");
}

TEST_CASE("Download by cursor: paging, nothing twice, invalid cursors", "[core][sync]")
{
    SyncFixture fx;
    std::vector<Operation> creates;
    for (int i = 1; i <= 7; ++i)
        creates.push_back(fx.create("u" + std::to_string(i), "ta", "A-" + std::to_string(i), i));
    fx.push(fx.a, creates);
    fx.push(fx.b, {fx.create("ub", "tb", "B-1", 1, "dev-b")});

    // The device that made the changes does not get them back: it has them.
    auto own = fx.service.pull(fx.a, 0, 100);
    REQUIRE(own);
    CHECK(own->changes.empty());
    CHECK(own->cursor > 0);  // but its cursor moves past them

    DeviceContext colleague = fx.a;  // another computer of team A downloads them
    colleague.deviceId = "dev-a2";
    std::set<std::string> seen;
    std::int64_t cursor = 0;
    int pages = 0;
    for (;;) {
        auto page = fx.service.pull(colleague, cursor, 3);
        REQUIRE(page);
        ++pages;
        for (const auto& c : page->changes)
            CHECK(seen.insert(c.uid).second);
        CHECK(page->cursor >= cursor);
        cursor = page->cursor;
        if (!page->more)
            break;
    }
    CHECK(seen.size() == 7);
    CHECK(pages == 3);
    auto empty = fx.service.pull(colleague, cursor, 3);
    CHECK(empty->changes.empty());
    CHECK(empty->cursor == cursor);

    fx.push(fx.a, {fx.edit("u3", 20, "education", std::nullopt, "compulsory", "dev-a")});
    auto next = fx.service.pull(colleague, cursor, 100);
    REQUIRE(next->changes.size() == 1);
    CHECK(next->changes[0].data["fields"]["education"] == "compulsory");

    CHECK(fx.service.pull(fx.a, cursor + 1000, 10).error().code == "invalid_cursor");
    CHECK(fx.service.pull(fx.a, -1, 10).error().code == "invalid_cursor");
}

TEST_CASE("Download pages as tables carry the same records as changes, and a table of another shape is refused",
          "[core][sync][protocol]")
{
    SyncFixture fx;
    std::vector<Operation> creates;
    for (int i = 1; i <= 5; ++i)
        creates.push_back(fx.create("u" + std::to_string(i), "ta", "A-" + std::to_string(i), i));
    fx.push(fx.a, creates);
    fx.push(fx.a, {fx.edit("u2", 20, "education", std::nullopt, "compulsory", "dev-a")});
    DeviceContext colleague = fx.a;
    colleague.deviceId = "dev-a2";

    auto changes = fx.service.pull(colleague, 0, 100, PageShape::Changes);
    auto tables = fx.service.pull(colleague, 0, 100, PageShape::Tables);
    REQUIRE(changes);
    REQUIRE(tables);
    CHECK(changes->cursor == tables->cursor);
    CHECK(changes->size() == tables->size());
    REQUIRE(tables->tables.size() == 2);  // case and tally, the latter empty here
    const auto& caseTable = *std::find_if(tables->tables.begin(), tables->tables.end(),
                                          [](const PullTable& t) { return t.entity == "case"; });
    CHECK(caseTable.columns == pageColumns("case"));
    // Every case change has the same cursor, uid and field values as its table row.
    int compared = 0;
    for (const auto& c : changes->changes) {
        if (c.entity != "case")
            continue;
        const auto row = std::find_if(caseTable.rows.begin(), caseTable.rows.end(),
                                      [&](const nlohmann::json& r) { return r[1] == c.uid; });
        REQUIRE(row != caseTable.rows.end());
        CHECK((*row)[0] == c.cursor);
        CHECK((*row)[2] == c.data["team"]);
        for (std::size_t i = 4; i < caseTable.columns.size(); ++i)
            CHECK((*row)[i] == c.data["fields"][caseTable.columns[i]]);
        ++compared;
    }
    CHECK(compared == 5);

    // A page whose table has other columns (a newer server) is refused whole, naming the table.
    auto text = nlohmann::json::parse(fx.service.pullJson(colleague, 0, 100, PageShape::Tables).value());
    text["tables"]["case"]["columns"].push_back("eye_colour");
    auto refused = parsePullResult(text);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().field == "tables.case");
    auto bent = nlohmann::json::parse(fx.service.pullJson(colleague, 0, 100, PageShape::Tables).value());
    bent["tables"]["case"]["rows"][0].erase(2);
    CHECK(parsePullResult(bent).error().field == "tables.case.rows");
}

TEST_CASE("Batches: schema versions, clock skew, and malformed JSON named by path", "[core][sync][protocol]")
{
    SyncFixture fx;
    Batch b;
    b.deviceId = "dev-a";
    b.schemaVersion = kProtocolVersion + 1;
    auto r = fx.service.push(fx.a, b, kToday);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "unsupported_version");
    CHECK(r.error().message.find("Be kansliet uppdatera servern") != std::string::npos);  // who must update
    b.schemaVersion = kOldestAcceptedProtocolVersion - 1;
    auto old = fx.service.push(fx.a, b, kToday);
    REQUIRE_FALSE(old);
    CHECK(old.error().code == "unsupported_version");
    CHECK(old.error().message.find("Uppdatera Samkoll på den här datorn") != std::string::npos);

    b.schemaVersion = kProtocolVersion;
    b.clientTimeMs = kNow + 6 * 60 * 1000;
    auto skew = fx.service.push(fx.a, b, kToday);
    REQUIRE(skew);
    CHECK(skew->clockSkewMs == 6 * 60 * 1000);
    b.clientTimeMs = kNow + 4 * 60 * 1000;
    CHECK_FALSE(fx.service.push(fx.a, b, kToday)->clockSkewMs);

    SECTION("round trip")
    {
        Batch full;
        full.deviceId = "d";
        full.clientTimeMs = 5;
        full.operations = {fx.create("u1", "ta", "A-1", 1)};
        auto back = parseBatch(batchToJson(full).dump());
        REQUIRE(back);
        CHECK(back->operations[0].fields == full.operations[0].fields);
        CHECK(back->operations[0].create);
    }
    SECTION("errors name the path")
    {
        CHECK(parseBatch("{").error().code == "invalid_json");
        CHECK(parseBatch("[]").error().code == "invalid_batch");
        auto e = parseBatch(R"({"schema_version":1,"device_id":"d","client_time_ms":1,"operations":[
            {"seq":1,"kind":"case.upsert","hlc":"0000001700000000-00000-d","uid":"u","fields":{"shoe_size":"42"}}]})");
        REQUIRE_FALSE(e);
        CHECK(e.error().field == "operations[0].fields.shoe_size");
        auto k = parseBatch(R"({"schema_version":1,"device_id":"d","client_time_ms":1,"operations":[
            {"seq":"1","kind":"case.upsert"}]})");
        CHECK(k.error().field == "operations[0].seq");
        auto t = parseBatch(R"({"schema_version":1,"device_id":"d","client_time_ms":1,"operations":[
            {"seq":1,"kind":"tally.add","hlc":"0000001700000000-00000-d","uid":"u","round":{"questionnaire":"q",
             "group":"nobody","period":"2021"},"question":"x","option":1,"gender":"woman","delta":1}]})");
        CHECK(t.error().field == "operations[0].round.group");
    }
}

TEST_CASE("Hybrid logical clocks order events across skewed nodes", "[core][sync][hlc]")
{
    HlcClock a("a");
    HlcClock b("b");
    const auto a1 = a.now(1000);
    const auto a2 = a.now(1000);  // same millisecond
    CHECK(a1 < a2);
    b.observe(a2, 500);  // b's wall clock is behind
    const auto b1 = b.now(500);
    CHECK(a2 < b1);
    CHECK(a2.encode() < b1.encode());
    auto decoded = Hlc::decode(b1.encode());
    REQUIRE(decoded);
    CHECK(*decoded == b1);
    CHECK_FALSE(Hlc::decode("garbage"));
}

TEST_CASE("A clock far ahead of the server's does not win every later edit", "[core][sync][hlc]")
{
    SyncFixture fx;
    fx.push(fx.a, {fx.create("u1", "ta", "A-1", 1)});
    // A device whose clock runs five years ahead edits the birth year.
    auto future = fx.edit("u1", 2, "birth_year", "1990", "1991", "dev-a");
    future.hlc = Hlc{kNow + 5LL * 365 * 24 * 3600 * 1000, 0, "dev-a"}.encode();
    fx.push(fx.a, {future});
    CHECK(fx.field("u1", "birth_year") == "1991");
    // A correct device edits the same field a little later, concurrently (it
    // had not seen 1991): its edit counts, the future clock does not win.
    fx.clock = kNow + 60 * 1000;
    fx.push(fx.a2, {fx.edit("u1", 1, "birth_year", "1990", "1992", "dev-a2")});
    CHECK(fx.field("u1", "birth_year") == "1992");

    SECTION("a clock within the allowed skew keeps its order")
    {
        auto ahead = fx.edit("u1", 3, "birth_year", "1992", "1993", "dev-a");
        ahead.hlc = Hlc{kNow + kMaxFutureClockMs / 2, 0, "dev-a"}.encode();
        fx.push(fx.a, {ahead});
        // a2 had not seen 1993: a concurrent edit, and the later clock wins.
        fx.push(fx.a2, {fx.edit("u1", 2, "birth_year", "1992", "1994", "dev-a2")});
        CHECK(fx.field("u1", "birth_year") == "1993");
    }
}

TEST_CASE("Batches refuse integers outside their range and texts beyond their length", "[core][sync][protocol]")
{
    auto tally = [](const std::string& extra) {
        return parseBatch(R"({"schema_version":2,"device_id":"d","client_time_ms":1,"operations":[
            {"seq":1,"kind":"tally.add","hlc":"0000001700000000-00000-d","uid":"u","round":{"questionnaire":"q",
             "group":"participants_exit","period":"2021"},"question":"x","option":1,"gender":"woman")" +
                          extra + "}]}");
    };
    SECTION("an unsigned 2^64 − 1 is not read as −1")
    {
        auto r = tally(R"(,"delta":18446744073709551615)");
        REQUIRE_FALSE(r);
        CHECK(r.error().field == "operations[0].delta");
        auto seq = parseBatch(R"({"schema_version":2,"device_id":"d","client_time_ms":18446744073709551615,"operations":[]})");
        REQUIRE_FALSE(seq);
        CHECK(seq.error().field == "client_time_ms");
        CHECK(tally(R"(,"delta":-1)"));  // a correction is still fine
    }
    SECTION("text fields have limits and no control characters")
    {
        const std::string longName(101, 'x');
        auto by = tally(R"(,"delta":1,"entered_by":")" + longName + "\"");
        REQUIRE_FALSE(by);
        CHECK(by.error().field == "operations[0].entered_by");
        auto batchLabel = tally(R"(,"delta":1,"batch":")" + std::string(65, 'b') + "\"");
        REQUIRE_FALSE(batchLabel);
        CHECK(batchLabel.error().field == "operations[0].batch");
        auto escape = tally(R"(,"delta":1,"entered_by":"Anna\u001b[2J")");
        REQUIRE_FALSE(escape);
        CHECK(escape.error().field == "operations[0].entered_by");
        auto node = parseBatch(R"({"schema_version":2,"device_id":"d","client_time_ms":1,"operations":[
            {"seq":1,"kind":"case.delete","hlc":"0000001700000000-00000-)" + std::string(500000, 'n') +
                               R"(","uid":"u"}]})");
        REQUIRE_FALSE(node);
        CHECK(node.error().field == "operations[0].hlc");
        CHECK(tally(R"(,"delta":1,"entered_by":"Anna Åberg")"));
    }
}

TEST_CASE("Download text: every string is valid JSON as written, invalid UTF-8 replaced", "[core][sync][protocol]")
{
    const std::string tricky = std::string("citat \" snedstreck \\ rad\nflik\tretur\r klocka\x07 nul") + '\0' +
                               " åäö € 😀 trasig\xC3 överlång\xC0\xAF slut";
    std::string out;
    samkoll::core::json_text::string(out, tricky);
    const auto back = nlohmann::json::parse(out).get<std::string>();  // throws if not valid JSON / UTF-8
    CHECK(back.find("citat \" snedstreck \\ rad\nflik\tretur\r klocka\x07 nul") == 0);
    CHECK(back.find(std::string(" nul") + '\0') != std::string::npos);
    CHECK(back.find("åäö € 😀") != std::string::npos);
    CHECK(back.find("trasig\xEF\xBF\xBD") != std::string::npos);  // the lone lead byte became U+FFFD
    CHECK(back.find("överlång\xEF\xBF\xBD\xEF\xBF\xBD slut") != std::string::npos);
    std::string number;
    samkoll::core::json_text::integer(number, -9223372036854775807LL - 1);
    CHECK(nlohmann::json::parse(number).get<std::int64_t>() == INT64_MIN);
}

TEST_CASE("Another förbund's ids answer as ids nobody has: a create is taken and not stored, a change is not found",
          "[core][sync][security]")
{
    SyncFixture fx;
    const Id otherFed = fx.repo->addFederation("annat", "Annat förbund").value();
    const Id otherTeam = fx.repo->addTeam(otherFed, "oa", "Team O", std::nullopt).value();
    const DeviceContext other{"dev-o", otherFed, Role::Coordinator, otherTeam};
    auto story = [&](const std::string& uid, const std::string& team, std::int64_t seq, const std::string& date) {
        Operation op;
        op.seq = seq;
        op.kind = OperationKind::StoryUpsert;
        op.hlc = fx.hlc("x");
        op.uid = uid;
        op.team = team;
        op.date = date;
        op.title = "Ny chans";
        op.text = "Fick arbete.";
        return op;
    };
    fx.push(other, {fx.create("theirs", "oa", "O-1", 1, "dev-o"), story("their-story", "oa", 2, "2021-03-01")});

    // The same operations with another förbund's ids and with fresh ones: the same answers.
    auto r = fx.push(fx.a, {fx.create("theirs", "ta", "A-1", 1), fx.create("fresh", "ta", "A-2", 2),
                            story("their-story", "ta", 3, "2021-03-02"), story("fresh-story", "ta", 4, "2021-03-02")});
    for (const auto& o : r.results)
        CHECK(o.status == OperationStatus::Applied);
    CHECK(r.highestAcknowledged == 4);
    CHECK(r.foreignIds == 2);  // for the server's log …
    const auto answer = batchResultToJson(r).dump();
    CHECK(answer.find("foreign") == std::string::npos);  // … never in the answer
    // Nothing of the other förbund changed, and nothing of theirs reached this one.
    auto theirs = fx.repo->caseByUid("theirs");
    REQUIRE(theirs);
    CHECK(theirs->code == "O-1");
    CHECK(theirs->teamId == otherTeam);
    CHECK(fx.field("fresh", "code") == "A-2");
    auto pulled = fx.service.pull(fx.a, 0, 100);
    REQUIRE(pulled);
    for (const auto& c : pulled->changes) {
        CHECK(c.uid != "theirs");
        CHECK(c.uid != "their-story");
    }

    // A create that would be refused with a fresh id is refused alike with theirs.
    auto bad = [&](const std::string& uid, std::int64_t seq) {
        auto op = fx.create(uid, "ta", "A-3", seq);
        op.fields["birth_year"] = "1850";
        return op;
    };
    auto b = fx.push(fx.a, {bad("theirs", 5), bad("fresh-2", 6)});
    REQUIRE(b.results[0].error);
    REQUIRE(b.results[1].error);
    CHECK(b.results[0].error->code == b.results[1].error->code);
    CHECK(b.results[0].error->field == b.results[1].error->field);
    CHECK(b.results[0].error->message == b.results[1].error->message);

    // A change or a delete of their record answers as for a record nobody has.
    auto c = fx.push(fx.a, {fx.edit("theirs", 7, "birth_year", "1990", "1970", "dev-a"),
                            fx.edit("nobody", 8, "birth_year", "1990", "1970", "dev-a")});
    REQUIRE(c.results[0].error);
    REQUIRE(c.results[1].error);
    CHECK(c.results[0].error->code == c.results[1].error->code);
    CHECK(c.results[0].error->message == c.results[1].error->message);
    CHECK(fx.repo->caseByUid("theirs")->birthYear == 1990);
}
