// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_form.hpp"

#include <QStringList>

#include <algorithm>
#include <iterator>

#include "samkoll/domain/terms.hpp"

namespace samkoll::client::caseform {

using namespace samkoll::core;

namespace {

QString text(const QVariantMap& form, const char* key)
{
    return form.value(QString::fromLatin1(key)).toString().trimmed();
}

Result<std::optional<Date>> date(const QVariantMap& form, const char* key)
{
    const auto t = text(form, key);
    if (t.isEmpty())
        return std::optional<Date>();
    auto d = Date::parse(t.toStdString(), key);
    if (!d)
        return makeError("invalid_date", key,
                         "datumet '" + t.toStdString() + "' finns inte – skriv det som ÅÅÅÅ-MM-DD, t.ex. 2021-03-05");
    return std::optional<Date>(*d);
}

template <typename E>
Result<std::optional<E>> term(const QVariantMap& form, const char* key)
{
    const auto t = text(form, key);
    if (t.isEmpty())
        return std::optional<E>();
    auto v = parseCode<E>(t.toStdString());
    if (!v)
        return makeError("invalid_value", key, "okänt värde '" + t.toStdString() + "'");
    return std::optional<E>(*v);
}

QString iso(const std::optional<Date>& d)
{
    return d ? QString::fromStdString(d->iso()) : QString();
}

template <typename E>
QString code(const std::optional<E>& v)
{
    return v ? QString::fromUtf8(codeOf(*v).data(), static_cast<qsizetype>(codeOf(*v).size())) : QString();
}

}  // namespace

QVariantMap blank()
{
    return {{QStringLiteral("uid"), QString()},
            {QStringLiteral("code"), QString()},
            {QStringLiteral("gender"), QString()},
            {QStringLiteral("birth_year"), QString()},
            {QStringLiteral("referral_date"), QString::fromStdString(Date::today().iso())},
            {QStringLiteral("referring_party"), QString()},
            {QStringLiteral("decision"), QString()},
            {QStringLiteral("decision_date"), QString()},
            {QStringLiteral("start_date"), QString()},
            {QStringLiteral("exit_date"), QString()},
            {QStringLiteral("exit_outcome"), QString()},
            {QStringLiteral("income_support"), QStringList()},
            {QStringLiteral("education"), QString()},
            {QStringLiteral("support_duration"), QString()}};
}

QVariantMap fromCase(const Case& c)
{
    QStringList income;
    for (auto i : c.incomeSupport)
        income << code(std::optional<IncomeSupport>(i));
    return {{QStringLiteral("uid"), QString::fromStdString(c.uid)},
            {QStringLiteral("code"), QString::fromStdString(c.code)},
            {QStringLiteral("gender"), code(std::optional<Gender>(c.gender))},
            {QStringLiteral("birth_year"), c.birthYear ? QString::number(*c.birthYear) : QString()},
            {QStringLiteral("referral_date"), QString::fromStdString(c.referralDate.iso())},
            {QStringLiteral("referring_party"), code(c.referringParty)},
            {QStringLiteral("decision"), code(c.decision)},
            {QStringLiteral("decision_date"), iso(c.decisionDate)},
            {QStringLiteral("start_date"), iso(c.startDate)},
            {QStringLiteral("exit_date"), iso(c.exitDate)},
            {QStringLiteral("exit_outcome"), code(c.exitOutcome)},
            {QStringLiteral("income_support"), income},
            {QStringLiteral("education"), code(c.education)},
            {QStringLiteral("support_duration"), code(c.supportDuration)}};
}

namespace {

/// The typed values as a case; each field that cannot be read is left unset
/// and its problem recorded, so every field's problem is found in one go.
Case read(const QVariantMap& form, Id teamId, std::vector<Error>& errors)
{
    Case c;
    c.uid = text(form, "uid").toStdString();
    c.teamId = teamId;
    c.code = text(form, "code").toStdString();
    if (auto s = validateCaseCode(c.code); !s)
        errors.push_back(s.error());

    if (text(form, "gender").isEmpty()) {
        errors.push_back(makeError("required", "gender", "ange kön"));
    } else if (auto g = term<Gender>(form, "gender"); !g) {
        errors.push_back(g.error());
    } else {
        c.gender = **g;
    }

    if (const auto by = text(form, "birth_year"); !by.isEmpty()) {
        bool ok = false;
        const int year = by.toInt(&ok);
        if (!ok || by.size() != 4)
            errors.push_back(makeError("invalid_value", "birth_year", "födelseåret skrivs med fyra siffror, t.ex. 1987"));
        else
            c.birthYear = year;
    }

    if (auto referral = date(form, "referral_date"); !referral)
        errors.push_back(referral.error());
    else if (!*referral)
        errors.push_back(makeError("required", "referral_date", "ange datum för aktualiseringen"));
    else
        c.referralDate = **referral;

    auto field = [&](auto& member, auto value) {
        if (!value)
            errors.push_back(value.error());
        else
            member = *value;
    };
    field(c.referringParty, term<ReferringParty>(form, "referring_party"));
    field(c.decision, term<Decision>(form, "decision"));
    field(c.decisionDate, date(form, "decision_date"));
    field(c.startDate, date(form, "start_date"));
    field(c.exitDate, date(form, "exit_date"));
    field(c.exitOutcome, term<ExitOutcome>(form, "exit_outcome"));
    field(c.education, term<Education>(form, "education"));
    field(c.supportDuration, term<SupportDuration>(form, "support_duration"));

    for (const auto& v : form.value(QStringLiteral("income_support")).toStringList()) {
        auto i = parseCode<IncomeSupport>(v.toStdString());
        if (!i) {
            errors.push_back(makeError("invalid_value", "income_support", "okänd försörjning '" + v.toStdString() + "'"));
            break;
        }
        c.incomeSupport.push_back(*i);
    }
    return c;
}

}  // namespace

Result<Case> toCase(const QVariantMap& form, Id teamId)
{
    std::vector<Error> errors;
    auto c = read(form, teamId, errors);
    if (!errors.empty())
        return errors.front();
    return c;
}

std::vector<Error> checkAll(const QVariantMap& form, Id teamId)
{
    std::vector<Error> errors;
    const auto c = read(form, teamId, errors);
    // The core's rules for what could be read; a field already wrong keeps its first problem.
    for (auto& e : caseErrors(c, Date::today())) {
        const bool known = std::any_of(errors.begin(), errors.end(), [&](const Error& k) { return k.field == e.field; });
        const bool unread = e.code == "required" && (e.field == "gender" || e.field == "referral_date");
        if (!known && !unread)
            errors.push_back(std::move(e));
    }
    sortByFormOrder(errors);
    return errors;
}

Result<Case> check(const QVariantMap& form, Id teamId)
{
    auto errors = checkAll(form, teamId);
    if (!errors.empty())
        return errors.front();
    std::vector<Error> none;
    return read(form, teamId, none);
}

}  // namespace samkoll::client::caseform
