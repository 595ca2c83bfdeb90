// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the finance imports — SIE files (types 2, 3, 4E) and the
// budget, utfall and account-mapping CSV files — against a real in-memory
// store with lines and a mapping. The first byte picks the importer; every
// import runs in a savepoint that is rolled back, so the store stays as it began.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string_view>

#include "samkoll/finance/finance_store.hpp"
#include "samkoll/io/finance_import.hpp"
#include "samkoll/store/repository.hpp"

using namespace samkoll::core;
using namespace samkoll::core::finance;

namespace {

struct Store {
    std::unique_ptr<Database> db;
    std::unique_ptr<FinanceStore> finance;
    Id federation = 0;

    Store()
    {
        db = Database::open(":memory:").value();
        Repository repo(*db);
        federation = repo.addFederation("sf", "Samordningsförbundet Fuzz").value();
        (void)repo.addMember(federation, "vannas", "Vännäs", MemberKind::Kommun);
        (void)repo.addTeam(federation, "vns", "Samordningsteamet Vännäs", std::string("vannas"));
        finance = std::make_unique<FinanceStore>(*db);
        (void)finance->addUnit(federation, "SAMO", "Ordinarie verksamhet", false);
        (void)finance->addLine(federation, {"avgift", "Medlemsavgifter", LineGroup::Income, "SAMO", "", "vannas"});
        (void)finance->addLine(federation, {"kansli", "Kansli", LineGroup::Administration, "SAMO", "", ""});
        (void)finance->addLine(federation, {"insats", "Team Vännäs", LineGroup::Interventions, "SAMO", "vns", ""});
        (void)finance->setMapping(federation, {{"3000", "3999", "", "", "avgift"},
                                               {"", "", "6", "P1", "insats"},
                                               {"4000", "7999", "", "", "kansli"}});
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static Store store;
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    Transaction tx(*store.db);  // never committed: rolled back at the end
    switch (data[0] % 4) {
    case 0: {
        std::istringstream in{std::string(text)};
        SieOptions options;
        options.budget = (data[0] & 0x80) != 0;
        (void)importSie(*store.finance, store.federation, in, "fil.se", options);
        break;
    }
    case 1:
        (void)importFinanceBudget(*store.finance, store.federation, text, "budget.csv", (data[0] & 0x80) != 0);
        break;
    case 2:
        (void)importFinanceOutcome(*store.finance, store.federation, text, "utfall.csv");
        break;
    default:
        (void)importAccountMapping(*store.finance, store.federation, text, "mappning.csv");
        break;
    }
    return 0;
}
