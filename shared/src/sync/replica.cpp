// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/replica.hpp"

#include "samkoll/store/repository.hpp"

namespace samkoll::core {

using nlohmann::json;

std::optional<Operation> Replica::outboxOperation(std::int64_t seq, const std::string& stored)
{
    auto j = json::parse(stored, nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    j["seq"] = seq;  // the outbox key is the operation's sequence number
    auto op = parseOperation(j, "outbox");
    if (!op)
        return std::nullopt;
    return std::move(*op);
}

Replica::Replica(Database& db, std::string node, std::function<std::int64_t()> clockMs)
    : m_db(db), m_clock(std::move(node)), m_clockMs(clockMs ? std::move(clockMs) : std::function<std::int64_t()>(systemMillis))
{
    if (auto last = state("hlc"))
        if (auto h = Hlc::decode(*last))
            m_clock.observe(*h, 0);
}

std::optional<std::string> Replica::state(const std::string& key)
{
    auto st = m_db.cached("SELECT value FROM sync_state WHERE key = ?");
    st->bind(1, key);
    std::optional<std::string> out;
    if (st->step())
        out = st->text(0);
    return out;
}

Status Replica::setState(const std::string& key, const std::string& value)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        m_db.prepare("INSERT INTO sync_state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2")
            .bind(1, key)
            .bind(2, value)
            .run();
        return {};
    });
}

std::int64_t Replica::cursor()
{
    auto c = state("cursor");
    return c ? std::stoll(*c) : 0;
}

void Replica::observeServerTime(std::int64_t serverMs)
{
    m_clock.observe(Hlc{serverMs, 0, ""}, m_clockMs());
}

std::string Replica::nextHlc()
{
    const auto h = m_clock.now(m_clockMs()).encode();
    m_db.prepare("INSERT INTO sync_state (key, value) VALUES ('hlc', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1")
        .bind(1, h)
        .run();
    return h;
}

Status Replica::enqueue(Operation op)
{
    op.hlc = nextHlc();
    m_db.prepare("INSERT INTO outbox (uid, operation) VALUES (?, ?)").bind(1, op.uid).bind(2, operationToJson(op).dump()).run();
    return {};
}

std::optional<Id> Replica::teamIdOf(const std::string& code)
{
    if (auto it = m_teamIds.find(code); it != m_teamIds.end())
        return it->second;
    auto fed = federationId();
    if (!fed)
        return std::nullopt;
    auto t = Repository(m_db).team(*fed, code);
    if (!t)
        return std::nullopt;
    m_teamIds[code] = t->id;
    return t->id;
}

std::string Replica::teamCodeOf(Id teamId)
{
    auto st = m_db.prepare("SELECT code FROM team WHERE id = ?");
    st.bind(1, teamId);
    return st.step() ? st.text(0) : std::string();
}

Result<std::vector<StoryRow>> Replica::stories(Id teamId)
{
    return guarded<std::vector<StoryRow>>([&]() -> Result<std::vector<StoryRow>> {
        std::vector<StoryRow> out;
        auto st = m_db.prepare(
            "SELECT s.uid, s.category, s.story_date, s.title, s.body, s.federation_id, "
            "EXISTS (SELECT 1 FROM outbox o WHERE o.uid = s.uid) "
            "FROM story s WHERE s.team_id = ? ORDER BY s.story_date DESC, s.id DESC");
        st.bind(1, teamId);
        while (st.step()) {
            StoryRow row;
            auto& s = row.story;
            s.uid = st.text(0);
            s.category = parseCode<StoryCategory>(st.text(1)).value_or(StoryCategory::PositiveSolution);
            if (auto d = Date::parse(st.text(2)))
                s.date = *d;
            s.title = st.text(3);
            s.text = st.text(4);
            s.federationId = st.integer(5);
            s.teamId = teamId;
            row.pendingSync = st.integer(6) != 0;
            out.push_back(std::move(row));
        }
        return out;
    });
}

Result<std::vector<Composition>> Replica::compositions(std::optional<Id> teamId, int year)
{
    return guarded<std::vector<Composition>>([&]() -> Result<std::vector<Composition>> {
        std::vector<Composition> out;
        auto st = m_db.prepare("SELECT federation_id, body, women, men FROM composition WHERE team_id IS ? AND year = ?");
        st.bind(1, teamId).bind(2, year);
        while (st.step()) {
            Composition c;
            c.federationId = st.integer(0);
            c.teamId = teamId;
            c.body = parseCode<CompositionBody>(st.text(1)).value_or(CompositionBody::Staff);
            c.year = year;
            c.women = st.integer(2);
            c.men = st.integer(3);
            out.push_back(c);
        }
        return out;
    });
}

}  // namespace samkoll::core
