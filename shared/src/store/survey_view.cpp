// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/survey_view.hpp"

#include <algorithm>
#include <set>

#include "samkoll/store/uid.hpp"

namespace samkoll::core {

namespace {
// Short: the protocol carries a batch id of at most 64 characters.
constexpr std::string_view kCorrection = "ratt:";
constexpr std::string_view kCounterEntry = "motb:";
}  // namespace

TallyBatchKind tallyBatchKind(const std::string& batch)
{
    if (batch.rfind(kCorrection, 0) == 0)
        return TallyBatchKind::Correction;
    if (batch.rfind(kCounterEntry, 0) == 0)
        return TallyBatchKind::CounterEntry;
    return TallyBatchKind::Entry;
}

std::string newTallyBatchId(TallyBatchKind kind, const std::string& reverses)
{
    switch (kind) {
    case TallyBatchKind::Correction: return std::string(kCorrection) + newUid();
    case TallyBatchKind::CounterEntry: return counterEntryPrefix(reverses) + newUid().substr(16);
    case TallyBatchKind::Entry: break;
    }
    return newUid();
}

std::string counterEntryPrefix(const std::string& entry)
{
    return std::string(kCounterEntry) + entry + ":";
}

std::string reversedEntry(const std::string& batch)
{
    if (tallyBatchKind(batch) != TallyBatchKind::CounterEntry)
        return {};
    const auto rest = batch.substr(kCounterEntry.size());
    const auto colon = rest.rfind(':');
    return colon == std::string::npos ? std::string() : rest.substr(0, colon);
}

Result<std::vector<QuestionnaireInfo>> questionnaires(Database& db, Id federationId)
{
    return guarded<std::vector<QuestionnaireInfo>>([&]() -> Result<std::vector<QuestionnaireInfo>> {
        std::vector<QuestionnaireInfo> out;
        auto qn = db.prepare("SELECT id, code, title FROM questionnaire WHERE federation_id = ? ORDER BY id");
        qn.bind(1, federationId);
        auto questions = db.prepare(
            "SELECT q.code, q.text, q.scale_id FROM questionnaire_question qq JOIN question q ON q.id = qq.question_id "
            "WHERE qq.questionnaire_id = ? ORDER BY qq.position");
        auto options = db.prepare("SELECT label FROM scale_option WHERE scale_id = ? ORDER BY position");
        while (qn.step()) {
            QuestionnaireInfo info{qn.text(1), qn.text(2), {}};
            questions.bind(1, qn.integer(0));
            while (questions.step()) {
                QuestionInfo q{questions.text(0), questions.text(1), {}};
                options.bind(1, questions.integer(2));
                while (options.step())
                    q.options.push_back(options.text(0));
                options.reset();
                info.questions.push_back(std::move(q));
            }
            questions.reset();
            out.push_back(std::move(info));
        }
        return out;
    });
}

Result<RoundView> roundView(Database& db, Id federationId, const std::string& questionnaire, RespondentGroup group,
                            std::optional<Id> teamId, const Period& period)
{
    return guarded<RoundView>([&]() -> Result<RoundView> {
        RoundView view;
        auto r = db.prepare(
            "SELECT r.id, r.invited FROM survey_round r JOIN questionnaire qn ON qn.id = r.questionnaire_id "
            "WHERE r.federation_id = ? AND qn.code = ? AND r.respondent_group = ? AND ifnull(r.team_id, 0) = ? "
            "AND r.period_start = ? AND r.period_end = ?");
        r.bind(1, federationId).bind(2, questionnaire).bind(3, codeOf(group)).bind(4, teamId.value_or(0));
        r.bind(5, period.from.iso()).bind(6, period.to.iso());
        if (!r.step())
            return view;
        view.exists = true;
        const Id round = r.integer(0);
        view.invited = r.integer(1);
        auto t = db.prepare(
            "SELECT q.code, t.option_no, t.gender, t.total FROM tally_total t JOIN question q ON q.id = t.question_id "
            "WHERE t.round_id = ?");
        t.bind(1, round);
        while (t.step()) {
            const auto q = t.text(0);
            view.totals[{q, static_cast<int>(t.integer(1)), t.text(2)}] = t.integer(3);
            view.answered[q] += t.integer(3);
        }
        for (const auto& [q, n] : view.answered)
            view.respondents = std::max(view.respondents, n);
        auto b = db.prepare(
            "SELECT batch, min(entered_by), min(entered_at), count(*), sum(delta) FROM tally_delta WHERE round_id = ? "
            "GROUP BY batch ORDER BY min(entered_at) DESC, min(id) DESC");
        b.bind(1, round);
        std::set<std::string> reversed;
        while (b.step()) {
            TallyBatchInfo info{b.text(0), b.text(1), b.text(2), b.integer(3), b.integer(4)};
            info.kind = tallyBatchKind(info.batch);
            if (info.kind == TallyBatchKind::Entry && info.sum < 0)
                info.kind = TallyBatchKind::CounterEntry;  // made before counter-entries were named
            if (info.kind == TallyBatchKind::CounterEntry)
                reversed.insert(reversedEntry(info.batch));
            view.batches.push_back(std::move(info));
        }
        for (auto& info : view.batches)
            info.counterEntered = reversed.count(info.batch) > 0;
        return view;
    });
}

}  // namespace samkoll::core
