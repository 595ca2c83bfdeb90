// SPDX-License-Identifier: GPL-3.0-or-later
#include "federation_view.hpp"


#include <nlohmann/json.hpp>

#include "backend.hpp"
#include "formatting.hpp"
#include "samkoll/domain/date.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::client {

using namespace samkoll::core;
using nlohmann::json;

namespace {

QString text(const json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

int integer(const json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}

}  // namespace

// --- UnitRankingModel -----------------------------------------------------------

int UnitRankingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant UnitRankingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case PlaceRole: return r.place;
    case CodeRole: return r.code;
    case IndexRole: return r.index;
    case ColourRole: return r.colour;
    case AchievedRole: return r.achieved;
    case AssessableRole: return r.assessable;
    case NotAssessableRole: return r.notAssessable;
    case AreasRole: return r.areas;
    case SwingRole: return r.swing;
    case LowVolumeRole: return r.lowVolume;
    case InconclusiveRole: return r.inconclusive;
    }
    return {};
}

QHash<int, QByteArray> UnitRankingModel::roleNames() const
{
    return {{PlaceRole, "place"},         {CodeRole, "code"},
            {NameRole, "name"},           {IndexRole, "unitIndex"},
            {ColourRole, "colour"},       {AchievedRole, "achieved"},
            {AssessableRole, "assessable"}, {NotAssessableRole, "notAssessable"},
            {AreasRole, "areas"},         {SwingRole, "swing"},
            {LowVolumeRole, "lowVolume"}, {InconclusiveRole, "inconclusive"}};
}

QString UnitRankingModel::codeAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].code : QString();
}

void UnitRankingModel::setTeams(const json& teams)
{
    setRows(rowsFrom(teams));
}

std::vector<UnitRankingModel::Row> UnitRankingModel::rowsFrom(const json& teams)
{
    std::vector<Row> rows;
    for (const auto& t : teams) {
        if (!t.is_object())
            continue;
        Row r;
        r.place = integer(t, "place");
        const auto& unit = t.value("unit", json::object());
        r.code = text(unit, "code");
        r.name = text(unit, "name");
        const auto& total = t.value("total", json::object());
        r.index = indexVariant(total.value("index", json()));
        r.colour = total.contains("colour") ? text(total, "colour") : QStringLiteral("none");
        r.achieved = integer(total, "achieved_count");
        r.assessable = integer(total, "assessable");
        r.notAssessable = integer(total, "not_assessable");
        for (const auto& a : t.value("areas", json::array())) {
            const auto& f = a.value("figures", json::object());
            r.areas.push_back(QVariantMap{{QStringLiteral("number"), integer(a, "number")},
                                          {QStringLiteral("name"), text(a, "name")},
                                          {QStringLiteral("index"), indexVariant(f.value("index", json()))},
                                          {QStringLiteral("colour"), text(f, "colour")}});
        }
        const auto& beyond = t.value("beyond_published_method", json::object());
        r.swing = integer(beyond, "swing_count");
        r.lowVolume = integer(beyond, "low_volume_count");
        r.inconclusive = integer(beyond, "inconclusive_count");
        rows.push_back(std::move(r));
    }
    return rows;
}

void UnitRankingModel::setRows(std::vector<Row> rows)
{
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        emit countChanged();
}

// --- TrendModel -------------------------------------------------------------------

int TrendModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant TrendModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case CodeRole: return r.code;
    case TypeRole: return r.type;
    case ValuesRole: return r.values;
    case ColoursRole: return r.colours;
    case TextsRole: return r.texts;
    }
    return {};
}

QHash<int, QByteArray> TrendModel::roleNames() const
{
    return {{CodeRole, "code"},     {NameRole, "name"},       {TypeRole, "type"},
            {ValuesRole, "values"}, {ColoursRole, "colours"}, {TextsRole, "texts"}};
}

void TrendModel::setTrend(const json& trend)
{
    setData(dataFrom(trend));
}

TrendModel::Data TrendModel::dataFrom(const json& trend)
{
    std::vector<Row> rows;
    QVariantList years, approved;
    if (trend.is_object()) {
        for (const auto& y : trend.value("years", json::array()))
            years.push_back(y.is_number_integer() ? y.get<int>() : 0);
        for (const auto& a : trend.value("approved", json::array()))
            approved.push_back(a.is_boolean() && a.get<bool>());
        for (const auto& u : trend.value("units", json::array())) {
            Row r{text(u, "code"), text(u, "name"), text(u, "type"), {}, {}, {}};
            for (const auto& v : u.value("values", json::array())) {
                r.values.push_back(indexVariant(v));
                r.texts.push_back(v.is_number_integer() ? QString::number(v.get<int>()) : QStringLiteral("–"));
            }
            for (const auto& c : u.value("colours", json::array()))
                r.colours.push_back(c.is_string() ? QString::fromStdString(c.get<std::string>()) : QStringLiteral("none"));
            rows.push_back(std::move(r));
        }
    }
    return {std::move(rows), std::move(years), std::move(approved)};
}

void TrendModel::setData(Data data)
{
    beginResetModel();
    m_rows = std::move(data.rows);
    m_years = std::move(data.years);
    m_approved = std::move(data.approved);
    endResetModel();
    emit yearsChanged();
}

// --- FederationView ---------------------------------------------------------------

FederationView::FederationView(Backend& backend, QObject* parent)
    : ServerTask(parent), m_backend(backend), m_ranking(this), m_trend(this)
{
}

void FederationView::setDevice(Id federationId)
{
    if (federationId == m_federationId)
        return;
    m_federationId = federationId;
    reload();
}

void FederationView::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    reload();
}

void FederationView::setYear(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    emit viewChanged();
    reload();
}

void FederationView::setTertial(int tertial)
{
    if (tertial < 0 || tertial > 3 || tertial == m_tertial)
        return;
    m_tertial = tertial;
    emit viewChanged();
    reload();
}

std::string FederationView::cacheKey(int year, int tertial, Language language)
{
    return "federation_view:" + std::to_string(year) + ":" + std::to_string(tertial) + ":" +
           (language == Language::English ? "en" : "sv");
}

QVariantMap FederationView::unit(const QString& code) const
{
    if (code.isEmpty())
        return m_federation;
    const auto it = m_teamByCode.constFind(code);
    return it == m_teamByCode.cend() ? QVariantMap() : m_teams.at(*it).toMap();
}

FederationView::Prepared FederationView::prepare(const json& view)
{
    Prepared p;
    p.federation = jsonToVariant(view.value("federation", json::object())).toMap();
    p.teams = jsonToVariant(view.value("teams", json::array())).toList();
    for (int i = 0; i < p.teams.size(); ++i)
        p.teamByCode.insert(p.teams.at(i).toMap().value(QStringLiteral("unit")).toMap().value(QStringLiteral("code")).toString(), i);
    p.ranking = UnitRankingModel::rowsFrom(view.value("teams", json::array()));
    p.trend = TrendModel::dataFrom(view.value("trend", json::object()));
    p.computedAt = text(view, "computed_at");
    p.lastTeamSync = text(view, "last_team_sync");
    const auto& approved = view.value("approved", json());
    p.approval = approved.is_object() ? jsonToVariant(approved).toMap() : QVariantMap();
    return p;
}

void FederationView::show(const json& view, bool stale)
{
    show(prepare(view), stale);
}

void FederationView::show(Prepared view, bool stale)
{
    m_federation = std::move(view.federation);
    m_teams = std::move(view.teams);
    m_teamByCode = std::move(view.teamByCode);
    m_ranking.setRows(std::move(view.ranking));
    m_trend.setData(std::move(view.trend));
    m_computedAt = std::move(view.computedAt);
    m_lastTeamSync = std::move(view.lastTeamSync);
    m_approval = std::move(view.approval);
    m_stale = stale;
    emit viewChanged();
}

void FederationView::reload()
{
    if (m_federationId == 0)
        return;
    if (!begin()) {
        m_again = true;  // one more round with the new choice when this one is done
        return;
    }
    struct Answer {
        Prepared view;
        bool stale = false;
        std::vector<int> years;
        int year = 0;
        std::optional<Error> why;  ///< why the server was not asked now (a kept answer is shown)
    };
    m_backend.run(
        this,
        [fed = m_federationId, year = m_year, tertial = m_tertial, language = m_language](SyncEngine& e) -> Result<Answer> {
            Answer a;
            // The years the förbund has a social budget for; by default the newest up to this one.
            auto years = Repository(e.database()).budgetYears(fed);
            if (!years)
                return years.error();
            a.years = *years;
            std::sort(a.years.rbegin(), a.years.rend());
            a.year = year != 0 ? year : defaultYear(a.years);
            if (a.year == 0)
                return makeError("not_found", "year", "förbundet har ingen social budget ännu");
            std::string path = "/api/v1/federation?year=" + std::to_string(a.year) +
                               "&lang=" + (language == Language::English ? "en" : "sv");
            if (tertial > 0)
                path += "&tertial=" + std::to_string(tertial);
            const auto key = cacheKey(a.year, tertial, language);
            auto answer = e.serverCall(path, std::nullopt);
            if (answer) {
                (void)e.replica().setState(key, answer->dump());
                a.view = prepare(*answer);  // off the GUI thread: it only assigns
                return a;
            }
            // Not reachable (or not asked): the answer kept from before, said as such.
            const bool unreachable = answer.error().code == "network" || answer.error().code == "not_enrolled";
            if (unreachable) {
                if (auto kept = e.replica().state(key)) {
                    auto j = json::parse(*kept, nullptr, false);
                    if (j.is_object()) {
                        a.view = prepare(j);
                        a.stale = true;
                        a.why = answer.error();
                        return a;
                    }
                }
            }
            return answer.error();
        },
        [this](Result<Answer> r) {
            if (r) {
                QVariantList years;
                for (int y : r->years)
                    years.push_back(y);
                m_years = years;
                m_year = r->year;
                show(std::move(r->view), r->stale);
                if (r->why)
                    fail(*r->why);
                else
                    succeed({});
            } else {
                // Nothing to show for this period: not the last period's figures under its name.
                show(Prepared{}, false);
                fail(r.error());
            }
            if (std::exchange(m_again, false))
                reload();
        });
}

}  // namespace samkoll::client
