// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatting.hpp"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QVariantMap>

#include <nlohmann/json.hpp>

namespace samkoll::client {

namespace {

struct TermText {
    const char* code;
    const char* text;  // source (English); translated in context "Terms"
};

// The labels of the core's vocabularies (shared/src/domain/terms.cpp), as the
// client shows them. Swedish comes from the translation, like all UI text.
const TermText kGender[] = {{"woman", QT_TRANSLATE_NOOP("Terms", "Woman")},
                            {"man", QT_TRANSLATE_NOOP("Terms", "Man")},
                            {"other", QT_TRANSLATE_NOOP("Terms", "Other/not stated")}};
const TermText kTallyGender[] = {{"woman", QT_TRANSLATE_NOOP("Terms", "Woman")},
                                 {"man", QT_TRANSLATE_NOOP("Terms", "Man")},
                                 {"other", QT_TRANSLATE_NOOP("Terms", "Other/not stated")},
                                 {"declined", QT_TRANSLATE_NOOP("Terms", "Prefer not to say")}};
const TermText kGroup[] = {{"participants_exit", QT_TRANSLATE_NOOP("Terms", "Participants at exit")},
                           {"participants_during", QT_TRANSLATE_NOOP("Terms", "Participants during support")},
                           {"staff", QT_TRANSLATE_NOOP("Terms", "Staff")},
                           {"steering_group", QT_TRANSLATE_NOOP("Terms", "Steering group")},
                           {"board", QT_TRANSLATE_NOOP("Terms", "Board and heads of the förbund")},
                           {"partner_managers", QT_TRANSLATE_NOOP("Terms", "Partners' management group")}};
const TermText kStoryCategory[] = {{"positive_solution", QT_TRANSLATE_NOOP("Terms", "A positive solution for the individual")},
                                   {"other_actors", QT_TRANSLATE_NOOP("Terms", "Other actors included")},
                                   {"development_areas", QT_TRANSLATE_NOOP("Terms", "Development areas at the partners")},
                                   {"circle_broken", QT_TRANSLATE_NOOP("Terms", "The merry-go-round broken")},
                                   {"obstacle_handled", QT_TRANSLATE_NOOP("Terms", "A rehabilitation obstacle handled")}};
const TermText kStatus[] = {{"referred", QT_TRANSLATE_NOOP("Terms", "Referred")},
                            {"accepted", QT_TRANSLATE_NOOP("Terms", "Accepted, not started")},
                            {"declined", QT_TRANSLATE_NOOP("Terms", "Not accepted")},
                            {"active", QT_TRANSLATE_NOOP("Terms", "Ongoing")},
                            {"exited", QT_TRANSLATE_NOOP("Terms", "Exited")}};
const TermText kOutcome[] = {{"work", QT_TRANSLATE_NOOP("Terms", "Work")},
                             {"extra_job", QT_TRANSLATE_NOOP("Terms", "Extra job (extratjänst)")},
                             {"studies", QT_TRANSLATE_NOOP("Terms", "Studies")},
                             {"continued_rehab", QT_TRANSLATE_NOOP("Terms", "Continued rehabilitation / job seeking")},
                             {"no_work_capacity", QT_TRANSLATE_NOOP("Terms", "Established that work capacity is lacking")},
                             {"health_dropout", QT_TRANSLATE_NOOP("Terms", "Dropped out for health reasons")},
                             {"other_dropout", QT_TRANSLATE_NOOP("Terms", "Other dropout")}};
const TermText kParty[] = {{"af", QT_TRANSLATE_NOOP("Terms", "Public Employment Service")},
                           {"fk", QT_TRANSLATE_NOOP("Terms", "Social Insurance Agency")},
                           {"social_services", QT_TRANSLATE_NOOP("Terms", "Social services")},
                           {"region", QT_TRANSLATE_NOOP("Terms", "Region (health care)")},
                           {"other_municipal", QT_TRANSLATE_NOOP("Terms", "Other municipal service")}};
const TermText kDecision[] = {{"yes", QT_TRANSLATE_NOOP("Terms", "Yes")}, {"no", QT_TRANSLATE_NOOP("Terms", "No")}};
const TermText kIncome[] = {{"sickness_benefit", QT_TRANSLATE_NOOP("Terms", "Sickness/rehabilitation benefit")},
                            {"activity_compensation", QT_TRANSLATE_NOOP("Terms", "Activity compensation")},
                            {"sickness_compensation", QT_TRANSLATE_NOOP("Terms", "Sickness compensation")},
                            {"unemployment_insurance", QT_TRANSLATE_NOOP("Terms", "Unemployment insurance")},
                            {"activity_support", QT_TRANSLATE_NOOP("Terms", "Activity support")},
                            {"social_assistance", QT_TRANSLATE_NOOP("Terms", "Social assistance")},
                            {"student_aid", QT_TRANSLATE_NOOP("Terms", "Student aid")},
                            {"none", QT_TRANSLATE_NOOP("Terms", "No public support")}};
const TermText kEducation[] = {{"compulsory", QT_TRANSLATE_NOOP("Terms", "Compulsory school")},
                               {"upper_secondary", QT_TRANSLATE_NOOP("Terms", "Upper secondary school")},
                               {"university_1y", QT_TRANSLATE_NOOP("Terms", "University up to 1 year")},
                               {"university_3y", QT_TRANSLATE_NOOP("Terms", "University up to 3 years")},
                               {"university_more", QT_TRANSLATE_NOOP("Terms", "University more than 3 years")},
                               {"other_post_secondary", QT_TRANSLATE_NOOP("Terms", "Other post-secondary education")},
                               {"unknown", QT_TRANSLATE_NOOP("Terms", "Missing/unknown")}};
const TermText kDuration[] = {{"up_to_1", QT_TRANSLATE_NOOP("Terms", "Up to 1 year")},
                              {"up_to_2", QT_TRANSLATE_NOOP("Terms", "Up to 2 years")},
                              {"up_to_3", QT_TRANSLATE_NOOP("Terms", "Up to 3 years")},
                              {"up_to_4", QT_TRANSLATE_NOOP("Terms", "Up to 4 years")},
                              {"up_to_5", QT_TRANSLATE_NOOP("Terms", "Up to 5 years")},
                              {"up_to_6", QT_TRANSLATE_NOOP("Terms", "Up to 6 years")},
                              {"up_to_7", QT_TRANSLATE_NOOP("Terms", "Up to 7 years")},
                              {"up_to_8", QT_TRANSLATE_NOOP("Terms", "Up to 8 years")},
                              {"up_to_9", QT_TRANSLATE_NOOP("Terms", "Up to 9 years")},
                              {"more_than_9", QT_TRANSLATE_NOOP("Terms", "More than 9 years")},
                              {"unknown", QT_TRANSLATE_NOOP("Terms", "No data")}};

template <std::size_t N>
std::pair<const TermText*, std::size_t> span(const TermText (&a)[N])
{
    return {a, N};
}

std::pair<const TermText*, std::size_t> vocabulary(const QString& name)
{
    if (name == u"gender")
        return span(kGender);
    if (name == u"status")
        return span(kStatus);
    if (name == u"tally_gender")
        return span(kTallyGender);
    if (name == u"respondent_group")
        return span(kGroup);
    if (name == u"story_category")
        return span(kStoryCategory);
    if (name == u"exit_outcome")
        return span(kOutcome);
    if (name == u"referring_party")
        return span(kParty);
    if (name == u"decision")
        return span(kDecision);
    if (name == u"income_support")
        return span(kIncome);
    if (name == u"education")
        return span(kEducation);
    if (name == u"support_duration")
        return span(kDuration);
    return {nullptr, 0};
}

}  // namespace

QString formatCount(qint64 n)
{
    return QLocale().toString(n);
}

QString formatPercent(double fraction, int decimals)
{
    return QLocale().toString(fraction * 100.0, 'f', decimals) + QStringLiteral(" %");
}

QString formatTimestamp(const QString& isoUtc)
{
    auto t = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!t.isValid())
        return {};
    return QLocale().toString(t.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm"));
}

namespace {
QString g_uiLanguage = QStringLiteral("sv");
}

void setUiLanguage(const QString& language)
{
    g_uiLanguage = language;
}

QString uiLanguage()
{
    return g_uiLanguage;
}

QString errorText(const core::Error& e)
{
    if (g_uiLanguage != QLatin1String("en"))
        return sentence(e.message);
    const QString field = QString::fromStdString(e.field);
    const std::string& c = e.code;
    if (c == "required")
        return QStringLiteral("%1 is required: fill it in.").arg(field.isEmpty() ? QStringLiteral("A value") : field);
    if (c == "personnummer")
        return QStringLiteral("The %1 contains what looks like a personal identity number: Samkoll stores none – remove it.")
            .arg(field.isEmpty() ? QStringLiteral("text") : field);
    if (c == "locked_period")
        return QStringLiteral("The year is approved and locked: nothing in it can be changed unless the office reopens it.");
    if (c == "conflict")
        return QStringLiteral("Changed on another computer before yours arrived – choose which one stands. (%1)")
            .arg(sentence(e.message));
    if (c == "forbidden")
        return QStringLiteral("This computer's role may not do that.");
    if (c == "network")
        return QStringLiteral("The server cannot be reached right now – try again when the network is back.");
    if (c == "not_found")
        return QStringLiteral("No such %1 (%2)").arg(field.isEmpty() ? QStringLiteral("item") : field, sentence(e.message));
    if (c == "invalid_value")
        return QStringLiteral("%1 has a value that cannot be used (%2)")
            .arg(field.isEmpty() ? QStringLiteral("A field") : field, sentence(e.message));
    if (c == "duplicate")
        return QStringLiteral("%1 exists already (%2)").arg(field.isEmpty() ? QStringLiteral("It") : field, sentence(e.message));
    if (c == "not_enrolled")
        return QStringLiteral("This computer is not enrolled yet: enter the server address and the code from the office.");
    return sentence(e.message);
}

QString sentence(const std::string& message)
{
    QString s = QString::fromStdString(message).trimmed();
    if (s.isEmpty())
        return s;
    s[0] = s[0].toUpper();
    if (!s.endsWith(u'.') && !s.endsWith(u'?') && !s.endsWith(u'!'))
        s += u'.';
    return s;
}

QVariantList termOptions(const QString& name)
{
    QVariantList out;
    auto [terms, n] = vocabulary(name);
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(QVariantMap{{QStringLiteral("code"), QString::fromLatin1(terms[i].code)},
                                  {QStringLiteral("label"), QCoreApplication::translate("Terms", terms[i].text)}});
    return out;
}

QString termLabel(const QString& name, const QString& code)
{
    auto [terms, n] = vocabulary(name);
    for (std::size_t i = 0; i < n; ++i)
        if (code == QLatin1String(terms[i].code))
            return QCoreApplication::translate("Terms", terms[i].text);
    return code;
}

QVariant jsonToVariant(const nlohmann::json& j)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(nlohmann::json{{"v", j}}.dump()))
        .object()
        .value(QStringLiteral("v"))
        .toVariant();
}

int defaultYear(const std::vector<int>& years)
{
    const int now = QDate::currentDate().year();
    for (int y : years)
        if (y <= now)
            return y;
    return years.empty() ? 0 : years.back();
}

QVariant indexVariant(const nlohmann::json& value)
{
    return value.is_number_integer() ? QVariant(value.get<int>()) : QVariant();
}

}  // namespace samkoll::client
