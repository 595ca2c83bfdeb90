// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_form.hpp"

#include <QStringList>

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

Result<Case> toCase(const QVariantMap& form, Id teamId)
{
    Case c;
    c.uid = text(form, "uid").toStdString();
    c.teamId = teamId;
    c.code = text(form, "code").toStdString();
    if (auto s = validateCaseCode(c.code); !s)
        return s.error();

    const auto gender = text(form, "gender");
    if (gender.isEmpty())
        return makeError("required", "gender", "ange kön");
    auto g = term<Gender>(form, "gender");
    if (!g)
        return g.error();
    c.gender = **g;

    if (const auto by = text(form, "birth_year"); !by.isEmpty()) {
        bool ok = false;
        const int year = by.toInt(&ok);
        if (!ok || by.size() != 4)
            return makeError("invalid_value", "birth_year", "födelseåret skrivs med fyra siffror, t.ex. 1987");
        c.birthYear = year;
    }

    auto referral = date(form, "referral_date");
    if (!referral)
        return referral.error();
    if (!*referral)
        return makeError("required", "referral_date", "ange datum för aktualiseringen");
    c.referralDate = **referral;

#define SAMKOLL_READ(member, fn, key) \
    {                                 \
        auto v = fn(form, key);       \
        if (!v)                       \
            return v.error();         \
        c.member = *v;                \
    }
    SAMKOLL_READ(referringParty, term<ReferringParty>, "referring_party")
    SAMKOLL_READ(decision, term<Decision>, "decision")
    SAMKOLL_READ(decisionDate, date, "decision_date")
    SAMKOLL_READ(startDate, date, "start_date")
    SAMKOLL_READ(exitDate, date, "exit_date")
    SAMKOLL_READ(exitOutcome, term<ExitOutcome>, "exit_outcome")
    SAMKOLL_READ(education, term<Education>, "education")
    SAMKOLL_READ(supportDuration, term<SupportDuration>, "support_duration")
#undef SAMKOLL_READ

    for (const auto& v : form.value(QStringLiteral("income_support")).toStringList()) {
        auto i = parseCode<IncomeSupport>(v.toStdString());
        if (!i)
            return makeError("invalid_value", "income_support", "okänd försörjning '" + v.toStdString() + "'");
        c.incomeSupport.push_back(*i);
    }
    return c;
}

Result<Case> check(const QVariantMap& form, Id teamId)
{
    auto c = toCase(form, teamId);
    if (!c)
        return c;
    if (auto s = validateCase(*c, Date::today()); !s)
        return s.error();
    return c;
}

}  // namespace samkoll::client::caseform
