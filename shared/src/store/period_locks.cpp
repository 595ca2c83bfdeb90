// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/repository.hpp"

#include "rows.hpp"

namespace samkoll::core {

using namespace rows;

Error lockedError(int year, const std::string& field)
{
    return makeError("locked_period", field,
                     std::to_string(year) +
                         " är fastställt och låst av kansliet – ändringen sparas inte i det låsta året. "
                         "Kontakta kansliet om perioden behöver öppnas igen.");
}

// --- Period locks -----------------------------------------------------------------

bool Repository::isLocked(Id federationId, int year)
{
    auto st = m_db.cached("SELECT 1 FROM period_lock WHERE federation_id = ? AND year = ?");
    st->bind(1, federationId).bind(2, year);
    const bool locked = st->step();
    return locked;
}

Status Repository::checkUnlocked(Id federationId, int year, const std::string& field)
{
    if (isLocked(federationId, year))
        return lockedError(year, field);
    return {};
}

Status Repository::checkTeam(Id federationId, const std::optional<Id>& teamId)
{
    if (teamId && federationOfTeam(*teamId) != federationId)
        return makeError("not_found", "team", "teamet hör inte till förbundet");
    return {};
}

Status Repository::lockYear(Id federationId, int year, const std::string& lockedBy, const std::string& snapshotJson)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        if (isLocked(federationId, year))
            return makeError("already_locked", "year", std::to_string(year) + " är redan låst");
        m_db.prepare("INSERT INTO period_lock (federation_id, year, locked_by, snapshot) VALUES (?, ?, ?, ?)")
            .bind(1, federationId)
            .bind(2, year)
            .bind(3, lockedBy)
            .bind(4, snapshotJson)
            .run();
        return {};
    });
}

Status Repository::unlockYear(Id federationId, int year)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        m_db.prepare("DELETE FROM period_lock WHERE federation_id = ? AND year = ?").bind(1, federationId).bind(2, year).run();
        if (m_db.changes() == 0)
            return makeError("not_locked", "year", std::to_string(year) + " är inte låst");
        return {};
    });
}

Result<PeriodLock> Repository::periodLock(Id federationId, int year)
{
    return guarded<PeriodLock>([&]() -> Result<PeriodLock> {
        auto st = m_db.prepare("SELECT locked_at, locked_by, snapshot FROM period_lock WHERE federation_id = ? AND year = ?");
        st.bind(1, federationId).bind(2, year);
        if (!st.step())
            return makeError("not_locked", "year", std::to_string(year) + " är inte låst");
        return PeriodLock{year, st.text(0), st.text(1), st.text(2)};
    });
}

}  // namespace samkoll::core
