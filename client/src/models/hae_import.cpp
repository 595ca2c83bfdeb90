// SPDX-License-Identifier: GPL-3.0-or-later
#include "hae_import.hpp"

#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include "backend.hpp"
#include "formatting.hpp"
#include "samkoll/report/format.hpp"

namespace samkoll::client {

using namespace samkoll::core;
using nlohmann::json;

namespace {

QString decimal(const json& figures, const char* key)
{
    if (!figures.is_object() || !figures.contains(key) || !figures[key].is_number())
        return {};
    return QString::fromStdString(formatDecimal(figures[key].get<double>(), 1));
}

QString integer(const json& figures, const char* key)
{
    if (!figures.is_object() || !figures.contains(key) || !figures[key].is_number_integer())
        return {};
    return QString::fromStdString(formatInteger(figures[key].get<std::int64_t>()));
}

}  // namespace

HaeImport::HaeImport(Backend& backend, QObject* parent) : ServerTask(parent), m_backend(backend) {}

void HaeImport::openFile(const QUrl& url)
{
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    QFile f(path);
    const QString name = QFileInfo(path).fileName();
    m_changes.clear();
    m_unchanged = 0;
    m_previewing = false;
    m_file = name;
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("file"), tr("The file %1 could not be read: %2").arg(name, f.errorString()));
    m_csv = f.read(4 * 1024 * 1024 + 1);
    if (m_csv.size() > 4 * 1024 * 1024)
        return fail(QStringLiteral("file"), tr("The file %1 is larger than a HÅE file can be (4 MB).").arg(name));
    send(false);
}

void HaeImport::apply()
{
    if (!m_previewing || m_changes.isEmpty())
        return;
    send(true);
}

void HaeImport::cancel()
{
    m_changes.clear();
    m_unchanged = 0;
    m_previewing = false;
    m_file.clear();
    m_csv.clear();
    succeed({});
}

void HaeImport::send(bool applying)
{
    if (!begin())
        return;
    // The text goes as it is; the server reads it as UTF-8 and says which row is wrong.
    const json body{{"file", m_file.toStdString()}, {"csv", m_csv.toStdString()}, {"apply", applying}};
    m_backend.run(
        this, [body](SyncEngine& e) { return e.serverCall("/api/v1/hae", body); },
        [this, applying](Result<json> r) {
            if (!r) {
                m_previewing = false;
                // Which row of the file, as the server says it ("hae.csv, rad 3").
                const auto& e = r.error();
                return fail(QString::fromStdString(e.field),
                            e.where.empty() ? errorText(e) : QString::fromStdString(e.where) + QStringLiteral(": ") + errorText(e));
            }
            m_changes.clear();
            for (const auto& c : r->value("changes", json::array())) {
                const auto& after = c.value("after", json());
                const auto& before = c.value("before", json());
                m_changes.push_back(QVariantMap{
                    {QStringLiteral("kommun"), QString::fromStdString(c.value("kommun", std::string()))},
                    {QStringLiteral("year"), c.value("year", 0)},
                    {QStringLiteral("isNew"), before.is_null()},
                    {QStringLiteral("total"), decimal(after, "total")},
                    {QStringLiteral("totalBefore"), decimal(before, "total")},
                    {QStringLiteral("illness"), decimal(after, "illness")},
                    {QStringLiteral("unemployment"), decimal(after, "unemployment")},
                    {QStringLiteral("assistance"), decimal(after, "assistance")},
                    {QStringLiteral("population"), integer(after, "population")},
                    {QStringLiteral("populationBefore"), integer(before, "population")}});
            }
            m_unchanged = r->value("unchanged", 0);
            m_previewing = !applying;
            if (applying) {
                succeed(tr("Imported: %n kommun-year(s) new or changed. Every computer gets them with its next sync.", "",
                           static_cast<int>(m_changes.size())));
                emit imported();
                return;
            }
            succeed(m_changes.isEmpty() ? tr("Nothing to import: the file's %n kommun-year(s) are already as stored.", "",
                                             m_unchanged)
                                        : QString());
        });
}

}  // namespace samkoll::client
