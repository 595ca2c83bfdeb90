// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the CSV importers (cases, survey tallies, HÅE) against a
// real in-memory store. The first byte picks the importer; every import runs
// in a savepoint that is rolled back, so the store stays as it began.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "samkoll/io/budget_json.hpp"
#include "samkoll/io/importers.hpp"
#include "samkoll/store/repository.hpp"

using namespace samkoll::core;

namespace {

struct Store {
    std::unique_ptr<Database> db;
    std::unique_ptr<Repository> repo;
    Id federation = 0;

    Store()
    {
        db = Database::open(":memory:").value();
        repo = std::make_unique<Repository>(*db);
        federation = repo->addFederation("sf", "Samordningsförbundet Fuzz").value();
        (void)repo->addMember(federation, "vannas", "Vännäs", MemberKind::Kommun);
        (void)repo->addMember(federation, "af", "Arbetsförmedlingen", MemberKind::State);
        (void)repo->addTeam(federation, "vns", "Samordningsteamet Vännäs", std::string("vannas"));
        (void)importBudget(*repo, federation, socialBudgetTemplate2021(), "mall.json", false);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static Store store;
    if (size == 0)
        return 0;
    const std::string_view csv(reinterpret_cast<const char*>(data) + 1, size - 1);
    Transaction tx(*store.db);  // never committed: rolled back at the end
    switch (data[0] % 3) {
    case 0:
        (void)importCases(*store.repo, store.federation, csv, "arenden.csv", Date{2026, 1, 1});
        break;
    case 1:
        (void)importTallies(*store.repo, store.federation, csv, "enkatsvar.csv", "fuzz");
        break;
    default:
        (void)importHae(*store.repo, store.federation, csv, "hae.csv");
        break;
    }
    return 0;
}
