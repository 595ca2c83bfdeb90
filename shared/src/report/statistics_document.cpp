// SPDX-License-Identifier: GPL-3.0-or-later
// The participant statistics as a document: the same counts and the same
// small-cell rule as `samkolld stats` and /api/v1/stats.
#include "samkoll/domain/arithmetic.hpp"
#include "samkoll/report/document.hpp"
#include "samkoll/report/format.hpp"
#include "samkoll/report/participant_stats.hpp"

namespace samkoll::core {

namespace {

DocCell countCell(std::int64_t v, bool hidden, int below)
{
    return hidden ? DocCell::of("<" + std::to_string(below)) : DocCell::integer(v);
}

/// n of N as a whole percent (the text's rounding, half up), "–" without a base.
DocCell percentCell(std::int64_t n, std::int64_t N)
{
    if (N <= 0)
        return DocCell::of("–");
    const auto pct = divRoundHalfUp(100 * n, N);
    return {formatPercent(n, N), std::to_string(pct), {}};
}

DocTable genderTable(const std::string& name, const std::string& title, const std::string& first,
                     const std::vector<GenderRow>& rows, bool shares, int below)
{
    DocTable t;
    t.name = name;
    t.title = title;
    t.columns = {first, "Kvinnor", "Män", "Annat", "Vill ej svara", "Totalt"};
    t.numeric = {false, true, true, true, true, true};
    t.widths = {40, 12, 12, 12, 12, 12};
    if (shares) {
        t.columns.push_back("Andel");
        t.numeric.push_back(true);
        t.widths = {36, 11, 11, 10, 11, 11, 10};
    }
    std::int64_t sum = 0;
    for (const auto& r : rows)
        sum += r.total();
    for (const auto& r : rows) {
        const auto h = hiddenCells(r, below);
        std::vector<DocCell> row{DocCell::of(r.label)};
        for (std::size_t g = 0; g < kGenderCount; ++g)
            row.push_back(countCell(r.byGender[g], h[g], below));
        row.push_back(countCell(r.total(), h[kGenderCount], below));
        if (shares)
            row.push_back(h[kGenderCount] ? DocCell::of("–") : percentCell(r.total(), sum));
        t.rows.push_back(std::move(row));
        t.emphasis.push_back(false);
    }
    return t;
}

}  // namespace

DocSection responseRateSection(const std::vector<ResponseRateRow>& rates)
{
    DocSection section;
    section.heading = "Svarsfrekvens";
    DocTable r;
    r.name = "svarsfrekvens";
    r.title = "Svarsfrekvens per enkätomgång";
    r.columns = {"Enkät", "Grupp", "Team", "Period", "Tillfrågade", "Svarande", "Svarsfrekvens"};
    r.numeric = {false, false, false, false, true, true, true};
    r.widths = {24, 16, 16, 12, 11, 10, 11};
    for (const auto& x : rates) {
        r.rows.push_back({DocCell::of(x.questionnaire), DocCell::of(x.group),
                          DocCell::of(x.team.empty() ? "(förbundet)" : x.team), DocCell::of(x.period),
                          DocCell::integer(x.invited), DocCell::integer(x.respondents),
                          percentCell(x.respondents, x.invited)});
        r.emphasis.push_back(false);
    }
    if (rates.empty()) {
        section.paragraphs.push_back("Inga enkätomgångar under perioden.");
    } else {
        r.note = "Svarande är de flesta svar någon fråga i omgången fick.";
        section.tables.push_back(std::move(r));
    }
    return section;
}

DocSection storiesSection(const std::vector<Story>& stories, const std::map<Id, std::string>& teamNames)
{
    DocSection section;
    section.heading = "Goda exempel";
    if (stories.empty()) {
        section.paragraphs.push_back("Inga goda exempel under perioden.");
        return section;
    }
    section.paragraphs.push_back("Kansliets exemplar: goda exempel lämnas inte i styrelsens exemplar.");
    DocTable t;
    t.name = "goda-exempel";
    t.title = "Goda exempel under perioden";
    t.columns = {"Datum", "Kategori", "Team", "Rubrik", "Text"};
    t.numeric = {false, false, false, false, false};
    t.widths = {9, 14, 17, 17, 43};
    for (const auto& s : stories) {
        const auto team = s.teamId ? teamNames.find(*s.teamId) : teamNames.end();
        t.rows.push_back({DocCell::of(s.date.iso()), DocCell::of(std::string(labelOf(s.category))),
                          DocCell::of(team != teamNames.end() ? team->second : "(förbundet)"), DocCell::of(s.title),
                          DocCell::of(s.text)});
        t.emphasis.push_back(false);
    }
    section.tables.push_back(std::move(t));
    return section;
}

Result<Document> participantStatisticsDocument(const ParticipantStatistics& s, const std::string& federation,
                                               const std::string& computedAt)
{
    if (s.volume.size() < 3)
        return makeError("internal", "stats", "deltagarstatistiken saknar sina volymrader");
    const int below = s.suppressBelow;
    Document d;
    d.title = "Deltagarstatistik " + s.period.label;
    d.federation = federation;
    d.unit = s.unitName;
    d.period = s.period.label;
    d.basis = "Underlag " + s.period.from.iso() + " – " + s.period.to.iso() + ", beräknat " + computedAt;
    d.audience = below > 0 ? "Styrelsens exemplar: bara sammanställningar; antal under " + std::to_string(below) +
                                 " står som \"<" + std::to_string(below) +
                                 "\" (och ytterligare en ruta där det annars kan räknas fram)."
                           : "Kansliets exemplar: exakta antal (lämnas inte ut utan att små antal döljs).";

    DocSection volume;
    volume.heading = "Volym och genomströmning";
    volume.tables.push_back(genderTable("volym", "Deltagare under perioden", "", s.volume, false, below));
    const auto& part = s.volume[0];
    const auto& exits = s.volume[2];
    const auto hp = hiddenCells(part, below);
    const auto he = hiddenCells(exits, below);
    auto through = [&](std::size_t g) {
        return hp[g] || he[g] ? std::string("–") : formatPercent(exits.byGender[g], part.byGender[g]);
    };
    volume.paragraphs.push_back(
        "Genomströmning (avslut / deltagare): " +
        (hp[kGenderCount] || he[kGenderCount] ? std::string("–") : formatShare(exits.total(), part.total())) +
        "; kvinnor " + through(0) + ", män " + through(1) + ".");
    volume.tables.push_back(genderTable("avslut", "Avslut per avslutsorsak", "Avslutsorsak", s.outcomes, true, below));
    d.sections.push_back(std::move(volume));

    DocSection background;
    background.heading = "Bakgrund vid start (nya under perioden)";
    background.tables.push_back(genderTable("alder", "Ålder vid start", "Ålder", s.ageGroups, true, below));
    background.tables.push_back(genderTable("forsorjningstid", "Tid i offentlig försörjning före start", "Tid",
                                            s.supportDuration, true, below));
    background.tables.push_back(genderTable("utbildning", "Utbildningsnivå", "Utbildning", s.education, true, below));
    auto income = genderTable("forsorjning", "Försörjning före start", "Försörjning", s.incomeSupport, false, below);
    income.note = "En deltagare kan ha flera försörjningar; raderna summeras inte.";
    background.tables.push_back(std::move(income));
    d.sections.push_back(std::move(background));

    DocSection parties;
    parties.heading = "Aktualiseringar och beredning";
    DocTable p;
    p.name = "aktualiseringar";
    p.title = "Aktualiseringar under perioden per part och beslut i beredningen";
    p.columns = {"Part", "Aktualiserade", "Ja", "Nej", "Ej beslut", "Andel ja"};
    p.numeric = {false, true, true, true, true, true};
    p.widths = {40, 14, 10, 10, 12, 14};
    for (const auto& r : s.parties) {
        const auto h = hiddenCells(r, below);
        p.rows.push_back({DocCell::of(r.label), countCell(r.referred, h[0], below), countCell(r.yes, h[1], below),
                          countCell(r.no, h[2], below), countCell(r.pending, h[3], below),
                          h[1] || h[2] ? DocCell::of("–") : percentCell(r.yes, r.yes + r.no)});
        p.emphasis.push_back(false);
    }
    parties.tables.push_back(std::move(p));
    d.sections.push_back(std::move(parties));

    d.sections.push_back(responseRateSection(s.responseRates));
    return d;
}

}  // namespace samkoll::core
