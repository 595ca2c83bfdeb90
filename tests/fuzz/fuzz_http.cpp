// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: HTTP request handling as a stranger reaches it — Beast's
// parser with the server's limits, then the API's routing, limits, decoding
// and handlers on a real database (a förbund with a coordinator enrolled).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include "accounts.hpp"
#include "api.hpp"
#include "samkoll/demo/demo_data.hpp"
#include "samkoll/store/repository.hpp"

namespace http = boost::beast::http;
using namespace samkoll;

namespace {

struct Server {
    std::string path;
    std::unique_ptr<server::Api> api;

    Server()
    {
        path = (std::filesystem::temp_directory_path() / ("samkoll-fuzz-http-" + std::to_string(::getpid()) + ".db")).string();
        std::filesystem::remove(path);
        auto db = core::Database::open(path);
        core::Repository repo(**db);
        (void)core::createDemoFederation(repo);
        api = std::make_unique<server::Api>(path);
    }
    ~Server() { std::filesystem::remove(path); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static Server server;
    http::request_parser<http::string_body> parser;
    parser.eager(true);
    parser.body_limit(64 * 1024);
    parser.header_limit(64 * 1024);
    boost::beast::error_code ec;
    parser.put(boost::asio::buffer(data, size), ec);
    if (ec || !parser.is_done())
        return 0;
    auto res = server.api->handle(parser.get(), "127.0.0.1");
    // Every answer is a well-formed status; a client error is never a 5xx.
    if (res.result_int() >= 500 && res.result_int() != 503)
        __builtin_trap();
    return 0;
}
