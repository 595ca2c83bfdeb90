// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "samkoll/domain/date.hpp"
#include "samkoll/domain/result.hpp"

namespace samkoll::core::sie {

/// The SIE reader (domain.md §6, "SIE filformat utgåva 4B"): types 2, 3 and
/// 4E. It reads line by line from a stream and hands every balance and
/// transaction to a Visitor, so memory does not grow with the file; what it
/// keeps is the header (company, fiscal years, account and object names).
/// Amounts are in öre with SIE's signs (debit positive, credit negative).

/// One (dimension, object) pair of an object list; valid during the callback only.
struct ObjectRef {
    std::string_view dimension;
    std::string_view object;
};

enum class BalanceKind {
    Outcome,  ///< #PSALDO: the month's change per account (and per object in type 3)
    Budget,   ///< #PBUDGET: the month's budget
};

/// #RAR: a fiscal year (0 = this year, -1 = last year …); may be split (July–June).
struct FiscalYear {
    int index = 0;
    Date start;
    Date end;
};

/// What a file says about itself, names decoded to UTF-8.
struct FileInfo {
    int type = 0;              ///< #SIETYP (2, 3 or 4); 0 when the file does not say
    std::string encoding;      ///< "CP437" (PC8, the standard), "UTF-8" or "Latin-1", as detected
    std::string program;       ///< #PROGRAM
    std::string company;       ///< #FNAMN
    std::string organisationNumber;  ///< #ORGNR
    std::vector<FiscalYear> years;
    std::map<std::string, std::string> accounts;    ///< #KONTO number → name
    std::map<std::string, std::string> dimensions;  ///< #DIM number → name
    std::map<std::pair<std::string, std::string>, std::string> objects;  ///< #OBJEKT (dimension, object) → name
    bool checksumVerified = false;  ///< #KSUMMA was present and matched
    std::int64_t balances = 0;      ///< #PSALDO and #PBUDGET rows read
    std::int64_t vouchers = 0;      ///< #VER read
    std::int64_t transactions = 0;  ///< #TRANS read

    /// The fiscal year with this index, when #RAR gave it.
    [[nodiscard]] const FiscalYear* year(int index) const;
    /// Decoded name of an account, or empty.
    [[nodiscard]] std::string accountName(const std::string& account) const;
};

/// Receives the amounts of a file as it is read. Returning an error stops the read.
class Visitor {
public:
    virtual ~Visitor() = default;
    /// A #PSALDO or #PBUDGET row: the calendar month `year`-`month` of fiscal
    /// year `yearIndex`; `objects` is empty for an account total.
    virtual Status balance(BalanceKind kind, int yearIndex, int year, int month, std::string_view account,
                           std::span<const ObjectRef> objects, std::int64_t amount) = 0;
    /// A #TRANS row of a voucher dated `voucherDate`, as it is read. A voucher
    /// that turns out not to balance stops the read with an error, so whatever
    /// the visitor collected must then be discarded (as for any error).
    virtual Status transaction(Date voucherDate, std::string_view account, std::span<const ObjectRef> objects,
                               std::int64_t amount) = 0;
};

/// Reads a whole file. Any error — a line that is not SIE, a voucher that does
/// not balance, a month outside #RAR, a wrong #KSUMMA — names the line and stops
/// the read; the caller must then discard what the visitor collected.
Result<FileInfo> read(std::istream& in, const std::string& fileName, Visitor& visitor);

/// Only splits the file into records and fields (for the benchmark's baseline):
/// the number of fields read.
std::int64_t countFields(std::istream& in);

/// CRC-32 (IEEE, as zlib's), which #KSUMMA uses; `crc` continues a running sum.
std::uint32_t crc32(std::string_view bytes, std::uint32_t crc = 0);

}  // namespace samkoll::core::sie
