// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/io/sie.hpp"

#include <array>
#include <charconv>

#include "samkoll/domain/text.hpp"
#include "samkoll/report/format.hpp"

namespace samkoll::core::sie {

namespace {

constexpr std::array<std::uint32_t, 256> makeCrcTable()
{
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}
constexpr auto kCrcTable = makeCrcTable();

enum class TokenKind { Text, ListOpen, ListClose };

struct Token {
    std::string_view text;
    TokenKind kind = TokenKind::Text;
};

/// A field of a record: plain text, or an object list (tokens [first, last) of the record).
struct Field {
    std::string_view text;
    bool list = false;
    std::size_t first = 0;
    std::size_t last = 0;
};

/// Splits one line into tokens: fields separated by spaces or tabs, "quoted"
/// with \" inside, and object lists in { }. Unescaped text goes to `arena`,
/// which holds at least the line's size so views into it stay valid.
bool tokenise(std::string_view line, std::vector<Token>& tokens, std::string& arena)
{
    tokens.clear();
    arena.clear();
    if (arena.capacity() < line.size())
        arena.reserve(line.size() * 2);
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (i < n) {
        const char c = line[i];
        if (c == ' ' || c == '\t') {
            ++i;
        } else if (c == '{') {
            tokens.push_back({line.substr(i, 1), TokenKind::ListOpen});
            ++i;
        } else if (c == '}') {
            tokens.push_back({line.substr(i, 1), TokenKind::ListClose});
            ++i;
        } else if (c == '"') {
            ++i;
            const std::size_t start = arena.size();
            bool closed = false;
            while (i < n) {
                if (line[i] == '\\' && i + 1 < n && line[i + 1] == '"') {
                    arena.push_back('"');
                    i += 2;
                } else if (line[i] == '"') {
                    ++i;
                    closed = true;
                    break;
                } else {
                    arena.push_back(line[i++]);
                }
            }
            if (!closed)
                return false;
            tokens.push_back({std::string_view(arena).substr(start), TokenKind::Text});
        } else {
            const std::size_t start = i;
            while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != '{' && line[i] != '}' && line[i] != '"')
                ++i;
            tokens.push_back({line.substr(start, i - start), TokenKind::Text});
        }
    }
    return true;
}

/// Groups tokens (after the label) into fields; false when braces do not pair.
bool fieldsOf(const std::vector<Token>& tokens, std::vector<Field>& fields)
{
    fields.clear();
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        if (tokens[i].kind == TokenKind::ListClose)
            return false;
        if (tokens[i].kind == TokenKind::Text) {
            fields.push_back({tokens[i].text, false, 0, 0});
            continue;
        }
        std::size_t j = i + 1;
        while (j < tokens.size() && tokens[j].kind == TokenKind::Text)
            ++j;
        if (j == tokens.size() || tokens[j].kind != TokenKind::ListClose)
            return false;
        fields.push_back({{}, true, i + 1, j});
        i = j;
    }
    return true;
}

/// Which bytes the file's text is in, decided by the first line that is not ASCII.
class Decoder {
public:
    void declarePc8() { m_declaredPc8 = true; }

    void observe(std::string_view line)
    {
        if (m_decided)
            return;
        bool ascii = true;
        int c1 = 0, high = 0;
        for (unsigned char c : line) {
            if (c >= 0x80) {
                ascii = false;
                (c < 0xA0 ? c1 : high)++;
            }
        }
        if (ascii)
            return;
        m_decided = true;
        if (validUtf8(line))
            m_encoding = Encoding::Utf8;
        else
            m_encoding = c1 >= high ? Encoding::Cp437 : Encoding::Latin1;
    }

    [[nodiscard]] std::string decode(std::string_view text) const
    {
        switch (m_encoding) {
        case Encoding::Utf8:
            return validUtf8(text) ? std::string(text) : fromWindows1252(text);
        case Encoding::Latin1:
            return fromWindows1252(text);
        case Encoding::Cp437:
            break;
        }
        return fromCp437(text);
    }

    [[nodiscard]] std::string name() const
    {
        if (!m_decided)
            return m_declaredPc8 ? "CP437" : "ASCII";
        switch (m_encoding) {
        case Encoding::Utf8:
            return "UTF-8";
        case Encoding::Latin1:
            return "Latin-1";
        case Encoding::Cp437:
            break;
        }
        return "CP437";
    }

    void setUtf8() { m_decided = true, m_encoding = Encoding::Utf8; }

private:
    enum class Encoding { Cp437, Utf8, Latin1 };
    bool m_declaredPc8 = false;
    bool m_decided = false;
    Encoding m_encoding = Encoding::Cp437;
};

std::optional<int> parseInt(std::string_view text)
{
    int v = 0;
    const auto* end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || p != end)
        return std::nullopt;
    return v;
}

/// "-1234.50", "1234.5", "1234" → öre (SIE writes '.' and at most two decimals).
std::optional<std::int64_t> parseAmount(std::string_view text)
{
    bool negative = false;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    if (text.empty())
        return std::nullopt;
    std::int64_t whole = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] != '.' && text[i] != ','; ++i) {
        if (text[i] < '0' || text[i] > '9' || whole > 900'000'000'000'000)
            return std::nullopt;
        whole = whole * 10 + (text[i] - '0');
    }
    if (i == 0)
        return std::nullopt;
    std::int64_t cents = 0;
    if (i < text.size()) {
        const auto decimals = text.substr(i + 1);
        if (decimals.empty() || decimals.size() > 2)
            return std::nullopt;
        for (char c : decimals) {
            if (c < '0' || c > '9')
                return std::nullopt;
        }
        cents = (decimals[0] - '0') * 10 + (decimals.size() == 2 ? decimals[1] - '0' : 0);
    }
    const std::int64_t v = whole * 100 + cents;
    return negative ? -v : v;
}

/// "20260131" → a date.
std::optional<Date> parseSieDate(std::string_view text)
{
    if (text.size() != 8)
        return std::nullopt;
    const auto year = parseInt(text.substr(0, 4));
    const auto month = parseInt(text.substr(4, 2));
    const auto day = parseInt(text.substr(6, 2));
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > daysInMonth(*year, *month))
        return std::nullopt;
    return Date{*year, *month, *day};
}

std::string sieDate(const Date& d)
{
    return d.iso();
}

/// The read of one file: state between lines.
class Reader {
public:
    Reader(const std::string& fileName, Visitor& visitor) : m_fileName(fileName), m_visitor(visitor) {}

    Result<FileInfo> run(std::istream& in)
    {
        std::string line;
        while (std::getline(in, line)) {
            ++m_lineNumber;
            std::string_view view = line;
            if (m_lineNumber == 1 && view.starts_with("\xEF\xBB\xBF")) {
                view.remove_prefix(3);
                m_decoder.setUtf8();
            }
            if (!view.empty() && view.back() == '\r')
                view.remove_suffix(1);
            if (auto s = readLine(view); !s)
                return s.error();
        }
        if (m_inVoucher || m_expectBlock)
            return error("vouchers", "verifikationen " + m_voucherName + " tar slut utan sina rader inom { }", m_voucherLine);
        if (m_checksumStarted && !m_checksumEnded)
            return error("checksum", "filen börjar med #KSUMMA men saknar kontrollsumman på sista raden", m_lineNumber);
        if (m_info.balances == 0 && m_info.transactions == 0 && m_records == 0)
            return error("file", "filen innehåller inga SIE-poster", m_lineNumber);
        m_info.encoding = m_decoder.name();
        return std::move(m_info);
    }

private:
    Error error(const std::string& field, const std::string& message, std::int64_t line) const
    {
        Error e = makeError("invalid_sie", field, message);
        e.where = m_fileName + ", rad " + std::to_string(line);
        return e;
    }
    Error error(const std::string& field, const std::string& message) const { return error(field, message, m_lineNumber); }

    void addToChecksum()
    {
        for (const auto& t : m_tokens) {
            m_crcWithBraces = crc32(t.text, m_crcWithBraces);
            if (t.kind == TokenKind::Text)
                m_crcWithoutBraces = crc32(t.text, m_crcWithoutBraces);
        }
    }

    Status readLine(std::string_view line)
    {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos)
            return {};
        line.remove_prefix(first);
        m_decoder.observe(line);
        if (!tokenise(line, m_tokens, m_arena))
            return error("line", "ett citattecken stängs inte på raden");
        const auto label = m_tokens.front().text;
        if (m_tokens.front().kind == TokenKind::ListOpen && m_tokens.size() == 1)
            return openVoucher();
        if (m_tokens.front().kind == TokenKind::ListClose && m_tokens.size() == 1)
            return closeVoucher();
        if (m_tokens.front().kind != TokenKind::Text || !label.starts_with('#'))
            return error("line", "raden är inte SIE: en post börjar med # (t.ex. #TRANS), fick '" +
                                     printable(line, 40) + "'");
        if (!fieldsOf(m_tokens, m_fields))
            return error("line", "en objektlista { } stängs inte eller är fel kapslad");
        ++m_records;
        if (label == "#KSUMMA")
            return checksum();
        if (m_checksumEnded)
            return error("checksum", "poster efter den avslutande #KSUMMA");
        if (m_checksumStarted)
            addToChecksum();
        return record(label);
    }

    Status checksum()
    {
        if (!m_checksumStarted) {
            if (!m_fields.empty())
                return error("checksum", "#KSUMMA med en summa innan kontrollsummeringen har börjat");
            m_checksumStarted = true;
            return {};
        }
        if (m_checksumEnded || m_fields.empty())
            return error("checksum", "#KSUMMA förekommer för många gånger");
        m_checksumEnded = true;
        std::uint32_t stated = 0;
        const auto text = m_fields[0].text;
        auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), stated);
        if (ec != std::errc() || p != text.data() + text.size()) {
            std::int64_t asSigned = 0;  // some programs write the sum as a signed 32-bit number
            auto [q, ec2] = std::from_chars(text.data(), text.data() + text.size(), asSigned);
            if (ec2 != std::errc() || q != text.data() + text.size())
                return error("checksum", "#KSUMMA ska vara ett tal, fick '" + printable(text, 20) + "'");
            stated = static_cast<std::uint32_t>(asSigned);
        }
        if (stated != m_crcWithBraces && stated != m_crcWithoutBraces)
            return error("checksum", "kontrollsumman stämmer inte (filen anger " + std::to_string(stated) +
                                         ", innehållet ger " + std::to_string(m_crcWithoutBraces) +
                                         ") – filen har ändrats eller kommit fram ofullständig; exportera den igen");
        m_info.checksumVerified = true;
        return {};
    }

    Status record(std::string_view label)
    {
        if (m_expectBlock)
            return error("vouchers", "verifikationen " + m_voucherName + " saknar sina rader inom { }");
        if (m_inVoucher && label != "#TRANS" && label != "#RTRANS" && label != "#BTRANS")
            return error("vouchers", "verifikationen " + m_voucherName + " saknar sitt avslutande '}' före " +
                                         std::string(label));
        auto text = [&](std::size_t i) -> std::string_view { return i < m_fields.size() && !m_fields[i].list ? m_fields[i].text : std::string_view{}; };
        if (label == "#SIETYP") {
            const auto t = text(0);
            if (t == "4E" || t == "4e")
                m_info.type = 4;
            else if (auto v = parseInt(t))
                m_info.type = *v;
            if (t == "4I" || t == "4i" || m_info.type == 1)
                return error("type", "SIE typ " + std::string(t) +
                                         " innehåller inga månadsbelopp – exportera typ 2, 3 eller 4 (4E)");
            if (m_info.type < 1 || m_info.type > 4)
                return error("type", "okänd SIE-typ '" + printable(t, 10) + "'");
            return {};
        }
        if (label == "#FORMAT") {
            if (text(0) == "PC8")
                m_decoder.declarePc8();
            return {};
        }
        if (label == "#PROGRAM") {
            m_info.program = m_decoder.decode(text(0));
            if (!text(1).empty())
                m_info.program += " " + m_decoder.decode(text(1));
            return {};
        }
        if (label == "#FNAMN") {
            m_info.company = m_decoder.decode(text(0));
            return {};
        }
        if (label == "#ORGNR") {
            m_info.organisationNumber = std::string(text(0));
            return {};
        }
        if (label == "#RAR")
            return fiscalYear();
        if (label == "#KONTO") {
            if (text(0).empty())
                return error("account", "#KONTO saknar kontonummer");
            m_info.accounts[std::string(text(0))] = m_decoder.decode(text(1));
            return {};
        }
        if (label == "#DIM") {
            m_info.dimensions[std::string(text(0))] = m_decoder.decode(text(1));
            return {};
        }
        if (label == "#OBJEKT") {
            m_info.objects[{std::string(text(0)), std::string(text(1))}] = m_decoder.decode(text(2));
            return {};
        }
        if (label == "#PSALDO" || label == "#PBUDGET")
            return balance(label == "#PSALDO" ? BalanceKind::Outcome : BalanceKind::Budget);
        if (label == "#VER")
            return voucher();
        if (label == "#TRANS")
            return transaction();
        // #RTRANS is followed by the same row as #TRANS for older readers and
        // #BTRANS is a struck row: both are ignored, like every label Samkoll
        // does not use (#IB, #UB, #RES, #ADRESS …).
        return {};
    }

    Status fiscalYear()
    {
        const auto index = m_fields.size() >= 3 ? parseInt(m_fields[0].text) : std::nullopt;
        const auto start = m_fields.size() >= 3 ? parseSieDate(m_fields[1].text) : std::nullopt;
        const auto end = m_fields.size() >= 3 ? parseSieDate(m_fields[2].text) : std::nullopt;
        if (!index || *index > 0 || !start || !end || *end < *start)
            return error("fiscal_year", "#RAR ska vara årsnummer (0, -1 …), startdatum och slutdatum (ÅÅÅÅMMDD)");
        m_info.years.push_back({*index, *start, *end});
        return {};
    }

    bool objectsOf(const Field& f)
    {
        m_objects.clear();
        if (!f.list)
            return false;
        if ((f.last - f.first) % 2 != 0)
            return false;
        for (std::size_t i = f.first; i < f.last; i += 2)
            m_objects.push_back({m_tokens[i].text, m_tokens[i + 1].text});
        return true;
    }

    Status balance(BalanceKind kind)
    {
        const char* name = kind == BalanceKind::Outcome ? "#PSALDO" : "#PBUDGET";
        if (m_fields.size() < 5 || m_fields[0].list || m_fields[1].list || m_fields[2].list || m_fields[4].list)
            return error("balance", std::string(name) + " ska vara årsnummer, period (ÅÅÅÅMM), konto, {objekt} och belopp");
        const auto index = parseInt(m_fields[0].text);
        const auto period = m_fields[1].text.size() == 6 ? parseInt(m_fields[1].text) : std::nullopt;
        if (!index || !period || *period % 100 < 1 || *period % 100 > 12)
            return error("period", std::string(name) + ": ogiltigt årsnummer eller period '" +
                                       printable(m_fields[1].text, 12) + "' (ÅÅÅÅMM)");
        const FiscalYear* fy = m_info.year(*index);
        if (!fy)
            return error("period", "årsnummer " + std::to_string(*index) + " saknas i #RAR");
        const int year = *period / 100, month = *period % 100;
        const Date first{year, month, 1};
        const Date monthStart{fy->start.year, fy->start.month, 1};
        if (first < monthStart || first > fy->end)
            return error("period", "perioden " + std::string(m_fields[1].text) + " ligger utanför räkenskapsåret " +
                                       sieDate(fy->start) + "–" + sieDate(fy->end) + " (#RAR " +
                                       std::to_string(*index) + ")");
        if (!objectsOf(m_fields[3]))
            return error("objects", std::string(name) + ": objektlistan ska vara par av dimension och objekt inom { }");
        const auto amount = parseAmount(m_fields[4].text);
        if (!amount)
            return error("amount", "ogiltigt belopp '" + printable(m_fields[4].text, 20) + "' (skrivs 1234.50)");
        ++m_info.balances;
        return m_visitor.balance(kind, *index, year, month, m_fields[2].text, m_objects, *amount);
    }

    Status voucher()
    {
        const auto date = m_fields.size() >= 3 ? parseSieDate(m_fields[2].text) : std::nullopt;
        m_voucherName = (m_fields.size() >= 2 ? std::string(m_fields[0].text) + " " + std::string(m_fields[1].text) : "?");
        m_voucherName = printable(m_voucherName, 40);
        if (!date)
            return error("voucher_date", "#VER " + m_voucherName + " saknar ett giltigt datum (ÅÅÅÅMMDD)");
        bool inYear = false;
        for (const auto& fy : m_info.years)
            inYear = inYear || (*date >= fy.start && *date <= fy.end);
        if (m_info.years.empty())
            return error("fiscal_year", "#VER före #RAR: filen anger inte sina räkenskapsår");
        if (!inYear)
            return error("voucher_date", "verifikationen " + m_voucherName + " är daterad " + sieDate(*date) +
                                             ", utanför räkenskapsåren i #RAR");
        m_voucherDate = *date;
        m_voucherLine = m_lineNumber;
        m_expectBlock = true;
        ++m_info.vouchers;
        return {};
    }

    Status openVoucher()
    {
        if (!m_expectBlock)
            return error("vouchers", "'{' utan #VER före");
        if (m_checksumStarted)
            addToChecksum();
        m_expectBlock = false;
        m_inVoucher = true;
        m_voucherSum = 0;
        return {};
    }

    Status closeVoucher()
    {
        if (!m_inVoucher)
            return error("vouchers", "'}' utan öppnad verifikation");
        if (m_checksumStarted)
            addToChecksum();
        m_inVoucher = false;
        if (m_voucherSum != 0)
            return error("vouchers", "verifikationen " + m_voucherName + " (rad " + std::to_string(m_voucherLine) +
                                         ") balanserar inte: debet och kredit skiljer " +
                                         formatCenti(m_voucherSum) + " kr");
        return {};
    }

    Status transaction()
    {
        if (!m_inVoucher)
            return error("vouchers", "#TRANS utanför en verifikation (#VER … { … })");
        if (m_fields.size() < 3 || m_fields[0].list || m_fields[2].list || m_fields[0].text.empty())
            return error("transaction", "#TRANS ska vara konto, {objekt} och belopp");
        if (!objectsOf(m_fields[1]))
            return error("objects", "#TRANS: objektlistan ska vara par av dimension och objekt inom { }");
        const auto amount = parseAmount(m_fields[2].text);
        if (!amount)
            return error("amount", "ogiltigt belopp '" + printable(m_fields[2].text, 20) + "' (skrivs 1234.50)");
        if (auto s = m_visitor.transaction(m_voucherDate, m_fields[0].text, m_objects, *amount); !s)
            return s;
        m_voucherSum += *amount;
        ++m_info.transactions;
        return {};
    }

    const std::string& m_fileName;
    Visitor& m_visitor;
    FileInfo m_info;
    Decoder m_decoder;
    std::int64_t m_lineNumber = 0;
    std::int64_t m_records = 0;
    std::vector<Token> m_tokens;
    std::vector<Field> m_fields;
    std::vector<ObjectRef> m_objects;
    std::string m_arena;
    bool m_checksumStarted = false, m_checksumEnded = false;
    std::uint32_t m_crcWithBraces = 0, m_crcWithoutBraces = 0;
    bool m_expectBlock = false, m_inVoucher = false;
    Date m_voucherDate;
    std::string m_voucherName;
    std::int64_t m_voucherLine = 0;
    std::int64_t m_voucherSum = 0;
};

}  // namespace

const FiscalYear* FileInfo::year(int index) const
{
    for (const auto& y : years)
        if (y.index == index)
            return &y;
    return nullptr;
}

std::string FileInfo::accountName(const std::string& account) const
{
    auto it = accounts.find(account);
    return it == accounts.end() ? std::string() : it->second;
}

std::uint32_t crc32(std::string_view bytes, std::uint32_t crc)
{
    std::uint32_t c = ~crc;
    for (unsigned char b : bytes)
        c = kCrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
    return ~c;
}

Result<FileInfo> read(std::istream& in, const std::string& fileName, Visitor& visitor)
{
    Reader reader(fileName, visitor);
    return reader.run(in);
}

std::int64_t countFields(std::istream& in)
{
    std::string line, arena;
    std::vector<Token> tokens;
    std::int64_t count = 0;
    while (std::getline(in, line)) {
        if (tokenise(line, tokens, arena))
            count += static_cast<std::int64_t>(tokens.size());
    }
    return count;
}

}  // namespace samkoll::core::sie
