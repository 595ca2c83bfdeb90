// SPDX-License-Identifier: GPL-3.0-or-later
#include "stories.hpp"

#include "backend.hpp"
#include "formatting.hpp"

namespace samkoll::client {

using namespace samkoll::core;

namespace {
QString q(const std::string& s)
{
    return QString::fromStdString(s);
}
}  // namespace

Stories::Stories(Backend& backend, QObject* parent) : QObject(parent), m_backend(backend) {}

void Stories::setTeam(Id teamId)
{
    if (teamId == m_team)
        return;
    m_team = teamId;
    reload();
}

void Stories::reload()
{
    if (m_team == 0)
        return;
    m_backend.run(
        this, [team = m_team](SyncEngine& e) { return e.replica().stories(team); },
        [this](Result<std::vector<StoryRow>> loaded) {
            if (!loaded) {
                emit rejected(QString(), sentence(loaded.error().message));
                return;
            }
            m_items.clear();
            for (const auto& row : *loaded) {
                const auto& s = row.story;
                const auto category = QString::fromUtf8(codeOf(s.category).data(), static_cast<qsizetype>(codeOf(s.category).size()));
                m_items.push_back(QVariantMap{{QStringLiteral("uid"), q(s.uid)},
                                              {QStringLiteral("category"), category},
                                              {QStringLiteral("categoryLabel"), termLabel(QStringLiteral("story_category"), category)},
                                              {QStringLiteral("date"), q(s.date.swedish())},
                                              {QStringLiteral("title"), q(s.title)},
                                              {QStringLiteral("text"), q(s.text)},
                                              {QStringLiteral("pendingSync"), row.pendingSync}});
            }
            emit itemsChanged();
        });
}

QVariantMap Stories::blank() const
{
    return {{QStringLiteral("uid"), QString()},
            {QStringLiteral("category"), QStringLiteral("positive_solution")},
            {QStringLiteral("date"), q(Date::today().iso())},
            {QStringLiteral("title"), QString()},
            {QStringLiteral("text"), QString()}};
}

void Stories::save(const QVariantMap& form)
{
    Story s;
    s.uid = form.value(QStringLiteral("uid")).toString().toStdString();
    s.teamId = m_team;
    auto category = parseCode<StoryCategory>(form.value(QStringLiteral("category")).toString().toStdString());
    if (!category) {
        emit rejected(QStringLiteral("category"), tr("Choose a category."));
        return;
    }
    s.category = *category;
    auto date = Date::parse(form.value(QStringLiteral("date")).toString().trimmed().toStdString(), "date");
    if (!date) {
        emit rejected(QStringLiteral("date"), tr("Write the date as YYYY-MM-DD, e.g. 2021-03-05 (and a date that exists)."));
        return;
    }
    if (*date > Date::today()) {
        emit rejected(QStringLiteral("date"), tr("The date cannot be in the future."));
        return;
    }
    s.date = *date;
    s.title = form.value(QStringLiteral("title")).toString().trimmed().toStdString();
    s.text = form.value(QStringLiteral("text")).toString().trimmed().toStdString();
    m_backend.run(
        this, [s](SyncEngine& e) { return e.replica().saveStory(s); },
        [this](Result<std::string> uid) {
            if (!uid) {
                emit rejected(q(uid.error().field), sentence(uid.error().message));
                return;
            }
            emit saved(q(*uid));
            emit changed();
            reload();
        });
}

}  // namespace samkoll::client
