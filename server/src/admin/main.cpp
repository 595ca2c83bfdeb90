// SPDX-License-Identifier: GPL-3.0-or-later
#include <iostream>

#include "cli.hpp"

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    return samkoll::server::runAdminCli(args, std::cout, std::cerr);
}
