// SPDX-License-Identifier: GPL-3.0-or-later
#include "composition_form.hpp"

#include <QDate>

#include "backend.hpp"
#include "formatting.hpp"

namespace samkoll::client {

using namespace samkoll::core;

CompositionForm::CompositionForm(Backend& backend, QObject* parent)
    : QObject(parent), m_backend(backend), m_year(QDate::currentDate().year())
{
}

void CompositionForm::setTeam(Id federationId, Id teamId)
{
    if (teamId == m_team && federationId == m_federation)
        return;
    m_federation = federationId;
    m_team = teamId;
    reload();
}

void CompositionForm::setYear(int year)
{
    if (year == m_year)
        return;
    m_year = year;
    emit yearChanged();
    reload();
}

void CompositionForm::reload()
{
    if (m_team == 0)
        return;
    m_backend.run(
        this,
        [team = m_team, year = m_year](SyncEngine& e) {
            std::map<std::string, std::pair<std::int64_t, std::int64_t>> out;
            auto st = e.database().prepare("SELECT body, women, men FROM composition WHERE team_id = ? AND year = ?");
            st.bind(1, team).bind(2, year);
            while (st.step())
                out[st.text(0)] = {st.integer(1), st.integer(2)};
            return out;
        },
        [this](std::map<std::string, std::pair<std::int64_t, std::int64_t>> loaded) {
            m_values.clear();
            for (const char* body : {"staff", "steering_group"}) {
                auto it = loaded.find(body);
                m_values.insert(QString::fromLatin1(body),
                                QVariantMap{{QStringLiteral("known"), it != loaded.end()},
                                            {QStringLiteral("women"), it != loaded.end() ? static_cast<qlonglong>(it->second.first) : 0},
                                            {QStringLiteral("men"), it != loaded.end() ? static_cast<qlonglong>(it->second.second) : 0}});
            }
            emit valuesChanged();
        });
}

void CompositionForm::save(const QString& body, const QString& women, const QString& men)
{
    auto number = [](const QString& text, bool& ok) {
        const int n = text.trimmed().toInt(&ok);
        ok = ok && n >= 0 && n <= 10000;
        return n;
    };
    bool okW = false, okM = false;
    const int w = number(women, okW);
    const int m = number(men, okM);
    if (!okW || !okM) {
        emit rejected(okW ? QStringLiteral("men") : QStringLiteral("women"),
                      tr("Write the number of people as a whole number, 0 or more."));
        return;
    }
    Composition c;
    c.teamId = m_team;
    c.body = body == QLatin1String("steering_group") ? CompositionBody::SteeringGroup : CompositionBody::Staff;
    c.year = m_year;
    c.women = w;
    c.men = m;
    m_backend.run(
        this, [c](SyncEngine& e) { return e.replica().setComposition(c); },
        [this, body](Status s) {
            if (!s) {
                emit rejected(QString::fromStdString(s.error().field), sentence(s.error().message));
                return;
            }
            emit saved(body);
            emit changed();
            reload();
        });
}

}  // namespace samkoll::client
