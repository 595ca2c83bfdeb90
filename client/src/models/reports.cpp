// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports.hpp"

#include <algorithm>

#include <QDir>
#include <QStandardPaths>

#include "backend.hpp"
#include "formatting.hpp"
#include "pdf_document.hpp"
#include "samkoll/report/reports.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::client {

using namespace samkoll::core;

namespace {

struct Choices {
    std::vector<int> years;
    std::vector<Team> teams;
};

}  // namespace

Reports::Reports(Backend& backend, QObject* parent) : ServerTask(parent), m_backend(backend) {}

void Reports::setFederation(Id federationId)
{
    if (federationId == m_federationId)
        return;
    m_federationId = federationId;
    reload();
}

void Reports::reload()
{
    if (m_federationId == 0)
        return;
    m_backend.run(
        this,
        [fed = m_federationId](SyncEngine& e) {
            Repository repo(e.database());
            Choices out;
            out.years = valueOrThrow(repo.budgetYears(fed));
            std::sort(out.years.rbegin(), out.years.rend());
            out.teams = valueOrThrow(repo.teams(fed));
            return out;
        },
        [this](Result<Choices> r) {
            if (!r)
                return;
            m_years.clear();
            for (int y : r->years)
                m_years.push_back(y);
            m_teams.clear();
            for (const auto& t : r->teams)
                m_teams.push_back(QVariantMap{{QStringLiteral("code"), QString::fromStdString(t.code)},
                                              {QStringLiteral("name"), QString::fromStdString(t.name)}});
            emit changed();
        });
}

QUrl Reports::suggestedFile(const QString& kind, int year, int tertial, const QString& team,
                               const QString& format) const
{
    static const QMap<QString, QString> names{{QStringLiteral("bokslut"), QStringLiteral("socialt-bokslut")},
                                              {QStringLiteral("delar"), QStringLiteral("delarsrapport")},
                                              {QStringLiteral("drift"), QStringLiteral("driftredovisning")},
                                              {QStringLiteral("statistik"), QStringLiteral("deltagarstatistik")},
                                              {QStringLiteral("ranking"), QStringLiteral("rangordning")}};
    QString name = names.value(kind, kind) + QLatin1Char('-') + QString::number(year);
    if (tertial > 0)
        name += QStringLiteral("-t") + QString::number(tertial);
    if (!team.isEmpty())
        name += QLatin1Char('-') + team;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QUrl::fromLocalFile(QDir(folder).filePath(name + QLatin1Char('.') + format));
}

void Reports::make(const QString& kind, int year, int tertial, const QString& team, const QString& format,
                   const QUrl& file)
{
    const auto reportKind = reportKindFrom(kind.toStdString());
    if (!reportKind)
        return fail(QStringLiteral("kind"), tr("Choose a report."));
    if (format != QLatin1String("pdf") && format != QLatin1String("html") && format != QLatin1String("csv"))
        return fail(QStringLiteral("format"), tr("Choose PDF, HTML or CSV."));
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty())
        return fail(QStringLiteral("file"), tr("Choose where to save the report."));
    ReportRequest request;
    request.kind = *reportKind;
    request.year = year;
    if (tertial > 0)
        request.tertial = tertial;
    request.team = team.toStdString();
    if (!begin())
        return;
    m_backend.run(
        this, [request](SyncEngine& e) { return e.fetchReport(request); },
        [this, format, path](Result<Document> r) {
            if (!r)
                return fail(r.error());
            // Laid out here, on the GUI thread: Qt's text layout and PDF writer belong to it.
            if (format == QLatin1String("pdf")) {
                auto pages = pdf::writeDocumentPdf(*r, path.toStdString());
                if (!pages)
                    return fail(QStringLiteral("file"), sentence(pages.error().message));
                succeed(tr("Saved %1 (%n page(s)).", "", *pages).arg(path));
            } else {
                auto files = writeDocumentFiles(*r, format.toStdString(), path.toStdString());
                if (!files)
                    return fail(QStringLiteral("file"), sentence(files.error().message));
                succeed(files->size() == 1
                            ? tr("Saved %1.").arg(QString::fromStdString(files->front()))
                            : tr("Saved %n file(s), one per table, beside %1.", "", static_cast<int>(files->size()))
                                  .arg(path));
            }
        });
}

}  // namespace samkoll::client
