// SPDX-License-Identifier: GPL-3.0-or-later
// Impactindex at national scale: generates 80 förbund × 8 teams with 175 000
// cases and 2.7 million tally rows in a real SQLite file, then times the index
// of every team and every förbund against one plain full scan of the same
// tables in the same run. Prints figures; asserts nothing about time.
//
//   index_bench [--federations 80] [--teams 8] [--cases 175000] [--tallies 2700000]
//               [--db FILE] [--repeat 3]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "bench_common.hpp"
#include "samkoll/index/index_engine.hpp"
#include "samkoll/io/budget_json.hpp"
#include "samkoll/store/repository.hpp"

using namespace samkoll::core;
using namespace samkoll::bench;

namespace {

struct Options {
    int federations = 80;
    int teams = 8;
    long cases = 175000;
    long tallies = 2700000;
    int repeat = 3;
    std::string db;
};

void generate(Database& db, const Options& o)
{
    Repository repo(db);
    std::mt19937_64 rng(42);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto doc = must(parseBudgetDocument(socialBudgetTemplate2021()));

    struct Q {
        Id id;
        int options;
    };
    Transaction tx(db);
    auto insCase = db.prepare(
        "INSERT INTO cases (uid, federation_id, team_id, code, gender, birth_year, referral_date, referring_party, "
        "decision, decision_date, start_date, exit_date, exit_outcome, education, support_duration) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'af', 'yes', ?, ?, ?, ?, 'upper_secondary', 'up_to_2')");
    auto insTally = db.prepare(
        "INSERT INTO tally_delta (uid, round_id, question_id, option_no, gender, delta, entered_by) "
        "VALUES (?, ?, ?, ?, ?, 1, 'bench')");
    const long casesPerFed = o.cases / o.federations;
    const long talliesPerFed = o.tallies / o.federations;
    static const char* kGender[] = {"woman", "man", "other", "declined"};
    static const char* kOutcome[] = {"work", "extra_job", "studies", "continued_rehab", "no_work_capacity",
                                     "health_dropout", "other_dropout"};
    long tallySerial = 0;
    for (int f = 0; f < o.federations; ++f) {
        const Id fed = must(repo.addFederation("f" + std::to_string(f), "Förbund " + std::to_string(f)));
        must(repo.saveBudget(fed, doc, false));
        std::vector<Id> teams;
        for (int k = 0; k < 6; ++k)
            must(repo.addMember(fed, "k" + std::to_string(k), "Kommun " + std::to_string(k), MemberKind::Kommun));
        for (int t = 0; t < o.teams; ++t)
            teams.push_back(must(repo.addTeam(fed, "t" + std::to_string(t), "Team " + std::to_string(t),
                                              "k" + std::to_string(t % 6))));
        for (int k = 0; k < 6; ++k) {
            auto st = db.prepare("SELECT id FROM member WHERE federation_id = ? AND code = ?");
            st.bind(1, fed).bind(2, "k" + std::to_string(k));
            st.step();
            for (int year : {2020, 2021})
                must(Result<bool>([&]() -> Result<bool> {
                    if (auto s = repo.setHaeStatistic({st.integer(0), year, 1000.0 + uniform(-50, 50), 0, 0, 0, 10000}); !s)
                        return s.error();
                    return true;
                }()));
        }
        for (long c = 0; c < casesPerFed; ++c) {
            const Id team = teams[static_cast<std::size_t>(c % o.teams)];
            const long start = Date{2019, 1, 1}.days() + uniform(0, 3 * 365 - 1);
            const bool exited = uniform(0, 99) < 60;
            const long exit = start + uniform(30, 500);
            insCase.bind(1, newUid())
                .bind(2, fed)
                .bind(3, team)
                .bind(4, "C-" + std::to_string(c))
                .bind(5, kGender[uniform(0, 2)])
                .bind(6, Date::fromDays(start).year - uniform(18, 60))
                .bind(7, Date::fromDays(start - 20).iso())
                .bind(8, Date::fromDays(start - 5).iso())
                .bind(9, Date::fromDays(start).iso());
            if (exited && exit <= Date{2021, 12, 31}.days()) {
                insCase.bind(10, Date::fromDays(exit).iso()).bind(11, kOutcome[uniform(0, 6)]);
            } else {
                insCase.bindNull(10).bindNull(11);
            }
            insCase.run();
        }
        // Rounds: three per team and the board's; tally rows spread over them.
        struct Round {
            Id id;
            std::vector<Q> questions;
        };
        std::vector<Round> rounds;
        auto questionsOf = [&](const std::string& questionnaire) {
            std::vector<Q> qs;
            auto st = db.prepare(
                "SELECT q.id, (SELECT count(*) FROM scale_option o WHERE o.scale_id = q.scale_id) FROM questionnaire qn "
                "JOIN questionnaire_question qq ON qq.questionnaire_id = qn.id JOIN question q ON q.id = qq.question_id "
                "WHERE qn.federation_id = ? AND qn.code = ?");
            st.bind(1, fed).bind(2, questionnaire);
            while (st.step())
                qs.push_back({st.integer(0), static_cast<int>(st.integer(1))});
            return qs;
        };
        for (const Id team : teams)
            for (auto [code, group] : {std::pair{"deltagare_avslut", RespondentGroup::ParticipantsExit},
                                       std::pair{"personal", RespondentGroup::Staff},
                                       std::pair{"styrgrupp", RespondentGroup::SteeringGroup}})
                rounds.push_back({must(repo.ensureRound(fed, code, group, team, Period::year(2021), 100)), questionsOf(code)});
        rounds.push_back({must(repo.ensureRound(fed, "styrelse", RespondentGroup::Board, std::nullopt, Period::year(2021), 10)),
                          questionsOf("styrelse")});
        for (long t = 0; t < talliesPerFed; ++t) {
            const auto& r = rounds[static_cast<std::size_t>(t % static_cast<long>(rounds.size()))];
            const auto& q = r.questions[static_cast<std::size_t>(uniform(0, static_cast<int>(r.questions.size()) - 1))];
            insTally.bind(1, "b" + std::to_string(++tallySerial))
                .bind(2, r.id)
                .bind(3, q.id)
                .bind(4, uniform(1, q.options))
                .bind(5, kGender[uniform(0, 3)]);
            insTally.run();
        }
    }
    tx.commit();
    db.exec("ANALYZE");
}

}  // namespace

int main(int argc, char** argv)
{
    programName() = "index_bench";
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const std::string value = argv[i + 1];
        if (key == "--federations")
            o.federations = std::stoi(value);
        else if (key == "--teams")
            o.teams = std::stoi(value);
        else if (key == "--cases")
            o.cases = std::stol(value);
        else if (key == "--tallies")
            o.tallies = std::stol(value);
        else if (key == "--repeat")
            o.repeat = std::stoi(value);
        else if (key == "--db")
            o.db = value;
        else {
            std::cerr << "index_bench: okänt alternativ " << key << "\n";
            return 2;
        }
    }
    const bool keep = !o.db.empty();
    if (o.db.empty())
        o.db = (std::filesystem::temp_directory_path() / ("samkoll-index-bench-" + std::to_string(::getpid()) + ".db")).string();

    bool fresh = !std::filesystem::exists(o.db);
    auto db = must(Database::open(o.db));
    if (fresh) {
        const auto t0 = Clock::now();
        generate(*db, o);
        std::printf("generated %d förbund × %d team, %ld cases, %ld tally rows in %.1f s\n", o.federations, o.teams,
                    o.cases, o.tallies, seconds(t0, Clock::now()));
    } else {
        std::printf("reusing %s\n", o.db.c_str());
    }

    std::vector<Id> federations;
    for (const auto& f : must(Repository(*db).federations()))
        federations.push_back(f.id);

    // Baseline: one plain full scan over the same tables.
    double scanBest = 1e9;
    std::int64_t checksum = 0;
    for (int r = 0; r < o.repeat; ++r) {
        const auto t0 = Clock::now();
        auto c = db->prepare("SELECT count(*), sum(birth_year) FROM cases");
        c.step();
        auto t = db->prepare("SELECT count(*), sum(delta) FROM tally_delta");
        t.step();
        checksum = c.integer(0) + t.integer(0);
        scanBest = std::min(scanBest, seconds(t0, Clock::now()));
    }

    // The index of every förbund (pooled) and every team, year 2021.
    double indexBest = 1e9;
    std::size_t units = 0;
    std::size_t unassessed = 0;
    double sumIndex = 0;
    for (int r = 0; r < o.repeat; ++r) {
        units = 0;
        unassessed = 0;
        sumIndex = 0;
        const auto t0 = Clock::now();
        for (Id fed : federations) {
            const auto idx = must(computeFederationIndex(*db, fed, Period::year(2021)));
            for (const UnitIndex* u : [&] {
                     std::vector<const UnitIndex*> all{&idx.federationIndex};
                     for (const auto& t : idx.teams)
                         all.push_back(&t);
                     return all;
                 }()) {
                ++units;
                if (!u->total.index)
                    ++unassessed;
                else
                    sumIndex += *u->total.index;
            }
        }
        indexBest = std::min(indexBest, seconds(t0, Clock::now()));
    }

    std::printf("rows scanned by the baseline: %lld\n", static_cast<long long>(checksum));
    std::printf("plain full scan (count, sum over cases and tally_delta): %8.3f s\n", scanBest);
    std::printf("index of %zu units (%zu förbund + teams):              %8.3f s  (%.2f ms per förbund)\n", units,
                federations.size(), indexBest, 1000.0 * indexBest / static_cast<double>(federations.size()));
    std::printf("ratio index / scan: %.2f  (goal ≤ 3)\n", indexBest / scanBest);
    std::printf("mean index %.1f; units without an index: %zu\n", units ? sumIndex / static_cast<double>(units) : 0.0,
                unassessed);
    std::printf("peak memory: %ld MB\n", peakRssMb());

    db.reset();
    if (!keep)
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(o.db + suffix);
    return unassessed == 0 ? 0 : 1;
}
