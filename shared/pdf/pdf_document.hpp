// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "samkoll/domain/result.hpp"
#include "samkoll/report/document.hpp"

namespace samkoll::pdf {

/// Writes a document as an A4 PDF (landscape: the indicator table has eight columns): the förbund's name, the title, unit and
/// period at the top of every page, "Sida 3 av 12" and the data's date at the
/// bottom, tables whose header repeats on each new page, the index colours
/// beside their words. Qt's PDF writer lays it out (QTextDocument); without a
/// Qt application it starts one on the offscreen platform, so it runs on a
/// server without a display. Returns the number of pages.
core::Result<int> writeDocumentPdf(const core::Document& document, const std::string& path);

}  // namespace samkoll::pdf
