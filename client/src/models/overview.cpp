// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview.hpp"

#include <utility>

#include <QDate>

#include "backend.hpp"
#include "formatting.hpp"
#include "samkoll/index/index_engine.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::client {

using namespace samkoll::core;
using nlohmann::json;

namespace {

struct Computed {
    std::vector<json> periods;  ///< year, T1, T2, T3
    std::optional<json> federation;
    std::string error;
};

}  // namespace

Overview::Overview(Backend& backend, QObject* parent) : QObject(parent), m_backend(backend), m_year(QDate::currentDate().year()) {}

void Overview::setDevice(Id federationId, const QString& teamCode)
{
    if (federationId == m_federationId && teamCode == m_teamCode)
        return;
    m_federationId = federationId;
    m_teamCode = teamCode;
    if (m_yearChosen) {
        reload();
        return;
    }
    // Open on the latest year that has a social budget and the unit's cases,
    // not on a calendar year nothing has been entered for yet.
    m_backend.run(
        this,
        [fed = federationId, team = teamCode.toStdString(), now = QDate::currentDate().year()](SyncEngine& e) {
            Repository repo(e.database());
            std::optional<Id> teamId;
            if (!team.empty())
                for (const auto& t : valueOrThrow(repo.teams(fed)))
                    if (t.code == team)
                        teamId = t.id;
            return valueOrThrow(repo.latestYearWithData(fed, teamId, now));
        },
        [this](Result<std::optional<int>> year) {
            if (year && *year && !m_yearChosen && **year != m_year) {
                m_year = **year;
                emit yearChanged();
            }
            reload();
        });
}

void Overview::setLanguage(core::Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    reload();
}

void Overview::setYear(int year)
{
    m_yearChosen = true;  // the user's choice stays
    if (year == m_year)
        return;
    m_year = year;
    emit yearChanged();
    reload();
}

QVariantList Overview::years() const
{
    QVariantList out;
    const int now = QDate::currentDate().year();
    for (int y = now; y >= now - 6; --y)
        out.push_back(y);
    if (m_year < now - 6)
        out.push_back(m_year);  // the year it opened on is always there to choose
    return out;
}

void Overview::reload()
{
    // Without a team (the board, the kansli) only the förbund's figure is read.
    if (m_federationId == 0)
        return;
    if (m_busy) {
        m_again = true;  // one more round when this one is done
        return;
    }
    m_busy = true;
    emit busyChanged();
    m_backend.run(
        this,
        [fed = m_federationId, team = m_teamCode.toStdString(), year = m_year, language = m_language](SyncEngine& e) {
            Computed out;
            std::vector<Period> periods{Period::year(year), Period::tertial(year, 1), Period::tertial(year, 2),
                                        Period::tertial(year, 3)};
            for (const auto& p : periods) {
                if (team.empty())
                    break;
                auto index = computeFederationIndex(e.database(), fed, p);
                if (!index) {
                    out.error = index.error().message;
                    out.periods.push_back(json::object());
                    continue;
                }
                out.periods.push_back(federationIndexToJson(*index, team, language).value("index", json::object()));
            }
            out.federation = e.federationIndex(year);
            return out;
        },
        [this](Result<Computed> result) {
            m_busy = false;
            if (!result) {
                // The job failed: say so, and stay ready for the next attempt.
                m_error = sentence(result.error().message);
                emit busyChanged();
                emit computed();
                if (std::exchange(m_again, false))
                    reload();
                return;
            }
            auto& c = *result;
            m_periods.clear();
            const char* labels[] = {QT_TR_NOOP("Whole year"), QT_TR_NOOP("T1 (Jan–Apr)"), QT_TR_NOOP("T2 (May–Aug)"),
                                    QT_TR_NOOP("T3 (Sep–Dec)")};
            for (std::size_t i = 0; i < c.periods.size(); ++i) {
                auto m = jsonToVariant(c.periods[i]).toMap();
                m.insert(QStringLiteral("label"), tr(labels[i]));
                m_periods.push_back(m);
            }
            m_error = c.error.empty() ? QString() : sentence(c.error);
            m_federation.clear();
            m_federationTime.clear();
            if (c.federation) {
                m_federation = jsonToVariant((*c.federation)["index"]).toMap();
                m_federationTime = formatTimestamp(QString::fromStdString((*c.federation).value("fetched_at", "")));
            }
            emit busyChanged();
            emit computed();
            if (m_again) {
                m_again = false;
                reload();
            }
        });
}

}  // namespace samkoll::client
