// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/index/index_snapshot.hpp"

#include <nlohmann/json.hpp>

namespace samkoll::core {

namespace {

using nlohmann::json;

constexpr int kSnapshotFormat = 1;

json countJson(const Count& c) { return json::array({c.n, c.N}); }
Count countFrom(const json& v) { return {v.at(0).get<std::int64_t>(), v.at(1).get<std::int64_t>()}; }

template <typename T>
json optionalJson(const std::optional<T>& v)
{
    return v ? json(*v) : json(nullptr);
}
template <typename T>
std::optional<T> optionalFrom(const json& v)
{
    if (v.is_null())
        return std::nullopt;
    return v.get<T>();
}

/// An enum stored by its code, read back by trying every value up to `last`.
template <typename E>
E enumFrom(const json& v, E last)
{
    const auto code = v.get<std::string>();
    for (int i = 0; i <= static_cast<int>(last); ++i)
        if (codeOf(static_cast<E>(i)) == code)
            return static_cast<E>(i);
    throw std::invalid_argument("okänd kod " + code);
}

/// An enum stored by its number (no codes of its own), range-checked.
template <typename E>
E enumNumber(const json& v, E last)
{
    const int n = v.get<int>();
    if (n < 0 || n > static_cast<int>(last))
        throw std::invalid_argument("okänt värde " + std::to_string(n));
    return static_cast<E>(n);
}

json periodJson(const Period& p) { return {{"from", p.from.iso()}, {"to", p.to.iso()}, {"label", p.label}}; }
Period periodFrom(const json& v)
{
    auto from = Date::parse(v.at("from").get<std::string>());
    auto to = Date::parse(v.at("to").get<std::string>());
    if (!from || !to)
        throw std::invalid_argument("datum");
    return {*from, *to, v.at("label").get<std::string>()};
}

json figuresJson(const IndexFigures& f)
{
    return {{"max", f.max},
            {"achieved", f.achieved},
            {"index", optionalJson(f.index)},
            {"colour", codeOf(f.colour)},
            {"assessable", f.assessable},
            {"not_assessable", f.notAssessable},
            {"achieved_count", f.achievedCount}};
}
IndexFigures figuresFrom(const json& v)
{
    IndexFigures f;
    f.max = v.at("max").get<std::int64_t>();
    f.achieved = v.at("achieved").get<std::int64_t>();
    f.index = optionalFrom<int>(v.at("index"));
    f.colour = enumFrom(v.at("colour"), Colour::None);
    f.assessable = v.at("assessable").get<int>();
    f.notAssessable = v.at("not_assessable").get<int>();
    f.achievedCount = v.at("achieved_count").get<int>();
    return f;
}

json variantJson(const VariantIndex& x)
{
    return {{"kind", static_cast<int>(x.kind)},     {"max", x.max},
            {"achieved", x.achieved},               {"index", optionalJson(x.index)},
            {"colour", codeOf(x.colour)},           {"left_out", x.leftOut},
            {"partly_credited", x.partlyCredited}, {"not_assessable", x.notAssessable}};
}
VariantIndex variantFrom(const json& v)
{
    VariantIndex x;
    x.kind = enumNumber(v.at("kind"), VariantIndex::Kind::Graded);
    x.max = v.at("max").get<double>();
    x.achieved = v.at("achieved").get<double>();
    x.index = optionalFrom<int>(v.at("index"));
    x.colour = enumFrom(v.at("colour"), Colour::None);
    x.leftOut = v.at("left_out").get<int>();
    x.partlyCredited = v.at("partly_credited").get<int>();
    x.notAssessable = v.at("not_assessable").get<int>();
    return x;
}

json indicatorJson(const IndicatorResult& r)
{
    return {{"code", r.code},
            {"kommun", r.kommun},
            {"text", r.text},
            {"goal", r.goalCode},
            {"area", r.area},
            {"kind", codeOf(r.kind)},
            {"weight", r.weight},
            {"target", {static_cast<int>(r.target.type), r.target.a, r.target.b}},
            {"signal", codeOf(r.signal)},
            {"note_kind", static_cast<int>(r.noteKind)},
            {"note", r.note},
            {"value", optionalJson(r.value)},
            {"count", countJson(r.count)},
            {"women", r.women ? countJson(*r.women) : json(nullptr)},
            {"men", r.men ? countJson(*r.men) : json(nullptr)},
            {"swing", r.swing},
            {"low_volume", r.lowVolume},
            {"interval", r.interval ? json::array({r.interval->lo, r.interval->hi}) : json(nullptr)},
            {"inconclusive", r.inconclusive},
            {"graded_credit", r.gradedCredit}};
}
IndicatorResult indicatorFrom(const json& v)
{
    IndicatorResult r;
    r.code = v.at("code").get<std::string>();
    r.kommun = v.at("kommun").get<std::string>();
    r.text = v.at("text").get<std::string>();
    r.goalCode = v.at("goal").get<std::string>();
    r.area = v.at("area").get<int>();
    r.kind = enumFrom(v.at("kind"), IndicatorKind::Manual);
    r.weight = v.at("weight").get<int>();
    const auto& t = v.at("target");
    r.target = {enumNumber(t.at(0), Target::Type::Decrease), t.at(1).get<std::int64_t>(), t.at(2).get<std::int64_t>()};
    r.signal = enumFrom(v.at("signal"), Signal::NotAssessable);
    r.noteKind = enumNumber(v.at("note_kind"), NoteKind::NotJudged);
    r.note = v.at("note").get<std::string>();
    r.value = optionalFrom<double>(v.at("value"));
    r.count = countFrom(v.at("count"));
    if (!v.at("women").is_null())
        r.women = countFrom(v.at("women"));
    if (!v.at("men").is_null())
        r.men = countFrom(v.at("men"));
    r.swing = v.at("swing").get<bool>();
    r.lowVolume = v.at("low_volume").get<bool>();
    if (const auto& i = v.at("interval"); !i.is_null())
        r.interval = Interval{i.at(0).get<double>(), i.at(1).get<double>()};
    r.inconclusive = v.at("inconclusive").get<bool>();
    r.gradedCredit = v.at("graded_credit").get<double>();
    return r;
}

json unitJson(const UnitIndex& u)
{
    json areas = json::array();
    for (const auto& a : u.areas)
        areas.push_back({{"number", a.number},
                         {"name", a.name},
                         {"ideal_share_pct", a.idealSharePct},
                         {"figures", figuresJson(a.figures)},
                         {"actual_share_pct", a.actualSharePct},
                         {"weighting_off", a.weightingOff}});
    json indicators = json::array();
    for (const auto& r : u.indicators)
        indicators.push_back(indicatorJson(r));
    return {{"code", u.unitCode},
            {"name", u.unitName},
            {"is_team", u.isTeam},
            {"period", periodJson(u.period)},
            {"budget_year", u.budgetYear},
            {"settings",
             {u.settings.greenFrom, u.settings.orangeFrom, u.settings.lowVolumeBelow, u.settings.weightingTolerancePp}},
            {"areas", std::move(areas)},
            {"total", figuresJson(u.total)},
            {"indicators", std::move(indicators)},
            {"swing_count", u.swingCount},
            {"low_volume_count", u.lowVolumeCount},
            {"inconclusive_count", u.inconclusiveCount},
            {"volume_adjusted", variantJson(u.volumeAdjusted)},
            {"graded", variantJson(u.graded)}};
}
UnitIndex unitFrom(const json& v)
{
    UnitIndex u;
    u.unitCode = v.at("code").get<std::string>();
    u.unitName = v.at("name").get<std::string>();
    u.isTeam = v.at("is_team").get<bool>();
    u.period = periodFrom(v.at("period"));
    u.budgetYear = v.at("budget_year").get<int>();
    const auto& s = v.at("settings");
    u.settings = {s.at(0).get<int>(), s.at(1).get<int>(), s.at(2).get<int>(), s.at(3).get<int>()};
    for (const auto& a : v.at("areas"))
        u.areas.push_back({a.at("number").get<int>(), a.at("name").get<std::string>(),
                           a.at("ideal_share_pct").get<int>(), figuresFrom(a.at("figures")),
                           a.at("actual_share_pct").get<double>(), a.at("weighting_off").get<bool>()});
    u.total = figuresFrom(v.at("total"));
    for (const auto& r : v.at("indicators"))
        u.indicators.push_back(indicatorFrom(r));
    u.swingCount = v.at("swing_count").get<int>();
    u.lowVolumeCount = v.at("low_volume_count").get<int>();
    u.inconclusiveCount = v.at("inconclusive_count").get<int>();
    u.volumeAdjusted = variantFrom(v.at("volume_adjusted"));
    u.graded = variantFrom(v.at("graded"));
    return u;
}

}  // namespace

json indexSnapshotToJson(const FederationIndex& index)
{
    json teams = json::array();
    for (const auto& t : index.teams)
        teams.push_back(unitJson(t));
    return {{"snapshot_format", kSnapshotFormat},
            {"federation", {{"id", index.federation.id}, {"code", index.federation.code}, {"name", index.federation.name}}},
            {"period", periodJson(index.period)},
            {"budget_name", index.budgetName},
            {"federation_index", unitJson(index.federationIndex)},
            {"teams", std::move(teams)}};
}

Result<FederationIndex> indexSnapshotFromJson(std::string_view text)
{
    const auto unreadable = [](const std::string& why) {
        return Error{"snapshot", "snapshot",
                     "Det fastställda årets sparade siffror går inte att läsa; fastställ året på nytt om siffrorna "
                     "fortfarande gäller.",
                     {}, why};
    };
    try {
        const auto v = json::parse(text);
        if (!v.is_object() || !v.contains("snapshot_format"))
            return unreadable("no snapshot_format (a lock made before snapshots were kept whole)");
        if (v.at("snapshot_format").get<int>() != kSnapshotFormat)
            return unreadable("snapshot_format " + v.at("snapshot_format").dump());
        FederationIndex index;
        const auto& f = v.at("federation");
        index.federation = {f.at("id").get<Id>(), f.at("code").get<std::string>(), f.at("name").get<std::string>()};
        index.period = periodFrom(v.at("period"));
        index.budgetName = v.at("budget_name").get<std::string>();
        index.federationIndex = unitFrom(v.at("federation_index"));
        for (const auto& t : v.at("teams"))
            index.teams.push_back(unitFrom(t));
        return index;
    } catch (const std::exception& e) {
        return unreadable(e.what());
    }
}

}  // namespace samkoll::core
