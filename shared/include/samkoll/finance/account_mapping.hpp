// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samkoll::core::finance {

/// One rule of a förbund's account mapping (domain.md §6, SIE import): the
/// accounts from–to and/or one object of a dimension (a kostnadsställe, a
/// project) feed a budget line.
struct MappingRule {
    std::string accountFrom;  ///< empty: any account (then an object is required)
    std::string accountTo;    ///< empty: the same as accountFrom
    std::string dimension;    ///< with object: e.g. "1" (kostnadsställe) or "6" (projekt)
    std::string object;
    std::string line;         ///< the budget line's code

    [[nodiscard]] bool usesObject() const { return !object.empty(); }
    [[nodiscard]] bool usesAccount() const { return !accountFrom.empty(); }
    /// "4000–4999", "5010", "alla konton"
    [[nodiscard]] std::string accountsText() const;
};

/// Whether `account` lies in [from, to], comparing as many leading digits as
/// each bound has: 4000–4999 takes 4010 of BAS and 45611 or 4561100 of
/// Kommun-Bas alike, and 45–45 every account that starts with 45.
bool accountInRange(std::string_view account, std::string_view from, std::string_view to);

/// An object of an object list.
struct ObjectKey {
    std::string_view dimension;
    std::string_view object;
};

/// The rules in the order that decides: a rule with an account range and an
/// object before a rule with an object only, before a rule with accounts
/// only; within each kind, the first written wins.
class AccountMap {
public:
    explicit AccountMap(std::vector<MappingRule> rules);

    /// The rule for an account and its objects, if any rule takes it.
    [[nodiscard]] std::optional<std::size_t> ruleFor(std::string_view account,
                                                     const std::vector<ObjectKey>& objects) const;
    /// The rule for an account without looking at objects (account-only rules).
    [[nodiscard]] std::optional<std::size_t> accountRuleFor(std::string_view account) const;
    [[nodiscard]] const MappingRule& rule(std::size_t i) const { return m_rules[i]; }
    /// A rule's place in the deciding order (0 decides first).
    [[nodiscard]] std::size_t rank(std::size_t rule) const;
    [[nodiscard]] const std::vector<MappingRule>& rules() const { return m_rules; }

private:
    std::vector<MappingRule> m_rules;
    std::vector<std::size_t> m_order;  ///< rule indices in deciding order
};

}  // namespace samkoll::core::finance
