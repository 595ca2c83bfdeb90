// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf_document.hpp"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <algorithm>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace samkoll::pdf {

using core::Document;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

/// A Qt application for fonts and painting: the caller's if there is one,
/// else one of our own on the offscreen platform (samkolld has no display).
core::Status ensureApplication()
{
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return {};
    // A program with a QCoreApplication of its own cannot get fonts and painting.
    if (QCoreApplication::instance())
        return core::makeError("internal", "", "PDF kräver ett Qt-program med grafik (QGuiApplication)");
    static int argc = 1;
    static char name[] = "samkolld";
    static char* argv[] = {name, nullptr};
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static std::unique_ptr<QGuiApplication> app = std::make_unique<QGuiApplication>(argc, argv);
    return {};
}

QString esc(const std::string& s) { return q(s).toHtmlEscaped(); }

/// The document's body as the HTML QTextDocument reads (attributes rather
/// than CSS where its subset needs it).
QString bodyHtml(const Document& d)
{
    QString out = QStringLiteral("<html><body style=\"font-family:'DejaVu Sans'; font-size:9pt;\">");
    out += QStringLiteral("<p style=\"font-size:8pt; color:#444;\">%1<br/>%2</p>").arg(esc(d.basis), esc(d.audience));
    for (const auto& s : d.sections) {
        out += QStringLiteral("<h2 style=\"font-size:12pt;\">%1</h2>").arg(esc(s.heading));
        for (const auto& p : s.paragraphs)
            out += QStringLiteral("<p%1>%2</p>").arg(s.beyondMethod ? QStringLiteral(" style=\"font-style:italic;\"") : QString(), esc(p));
        for (const auto& t : s.tables) {
            out += QStringLiteral("<p><b>%1</b></p>").arg(esc(t.title));
            out += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"0.5\" "
                                  "style=\"border-color:#999; border-style:solid;\"><thead><tr>");
            for (std::size_t i = 0; i < t.columns.size(); ++i)
                out += QStringLiteral("<th bgcolor=\"#e8e8e8\" width=\"%1%\" align=\"%2\">%3</th>")
                           .arg(i < t.widths.size() ? t.widths[i] : static_cast<int>(100 / t.columns.size()))
                           .arg(i < t.numeric.size() && t.numeric[i] ? "right" : "left", esc(t.columns[i]));
            out += QStringLiteral("</tr></thead><tbody>");
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                const bool sum = r < t.emphasis.size() && t.emphasis[r];
                out += QStringLiteral("<tr>");
                for (std::size_t i = 0; i < t.rows[r].size(); ++i) {
                    const auto& c = t.rows[r][i];
                    QString text = esc(c.text);
                    if (const auto hex = core::colourHex(c.colour); !hex.empty())
                        text = QStringLiteral("<span style=\"background-color:%1; color:#ffffff; font-weight:bold;\">&nbsp;%2&nbsp;</span>")
                                   .arg(QString::fromLatin1(hex.data(), static_cast<qsizetype>(hex.size())), text);
                    if (sum)
                        text = QStringLiteral("<b>%1</b>").arg(text);
                    out += QStringLiteral("<td align=\"%1\">%2</td>")
                               .arg(i < t.numeric.size() && t.numeric[i] ? "right" : "left", text);
                }
                out += QStringLiteral("</tr>");
            }
            out += QStringLiteral("</tbody></table>");
            if (!t.note.empty())
                out += QStringLiteral("<p style=\"font-size:8pt;\">%1</p>").arg(esc(t.note));
        }
    }
    return out + QStringLiteral("</body></html>");
}

/// One page's part of the laid-out document: [from, to) in its y, and the
/// heading row of a table it continues.
struct Slice {
    double from = 0;
    double to = 0;
    std::optional<std::pair<double, double>> header;
};

struct TableSpan {
    double top = 0, headerBottom = 0, bottom = 0;
};

/// Cuts the document into pages only where a cut is safe: between blocks
/// outside tables and between table rows — a row never breaks (unless it is
/// taller than a page). A page that continues a table repeats its heading row.
std::vector<Slice> paginate(QTextDocument& doc, double height)
{
    auto* layout = doc.documentLayout();
    std::vector<double> cuts;
    std::vector<TableSpan> tables;
    for (auto* frame : doc.rootFrame()->childFrames()) {
        auto* table = qobject_cast<QTextTable*>(frame);
        if (!table)
            continue;
        const QRectF box = layout->frameBoundingRect(table);
        TableSpan span{box.top(), box.top(), box.bottom()};
        for (int r = 0; r < table->rows(); ++r) {
            // The top of a row: the highest top of its cells' first blocks,
            // less the cell padding, so the rule above the row stays with it.
            double rowTop = box.bottom();
            for (int c = 0; c < table->columns(); ++c) {
                const auto cell = table->cellAt(r, c);
                rowTop = std::min(rowTop, layout->blockBoundingRect(cell.firstCursorPosition().block()).top());
            }
            rowTop -= table->format().cellPadding() + table->format().border();
            if (r == 1)
                span.headerBottom = rowTop;
            if (r > 0)
                cuts.push_back(rowTop);
        }
        if (table->rows() <= 1)
            span.headerBottom = box.bottom();
        cuts.push_back(box.bottom());
        tables.push_back(span);
    }
    // Between blocks — but never right after a heading, which stays with what follows.
    bool afterHeading = false;
    for (auto it = doc.rootFrame()->begin(); !it.atEnd(); ++it) {
        const auto block = it.currentBlock();
        if (!block.isValid()) {
            afterHeading = false;  // a table
            continue;
        }
        if (!afterHeading)
            cuts.push_back(layout->blockBoundingRect(block).top());
        afterHeading = block.blockFormat().headingLevel() > 0;
    }
    const double end = layout->documentSize().height();
    cuts.push_back(end);
    std::sort(cuts.begin(), cuts.end());

    std::vector<Slice> pages;
    double y = 0;
    while (y < end - 0.5) {
        Slice s;
        s.from = y;
        double room = height;
        for (const auto& t : tables)
            if (y > t.headerBottom + 0.5 && y < t.bottom - 0.5) {
                s.header = std::make_pair(t.top, t.headerBottom);
                room -= t.headerBottom - t.top;
            }
        double cut = y + room;
        auto it = std::upper_bound(cuts.begin(), cuts.end(), y + room);
        while (it != cuts.begin()) {
            --it;
            if (*it > y + 0.5) {
                cut = *it;
                break;
            }
        }
        s.to = std::min(cut, end);
        pages.push_back(s);
        y = s.to;
    }
    if (pages.empty())
        pages.push_back({0, end, std::nullopt});
    return pages;
}

/// Draws the document's [range.first, range.second) at `top` of the page.
void drawSlice(QPainter& painter, QTextDocument& doc, std::pair<double, double> range, double top)
{
    painter.save();
    painter.translate(0, top - range.first);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = QRectF(0, range.first, doc.textWidth(), range.second - range.first);
    painter.setClipRect(context.clip);
    doc.documentLayout()->draw(&painter, context);
    painter.restore();
}

}  // namespace

core::Result<int> writeDocumentPdf(const Document& d, const std::string& path)
{
    if (auto app = ensureApplication(); !app)
        return app.error();
    {
        QFile probe(q(path));
        if (!probe.open(QIODevice::WriteOnly))
            return core::makeError("io", "out", "kan inte skriva " + path + " – finns katalogen, och får du skriva där?");
    }
    QPdfWriter writer(q(path));
    writer.setTitle(q(d.title + " – " + d.unit));
    writer.setCreator(QStringLiteral("Samkoll"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(15, 12, 15, 12),
                                     QPageLayout::Millimeter));
    writer.setResolution(300);
    QPainter painter;
    if (!painter.begin(&writer))
        return core::makeError("io", "out", "kan inte skriva PDF-filen " + path + " – finns katalogen, och får du skriva där?");

    // The page in device pixels; the header and footer bands take their share.
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    const int dpi = writer.resolution();
    const int band = dpi * 12 / 25;  // 12 mm
    const QRectF body(0, 0, page.width(), page.height() - 2 * band);

    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    doc.setDefaultFont(font);
    doc.setTextWidth(body.width());  // one long page, cut into pages below
    doc.setHtml(bodyHtml(d));
    const auto pages = paginate(doc, body.height());

    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPointSizeF(8);
    QFont bold(QStringLiteral("DejaVu Sans"));
    bold.setPointSizeF(10);
    bold.setBold(true);
    const int count = static_cast<int>(pages.size());
    for (int p = 0; p < count; ++p) {
        if (p > 0)
            writer.newPage();
        // Header: the förbund, the report and its period, on every page.
        painter.setPen(Qt::black);
        painter.setFont(small);
        painter.drawText(QRectF(0, 0, page.width(), band / 2), Qt::AlignLeft | Qt::AlignVCenter, q(d.federation));
        painter.setFont(bold);
        painter.drawText(QRectF(0, band / 2, page.width(), band / 2), Qt::AlignLeft | Qt::AlignVCenter,
                         q(d.title + " – " + d.unit));
        painter.drawLine(QPointF(0, band - dpi / 50), QPointF(page.width(), band - dpi / 50));
        // A table continued from the page before: its heading row first.
        double top = band;
        const auto& slice = pages[static_cast<std::size_t>(p)];
        if (slice.header) {
            drawSlice(painter, doc, *slice.header, top);
            top += slice.header->second - slice.header->first;
        }
        drawSlice(painter, doc, {slice.from, slice.to}, top);
        // Footer: the data's date and "Sida 3 av 12".
        painter.setFont(small);
        const QRectF foot(0, page.height() - band / 2, page.width(), band / 2);
        painter.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, q(d.basis));
        painter.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("Sida %1 av %2").arg(p + 1).arg(count));
    }
    if (!painter.end())
        return core::makeError("io", "out", "PDF-filen " + path + " blev inte färdig – finns det plats på disken? Försök igen.");
    return count;
}

}  // namespace samkoll::pdf
