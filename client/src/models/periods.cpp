// SPDX-License-Identifier: GPL-3.0-or-later
#include "periods.hpp"

#include <nlohmann/json.hpp>

#include "backend.hpp"
#include "formatting.hpp"

namespace samkoll::client {

using namespace samkoll::core;
using nlohmann::json;

namespace {

QVariantList yearsFrom(const json& answer)
{
    QVariantList out;
    for (const auto& y : answer.value("years", json::array())) {
        QVariantMap year{{QStringLiteral("year"), y.value("year", 0)},
                         {QStringLiteral("locked"), y.value("locked", false)}};
        if (y.value("locked", false)) {
            year[QStringLiteral("lockedAt")] =
                formatTimestamp(QString::fromStdString(y.value("locked_at", std::string())));
            year[QStringLiteral("lockedBy")] = QString::fromStdString(y.value("locked_by", std::string()));
        }
        if (const auto& a = y.value("approved", json()); a.is_object()) {
            year[QStringLiteral("index")] = indexVariant(a.value("index", json()));
            year[QStringLiteral("colour")] = QString::fromStdString(a.value("colour", std::string("none")));
            QVariantList teams;
            for (const auto& t : a.value("teams", json::array()))
                teams.push_back(QVariantMap{{QStringLiteral("code"), QString::fromStdString(t.value("code", std::string()))},
                                            {QStringLiteral("name"), QString::fromStdString(t.value("name", std::string()))},
                                            {QStringLiteral("index"), indexVariant(t.value("index", json()))},
                                            {QStringLiteral("colour"), QString::fromStdString(t.value("colour", std::string("none")))}});
            year[QStringLiteral("teams")] = teams;
        }
        out.push_back(year);
    }
    return out;
}

}  // namespace

Periods::Periods(Backend& backend, QObject* parent) : ServerTask(parent), m_backend(backend) {}

void Periods::show(const json& answer)
{
    m_years = yearsFrom(answer);
    m_loaded = true;
    emit changed();
}

void Periods::reload()
{
    request({}, 0, {});
}

void Periods::lock(int year, const QString& by)
{
    if (by.trimmed().isEmpty())
        return fail(QStringLiteral("by"), tr("Write whose decision it is, e.g. \"Styrelsen 2022-03-14 § 12\"."));
    request(QStringLiteral("lock"), year, by.trimmed());
}

void Periods::unlock(int year)
{
    request(QStringLiteral("unlock"), year, {});
}

void Periods::request(const QString& change, int year, const QString& by)
{
    if (!begin())
        return;
    std::optional<json> body;
    if (!change.isEmpty()) {
        body = json{{"year", year}, {"action", change.toStdString()}};
        if (!by.isEmpty())
            (*body)["by"] = by.toStdString();
    }
    m_backend.run(
        this, [body](SyncEngine& e) { return e.serverCall("/api/v1/periods", body); },
        [this, change, year](Result<json> r) {
            if (!r)
                return fail(r.error());
            show(*r);
            succeed(change == QLatin1String("lock")     ? tr("%1 is approved and locked.").arg(year)
                    : change == QLatin1String("unlock") ? tr("%1 is open for changes again.").arg(year)
                                                        : QString());
        });
}

}  // namespace samkoll::client
