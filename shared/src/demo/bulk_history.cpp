// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/demo/bulk_history.hpp"

#include "samkoll/store/repository.hpp"
#include "samkoll/store/uid.hpp"

namespace samkoll::core {

Status writeBulkHistory(Database& db, Id federationId, const BulkHistory& h)
{
    if (h.years < 1)
        return makeError("invalid_value", "years", "minst ett år");
    Repository repo(db);
    auto team = repo.team(federationId, h.team);
    if (!team)
        return team.error();
    return inTransaction<void>(db, [&]() -> Status {
        auto insertCase = db.prepare(
            "INSERT INTO cases (uid, federation_id, team_id, code, gender, birth_year, referral_date, referring_party, "
            "decision, decision_date, start_date) VALUES (?, ?, ?, ?, ?, ?, ?, 'af', ?, ?, ?)");
        for (int i = 0; i < h.cases; ++i) {
            const int year = h.firstYear + i % h.years;
            const Date referral{year, 1 + i % 12, 1 + i % 28};
            const bool started = i % 3 != 0;
            const Date start{year, 1 + i % 12, 1 + i % 28};
            insertCase.bind(1, newUid())
                .bind(2, federationId)
                .bind(3, team->id)
                .bind(4, "H-" + h.team + "-" + std::to_string(i))
                .bind(5, i % 2 ? "woman" : "man")
                .bind(6, year - 20 - i % 40)  // 20–59 years old: inside Finsam's 16–64
                .bind(7, referral.iso());
            if (started)
                insertCase.bind(8, "yes").bind(9, referral.iso()).bind(10, start.iso());
            else
                insertCase.bindNull(8).bindNull(9).bindNull(10);
            insertCase.run();
        }
        auto question = db.prepare("SELECT id FROM question WHERE federation_id = ? AND code = 'p_trivs'");
        question.bind(1, federationId);
        if (!question.step())
            return makeError("not_found", "question", "frågan p_trivs saknas – importera den sociala budgetmallen först");
        const Id questionId = question.integer(0);
        question.reset();
        auto insertTally = db.prepare(
            "INSERT INTO tally_delta (uid, round_id, question_id, option_no, gender, delta, entered_by, batch) "
            "VALUES (?, ?, ?, ?, ?, 1, 'bulk', ?)");
        for (int y = 0; y < h.years; ++y) {
            const int year = h.firstYear + y;
            auto period = Period::range(Date{year, 1, 1}, Date{year, 12, 31});
            if (!period)
                return period.error();
            auto round = repo.ensureRound(federationId, "personal", RespondentGroup::Staff, team->id, *period, std::nullopt);
            if (!round)
                return round.error();
            const int rows = h.tallyRows / h.years + (y < h.tallyRows % h.years ? 1 : 0);
            for (int i = 0; i < rows; ++i) {
                insertTally.bind(1, newUid())
                    .bind(2, *round)
                    .bind(3, questionId)
                    .bind(4, 1 + i % 6)
                    .bind(5, i % 2 ? "woman" : "man")
                    .bind(6, "bulk-" + std::to_string(year) + "-" + std::to_string(i / 50));
                insertTally.run();
            }
        }
        return {};
    });
}

}  // namespace samkoll::core
