// SPDX-License-Identifier: GPL-3.0-or-later
#include "survey_entry.hpp"

#include <algorithm>

#include <QDate>

#include "backend.hpp"
#include "formatting.hpp"
#include "samkoll/io/importers.hpp"
#include "samkoll/store/survey_view.hpp"

namespace samkoll::client {

using namespace samkoll::core;

namespace {
QString q(const std::string& s)
{
    return QString::fromStdString(s);
}
QString key(const QString& question, int option, const QString& gender)
{
    return question + u'|' + QString::number(option) + u'|' + gender;
}
}  // namespace

SurveyEntry::SurveyEntry(Backend& backend, QObject* parent) : QObject(parent), m_backend(backend)
{
    m_period = QString::number(QDate::currentDate().year());
}

void SurveyEntry::setDevice(Id federationId, Id teamId, const QString& teamCode, const QString& login, const QString& teamName)
{
    const bool changed = federationId != m_federation || teamId != m_team || teamName != m_teamName;
    m_teamName = teamName;
    m_federation = federationId;
    m_team = teamId;
    m_teamCode = teamCode;
    m_login = login;
    // The kansli enters the förbund's groups: start on the board's.
    const bool federationGroup = m_group == QLatin1String("board") || m_group == QLatin1String("partner_managers");
    if (teamCode.isEmpty() != federationGroup) {
        m_group = teamCode.isEmpty() ? QStringLiteral("board") : QStringLiteral("participants_exit");
        emit selectionChanged();
    }
    if (changed)
        reload();
}

QString SurveyEntry::questionText(const std::string& text) const
{
    // The national statements name the platform: here it is the team the answers are about.
    auto out = q(text);
    out.replace(QStringLiteral("[plattform]"), m_teamName.isEmpty() ? tr("the team") : m_teamName);
    return out;
}

void SurveyEntry::reload()
{
    if (m_federation == 0)
        return;
    m_backend.run(
        this, [fed = m_federation](SyncEngine& e) { return core::questionnaires(e.database(), fed); },
        [this](Result<std::vector<QuestionnaireInfo>> list) {
            if (!list)
                return;
            m_questionnaires.clear();
            m_questionsByCode.clear();
            // Förbund-level questionnaires (board, partner managers) are the central office's,
            // the rest the teams'. A budget without a "styrelse" questionnaire leaves the kansli every one.
            const bool office = m_teamCode.isEmpty();
            const bool hasBoardQuestionnaire =
                std::any_of(list->begin(), list->end(), [](const QuestionnaireInfo& qn) { return qn.code == "styrelse"; });
            if (!m_questionnaire.isEmpty() && office != (m_questionnaire == QLatin1String("styrelse")))
                m_questionnaire.clear();
            for (const auto& qn : *list) {
                if (!office && qn.code == "styrelse")
                    continue;
                if (office && hasBoardQuestionnaire && qn.code != "styrelse")
                    continue;
                m_questionnaires.push_back(QVariantMap{{QStringLiteral("code"), q(qn.code)}, {QStringLiteral("title"), q(qn.title)}});
                QVariantList questions;
                for (const auto& question : qn.questions) {
                    QStringList options;
                    for (const auto& o : question.options)
                        options << q(o);
                    questions.push_back(QVariantMap{{QStringLiteral("code"), q(question.code)},
                                                    {QStringLiteral("text"), questionText(question.text)},
                                                    {QStringLiteral("options"), options}});
                }
                m_questionsByCode.insert(q(qn.code), questions);
            }
            if (m_questionnaire.isEmpty() && !m_questionnaires.isEmpty())
                m_questionnaire = m_questionnaires.first().toMap().value(QStringLiteral("code")).toString();
            emit definitionsChanged();
            emit selectionChanged();
            loadRound();
        });
}

QVariantList SurveyEntry::groups() const
{
    QVariantList out;
    // The groups a team's coordinator collects answers from; on a computer
    // without a team (the kansli) the förbund's own: its board and the partner managers.
    const auto groups = m_teamCode.isEmpty()
                            ? std::vector<RespondentGroup>{RespondentGroup::Board, RespondentGroup::PartnerManagers}
                            : std::vector<RespondentGroup>{RespondentGroup::ParticipantsExit, RespondentGroup::ParticipantsDuring,
                                                           RespondentGroup::Staff, RespondentGroup::SteeringGroup};
    for (auto g : groups) {
        const auto code = QString::fromUtf8(codeOf(g).data(), static_cast<qsizetype>(codeOf(g).size()));
        out.push_back(QVariantMap{{QStringLiteral("code"), code}, {QStringLiteral("label"), termLabel(QStringLiteral("respondent_group"), code)}});
    }
    return out;
}

QVariantList SurveyEntry::periods() const
{
    QVariantList out;
    const int now = QDate::currentDate().year();
    for (int y = now; y >= now - 5; --y) {
        out.push_back(QVariantMap{{QStringLiteral("code"), QString::number(y)}, {QStringLiteral("label"), tr("%1, whole year").arg(y)}});
        for (int t = 1; t <= 3; ++t)
            out.push_back(QVariantMap{{QStringLiteral("code"), QStringLiteral("%1 T%2").arg(y).arg(t)},
                                      {QStringLiteral("label"), tr("%1, tertial %2").arg(y).arg(t)}});
    }
    return out;
}

void SurveyEntry::setQuestionnaire(const QString& code)
{
    if (code == m_questionnaire)
        return;
    m_questionnaire = code;
    emit selectionChanged();
    loadRound();
}

void SurveyEntry::setGroup(const QString& code)
{
    if (code == m_group)
        return;
    m_group = code;
    emit selectionChanged();
    loadRound();
}

void SurveyEntry::setPeriod(const QString& period)
{
    if (period == m_period)
        return;
    m_period = period;
    emit selectionChanged();
    loadRound();
}

QVariantList SurveyEntry::questions() const
{
    return m_questionsByCode.value(m_questionnaire).toList();
}

RoundKey SurveyEntry::roundKey() const
{
    return {m_questionnaire.toStdString(), parseCode<RespondentGroup>(m_group.toStdString()).value_or(RespondentGroup::ParticipantsExit),
            m_teamCode.toStdString(), m_period.toStdString()};
}

void SurveyEntry::loadRound()
{
    if (m_federation == 0 || m_questionnaire.isEmpty())
        return;
    const auto generation = ++m_generation;
    auto period = parsePeriod(m_period.toStdString());
    if (!period)
        return;
    m_backend.run(
        this,
        [fed = m_federation, team = m_team, k = roundKey(), p = *period](SyncEngine& e) {
            return roundView(e.database(), fed, k.questionnaire, k.group, team, p);
        },
        [this, generation](Result<RoundView> view) {
            if (generation != m_generation || !view)
                return;
            m_totals.clear();
            for (const auto& [k, total] : view->totals)
                m_totals.insert(key(q(std::get<0>(k)), std::get<1>(k), q(std::get<2>(k))), static_cast<qlonglong>(total));
            m_batches.clear();
            for (const auto& b : view->batches)
                m_batches.push_back(QVariantMap{{QStringLiteral("batch"), q(b.batch)},
                                                {QStringLiteral("enteredBy"), q(b.enteredBy)},
                                                {QStringLiteral("enteredAt"), formatTimestamp(q(b.enteredAt))},
                                                {QStringLiteral("rows"), static_cast<qlonglong>(b.rows)},
                                                {QStringLiteral("sum"), static_cast<qlonglong>(b.sum)},
                                                {QStringLiteral("kind"), b.kind == TallyBatchKind::Correction ? QStringLiteral("correction")
                                                                         : b.kind == TallyBatchKind::CounterEntry ? QStringLiteral("counterEntry")
                                                                                                                   : QStringLiteral("entry")},
                                                {QStringLiteral("counterEntered"), b.counterEntered},
                                                {QStringLiteral("correction"), b.kind != TallyBatchKind::Entry}});
            m_invited = static_cast<int>(view->invited);
            m_respondents = static_cast<int>(view->respondents);
            emit roundChanged();
        });
}

QString SurveyEntry::responseRateText() const
{
    if (m_invited <= 0)
        return tr("%1 answered – enter the number invited to see the response rate").arg(formatCount(m_respondents));
    return tr("Response rate %1 (%2 of %3)")
        .arg(formatPercent(static_cast<double>(m_respondents) / m_invited))
        .arg(formatCount(m_respondents), formatCount(m_invited));
}

int SurveyEntry::total(const QString& question, int option, const QString& gender) const
{
    return m_totals.value(key(question, option, gender)).toInt();
}

void SurveyEntry::saveGrid(const QVariantList& cells)
{
    std::vector<TallyEntry> entries;
    bool correction = false;
    for (const auto& v : cells) {
        const auto cell = v.toMap();
        auto text = cell.value(QStringLiteral("count")).toString().trimmed();
        text.replace(QChar(0x2212), QLatin1Char('-'));  // a typographic minus
        if (text.isEmpty())
            continue;
        bool ok = false;
        const int n = text.toInt(&ok);
        const auto question = cell.value(QStringLiteral("question")).toString();
        if (!ok) {
            emit rejected(question, tr("Write a whole number of answers (−1 takes one back): “%1” is not one.").arg(text));
            return;
        }
        // A signed count takes answers back: the entry is a correction of those cells.
        correction = correction || n < 0;
        if (n == 0)
            continue;
        entries.push_back({question.toStdString(), cell.value(QStringLiteral("option")).toInt(),
                           parseCode<Gender>(cell.value(QStringLiteral("gender")).toString().toStdString()).value_or(Gender::Other), n});
    }
    save(std::move(entries), correction);
}

void SurveyEntry::saveSheet(const QVariantMap& answers, const QString& gender)
{
    const auto g = parseCode<Gender>(gender.toStdString());
    if (!g) {
        emit rejected(QStringLiteral("gender"), tr("Choose the respondent's gender (or “Prefer not to say”)."));
        return;
    }
    std::vector<TallyEntry> entries;
    for (auto it = answers.begin(); it != answers.end(); ++it)
        if (it.value().toInt() > 0)
            entries.push_back({it.key().toStdString(), it.value().toInt(), *g, 1});
    save(std::move(entries));
}

void SurveyEntry::save(std::vector<TallyEntry> entries, bool correction)
{
    if (entries.empty()) {
        emit rejected(QString(), tr("Nothing to save – fill in at least one answer."));
        return;
    }
    const int rows = static_cast<int>(entries.size());
    int answers = 0;
    for (const auto& e : entries)
        answers += static_cast<int>(e.delta);
    m_backend.run(
        this,
        [k = roundKey(), entries = std::move(entries), by = m_login.toStdString(), correction](SyncEngine& e) {
            return correction ? e.replica().correctCells(k, entries, by) : e.replica().addTallyBatch(k, entries, by);
        },
        [this, rows, answers, correction](Result<std::string> batch) {
            if (!batch) {
                emit rejected(q(batch.error().field), sentence(batch.error().message));
                return;
            }
            emit saved(rows, answers, correction);
            emit changed();
            loadRound();
        });
}

void SurveyEntry::correct(const QString& batch)
{
    m_backend.run(
        this,
        [k = roundKey(), b = batch.toStdString(), by = m_login.toStdString()](SyncEngine& e) {
            return e.replica().correctBatch(k, b, by);
        },
        [this](Result<std::string> done) {
            if (!done) {
                emit rejected(q(done.error().field), sentence(done.error().message));
                return;
            }
            emit saved(0, 0, false);
            emit changed();
            loadRound();
        });
}

void SurveyEntry::setInvited(const QString& invited)
{
    bool ok = false;
    const int n = invited.trimmed().toInt(&ok);
    if (!ok || n < 0) {
        emit rejected(QStringLiteral("invited"), tr("Write the number invited as a whole number, e.g. 40."));
        return;
    }
    m_backend.run(
        this, [k = roundKey(), n](SyncEngine& e) { return e.replica().setInvited(k, n); },
        [this](Status s) {
            if (!s) {
                emit rejected(QStringLiteral("invited"), sentence(s.error().message));
                return;
            }
            emit changed();
            loadRound();
        });
}

}  // namespace samkoll::client
