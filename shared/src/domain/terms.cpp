// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/domain/terms.hpp"

#include <array>

namespace samkoll::core {

namespace {

constexpr std::array kGender{
    Term{"woman", "Kvinna", "kvinna|k|kvinnor|female|f"},
    Term{"man", "Man", "man|m|män|male"},
    Term{"other", "Annat/ej angivet", "annat|ej angivet|annat/ej angivet|x"},
    Term{"declined", "Vill ej svara", "vill ej svara"},
};
constexpr std::array kOutcome{
    Term{"work", "Arbete", "arbete|arbete inkl. subventionerad anställning"},
    Term{"extra_job", "Extratjänst", "extratjänst"},
    Term{"studies", "Studier", "studier"},
    Term{"continued_rehab", "Fortsatt rehabilitering / öppet arbetssökande",
         "fortsatt rehabilitering|öppet arbetssökande|fortsatt rehabilitering/öppet arbetssökande"},
    Term{"no_work_capacity", "Klargjort att arbetsförmåga saknas", "arbetsförmåga saknas"},
    Term{"health_dropout", "Avbrott av hälsoskäl", "avbrott hälsoskäl"},
    Term{"other_dropout", "Övriga avbrott", "övrigt avbrott|annat avbrott"},
};
constexpr std::array kParty{
    Term{"af", "Arbetsförmedlingen", "arbetsförmedlingen"},
    Term{"fk", "Försäkringskassan", "försäkringskassan"},
    Term{"social_services", "Socialtjänsten", "socialtjänsten|soc"},
    Term{"region", "Regionen (hälso- och sjukvård)", "regionen|region västerbotten|hälso- och sjukvård|vården"},
    Term{"other_municipal", "Annan kommunal verksamhet", "annan kommunal verksamhet|kaa"},
};
constexpr std::array kDecision{
    Term{"yes", "Ja", "ja|j"},
    Term{"no", "Nej", "nej|n"},
};
constexpr std::array kIncome{
    Term{"sickness_benefit", "Sjukpenning/Rehabpenning", "sjukpenning|rehabpenning"},
    Term{"activity_compensation", "Aktivitetsersättning", ""},
    Term{"sickness_compensation", "Sjukersättning", ""},
    Term{"unemployment_insurance", "A-kassa", "akassa|arbetslöshetsersättning"},
    Term{"activity_support", "Aktivitetsstöd", ""},
    Term{"social_assistance", "Försörjningsstöd", "ekonomiskt bistånd"},
    Term{"student_aid", "Studiestöd/Studiemedel", "studiestöd|studiemedel|csn"},
    Term{"none", "Ingen offentlig försörjning", "ingen"},
};
constexpr std::array kEducation{
    Term{"compulsory", "Grundskola", "grundskola"},
    Term{"upper_secondary", "Gymnasium", "gymnasium|gymnasieskola"},
    Term{"university_1y", "Högskola/Universitet upp till 1 år", "högskola upp till 1 år"},
    Term{"university_3y", "Högskola/Universitet upp till 3 år", "högskola upp till 3 år"},
    Term{"university_more", "Högskola/Universitet mer än 3 år", "högskola mer än 3 år"},
    Term{"other_post_secondary", "Annan eftergymnasial utbildning", "annan eftergymnasial"},
    Term{"unknown", "Saknas/okänd", "saknas|okänd"},
};
constexpr std::array kDuration{
    Term{"up_to_1", "Upp till 1 år", ""}, Term{"up_to_2", "Upp till 2 år", ""},
    Term{"up_to_3", "Upp till 3 år", ""}, Term{"up_to_4", "Upp till 4 år", ""},
    Term{"up_to_5", "Upp till 5 år", ""}, Term{"up_to_6", "Upp till 6 år", ""},
    Term{"up_to_7", "Upp till 7 år", ""}, Term{"up_to_8", "Upp till 8 år", ""},
    Term{"up_to_9", "Upp till 9 år", ""}, Term{"more_than_9", "Mer än 9 år", ""},
    Term{"unknown", "Data saknas", "saknas|okänd"},
};
constexpr std::array kGroup{
    Term{"participants_exit", "Deltagare vid avslut", "deltagare avslut"},
    Term{"participants_during", "Deltagare under insats", "deltagare under"},
    Term{"staff", "Personal", "personal|medarbetare"},
    Term{"steering_group", "Styrgrupp", "styrgrupp"},
    Term{"board", "Styrelse/förbundschefer", "styrelse|förbundschefer"},
    Term{"partner_managers", "Parternas chefsgrupp", "chefsgrupp"},
};
constexpr std::array kStory{
    Term{"positive_solution", "För individen positiv lösning", "positiv lösning"},
    Term{"other_actors", "Inkludering av andra aktörer", "andra aktörer"},
    Term{"development_areas", "Utvecklingsområden hos parterna", "utvecklingsområden"},
    Term{"circle_broken", "Rundgången bruten", "rundgången bruten"},
    Term{"obstacle_handled", "Rehabiliteringshinder hanterat", "rehabiliteringshinder"},
};
constexpr std::array kBody{
    Term{"staff", "Personal", "personal"},
    Term{"steering_group", "Styrgrupp", "styrgrupp"},
    Term{"board", "Styrelse", "styrelse"},
    Term{"partner_managers", "Parternas chefsgrupp", "chefsgrupp|samverkande chefer"},
};
constexpr std::array kMemberKind{
    Term{"state", "Statlig myndighet", "stat|statlig"},
    Term{"region", "Region", ""},
    Term{"kommun", "Kommun", "municipality"},
};

}  // namespace

#define SAMKOLL_VOCABULARY(Enum, array, name)          \
    template <>                                        \
    std::span<const Term> termsOf<Enum>()              \
    {                                                  \
        return array;                                  \
    }                                                  \
    template <>                                        \
    std::string_view vocabularyName<Enum>()            \
    {                                                  \
        return name;                                   \
    }

SAMKOLL_VOCABULARY(Gender, kGender, "kön")
SAMKOLL_VOCABULARY(ExitOutcome, kOutcome, "avslutsorsak")
SAMKOLL_VOCABULARY(ReferringParty, kParty, "aktualiserande part")
SAMKOLL_VOCABULARY(Decision, kDecision, "beslut i beredning")
SAMKOLL_VOCABULARY(IncomeSupport, kIncome, "försörjning före start")
SAMKOLL_VOCABULARY(Education, kEducation, "utbildningsnivå")
SAMKOLL_VOCABULARY(SupportDuration, kDuration, "tid i offentlig försörjning")
SAMKOLL_VOCABULARY(RespondentGroup, kGroup, "respondentgrupp")
SAMKOLL_VOCABULARY(StoryCategory, kStory, "kategori")
SAMKOLL_VOCABULARY(CompositionBody, kBody, "grupp")
SAMKOLL_VOCABULARY(MemberKind, kMemberKind, "typ av medlem")
#undef SAMKOLL_VOCABULARY

std::string foldCase(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 'A' && c <= 'Z') {
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if (c == 0xC3 && i + 1 < text.size()) {
            auto next = static_cast<unsigned char>(text[i + 1]);
            // UTF-8 capitals À–Þ (C3 80–C3 9E) fold to C3 A0–C3 BE, which covers Å Ä Ö É.
            if (next >= 0x80 && next <= 0x9E && next != 0x97)
                next = static_cast<unsigned char>(next + 0x20);
            out.push_back(static_cast<char>(c));
            out.push_back(static_cast<char>(next));
            ++i;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

std::optional<std::size_t> findTerm(std::span<const Term> terms, std::string_view text)
{
    const std::string key = foldCase(text);
    if (key.empty())
        return std::nullopt;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (key == terms[i].code || key == foldCase(terms[i].label))
            return i;
        std::string_view aliases = terms[i].aliases;
        while (!aliases.empty()) {
            const auto bar = aliases.find('|');
            const auto alias = aliases.substr(0, bar);
            if (key == foldCase(alias))
                return i;
            if (bar == std::string_view::npos)
                break;
            aliases.remove_prefix(bar + 1);
        }
    }
    return std::nullopt;
}

std::string listCodes(std::span<const Term> terms)
{
    std::string out;
    for (const auto& t : terms) {
        if (!out.empty())
            out += ", ";
        out += t.code;
    }
    return out;
}

}  // namespace samkoll::core
