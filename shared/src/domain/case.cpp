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

std::vector<Error> caseErrors(const Case& c, Date today)
{
    // Every field's first problem, in the form's order, so a form can show
    // them all at once; a check that needs a field with a problem waits.
    std::vector<Error> errors;
    auto bad = [&](const std::string& field) {
        return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.field == field; });
    };
    auto add = [&](const std::string& code, const std::string& field, const std::string& message) {
        if (!bad(field))
            errors.push_back(makeError(code, field, message));
    };
    auto notFuture = [&](const Date& d, const char* field, const char* what) {
        if (today < d)
            add("future_date", field, std::string(what) + " " + d.iso() + " ligger i framtiden (i dag är " + today.iso() + ")");
    };

    if (auto s = validateCaseCode(c.code); !s)
        errors.push_back(s.error());
    if (c.teamId <= 0)
        add("required", "team", "ärendet måste höra till ett team");
    if (c.gender == Gender::Declined)
        add("invalid_value", "gender", "\"vill ej svara\" gäller bara enkätsvar – ange kvinna, man eller annat/ej angivet");
    if (c.birthYear && (*c.birthYear < 1900 || *c.birthYear > today.year))
        add("invalid_value", "birth_year", "födelseåret " + std::to_string(*c.birthYear) + " är inte möjligt");
    notFuture(c.referralDate, "referral_date", "aktualiseringsdatumet");
    if (!c.referringParty)
        add("required", "referring_party", "ange vilken part som aktualiserade ärendet");

    if (c.decision.has_value() != c.decisionDate.has_value())
        add("required", c.decision ? "decision_date" : "decision",
            c.decision ? "ange datum för beslutet i beredningen" : "ange beslutet (ja/nej) för beredningsdatumet");
    if (c.decisionDate) {
        if (*c.decisionDate < c.referralDate)
            add("date_order", "decision_date", "beredningen kan inte ligga före aktualiseringen");
        notFuture(*c.decisionDate, "decision_date", "beredningsdatumet");
    }

    if (c.startDate) {
        if (c.decision != Decision::Yes)
            add("no_decision", "start_date", "ärendet kan inte starta utan beslut ja i beredningen");
        if (c.decisionDate && *c.startDate < *c.decisionDate)
            add("date_order", "start_date", "start kan inte ligga före beslutet i beredningen");
        notFuture(*c.startDate, "start_date", "startdatumet");
        if (!c.birthYear) {
            add("required", "birth_year", "ange födelseår innan ärendet startar (ålder 16–64 år vid start)");
        } else {
            const int age = c.startDate->year - *c.birthYear;
            if (age < kMinAgeAtStart || age > kMaxAgeAtStart)
                add("age", "birth_year",
                    "deltagaren är " + std::to_string(age) + " år vid start – Finsam-insatser gäller 16–64 år");
        }
    }

    if (c.exitDate.has_value() != c.exitOutcome.has_value())
        add("required", c.exitDate ? "exit_outcome" : "exit_date",
            c.exitDate ? "ange avslutsorsak" : "ange avslutsdatum för avslutsorsaken");
    if (c.exitDate) {
        if (!c.startDate)
            add("no_start", "exit_date", "ärendet kan inte avslutas innan det har startat");
        else if (*c.exitDate < *c.startDate)
            add("date_order", "exit_date", "avslut kan inte ligga före start");
        notFuture(*c.exitDate, "exit_date", "avslutsdatumet");
    }

    const bool hasNone = std::find(c.incomeSupport.begin(), c.incomeSupport.end(), IncomeSupport::None) !=
                         c.incomeSupport.end();
    if (hasNone && c.incomeSupport.size() > 1)
        add("invalid_value", "income_support", "\"Ingen offentlig försörjning\" kan inte kombineras med andra försörjningar");
    sortByFormOrder(errors);
    return errors;
}

const std::vector<std::string>& caseFormOrder()
{
    static const std::vector<std::string> order{"code", "gender", "birth_year", "referral_date", "referring_party",
                                                "decision", "decision_date", "start_date", "income_support",
                                                "education", "support_duration", "exit_date", "exit_outcome", "team"};
    return order;
}

void sortByFormOrder(std::vector<Error>& errors)
{
    const auto& order = caseFormOrder();
    auto rank = [&](const std::string& f) { return std::find(order.begin(), order.end(), f) - order.begin(); };
    std::stable_sort(errors.begin(), errors.end(), [&](const Error& a, const Error& b) { return rank(a.field) < rank(b.field); });
}

Status validateCase(const Case& c, Date today)
{
    auto errors = caseErrors(c, today);
    if (errors.empty())
        return {};
    return std::move(errors.front());
}

}  // namespace samkoll::core
