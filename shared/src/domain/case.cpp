// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/domain/case.hpp"

#include <algorithm>

#include "samkoll/domain/personnummer.hpp"

namespace samkoll::core {

Status validateCaseCode(const std::string& code)
{
    if (code.empty())
        return makeError("required", "code", "ärendekoden saknas – ange teamets pseudonym, t.ex. VNS-2021-017");
    if (code.size() > kMaxCaseCodeLength)
        return makeError("too_long", "code",
                         "ärendekoden är för lång (högst " + std::to_string(kMaxCaseCodeLength) + " tecken)");
    if (looksLikePersonnummer(code))
        return makeError("personnummer", "code",
                         "ärendekoden ser ut som ett personnummer – personnummer och namn får aldrig "
                         "lagras; använd teamets pseudonym, t.ex. VNS-2021-017");
    for (unsigned char ch : code) {
        if (ch < 0x20)
            return makeError("invalid_character", "code", "ärendekoden innehåller otillåtna tecken");
    }
    return {};
}

Status validateCase(const Case& c, Date today)
{
    if (auto s = validateCaseCode(c.code); !s)
        return s;
    if (c.teamId <= 0)
        return makeError("required", "team", "ärendet måste höra till ett team");
    if (c.gender == Gender::Declined)
        return makeError("invalid_value", "gender",
                         "\"vill ej svara\" gäller bara enkätsvar – ange kvinna, man eller annat/ej angivet");
    if (c.birthYear && (*c.birthYear < 1900 || *c.birthYear > today.year))
        return makeError("invalid_value", "birth_year", "födelseåret " + std::to_string(*c.birthYear) + " är inte möjligt");

    auto notFuture = [&](const Date& d, const char* field, const char* what) -> Status {
        if (today < d)
            return makeError("future_date", field,
                             std::string(what) + " " + d.iso() + " ligger i framtiden (i dag är " + today.iso() + ")");
        return {};
    };
    if (auto s = notFuture(c.referralDate, "referral_date", "aktualiseringsdatumet"); !s)
        return s;
    if (!c.referringParty)
        return makeError("required", "referring_party", "ange vilken part som aktualiserade ärendet");

    if (c.decision.has_value() != c.decisionDate.has_value())
        return makeError("required", c.decision ? "decision_date" : "decision",
                         c.decision ? "ange datum för beslutet i beredningen" : "ange beslutet (ja/nej) för beredningsdatumet");
    if (c.decisionDate) {
        if (*c.decisionDate < c.referralDate)
            return makeError("date_order", "decision_date", "beredningen kan inte ligga före aktualiseringen");
        if (auto s = notFuture(*c.decisionDate, "decision_date", "beredningsdatumet"); !s)
            return s;
    }

    if (c.startDate) {
        if (c.decision != Decision::Yes)
            return makeError("no_decision", "start_date",
                             "ärendet kan inte starta utan beslut ja i beredningen");
        if (c.decisionDate && *c.startDate < *c.decisionDate)
            return makeError("date_order", "start_date", "start kan inte ligga före beslutet i beredningen");
        if (auto s = notFuture(*c.startDate, "start_date", "startdatumet"); !s)
            return s;
        if (!c.birthYear)
            return makeError("required", "birth_year", "ange födelseår innan ärendet startar (ålder 16–64 år vid start)");
        const int age = c.startDate->year - *c.birthYear;
        if (age < kMinAgeAtStart || age > kMaxAgeAtStart)
            return makeError("age", "birth_year",
                             "deltagaren är " + std::to_string(age) + " år vid start – Finsam-insatser gäller 16–64 år");
    }

    if (c.exitDate.has_value() != c.exitOutcome.has_value())
        return makeError("required", c.exitDate ? "exit_outcome" : "exit_date",
                         c.exitDate ? "ange avslutsorsak" : "ange avslutsdatum för avslutsorsaken");
    if (c.exitDate) {
        if (!c.startDate)
            return makeError("no_start", "exit_date", "ärendet kan inte avslutas innan det har startat");
        if (*c.exitDate < *c.startDate)
            return makeError("date_order", "exit_date", "avslut kan inte ligga före start");
        if (auto s = notFuture(*c.exitDate, "exit_date", "avslutsdatumet"); !s)
            return s;
    }

    const bool hasNone = std::find(c.incomeSupport.begin(), c.incomeSupport.end(), IncomeSupport::None) !=
                         c.incomeSupport.end();
    if (hasNone && c.incomeSupport.size() > 1)
        return makeError("invalid_value", "income_support",
                         "\"Ingen offentlig försörjning\" kan inte kombineras med andra försörjningar");
    return {};
}

}  // namespace samkoll::core
