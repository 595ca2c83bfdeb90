// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/finance/account_mapping.hpp"

#include <algorithm>

namespace samkoll::core::finance {

std::string MappingRule::accountsText() const
{
    if (accountFrom.empty())
        return "alla konton";
    if (accountTo.empty() || accountTo == accountFrom)
        return accountFrom;
    return accountFrom + "–" + accountTo;
}

bool accountInRange(std::string_view account, std::string_view from, std::string_view to)
{
    if (to.empty())
        to = from;
    // Compare the account's first len(bound) characters, padded with '0'
    // when the account is shorter than the bound.
    auto prefix = [&](std::size_t n) {
        std::string p(account.substr(0, std::min(n, account.size())));
        p.resize(n, '0');
        return p;
    };
    return prefix(from.size()) >= from && prefix(to.size()) <= to;
}

AccountMap::AccountMap(std::vector<MappingRule> rules) : m_rules(std::move(rules))
{
    auto kind = [](const MappingRule& r) { return r.usesObject() ? (r.usesAccount() ? 0 : 1) : 2; };
    for (std::size_t i = 0; i < m_rules.size(); ++i)
        m_order.push_back(i);
    std::stable_sort(m_order.begin(), m_order.end(),
                     [&](std::size_t a, std::size_t b) { return kind(m_rules[a]) < kind(m_rules[b]); });
}

std::optional<std::size_t> AccountMap::ruleFor(std::string_view account, const std::vector<ObjectKey>& objects) const
{
    for (std::size_t i : m_order) {
        const auto& r = m_rules[i];
        if (r.usesAccount() && !accountInRange(account, r.accountFrom, r.accountTo))
            continue;
        if (r.usesObject()) {
            const bool has = std::any_of(objects.begin(), objects.end(), [&](const ObjectKey& o) {
                return o.object == r.object && (r.dimension.empty() || o.dimension == r.dimension);
            });
            if (!has)
                continue;
        }
        return i;
    }
    return std::nullopt;
}

std::size_t AccountMap::rank(std::size_t rule) const
{
    return static_cast<std::size_t>(std::find(m_order.begin(), m_order.end(), rule) - m_order.begin());
}

std::optional<std::size_t> AccountMap::accountRuleFor(std::string_view account) const
{
    for (std::size_t i : m_order) {
        const auto& r = m_rules[i];
        if (!r.usesObject() && accountInRange(account, r.accountFrom, r.accountTo))
            return i;
    }
    return std::nullopt;
}

}  // namespace samkoll::core::finance
