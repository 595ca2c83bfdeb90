// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/case_fields.hpp"

#include "samkoll/io/csv.hpp"

namespace samkoll::core {

const std::vector<std::string>& caseFieldNames()
{
    static const std::vector<std::string> kNames{
        "code",         "gender",    "birth_year",  "referral_date", "referring_party",
        "decision",     "decision_date", "start_date", "exit_date",  "exit_outcome",
        "income_support", "education", "support_duration"};
    return kNames;
}

namespace {

template <typename E>
std::optional<std::string> code(const std::optional<E>& e)
{
    return e ? std::optional<std::string>(std::string(codeOf(*e))) : std::nullopt;
}

std::optional<std::string> iso(const std::optional<Date>& d)
{
    return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

template <typename E>
Result<std::optional<E>> termField(const std::optional<std::string>& v, const std::string& field)
{
    if (!v || v->empty())
        return std::optional<E>();
    auto e = parseCode<E>(*v);
    if (!e)
        return makeError("invalid_value", field,
                         "okänt värde '" + *v + "' – tillåtna: " + listCodes(termsOf<E>()));
    return std::optional<E>(*e);
}

Result<std::optional<Date>> dateField(const std::optional<std::string>& v, const std::string& field)
{
    if (!v || v->empty())
        return std::optional<Date>();
    auto d = Date::parse(*v, field);
    if (!d)
        return d.error();
    return std::optional<Date>(*d);
}

}  // namespace

CaseFields caseToFields(const Case& c)
{
    std::string income;
    for (auto s : c.incomeSupport)
        income += (income.empty() ? "" : ",") + std::string(codeOf(s));
    return CaseFields{
        {"code", c.code},
        {"gender", std::string(codeOf(c.gender))},
        {"birth_year", c.birthYear ? std::optional<std::string>(std::to_string(*c.birthYear)) : std::nullopt},
        {"referral_date", c.referralDate.iso()},
        {"referring_party", code(c.referringParty)},
        {"decision", code(c.decision)},
        {"decision_date", iso(c.decisionDate)},
        {"start_date", iso(c.startDate)},
        {"exit_date", iso(c.exitDate)},
        {"exit_outcome", code(c.exitOutcome)},
        {"income_support", income.empty() ? std::nullopt : std::optional<std::string>(income)},
        {"education", code(c.education)},
        {"support_duration", code(c.supportDuration)},
    };
}

Result<Case> applyCaseFields(Case c, const CaseFields& fields)
{
    for (const auto& [name, value] : fields) {
        if (name == "code") {
            c.code = value.value_or("");
        } else if (name == "gender") {
            auto g = termField<Gender>(value, name);
            if (!g)
                return g.error();
            if (!*g)
                return makeError("required", name, "kön saknas");
            c.gender = **g;
        } else if (name == "birth_year") {
            if (!value || value->empty()) {
                c.birthYear.reset();
            } else {
                auto y = parseInteger(*value);
                if (!y)
                    return makeError("invalid_value", name, "födelseåret '" + *value + "' är inget årtal");
                c.birthYear = static_cast<int>(*y);
            }
        } else if (name == "referral_date") {
            auto d = dateField(value, name);
            if (!d)
                return d.error();
            if (!*d)
                return makeError("required", name, "aktualiseringsdatum saknas");
            c.referralDate = **d;
        } else if (name == "referring_party") {
            auto v = termField<ReferringParty>(value, name);
            if (!v)
                return v.error();
            c.referringParty = *v;
        } else if (name == "decision") {
            auto v = termField<Decision>(value, name);
            if (!v)
                return v.error();
            c.decision = *v;
        } else if (name == "decision_date" || name == "start_date" || name == "exit_date") {
            auto d = dateField(value, name);
            if (!d)
                return d.error();
            (name == "decision_date" ? c.decisionDate : name == "start_date" ? c.startDate : c.exitDate) = *d;
        } else if (name == "exit_outcome") {
            auto v = termField<ExitOutcome>(value, name);
            if (!v)
                return v.error();
            c.exitOutcome = *v;
        } else if (name == "income_support") {
            c.incomeSupport.clear();
            const std::string text = value.value_or("");
            std::size_t pos = 0;
            while (pos < text.size()) {
                auto comma = text.find(',', pos);
                if (comma == std::string::npos)
                    comma = text.size();
                auto v = parseCode<IncomeSupport>(text.substr(pos, comma - pos));
                if (!v)
                    return makeError("invalid_value", name, "okänd försörjning '" + text.substr(pos, comma - pos) + "'");
                c.incomeSupport.push_back(*v);
                pos = comma + 1;
            }
        } else if (name == "education") {
            auto v = termField<Education>(value, name);
            if (!v)
                return v.error();
            c.education = *v;
        } else if (name == "support_duration") {
            auto v = termField<SupportDuration>(value, name);
            if (!v)
                return v.error();
            c.supportDuration = *v;
        } else {
            return makeError("unknown_field", name, "okänt fält '" + name + "'");
        }
    }
    return c;
}

}  // namespace samkoll::core
