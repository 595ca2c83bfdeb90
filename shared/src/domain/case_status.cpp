// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/domain/case_status.hpp"

#include "samkoll/domain/terms.hpp"

namespace samkoll::core {

namespace {

template <typename E>
std::string codeOrDash(const std::optional<E>& e)
{
    return e ? std::string(codeOf(*e)) : std::string("-");
}

}  // namespace

std::string_view caseStatusCode(CaseStatus s)
{
    static constexpr std::string_view kCodes[] = {"referred", "accepted", "declined", "active", "exited"};
    return kCodes[static_cast<int>(s)];
}

std::optional<CaseStatus> parseCaseStatus(std::string_view code)
{
    for (int i = 0; i <= static_cast<int>(CaseStatus::Exited); ++i)
        if (caseStatusCode(static_cast<CaseStatus>(i)) == code)
            return static_cast<CaseStatus>(i);
    return std::nullopt;
}

CaseStatus statusOf(const Case& c)
{
    if (c.exitDate)
        return CaseStatus::Exited;
    if (c.startDate)
        return CaseStatus::Active;
    if (!c.decision)
        return CaseStatus::Referred;
    return *c.decision == Decision::Yes ? CaseStatus::Accepted : CaseStatus::Declined;
}

std::string joinIncomeSupport(const std::vector<IncomeSupport>& v)
{
    std::string out;
    for (auto s : v) {
        if (!out.empty())
            out += ',';
        out += codeOf(s);
    }
    return out;
}

std::vector<IncomeSupport> splitIncomeSupport(const std::string& text)
{
    std::vector<IncomeSupport> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto comma = text.find(',', pos);
        if (comma == std::string::npos)
            comma = text.size();
        if (auto v = parseCode<IncomeSupport>(text.substr(pos, comma - pos)))
            out.push_back(*v);
        pos = comma + 1;
    }
    return out;
}

std::string caseFootprint(const Case& c, int year)
{
    const Period p = Period::year(year);
    auto happened = [&](const std::optional<Date>& d) { return d && *d <= p.to; };
    const bool participant = happened(c.startDate) && (!c.exitDate || *c.exitDate >= p.from);
    const bool referred = p.contains(c.referralDate);
    const bool decided = happened(c.decisionDate) && p.contains(*c.decisionDate);
    if (!participant && !referred && !decided)
        return {};
    auto clip = [&](const std::optional<Date>& d) -> std::string {
        if (!happened(d))
            return "-";
        return *d < p.from ? "<" : d->iso();
    };
    std::string f = std::string(codeOf(c.gender)) + "|" + (c.birthYear ? std::to_string(*c.birthYear) : "-") + "|" +
                    clip(c.referralDate) + "|" + codeOrDash(c.referringParty) + "|" +
                    clip(c.decisionDate) + "|" + (happened(c.decisionDate) ? codeOrDash(c.decision) : "-") +
                    "|" + clip(c.startDate) + "|" + clip(c.exitDate) + "|" +
                    (happened(c.exitDate) ? codeOrDash(c.exitOutcome) : "-");
    if (participant)
        f += "|" + joinIncomeSupport(c.incomeSupport) + "|" + codeOrDash(c.education) + "|" +
             codeOrDash(c.supportDuration);
    return f;
}

std::set<int> yearsTouched(const Case& c)
{
    std::set<int> years{c.referralDate.year};
    for (const auto& d : {c.decisionDate, c.startDate, c.exitDate})
        if (d)
            years.insert(d->year);
    if (c.startDate) {
        const int last = c.exitDate ? c.exitDate->year : Date::today().year;
        for (int y = c.startDate->year; y <= last; ++y)
            years.insert(y);
    }
    return years;
}

}  // namespace samkoll::core
