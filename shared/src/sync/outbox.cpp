// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/replica.hpp"
#include "samkoll/sync/finance_edits.hpp"

#include "samkoll/store/repository.hpp"

namespace samkoll::core {

using nlohmann::json;

std::vector<Operation> Replica::pending(std::int64_t afterSeq, int limit, std::size_t maxBytes)
{
    std::vector<Operation> out;
    std::size_t bytes = 0;
    auto st = m_db.cached("SELECT seq, operation FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?");
    st->bind(1, afterSeq).bind(2, limit);
    while (st->step()) {
        const auto text = st->text(1);
        bytes += text.size();
        if (!out.empty() && bytes > maxBytes)
            break;
        auto op = outboxOperation(st->integer(0), text);
        if (!op)
            continue;  // cannot happen for rows this class wrote; never block the queue
        out.push_back(std::move(*op));
    }
    return out;
}

int Replica::pendingCount()
{
    auto st = m_db.prepare("SELECT count(*) FROM outbox");
    st.step();
    return static_cast<int>(st.integer(0));
}

std::vector<RefusedOperation> Replica::refused()
{
    std::vector<RefusedOperation> out;
    auto st = m_db.prepare(
        "SELECT o.seq, o.uid, o.refused_code, o.refused_message, o.operation, c.code "
        "FROM outbox o LEFT JOIN cases c ON c.uid = o.uid WHERE o.refused_code IS NOT NULL ORDER BY o.seq");
    while (st.step()) {
        RefusedOperation r;
        r.seq = st.integer(0);
        r.uid = st.text(1);
        r.code = st.text(2);
        r.message = st.text(3);
        if (auto op = outboxOperation(r.seq, st.text(4))) {
            r.kind = op->kind;
            r.finance = op->finance;
            r.settleable = r.code == "conflict" && (op->kind == OperationKind::JudgmentSet || enteredFigure(op->kind));
        }
        if (r.kind == OperationKind::CaseUpsert || r.kind == OperationKind::CaseDelete)
            r.caseCode = st.text(5);
        out.push_back(std::move(r));
    }
    return out;
}

int Replica::refusedCount()
{
    auto st = m_db.prepare("SELECT count(*) FROM outbox WHERE refused_code IS NOT NULL");
    st.step();
    return static_cast<int>(st.integer(0));
}

int Replica::conflictCount()
{
    auto st = m_db.prepare(
        "SELECT count(*) FROM sync_conflict k JOIN cases c ON c.uid = k.case_uid AND c.deleted = 0 WHERE k.resolved = 0");
    st.step();
    return static_cast<int>(st.integer(0));
}

Status Replica::acknowledge(const BatchResult& result)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        for (const auto& r : result.results) {
            // An edit of a case that was deleted elsewhere can never apply: drop it.
            const bool final = r.status == OperationStatus::Refused && r.error && r.error->code == "deleted";
            if (r.status == OperationStatus::Refused && !final) {
                m_db.cached("UPDATE outbox SET refused_code = ?, refused_message = ? WHERE seq = ?")
                    ->bind(1, r.error ? r.error->code : std::string("refused"))
                    .bind(2, r.error ? r.error->describe() : std::string())
                    .bind(3, r.seq)
                    .run();
            } else {
                m_db.cached("DELETE FROM outbox WHERE seq = ?")->bind(1, r.seq).run();
            }
        }
        return {};
    });
}

std::vector<ConflictInfo> Replica::conflicts()
{
    std::vector<ConflictInfo> out;
    auto st = m_db.prepare(
        "SELECT k.uid, k.case_uid, c.code, k.field, k.kept_value, k.other_value, k.other_device "
        "FROM sync_conflict k JOIN cases c ON c.uid = k.case_uid AND c.deleted = 0 WHERE k.resolved = 0 ORDER BY k.id");
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.optionalText(4), st.optionalText(5), st.text(6)});
    return out;
}

Status Replica::resolveConflict(const std::string& uid, bool takeOther)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        auto st = m_db.prepare("SELECT case_uid, field, other_value, resolved FROM sync_conflict WHERE uid = ?");
        st.bind(1, uid);
        if (!st.step())
            return makeError("not_found", "uid", "konflikten finns inte");
        if (st.integer(3) != 0)
            return {};
        const auto caseUid = st.text(0);
        const auto field = st.text(1);
        const auto other = st.optionalText(2);
        st.reset();
        if (takeOther) {
            auto current = Repository(m_db).caseByUid(caseUid);
            if (!current)
                return current.error();
            auto updated = applyCaseFields(*current, CaseFields{{field, other}});
            if (!updated)
                return updated.error();
            if (auto s = editCase(*updated); !s)
                return s;
        }
        m_db.prepare("UPDATE sync_conflict SET resolved = 1 WHERE uid = ?").bind(1, uid).run();
        Operation op;
        op.kind = OperationKind::ConflictResolve;
        op.uid = uid;
        return enqueue(op);
    });
}

Status Replica::markSent(std::int64_t seq)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        m_db.prepare("UPDATE outbox SET sent = 1 WHERE seq <= ? AND sent = 0").bind(1, seq).run();
        return {};
    });
}

Status Replica::resetCursor()
{
    return setState("cursor", "0");
}

}  // namespace samkoll::core
