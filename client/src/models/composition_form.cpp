// SPDX-License-Identifier: GPL-3.0-or-later
#include "composition_form.hpp"

#include <algorithm>

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

QStringList CompositionForm::bodies() const
{
    return m_team != 0 ? QStringList{QStringLiteral("staff"), QStringLiteral("steering_group")}
                       : QStringList{QStringLiteral("board"), QStringLiteral("partner_managers")};
}

void CompositionForm::reload()
{
    if (m_federation == 0)
        return;
    const auto team = m_team != 0 ? std::optional<Id>(m_team) : std::nullopt;
    m_backend.run(
        this, [team, year = m_year](SyncEngine& e) { return e.replica().compositions(team, year); },
        [this](Result<std::vector<Composition>> loaded) {
            if (!loaded) {
                emit rejected(QString(), sentence(loaded.error().message));
                return;
            }
            m_values.clear();
            for (auto body : {CompositionBody::Staff, CompositionBody::SteeringGroup, CompositionBody::Board,
                              CompositionBody::PartnerManagers}) {
                const auto it = std::find_if(loaded->begin(), loaded->end(), [&](const Composition& c) { return c.body == body; });
                const bool known = it != loaded->end();
                m_values.insert(QString::fromLatin1(codeOf(body).data(), static_cast<qsizetype>(codeOf(body).size())),
                                QVariantMap{{QStringLiteral("known"), known},
                                            {QStringLiteral("women"), known ? static_cast<qlonglong>(it->women) : 0},
                                            {QStringLiteral("men"), known ? static_cast<qlonglong>(it->men) : 0}});
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
    const auto parsed = parseCode<CompositionBody>(body.toStdString());
    if (!parsed || !bodies().contains(body)) {
        emit rejected(QStringLiteral("body"), tr("This computer does not enter that group."));
        return;
    }
    Composition c;
    if (m_team != 0)
        c.teamId = m_team;
    c.body = *parsed;
    c.year = m_year;
    c.women = w;
    c.men = m;
    m_backend.run(
        this, [c](SyncEngine& e) { return e.replica().setComposition(c); },
        [this, body](Status s) {
            if (!s) {
                emit rejected(QString::fromStdString(s.error().field), errorText(s.error()));
                return;
            }
            emit saved(body);
            emit changed();
            reload();
        });
}

}  // namespace samkoll::client
