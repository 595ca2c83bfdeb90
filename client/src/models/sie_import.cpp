// SPDX-License-Identifier: GPL-3.0-or-later
#include "sie_import.hpp"

#include <QFile>
#include <QFileInfo>

#include <map>

#include <nlohmann/json.hpp>

#include "backend.hpp"
#include "formatting.hpp"
#include "samkoll/finance/follow_up.hpp"
#include "samkoll/report/format.hpp"

namespace samkoll::client {

using namespace samkoll::core;
using nlohmann::json;

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString str(const json& j, const char* key)
{
    return j.is_object() && j.contains(key) && j[key].is_string() ? q(j[key].get<std::string>()) : QString();
}

QString kronor(std::int64_t ore)
{
    return q(finance::kronorText(ore));
}

}  // namespace

SieImport::SieImport(Backend& backend, QObject* parent) : ServerTask(parent), m_backend(backend) {}

void SieImport::showMapping(const json& answer)
{
    m_rules.clear();
    for (const auto& r : answer.value("rules", json::array()))
        m_rules.push_back(QVariantMap{{QStringLiteral("accountFrom"), str(r, "account_from")},
                                      {QStringLiteral("accountTo"), str(r, "account_to")},
                                      {QStringLiteral("dimension"), str(r, "dimension")},
                                      {QStringLiteral("object"), str(r, "object")},
                                      {QStringLiteral("line"), str(r, "line")}});
    m_lines.clear();
    for (const auto& l : answer.value("lines", json::array()))
        m_lines.push_back(QVariantMap{{QStringLiteral("code"), str(l, "code")}, {QStringLiteral("name"), str(l, "name")}});
    emit changed();
}

void SieImport::showImport(const json& a)
{
    if (!str(a, "file").isEmpty())
        m_file = str(a, "file");
    QStringList about;
    if (!a.contains("type"))
        about << tr("utfall per budget line and month (CSV)");
    if (a.value("type", 0) > 0)
        about << tr("SIE %1").arg(a.value("type", 0));
    const QString company = str(a, "company");
    if (!company.isEmpty())
        about << (str(a, "organisation_number").isEmpty() ? company
                                                           : QStringLiteral("%1 (%2)").arg(company, str(a, "organisation_number")));
    for (const auto& y : a.value("fiscal_years", json::array()))
        about << QStringLiteral("%1 – %2").arg(str(y, "start"), str(y, "end"));
    if (a.contains("type")) {
        about << (a.value("from_vouchers", false) ? tr("utfall from the vouchers") : tr("utfall from the period balances"));
        if (!a.value("checksum_verified", false))
            about << tr("no checksum");
    }
    m_about = about.join(QStringLiteral(", "));
    // Each line's utfall over the file's months, before and after.
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> byLine;
    for (const auto& c : a.value("changes", json::array())) {
        auto& [before, after] = byLine[c.value("line", std::string())];
        before += c.value("before", std::int64_t{0});
        after += c.value("after", std::int64_t{0});
    }
    m_changes.clear();
    for (const auto& [line, ba] : byLine) {
        QString name = q(line);
        for (const auto& l : m_lines)
            if (l.toMap().value(QStringLiteral("code")).toString() == name)
                name = l.toMap().value(QStringLiteral("name")).toString();
        m_changes.push_back(QVariantMap{{QStringLiteral("line"), q(line)},
                                        {QStringLiteral("lineName"), name},
                                        {QStringLiteral("before"), kronor(ba.first)},
                                        {QStringLiteral("after"), kronor(ba.second)},
                                        {QStringLiteral("difference"), kronor(ba.second - ba.first)}});
    }
    m_unmapped.clear();
    std::int64_t total = 0;
    for (const auto& u : a.value("unmapped", json::array())) {
        const auto amount = u.value("amount", std::int64_t{0});
        total += amount;
        m_unmapped.push_back(QVariantMap{{QStringLiteral("account"), str(u, "account")},
                                         {QStringLiteral("name"), str(u, "name")},
                                         {QStringLiteral("objects"), str(u, "objects")},
                                         {QStringLiteral("amount"), kronor(amount)}});
    }
    m_unmappedTotal = m_unmapped.isEmpty() ? QString() : kronor(total);
    QStringList locked;
    for (const auto& y : a.value("locked_years", json::array()))
        locked << QString::number(y.get<int>());
    m_lockedYears = locked.join(QStringLiteral(", "));
    m_previewing = !a.value("applied", false);
    emit changed();
}

void SieImport::loadMapping()
{
    if (!begin())
        return;
    m_backend.run(
        this, [](SyncEngine& e) { return e.serverCall("/api/v1/finance/mapping", std::nullopt); },
        [this](Result<json> r) {
            if (!r)
                return fail(r.error());
            showMapping(*r);
            succeed({});
        });
}

void SieImport::saveMapping(const QVariantList& rules)
{
    json body{{"rules", json::array()}};
    for (const auto& v : rules) {
        const auto r = v.toMap();
        body["rules"].push_back({{"account_from", r.value(QStringLiteral("accountFrom")).toString().trimmed().toStdString()},
                                 {"account_to", r.value(QStringLiteral("accountTo")).toString().trimmed().toStdString()},
                                 {"dimension", r.value(QStringLiteral("dimension")).toString().trimmed().toStdString()},
                                 {"object", r.value(QStringLiteral("object")).toString().trimmed().toStdString()},
                                 {"line", r.value(QStringLiteral("line")).toString().toStdString()}});
    }
    if (!begin())
        return;
    m_backend.run(
        this, [body](SyncEngine& e) { return e.serverCall("/api/v1/finance/mapping", body); },
        [this](Result<json> r) {
            if (!r)
                return fail(r.error());
            showMapping(*r);
            succeed(tr("The mapping is saved (%n rule(s)).", "", static_cast<int>(m_rules.size())));
            if (m_previewing && !m_content.isEmpty())
                send(false);  // the preview again, with the new mapping
        });
}

void SieImport::mapAccount(const QString& account, const QString& line)
{
    if (account.isEmpty() || line.isEmpty())
        return fail(QStringLiteral("line"), tr("Choose the budget line for account %1.").arg(account));
    auto rules = m_rules;
    rules.push_back(QVariantMap{{QStringLiteral("accountFrom"), account}, {QStringLiteral("line"), line}});
    saveMapping(rules);
}

void SieImport::openFile(const QUrl& url)
{
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    QFile f(path);
    const QString name = QFileInfo(path).fileName();
    m_file = name;
    m_previewing = false;
    m_changes.clear();
    m_unmapped.clear();
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("file"), tr("The file %1 could not be read: %2").arg(name, f.errorString()));
    m_content = f.read(6 * 1024 * 1024 + 1);
    if (m_content.size() > 6 * 1024 * 1024)
        return fail(QStringLiteral("file"), tr("The file %1 is larger than 6 MB: export one fiscal year at a time.").arg(name));
    // A CSV of utfall per line and month (docs/formats.md); anything else is read as SIE.
    m_csv = name.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive);
    send(false);
}

void SieImport::apply()
{
    if (m_previewing && !m_content.isEmpty())
        send(true);
}

void SieImport::cancel()
{
    m_previewing = false;
    m_content.clear();
    m_file.clear();
    m_about.clear();
    m_changes.clear();
    m_unmapped.clear();
    m_unmappedTotal.clear();
    m_lockedYears.clear();
    succeed({});
}

void SieImport::send(bool applying)
{
    if (!begin())
        return;
    // SIE: the file's bytes as they are (PC8 by standard), the server reads the
    // encoding; CSV: its text (UTF-8, as docs/formats.md asks).
    const json body = m_csv ? json{{"file", m_file.toStdString()}, {"csv", m_content.toStdString()}, {"apply", applying}}
                            : json{{"file", m_file.toStdString()},
                                   {"content_base64", m_content.toBase64().toStdString()},
                                   {"apply", applying}};
    const std::string path = m_csv ? "/api/v1/finance/outcome" : "/api/v1/finance/sie";
    m_backend.run(
        this, [body, path](SyncEngine& e) { return e.serverCall(path, body); },
        [this, applying](Result<json> r) {
            if (!r) {
                m_previewing = false;
                const auto& e = r.error();
                return fail(q(e.field), e.where.empty() ? errorText(e) : q(e.where) + QStringLiteral(": ") + errorText(e));
            }
            showImport(*r);
            if (applying) {
                m_content.clear();
                succeed(tr("Imported from %1: the utfall of %n line(s) is on the server and comes to this computer with the sync.",
                           "", static_cast<int>(m_changes.size()))
                            .arg(m_file));
                emit imported();
                return;
            }
            succeed({});
        });
}

}  // namespace samkoll::client
