// SPDX-License-Identifier: GPL-3.0-or-later
// The demo förbund's money: a budget for 2020 and 2021 shaped like a real
// förbund's (allocation 11 380 tkr, member contributions split by the core,
// kansli costs, one insats per team) and a year of monthly utfall each.
#include "samkoll/demo/demo_data.hpp"

#include <random>

#include "samkoll/domain/arithmetic.hpp"
#include "samkoll/finance/finance_store.hpp"

namespace samkoll::core {

using namespace finance;

Status createDemoFinance(Database& db, Id federationId, std::uint64_t seed)
{
    FinanceStore store(db);
    std::mt19937_64 rng(seed ^ 0x5eedf00dULL);
    auto noise = [&](Amount amount, int percent) {
        const int p = std::uniform_int_distribution<int>(-percent, percent)(rng);
        return amount + amount / 100 * p;
    };
    if (auto u = store.addUnit(federationId, "SAMO", "Ordinarie verksamhet", false); !u)
        return u.error();

    struct Line {
        const char* code;
        const char* name;
        LineGroup group;
        const char* team;
        const char* member;
        std::int64_t budgetKr;
    };
    // Member contributions from the core's split (state half, region a
    // quarter, kommuner a quarter by population 20–64).
    const Amount allocation = kronor(11'380'000);
    const std::vector<std::pair<std::string, std::int64_t>> kommuner{
        {"umea", 73500}, {"vannas", 4950}, {"vindeln", 2800}, {"robertsfors", 3500}, {"nordmaling", 3800}, {"bjurholm", 1250}};
    const auto shares = memberContributions(allocation, {{"region", 1}}, kommuner, "fk");
    std::vector<Line> lines;
    std::vector<std::string> memberNames{"Staten (Försäkringskassan)", "Region Västerbotten", "Umeå kommun", "Vännäs kommun",
                                         "Vindelns kommun", "Robertsfors kommun", "Nordmalings kommun", "Bjurholms kommun"};
    std::vector<std::string> codes, names;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        codes.push_back("avgift-" + shares[i].member);
        names.push_back("Medlemsavgift " + memberNames[i]);
    }
    for (std::size_t i = 0; i < shares.size(); ++i)
        lines.push_back({codes[i].c_str(), names[i].c_str(), LineGroup::Income, "", shares[i].member.c_str(),
                         shares[i].amount / kKrona});
    const std::vector<Line> rest{
        {"arvoden", "Arvoden styrelse", LineGroup::Administration, "", "", -180'000},
        {"revision", "Revisorer", LineGroup::Administration, "", "", -60'000},
        {"kanslipersonal", "Kanslipersonal", LineGroup::Administration, "", "", -2'400'000},
        {"ekonomi", "Ekonomihantering", LineGroup::Administration, "", "", -120'000},
        {"lokal", "Lokalhyra", LineGroup::Administration, "", "", -240'000},
        {"konferens", "Konferens och resor", LineGroup::Administration, "", "", -80'000},
        {"social-redovisning", "Social redovisning", LineGroup::Operations, "", "", -150'000},
        {"kompetens", "Kompetensutveckling", LineGroup::Operations, "", "", -200'000},
        {"insats-ungdomstorget", "Ungdomstorget", LineGroup::Interventions, "ungdomstorget", "", -2'500'000},
        {"insats-vuxentorget", "Vuxentorget", LineGroup::Interventions, "vuxentorget", "", -2'500'000},
        {"insats-vannas", "Samordningsteamet Vännäs", LineGroup::Interventions, "vannas", "", -600'000},
        {"insats-vindeln", "Samordningsteamet Vindeln", LineGroup::Interventions, "vindeln", "", -600'000},
        {"insats-nordmaling", "Samordningsteamet Nordmaling", LineGroup::Interventions, "nordmaling", "", -600'000},
        {"insats-robertsfors", "Samordningsteamet Robertsfors", LineGroup::Interventions, "robertsfors", "", -600'000},
        {"insats-bjurholm", "Samordningsteamet Bjurholm", LineGroup::Interventions, "bjurholm", "", -600'000},
        {"ranta", "Ränteintäkter", LineGroup::Financial, "", "", 5'000},
    };
    lines.insert(lines.end(), rest.begin(), rest.end());
    for (const auto& l : lines)
        if (auto s = store.addLine(federationId, {l.code, l.name, l.group, "SAMO", l.team, l.member}); !s)
            return s.error();

    // The account mapping a förbund's SIE files are read with (BAS accounts; the teams by kostnadsställe).
    std::vector<MappingRule> mapping{{"7000", "7699", "", "", "kanslipersonal"},
                                     {"5010", "5099", "", "", "lokal"},
                                     {"5800", "5899", "", "", "konferens"},
                                     {"6420", "", "", "", "revision"},
                                     {"6550", "", "", "", "ekonomi"},
                                     {"", "", "1", "VNS", "insats-vannas"},
                                     {"", "", "1", "VDL", "insats-vindeln"}};
    if (auto s = store.setMapping(federationId, mapping); !s)
        return s;
    if (auto s = store.setOpeningEquity(federationId, 2020, kronor(2'450'000)); !s)
        return s;
    for (int year : {2020, 2021}) {
        for (const auto& l : lines) {
            const Amount budget = kronor(l.budgetKr);
            const bool memberFee = l.group == LineGroup::Income && *l.member;
            // Member fees are paid each quarter: a monthly budget says so, so
            // the computed prognos does not count on eight twelfths by August.
            std::optional<std::array<Amount, 12>> months;
            if (memberFee) {
                const auto quarters = splitLargestRemainder(budget, {1, 1, 1, 1});
                months = std::array<Amount, 12>{};
                for (int q = 0; q < 4; ++q)
                    (*months)[static_cast<std::size_t>(q * 3)] = quarters[static_cast<std::size_t>(q)];
            }
            if (auto s = store.setBudget(federationId, l.code, year, budget, months); !s)
                return s;
            for (int month = 1; month <= 12; ++month) {
                Amount amount = 0;
                if (memberFee)
                    amount = month % 3 == 1 ? (*months)[static_cast<std::size_t>(month - 1)] : 0;
                else
                    amount = noise(budget / 12, 15);
                if (amount != 0)
                    if (auto s = store.setOutcome(federationId, l.code, year, month, amount); !s)
                        return s;
            }
        }
    }
    // The kansli's own prognos for staff in 2021 (a vacancy in the autumn).
    return store.setForecast(federationId, "kanslipersonal", 2021, kronor(-2'250'000));
}

}  // namespace samkoll::core
