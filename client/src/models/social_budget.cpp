// SPDX-License-Identifier: GPL-3.0-or-later
#include "social_budget.hpp"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QFileInfo>

#include "backend.hpp"
#include "formatting.hpp"
#include "samkoll/io/budget_draft.hpp"
#include "samkoll/io/budget_json.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::client {

using namespace samkoll::core;
using nlohmann::json;

namespace {

struct Saved {
    std::vector<int> years;
    int year = 0;
    json budget;
};

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString kindText(const std::string& code)
{
    static const char* const kKinds[][2] = {
        {"outcome_share", QT_TRANSLATE_NOOP("SocialBudgetEditor", "Share of outcomes")},
        {"throughput", QT_TRANSLATE_NOOP("SocialBudgetEditor", "Throughput")},
        {"gender_balance", QT_TRANSLATE_NOOP("SocialBudgetEditor", "Gender balance")},
        {"survey_share", QT_TRANSLATE_NOOP("SocialBudgetEditor", "Share of survey answers")},
        {"gender_gap", QT_TRANSLATE_NOOP("SocialBudgetEditor", "Gap between women and men")},
        {"story_count", QT_TRANSLATE_NOOP("SocialBudgetEditor", "Number of success stories")},
        {"statistic_trend", QT_TRANSLATE_NOOP("SocialBudgetEditor", "Statistics trend (HÅE)")},
        {"manual", QT_TRANSLATE_NOOP("SocialBudgetEditor", "The office's judgment")},
    };
    for (const auto& [c, text] : kKinds)
        if (code == c)
            return QCoreApplication::translate("SocialBudgetEditor", text);
    return q(code);
}

QString scopeText(const std::string& code)
{
    if (code == "federation")
        return SocialBudgetEditor::tr("The förbund");
    if (code == "team")
        return SocialBudgetEditor::tr("Each team");
    return SocialBudgetEditor::tr("The förbund and each team");
}

std::string textOf(const json& j, const char* key)
{
    const auto it = j.find(key);
    if (it == j.end())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return std::to_string(it->get<long long>());
    return it->is_null() ? std::string() : it->dump();
}

}  // namespace

SocialBudgetEditor::SocialBudgetEditor(Backend& backend, QObject* parent) : QAbstractListModel(parent), m_backend(backend) {}

int SocialBudgetEditor::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant SocialBudgetEditor::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case WordingRole: return r.wording;
    case LevelRole: return r.level;
    case CodeRole: return r.code;
    case KindRole: return r.kind;
    case ScopeRole: return r.scope;
    case WeightRole: return r.weight;
    case TargetTypeRole: return r.targetType;
    case TargetValueRole: return r.targetValue;
    case IdealShareRole: return r.idealShare;
    case AreaRole: return r.area;
    }
    return {};
}

QHash<int, QByteArray> SocialBudgetEditor::roleNames() const
{
    return {{LevelRole, "level"},           {CodeRole, "itemCode"},       {WordingRole, "wording"},
            {KindRole, "kindText"},         {ScopeRole, "scopeText"},     {WeightRole, "weight"},
            {TargetTypeRole, "targetType"}, {TargetValueRole, "targetValue"}, {IdealShareRole, "idealShare"},
            {AreaRole, "areaNumber"}};
}

void SocialBudgetEditor::setDevice(Id federationId)
{
    if (federationId == m_federationId)
        return;
    m_federationId = federationId;
    reload();
}

void SocialBudgetEditor::setYear(int year)
{
    if (year == m_year && !m_draft)
        return;
    m_year = year;
    reload();
}

QVariantList SocialBudgetEditor::years() const
{
    std::vector<int> all = m_savedYears;
    if (m_draft && std::find(all.begin(), all.end(), m_year) == all.end())
        all.push_back(m_year);
    std::sort(all.rbegin(), all.rend());
    QVariantList out;
    for (int y : all)
        out.push_back(y);
    return out;
}

bool SocialBudgetEditor::replaces() const
{
    return m_draft && std::find(m_savedYears.begin(), m_savedYears.end(), m_year) != m_savedYears.end();
}

void SocialBudgetEditor::reload()
{
    if (m_federationId == 0)
        return;
    ++m_checks;  // an answer to a check of the draft is of no use any more
    m_backend.run(
        this,
        [fed = m_federationId, year = m_year](SyncEngine& e) -> Result<Saved> {
            Repository repo(e.database());
            Saved out;
            auto years = repo.budgetYears(fed);
            if (!years)
                return years.error();
            out.years = *years;
            if (out.years.empty())
                return out;
            out.year = year;
            if (std::find(out.years.begin(), out.years.end(), year) == out.years.end()) {
                // This year's budget, else the newest before it, else the oldest.
                const int now = QDate::currentDate().year();
                out.year = out.years.front();
                for (int y : out.years)
                    if (y <= now)
                        out.year = y;
            }
            auto doc = repo.budgetDocument(fed, out.year);
            if (!doc)
                return doc.error();
            out.budget = budgetDocumentToJson(*doc);
            return out;
        },
        [this](Result<Saved> r) {
            m_draft = false;
            m_problem.clear();
            m_problemAt.clear();
            m_error.clear();
            if (r) {
                m_savedYears = r->years;
                m_year = r->year;
                m_budget = std::move(r->budget);
                m_source = m_savedYears.empty()
                               ? tr("No social budget yet: start from a template or open a budget file.")
                               : tr("Saved on the server – every computer computes the index with it.");
            } else {
                m_budget = json();
                m_error = errorText(r.error());
            }
            rebuild();
        });
}

void SocialBudgetEditor::refresh()
{
    if (!m_draft && !m_busy)
        reload();
}

void SocialBudgetEditor::rebuild()
{
    beginResetModel();
    m_rows.clear();
    QStringList shares;
    long long sum = 0;
    if (m_budget.is_object() && m_budget.contains("areas") && m_budget["areas"].is_array()) {
        for (const auto& a : m_budget["areas"]) {
            if (!a.is_object())
                continue;
            Row area;
            area.level = QStringLiteral("area");
            area.code = q(textOf(a, "number"));
            area.area = a.value("number", json()).is_number_integer() ? a["number"].get<int>() : 0;
            area.wording = q(textOf(a, "name"));
            area.idealShare = q(textOf(a, "ideal_share"));
            shares << area.idealShare;
            if (a.value("ideal_share", json()).is_number_integer())
                sum += a["ideal_share"].get<long long>();
            m_rows.push_back(area);
            for (const auto& g : a.value("goals", json::array())) {
                if (!g.is_object())
                    continue;
                Row goal;
                goal.level = QStringLiteral("goal");
                goal.area = area.area;
                goal.code = q(textOf(g, "code"));
                goal.wording = q(textOf(g, "text"));
                m_rows.push_back(goal);
                for (const auto& i : g.value("indicators", json::array())) {
                    if (!i.is_object())
                        continue;
                    Row row;
                    row.level = QStringLiteral("indicator");
                    row.area = area.area;
                    row.code = q(textOf(i, "code"));
                    row.wording = q(textOf(i, "text"));
                    row.kind = kindText(textOf(i, "kind"));
                    row.scope = scopeText(textOf(i, "scope"));
                    row.weight = q(textOf(i, "weight"));
                    row.targetType = q(budget_draft::targetType(i));
                    row.targetValue = q(budget_draft::targetValue(i));
                    m_rows.push_back(row);
                }
            }
        }
    }
    m_shares = shares.isEmpty() ? QString() : shares.join(QStringLiteral(" + ")) + QStringLiteral(" = ") + QString::number(sum);
    endResetModel();
    emit loaded();
}

void SocialBudgetEditor::showDraft(json draft, const QString& source)
{
    m_budget = std::move(draft);
    if (m_budget.contains("year") && m_budget["year"].is_number_integer())
        m_year = m_budget["year"].get<int>();
    m_draft = true;
    m_source = source;
    m_message.clear();
    m_error.clear();
    rebuild();
    check();
}

void SocialBudgetEditor::check()
{
    const int ticket = ++m_checks;
    m_backend.run(
        this,
        [fed = m_federationId, text = m_budget.dump()](SyncEngine& e) -> Result<int> {
            Repository repo(e.database());
            auto doc = guarded<BudgetDocument>([&] {
                return parseBudgetDocument(text, [&](const std::string& code) {
                    return valueOrThrow(repo.questionOptions(fed, code));
                });
            });
            if (!doc)
                return doc.error();
            return static_cast<int>(doc->budget.indicatorCount());
        },
        [this, ticket](Result<int> r) {
            if (ticket != m_checks)
                return;
            m_problem.clear();
            m_problemAt.clear();
            if (!r) {
                const auto& field = r.error().field;
                m_problem = errorText(r.error());
                // "areas[1].goals[0].indicators[2] (2.4.1).target" → the indicator 2.4.1
                const auto open = field.find(" (");
                const auto close = field.find(')', open == std::string::npos ? 0 : open);
                if (open != std::string::npos && close != std::string::npos)
                    m_problemAt = q(field.substr(open + 2, close - open - 2));
                else if (field.rfind("areas[", 0) == 0) {
                    // "areas[1].ideal_share" → the area's number, as the rows show it
                    const auto i = std::stoul(field.substr(6, field.find(']') - 6));
                    if (m_budget.contains("areas") && i < m_budget["areas"].size())
                        m_problemAt = QStringLiteral("area ") + q(textOf(m_budget["areas"][i], "number"));
                }
                // Said as the kansli reads the budget: "1.1.1, weight: …"; the file's path otherwise.
                const auto key = field.substr(field.find_last_of('.') == std::string::npos ? 0 : field.find_last_of('.') + 1);
                const QString what = key == "weight"        ? tr("weight")
                                     : key == "target"      ? tr("target")
                                     : key == "ideal_share" ? tr("ideal share")
                                                            : q(key);
                if (m_problemAt.startsWith(QStringLiteral("area ")))
                    m_problem = tr("Area %1, %2: %3").arg(m_problemAt.mid(5), what, m_problem);
                else if (!m_problemAt.isEmpty())
                    m_problem = tr("%1, %2: %3").arg(m_problemAt, what, m_problem);
                else if (!field.empty())
                    m_problem = q(field) + QStringLiteral(": ") + m_problem;
            }
            emit loaded();
        });
}

void SocialBudgetEditor::startNextYear()
{
    if (!m_budget.is_object() || m_year == 0)
        return;
    json next = m_budget;
    const int from = m_year;
    (void)budget_draft::setYear(next, from + 1);
    showDraft(std::move(next), tr("Draft: %1 started from %2 – change weights and targets, then save.").arg(from + 1).arg(from));
}

void SocialBudgetEditor::openFile(const QUrl& url)
{
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("The file %1 could not be read: %2").arg(name, file.errorString());
        emit loaded();
        return;
    }
    const QByteArray bytes = file.read(8 * 1024 * 1024 + 1);
    auto parsed = json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (bytes.size() > 8 * 1024 * 1024 || parsed.is_discarded() || !parsed.is_object()) {
        m_error = tr("The file %1 is no social budget: it should be a JSON file as samkolld template writes it.").arg(name);
        emit loaded();
        return;
    }
    showDraft(std::move(parsed), tr("Draft from the file %1 – check it, then save.").arg(name));
}

void SocialBudgetEditor::startFromTemplate(const QString& which, int year)
{
    const auto text = which == QLatin1String("nns") ? socialBudgetTemplateNns() : socialBudgetTemplate2021();
    auto parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return;
    (void)budget_draft::setYear(parsed, year);
    showDraft(std::move(parsed), which == QLatin1String("nns")
                                     ? tr("Draft: %1 from the national NNS core indicators – set the targets, then save.").arg(year)
                                     : tr("Draft: %1 from the 2021 template (Umeåregionen) – change it, then save.").arg(year));
}

void SocialBudgetEditor::change(int row, const char* level, const std::function<Status(json&, const Row&)>& edit)
{
    if (row < 0 || row >= rowCount() || m_rows[static_cast<std::size_t>(row)].level != QLatin1String(level))
        return;
    json draft = m_budget;
    if (auto s = edit(draft, m_rows[static_cast<std::size_t>(row)]); !s)
        return emit rejected(q(s.error().field), errorText(s.error()));
    showDraft(std::move(draft), m_draft ? m_source : tr("Draft: %1 changed – save to replace the saved budget.").arg(m_year));
}

void SocialBudgetEditor::setIdealShare(int row, const QString& text)
{
    change(row, "area", [&](json& d, const Row& r) { return budget_draft::setIdealShare(d, r.area, text.toStdString()); });
}

void SocialBudgetEditor::setWeight(int row, const QString& text)
{
    change(row, "indicator",
           [&](json& d, const Row& r) { return budget_draft::setWeight(d, r.code.toStdString(), text.toStdString()); });
}

void SocialBudgetEditor::setTarget(int row, const QString& type, const QString& value)
{
    change(row, "indicator", [&](json& d, const Row& r) {
        return budget_draft::setTarget(d, r.code.toStdString(), type.toStdString(), value.toStdString());
    });
}

void SocialBudgetEditor::save()
{
    if (!m_draft || m_busy)
        return;
    if (!m_problem.isEmpty()) {
        m_error = tr("The budget does not hold yet: %1").arg(m_problem);
        emit loaded();
        return;
    }
    m_busy = true;
    m_message.clear();
    m_error.clear();
    emit loaded();
    const json body{{"replace", replaces()}, {"budget", m_budget}};
    m_backend.run(
        this, [body](SyncEngine& e) { return e.serverCall("/api/v1/budgets", body); },
        [this](Result<json> r) {
            m_busy = false;
            if (!r) {
                m_error = errorText(r.error());
                emit loaded();
                return;
            }
            const int year = r->value("year", m_year);
            m_message = tr("Saved on the server: the social budget %1 with %2 indicators. Every computer gets it with its next sync.")
                            .arg(year)
                            .arg(r->value("indicators", 0));
            if (std::find(m_savedYears.begin(), m_savedYears.end(), year) == m_savedYears.end())
                m_savedYears.push_back(year);
            m_draft = false;
            m_source = tr("Saved on the server – every computer computes the index with it.");
            emit loaded();
            emit saved();
        });
}

}  // namespace samkoll::client
